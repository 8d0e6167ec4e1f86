import { defineConfig } from 'vitest/config';

/**
 * The MCP suites run twice: with 2025-11-25 clients (handshake, sessions) in the default project,
 * and again with 2026-07-28 clients (stateless requests) in the second (test/helpers/era.ts).
 */
const MCP_SUITES = [
  'test/mcp-stdio.test.ts',
  'test/mcp-protocol.test.ts',
  'test/api/mcp-http.test.ts',
  'test/files/mcp.test.ts',
  'test/authz/tools.authz.test.ts',
  'test/hostile/idempotency.mcp.test.ts',
  'test/contract/hosted-stdio.test.ts',
  'test/contract/hosted-http.test.ts',
  'test/oauth/flow.test.ts',
];

/**
 * The engine's suites run again on PostgreSQL (docs/scaling.md): the same tests, each database a
 * fresh PostgreSQL database on a cluster the project's global setup starts (test/helpers/store.ts).
 */
const POSTGRES_SUITES = [
  'test/engine/**/*.test.ts',
  'test/contract/marketplace.test.ts',
  'test/model/*.test.ts',
  'test/races/*.test.ts',
  'test/crash/*.test.ts',
  'test/scaling/*.test.ts',
  'test/mcp-protocol.test.ts', // two HTTP servers on one database: confirmations and subscriptions across processes
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report lets .ci/run print one plain "N passed, N failed" line at the end.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/vitest.json' },
    projects: [
      { extends: true, test: { name: 'mcp-2025-11-25', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'mcp-2026-07-28', include: MCP_SUITES, env: { VOXPACT_TEST_ERA: '2026-07-28' } } },
      {
        extends: true,
        test: { name: 'postgres', include: POSTGRES_SUITES, env: { VOXPACT_TEST_STORE: 'postgres' }, globalSetup: ['test/helpers/pg-cluster.ts'] },
      },
      {
        // Stateless 2026-07-28 requests are what a load balancer spreads over servers: across two, on PostgreSQL.
        extends: true,
        test: {
          name: 'postgres-mcp-2026-07-28', include: ['test/mcp-protocol.test.ts'],
          env: { VOXPACT_TEST_STORE: 'postgres', VOXPACT_TEST_ERA: '2026-07-28' }, globalSetup: ['test/helpers/pg-cluster.ts'],
        },
      },
    ],
  },
});
