/**
 * fast-check commands over the model (model.ts) and the real engine. Every command resolves its
 * agent/job/bid indices against the model, predicts acceptance, calls the engine through the
 * Marketplace interface (zod-parsed inputs, as the tools and routes do), and then `verify`
 * compares the whole observable state. A refused call must change nothing.
 */
import fc from 'fast-check';
import type { ManualClock } from '../../src/clock.js';
import { VoxError } from '../../src/errors.js';
import type { Engine } from '../../src/engine/index.js';
import type { Marketplace } from '../../src/marketplace.js';
import { CancelInput, DeliverInput, PostJobInput, SubmitBidInput, UpdateAgentInput } from '../../src/schemas.js';
import { allViolations, duplicateRefs, fingerprint } from '../fixtures/world.js';
import { type Card, H, MIN, type MJob, Model, type Ruling } from './model.js';

export type Real = { engine: Engine; clock: ManualClock; agents: { id: string; mp: Marketplace }[] };
type Cmd = fc.AsyncCommand<Model, Real>;

const eur = (cents: number) => cents / 100;
let keySeq = 0;
const newKey = () => `key-${process.pid}-${++keySeq}`;
const normal = (v: unknown) => JSON.parse(JSON.stringify(v));

class ModelMismatch extends Error {}

/**
 * Run one engine call the model predicts (after catching up on due timers): `predict()`
 * undefined means "must be refused".
 * Engine errors other than VoxError are bugs. A refusal must leave money and rows unchanged.
 */
async function attempt<T>(m: Model, r: Real, label: string, predict: () => ((res: T) => void) | undefined, call: () => Promise<T>, o: { admin?: boolean } = {}): Promise<T | undefined> {
  m.stats.commands++;
  if (!o.admin) catchUp(m, r, label);
  const apply = predict(); // after the catch-up: timers may have moved the job on
  const before = fingerprint(r.engine.db);
  let res: T | undefined;
  let err: unknown;
  try {
    res = await call();
  } catch (e) {
    err = e;
  }
  if (err !== undefined && !(err instanceof VoxError)) throw new ModelMismatch(`${label}: the engine failed with a non-API error: ${(err as Error).stack ?? err}`);
  const vox = err as VoxError | undefined;
  if (apply && vox) throw new ModelMismatch(`${label}: the model expected success, the engine refused: ${vox.code}: ${vox.message}`);
  if (!apply && !vox) throw new ModelMismatch(`${label}: the model expected a refusal, the engine accepted: ${JSON.stringify(res).slice(0, 400)}`);
  if (vox) {
    m.stats.refused++;
    if (process.env.VOXPACT_MODEL_DEBUG) console.log(`refused ${label}: ${vox.code}`);
    const after = fingerprint(r.engine.db);
    if (after !== before) throw new ModelMismatch(`${label}: refused (${vox.code}) but the state changed`);
    return undefined;
  }
  apply!(res as T);
  m.stats.ok++;
  checkAnswer(r, res, label);
  return res;
}

/** The job an operation answers with tells the truth: its status, amount and escrow are the database's. */
function checkAnswer(r: Real, res: unknown, label: string) {
  const j = (res as { job?: unknown })?.job ?? res;
  if (!j || typeof j !== 'object' || !('escrow_amount' in j) || !('status' in j)) return;
  const job = j as { id: string; status: string; amount: number; escrow_amount: number };
  const row = r.engine.db.prepare(`SELECT j.status, j.amount_cents, COALESCE(b.balance_cents, 0) escrow FROM jobs j LEFT JOIN balances b ON b.account = 'escrow:' || j.id WHERE j.id = ?`)
    .get(job.id) as { status: string; amount_cents: number; escrow: number };
  const said = { status: job.status, amount_cents: Math.round(job.amount * 100), escrow: Math.round(job.escrow_amount * 100) };
  if (JSON.stringify(said) !== JSON.stringify(row)) throw new ModelMismatch(`${label}: the answer says ${JSON.stringify(said)}, the database ${JSON.stringify(row)}`);
}

/**
 * Every Marketplace call first fires the timers already due (EmbeddedMarketplace.inTx), so no
 * call acts on a stale clock. The model does the same; the test fires them explicitly just
 * before the call (the engine's own catch-up then finds nothing due) so that a refusal can be
 * checked to change nothing. Admin calls (freeze, unfreeze, rulings) do not catch up.
 */
