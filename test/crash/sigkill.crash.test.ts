/**
 * Crash safety: a load run (test/fixtures/crash-load.mjs, the compiled engine) is killed with
 * SIGKILL at random points, again and again, on ONE database file. After each kill the file is
 * reopened and checked:
 *  - every operation the load run reported as returned is there (its job, bid, transition…);
 *  - nothing is half-done: the invariants hold, every job's status agrees with its transitions
 *    and its escrow, and at most ONE operation beyond those reported (the one in flight) landed;
 *  - no job was posted twice (the in-flight operation is retried with its idempotency key by
 *    the next run, as an agent would after a crash);
 *  - due timers still fire exactly once: runTimers fires every due timer, a second run fires 0.
 * At the end the clock jumps 60 days: every job ends, no money is left in escrow.
 *
 * Default: 6 kill points. VOXPACT_LONG=1: 100.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { Engine } from '../../src/engine/index.js';
import { distBuilt } from '../fixtures/race.js';
import { HOUR, ROOT, T0, allViolations, duplicateRefs, openWorld, scale } from '../fixtures/world.js';

const KILL_POINTS = Number(process.env.VOXPACT_KILL_POINTS ?? scale(6, 100));
const LOAD = `${ROOT}test/fixtures/crash-load.mjs`;

type Line = { start?: number; done?: number; op: string; agent: string | null; args: unknown[]; key?: string; at: number; ok?: boolean; retry?: boolean; code?: string; result?: any };

const stats = { killPoints: 0, reported: 0, inFlight: 0, inFlightCommitted: 0, retries: 0, retriesReplayed: 0, timersAfterRestart: 0 };
let dbPath: string;
let cleanup: () => void;
let parties: { buyers: string[]; workers: string[]; declinedBuyer: string };

beforeAll(() => {
  if (!distBuilt()) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` (npm test builds first)');
  const w = openWorld({ prefix: 'crash' });
  dbPath = w.dbPath;
  const buyers = [0, 1, 2].map((i) => w.agent(`Crash Buyer ${i}`).id);
  const workers = [0, 1, 2].map((i) => w.agent(`Crash Worker ${i}`).id);
  const declinedBuyer = w.agent('Crash Declined Buyer', { card: 'pm_card_chargeDeclined' }).id;
  parties = { buyers, workers, declinedBuyer };
  w.engine.close(); // the load runs own the file from here; each check reopens it
  cleanup = () => w.close();
});
afterAll(() => {
  console.log(`[crash] ${stats.killPoints} SIGKILL points survived; ${stats.reported} operations reported and found; ` +
    `${stats.inFlight} in flight at a kill (${stats.inFlightCommitted} had committed), ${stats.retries} retried with their key ` +
    `(${stats.retriesReplayed} answered from the first attempt); ${stats.timersAfterRestart} due timers fired once after restarts`);
  cleanup?.();
});

/** Start a load run; resolves its lines as they come; `kill()` sends SIGKILL and waits for the exit. */
function startLoad(cfg: Record<string, unknown>) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [LOAD, JSON.stringify(cfg)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: Line[] = [];
  let buf = '';
  let stderr = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  child.stdout.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(buf.slice(0, i)));
      buf = buf.slice(i + 1);
    }
  });
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((res) => child.on('close', (code, signal) => ((exit = { code, signal }), res()))); // 'close': stdout fully read
  return {
    lines,
    done: () => lines.filter((l) => l.done !== undefined).length,
    failed: () => (exit && exit.signal !== 'SIGKILL' ? `load run exited ${exit.code}: ${stderr}` : null),
    async kill() {
      child.kill('SIGKILL');
      await exited;
      if (exit!.signal !== 'SIGKILL') throw new Error(`load run ended by itself (${exit!.code}): ${stderr}`);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Actions a reported lifecycle operation records. */
const ACTIONS: Record<string, string[]> = {
  acceptJob: ['accept'], startJob: ['start'], deliverJob: ['deliver'], approveJob: ['approve'], requestRevision: ['request_revision'],
  cancelJob: ['cancel', 'withdraw'], acceptBid: ['accept_bid'], postJob: ['post_direct', 'post_direct_unpaid', 'post_open'],
};

function check(e: Engine, lines: Line[], runStart: number, killPoint: number) {
  const db = e.db;
  const where = `kill point ${killPoint}`;
  expect(allViolations(e), `invariants at ${where}`).toEqual([]);
  expect(duplicateRefs(db), `duplicate ledger refs at ${where}`).toEqual([]);
  const dupTitles = db.prepare('SELECT title, COUNT(*) n FROM jobs GROUP BY title HAVING COUNT(*) > 1').all();
  expect(dupTitles, `a job posted twice at ${where}`).toEqual([]);

  const done = lines.filter((l) => l.done !== undefined && l.ok);
  const matched = new Set<string>();
  for (const l of done) {
    stats.reported++;
    const what = `${where}: reported ${l.op} ${JSON.stringify(l.result)}`;
    if (l.op === 'runTimers') {
      const n = (db.prepare('SELECT COUNT(*) n FROM timers WHERE fired_at = ?').get(l.at) as { n: number }).n;
      expect(n, what).toBeGreaterThanOrEqual(l.result.fired);
      continue;
    }
    if (l.op === 'submitBid') {
      expect(db.prepare('SELECT 1 FROM bids WHERE id = ?').get(l.result.bid), what).toBeTruthy();
      matched.add(`bid:${l.result.bid}`);
      continue;
    }
    if (l.op === 'savePaymentMethod') {
      expect(db.prepare('SELECT 1 FROM payment_methods WHERE id = ?').get(l.result.pm), what).toBeTruthy();
      continue;
    }
    const job = l.result.job;
    expect(db.prepare('SELECT 1 FROM jobs WHERE id = ?').get(job), what).toBeTruthy();
    // The transition this call recorded at its time — or, for a retry answered from its first
    // attempt, the one that attempt recorded in an earlier run.
    const find = (timeSql: string, time: number) => db.prepare(`SELECT id FROM transitions WHERE job_id = ? AND action IN (${ACTIONS[l.op].map(() => '?').join(',')})
        AND actor_agent_id = ? AND ${timeSql} ORDER BY id DESC LIMIT 1`).get(job, ...ACTIONS[l.op], l.agent, time) as { id: number } | undefined;
    const t = find('created_at = ?', l.at) ?? (l.retry ? find('created_at < ?', runStart) : undefined);
    expect(t, `${what}: its transition is missing`).toBeTruthy();
    matched.add(`t:${t!.id}`);
    if (l.op === 'postJob') matched.add(`job:${job}`);
  }

  // Nothing beyond what was reported, except the ONE operation in flight at the kill.
  const extraTransitions = (db.prepare('SELECT id, job_id FROM transitions WHERE actor_agent_id IS NOT NULL AND created_at >= ?').all(runStart) as { id: number; job_id: string }[])
    .filter((t) => !matched.has(`t:${t.id}`));
  const extraJobs = (db.prepare('SELECT id FROM jobs WHERE created_at >= ?').all(runStart) as { id: string }[]).filter((j) => !matched.has(`job:${j.id}`));
  const extraBids = (db.prepare('SELECT id FROM bids WHERE created_at >= ?').all(runStart) as { id: string }[]).filter((b) => !matched.has(`bid:${b.id}`));
  const inFlight = new Set([...extraTransitions.map((t) => `job:${t.job_id}`), ...extraJobs.map((j) => `job:${j.id}`), ...extraBids.map((b) => `bid:${b.id}`)]);
  if (inFlight.size > 1) {
    const detail = extraTransitions.map((t) => JSON.stringify(db.prepare('SELECT * FROM transitions WHERE id = ?').get(t.id)));
    const about = lines.filter((l) => [...inFlight].some((k) => JSON.stringify(l).includes(k.slice(4))));
    throw new Error(`${where}: more than one unreported operation landed: ${[...inFlight]}\n  unreported transitions:\n    ${detail.join('\n    ')}` +
      `\n  extra jobs ${JSON.stringify(extraJobs)} bids ${JSON.stringify(extraBids)}\n  lines about them:\n    ${about.map((l) => JSON.stringify(l)).join('\n    ')}` +
      `\n  last lines:\n    ${lines.slice(-4).map((l) => JSON.stringify(l)).join('\n    ')}`);
  }
  expect(extraTransitions.length, `${where}: unreported transitions ${JSON.stringify(extraTransitions)}`).toBeLessThanOrEqual(1);
  return inFlight.size;
}

describe('SIGKILL during a load run', () => {
  it(`every returned operation survives, nothing is half-done, timers fire once (${KILL_POINTS} kill points)`, async () => {
    let startMs = T0 + HOUR;
    let retry: Record<string, unknown> | undefined;
    for (let k = 0; k < KILL_POINTS; k++) {
      const seed = Math.floor(Math.random() * 2 ** 31);
      const run = startLoad({ dist: `${ROOT}dist`, dbPath, startMs, run: k, seed, retry, ...parties });
      // Let it get going, then kill it at a random moment (often mid-transaction).
      const target = 3 + Math.floor(Math.random() * 40);
      const until = Date.now() + 30_000;
      while (run.done() < target && Date.now() < until) {
        const f = run.failed();
        if (f) throw new Error(`${f} (seed ${seed})`);
        await sleep(2);
      }
      await sleep(Math.random() * 15);
      await run.kill();
      stats.killPoints++;

      const lines = run.lines;
      const lastAt = Math.max(startMs, ...lines.map((l) => l.at));
      // Reopen a little later (the load run fires due timers as it goes, so make some due now),
      // but within the 24 h an idempotency key lives: the next run retries the in-flight call.
      const reopenAt = lastAt + (1 + Math.floor(Math.random() * 20)) * HOUR;
      const e = Engine.open({ dbPath, clock: new ManualClock(reopenAt) });
      try {
        if (retry) {
          stats.retries++;
          const r = lines.find((l) => l.done !== undefined && l.retry);
          // Either answered from the first attempt (it had committed) or done now: both are fine, never twice.
          if (r?.ok && r.at !== undefined && !e.db.prepare('SELECT 1 FROM idempotency WHERE key = ? AND created_at >= ?').get(r.key, startMs)) stats.retriesReplayed++;
        }
        const unreported = check(e, lines, startMs, k);
        const started = lines.filter((l) => l.start !== undefined);
        const last = started[started.length - 1];
        const finished = last && lines.some((l) => l.done === last.start);
        retry = undefined;
        if (last && !finished) {
          stats.inFlight++;
          if (unreported) stats.inFlightCommitted++;
          if (last.key) retry = { op: last.op, agent: last.agent, args: last.args, key: last.key };
        }
        // Due timers fire exactly once after the restart.
        const due = (e.db.prepare('SELECT COUNT(*) n FROM timers WHERE fired_at IS NULL AND due_at <= ?').get(reopenAt) as { n: number }).n;
        expect(e.runTimers().fired, `due timers at kill point ${k}`).toBe(due);
        expect(e.runTimers().fired).toBe(0);
        stats.timersAfterRestart += due;
        expect(allViolations(e)).toEqual([]);
      } finally {
        e.close();
      }
      startMs = reopenAt + HOUR;
    }

    // The end of time: every job runs out, no money stays in escrow or payable.
    const e = Engine.open({ dbPath, clock: new ManualClock(startMs + 60 * 24 * HOUR) });
    try {
      e.runTimers();
      (e.clock as ManualClock).advance(200 * HOUR); // open jobs' accept grace
      e.runTimers();
      expect(e.runTimers().fired).toBe(0);
      expect(allViolations(e)).toEqual([]);
      const live = e.db.prepare("SELECT id, status FROM jobs WHERE status NOT IN ('completed','cancelled','refunded')").all();
      expect(live).toEqual([]);
      const held = e.db.prepare("SELECT COALESCE(SUM(balance_cents), 0) s FROM balances WHERE account LIKE 'escrow:%' OR account LIKE 'payable:%'").get() as { s: number };
      expect(held.s).toBe(0);
      const total = e.db.prepare('SELECT COALESCE(SUM(balance_cents), 0) s FROM balances').get() as { s: number };
      expect(total.s).toBe(0);
    } finally {
      e.close();
    }
  }, scale(120_000, 1_800_000));
});
