/**
 * Jobs: posting, the lifecycle moves of the transition table, and the money each move makes.
 * Every exported function runs inside the caller's write transaction (src/engine/embedded.ts).
 */
import { unpaid, unpaidExcerpt } from './preview.js';
import { VoxError, invalid, notFound } from '../errors.js';
import { HOUR_MS } from '../clock.js';
import { CANCEL_FEES, LIMITS, TRUST, tierOf } from '../limits.js';
import { cents, formatEur, percentOf } from '../money.js';
import type { Deliverable, DeliverInput, Job, JobStatus, ListJobsInput, PostJobInput, BrowseOpenJobsInput } from '../schemas.js';
import { JOB_STATUSES, TERMINAL_STATUSES } from '../schemas.js';
import { type Ctx, adjustTrust, changed, emit, openJobsChanged } from './context.js';
import { allRows, getRow } from './db.js';
import { sha256, timeUuid } from './ids.js';
import { HELD_STATUSES, LedgerError, acct, balance, post } from './ledger.js';
import { capture } from './cards.js';
import { type Actor, TRANSITIONS, allowedFrom, findTransition, impliedStep } from './transitions.js';
import { schedule } from './timers.js';
import { getAgentRow } from './accounts.js';
import { fts, ftsQuery } from './search.js';
import { type JobRow, jobView } from './views.js';
import { queueValidation, validationSummary } from './validation.js';
import { gateSpend } from './policy.js';

const JOB_SELECT = `SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents FROM jobs j LEFT JOIN balances b ON b.account = 'escrow:' || j.id`;
const TOOL_FOR: Record<string, string> = {
  accept: 'accept_job', start: 'start_job', deliver: 'deliver_job', approve: 'approve_job', request_revision: 'request_revision',
  cancel: 'cancel_job', withdraw: 'cancel_job', accept_bid: 'accept_bid', dispute: 'open_dispute',
};

/**
 * What `actor` can do instead with a job in `status`, from the transition table: appended to
 * invalid_status / forbidden errors so the caller learns the tool to use (a buyer calling
 * accept_job on a delivered job is pointed at approve_job / request_revision).
 */
function instead(status: JobStatus, actor: Actor | null): string {
  if (!actor) return '';
  const tools = [...new Set(TRANSITIONS.filter((r) => r.actor === actor && r.from.includes(status)).map((r) => TOOL_FOR[r.action] ?? r.action))];
  if (status === 'open' && actor === 'buyer') tools.unshift('list_bids', 'counter_bid');
  return tools.length
    ? ` As the ${actor} of this '${status}' job, use ${tools.join(' or ')}.`
    : ` As the ${actor}, nothing is yours to do while the job is '${status}': get_job_status says what comes next.`;
}

export function loadJob(ctx: Ctx, id: string): JobRow {
  const j = getRow<JobRow>(ctx.db.prepare(`${JOB_SELECT} WHERE j.id = ?`), id);
  if (!j) throw notFound('job', id);
  return j;
}

const isBidder = (ctx: Ctx, jobId: string, agentId: string) =>
  !!ctx.db.prepare('SELECT 1 FROM bids WHERE job_id = ? AND worker_id = ?').get(jobId, agentId);

/**
 * The job as `viewer` may see it. Buyer and worker see their jobs; anyone sees a job open for
 * bids (it is public in browse_open_jobs) and bidders see the jobs they bid on. Everyone else
 * gets not_found — the same answer as for a job that does not exist.
 */
export function visibleJob(ctx: Ctx, viewer: string, id: string): JobRow {
  const j = getRow<JobRow>(ctx.db.prepare(`${JOB_SELECT} WHERE j.id = ?`), id);
  if (!j) throw notFound('job', id);
  if (j.buyer_id === viewer || j.worker_id === viewer || j.status === 'open' || isBidder(ctx, id, viewer)) return j;
  throw notFound('job', id);
}

// The bids lookup only matters to someone who is neither the buyer nor the worker (jobView's role).
export const view = (ctx: Ctx, viewer: string, j: JobRow): Job =>
  jobView(j, viewer, j.buyer_id !== viewer && j.worker_id !== viewer && isBidder(ctx, j.id, viewer));

export function roleOf(j: JobRow, agentId: string): Actor | null {
  return j.buyer_id === agentId ? 'buyer' : j.worker_id === agentId ? 'worker' : null;
}

/**
 * Apply one row of the transition table: refuse what the table does not allow (with a message
 * saying what would be allowed), record the transition, carry out the row's money effect.
 */
export function move(ctx: Ctx, j: JobRow, action: string, actor: Actor, actorAgentId: string | null, reason: string | null, patch: Record<string, unknown> = {}): JobRow {
  const tool = TOOL_FOR[action] ?? action;
  if (j.status === 'frozen') throw new VoxError('job_frozen', `job is frozen by an admin; ${tool} is blocked until it is unfrozen`, 409);
  // An optional step the table says `action` passes through (deliver from accepted: start first), recorded as its own move.
  const via = impliedStep(action, actor, j.status);
  if (via) j = move(ctx, j, via.action, actor, actorAgentId, `implied by ${tool}`);
  const row = findTransition(action, actor, j.status);
  if (!row) {
    const allowed = allowedFrom(action, actor);
    if (!allowed.length) throw new VoxError('forbidden', `the ${actor} of a job cannot call ${tool}.${instead(j.status, actor)}`, 403);
    throw new VoxError('invalid_status', `job is '${j.status}'; ${tool} needs ${allowed.map((s) => `'${s}'`).join(' or ')}.${instead(j.status, actor)}`, 409, { status: j.status });
  }
  writeMove(ctx, j, action, actor, actorAgentId, row.to, reason, patch);
  if (j.status === 'open') unindexOpenJob(ctx, j.id);
  const next = loadJob(ctx, j.id);
  applyEffect(ctx, next, j.status, row.effect);
  for (const a of partiesOf(ctx, next)) changed(ctx, a, j.id, 'job');
  assertEscrow(ctx, j.id);
  // Only a money effect writes to the job row after `next` was read; otherwise `next` is current.
  return row.effect === 'none' || row.effect === 'capture' ? next : loadJob(ctx, j.id);
}