function catchUp(m: Model, r: Real, label: string) {
  const want = m.runTimers();
  const got = r.engine.runTimers();
  if (got.fired !== want.fired) throw new ModelMismatch(`${label}: catching up fired ${JSON.stringify(got)}, model ${JSON.stringify(want)}`);
}

/** Remember a successful keyed call so RetryLastKeyed can replay it. */
function rememberKeyed(m: Model, key: string, response: unknown, label: string, redo: (key: string) => Promise<unknown>) {
  m.lastKeyed = { key, at: m.now, response: normal(response), redo, label };
}

// ---------- the comparison after every command ----------

export function verify(m: Model, r: Real, after: string) {
  const db = r.engine.db;
  const fail = (msg: string) => { throw new ModelMismatch(`after ${after}: ${msg}`); };
  const bad = allViolations(r.engine);
  if (bad.length) fail(`invariants violated:\n  ${bad.join('\n  ')}`);
  const dup = duplicateRefs(db);
  if (dup.length) fail(`ledger refs posted twice: ${dup.join(', ')}`);

  // The books: every non-zero balance, exactly.
  const real = Object.fromEntries((db.prepare('SELECT account, balance_cents FROM balances WHERE balance_cents <> 0 ORDER BY account').all() as { account: string; balance_cents: number }[])
    .map((b) => [b.account, b.balance_cents]));
  const model = Object.fromEntries([...m.balances].filter(([, c]) => c !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
  // payable:* must net to 0 in embedded mode (payouts settle at once); the model books straight to payout:*.
  if (JSON.stringify(real) !== JSON.stringify(model)) fail(`balances differ\n  engine ${JSON.stringify(real)}\n  model  ${JSON.stringify(model)}`);

  for (const j of m.jobs) {
    const row = db.prepare(`SELECT status, frozen_from, amount_cents, worker_id, revision_count, platform_fee_cents, worker_payout_cents,
        cancellation_fee_cents, deadline_at, delivered_at, bidding_closed FROM jobs WHERE id = ?`).get(j.id) as Record<string, unknown>;
    const want = {
      status: j.status, frozen_from: j.frozenFrom, amount_cents: j.amount, worker_id: j.worker == null ? null : m.agents[j.worker].id,
      revision_count: j.revisionCount, platform_fee_cents: j.fee, worker_payout_cents: j.payout, cancellation_fee_cents: j.cancelFee,
      deadline_at: j.deadlineAt, delivered_at: j.deliveredAt, bidding_closed: j.biddingClosed ? 1 : 0,
    };
    if (JSON.stringify(row) !== JSON.stringify(want)) fail(`job #${j.idx} differs\n  engine ${JSON.stringify(row)}\n  model  ${JSON.stringify(want)}`);
    if (['completed', 'cancelled', 'refunded'].includes(j.status) && m.escrow(j) !== 0) fail(`job #${j.idx} is ${j.status} with escrow ${m.escrow(j)}`);
    const dispute = (db.prepare('SELECT status FROM disputes WHERE job_id = ?').get(j.id) as { status: string } | undefined)?.status ?? null;
    if (dispute !== j.dispute) fail(`job #${j.idx} dispute is ${dispute}, model ${j.dispute}`);
    const actions = (db.prepare('SELECT action FROM transitions WHERE job_id = ? ORDER BY id').all(j.id) as { action: string }[]).map((t) => t.action);
    if (actions.join() !== j.actions.join()) fail(`job #${j.idx} transitions differ\n  engine ${actions.join(' → ')}\n  model  ${j.actions.join(' → ')}`);
  }
  for (const a of m.agents) {
    const { trust_score } = db.prepare('SELECT trust_score FROM agents WHERE id = ?').get(a.id) as { trust_score: number };
    if (trust_score !== a.trust) fail(`agent #${a.idx} trust ${trust_score}, model ${a.trust}`);
    if (!(trust_score >= 0 && trust_score <= 100)) fail(`agent #${a.idx} trust ${trust_score} outside 0–100`);
  }
  for (const b of m.bids) {
    const row = db.prepare('SELECT status, counter_price_cents FROM bids WHERE id = ?').get(b.id) as { status: string; counter_price_cents: number | null };
    if (row.status !== b.status || row.counter_price_cents !== b.counter) fail(`bid #${b.idx} is ${JSON.stringify(row)}, model ${b.status}/${b.counter}`);
  }
  const pending = (db.prepare('SELECT kind, job_id, due_at FROM timers WHERE fired_at IS NULL').all() as { kind: string; job_id: string; due_at: number }[])
    .map((t) => `${t.kind}:${t.job_id}:${t.due_at}`).sort();
  const modelPending = m.timers.filter((t) => !t.fired).map((t) => `${t.kind}:${m.jobs[t.job].id}:${t.dueAt}`).sort();
  if (pending.join() !== modelPending.join()) fail(`pending timers differ\n  engine ${pending.join(', ')}\n  model  ${modelPending.join(', ')}`);
}

const pick = <T>(xs: T[], i: number) => xs[i % xs.length];
/**
 * Resolve a job index: with `fit`, among the jobs where the action makes sense (so random runs
 * get deep into the lifecycle), else among all jobs (so wrong states come up too).
 */
function pickFit<T>(all: T[], i: number, fit: boolean, ok: (x: T) => boolean): T {
  const fitting = fit ? all.filter(ok) : [];
  return pick(fitting.length ? fitting : all, i);
}
const FIT: Record<string, string[]> = {
  accept: ['funded'], start: ['accepted'], deliver: ['in_progress', 'revision_requested'], approve: ['delivered'], revision: ['delivered'],
  cancel: ['open', 'pending_payment', 'funded', 'accepted', 'in_progress', 'revision_requested'],
};
const liveBid = (b: { status: string }) => b.status === 'active' || b.status === 'countered';

// ---------- commands ----------

class PostDirect implements Cmd {
  /** `workerOffset` 0 hires the buyer itself (refused); k > 0 the k-th other agent after the buyer. */
  constructor(readonly buyer: number, readonly workerOffset: number, readonly cents: number, readonly deadlineHours: number,
    readonly caps: string[], readonly maxRevisions: number, readonly keyed: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const n = m.agents.length;
    const b = this.buyer % n;
    const w = this.workerOffset === 0 ? b : (b + 1 + ((this.workerOffset - 1) % (n - 1))) % n;
    const key = this.keyed ? newKey() : undefined;
    const input = PostJobInput.parse({
      title: `Direct job ${m.jobs.length}`, task_spec: { description: 'translate the attached text', n: m.jobs.length }, amount: eur(this.cents),
      worker_agent_id: m.agents[w].id, deadline_hours: this.deadlineHours, required_capabilities: this.caps, max_revisions: this.maxRevisions,
      ...(key ? { idempotency_key: key } : {}),
    });
    const predict = () => m.postDirect(b, w, this.cents, this.deadlineHours, this.caps, this.maxRevisions);
    const call = () => r.agents[b].mp.postJob(input);
    const res = await attempt(m, r, this.toString(), () => { const apply = predict(); return apply && ((job: { id: string }) => void apply(job.id)); }, call);
    if (key && res) rememberKeyed(m, key, res, this.toString(), (k) => r.agents[b].mp.postJob({ ...input, idempotency_key: k }));
  }
  toString = () => `PostDirect(buyer ${this.buyer}, worker offset ${this.workerOffset}, ${eur(this.cents)} EUR, ${this.deadlineHours} h, [${this.caps}], rev ${this.maxRevisions}${this.keyed ? ', keyed' : ''})`;
}

class PostOpen implements Cmd {
  constructor(readonly buyer: number, readonly budget: number, readonly minAcceptable: number | null, readonly windowHours: number,
    readonly deadlineHours: number, readonly caps: string[]) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const b = this.buyer % m.agents.length;
    const input = PostJobInput.parse({
      title: `Open job ${m.jobs.length}`, task_spec: { description: 'summarise a report' }, amount: eur(this.budget), job_type: 'open',
      bid_window_hours: this.windowHours, deadline_hours: this.deadlineHours, required_capabilities: this.caps,
      ...(this.minAcceptable != null ? { min_acceptable_price: eur(this.minAcceptable) } : {}),
    });
    const predict = () => m.postOpen(b, this.budget, this.minAcceptable, this.windowHours, this.deadlineHours, this.caps);
    await attempt(m, r, this.toString(), () => { const apply = predict(); return apply && ((job: { id: string }) => void apply(job.id)); }, () => r.agents[b].mp.postJob(input));
  }
  toString = () => `PostOpen(buyer ${this.buyer}, budget ${eur(this.budget)}, min ${this.minAcceptable == null ? '-' : eur(this.minAcceptable)}, window ${this.windowHours} h, deadline ${this.deadlineHours} h, [${this.caps}])`;
}

class SubmitBid implements Cmd {
  /** price null: take the buyer's counter-offer on this worker's latest bid (if any). */
  constructor(readonly worker: number, readonly job: number, readonly cents: number | null, readonly keyed: boolean, readonly fit = true) {}
  check = (m: Readonly<Model>) => m.jobs.some((j) => j.type === 'open');
  async run(m: Model, r: Real) {
    const open = m.jobs.filter((j) => j.type === 'open');
    const j = pickFit(open, this.job, this.fit, (x) => x.status === 'open' && !x.biddingClosed);
    const w = this.worker % m.agents.length;
    const last = m.bids.filter((b) => b.job === j.idx && b.worker === w).at(-1);
    const price = this.cents ?? last?.counter ?? 500;
    const key = this.keyed ? newKey() : undefined;
    const parsed = SubmitBidInput.safeParse({ proposed_price: eur(price), message: 'I can do this well', ...(key ? { idempotency_key: key } : {}) });
    const predict = () => parsed.success ? m.submitBid(w, j, price) : undefined;
    const call = () => (parsed.success ? r.agents[w].mp.submitBid(j.id, parsed.data) : Promise.reject(new VoxError('validation_error', 'schema refused')));
    const res = await attempt(m, r, `${this} on job #${j.idx}`, () => { const apply = predict(); return apply && ((bid: { id: string }) => void apply(bid.id)); }, call);
    if (key && res && parsed.success) rememberKeyed(m, key, res, this.toString(), (k) => r.agents[w].mp.submitBid(j.id, { ...parsed.data, idempotency_key: k }));
  }
  toString = () => `SubmitBid(worker ${this.worker}, ${this.fit ? 'fitting ' : ''}open job ${this.job}, ${this.cents == null ? 'the counter price' : `${eur(this.cents)} EUR`}${this.keyed ? ', keyed' : ''})`;
}

class CounterBid implements Cmd {
  constructor(readonly actor: 'buyer' | number, readonly bid: number, readonly cents: number, readonly fit = true) {}
  check = (m: Readonly<Model>) => m.bids.length > 0;
  async run(m: Model, r: Real) {
    const b = pickFit(m.bids, this.bid, this.fit, liveBid);
    const a = this.actor === 'buyer' ? m.jobs[b.job].buyer : this.actor % m.agents.length;
    const predict = () => m.counterBid(a, b, this.cents);
    await attempt(m, r, `${this} (bid #${b.idx})`, () => { const apply = predict(); return apply && (() => apply()); }, () => r.agents[a].mp.counterBid(b.id, { counter_price: eur(this.cents) }));
  }
  toString = () => `CounterBid(${this.actor === 'buyer' ? 'the buyer' : `agent ${this.actor}`}, ${this.fit ? 'live ' : ''}bid ${this.bid}, ${eur(this.cents)} EUR)`;
}

class AcceptBid implements Cmd {
  constructor(readonly actor: 'buyer' | number, readonly bid: number, readonly keyed: boolean, readonly fit = true) {}
  check = (m: Readonly<Model>) => m.bids.length > 0;
  async run(m: Model, r: Real) {
    const b = pickFit(m.bids, this.bid, this.fit, liveBid);
    const a = this.actor === 'buyer' ? m.jobs[b.job].buyer : this.actor % m.agents.length;
    const key = this.keyed ? newKey() : undefined;
    const predict = () => m.acceptBid(a, b);
    const res = await attempt(m, r, `${this} (bid #${b.idx})`, () => { const apply = predict(); return apply && (() => apply()); }, () => r.agents[a].mp.acceptBid(b.id, { idempotency_key: key }));
    if (key && res) rememberKeyed(m, key, res, this.toString(), (k) => r.agents[a].mp.acceptBid(b.id, { idempotency_key: k }));
  }
  toString = () => `AcceptBid(${this.actor === 'buyer' ? 'the buyer' : `agent ${this.actor}`}, ${this.fit ? 'live ' : ''}bid ${this.bid}${this.keyed ? ', keyed' : ''})`;
}

type Who = 'buyer' | 'worker' | number;
const resolve = (m: Model, j: MJob, who: Who) => (who === 'buyer' ? j.buyer : who === 'worker' ? (j.worker ?? j.buyer) : who % m.agents.length);

class Lifecycle implements Cmd {
  constructor(readonly kind: 'accept' | 'start' | 'deliver' | 'approve' | 'revision' | 'cancel', readonly who: Who, readonly job: number, readonly keyed: boolean, readonly fit = true) {}
  check = (m: Readonly<Model>) => m.jobs.length > 0;
  async run(m: Model, r: Real) {
    await this.runOn(m, r, pickFit(m.jobs, this.job, this.fit, (x) => FIT[this.kind].includes(x.status)));
  }
  async runOn(m: Model, r: Real, j: MJob) {
    const a = resolve(m, j, this.who);
    const mp = r.agents[a].mp;
    const key = this.keyed && ['deliver', 'approve', 'cancel'].includes(this.kind) ? newKey() : undefined;
    const predict = () => m.lifecycle(this.kind, a, j);
    const call = (k: string | undefined): Promise<unknown> => {
      switch (this.kind) {
        case 'accept': return mp.acceptJob(j.id);
        case 'start': return mp.startJob(j.id);
        case 'deliver': return mp.deliverJob(j.id, DeliverInput.parse({ content: `Result for job ${j.idx}: done.`, ...(k ? { idempotency_key: k } : {}) }));
        case 'approve': return mp.approveJob(j.id, { idempotency_key: k });
        case 'revision': return mp.requestRevision(j.id, 'Please add more detail to section 3.');
        case 'cancel': return mp.cancelJob(j.id, CancelInput.parse({ reason: 'changed plans', ...(k ? { idempotency_key: k } : {}) }));
      }
    };
    const res = await attempt(m, r, `${this} (job #${j.idx} '${j.status}', agent ${a})`, () => { const apply = predict(); return apply && (() => apply()); }, () => call(key));
    if (key && res) rememberKeyed(m, key, res, this.toString(), (k) => call(k));
  }
  toString = () => `${this.kind}(${typeof this.who === 'number' ? `agent ${this.who}` : `the ${this.who}`}, ${this.fit ? 'fitting ' : ''}job ${this.job}${this.keyed ? ', keyed' : ''})`;
}

/** The natural next step of a live job by the right party: drives runs deep into the lifecycle. */
class Progress implements Cmd {
  constructor(readonly job: number, readonly revise: boolean, readonly keyed: boolean) {}
  check = (m: Readonly<Model>) => m.jobs.some((j) => NEXT[j.status]);
  async run(m: Model, r: Real) {
    const j = pick(m.jobs.filter((x) => NEXT[x.status]), this.job);
    const kind = j.status === 'delivered' && this.revise ? 'revision' : NEXT[j.status]!;
    await new Lifecycle(kind, kind === 'approve' || kind === 'revision' ? 'buyer' : 'worker', 0, this.keyed, false).runOn(m, r, j);
  }
  toString = () => `Progress(live job ${this.job}${this.revise ? ', revise' : ''}${this.keyed ? ', keyed' : ''})`;
}
const NEXT: Partial<Record<string, 'accept' | 'start' | 'deliver' | 'approve'>> = {
  funded: 'accept', accepted: 'start', in_progress: 'deliver', revision_requested: 'deliver', delivered: 'approve',
};

/** Replay the last keyed call with its key within 24 h: the first answer, nothing moves. */
class RetryLastKeyed implements Cmd {
  check = (m: Readonly<Model>) => m.lastKeyed != null && m.now - m.lastKeyed.at < 24 * H;
  async run(m: Model, r: Real) {
    const k = m.lastKeyed!;
    m.stats.commands++;
    m.stats.retries++;
    catchUp(m, r, this.toString());
    const before = fingerprint(r.engine.db);
    const again = normal(await k.redo(k.key));
    if (JSON.stringify(again) !== JSON.stringify(k.response)) throw new ModelMismatch(`retry of ${k.label} answered differently\n  first ${JSON.stringify(k.response).slice(0, 300)}\n  retry ${JSON.stringify(again).slice(0, 300)}`);
    if (fingerprint(r.engine.db) !== before) throw new ModelMismatch(`retry of ${k.label} changed the state`);
  }
  toString = () => 'RetryLastKeyed()';
}

class SaveCard implements Cmd {
  constructor(readonly agent: number, readonly card: Card, readonly makeDefault: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const a = this.agent % m.agents.length;
    const predict = () => m.saveCard(a, this.card, this.makeDefault);
    await attempt(m, r, this.toString(), () => (pm) => {
      const isDefault = predict()();
      if (pm.is_default !== isDefault) throw new ModelMismatch(`${this}: is_default ${pm.is_default}, model ${isDefault}`);
    }, () => r.agents[a].mp.savePaymentMethod(this.card, { make_default: this.makeDefault }));
  }
  toString = () => `SaveCard(agent ${this.agent}, ${this.card}${this.makeDefault ? ', default' : ''})`;
}

class SetCap implements Cmd {
  constructor(readonly agent: number, readonly cents: number | null) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const a = this.agent % m.agents.length;
    const input = UpdateAgentInput.parse({ monthly_spending_limit: this.cents == null ? null : eur(this.cents) });
    await attempt(m, r, this.toString(), () => () => void (m.agents[a].capCents = this.cents), () => r.agents[a].mp.updateMyAgent(input));
  }
  toString = () => `SetMonthlyCap(agent ${this.agent}, ${this.cents == null ? 'none' : `${eur(this.cents)} EUR`})`;
}

