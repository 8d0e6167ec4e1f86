/**
 * What several servers on one PostgreSQL database must share besides the marketplace itself:
 * rate-limit counters (each server's limiter has its own connection, src/api/ratelimit.ts); and a
 * server outlives its database dropping the connection (a restart, a failover). Runs in the
 * `postgres` project.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { RateLimiter } from '../../src/api/ratelimit.js';
import { Engine } from '../../src/engine/index.js';
import { PgDatabase } from '../../src/engine/pg.js';
import { freshPgDatabase, pgUrl } from '../helpers/store.js';
import { newMarket } from '../helpers/market.js';

describe('rate limits across servers on one PostgreSQL database', () => {
  it('three servers count in the same buckets: the limit holds whichever server a request reaches', () => {
    const url = freshPgDatabase();
    Engine.open({ dbPath: url }).close(); // migrated, as a server does at start
    const clock = new ManualClock();
    const servers = [0, 1, 2].map(() => new RateLimiter(clock, undefined, url));
    const rule = { limit: 4, window_s: 60, source: 'reference' as const };
    const verdicts = [0, 1, 2, 3, 4, 5].map((i) => servers[i % 3].hit('POST /v1/jobs|agent:a1', rule).allowed);
    expect(verdicts).toEqual([true, true, true, true, false, false]);
    // Another bucket is its own; after the window, the bucket is free again on any server.
    expect(servers[1].hit('POST /v1/jobs|agent:a2', rule).allowed).toBe(true);
    clock.advance(61_000);
    expect(servers[2].hit('POST /v1/jobs|agent:a1', rule).allowed).toBe(true);
    // A limiter of another database does not share them.
    const other = freshPgDatabase();
    Engine.open({ dbPath: other }).close();
    const elsewhere = new RateLimiter(clock, undefined, other);
    expect(elsewhere.peek('POST /v1/jobs|agent:a1', rule).remaining).toBe(4);
    for (const l of [...servers, elsewhere]) l.close();
  });
});

describe('a connection PostgreSQL drops', () => {
  it('is made again before the next transaction or read: the server goes on, nothing is done twice', async () => {
    const m = newMarket();
    const buyer = m.buyer(), worker = m.worker();
    const admin = new PgDatabase(pgUrl('postgres'));
    const kill = () => admin.prepare('SELECT COUNT(pg_terminate_backend(pid)) n FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()')
      .get(new URL(m.dbPath).pathname.slice(1)) as { n: number };
    try {
      expect(kill().n).toBeGreaterThan(0);
      const j = await m.directJob(buyer, worker, { amount: 12 }); // a write transaction on a new connection
      expect(kill().n).toBeGreaterThan(0);
      expect((await worker.mp.getJob(j.id)).status).toBe('funded'); // a read
      expect(kill().n).toBeGreaterThan(0);
      expect(m.db.prepare('SELECT COUNT(*) n FROM jobs').get()).toEqual({ n: 1 }); // a lone statement
      expect(m.balance(`escrow:${j.id}`)).toBe(1200);
      expect(m.engine.checkInvariants()).toEqual([]);
    } finally {
      admin.close();
    }
  });
});
