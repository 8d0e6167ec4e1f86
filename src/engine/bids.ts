/** Bidding on open jobs: submit, list, counter, accept (capture at the bid price). */
import { VoxError, notFound } from '../errors.js';
import { HOUR_MS } from '../clock.js';
import { LIMITS } from '../limits.js';
import { cents, formatEur } from '../money.js';
import type { SubmitBidInput } from '../schemas.js';
import { type Ctx, changed, emit } from './context.js';
import { timeUuid } from './ids.js';
import { capture } from './cards.js';
import { checkWorkerLimits, loadJob, move, refreshBidCount, rejectOpenBids, visibleJob } from './jobs.js';
import { getAgentRow } from './accounts.js';
import { schedule } from './timers.js';
import { type BidRow, bidView } from './views.js';

function loadBid(ctx: Ctx, id: string): BidRow {
  const b = ctx.db.prepare('SELECT * FROM bids WHERE id = ?').get(id) as BidRow | undefined;
  if (!b) throw notFound('bid', id);
  return b;
}

export function submitBid(ctx: Ctx, agentId: string, jobId: string, input: SubmitBidInput) {
  const j = visibleJob(ctx, agentId, jobId);
  const now = ctx.clock.now();
  if (j.job_type !== 'open') throw notFound('open job', jobId);
  if (j.buyer_id === agentId) throw new VoxError('forbidden', 'you cannot bid on your own job', 403);
  if (j.status !== 'open') throw new VoxError('invalid_status', `job is '${j.status}'; submit_bid needs 'open'`, 409, { status: j.status });
  if (j.bidding_closed || (j.bid_window_closes_at ?? 0) <= now) throw new VoxError('bidding_closed', 'the bid window of this job has closed', 409);
  const price = cents(input.proposed_price);
  if (price > j.budget_cents) throw new VoxError('validation_error', `proposed_price must be at most the job's budget of ${formatEur(j.budget_cents)} (got ${input.proposed_price})`, 400, { field: 'proposed_price' });
  if (j.min_acceptable_price_cents != null && price < j.min_acceptable_price_cents) {
    throw new VoxError('below_min_acceptable_price', `proposed_price must be at least the job's min_acceptable_price of ${formatEur(j.min_acceptable_price_cents)} (got ${input.proposed_price})`, 400, { field: 'proposed_price' });
  }
  const caps: string[] = JSON.parse(getAgentRow(ctx, agentId).capabilities);
  const missing = (JSON.parse(j.required_capabilities) as string[]).filter((c) => !caps.includes(c));
  if (missing.length) throw new VoxError('missing_capabilities', `this job requires capabilities you lack: ${missing.join(', ')} (update_my_agent to add them if you have them)`, 422, { field: 'capabilities' });
  checkWorkerLimits(ctx, agentId, price, 'proposed_price');

  const previous = ctx.db.prepare('SELECT * FROM bids WHERE job_id = ? AND worker_id = ? ORDER BY created_at DESC LIMIT 1').get(jobId, agentId) as BidRow | undefined;
  // One bid per agent per job per 5 minutes — except taking the buyer's counter-offer as it stands.
  const takesCounter = previous?.status === 'countered' && previous.counter_price_cents === price;
  if (previous && !takesCounter && now - previous.created_at < LIMITS.bid_interval_ms) {
    const retry = Math.ceil((previous.created_at + LIMITS.bid_interval_ms - now) / 1000);
    throw new VoxError('rate_limited', `one bid per agent per job per 5 minutes: retry after ${retry} s`, 429, { retry_after_s: retry, retry_after: retry });
  }
  const active = ctx.db.prepare("SELECT COUNT(*) n FROM bids WHERE job_id = ? AND status IN ('active','countered') AND worker_id <> ?").get(jobId, agentId) as { n: number };
  if (active.n >= LIMITS.active_bids_per_job_max) throw new VoxError('too_many_bids', `this job already has ${LIMITS.active_bids_per_job_max} active bids`, 409);

  // A new bid replaces the agent's earlier one on the job.
  ctx.db.prepare("UPDATE bids SET status = 'withdrawn', updated_at = ? WHERE job_id = ? AND worker_id = ? AND status IN ('active','countered')").run(now, jobId, agentId);
  const id = timeUuid(now);
  ctx.db.prepare(`INSERT INTO bids (id, job_id, worker_id, proposed_price_cents, estimated_hours, message, status, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?)`).run(id, jobId, agentId, price, input.estimated_hours ?? null, input.message ?? null, now, now);
  refreshBidCount(ctx, jobId);
  emit(ctx, j.buyer_id, 'bid.received', jobId, { job_id: jobId, bid_id: id, worker_agent_id: agentId, proposed_price: price / 100 },
    `New bid of ${formatEur(price)} on "${j.title}" from ${agentId}. Review with list_bids, then accept_bid or counter_bid.`);
  changed(ctx, agentId, jobId, 'bid');
  return bidView(loadBid(ctx, id));
}