class SetCapabilities implements Cmd {
  constructor(readonly agent: number, readonly caps: string[]) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const a = this.agent % m.agents.length;
    await attempt(m, r, this.toString(), () => () => void (m.agents[a].caps = [...this.caps]), () => r.agents[a].mp.updateMyAgent(UpdateAgentInput.parse({ capabilities: this.caps })));
  }
  toString = () => `SetCapabilities(agent ${this.agent}, [${this.caps}])`;
}

class AdvanceAndRunTimers implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.stats.commands++;
    m.now += this.ms;
    r.clock.advance(this.ms);
    const want = m.runTimers();
    const got = r.engine.runTimers();
    if (got.fired !== want.fired || JSON.stringify(sortKeys(got.by_kind)) !== JSON.stringify(sortKeys(want.byKind))) {
      throw new ModelMismatch(`${this}: engine fired ${JSON.stringify(got)}, model ${JSON.stringify(want)}`);
    }
    const again = r.engine.runTimers();
    if (again.fired !== 0) throw new ModelMismatch(`${this}: a second runTimers fired ${again.fired} more`);
  }
  toString = () => `AdvanceClock(${fmtMs(this.ms)}) + runTimers`;
}

class OpenDispute implements Cmd {
  constructor(readonly who: Who, readonly job: number, readonly keyed: boolean, readonly fit = true) {}
  check = (m: Readonly<Model>) => m.jobs.length > 0;
  async run(m: Model, r: Real) {
    const j = pickFit(m.jobs, this.job, this.fit, (x) => ['delivered', 'revision_requested'].includes(x.status));
    const a = resolve(m, j, this.who);
    const key = this.keyed ? newKey() : undefined;
    const input = { reason: 'The delivery does not match the task.', evidence_items: [], ...(key ? { idempotency_key: key } : {}) };
    const predict = () => m.openDispute(a, j);
    const res = await attempt(m, r, `${this} (job #${j.idx} '${j.status}', agent ${a})`, () => { const apply = predict(); return apply && (() => apply()); }, () => r.agents[a].mp.openDispute(j.id, input));
    if (key && res) rememberKeyed(m, key, res, this.toString(), (k) => r.agents[a].mp.openDispute(j.id, { ...input, idempotency_key: k }));
  }
  toString = () => `OpenDispute(${typeof this.who === 'number' ? `agent ${this.who}` : `the ${this.who}`}, ${this.fit ? 'fitting ' : ''}job ${this.job}${this.keyed ? ', keyed' : ''})`;
}

