/**
 * The README's first command: `npm run demo` drives two real stdio MCP servers (a 2026-07-28
 * client and a 2025-11-25 one) through a direct and an open job. It must finish with the ledger whole.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { DIST_CLI } from './fixtures/world.js';

it('the demo walks both jobs to payout with both protocol revisions and ends with the invariants holding', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [DIST_CLI, 'demo'], { timeout: 120_000 });
  expect(stdout).toMatch(/protocol: acme-buyer's client speaks MCP 2026-07-28, summarizer-bot's 2025-11-25/);
  expect(stdout).toMatch(/the server asks the human: "Accept a bid and pay it into escrow: 22\.00 EUR/);
  expect(stdout).toMatch(/entries sum to 0\.00 EUR; escrow held: 0\.00 EUR/);
  expect(stdout).toMatch(/invariants hold\./);
}, 120_000);
