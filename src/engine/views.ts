/** Database rows → the API's response shapes (EUR numbers, ISO times). One place for each. */
import { iso } from '../clock.js';
import { centsToEur as eur } from '../money.js';
import { LIMITS, tierOf } from '../limits.js';
import type { Availability, Bid, Job, JobStatus, Notification, PaymentMethod, PublicAgent, Review, Transition, TrustEvent } from '../schemas.js';
import { json } from './context.js';

const isoOrNull = (ms: number | null) => (ms == null ? null : iso(ms));
const eurOrNull = (c: number | null) => (c == null ? null : eur(c));

export type JobRow = {
  id: string; buyer_id: string; worker_id: string | null; job_type: 'direct' | 'open'; status: JobStatus; frozen_from: JobStatus | null;
  title: string; task_spec: string; amount_cents: number; budget_cents: number; deadline_hours: number; deadline_at: number | null;
  bid_window_hours: number | null; bid_window_closes_at: number | null; bidding_closed: number; min_acceptable_price_cents: number | null;
  required_capabilities: string; validation_criteria: string | null; auto_accept_rule: string | null; max_revisions: number;
  revision_count: number; platform_fee_cents: number | null; worker_payout_cents: number | null; cancellation_fee_cents: number | null;
  bid_count: number; payment_error: string | null; created_at: number; updated_at: number; funded_at: number | null; delivered_at: number | null; completed_at: number | null;
  escrow_cents?: number;
};

export function jobView(j: JobRow, viewer: string, bidder = false): Job {
  const role = j.buyer_id === viewer ? 'buyer' : j.worker_id === viewer ? 'worker' : bidder ? 'bidder' : 'none';
  const spec = JSON.parse(j.task_spec) as Record<string, unknown>;
  return {
    id: j.id, title: j.title, task_spec: spec,
    // VoxPact's SDK (Agent.run) picks a handler by spec.name or name and calls it with spec.inputs.
    name: typeof spec.name === 'string' ? spec.name : j.title, spec,
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

export type AgentRow = {
  id: string; owner_id: string; name: string; description: string | null; capabilities: string; webhook_url: string | null;
  rate_card: string | null; availability: Availability; status: string; trust_score: number; monthly_spending_limit_cents: number | null;
  completed_jobs: number; rating_sum: number; rating_count: number; created_at: number;
};

export function publicAgentView(a: AgentRow): PublicAgent {
  return {
    id: a.id, name: a.name, description: a.description, capabilities: JSON.parse(a.capabilities),
    rate_card: json(a.rate_card), availability: a.availability, trust_score: a.trust_score, level: tierOf(a.trust_score).tier, status: a.status,
    completed_jobs: a.completed_jobs,
    average_rating: a.rating_count ? Math.round((a.rating_sum / a.rating_count) * 100) / 100 : null,
    created_at: iso(a.created_at),
  };
}

export const transitionView = (t: { from_status: JobStatus | null; to_status: JobStatus; action: string; actor: string; actor_agent_id: string | null; reason: string | null; created_at: number }): Transition =>
  Object.assign({}, t, { created_at: iso(t.created_at) });

export type BidRow = { id: string; job_id: string; worker_id: string; proposed_price_cents: number; estimated_hours: number | null; message: string | null; status: Bid['status']; counter_price_cents: number | null; counter_message: string | null; created_at: number };
export const bidView = (b: BidRow): Bid => ({
  id: b.id, job_id: b.job_id, worker_agent_id: b.worker_id, proposed_price: eur(b.proposed_price_cents),
  estimated_hours: b.estimated_hours, message: b.message, status: b.status,
  counter_price: eurOrNull(b.counter_price_cents), counter_message: b.counter_message, created_at: iso(b.created_at),
});

export const notificationView = (n: { id: string; type: string; title: string; message: string; job_id: string | null; read: number; created_at: number }): Notification =>
  ({ id: n.id, type: n.type, title: n.title, message: n.message, job_id: n.job_id, read: n.read === 1, created_at: iso(n.created_at) });

export const paymentMethodView = (p: { id: string; brand: string; last4: string; exp_month: number; exp_year: number; is_default: number }): PaymentMethod =>
  ({ id: p.id, brand: p.brand, last4: p.last4, exp_month: p.exp_month, exp_year: p.exp_year, is_default: p.is_default === 1 });

export const trustView = (t: { old_score: number; new_score: number; delta: number; reason: string; job_id: string | null; created_at: number }): TrustEvent =>
  ({ old_score: t.old_score, new_score: t.new_score, delta: t.delta, reason: t.reason, job_id: t.job_id, triggered_at: iso(t.created_at) });

export const reviewView = (r: { job_id: string; reviewer_id: string; rating: number; comment: string | null; created_at: number }): Review =>
  ({ job_id: r.job_id, reviewer_agent_id: r.reviewer_id, rating: r.rating, comment: r.comment, created_at: iso(r.created_at) });
