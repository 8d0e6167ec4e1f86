/** Notifications, reviews, payouts history and the one-call dashboard. */
import { VoxError, notFound } from '../errors.js';
import { iso } from '../clock.js';
import { TRUST } from '../limits.js';
import { centsToEur as eur } from '../money.js';
import type { Dashboard, NotificationsInput, PayoutRequestResult, Payouts } from '../schemas.js';
import { acct, balance, post } from './ledger.js';
import { type Ctx, adjustTrust, changed, emit, sameOwnerJob } from './context.js';
import { getAgentRow, privateAgent, trustHistory } from './accounts.js';
import { defaultCard, listCards, monthStart, spentThisMonthCents } from './cards.js';
import { roleOf, visibleJob } from './jobs.js';
import { notificationView, reviewView } from './views.js';

export function listNotifications(ctx: Ctx, agentId: string, input: NotificationsInput) {
  const rows = ctx.db.prepare(`SELECT * FROM notifications WHERE agent_id = ? ${input.unread_only ? 'AND read = 0' : ''} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`)
    .all(agentId, input.limit, input.offset) as any[];
  return { items: rows.map(notificationView), count: rows.length, unread_count: unreadCount(ctx, agentId) };
}

const unreadCount = (ctx: Ctx, agentId: string) =>
  (ctx.db.prepare('SELECT COUNT(*) n FROM notifications WHERE agent_id = ? AND read = 0').get(agentId) as { n: number }).n;

export function markRead(ctx: Ctx, agentId: string, id: string) {
  const row = ctx.db.prepare('SELECT * FROM notifications WHERE id = ? AND agent_id = ?').get(id, agentId) as any;
  if (!row) throw notFound('notification', id);
  if (!row.read) {
    ctx.db.prepare('UPDATE notifications SET read = 1 WHERE id = ?').run(id);
    changed(ctx, agentId, null, 'notification');
  }
  return notificationView({ ...row, read: 1 });
}

export function markAllRead(ctx: Ctx, agentId: string) {
  const marked = ctx.db.prepare('UPDATE notifications SET read = 1 WHERE agent_id = ? AND read = 0').run(agentId).changes;
  if (marked) changed(ctx, agentId, null, 'notification');
  return { marked };
}

/**
 * One rating per party per completed job; it counts in the other party's average rating and
 * moves its trust score — unless both are agents of one owner: such a review is kept and shown,
 * but counts in neither (an owner cannot rate itself up, see adjustTrust).
 */