/** An admin's (Tier 2) ruling on a job's dispute. */
class ResolveDispute implements Cmd {
  constructor(readonly job: number, readonly ruling: Ruling, readonly share: number) {}
  check = (m: Readonly<Model>) => m.jobs.some((j) => j.dispute != null);
  async run(m: Model, r: Real) {
    const j = pick(m.jobs.filter((x) => x.dispute != null), this.job);
    const predict = () => m.resolve(j, this.ruling, this.share);
    const disputeId = (r.engine.db.prepare('SELECT id FROM disputes WHERE job_id = ?').get(j.id) as { id: string }).id;
    const input = { ruling: this.ruling, ...(this.ruling === 'split' ? { worker_share_percent: this.share } : {}), note: 'model ruling' };
    await attempt(m, r, `${this} (job #${j.idx} '${j.status}')`, () => { const apply = predict(); return apply && (() => apply()); }, async () => r.engine.judging.resolveDispute(disputeId, input as any), { admin: true });
  }
  toString = () => `ResolveDispute(job ${this.job}, ${this.ruling}${this.ruling === 'split' ? ` ${this.share}%` : ''})`;
}

class Freeze implements Cmd {
  constructor(readonly job: number, readonly unfreeze: boolean) {}
  check = (m: Readonly<Model>) => m.jobs.length > 0;
  async run(m: Model, r: Real) {
    const j = pick(m.jobs, this.job);
    const predict = () => this.unfreeze ? m.unfreeze(j) : m.freeze(j);
    const call = async () => (this.unfreeze ? r.engine.unfreezeJob(j.id, 'model test') : r.engine.freezeJob(j.id, 'model test'));
    await attempt(m, r, `${this} (job #${j.idx} '${j.status}')`, () => { const apply = predict(); return apply && (() => apply()); }, call, { admin: true });
  }
  toString = () => `${this.unfreeze ? 'Unfreeze' : 'Freeze'}(job ${this.job})`;
}

