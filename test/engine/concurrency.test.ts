/**
 * Several processes on one database file (two stdio servers started by two clients, a timer
 * runner…): concurrent accept_bid on one job has exactly one winner and one capture; concurrent
 * timer runners fire each due timer exactly once.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, type Agent, type Market, newMarket } from '../helpers/market.js';

// Children are plain `node` processes importing the same TypeScript sources as this process
// (through the module hooks of ts-register.mjs), so no build is needed and nothing is stale.
const CHILD = fileURLToPath(new URL('../helpers/engine-child.mjs', import.meta.url));
const REGISTER = fileURLToPath(new URL('../helpers/ts-register.mjs', import.meta.url));
const SRC = fileURLToPath(new URL('../../src', import.meta.url));

type Op = { op: 'acceptBid'; agentId: string; bidId: string } | { op: 'runTimers' };
type Result = { op: string; ok: boolean; bidId?: string; code?: string; message?: string; status?: string; worker?: string; fired?: number; by_kind?: Record<string, number> };

/** Start every child, wait until all have opened the database, then release them at once. */
async function race(m: Market, now: number, work: Op[][]): Promise<Result[][]> {
  const children = work.map((ops) => spawn(process.execPath, ['--import', REGISTER, CHILD, JSON.stringify({ src: SRC, dbPath: m.dbPath, now, ops })], { stdio: ['pipe', 'pipe', 'pipe'] }));
  const outputs = children.map((c) => {
    let out = '';
    let err = '';
    c.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    c.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    const ready = new Promise<void>((resolve, reject) => {
      const check = () => (out.includes('ready\n') ? resolve() : undefined);
      c.stdout.on('data', check);
      c.on('exit', (code) => reject(new Error(`child exited (${code}) before ready: ${err}`)));
    });
    const done = new Promise<Result[]>((resolve, reject) => {
      c.on('exit', (code) => {
        const last = out.trim().split('\n').at(-1)!;
        if (code !== 0) return reject(new Error(`child exited with ${code}: ${err}`));
        resolve(JSON.parse(last).results);
      });
    });
    return { ready, done };
  });
  await Promise.all(outputs.map((o) => o.ready));
  for (const c of children) c.stdin.write('go\n');
  return Promise.all(outputs.map((o) => o.done));
}