export function leaveReview(ctx: Ctx, agentId: string, jobId: string, input: { rating: number; comment?: string }) {
  const j = visibleJob(ctx, agentId, jobId);
  const role = roleOf(j, agentId);
  if (!role) throw notFound('job', jobId);
  if (j.status !== 'completed') throw new VoxError('invalid_status', `job is '${j.status}'; leave_review needs 'completed'`, 409);
  if (ctx.db.prepare('SELECT 1 FROM reviews WHERE job_id = ? AND reviewer_id = ?').get(jobId, agentId))
    throw new VoxError('already_reviewed', 'you already reviewed this job; a review is left once per party', 409);
  const reviewee = role === 'buyer' ? j.worker_id! : j.buyer_id;
  const now = ctx.clock.now();
  ctx.db.prepare('INSERT INTO reviews (job_id, reviewer_id, reviewee_id, rating, comment, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(jobId, agentId, reviewee, input.rating, input.comment ?? null, now);
  const counts = !sameOwnerJob(ctx, jobId);
  if (counts) ctx.db.prepare('UPDATE agents SET rating_sum = rating_sum + ?, rating_count = rating_count + 1 WHERE id = ?').run(input.rating, reviewee);
  emit(ctx, reviewee, 'review.received', jobId, { job_id: jobId, rating: input.rating }, `You received a ${input.rating}/5 review on "${j.title}".`);
  if (counts) adjustTrust(ctx, reviewee, TRUST.rating_delta[input.rating], `${input.rating}/5 rating received`, jobId);
  return reviewView({ job_id: jobId, reviewer_id: agentId, rating: input.rating, comment: input.comment ?? null, created_at: now });
}

/** Earnings as a worker: releases (gross, fee, net) and cancellation compensation. */
export function payouts(ctx: Ctx, agentId: string): Payouts {
  const rows = ctx.db.prepare(`SELECT id, status, amount_cents, platform_fee_cents, worker_payout_cents, completed_at, updated_at FROM jobs
      WHERE worker_id = ? AND worker_payout_cents IS NOT NULL ORDER BY COALESCE(completed_at, updated_at) DESC`).all(agentId) as any[];
  // Gross is what was released to the worker's side (the whole amount, or the worker's share of a split).
  // Paid when the ledger booked the job's payout to the bank (embedded: at once; Stripe: once transferred).
  const paid = new Set((ctx.db.prepare("SELECT DISTINCT job_id FROM ledger_txns WHERE kind = 'payout' AND agent_id = ?").all(agentId) as { job_id: string }[]).map((r) => r.job_id));
  const items = rows.map((r) => {
    const money = { amount_cents: r.worker_payout_cents as number, status: paid.has(r.id) ? 'paid' as const : 'pending_retry' as const };
    return r.status === 'completed'
      ? { job_id: r.id, gross_eur: eur(r.platform_fee_cents + r.worker_payout_cents), platform_fee_eur: eur(r.platform_fee_cents), net_eur: eur(r.worker_payout_cents), kind: 'release' as const, completed_at: iso(r.completed_at), ...money }
      : { job_id: r.id, gross_eur: eur(r.worker_payout_cents), platform_fee_eur: 0, net_eur: eur(r.worker_payout_cents), kind: 'cancellation_compensation' as const, completed_at: iso(r.updated_at), ...money };
  });
  const total = rows.reduce((s, r) => s + r.worker_payout_cents, 0);
  return { total_earned: eur(total), total_jobs: items.filter((p) => p.kind === 'release').length, payouts: items };
}

/**
 * A payout request (VoxPact SDK request_payout) is checked against payable:<agent>, the earnings
 * the ledger holds for the worker and has not paid out. Each release is paid out when the job
 * completes (embedded: at once, so nothing waits; Stripe: a transfer once the Connect account is
 * ready), so a request can only ask for what still waits; asking for more is refused, naming it.
 */
export function checkPayoutRequest(ctx: Ctx, agentId: string, amountCents: number): number {
  const available = balance(ctx.db, acct.payable(agentId));
  if (amountCents > available) {
    throw new VoxError('insufficient_balance',
      `amount_cents ${amountCents} is more than your earnings waiting for payout (${available} cents): each release is paid out when its job completes` +
      ` (embedded: at once; with Stripe: to your Connect account once POST /v1/connect/onboard is complete). GET /v1/payouts lists your payouts and their status.`,
      409, { field: 'amount_cents', available_cents: available, requested_cents: amountCents });
  }
  return available;
}

/** Embedded: what waits is paid out at once to the simulated bank, like every release. */
export function requestPayout(ctx: Ctx, agentId: string, amountCents: number): PayoutRequestResult {
  const available = checkPayoutRequest(ctx, agentId, amountCents);
  post(ctx.db, { kind: 'payout', agent_id: agentId, ref: `payout:request:${crypto.randomUUID()}`, at: ctx.clock.now(), entries: [
    { account: acct.payable(agentId), amount_cents: -amountCents },
    { account: acct.payout(agentId), amount_cents: amountCents },
  ] });
  changed(ctx, agentId, null, 'agent');
  return { amount_cents: amountCents, status: 'paid', available_cents: available - amountCents, message: `${eur(amountCents).toFixed(2)} EUR paid out to your bank account.` };
}

export function dashboard(ctx: Ctx, agentId: string): Dashboard {
  const me = getAgentRow(ctx, agentId);
  const agent = privateAgent(ctx, agentId);
  const agents = ctx.db.prepare("SELECT id, name, status FROM agents WHERE owner_id = ? AND status <> 'deleted' ORDER BY created_at").all(me.owner_id) as any[];
  const recent = ctx.db.prepare(`SELECT id, title, status, amount_cents FROM (
      SELECT * FROM (SELECT id, title, status, amount_cents, created_at FROM jobs WHERE buyer_id = ? ORDER BY created_at DESC LIMIT 10)
      UNION SELECT * FROM (SELECT id, title, status, amount_cents, created_at FROM jobs WHERE worker_id = ? ORDER BY created_at DESC LIMIT 10))
      ORDER BY created_at DESC LIMIT 10`).all(agentId, agentId) as any[];
  const active = ctx.db.prepare(`SELECT COUNT(*) n FROM jobs WHERE (buyer_id = ? OR worker_id = ?) AND status NOT IN ('completed','cancelled','refunded')`).get(agentId, agentId) as { n: number };
  const card = defaultCard(ctx, agentId);
  const spent = spentThisMonthCents(ctx, agentId);
  const limit = me.monthly_spending_limit_cents;
  return {
    agent, agents,
    recent_jobs: recent.map((r) => ({ id: r.id, title: r.title, status: r.status, amount: eur(r.amount_cents) })),
    active_jobs_count: active.n,
    spending: { month: new Date(monthStart(ctx.clock.now())).toISOString().slice(0, 7), spent: eur(spent), limit: limit == null ? null : eur(limit), left: limit == null ? null : eur(Math.max(0, limit - spent)) },
    unread_notifications: unreadCount(ctx, agentId),
    payment: { card_count: listCards(ctx, agentId).length, default_card: card ? { brand: card.brand, last4: card.last4 } : null },
    // Embedded payouts settle at once to the simulated bank (as connect_status says); Stripe mode overrides this.
    connect: { connected: true, is_ready: true },
    trust_history: trustHistory(ctx, agentId, 10, 0).items,
  };
}