function partiesOf(ctx: Ctx, j: JobRow): string[] {
  const ids = new Set([j.buyer_id]);
  if (j.worker_id) ids.add(j.worker_id);
  if (j.job_type === 'open') for (const b of ctx.db.prepare('SELECT DISTINCT worker_id FROM bids WHERE job_id = ?').all(j.id) as { worker_id: string }[]) ids.add(b.worker_id);
  return [...ids];
}

/** TigerBeetle-style assertion: a job's escrow matches its status after every move. */
function assertEscrow(ctx: Ctx, jobId: string) {
  // The four columns it needs, not the whole row: this runs after every move.
  const j = ctx.db.prepare(`SELECT j.status, j.frozen_from, j.amount_cents, COALESCE(b.balance_cents, 0) AS escrow_cents FROM jobs j
      LEFT JOIN balances b ON b.account = 'escrow:' || j.id WHERE j.id = ?`).get(jobId) as Pick<JobRow, 'status' | 'frozen_from' | 'amount_cents' | 'escrow_cents'> | undefined;
  if (!j) throw notFound('job', jobId);
  const expected = HELD_STATUSES.includes(j.status === 'frozen' ? j.frozen_from! : j.status) ? j.amount_cents : 0;
  if (j.escrow_cents !== expected) throw new LedgerError(`job ${jobId} is '${j.status}' with escrow ${j.escrow_cents}, expected ${expected}`);
}

function applyEffect(ctx: Ctx, j: JobRow, from: JobStatus, effect: string) {
  switch (effect) {
    case 'capture': // done by the caller before the move (its outcome picks the move); checked by assertEscrow
    case 'none':
      return;
    case 'release':
      return release(ctx, j);
    case 'refund':
      return refund(ctx, j);
    case 'cancel_fee':
      return cancelSettlement(ctx, j, from);
    case 'dispute_ruling':
      return disputeSplit(ctx, j);
    default:
      throw new Error(`effect ${effect} is not implemented yet`);
  }
}

/** Escrow → worker (minus the platform fee of the worker's tier) → paid out; fee → platform. */
function release(ctx: Ctx, j: JobRow) {
  const worker = getAgentRow(ctx, j.worker_id!);
  const feePercent = tierOf(worker.trust_score).fee_percent;
  const fee = percentOf(j.amount_cents, feePercent);
  const net = j.amount_cents - fee;
  const at = ctx.clock.now();
  post(ctx.db, { kind: 'release', job_id: j.id, agent_id: worker.id, ref: `release:${j.id}`, at, entries: [
    { account: acct.escrow(j.id), amount_cents: -j.amount_cents },
    { account: acct.payable(worker.id), amount_cents: net },
    { account: acct.fees, amount_cents: fee },
  ] });
  payout(ctx, j.id, worker.id, net, 'release');
  ctx.db.prepare('UPDATE jobs SET platform_fee_cents = ?, worker_payout_cents = ?, completed_at = ? WHERE id = ?').run(fee, net, at, j.id);
  ctx.db.prepare('UPDATE agents SET completed_jobs = completed_jobs + 1 WHERE id = ?').run(worker.id);
  emit(ctx, worker.id, 'payment.received', j.id, { job_id: j.id, amount: net / 100, platform_fee: fee / 100 },
    `"${j.title}" completed: ${formatEur(net)} paid out (${formatEur(j.amount_cents)} minus ${feePercent}% platform fee ${formatEur(fee)}).`);
  emit(ctx, j.buyer_id, 'job.completed', j.id, { job_id: j.id, payout_status: 'paid' }, `"${j.title}" completed and ${formatEur(j.amount_cents)} released to the worker.`);
  adjustTrust(ctx, worker.id, TRUST.completed_worker, 'job completed', j.id);
  adjustTrust(ctx, j.buyer_id, TRUST.completed_buyer, 'job completed', j.id);
}

/** Embedded payouts settle at once to the worker's (simulated) bank account. */
function payout(ctx: Ctx, jobId: string, workerId: string, amountCents: number, why: string) {
  if (amountCents <= 0) return;
  if (ctx.payments?.deferPayout({ jobId, workerId, amountCents, ref: `payout:${why}:${jobId}` })) return; // Stripe: a transfer after commit
  post(ctx.db, { kind: 'payout', job_id: jobId, agent_id: workerId, ref: `payout:${why}:${jobId}`, at: ctx.clock.now(), entries: [
    { account: acct.payable(workerId), amount_cents: -amountCents },
    { account: acct.payout(workerId), amount_cents: amountCents },
  ] });
}

function refund(ctx: Ctx, j: JobRow) {
  const held = balance(ctx.db, acct.escrow(j.id));
  if (held === 0) return; // open or unpaid jobs hold nothing
  post(ctx.db, { kind: 'refund', job_id: j.id, agent_id: j.buyer_id, ref: `refund:${j.id}`, at: ctx.clock.now(), entries: [
    { account: acct.escrow(j.id), amount_cents: -held },
    { account: acct.funding(j.buyer_id), amount_cents: held },
  ] });
}

/**
 * A split ruling (src/engine/disputes.ts sets the dispute's worker_share_percent first): the
 * worker's share of the amount, minus the platform fee of its tier, to the worker; the rest back
 * to the buyer. Half-up cents: share = round(amount × percent), fee = round(share × fee %).
 */