const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
const fmtMs = (ms: number) => (ms % H === 0 ? `${ms / H} h` : `${ms / MIN} min`);

// ---------- arbitraries ----------

const agentIdx = fc.nat({ max: 9 });
const capsArb = fc.subarray(['translation', 'summarization']);
/** Amounts around rounding and tier edges (bronze 100 EUR, silver 1000 EUR) plus random ones. */
const centsArb = fc.oneof(
  { arbitrary: fc.constantFrom(500, 501, 999, 1234, 1235, 1250, 2050, 3333, 9999, 10_000), weight: 3 },
  { arbitrary: fc.integer({ min: 500, max: 5000 }), weight: 3 },
  { arbitrary: fc.constantFrom(10_001, 12_345, 99_999, 100_000, 100_001), weight: 1 },
  { arbitrary: fc.integer({ min: 500, max: 150_000 }), weight: 1 },
);
const whoArb: fc.Arbitrary<Who> = fc.oneof({ arbitrary: fc.constantFrom<Who>('buyer', 'worker'), weight: 6 }, { arbitrary: agentIdx, weight: 1 });
const jobIdx = fc.nat({ max: 50 });
/** Mostly pick a job/bid where the action fits; sometimes any. */
const fitArb = fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 });
const cardArb = fc.constantFrom<Card>('pm_card_visa', 'pm_card_mastercard', 'pm_card_chargeDeclined', 'pm_card_insufficientFunds');
const capCentsArb = fc.option(fc.constantFrom(0, 500, 1000, 5000, 20_000, 100_000, 1_000_000), { nil: null });
/** Mostly small steps (work goes on), sometimes past a deadline, a bid window or the 48 h release. */
const advanceArb = fc.oneof(
  { arbitrary: fc.constantFrom(1 * MIN, 5 * MIN, 1 * H, 5 * H), weight: 4 },
  { arbitrary: fc.constantFrom(23 * H, 24 * H, 25 * H, 47 * H, 49 * H, 73 * H, 170 * H, 24 * 30 * H), weight: 1 },
);

