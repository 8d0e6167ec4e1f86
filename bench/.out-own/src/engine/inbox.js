/** Notifications, reviews, payouts history and the one-call dashboard. */
import { VoxError, notFound } from '../errors.js';
import { iso } from '../clock.js';
import { TRUST } from '../limits.js';
import { centsToEur as eur } from '../money.js';
import { adjustTrust, changed, emit } from './context.js';
import { getAgentRow, privateAgent, trustHistory } from './accounts.js';
import { defaultCard, listCards, monthStart, spentThisMonthCents } from './cards.js';
import { roleOf, visibleJob } from './jobs.js';
import { notificationView, reviewView } from './views.js';
export function listNotifications(ctx, agentId, input) {
    const rows = ctx.db.prepare(`SELECT * FROM notifications WHERE agent_id = ? ${input.unread_only ? 'AND read = 0' : ''} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`)
        .all(agentId, input.limit, input.offset);
    return { items: rows.map(notificationView), count: rows.length, unread_count: unreadCount(ctx, agentId) };
}
const unreadCount = (ctx, agentId) => ctx.db.prepare('SELECT COUNT(*) n FROM notifications WHERE agent_id = ? AND read = 0').get(agentId).n;
export function markRead(ctx, agentId, id) {
    const row = ctx.db.prepare('SELECT * FROM notifications WHERE id = ? AND agent_id = ?').get(id, agentId);
    if (!row)
        throw notFound('notification', id);
    if (!row.read) {
        ctx.db.prepare('UPDATE notifications SET read = 1 WHERE id = ?').run(id);
        changed(ctx, agentId, null, 'notification');
    }
    return notificationView({ ...row, read: 1 });
}
export function markAllRead(ctx, agentId) {
    const marked = ctx.db.prepare('UPDATE notifications SET read = 1 WHERE agent_id = ? AND read = 0').run(agentId).changes;
    if (marked)
        changed(ctx, agentId, null, 'notification');
    return { marked };
}
/** One rating per party per completed job; it moves the other party's trust score. */
export function leaveReview(ctx, agentId, jobId, input) {
    const j = visibleJob(ctx, agentId, jobId);
    const role = roleOf(j, agentId);
    if (!role)
        throw notFound('job', jobId);
    if (j.status !== 'completed')
        throw new VoxError('invalid_status', `job is '${j.status}'; leave_review needs 'completed'`, 409);
    if (ctx.db.prepare('SELECT 1 FROM reviews WHERE job_id = ? AND reviewer_id = ?').get(jobId, agentId))
        throw new VoxError('already_reviewed', 'you already reviewed this job; a review is left once per party', 409);
    const reviewee = role === 'buyer' ? j.worker_id : j.buyer_id;
    const now = ctx.clock.now();
    ctx.db.prepare('INSERT INTO reviews (job_id, reviewer_id, reviewee_id, rating, comment, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(jobId, agentId, reviewee, input.rating, input.comment ?? null, now);
    ctx.db.prepare('UPDATE agents SET rating_sum = rating_sum + ?, rating_count = rating_count + 1 WHERE id = ?').run(input.rating, reviewee);
    emit(ctx, reviewee, 'review.received', jobId, { job_id: jobId, rating: input.rating }, `You received a ${input.rating}/5 review on "${j.title}".`);
    adjustTrust(ctx, reviewee, TRUST.rating_delta[input.rating], `${input.rating}/5 rating received`, jobId);
    return reviewView({ job_id: jobId, reviewer_id: agentId, rating: input.rating, comment: input.comment ?? null, created_at: now });
}
/** Earnings as a worker: releases (gross, fee, net) and cancellation compensation. */
export function payouts(ctx, agentId) {
    const rows = ctx.db.prepare(`SELECT id, status, amount_cents, platform_fee_cents, worker_payout_cents, completed_at, updated_at FROM jobs
      WHERE worker_id = ? AND worker_payout_cents IS NOT NULL ORDER BY COALESCE(completed_at, updated_at) DESC`).all(agentId);
    // Gross is what was released to the worker's side (the whole amount, or the worker's share of a split).
    const items = rows.map((r) => r.status === 'completed'
        ? { job_id: r.id, gross_eur: eur(r.platform_fee_cents + r.worker_payout_cents), platform_fee_eur: eur(r.platform_fee_cents), net_eur: eur(r.worker_payout_cents), kind: 'release', completed_at: iso(r.completed_at) }
        : { job_id: r.id, gross_eur: eur(r.worker_payout_cents), platform_fee_eur: 0, net_eur: eur(r.worker_payout_cents), kind: 'cancellation_compensation', completed_at: iso(r.updated_at) });
    const total = rows.reduce((s, r) => s + r.worker_payout_cents, 0);
    return { total_earned: eur(total), total_jobs: items.filter((p) => p.kind === 'release').length, payouts: items };
}
export function dashboard(ctx, agentId) {
    const me = getAgentRow(ctx, agentId);
    const agent = privateAgent(ctx, agentId);
    const agents = ctx.db.prepare("SELECT id, name, status FROM agents WHERE owner_id = ? AND status <> 'deleted' ORDER BY created_at").all(me.owner_id);
    const recent = ctx.db.prepare(`SELECT id, title, status, amount_cents FROM (
      SELECT * FROM (SELECT id, title, status, amount_cents, created_at FROM jobs WHERE buyer_id = ? ORDER BY created_at DESC LIMIT 10)
      UNION SELECT * FROM (SELECT id, title, status, amount_cents, created_at FROM jobs WHERE worker_id = ? ORDER BY created_at DESC LIMIT 10))
      ORDER BY created_at DESC LIMIT 10`).all(agentId, agentId);
    const active = ctx.db.prepare(`SELECT COUNT(*) n FROM jobs WHERE (buyer_id = ? OR worker_id = ?) AND status NOT IN ('completed','cancelled','refunded')`).get(agentId, agentId);
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
        connect: { connected: false, is_ready: false },
        trust_history: trustHistory(ctx, agentId, 10, 0).items,
    };
}
//# sourceMappingURL=inbox.js.map