function disputeSplit(ctx: Ctx, j: JobRow) {
  const d = ctx.db.prepare('SELECT worker_share_percent p FROM disputes WHERE job_id = ?').get(j.id) as { p: number | null } | undefined;
  if (!d || d.p == null) throw new LedgerError(`job ${j.id}: a split ruling needs the dispute's worker_share_percent`);
  const worker = getAgentRow(ctx, j.worker_id!);
  const feePercent = tierOf(worker.trust_score).fee_percent;
  const share = percentOf(j.amount_cents, d.p);
  const fee = percentOf(share, feePercent);
  const net = share - fee;
  const at = ctx.clock.now();
  post(ctx.db, { kind: 'dispute_split', job_id: j.id, agent_id: worker.id, ref: `dispute_split:${j.id}`, at, entries: [
    { account: acct.escrow(j.id), amount_cents: -j.amount_cents },
    { account: acct.payable(worker.id), amount_cents: net },
    { account: acct.fees, amount_cents: fee },
    { account: acct.funding(j.buyer_id), amount_cents: j.amount_cents - share },
  ] });
  payout(ctx, j.id, worker.id, net, 'dispute_split');
  ctx.db.prepare('UPDATE jobs SET platform_fee_cents = ?, worker_payout_cents = ?, completed_at = ? WHERE id = ?').run(fee, net, at, j.id);
  emit(ctx, worker.id, 'payment.received', j.id, { job_id: j.id, amount: net / 100, platform_fee: fee / 100 },
    `Dispute on "${j.title}" split: ${d.p}% of ${formatEur(j.amount_cents)} = ${formatEur(share)}, minus ${feePercent}% platform fee ${formatEur(fee)}: ${formatEur(net)} paid out to you.`);
}

/** Buyer cancels after acceptance: 5 % to the platform, or 25 % to the worker once work began. */
function cancelSettlement(ctx: Ctx, j: JobRow, from: JobStatus) {
  const rule = CANCEL_FEES[from as keyof typeof CANCEL_FEES];
  const fee = percentOf(j.amount_cents, rule.percent);
  const to = rule.to === 'platform' ? acct.fees : acct.payable(j.worker_id!);
  post(ctx.db, { kind: 'cancel_settlement', job_id: j.id, agent_id: j.buyer_id, ref: `cancel:${j.id}`, at: ctx.clock.now(), entries: [
    { account: acct.escrow(j.id), amount_cents: -j.amount_cents },
    { account: acct.funding(j.buyer_id), amount_cents: j.amount_cents - fee },
    { account: to, amount_cents: fee },
  ] });
  ctx.db.prepare('UPDATE jobs SET cancellation_fee_cents = ?, worker_payout_cents = ? WHERE id = ?').run(fee, rule.to === 'worker' ? fee : null, j.id);
  if (rule.to === 'worker') {
    payout(ctx, j.id, j.worker_id!, fee, 'compensation');
    emit(ctx, j.worker_id!, 'payment.received', j.id, { job_id: j.id, amount: fee / 100, platform_fee: 0 },
      `"${j.title}" was cancelled while in progress: ${formatEur(fee)} (${rule.percent}%) paid to you as compensation.`);
  }
}

// ---------- posting ----------

/**
 * A job's row in the open-jobs full-text index (browse_open_jobs): its title, its task's
 * description and its required capabilities, as stored. Posting an open job adds it; so does a
 * copy of the database (src/engine/copy.ts).
 */
export function indexOpenJob(ctx: Ctx, id: string) {
  const j = ctx.db.prepare('SELECT rowid, title, task_spec, required_capabilities FROM jobs WHERE id = ?').get(id) as
    { rowid: number; title: string; task_spec: string; required_capabilities: string };
  const description = String((JSON.parse(j.task_spec) as { description?: unknown }).description ?? '');
  ctx.db.prepare('INSERT INTO jobs_fts (rowid, title, description, capabilities) VALUES (?, ?, ?, ?)')
    .run(j.rowid, j.title, description, (JSON.parse(j.required_capabilities) as string[]).join(' '));
}
/** …and leaves it: taken, cancelled, or its bid window closed. */
export function unindexOpenJob(ctx: Ctx, id: string) {
  ctx.db.prepare('DELETE FROM jobs_fts WHERE rowid = (SELECT rowid FROM jobs WHERE id = ?)').run(id);
  openJobsChanged(ctx, id);
}

/** An agent can take a job only within its tier's limits (amount, concurrent active jobs). */
export function checkWorkerLimits(ctx: Ctx, workerId: string, amountCents: number, field: string) {
  const w = getAgentRow(ctx, workerId);
  const tier = tierOf(w.trust_score);
  if (amountCents > tier.max_job_amount_cents) {
    throw new VoxError('tier_limit_exceeded', `${field}: ${formatEur(amountCents)} is above the ${tier.tier} tier's job limit of ${formatEur(tier.max_job_amount_cents)} for worker ${workerId}`, 422, { field });
  }
  const active = ctx.db.prepare(`SELECT COUNT(*) n FROM jobs WHERE worker_id = ? AND status IN ('accepted','in_progress','delivered','validating','revision_requested','disputed')`).get(workerId) as { n: number };
  if (active.n >= tier.max_active_jobs) {
    throw new VoxError('tier_limit_exceeded', `worker ${workerId} already has ${active.n} active jobs, the ${tier.tier} tier's limit`, 422, { field });
  }
}

function missingCapabilities(ctx: Ctx, agentId: string, required: string[]): string[] {
  const caps: string[] = JSON.parse(getAgentRow(ctx, agentId).capabilities);
  return required.filter((c) => !caps.includes(c));
}