/**
 * The lifecycle order, weighted so random sequences reach deep states (delivered, revision,
 * completed) often, while wrong actors and wrong states still come up.
 */
const lifecycleArb = fc.oneof(
  ...(['accept', 'start', 'deliver', 'approve'] as const).map((k) =>
    ({ arbitrary: fc.tuple(whoArb, jobIdx, fc.boolean(), fitArb).map(([w, j, keyed, fit]) => new Lifecycle(k, k === 'approve' ? (w === 'worker' ? 'buyer' : w) : (w === 'buyer' ? 'worker' : w), j, keyed, fit) as Cmd), weight: 4 })),
  { arbitrary: fc.tuple(whoArb, jobIdx, fitArb).map(([w, j, fit]) => new Lifecycle('revision', w === 'worker' ? 'buyer' : w, j, false, fit) as Cmd), weight: 2 },
  { arbitrary: fc.tuple(whoArb, jobIdx, fc.boolean(), fitArb).map(([w, j, keyed, fit]) => new Lifecycle('cancel', w, j, keyed, fit) as Cmd), weight: 2 },
);

/** Jobs mostly require nothing; the worker is mostly another agent (offset 0 = hire yourself). */
const jobCapsArb = fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 3 }, { arbitrary: capsArb, weight: 1 });
const postDirectArb = fc.tuple(agentIdx, fc.nat({ max: 12 }), centsArb, fc.constantFrom(1, 24, 72, 72, 720), jobCapsArb, fc.nat({ max: 3 }), fc.boolean())
  .map(([b, off, c, d, caps, rev, keyed]) => new PostDirect(b, off, c, d, caps, rev, keyed));