/** The buyer sees every bid; a worker only its own; anyone else learns nothing. */
export function listBids(ctx: Ctx, agentId: string, jobId: string) {
  const j = visibleJob(ctx, agentId, jobId);
  const rows = (j.buyer_id === agentId
    ? ctx.db.prepare('SELECT * FROM bids WHERE job_id = ? ORDER BY created_at').all(jobId)
    : ctx.db.prepare('SELECT * FROM bids WHERE job_id = ? AND worker_id = ? ORDER BY created_at').all(jobId, agentId)) as BidRow[];
  return { items: rows.map(bidView), count: rows.length };
}

/** A bid the caller may act on as the job's buyer (not_found for anyone else). */
function buyersBid(ctx: Ctx, agentId: string, bidId: string) {
  const b = loadBid(ctx, bidId);
  const j = loadJob(ctx, b.job_id);
  if (j.buyer_id !== agentId) {
    if (b.worker_id === agentId) throw new VoxError('forbidden', "only the job's buyer can accept or counter a bid; as the bidder, submit_bid again to change your price (list_notifications tells you when the buyer answers)", 403);
    throw notFound('bid', bidId);
  }
  return { b, j };
}

export function counterBid(ctx: Ctx, agentId: string, bidId: string, input: { counter_price: number; message?: string }) {
  const { b, j } = buyersBid(ctx, agentId, bidId);
  if (j.status !== 'open') throw new VoxError('invalid_status', `job is '${j.status}'; counter_bid needs 'open'`, 409);
  if (b.status !== 'active' && b.status !== 'countered') throw new VoxError('invalid_status', `bid is '${b.status}'; counter_bid needs an active bid`, 409);
  const price = cents(input.counter_price);
  // A counter must be a price the worker can take with submit_bid.
  const floor = Math.max(LIMITS.bid_min_cents, j.min_acceptable_price_cents ?? 0);
  if (price < floor || price > j.budget_cents) {
    throw new VoxError('validation_error', `counter_price must be between ${formatEur(floor)} and the job's budget of ${formatEur(j.budget_cents)} (got ${input.counter_price})`, 400, { field: 'counter_price' });
  }
  const now = ctx.clock.now();
  ctx.db.prepare("UPDATE bids SET status = 'countered', counter_price_cents = ?, counter_message = ?, updated_at = ? WHERE id = ?").run(price, input.message ?? null, now, bidId);
  emit(ctx, b.worker_id, 'bid.countered', j.id, { job_id: j.id, bid_id: bidId, counter_price: price / 100, message: input.message ?? null },
    `The buyer of "${j.title}" countered your bid with ${formatEur(price)}. To take it, submit_bid with proposed_price ${price / 100}.`);
  return bidView(loadBid(ctx, bidId));
}

/**
 * Accept: capture at the bid price, assign the worker, reject every other bid. The write
 * transaction serialises concurrent accepts: the second sees the job no longer open.
 */
export function acceptBid(ctx: Ctx, agentId: string, bidId: string, approvalId?: string) {
  const { b, j } = buyersBid(ctx, agentId, bidId);
  if (j.status !== 'open') throw new VoxError('invalid_status', `job is '${j.status}'; accept_bid needs 'open' (a bid was already accepted or the job closed: get_job_status says where it stands)`, 409, { status: j.status });
  if (b.status !== 'active' && b.status !== 'countered') throw new VoxError('invalid_status', `bid is '${b.status}'; accept_bid needs an active bid`, 409);
  if (getAgentRow(ctx, b.worker_id).status !== 'active') throw new VoxError('invalid_status', 'the bidder is no longer active', 409);
  checkWorkerLimits(ctx, b.worker_id, b.proposed_price_cents, 'bid_id');
  const outcome = capture(ctx, agentId, j.id, b.proposed_price_cents, `capture:${j.id}`,
    { action: 'accept_bid', args: { bid_id: bidId }, payeeId: b.worker_id, title: j.title, approvalId, field: 'bid_id' });
  if (!outcome.ok) {
    // Refused as a whole (the transaction rolls back): the error is the buyer's answer.
    throw new VoxError(outcome.code, `payment failed: ${outcome.message} The bid was not accepted; save another card and retry.`, 402);
  }
  const now = ctx.clock.now();
  const deadline = now + j.deadline_hours * HOUR_MS;
  ctx.db.prepare("UPDATE bids SET status = 'accepted', updated_at = ? WHERE id = ?").run(now, bidId);
  rejectOpenBids(ctx, j.id, 'another bid was accepted');
  const next = move(ctx, { ...j, amount_cents: b.proposed_price_cents }, 'accept_bid', 'buyer', agentId, null, {
    worker_id: b.worker_id, amount_cents: b.proposed_price_cents, funded_at: now, deadline_at: deadline,
  });
  schedule(ctx, 'deadline', j.id, deadline);
  emit(ctx, b.worker_id, 'bid.accepted', j.id, { job_id: j.id, bid_id: bidId, agreed_price: b.proposed_price_cents / 100, deadline: new Date(deadline).toISOString() },
    `Your bid of ${formatEur(b.proposed_price_cents)} on "${j.title}" was accepted and is in escrow. deliver_job before ${new Date(deadline).toISOString()}.`);
  return { job: next, bid: bidView(loadBid(ctx, bidId)) };
}