describe('two or more processes on one database file', () => {
  it('concurrent accept_bid: exactly one winner per job, one capture; timer runners alongside fire each timer once', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const workers: Agent[] = Array.from({ length: 4 }, () => m.worker());
    for (const w of workers) m.setTrust(w.id, 95); // platinum: up to 100 active jobs each
    // 12 delivered direct jobs whose auto-release comes due 48 h later…
    const delivered: string[] = [];
    for (let i = 0; i < 12; i++) delivered.push(await m.deliveredJob(buyer, workers[i % 4], { amount: 10 + i }));
    m.advance(48 * HOUR_MS);
    // …and 10 open jobs with 4 bids each, posted now.
    const open: { jobId: string; bids: { id: string; worker: string; price: number }[] }[] = [];
    for (let i = 0; i < 10; i++) {
      const j = await m.openJob(buyer, { amount: 50 });
      const bids = [];
      for (const [k, w] of workers.entries()) {
        const b = await m.bid(w, j.id, 20 + k);
        bids.push({ id: b.id, worker: w.id, price: 20 + k });
      }
      open.push({ jobId: j.id, bids });
    }
    // Four processes race to accept (each its own bid on every job, in a rotated order); two of
    // them are also timer runners, before and after their accepts. All released at once.
    const work: Op[][] = [0, 1, 2, 3].map((k) => open.map((_, i) => open[(i + k * 3) % open.length]).map((o) => ({ op: 'acceptBid' as const, agentId: buyer.id, bidId: o.bids[k].id })));
    work[0] = [{ op: 'runTimers' }, ...work[0], { op: 'runTimers' }];
    work[1] = [{ op: 'runTimers' }, ...work[1], { op: 'runTimers' }];
    const results = await race(m, m.clock.now(), work);

    m.assertInvariants('the race');
    const accepts = results.flat().filter((r) => r.op === 'acceptBid');
    for (const o of open) {
      const mine = accepts.filter((r) => o.bids.some((b) => b.id === r.bidId));
      expect(mine).toHaveLength(4);
      const winners = mine.filter((r) => r.ok);
      expect(winners, `job ${o.jobId}`).toHaveLength(1);
      for (const l of mine.filter((r) => !r.ok)) expect(l.code).toBe('invalid_status');
      const win = o.bids.find((b) => b.id === winners[0].bidId)!;
      expect(winners[0]).toMatchObject({ status: 'accepted', worker: win.worker });
      const job = m.jobRow(o.jobId);
      expect(job).toMatchObject({ status: 'accepted', worker_id: win.worker, amount_cents: win.price * 100 });
      expect(m.txns(o.jobId)).toEqual([expect.objectContaining({ kind: 'capture', entries: { [`funding:${buyer.id}`]: -win.price * 100, [`escrow:${o.jobId}`]: win.price * 100 } })]);
      const statuses = m.db.prepare('SELECT id, status FROM bids WHERE job_id = ?').all(o.jobId) as { id: string; status: string }[];
      expect(statuses.filter((b) => b.status === 'accepted').map((b) => b.id)).toEqual([win.id]);
      expect(statuses.filter((b) => b.status === 'rejected')).toHaveLength(3);
      expect(m.db.prepare("SELECT COUNT(*) n FROM transitions WHERE job_id = ? AND action = 'accept_bid'").pluck().get(o.jobId)).toBe(1);
    }

    // Due timers fire from the runners or from any call catching up first: 12 in all, never more.
    const runs = results.flat().filter((r) => r.op === 'runTimers');
    expect(runs.reduce((s, r) => s + r.fired!, 0)).toBeLessThanOrEqual(12);
    const timers = m.db.prepare("SELECT job_id, fired_at, outcome FROM timers WHERE kind = 'auto_release'").all() as { job_id: string; fired_at: number | null; outcome: string }[];
    expect(timers).toHaveLength(12);
    for (const t of timers) expect(t).toMatchObject({ fired_at: m.clock.now(), outcome: 'released' });
    for (const id of delivered) {
      expect(m.jobRow(id).status).toBe('completed');
      expect(m.kinds(id)).toEqual(['capture', 'release', 'payout']);
    }
    expect(m.db.prepare("SELECT COUNT(*) FROM ledger_txns WHERE kind = 'release'").pluck().get()).toBe(12);
  });

  it('timer runners in separate processes over many due timers of every kind: each fires exactly once', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const workers: Agent[] = Array.from({ length: 4 }, () => m.worker());
    const declined = m.buyer({ card: 'pm_card_chargeDeclined' });
    const delivered: string[] = [];
    const stale: string[] = [];
    const unpaid: string[] = [];
    const noBids: string[] = [];
    for (let i = 0; i < 16; i++) delivered.push(await m.deliveredJob(buyer, workers[i % 4], { amount: 7 }));
    for (let i = 0; i < 8; i++) stale.push((await m.directJob(buyer, workers[i % 4], { amount: 6, deadline_hours: 48 })).id);
    for (let i = 0; i < 8; i++) unpaid.push((await m.directJob(declined, workers[i % 4], { amount: 5 })).id);
    for (let i = 0; i < 8; i++) noBids.push((await m.openJob(buyer, { bid_window_hours: 24 })).id);
    const due = 16 + 8 + 8 + 8;
    const now = m.clock.now() + 48 * HOUR_MS;
    const results = await race(m, now, [[{ op: 'runTimers' }, { op: 'runTimers' }], [{ op: 'runTimers' }, { op: 'runTimers' }], [{ op: 'runTimers' }]]);

    m.clock.set(now);
    m.assertInvariants('the timer race');
    const fired = results.flat().map((r) => r.fired!);
    expect(fired.reduce((a, b) => a + b, 0)).toBe(due);
    const byKind: Record<string, number> = {};
    for (const r of results.flat()) for (const [k, n] of Object.entries(r.by_kind!)) byKind[k] = (byKind[k] ?? 0) + n;
    expect(byKind).toEqual({ auto_release: 16, deadline: 8, payment_expiry: 8, bid_window: 8 });
    expect(m.db.prepare('SELECT COUNT(*) FROM timers WHERE due_at <= ? AND fired_at IS NULL').pluck().get(now)).toBe(0);
    expect(m.db.prepare("SELECT COUNT(*) FROM timers WHERE outcome LIKE 'error%'").pluck().get()).toBe(0);
    for (const id of delivered) expect(m.kinds(id)).toEqual(['capture', 'release', 'payout']);
    for (const id of stale) expect([m.jobRow(id).status, m.kinds(id)]).toEqual(['cancelled', ['capture', 'refund']]);
    for (const id of [...unpaid, ...noBids]) expect([m.jobRow(id).status, m.kinds(id)]).toEqual(['cancelled', []]);
    // A late runner finds nothing left to do.
    expect(m.runTimers().fired).toBe(0);
  });
});