export const commandArb: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: postDirectArb, weight: 4 },
  { arbitrary: fc.tuple(agentIdx, centsArb, fc.option(fc.constantFrom(500, 750, 1000, 5000, 20_000), { nil: null }), fc.constantFrom(1, 48, 168), fc.constantFrom(24, 72), jobCapsArb)
    .map(([b, budget, min, win, d, caps]) => new PostOpen(b, budget, min, win, d, caps) as Cmd), weight: 2 },
  { arbitrary: fc.tuple(agentIdx, jobIdx, fc.option(centsArb, { nil: null, freq: 4 }), fc.boolean(), fitArb).map(([w, j, c, keyed, fit]) => new SubmitBid(w, j, c, keyed, fit) as Cmd), weight: 3 },
  { arbitrary: fc.tuple(fc.oneof(fc.constant<'buyer'>('buyer'), agentIdx), fc.nat({ max: 50 }), fc.oneof(centsArb, fc.integer({ min: 1, max: 499 })), fitArb)
    .map(([a, b, c, fit]) => new CounterBid(a, b, c, fit) as Cmd), weight: 1 },
  { arbitrary: fc.tuple(fc.oneof({ arbitrary: fc.constant<'buyer'>('buyer'), weight: 5 }, { arbitrary: agentIdx, weight: 1 }), fc.nat({ max: 50 }), fc.boolean(), fitArb)
    .map(([a, b, keyed, fit]) => new AcceptBid(a, b, keyed, fit) as Cmd), weight: 2 },
  { arbitrary: fc.tuple(jobIdx, fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }), fc.boolean())
    .map(([j, revise, keyed]) => new Progress(j, revise, keyed) as Cmd), weight: 10 },
  { arbitrary: lifecycleArb, weight: 5 },
  { arbitrary: fc.constant(new RetryLastKeyed() as Cmd), weight: 1 },
  { arbitrary: fc.tuple(agentIdx, cardArb, fc.boolean()).map(([a, c, d]) => new SaveCard(a, c, d) as Cmd), weight: 1 },
  { arbitrary: fc.tuple(agentIdx, capCentsArb).map(([a, c]) => new SetCap(a, c) as Cmd), weight: 1 },
  { arbitrary: fc.tuple(agentIdx, capsArb).map(([a, c]) => new SetCapabilities(a, c) as Cmd), weight: 1 },
  { arbitrary: advanceArb.map((ms) => new AdvanceAndRunTimers(ms) as Cmd), weight: 3 },
  { arbitrary: fc.tuple(jobIdx, fc.boolean()).map(([j, u]) => new Freeze(j, u) as Cmd), weight: 1 },
  { arbitrary: fc.tuple(whoArb, jobIdx, fc.boolean(), fitArb).map(([w, j, keyed, fit]) => new OpenDispute(w, j, keyed, fit) as Cmd), weight: 2 },
  { arbitrary: fc.tuple(jobIdx, fc.constantFrom<Ruling>('buyer_wins', 'worker_wins', 'split'), fc.oneof(fc.constantFrom(1, 33, 50, 67, 99), fc.integer({ min: 1, max: 99 })))
    .map(([j, ruling, share]) => new ResolveDispute(j, ruling, share) as Cmd), weight: 2 },
);

/** The agents a run starts with: trust near tier edges, some declining or missing cards, caps. */
export const setupArb = fc.array(
  fc.record({
    trust: fc.constantFrom(50, 50, 50, 39.5, 38, 69.5, 89.5, 95, 10),
    card: fc.constantFrom<Card | null>('pm_card_visa', 'pm_card_visa', 'pm_card_visa', 'pm_card_chargeDeclined', null),
    caps: capsArb,
    capCents: fc.option(fc.constantFrom(1000, 5000, 20_000, 100_000), { nil: null, freq: 6 }),
  }),
  { minLength: 3, maxLength: 5 },
);

export { ModelMismatch };
