/**
 * Moving a marketplace from SQLite into PostgreSQL with the CLI an operator runs
 * (`voxpact-mcp db copy --to postgres://…`), then going on there; and `voxpact-mcp ledger check`
 * on both stores. Runs in the `postgres` project (a cluster from test/helpers/pg-cluster.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { ManualClock } from '../../src/clock.js';
import { BrowseOpenJobsInput, DeliverInput, PostJobInput, SearchAgentsInput } from '../../src/schemas.js';
import { newMarket, HOUR_MS } from '../helpers/market.js';
import { freshPgDatabase } from '../helpers/store.js';
import { DIST_CLI } from '../fixtures/world.js';

const cli = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [DIST_CLI, ...args], { encoding: 'utf8', env: { ...process.env, VOXPACT_DATABASE_URL: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** An SQLite marketplace with a job of each kind: completed, funded in progress, open on the board with a bid. */
async function sqliteMarket() {
  const m = newMarket({ sqlite: true });
  const buyer = m.buyer();
  const worker = m.worker(['translation', 'summarization'], { description: 'Quick multilingual summaries' });
  await m.completedJob(buyer, worker, { amount: 30 });
  const running = await m.directJob(buyer, worker, { amount: 40 });
  await worker.mp.acceptJob(running.id);
  const open = await m.openJob(buyer, { title: 'Translate a zeppelin manual', amount: 25, required_capabilities: ['translation'] });
  const bid = await m.bid(worker, open.id, 22);
  m.advance(HOUR_MS);
  return { m, buyer, worker, running, open, bid };
}

describe('db copy: SQLite → PostgreSQL', () => {
  it('copies every row with the ledger exact, and the marketplace goes on in PostgreSQL: keys, search, escrow, new rows', async () => {
    const { m, buyer, worker, running, open, bid } = await sqliteMarket();
    const summary = m.engine.ledgerSummary();
    const rows = (t: string) => (m.db.prepare(`SELECT COUNT(*) n FROM ${t}`).get() as { n: number }).n;
    const counts = Object.fromEntries(['jobs', 'ledger_entries', 'transitions', 'notifications', 'events', 'bids', 'timers'].map((t) => [t, rows(t)]));

    const url = freshPgDatabase();
    const r = cli(['db', 'copy', '--from', m.dbPath, '--to', url, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.ledger.after).toEqual([]);
    for (const [t, n] of Object.entries(counts)) expect(report.tables[t], t).toBe(n);

    const pg = Engine.open({ dbPath: url, clock: new ManualClock(m.clock.now()) });
    try {
      expect(pg.db.dialect).toBe('postgres');
      expect(pg.checkInvariants()).toEqual([]);
      expect(pg.ledgerSummary()).toEqual(summary);
      // The API keys are the same (only their hashes were copied).
      expect(pg.authenticate(buyer.key)).toBe(buyer.id);
      const b = pg.as(pg.authenticate(buyer.key)), w = pg.as(worker.id);
      // The full-text index was rebuilt: the open job and the worker are found by their words.
      const found = await w.browseOpenJobs(BrowseOpenJobsInput.parse({ q: 'zeppelin' }));
      expect(found.items.map((j) => j.id)).toEqual([open.id]);
      const agents = await b.searchAgents(SearchAgentsInput.parse({ q: 'multilingual' }));
      expect(agents.items.map((a) => a.id)).toEqual([worker.id]);
      // The funded job goes on: its escrow is released once, by the same rules.
      await w.startJob(running.id);
      await w.deliverJob(running.id, DeliverInput.parse({ content: 'done' }));
      const done = await b.approveJob(running.id);
      expect(done.status).toBe('completed');
      // The open job: accepting the copied bid captures the bid price.
      const accepted = await b.acceptBid(bid.id);
      expect(accepted.job.status).toBe('accepted');
      expect(pg.db.prepare('SELECT balance_cents b FROM balances WHERE account = ?').get(`escrow:${open.id}`)).toEqual({ b: 2200 });
      // New rows take ids after the copied ones (identity counters continued).
      const j = await b.postJob(PostJobInput.parse({ title: 'After the move', task_spec: { description: 'x' }, amount: 10, worker_agent_id: worker.id }));
      expect(j.status).toBe('funded');
      expect(pg.checkInvariants()).toEqual([]);
    } finally {
      pg.close();
    }
  });

  it('refuses a target that is not empty, and a source whose ledger is not exact: nothing is written', async () => {
    const { m } = await sqliteMarket();
    const url = freshPgDatabase();
    expect(cli(['db', 'copy', '--from', m.dbPath, '--to', url]).code).toBe(0);
    const again = cli(['db', 'copy', '--from', m.dbPath, '--to', url]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/the target is not empty/);

    m.db.prepare("UPDATE balances SET balance_cents = balance_cents + 1 WHERE account LIKE 'escrow:%'").run();
    const fresh = freshPgDatabase();
    const damaged = cli(['db', 'copy', '--from', m.dbPath, '--to', fresh]);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toMatch(/the source's ledger is not exact; nothing was copied/);
    const target = Engine.open({ dbPath: fresh });
    expect(target.db.prepare('SELECT COUNT(*) n FROM agents').get()).toEqual({ n: 0 });
    target.close();
  });

  it('usage: --to must be a PostgreSQL URL; --from must exist', () => {
    expect(cli(['db', 'copy', '--to', '/tmp/x.db']).code).toBe(2);
    expect(cli(['db', 'copy', '--from', '/nonexistent/voxpact.db', '--to', 'postgres://127.0.0.1/x']).err).toMatch(/no SQLite database at/);
    expect(cli(['ledger', 'check'], { VOXPACT_DATABASE_URL: 'mysql://x' }).err).toMatch(/VOXPACT_DATABASE_URL must be a PostgreSQL URL/);
  });
});

describe('ledger check, on either store', () => {
  for (const store of ['sqlite', 'postgres'] as const) {
    it(`${store}: exit 0 and the figures when exact; each violation printed and exit 1 when not`, async () => {
      const { m } = await sqliteMarket();
      let env: Record<string, string>, args: string[];
      if (store === 'postgres') {
        const url = freshPgDatabase();
        expect(cli(['db', 'copy', '--from', m.dbPath, '--to', url]).code).toBe(0);
        env = { VOXPACT_DATABASE_URL: url };
        args = ['ledger', 'check'];
      } else {
        env = {};
        args = ['ledger', 'check', '--data-dir', join(m.dbPath, '..')];
      }
      const ok = cli(args, env);
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/ledger exact — \d+ transactions, \d+ entries, \d+ accounts, 40\.00 EUR in escrow/);
      const db = store === 'postgres' ? Engine.open({ dbPath: env.VOXPACT_DATABASE_URL }) : Engine.open({ dbPath: m.dbPath });
      db.db.prepare("UPDATE balances SET balance_cents = balance_cents - 7 WHERE account LIKE 'escrow:%'").run();
      db.close();
      const bad = cli([...args, '--json'], env);
      expect(bad.code).toBe(1);
      const j = JSON.parse(bad.out);
      expect(j.ok).toBe(false);
      expect(j.violations.join('\n')).toMatch(/balance of escrow:\S+ is 3993 but its entries sum to 4000/);
      const text = cli(args, env);
      expect(text.out).toMatch(/^VIOLATION /m);
      expect(text.err).toMatch(/violation\(s\) of the ledger invariants/);
    });
  }
});
