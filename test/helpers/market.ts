/**
 * Test harness for the embedded engine.
 *
 * `newMarket()` opens an Engine on a fresh temporary database file with a ManualClock and
 * hands out Marketplace views wrapped in a checking Proxy: after EVERY call (success or
 * failure) the ledger invariants of DESIGN.md must hold (`engine.checkInvariants()` is []),
 * and a call that is refused must leave the database exactly as it was (a snapshot of the
 * money, job, bid, timer, notification, agent … tables is compared before and after).
 * Engine-level admin calls (register, activate, pay checkout, rotate, delete, timers) get the
 * same treatment through `m.admin`.
 */
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { HOUR_MS, ManualClock } from '../../src/clock.js';
import { dropDatabase, freshDatabase, tablesOf } from './store.js';
import { VoxError } from '../../src/errors.js';
import { Engine } from '../../src/engine/index.js';
import type { Marketplace } from '../../src/marketplace.js';
import {
  CancelInput, CounterBidInput, DeliverInput, PostJobInput, ReviewInput, RevisionInput, SubmitBidInput, UpdateAgentInput,
} from '../../src/schemas.js';

export { HOUR_MS };
export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Tables whose content a refused call must not change: every table of the schema (read at
 * snapshot time, so tables added by later migrations are covered) except the store's own, the
 * full-text index tables (they mirror the tables they index) and these, where a refusal may write by design:
 *   secrets          signing keys created lazily on first use, whatever that use's outcome;
 *   file_access_log  file accesses are logged, refused ones included (API reference);
 *   files            a refused confirm discards the upload it refused.
 * `newMarket({ refusalMayChange: [...] })` adds to the list.
 */
const REFUSAL_MAY_CHANGE = ['secrets', 'file_access_log', 'files'];

/** Every transition row recorded by any market closed in this test file (for coverage checks). */
export const recordedTransitions: { action: string; actor: string; from_status: string | null; to_status: string }[] = [];

let seq = 0;

/**
 * Where test databases live: VOXPACT_TEST_TMP, else /dev/shm when writable (a tmpfs: WAL and
 * locking behave as on disk, but synchronous=FULL fsyncs cost nothing), else the OS temp dir.
 */
