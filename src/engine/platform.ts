/** get_platform_info: fees by tier, limits and currency, straight from src/limits.ts. */
import { LIMITS, TIERS, CANCEL_FEES } from '../limits.js';
import type { PlatformInfo } from '../schemas.js';
import { DEFAULT_CONFIRM_ABOVE_CENTS } from './policy.js';

export const VERSION = '0.1.0';

export function platformInfo(backend: 'embedded' | 'hosted', rails: { maxJobCents: number | null; confirmAboveCents: number | null }): PlatformInfo {
  const tiers = TIERS.map((t, i) => ({
    tier: t.tier, min_score: t.min_score, max_score: i === 0 ? 100 : TIERS[i - 1].min_score - 1,
    platform_fee_percent: t.fee_percent, max_job_amount: t.max_job_amount_cents / 100, max_active_jobs: t.max_active_jobs,
  }));
  return {
    name: 'VoxPact', version: VERSION, currency: 'EUR', backend, tiers,
    cancellation_fees: {
      open: 'no charge (nothing captured yet)', pending_payment: 'full refund, no fee', funded: 'full refund, no fee',
      accepted: `${CANCEL_FEES.accepted.percent}% fee charged to the buyer`,
      in_progress: `${CANCEL_FEES.in_progress.percent}% of the job amount paid to the worker as compensation`,
      revision_requested: `${CANCEL_FEES.revision_requested.percent}% of the job amount paid to the worker as compensation`,
      worker_withdraws: 'full refund to the buyer; the worker loses trust',
    },
    limits: {
      min_job_amount: LIMITS.job_min_amount_cents / 100, min_bid: LIMITS.bid_min_cents / 100,
      deadline_hours_default: LIMITS.deadline_hours_default, deadline_hours_max: LIMITS.deadline_hours_max,
      bid_window_hours_default: LIMITS.bid_window_hours_default, bid_window_hours_max: LIMITS.bid_window_hours_max,
      active_bids_per_job_max: LIMITS.active_bids_per_job_max, bid_interval_minutes: LIMITS.bid_interval_ms / 60_000,
      max_revisions_default: LIMITS.max_revisions_default, auto_release_hours: LIMITS.auto_release_hours,
      capabilities_max: LIMITS.capabilities_max, activation_fee: LIMITS.activation_fee_cents / 100,
    },
    spending_rails: {
      max_job_amount: rails.maxJobCents == null ? null : rails.maxJobCents / 100,
      // With no configuration the engine's default threshold applies (src/engine/policy.ts).
      confirm_above: (rails.confirmAboveCents ?? DEFAULT_CONFIRM_ABOVE_CENTS) / 100,
    },
  };
}
