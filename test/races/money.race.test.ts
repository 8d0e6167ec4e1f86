/**
 * Races between processes on ONE database file (the compiled engine in dist/, one child process
 * per racer, a start barrier so they really go at once). Each scenario: exactly one outcome,
 * the invariants hold, every timer fired once, every ledger ref posted once.
 *
 * Default: 3 rounds per scenario with 4 racers. VOXPACT_LONG=1: 15 rounds with 8 racers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliverInput, PostJobInput, SubmitBidInput } from '../../src/schemas.js';
import { RacePool, type RaceResult, type Racer, distBuilt } from '../fixtures/race.js';
import { HOUR, MINUTE, T0, allViolations, duplicateRefs, openWorld, scale, type World } from '../fixtures/world.js';

const ROUNDS = scale(3, 15);
const N = scale(4, 8);
const stats = { rounds: 0, racers: 0 };

let w: World;
let pool: RacePool;
beforeAll(async () => {
  if (!distBuilt()) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` (npm test builds first)');
  w = openWorld({ prefix: 'race' });
  pool = await RacePool.start(w.dbPath, N);
});
afterAll(() => {
  console.log(`[races] ${stats.rounds} race rounds between ${N} processes (${stats.racers} racer runs), invariants held after each`);
  pool?.close();
  w?.close();
});

const oks = (rs: RaceResult[][]) => rs.flat().filter((r) => r.ok);
const fails = (rs: RaceResult[][]) => rs.flat().filter((r): r is Extract<RaceResult, { ok: false }> => !r.ok);
const now = () => w.clock.now();
const count = (sql: string, ...args: unknown[]) => (w.db.prepare(sql).get(...args) as { n: number }).n;

function checkBooks(what: string) {
  expect(allViolations(w.engine), `invariants after ${what}`).toEqual([]);
  expect(duplicateRefs(w.db), `ledger refs after ${what}`).toEqual([]);
}

async function go(what: string, racers: Racer[]) {
  const rs = await pool.race(racers);
  stats.rounds++;
  stats.racers += racers.length;
  // Every refusal is an API error (VoxError), never a crash or SQLITE_BUSY.
  for (const f of fails(rs)) expect(f.api, `${what}: ${f.code}: ${f.message}`).toBe(true);
  checkBooks(what);
  return rs;
}

function agents(tag: string, n: number) {
  return Array.from({ length: n }, (_, i) => w.agent(`Racer ${tag} ${i}`));
}

async function openJobWithBids(tag: string, bidders: number) {
  const [buyer] = agents(`${tag} buyer`, 1);
  const workers = agents(`${tag} worker`, bidders);
  const job = await buyer.mp.postJob(PostJobInput.parse({ title: `Race job ${tag}`, task_spec: { description: 'race' }, amount: 100, job_type: 'open' }));
  const bids = [];
  // Prices below the default 50 EUR approval threshold (src/engine/policy.ts): these races are about the bids.
  for (const [i, wk] of workers.entries()) bids.push(await wk.mp.submitBid(job.id, SubmitBidInput.parse({ proposed_price: 20 + i })));
  return { buyer, workers, job, bids };
}

async function inProgress(tag: string) {
  const [buyer, worker] = agents(tag, 2);
  const job = await buyer.mp.postJob(PostJobInput.parse({ title: `Race direct ${tag}`, task_spec: { description: 'race' }, amount: 40, worker_agent_id: worker.id }));
  await worker.mp.acceptJob(job.id);
  await worker.mp.startJob(job.id);
  return { buyer, worker, job };
}

describe('races between processes on one database', () => {
  it('accept_bid on one job, each racer a different bid: exactly one is accepted and captured', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { buyer, job, bids } = await openJobWithBids(`ab${round}`, N);
      const rs = await go('accept_bid (different bids)', bids.map((b) => ({ clockMs: now(), ops: [{ kind: 'mp' as const, agent: buyer.id, method: 'acceptBid', args: [b.id, {}] }] })));
      expect(oks(rs)).toHaveLength(1);
      for (const f of fails(rs)) expect(f.code).toBe('invalid_status');
      const winner = (oks(rs)[0] as any).value.bid;
      const row = w.db.prepare('SELECT status, worker_id, amount_cents FROM jobs WHERE id = ?').get(job.id) as any;
      expect(row.status).toBe('accepted');
      expect(row.worker_id).toBe(winner.worker_agent_id);
      expect(row.amount_cents).toBe(Math.round(winner.proposed_price * 100));
      expect(count("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'capture' AND job_id = ?", job.id)).toBe(1);
      expect(count("SELECT COUNT(*) n FROM bids WHERE job_id = ? AND status = 'accepted'", job.id)).toBe(1);
      expect(count("SELECT COUNT(*) n FROM bids WHERE job_id = ? AND status = 'rejected'", job.id)).toBe(N - 1);
      expect(count("SELECT COUNT(*) n FROM transitions WHERE job_id = ? AND action = 'accept_bid'", job.id)).toBe(1);
    }
  });

  it('accept_bid on the SAME bid from every racer: one acceptance, one capture', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { buyer, job, bids } = await openJobWithBids(`same${round}`, 2);
      const rs = await go('accept_bid (same bid)', Array.from({ length: N }, () => ({ clockMs: now(), ops: [{ kind: 'mp' as const, agent: buyer.id, method: 'acceptBid', args: [bids[0].id, {}] }] })));
      expect(oks(rs)).toHaveLength(1);
      for (const f of fails(rs)) expect(f.code).toBe('invalid_status');
      expect(count("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'capture' AND job_id = ?", job.id)).toBe(1);
    }
  });

  it('accept_bid with the same idempotency_key from every racer: all get the same answer, one capture', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { buyer, job, bids } = await openJobWithBids(`key${round}`, 2);
      const rs = await go('accept_bid (same key)', Array.from({ length: N }, () => ({ clockMs: now(), ops: [{ kind: 'mp' as const, agent: buyer.id, method: 'acceptBid', args: [bids[1].id, { idempotency_key: `race-accept-${round}` }] }] })));
      expect(oks(rs)).toHaveLength(N);
      const answers = new Set(oks(rs).map((r) => JSON.stringify((r as any).value)));
      expect(answers.size).toBe(1);
      expect(count("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'capture' AND job_id = ?", job.id)).toBe(1);
    }
  });

  it('post_job with the same idempotency_key from every racer: one job, one charge', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [buyer, worker] = agents(`post${round}`, 2);
      const input = PostJobInput.parse({ title: 'Raced post', task_spec: { description: 'race' }, amount: 9.99, worker_agent_id: worker.id, idempotency_key: `race-post-${round}` });
      const rs = await go('post_job (same key)', Array.from({ length: N }, () => ({ clockMs: now(), ops: [{ kind: 'mp' as const, agent: buyer.id, method: 'postJob', args: [input] }] })));
      expect(oks(rs)).toHaveLength(N);
      expect(new Set(oks(rs).map((r) => (r as any).value.id)).size).toBe(1);
      expect(count('SELECT COUNT(*) n FROM jobs WHERE buyer_id = ?', buyer.id)).toBe(1);
      expect(count("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'capture' AND agent_id = ?", buyer.id)).toBe(1);
    }
  });

  it('approve against auto-release (clock 49 h on, timer due): the escrow is released exactly once', async () => {
    const releaseWinners = { approve: 0, auto_release: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const { buyer, worker, job } = await inProgress(`rel${round}`);
      await worker.mp.deliverJob(job.id, DeliverInput.parse({ content: 'done' }));
      const later = now() + 49 * HOUR;
      // The approvers' clock is just short of the 48 h mark (their own catch-up fires nothing),
      // the runners' is past it: approve and auto-release really compete for the job.
      const justBefore = now() + 48 * HOUR - 1000;
      const half = Math.max(1, N / 2);
      const racers = [
        ...Array.from({ length: half }, () => ({ clockMs: justBefore, ops: [{ kind: 'mp' as const, agent: buyer.id, method: 'approveJob', args: [job.id, {}] }] })),
        ...Array.from({ length: half }, () => ({ clockMs: later, ops: [{ kind: 'timers' as const }] })),
      ];
      const rs = await go('approve vs auto-release', racers);
      const approvals = rs.slice(0, half).flat();
      const timerRuns = rs.slice(half).flat();
      const approved = approvals.filter((r) => r.ok).length;
      const autoReleased = count("SELECT COUNT(*) n FROM transitions WHERE job_id = ? AND action = 'auto_release'", job.id);
      expect(approved + autoReleased).toBe(1);
      releaseWinners[approved ? 'approve' : 'auto_release']++;
      expect(approved).toBeLessThanOrEqual(1);
      expect(count("SELECT COUNT(*) n FROM transitions WHERE job_id = ? AND to_status = 'completed'", job.id)).toBe(1);
      expect(count("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'release' AND job_id = ?", job.id)).toBe(1);
      // The auto-release timer fired exactly once (released or skipped): by a runner, or by an
      // approve call that fires due timers before acting — so runners account for at most one.
      const firedAutoRelease = timerRuns.reduce((s, r) => s + (r.ok ? (r.value.by_kind.auto_release ?? 0) : 0), 0);
      expect(firedAutoRelease).toBeLessThanOrEqual(1);
      expect(count("SELECT COUNT(*) n FROM timers WHERE job_id = ? AND kind = 'auto_release' AND fired_at IS NOT NULL", job.id)).toBe(1);
      w.clock.set(later + MINUTE); // the parent's clock moves on with the children's
    }
    console.log(`[races] approve vs auto-release winners: ${JSON.stringify(releaseWinners)}`);
  });

  it('cancel against deliver on a job in progress: exactly one wins', async () => {
    const winners = { cancel: 0, deliver: 0 };
    for (let round = 0; round < ROUNDS * 2; round++) {
      const { buyer, worker, job } = await inProgress(`cd${round}`);
      const half = Math.max(1, N / 2);
      const racers = [
        ...Array.from({ length: half }, () => ({ clockMs: now(), ops: [{ kind: 'mp' as const, agent: buyer.id, method: 'cancelJob', args: [job.id, { reason: 'race' }] }] })),
        ...Array.from({ length: half }, () => ({ clockMs: now(), ops: [{ kind: 'mp' as const, agent: worker.id, method: 'deliverJob', args: [job.id, DeliverInput.parse({ content: 'raced delivery' })] }] })),
      ];
      const rs = await go('cancel vs deliver', racers);
      expect(oks(rs)).toHaveLength(1);
      for (const f of fails(rs)) expect(f.code).toBe('invalid_status');
      const row = w.db.prepare('SELECT status FROM jobs WHERE id = ?').get(job.id) as { status: string };
      if (row.status === 'cancelled') {
        winners.cancel++;
        expect(count('SELECT COUNT(*) n FROM deliverables WHERE job_id = ?', job.id)).toBe(0);
        expect(count("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'cancel_settlement' AND job_id = ?", job.id)).toBe(1);
      } else {
        winners.deliver++;
        expect(row.status).toBe('delivered');
        expect(count('SELECT COUNT(*) n FROM deliverables WHERE job_id = ?', job.id)).toBe(1);
        expect(count('SELECT COUNT(*) n FROM ledger_txns WHERE job_id = ? AND kind <> ?', job.id, 'capture')).toBe(0);
      }
    }
    console.log(`[races] cancel vs deliver winners: ${JSON.stringify(winners)}`);
  });

  it('timer runners racing: every due timer fires exactly once', async () => {
    const sharing: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Due at `later`: deadlines of funded and accepted jobs, auto-release of delivered ones, bid windows.
      for (let i = 0; i < 6; i++) {
        const [buyer, worker] = agents(`tm${round}-${i}`, 2);
        const input = (n: string) => PostJobInput.parse({ title: `Timer job ${n}`, task_spec: { description: 't' }, amount: 10 + i, worker_agent_id: worker.id, deadline_hours: 24 });
        await buyer.mp.postJob(input('stale'));
        const acc = await buyer.mp.postJob(input('accepted'));
        await worker.mp.acceptJob(acc.id);
        const del = await buyer.mp.postJob(input('delivered'));
        await worker.mp.acceptJob(del.id);
        await worker.mp.startJob(del.id);
        await worker.mp.deliverJob(del.id, DeliverInput.parse({ content: 'x' }));
        await buyer.mp.postJob(PostJobInput.parse({ title: 'Open timer job', task_spec: { description: 't' }, amount: 20, job_type: 'open', bid_window_hours: 1 }));
      }
      const later = now() + 800 * HOUR;
      const due = count('SELECT COUNT(*) n FROM timers WHERE fired_at IS NULL AND due_at <= ?', later);
      // Half run the engine's runTimers (a tight loop), half fire one timer at a time and yield.
      const rs = await go('timer runners', Array.from({ length: N }, (_, i) => ({ clockMs: later, ops: [{ kind: i % 2 ? 'timersStepwise' as const : 'timers' as const }] })));
      const fired = oks(rs).reduce((s, r) => s + (r as any).value.fired, 0);
      sharing.push(oks(rs).filter((r) => (r as any).value.fired > 0).length);
      // Timers scheduled by handlers (accept_grace) fall after `later`; everything due fired once.
      expect(fired).toBe(due);
      expect(count('SELECT COUNT(*) n FROM timers WHERE fired_at IS NULL AND due_at <= ?', later)).toBe(0);
      w.clock.set(later);
      expect(w.engine.runTimers().fired).toBe(0);
      expect(count("SELECT COUNT(*) n FROM timers WHERE outcome LIKE 'error%'")).toBe(0);
      w.clock.set(later + MINUTE);
    }
    // Evidence that they really raced: how many runners fired at least one timer, per round.
    console.log(`[races] timer runners that fired something, per round: ${sharing.join(', ')} (of ${N})`);
  });
});
