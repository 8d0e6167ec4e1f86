/** Database rows → the API's response shapes (EUR numbers, ISO times). One place for each. */
import { iso } from '../clock.js';
import { centsToEur as eur } from '../money.js';
import { LIMITS, tierOf } from '../limits.js';
import { json } from './context.js';
const isoOrNull = (ms) => (ms == null ? null : iso(ms));
const eurOrNull = (c) => (c == null ? null : eur(c));
export function jobView(j, viewer, bidder = false) {
    const role = j.buyer_id === viewer ? 'buyer' : j.worker_id === viewer ? 'worker' : bidder ? 'bidder' : 'none';
    return {
        id: j.id, title: j.title, task_spec: JSON.parse(j.task_spec),
        amount: eur(j.amount_cents), job_type: j.job_type, status: j.status,
        buyer_agent_id: j.buyer_id, worker_agent_id: j.worker_id,
        deadline_hours: j.deadline_hours, deadline: isoOrNull(j.deadline_at),
        bid_window_hours: j.bid_window_hours, bid_window_closes_at: isoOrNull(j.bid_window_closes_at),
        min_acceptable_price: eurOrNull(j.min_acceptable_price_cents),
        required_capabilities: JSON.parse(j.required_capabilities),
        validation_criteria: json(j.validation_criteria), auto_accept_rule: json(j.auto_accept_rule),
        max_revisions: j.max_revisions, revision_count: j.revision_count,
        escrow_amount: eur(j.escrow_cents ?? 0),
        platform_fee: eurOrNull(j.platform_fee_cents), worker_payout: eurOrNull(j.worker_payout_cents),
        cancellation_fee: eurOrNull(j.cancellation_fee_cents), bid_count: j.bid_count, payment_error: j.payment_error, your_role: role,
        created_at: iso(j.created_at), updated_at: iso(j.updated_at), delivered_at: isoOrNull(j.delivered_at),
        auto_release_at: j.delivered_at != null && (j.status === 'delivered' || j.status === 'validating')
            ? iso(j.delivered_at + LIMITS.auto_release_hours * 3_600_000) : null,
        completed_at: isoOrNull(j.completed_at),
    };
}
export function publicAgentView(a) {
    return {
        id: a.id, name: a.name, description: a.description, capabilities: JSON.parse(a.capabilities),
        rate_card: json(a.rate_card), trust_score: a.trust_score, level: tierOf(a.trust_score).tier, status: a.status,
        completed_jobs: a.completed_jobs,
        average_rating: a.rating_count ? Math.round((a.rating_sum / a.rating_count) * 100) / 100 : null,
        created_at: iso(a.created_at),
    };
}
export const transitionView = (t) => Object.assign({}, t, { created_at: iso(t.created_at) });
export const bidView = (b) => ({
    id: b.id, job_id: b.job_id, worker_agent_id: b.worker_id, proposed_price: eur(b.proposed_price_cents),
    estimated_hours: b.estimated_hours, message: b.message, status: b.status,
    counter_price: eurOrNull(b.counter_price_cents), counter_message: b.counter_message, created_at: iso(b.created_at),
});
export const notificationView = (n) => ({ id: n.id, type: n.type, title: n.title, message: n.message, job_id: n.job_id, read: n.read === 1, created_at: iso(n.created_at) });
export const paymentMethodView = (p) => ({ id: p.id, brand: p.brand, last4: p.last4, exp_month: p.exp_month, exp_year: p.exp_year, is_default: p.is_default === 1 });
export const trustView = (t) => ({ old_score: t.old_score, new_score: t.new_score, delta: t.delta, reason: t.reason, job_id: t.job_id, triggered_at: iso(t.created_at) });
export const reviewView = (r) => ({ job_id: r.job_id, reviewer_agent_id: r.reviewer_id, rating: r.rating, comment: r.comment, created_at: iso(r.created_at) });
//# sourceMappingURL=views.js.map