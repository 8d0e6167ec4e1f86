import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

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
  // The features around the engine, on the databases their harnesses open (test/helpers/store.ts):
  // the REST API over a socket, disputes, validation, files, messages, webhooks, Stripe.
  'test/api/*.test.ts',
  'test/disputes/*.test.ts',
  'test/validation/*.test.ts',
  'test/files/*.test.ts',
  'test/messages/*.test.ts',
  'test/webhooks/*.test.ts',
  'test/stripe/*.test.ts',
  'test/mcp-protocol.test.ts', // two HTTP servers on one database: confirmations and subscriptions across processes
];

/**
 * Tests of PostgreSQL itself (copying into it, its migrations, what servers share on it): they
 * run in the `postgres` project only, not in the default one, which has no PostgreSQL of its own.
 */
const POSTGRES_ONLY = ['test/scaling/copy.test.ts', 'test/scaling/migrations.test.ts', 'test/scaling/shared-state.test.ts'];

/**
 * The PostgreSQL projects need Debian's PostgreSQL (or VOXPACT_TEST_PG_URL) and the libpq package
 * (built at npm install against libpq-dev). Without them they are left out with a message, as the
 * browser suites are without Chromium; .ci/run installs both and sets VOXPACT_TEST_REQUIRE_PG=1,
 * so there a missing piece is an error, never a silent skip.
 */
function postgresMissing(): string | null {
  const server = process.env.VOXPACT_TEST_PG_URL || (existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)));
  if (!server) return 'no PostgreSQL server (apt-get install postgresql, or set VOXPACT_TEST_PG_URL)';
  try {
    createRequire(import.meta.url)('libpq');
  } catch {
    return 'the libpq package is not built (apt-get install libpq-dev, then npm install)';
  }
  return null;
}
const missing = postgresMissing();
if (missing && process.env.VOXPACT_TEST_REQUIRE_PG === '1') throw new Error(`VOXPACT_TEST_REQUIRE_PG=1 but ${missing}`);
if (missing) console.warn(`PostgreSQL suites skipped: ${missing}; .ci/run installs what they need (docs/scaling.md)`);

const POSTGRES_PROJECTS = missing ? [] : [
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
      { extends: true, test: { name: 'mcp-2025-11-25', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...POSTGRES_ONLY] } },
      { extends: true, test: { name: 'mcp-2026-07-28', include: MCP_SUITES, env: { VOXPACT_TEST_ERA: '2026-07-28' } } },
      ...POSTGRES_PROJECTS,
    ],
  },
});
