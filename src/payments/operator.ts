/**
 * What the operator needs to see of Stripe, read from the local database (no Stripe key needed):
 * refunds Stripe refused or that failed later, payouts that wait and why, chargebacks, and the
 * platform's real margin (its fees minus what Stripe kept and what chargebacks cost).
 * `voxpact-mcp admin stripe …` (src/admin-cli.ts) prints these.
 */
import type { DB } from '../engine/db.js';
import { acct } from '../engine/ledger.js';

export type Failure = { kind: 'refund' | 'payout' | 'charge'; key: string; job_id: string | null; amount_cents: number; error: string | null; attempts: number; next_retry_at: number | null; held_by?: string | null };

/** Failed refunds (next_retry_at null: Stripe's refusal is final, an operator decides), payouts waiting with an error, payments awaiting the buyer or the bank. */
export function stripeFailures(db: DB): Failure[] {
  const refunds = db.prepare(`SELECT 'refund' kind, idempotency_key key, job_id, amount_cents, error, attempts, next_retry_at FROM provider_calls
      WHERE kind = 'refund' AND status = 'failed' ORDER BY created_at`).all() as Failure[];
  const payouts = db.prepare(`SELECT 'payout' kind, ref key, job_id, amount_cents, COALESCE(last_error, CASE WHEN held_by IS NOT NULL THEN 'held: the charge is disputed' END) error,
      attempts, NULL next_retry_at, held_by FROM stripe_payouts WHERE status = 'pending_retry' AND (last_error IS NOT NULL OR held_by IS NOT NULL) ORDER BY created_at`).all() as Failure[];
  const charges = db.prepare(`SELECT 'charge' kind, idempotency_key key, job_id, amount_cents, COALESCE(error, status) error, attempts, NULL next_retry_at FROM provider_calls
      WHERE kind = 'charge' AND status IN ('processing', 'create_failed', 'confirming') ORDER BY created_at`).all() as Failure[];
  return [...refunds, ...payouts, ...charges];
}

export type ChargebackRow = { id: string; job_id: string | null; payment_intent_id: string; amount_cents: number; status: string; froze_job: number; created_at: number };
export function stripeChargebacks(db: DB): ChargebackRow[] {
  return db.prepare('SELECT id, job_id, payment_intent_id, amount_cents, status, froze_job, created_at FROM stripe_disputes ORDER BY created_at DESC').all() as ChargebackRow[];
}

/** Make a failed refund due at once (the server's next settle pass pushes it). */
export function retryRefundNow(db: DB, key: string, now: number): boolean {
  return db.prepare("UPDATE provider_calls SET next_retry_at = ?, updated_at = ? WHERE idempotency_key = ? AND kind = 'refund' AND status = 'failed'").run(now, now, key).changes === 1;
}

/** The platform's income and what Stripe took, in cents: margin = fees + activation − Stripe's fees − chargeback losses. */
export function margin(db: DB) {
  const b = (account: string) => (db.prepare('SELECT balance_cents FROM balances WHERE account = ?').get(account) as { balance_cents: number } | undefined)?.balance_cents ?? 0;
  const fees = b(acct.fees);
  const activation = b(acct.activation);
  const stripeFees = b(acct.feeExpense);
  const chargebacks = b(acct.chargebackExpense);
  return { platform_fees_cents: fees, activation_fees_cents: activation, stripe_fees_cents: -stripeFees, chargeback_losses_cents: -chargebacks, margin_cents: fees + activation + stripeFees + chargebacks };
}