export function postJob(ctx: Ctx, buyerId: string, input: PostJobInput): JobRow {
  const now = ctx.clock.now();
  const amount = cents(input.amount);
  const isOpen = input.job_type === 'open';
  if (isOpen) {
    if (input.worker_agent_id) throw invalid('worker_agent_id', 'must be omitted for open jobs: workers bid instead');
    if (input.min_acceptable_price !== undefined && cents(input.min_acceptable_price) > amount)
      throw invalid('min_acceptable_price', `must not exceed amount, the max budget (${input.amount})`);
  } else {
    if (!input.worker_agent_id) throw invalid('worker_agent_id', 'is required for direct jobs (use job_type "open" to take bids)');
    if (input.bid_window_hours !== undefined) throw invalid('bid_window_hours', 'applies to open jobs only');
    if (input.min_acceptable_price !== undefined) throw invalid('min_acceptable_price', 'applies to open jobs only');
    if (input.worker_agent_id === buyerId) throw invalid('worker_agent_id', 'must be another agent: you cannot hire yourself');
    const w = ctx.db.prepare("SELECT status FROM agents WHERE id = ? AND status = 'active'").get(input.worker_agent_id);
    if (!w) throw new VoxError('not_found', `worker_agent_id '${input.worker_agent_id}' is not an active agent`, 404, { field: 'worker_agent_id' });
    const missing = missingCapabilities(ctx, input.worker_agent_id, input.required_capabilities ?? []);
    if (missing.length) throw new VoxError('missing_capabilities', `worker_agent_id lacks required_capabilities: ${missing.join(', ')}`, 422, { field: 'required_capabilities' });
    checkWorkerLimits(ctx, input.worker_agent_id, amount, 'amount');
  }
  const id = ctx.payments?.newJobId() ?? timeUuid(now);
  const caps = input.required_capabilities ?? [];
  const windowHours = isOpen ? input.bid_window_hours ?? LIMITS.bid_window_hours_default : null;
  ctx.db.prepare(`INSERT INTO jobs (id, buyer_id, worker_id, job_type, status, title, task_spec, amount_cents, budget_cents, deadline_hours,
      bid_window_hours, bid_window_closes_at, min_acceptable_price_cents, required_capabilities, validation_criteria, auto_accept_rule,
      max_revisions, created_at, updated_at) VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id, buyerId, input.worker_agent_id ?? null, input.job_type, input.title, JSON.stringify(input.task_spec), amount, amount,
    input.deadline_hours, windowHours, windowHours ? now + windowHours * HOUR_MS : null,
    input.min_acceptable_price !== undefined ? cents(input.min_acceptable_price) : null, JSON.stringify(caps),
    input.validation_criteria ? JSON.stringify(input.validation_criteria) : null,
    input.auto_accept_rule ? JSON.stringify(input.auto_accept_rule) : null, input.max_revisions, now, now,
  );
  const ins = ctx.db.prepare('INSERT INTO job_capabilities (job_id, capability) VALUES (?, ?)');
  for (const c of new Set(caps)) ins.run(id, c);
  const fresh = Object.assign(loadJob(ctx, id), { status: null as unknown as JobStatus });

  if (isOpen) {
    const j = move(ctx, fresh, 'post_open', 'buyer', buyerId, null);
    indexOpenJob(ctx, id);
    openJobsChanged(ctx, id);
    schedule(ctx, 'bid_window', id, j.bid_window_closes_at!);
    return j;
  }
  const { idempotency_key: _k, approval_id: approvalId, ...args } = input;
  const outcome = capture(ctx, buyerId, id, amount, `capture:${id}`,
    { action: 'post_job', args, payeeId: input.worker_agent_id!, title: input.title, approvalId, field: 'amount' });
  if (!outcome.ok) {
    const j = move(ctx, fresh, 'post_direct_unpaid', 'buyer', buyerId, `capture failed: ${outcome.code}`, { payment_error: `${outcome.code}: ${outcome.message}` });
    emit(ctx, buyerId, 'payment.failed', id, { job_id: id, payment_intent_id: outcome.payment_intent_id, error: outcome.message },
      `Payment for "${input.title}" failed (${outcome.code}: ${outcome.message}). Save a working card to retry, or cancel the job.`);
    schedule(ctx, 'payment_expiry', id, now + LIMITS.pending_payment_expiry_hours * HOUR_MS);
    return j;
  }
  return fund(ctx, fresh, 'post_direct', buyerId);
}

/** Direct job money is in escrow: start the deadline clock and tell the worker. */
function fund(ctx: Ctx, j: JobRow, action: 'post_direct' | 'payment_succeeded', actorId: string | null): JobRow {
  const now = ctx.clock.now();
  const deadline = now + j.deadline_hours * HOUR_MS;
  const next = move(ctx, j, action, action === 'post_direct' ? 'buyer' : 'system', actorId, null, { funded_at: now, deadline_at: deadline, payment_error: null });
  schedule(ctx, 'deadline', j.id, deadline);
  emit(ctx, next.worker_id!, 'job.created', j.id, {
    job_id: j.id, worker_agent_id: next.worker_id, title: next.title, task_spec: JSON.parse(next.task_spec), amount: next.amount_cents / 100,
    deadline: new Date(deadline).toISOString(), required_capabilities: JSON.parse(next.required_capabilities),
  }, `New direct job "${next.title}" for ${formatEur(next.amount_cents)} is funded and waits for you: accept_job to take it.`);
  return next;
}

/** A working card was saved: charge the buyer's unpaid direct jobs again. */
export function retryPendingPayments(ctx: Ctx, buyerId: string): string[] {
  const jobs = ctx.db.prepare("SELECT id FROM jobs WHERE buyer_id = ? AND status = 'pending_payment' ORDER BY created_at").all(buyerId) as { id: string }[];
  const funded: string[] = [];
  for (const { id } of jobs) {
    const r = retryPendingPayment(ctx, id);
    if (r === 'stop') break;
    if (r === 'funded') funded.push(id);
  }
  return funded;
}

/** Charge one unpaid direct job again (also a payment the bank confirmed later, src/payments). 'stop': no card, leave the rest pending. */
export function retryPendingPayment(ctx: Ctx, id: string): 'funded' | 'failed' | 'skipped' | 'stop' {
  const j = loadJob(ctx, id);
  if (j.status !== 'pending_payment') return 'skipped';
  let outcome;
  try {
    outcome = capture(ctx, j.buyer_id, id, j.amount_cents, `capture:${id}`);
  } catch (e) {
    if (e instanceof VoxError && e.code === 'monthly_limit_exceeded') return 'skipped'; // a smaller job may still fit
    if (e instanceof VoxError) return 'stop';
    throw e;
  }
  if (!outcome.ok) {
    ctx.db.prepare('UPDATE jobs SET payment_error = ? WHERE id = ?').run(`${outcome.code}: ${outcome.message}`, id);
    return 'failed';
  }
  fund(ctx, j, 'payment_succeeded', null);
  return 'funded';
}

// ---------- lifecycle ----------

function requireRole(j: JobRow, agentId: string, role: 'buyer' | 'worker', tool: string) {
  if (roleOf(j, agentId) !== role) throw new VoxError('forbidden', `only the job's ${role} can call ${tool}.${instead(j.status, roleOf(j, agentId))}`, 403);
}

export function acceptJob(ctx: Ctx, agentId: string, jobId: string) {
  const j = visibleJob(ctx, agentId, jobId);
  requireRole(j, agentId, 'worker', 'accept_job');
  if (j.status === 'funded') checkWorkerLimits(ctx, agentId, 0, 'job_id');
  const next = move(ctx, j, 'accept', 'worker', agentId, null);
  emit(ctx, j.buyer_id, 'job.accepted', j.id, { job_id: j.id, worker_agent_id: agentId }, `"${j.title}" was accepted by the worker.`);
  return next;
}

export function startJob(ctx: Ctx, agentId: string, jobId: string) {
  const j = visibleJob(ctx, agentId, jobId);
  requireRole(j, agentId, 'worker', 'start_job');
  return move(ctx, j, 'start', 'worker', agentId, null);
}

/**
 * A deliverable that is a confirmed file (src/engine/files.ts): its bytes stay in the blob
 * store; `text` is its content when it is text small enough to keep inline (judges read it).
 */
export type DeliveredFile = { file_id: string; filename: string; size_bytes: number; sha256: string; text: string | null };

export function deliverJob(ctx: Ctx, agentId: string, jobId: string, input: DeliverInput, file?: DeliveredFile) {
  const j = visibleJob(ctx, agentId, jobId);
  requireRole(j, agentId, 'worker', 'deliver_job');
  if (!file && (input.content === undefined || input.content.length === 0)) {
    const confirmed = confirmedFileDelivery(ctx, j, input.metadata);
    if (confirmed) return confirmed;
    throw invalid('content', 'is required: the deliverable text (or filename + content_base64 to deliver a file, or upload a deliverable file and confirm it: confirming delivers)');
  }
  const now = ctx.clock.now();
  const n = (ctx.db.prepare('SELECT COUNT(*) n FROM deliverables WHERE job_id = ?').get(jobId) as { n: number }).n + 1;
  const next = move(ctx, j, 'deliver', 'worker', agentId, null, { delivered_at: now });
  const id = timeUuid(now);
  const content = file ? file.text : input.content!;
  const size = file ? file.size_bytes : Buffer.byteLength(content!);
  ctx.db.prepare('INSERT INTO deliverables (id, job_id, revision_number, content_type, content, size_bytes, sha256, metadata, created_at, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, jobId, n, input.content_type, content, size, file ? file.sha256 : sha256(content!), input.metadata ? JSON.stringify(input.metadata) : null, now, file?.file_id ?? null);
  schedule(ctx, 'auto_release', jobId, now + LIMITS.auto_release_hours * HOUR_MS);
  emit(ctx, j.buyer_id, 'job.delivered', jobId, { job_id: jobId, deliverable_id: id, file_id: file?.file_id ?? null, filename: file?.filename ?? null, file_size_bytes: size, revision_number: n },
    `"${j.title}" was delivered (revision ${n}). Review it with get_deliverable_preview, then approve_job or request_revision; it auto-approves in ${LIMITS.auto_release_hours} h.`);
  // Dual-model validation (src/engine/validation.ts): may move the job on to 'validating'.
  if (queueValidation(ctx, jobId, id)) return { job: loadJob(ctx, jobId), deliverable: deliverableOf(ctx, jobId, 'full') };
  return { job: next, deliverable: deliverableOf(ctx, jobId, 'full') };
}

/**
 * The reference's deliver call without content, after a deliverable file was confirmed (which
 * already delivered the job): that delivery is the answer; metadata sent now is added to it.
 * null when the job's latest delivery is not a confirmed file awaiting the buyer.
 */
function confirmedFileDelivery(ctx: Ctx, j: JobRow, metadata: Record<string, unknown> | undefined) {
  if (j.status !== 'delivered' && j.status !== 'validating') return null;
  const d = ctx.db.prepare('SELECT id, file_id, metadata FROM deliverables WHERE job_id = ? ORDER BY revision_number DESC LIMIT 1').get(j.id) as { id: string; file_id: string | null; metadata: string | null } | undefined;
  if (!d?.file_id) return null;
  if (metadata && Object.keys(metadata).length) {
    ctx.db.prepare('UPDATE deliverables SET metadata = ? WHERE id = ?').run(JSON.stringify({ ...(d.metadata ? JSON.parse(d.metadata) : {}), ...metadata }), d.id);
  }
  return { job: j, deliverable: deliverableOf(ctx, j.id, 'full') };
}

const PREVIEW_FULL_BYTES = 10 * 1024 * 1024;
const PREVIEW_PARTIAL_BYTES = 512 * 1024;

/** `excerpt`: the buyer has not paid yet (src/engine/preview.ts): the preview is an excerpt. */
export function deliverableOf(ctx: Ctx, jobId: string, mode: 'full' | 'preview', excerpt = false): Deliverable {
  const d = ctx.db.prepare('SELECT * FROM deliverables WHERE job_id = ? ORDER BY revision_number DESC LIMIT 1').get(jobId) as any;
  if (!d) throw new VoxError('not_found', 'this job has no deliverable yet', 404);
  const text: string = d.content ?? '';
  const partial = mode === 'preview' && (excerpt || d.size_bytes > PREVIEW_FULL_BYTES);
  const preview = !partial ? text : excerpt ? unpaidExcerpt(text) : Buffer.from(text).subarray(0, PREVIEW_PARTIAL_BYTES).toString('utf8');
  return {
    id: d.id, job_id: d.job_id, revision_number: d.revision_number, content_type: d.content_type,
    content: mode === 'full' ? text : null, preview: mode === 'preview' ? preview : null, is_partial: partial,
    size_bytes: d.size_bytes, sha256: d.sha256, metadata: d.metadata ? JSON.parse(d.metadata) : null,
    created_at: new Date(d.created_at).toISOString(),
    file_id: d.file_id ?? null,
    filename: d.file_id ? ((ctx.db.prepare('SELECT original_filename n FROM files WHERE id = ?').get(d.file_id) as { n: string } | undefined)?.n ?? null) : null,
    validation: validationSummary(ctx, jobId, d.id),
  };
}

/** Buyer previews from delivery on; the worker always sees its own work. */
export function deliverablePreview(ctx: Ctx, agentId: string, jobId: string) {
  const j = visibleJob(ctx, agentId, jobId);
  const role = roleOf(j, agentId);
  if (!role) throw notFound('job', jobId);
  return deliverableOf(ctx, jobId, 'preview', unpaid(role, j.status));
}

/** The full deliverable: the worker any time, the buyer only once the job is completed (paid). */
export function deliverableFull(ctx: Ctx, agentId: string, jobId: string) {
  const j = visibleJob(ctx, agentId, jobId);
  const role = roleOf(j, agentId);
  if (!role) throw notFound('job', jobId);
  if (role === 'buyer' && j.status !== 'completed') {
    throw new VoxError('invalid_status', `job is '${j.status}'; the full deliverable is available once the job is completed — use get_deliverable_preview, then approve_job`, 409);
  }
  return deliverableOf(ctx, jobId, 'full');
}

/** Approving a delivery the validation did not pass (failed, unavailable, not run) spends the escrow on the buyer's word alone: the policy gate decides. */
export function approveJob(ctx: Ctx, agentId: string, jobId: string, approvalId?: string) {
  const j = visibleJob(ctx, agentId, jobId);
  requireRole(j, agentId, 'buyer', 'approve_job');
  const v = validationSummary(ctx, jobId);
  const next = move(ctx, j, 'approve', 'buyer', agentId, null);
  if (v?.status !== 'passed') {
    // After the move (every refusal of the call has run); the transaction rolls back when a human must decide.
    gateSpend(ctx, agentId, {
      action: 'approve_job', args: { job_id: jobId }, amountCents: j.amount_cents, capture: false, payeeId: j.worker_id, title: j.title, approvalId, field: 'job_id',
      note: v ? `the validation of this delivery did not pass (${v.status})` : 'no validation ran on this delivery',
    });
  }
  return next;
}

export function requestRevision(ctx: Ctx, agentId: string, jobId: string, feedback: string) {
  const j = visibleJob(ctx, agentId, jobId);
  requireRole(j, agentId, 'buyer', 'request_revision');
  if (j.revision_count >= j.max_revisions && ['delivered', 'validating'].includes(j.status)) {
    throw new VoxError('max_revisions_reached', `this job allows ${j.max_revisions} revision(s) and all were used; approve_job or open a dispute`, 409);
  }
  const now = ctx.clock.now();
  const minDeadline = now + LIMITS.revision_min_hours_left * HOUR_MS;
  const deadline = Math.max(j.deadline_at ?? 0, minDeadline);
  const next = move(ctx, j, 'request_revision', 'buyer', agentId, feedback, { revision_count: j.revision_count + 1, deadline_at: deadline });
  if (deadline !== j.deadline_at) schedule(ctx, 'deadline', jobId, deadline);
  emit(ctx, j.worker_id!, 'job.revision_requested', jobId, { job_id: jobId, feedback }, `Revision requested on "${j.title}": ${feedback}`);
  return next;
}

/** Buyer cancels (fees by status) or the worker withdraws (full refund, trust penalty). */
export function cancelJob(ctx: Ctx, agentId: string, jobId: string, reason: string | undefined) {
  const j = visibleJob(ctx, agentId, jobId);
  const role = roleOf(j, agentId);
  if (!role) throw notFound('job', jobId);
  const next = move(ctx, j, role === 'buyer' ? 'cancel' : 'withdraw', role, agentId, reason ?? null);
  rejectOpenBids(ctx, jobId, 'the buyer cancelled the job');
  const fee = next.cancellation_fee_cents ?? 0;
  const other = role === 'buyer' ? j.worker_id : j.buyer_id;
  if (other) {
    emit(ctx, other, 'job.cancelled', jobId, { job_id: jobId, reason: reason ?? null, refunded_to: 'buyer', cancellation_fee: fee / 100 },
      `"${j.title}" was cancelled by the ${role}${reason ? `: ${reason}` : ''}.`);
  }
  // Declining a funded job never accepted is not a fault; giving up accepted work is.
  if (role === 'worker' && j.status !== 'funded') adjustTrust(ctx, agentId, TRUST.worker_fault_cancel, 'job cancelled by worker', jobId);
  return next;
}

/** Reject every live bid of a job and tell each losing bidder why (`why`: "another bid was accepted", …). */
export function rejectOpenBids(ctx: Ctx, jobId: string, why: string) {
  const losers = ctx.db.prepare("SELECT id, worker_id FROM bids WHERE job_id = ? AND status IN ('active','countered')").all(jobId) as { id: string; worker_id: string }[];
  if (!losers.length) return;
  ctx.db.prepare("UPDATE bids SET status = 'rejected', updated_at = ? WHERE job_id = ? AND status IN ('active','countered')").run(ctx.clock.now(), jobId);
  refreshBidCount(ctx, jobId);
  const title = loadJob(ctx, jobId).title;
  for (const l of losers) {
    emit(ctx, l.worker_id, 'bid.rejected', jobId, { job_id: jobId, bid_id: l.id, reason: why },
      `Your bid on "${title}" was not selected: ${why}. Nothing more to do for this job; get_open_jobs for others.`);
  }
}

/** bid_count is the number of live bids; recompute it wherever a bid's status changes. */
export function refreshBidCount(ctx: Ctx, jobId: string) {
  ctx.db.prepare("UPDATE jobs SET bid_count = (SELECT COUNT(*) FROM bids WHERE job_id = ? AND status IN ('active','countered')) WHERE id = ?").run(jobId, jobId);
  openJobsChanged(ctx, jobId); // the board shows each job's bid count
}

// ---------- listing ----------

export function listJobs(ctx: Ctx, agentId: string, input: ListJobsInput) {
  const statuses = input.status ? input.status.split(',').map((s) => s.trim()).filter(Boolean) : [];
  for (const s of statuses) if (!(JOB_STATUSES as readonly string[]).includes(s)) throw invalid('status', `contains '${s}', which is not a job status (${JOB_STATUSES.join(', ')})`);
  // Two index-backed branches instead of an OR, so large databases stay fast. The status filter
  // sits in each branch and the page is cut from the narrow (id, created_at) union before any
  // wide row is read: only `limit` jobs are joined and built, and the count reads no job rows.
  const statusSql = statuses.length ? ` AND status IN (${statuses.map((_, i) => `@s${i}`).join(',')})` : '';
  const branches = [];
  if (input.role !== 'worker') branches.push(`SELECT id, created_at FROM jobs WHERE buyer_id = @me${statusSql}`);
  if (input.role !== 'buyer') branches.push(`SELECT id, created_at FROM jobs WHERE worker_id = @me${statusSql}`);
  const params: Record<string, unknown> = { me: agentId, limit: input.limit, offset: input.offset };
  statuses.forEach((s, i) => (params[`s${i}`] = s));
  const union = branches.join(' UNION ');
  const rows = allRows<JobRow>(ctx.db.prepare(`SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents
      FROM (SELECT id, created_at FROM (${union}) u ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset) page
      JOIN jobs j ON j.id = page.id LEFT JOIN balances b ON b.account = 'escrow:' || j.id ORDER BY j.created_at DESC, j.id`), params);
  const total = (ctx.db.prepare(`SELECT COUNT(*) n FROM (${union}) u`).get(params) as { n: number }).n;
  return { items: rows.map((r) => jobView(r, agentId)), count: rows.length, total };
}

/**
 * Open jobs found by full text are ranked within windows of `LIMITS.search_window` matches: the newest W
 * matches (after the filters) in rank order, then the next W newest, and so on. FTS5 has no
 * top-k: ranking every match cost time in proportion to the matches, which grow with the
 * database; FTS5 hands out matches in rowid order and stops at the LIMIT, so a page reads at
 * most offset + limit rounded up to whole windows. With fewer matches than a window this is
 * exactly the ranking of all matches.
 *
 * `candidates` selects `rid` (the FTS rowid, which is the table's rowid: insertion order) and
 * the keys of `order` from `… f`, f being the FTS table; ties end newest first, so pages never
 * overlap. The statement ranks one window; a page that spans two windows takes one statement
 * per window (a window function numbering the candidates cost more than the ranking at 1k jobs).
 */
function windowSql(candidates: string, order: string, counted = false) {
  return `SELECT *${counted ? ', COUNT(*) OVER () AS in_window' : ''} FROM (${candidates} ORDER BY f.rowid DESC LIMIT @window OFFSET @skip) w ORDER BY ${order}, rid DESC LIMIT @take OFFSET @from`;
}

/**
 * The page at offset/limit of windowSql statements: its rows, window after window. With two
 * statements, the first is a shortcut (counted: it reports how many candidates its window has):
 * its answer is taken when its window is full, the second's otherwise.
 */
function windowedPage<T>(ctx: Ctx, sqls: string[], params: Record<string, unknown>, offset: number, limit: number): T[] {
  const W = LIMITS.search_window;
  const sts = sqls.map((sql) => ctx.db.prepare(sql));
  const rows: T[] = [];
  for (let at = offset; rows.length < limit; ) {
    const skip = at - (at % W);
    const take = Math.min(limit - rows.length, skip + W - at);
    Object.assign(params, { window: W, skip, from: at - skip, take, scan: (skip + W) * WALK_SCAN });
    let got: T[] = [];
    for (const st of sts) {
      got = st.all(params) as T[];
      if ((got[0] as { in_window?: number } | undefined)?.in_window === W) break;
    }
    rows.push(...got);
    if (got.length < take) break; // the matches ran out in this window
    at += take;
  }
  return rows;
}

/**
 * PostgreSQL's shortcut for windows of full-text matches. A GIN index hands out its matches in no
 * order, so the plain statement finds, filters and ranks every match before it can cut the
 * newest window (21 ms for a common word at 1M jobs). The shortcut walks the newest
 * (skip + W) × WALK_SCAN open jobs backwards by rowid and keeps the matches: the filtered matches
 * among the newest rows are the first of all filtered matches, newest first, so a full window
 * found this way is exactly the plain statement's. When the walk finds less than a full window
 * (rare words, selective filters, the last window), the plain statement answers. Its filters sit
 * in a per-row subquery, not in the join, so that the planner, which misjudges how many open jobs
 * pass them, cannot start from every open job instead (performance.md#postgresql).
 */
const WALK_SCAN = 8;

/**
 * Open jobs: with `q`, bm25 relevance then the buyer's tier, ranked within windows of the newest
 * matches (see windowSql); without `q`, newest first.
 */
export function browseOpenJobs(ctx: Ctx, viewer: string | null, input: BrowseOpenJobsInput) {
  const where = ["j.status = 'open'", 'j.bidding_closed = 0', 'j.bid_window_closes_at > @now'];
  const params: Record<string, unknown> = { now: ctx.clock.now() };
  // Checked per candidate row through the primary key (capability, job_id): an `IN (SELECT …)`
  // would first collect every job ever posted with those capabilities.
  if (input.capabilities?.length) {
    where.push(`EXISTS (SELECT 1 FROM job_capabilities c WHERE c.job_id = j.id AND c.capability IN (${input.capabilities.map((_, i) => `@c${i}`).join(',')}))`);
    input.capabilities.forEach((c, i) => (params[`c${i}`] = c));
  }
  if (input.min_budget !== undefined) (where.push('j.budget_cents >= @min'), (params.min = cents(input.min_budget)));
  if (input.max_budget !== undefined) (where.push('j.budget_cents <= @max'), (params.max = cents(input.max_budget)));
  const match = ftsQuery(ctx.db, input.q);
  let rows: (JobRow & { relevance: number | null })[];
  if (match) {
    params.match = match;
    const f = fts(ctx.db, 'jobs_fts');
    const order = 'relevance, trust DESC, created DESC';
    const candidates = (from: string, filters: string) => `SELECT f.rowid AS rid, ${f.rank} AS relevance, buyer.trust_score AS trust, j.created_at AS created
        FROM ${from} f JOIN jobs j ON j.rowid = f.rowid JOIN agents buyer ON buyer.id = j.buyer_id WHERE ${f.match} AND ${filters}`;
    // The page's wide rows are read last, by rowid, in the page's order.
    const wide = (page: string, counted = false) => `SELECT j.*, 0 AS escrow_cents, page.relevance${counted ? ', page.in_window' : ''} FROM (${page}) page JOIN jobs j ON j.rowid = page.rid
      ORDER BY page.relevance, page.trust DESC, page.created DESC, page.rid DESC`;
    const sqls = [wide(windowSql(candidates('jobs_fts', where.join(' AND ')), order))];
    if (ctx.db.dialect === 'postgres') {
      const walk = candidates('(SELECT rowid, doc FROM jobs_fts ORDER BY rowid DESC LIMIT @scan)', `(SELECT 1 FROM jobs j WHERE j.rowid = f.rowid AND ${where.join(' AND ')}) IS NOT NULL`);
      sqls.unshift(wide(windowSql(walk, order, true), true));
    }
    rows = windowedPage(ctx, sqls, params, input.offset, input.limit);
  } else {
    Object.assign(params, { limit: input.limit, offset: input.offset });
    rows = ctx.db.prepare(`SELECT j.*, 0 AS escrow_cents, NULL AS relevance FROM jobs j WHERE ${where.join(' AND ')}
      ORDER BY j.created_at DESC, j.id LIMIT @limit OFFSET @offset`).all(params) as typeof rows;
  }
  const items = rows.map((r) => Object.assign(jobView(r, viewer ?? ''), r.relevance != null ? { relevance: Math.round(-r.relevance * 1000) / 1000 } : {}));
  return { items, count: items.length };
}

export function jobTransitions(ctx: Ctx, agentId: string, jobId: string) {
  const j = visibleJob(ctx, agentId, jobId);
  if (!roleOf(j, agentId)) throw notFound('job', jobId); // the history is for the parties only
  return ctx.db.prepare('SELECT from_status, to_status, action, actor, actor_agent_id, reason, created_at FROM transitions WHERE job_id = ? ORDER BY id').all(jobId) as any[];
}

export const isTerminal = (s: JobStatus) => TERMINAL_STATUSES.includes(s);

// ---------- admin ----------

/** Admin freeze: every action is blocked, money stays where it is, timers pause. */
export function freezeJob(ctx: Ctx, jobId: string, reason: string) {
  const j = loadJob(ctx, jobId);
  if (isTerminal(j.status) || j.status === 'frozen') throw new VoxError('invalid_status', `job is '${j.status}'; only an active job can be frozen`, 409);
  recordAdminMove(ctx, j, 'freeze', 'frozen', reason, { frozen_from: j.status });
  for (const a of [j.buyer_id, j.worker_id].filter(Boolean) as string[])
    emit(ctx, a, 'job.frozen', jobId, { job_id: jobId, reason }, `"${j.title}" was frozen by an admin: ${reason}. All actions are blocked until it is unfrozen.`);
  return loadJob(ctx, jobId);
}

/** Unfreeze: back to the status it had; the deadline and auto-release clocks restart fairly. */
export function unfreezeJob(ctx: Ctx, jobId: string, reason: string) {
  const j = loadJob(ctx, jobId);
  if (j.status !== 'frozen') throw new VoxError('invalid_status', `job is '${j.status}'; unfreeze needs 'frozen'`, 409);
  const now = ctx.clock.now();
  const back = j.frozen_from!;
  const patch: Record<string, unknown> = { frozen_from: null };
  if (j.deadline_at != null && j.deadline_at < now + LIMITS.revision_min_hours_left * HOUR_MS) patch.deadline_at = now + LIMITS.revision_min_hours_left * HOUR_MS;
  if (back === 'delivered' || back === 'validating') patch.delivered_at = now; // the buyer gets a full review window again
  recordAdminMove(ctx, j, 'unfreeze', back, reason, patch);
  const next = loadJob(ctx, jobId);
  if (next.deadline_at != null) schedule(ctx, 'deadline', jobId, next.deadline_at);
  if (patch.delivered_at) schedule(ctx, 'auto_release', jobId, now + LIMITS.auto_release_hours * HOUR_MS);
  if (back === 'open' && next.bid_window_closes_at != null) schedule(ctx, 'bid_window', jobId, Math.max(now, next.bid_window_closes_at));
  // Its expiry may have fired (skipped) while frozen: give the unpaid job a fresh payment window.
  if (back === 'pending_payment') schedule(ctx, 'payment_expiry', jobId, now + LIMITS.pending_payment_expiry_hours * HOUR_MS);
  return next;
}

/** Write the new status (plus patch) and the transition record. */
function writeMove(ctx: Ctx, j: JobRow, action: string, actor: Actor, actorAgentId: string | null, to: JobStatus, reason: string | null, patch: Record<string, unknown>) {
  const now = ctx.clock.now();
  const sets = Object.assign({}, patch, { status: to, updated_at: now }); // not a spread: see privateAgent in accounts.ts
  const cols = Object.keys(sets);
  ctx.db.prepare(`UPDATE jobs SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => (sets as any)[c]), j.id);
  ctx.db.prepare('INSERT INTO transitions (job_id, from_status, to_status, action, actor, actor_agent_id, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(j.id, j.status, to, action, actor, actorAgentId, reason, now);
}

function recordAdminMove(ctx: Ctx, j: JobRow, action: string, to: JobStatus, reason: string, patch: Record<string, unknown>) {
  writeMove(ctx, j, action, 'admin', null, to, reason, patch);
  for (const a of partiesOf(ctx, j)) changed(ctx, a, j.id, 'job');
  assertEscrow(ctx, j.id);
}