function tmpRoot(): string {
  if (process.env.VOXPACT_TEST_TMP) return process.env.VOXPACT_TEST_TMP;
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

export type Agent = { id: string; key: string; mp: Marketplace; email: string };

export type Market = Awaited<ReturnType<typeof newMarket>>;

/** `sqlite`: an SQLite file whatever the project's store (the source of a copy into PostgreSQL). */
export function newMarket(opts: { start?: string; refusalMayChange?: string[]; sqlite?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpRoot(), 'voxpact-engine-'));
  const dbPath = opts.sqlite ? join(dir, 'voxpact.db') : freshDatabase(dir);
  const clock = new ManualClock(opts.start ? Date.parse(opts.start) : undefined);
  const engine = Engine.open({ dbPath, dataDir: dir, clock });
  const db = engine.db;
  let closed = false;

  const snapshotTables = () => tablesOf(db).filter((t) => !REFUSAL_MAY_CHANGE.includes(t) && !opts.refusalMayChange?.includes(t));
  const snapshot = (): string => {
    const parts: Record<string, unknown> = {};
    for (const t of snapshotTables()) parts[t] = (db.prepare(`SELECT * FROM ${t}`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    return JSON.stringify(parts);
  };
  const cheapState = () => JSON.stringify({
    txns: db.prepare('SELECT COUNT(*) n, COALESCE(MAX(id), 0) m FROM ledger_txns').get(),
    balances: db.prepare('SELECT * FROM balances ORDER BY account').all(),
    jobs: db.prepare('SELECT * FROM jobs ORDER BY rowid').all(),
  });

  const assertInvariants = (what: string) => {
    const bad = engine.checkInvariants();
    expect(bad, `ledger invariants after ${what}`).toEqual([]);
  };

  /** Run `fn` (sync or async); on failure the state must be unchanged; invariants always. */
  const guarded = <T>(what: string, fn: () => T): T => {
    const before = snapshot();
    const onError = (e: unknown) => {
      assertInvariants(`${what} (refused)`);
      const after = snapshot();
      if (after !== before) {
        // Name the first table that changed, so the failure says what a refusal touched.
        const b = JSON.parse(before), a = JSON.parse(after);
        // approval_required records the pending approval and mails the owner its link, by design (src/engine/policy.ts).
        if (e instanceof VoxError && e.code === 'approval_required') for (const t of ['approvals', 'mail']) delete a[t], delete b[t];
        const changedTables = Object.keys({ ...a, ...b }).filter((t) => JSON.stringify(b[t]) !== JSON.stringify(a[t]));
        if (changedTables.length) expect.fail(`${what} was refused (${(e as Error).message}) but changed: ${changedTables.join(', ')}`);
      }
      throw e;
    };
    let r: T;
    try {
      r = fn();
    } catch (e) {
      return onError(e);
    }
    if (r && typeof (r as any).then === 'function') {
      return (r as any).then((v: unknown) => {
        assertInvariants(what);
        return v;
      }, onError) as T;
    }
    assertInvariants(what);
    return r;
  };

  const wrap = <T extends object>(target: T, label: string): T =>
    new Proxy(target, {
      get(t, prop, recv) {
        const v = Reflect.get(t, prop, recv);
        if (typeof v !== 'function' || prop === 'constructor') return v;
        return (...args: unknown[]) => guarded(`${label}.${String(prop)}`, () => v.apply(t, args));
      },
    });

  /** A checked Marketplace view for one agent. */
  const as = (agentId: string, label = agentId): Marketplace => wrap(engine.as(agentId), label);

  /** Engine admin calls, checked the same way. */
  const admin = wrap(engine, 'engine');

  /** Create an active agent the way the CLI does (free activation: a fresh owner each time). */
  const agent = (o: { name?: string; capabilities?: string[]; card?: string | null; email?: string; description?: string } = {}): Agent => {
    const n = ++seq;
    const email = o.email ?? `owner${n}@example.com`;
    const card = o.card === null ? undefined : o.card ?? 'pm_card_visa';
    const { agent_id, api_key } = admin.createLocalAgent({
      name: o.name ?? `agent-${n}`, owner_email: email, capabilities: o.capabilities, card, description: o.description,
      webhook_url: 'https://127.0.0.1:9/hook', // loopback only: tests never reach another host
    });
    return { id: agent_id, key: api_key, mp: as(agent_id, o.name ?? `agent-${n}`), email };
  };

  const m = {
    engine, db, clock, dbPath, dir, as, admin, agent, snapshot, cheapState, assertInvariants, guarded,
    buyer: (o: Parameters<typeof agent>[0] = {}) => agent({ name: 'buyer', card: 'pm_card_visa', ...o }),
    worker: (caps: string[] = ['translation', 'summarization'], o: Parameters<typeof agent>[0] = {}) => agent({ name: 'worker', capabilities: caps, card: null, ...o }),
    stranger: () => agent({ name: 'stranger', capabilities: ['translation', 'summarization'], card: 'pm_card_visa' }),

    advance(ms: number) {
      clock.advance(ms);
    },
    /** Fire due timers (checked). */
    runTimers() {
      return admin.runTimers();
    },
    advanceAndRun(ms: number) {
      clock.advance(ms);
      return admin.runTimers();
    },

    ownerOf(agentId: string): string {
      return (db.prepare('SELECT owner_id o FROM agents WHERE id = ?').get(agentId) as { o: string }).o;
    },
    /** The owner changes an agent's profile or spending policy on the dashboard (the human step itself: no approval). */
    ownerSets(a: Agent, input: Record<string, unknown>) {
      return admin.updateAgentAsOwner(m.ownerOf(a.id), a.id, UpdateAgentInput.parse(input));
    },
    /** The owner decides an approval on the dashboard. */
    ownerDecides(a: Agent, approvalId: string, decision: 'approved' | 'declined' = 'approved') {
      return admin.decideApproval(m.ownerOf(a.id), approvalId, decision);
    },

    setTrust(agentId: string, score: number) {
      db.prepare('UPDATE agents SET trust_score = ? WHERE id = ?').run(score, agentId);
    },
    trust(agentId: string): number {
      return (db.prepare('SELECT trust_score t FROM agents WHERE id = ?').get(agentId) as { t: number }).t;
    },
    balance(account: string): number {
      const r = db.prepare('SELECT balance_cents b FROM balances WHERE account = ?').get(account) as { b: number } | undefined;
      return r?.b ?? 0;
    },
    /** Ledger transactions of a job, with their entries as { account: cents }. */
    txns(jobId: string) {
      const txns = db.prepare('SELECT id, kind, ref FROM ledger_txns WHERE job_id = ? ORDER BY id').all(jobId) as { id: number; kind: string; ref: string }[];
      return txns.map((t) => ({
        ...t,
        entries: Object.fromEntries((db.prepare('SELECT account, amount_cents FROM ledger_entries WHERE txn_id = ?').all(t.id) as { account: string; amount_cents: number }[])
          .map((e) => [e.account, e.amount_cents])),
      }));
    },
    kinds(jobId: string) {
      return m.txns(jobId).map((t) => t.kind);
    },
    jobRow(jobId: string) {
      return db.prepare('SELECT * FROM jobs WHERE id = ?').get(jobId) as any;
    },
    notificationsOf(agentId: string) {
      return db.prepare('SELECT type, job_id, message, read FROM notifications WHERE agent_id = ? ORDER BY rowid').all(agentId) as { type: string; job_id: string | null; message: string; read: number }[];
    },

    // ---- job builders (inputs parsed by the zod schemas, as the MCP layer does) ----
    directJob(buyer: Agent, worker: Agent, o: Partial<Record<string, unknown>> = {}) {
      return buyer.mp.postJob(PostJobInput.parse({
        title: 'Summarise this document', task_spec: { description: 'Summarise the attached report' },
        amount: 20, worker_agent_id: worker.id, ...o,
      }));
    },
    openJob(buyer: Agent, o: Partial<Record<string, unknown>> = {}) {
      return buyer.mp.postJob(PostJobInput.parse({
        title: 'Translate this article', task_spec: { description: 'English to French, 2000 words' },
        amount: 20, job_type: 'open', ...o,
      }));
    },
    bid(worker: Agent, jobId: string, price: number, o: Partial<Record<string, unknown>> = {}) {
      return worker.mp.submitBid(jobId, SubmitBidInput.parse({ proposed_price: price, ...o }));
    },
    counter(buyer: Agent, bidId: string, price: number, message?: string) {
      const input = CounterBidInput.parse({ counter_price: price, message });
      return buyer.mp.counterBid(bidId, input);
    },
    deliver(worker: Agent, jobId: string, content = 'Here is the summary of the report.') {
      return worker.mp.deliverJob(jobId, DeliverInput.parse({ content }));
    },
    revise(buyer: Agent, jobId: string, feedback = 'Please add more detail on section 3') {
      return buyer.mp.requestRevision(jobId, RevisionInput.parse({ feedback }).feedback);
    },
    cancel(a: Agent, jobId: string, reason?: string) {
      return a.mp.cancelJob(jobId, CancelInput.parse({ reason }));
    },
    review(a: Agent, jobId: string, rating: number, comment?: string) {
      return a.mp.leaveReview(jobId, ReviewInput.parse({ rating, comment }));
    },
    /** A direct job taken to `delivered`. */
    async deliveredJob(buyer: Agent, worker: Agent, o: Partial<Record<string, unknown>> = {}) {
      const j = await m.directJob(buyer, worker, o);
      await worker.mp.acceptJob(j.id);
      await worker.mp.startJob(j.id);
      await m.deliver(worker, j.id);
      return j.id;
    },
    /** A direct job taken all the way to `completed` (buyer approves). */
    async completedJob(buyer: Agent, worker: Agent, o: Partial<Record<string, unknown>> = {}) {
      const id = await m.deliveredJob(buyer, worker, o);
      return buyer.mp.approveJob(id);
    },

    close() {
      if (closed) return;
      closed = true;
      try {
        recordedTransitions.push(...(db.prepare('SELECT action, actor, from_status, to_status FROM transitions').all() as any[]));
        engine.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
        dropDatabase(dbPath);
      }
    },
  };
  try {
    onTestFinished(() => m.close());
  } catch {
    /* not inside a test (beforeAll): the caller closes */
  }
  return m;
}

/** Await a refusal and check it is the VoxError expected. Returns it for more checks. */
export async function refused(p: Promise<unknown> | (() => unknown), code: string, opts: { status?: number; message?: RegExp | string } = {}): Promise<VoxError> {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  expect(err, `expected a refusal with ${code}`).toBeInstanceOf(VoxError);
  const v = err as VoxError;
  expect(v.code, v.message).toBe(code);
  if (opts.status !== undefined) expect(v.status).toBe(opts.status);
  if (opts.message !== undefined) expect(v.message).toMatch(opts.message);
  return v;
}

export const cents = (eur: number) => Math.round(eur * 100);
