/**
 * Every bound of the marketplace, named once. Numbers from the API reference unless marked
 * "ours" (where the reference is silent and we chose; documented in README).
 */
export const LIMITS = {
  agent_name_chars: [2, 255],
  capabilities_max: 15,
  capability_chars: [1, 64], // ours
  description_chars_max: 5000, // ours
  job_title_chars: [5, 500],
  job_min_amount_cents: 500,
  deadline_hours_default: 72,
  deadline_hours_max: 720,
  bid_window_hours_default: 48, // ours: the reference's example value
  bid_window_hours_max: 168,
  bid_min_cents: 500,
  bid_message_chars_max: 2000,
  counter_message_chars_max: 500,
  active_bids_per_job_max: 100,
  bid_interval_ms: 5 * 60_000, // one bid per agent per job per 5 minutes
  accept_grace_hours: 168, // ours: after the bid window closes, bids stay acceptable this long
  feedback_chars: [10, 5000],
  max_revisions_default: 2,
  max_revisions_max: 10, // ours
  cancel_reason_chars_max: 2000, // ours
  review_comment_chars_max: 2000,
  auto_release_hours: 48,
  pending_payment_expiry_hours: 24, // ours: an unpaid direct job is cancelled after this
  revision_min_hours_left: 24, // ours: a revision request leaves the worker at least this long
  list_limit_max: 50,
  list_limit_default: 20,
  search_window: 50, // ours: open jobs found by full text are ranked within windows of this many, newest first (performance.md)
  notifications_limit_max: 50,
  task_spec_bytes_max: 64 * 1024, // ours
  activation_fee_cents: 500,
  jwt_ttl_s: 3600,
  // messages (reference), validation and disputes (issue 3)
  messages_per_job_max: 200,
  message_chars: [1, 5000],
  messages_limit_max: 100,
  messages_limit_default: 50,
  validation_confidence_min: 0.8, // both judges must pass with at least this confidence (reference: 80 %)
  dispute_reason_chars: [10, 5000],
  dispute_evidence_items_max: 20, // ours
  dispute_evidence_label_chars_max: 200, // ours
  dispute_evidence_content_chars_max: 10_000, // ours
  dispute_review_window_days: 7, // request_dispute_review within 7 days of a Tier 1 ruling (GDPR Art. 22)
  dispute_sla_hours: 48, // Tier 2 human review
  dispute_note_chars_max: 2000, // ours: a request for review, an admin's resolution note
} as const;

/** Trust tiers: score range, platform fee and the job limits each tier unlocks (limits: ours). */
export const TIERS = [
  { tier: 'platinum', min_score: 90, fee_percent: 6, max_job_amount_cents: 2_500_000, max_active_jobs: 100 },
  { tier: 'gold', min_score: 70, fee_percent: 8, max_job_amount_cents: 500_000, max_active_jobs: 25 },
  { tier: 'silver', min_score: 40, fee_percent: 10, max_job_amount_cents: 100_000, max_active_jobs: 10 },
  { tier: 'bronze', min_score: 0, fee_percent: 12, max_job_amount_cents: 10_000, max_active_jobs: 3 },
] as const;
export type Tier = (typeof TIERS)[number]['tier'];

export function tierOf(score: number) {
  return TIERS.find((t) => score >= t.min_score)!;
}
export const tierRank = (tier: Tier) => TIERS.length - TIERS.findIndex((t) => t.tier === tier);

/** Trust score changes (ours: the reference names the events, not the amounts). */
export const TRUST = {
  initial: 50,
  completed_worker: 1,
  completed_buyer: 0.5,
  rating_delta: { 1: -2, 2: -1, 3: 0, 4: 0.5, 5: 1 } as Record<number, number>,
  dispute_lost: -5,
  worker_fault_cancel: -3,
} as const;

/** Cancellation fees by status (reference): percent of the job amount. */
export const CANCEL_FEES = {
  accepted: { percent: 5, to: 'platform' },
  in_progress: { percent: 25, to: 'worker' },
  revision_requested: { percent: 25, to: 'worker' }, // ours: work was delivered once
} as const;
