/**
 * Reconciliation: the ledger against the provider's own record of charges, refunds,
 * transfers (and their reversals) and disputes. Only succeeded refunds count: a pending or
 * failed one has not given the money back. Every provider object this platform made carries `metadata.voxpact_ref`, the
 * ledger reference it settles; objects without one (other integrations on the same Stripe
 * account) are ignored. Returns the differences; empty when the two agree.
 */
import type { DB } from '../engine/db.js';
import type { ProviderRecord } from './provider.js';

export function reconcile(db: DB, records: ProviderRecord[]): string[] {
  const bad: string[] = [];
  const byRef = new Map<string, ProviderRecord[]>();
  for (const r of records) if (r.ref) byRef.set(r.ref, [...(byRef.get(r.ref) ?? []), r]);
  const of = (ref: string, kind: ProviderRecord['kind'], ok: (r: ProviderRecord) => boolean) => (byRef.get(ref) ?? []).filter((r) => r.kind === kind && ok(r));
  const succeeded = (r: ProviderRecord) => r.status === 'succeeded';

  // Charges: each Stripe-funded capture (and activation fee) in the ledger is exactly one succeeded PaymentIntent of its amount.
  const captures = db.prepare(`SELECT t.ref, e.amount_cents FROM ledger_txns t JOIN ledger_entries e ON e.txn_id = t.id AND e.account LIKE 'escrow:%'
      WHERE t.kind = 'capture' AND EXISTS (SELECT 1 FROM provider_calls c WHERE c.kind = 'charge' AND c.ledger_ref = t.ref)
    UNION ALL SELECT t.ref, e.amount_cents FROM ledger_txns t JOIN ledger_entries e ON e.txn_id = t.id AND e.account = 'platform:activation'
      WHERE t.kind = 'activation_fee' AND EXISTS (SELECT 1 FROM provider_calls c WHERE c.kind = 'charge' AND c.ledger_ref = t.ref)`).all() as { ref: string; amount_cents: number }[];
  const booked = new Set(captures.map((c) => c.ref));
  for (const c of captures) {
    const got = of(c.ref, 'charge', succeeded);
    if (got.length !== 1 || got[0].amount_cents !== c.amount_cents)
      bad.push(`ledger ${c.ref} captured ${c.amount_cents} but the provider has ${got.length} succeeded charge(s) ${got.map((g) => `${g.id}=${g.amount_cents}`).join(', ')}`);
  }
  // Stripe's fee on each of our succeeded charges is booked as stripe:fees (src/payments/marketplace.ts bookFees).
  const feeOf = db.prepare(`SELECT COALESCE(SUM(e.amount_cents), 0) s FROM ledger_txns t JOIN ledger_entries e ON e.txn_id = t.id AND e.account = 'stripe:fees' WHERE t.ref = ?`);
  const ourCharge = db.prepare("SELECT 1 FROM provider_calls WHERE kind = 'charge' AND object_id = ?");
  for (const r of records) {
    if (r.kind !== 'charge' || !succeeded(r) || r.fee_cents === undefined || !r.charge_id || !ourCharge.get(r.id)) continue;
    const booked = (feeOf.get(`stripe_fee:${r.charge_id}`) as { s: number }).s;
    if (booked !== r.fee_cents) bad.push(`provider charge ${r.id} cost a Stripe fee of ${r.fee_cents} but the ledger booked ${booked}`);
  }
  // A succeeded charge the ledger never booked must have been refunded in full.
  for (const r of records) {
    if (r.kind !== 'charge' || !r.ref || !succeeded(r) || booked.has(r.ref)) continue;
    const back = of(`unbooked:${r.ref}`, 'refund', succeeded).reduce((s, x) => s + x.amount_cents, 0);
    if (back !== r.amount_cents) bad.push(`provider charge ${r.id} (${r.ref}, ${r.amount_cents}) is not in the ledger and refunded only ${back}`);
  }

  // Refunds: money the ledger gave back to a Stripe-charged buyer is one provider refund of that amount.
  const refunds = db.prepare(`SELECT t.ref, e.amount_cents FROM ledger_txns t JOIN jobs j ON j.id = t.job_id
      JOIN ledger_entries e ON e.txn_id = t.id AND e.account = 'funding:' || j.buyer_id AND e.amount_cents > 0
      WHERE t.kind IN ('refund', 'cancel_settlement', 'dispute_split')
        AND EXISTS (SELECT 1 FROM provider_calls c WHERE c.kind = 'charge' AND c.ledger_ref = 'capture:' || t.job_id AND c.status = 'succeeded')`).all() as { ref: string; amount_cents: number }[];
  const refundRefs = new Set(refunds.map((r) => r.ref));
  // A refund the bank made through a chargeback (the charge was disputed before Stripe refunded it) is checked with its dispute below.
  const covered = new Set((db.prepare("SELECT ledger_ref FROM provider_calls WHERE kind = 'refund' AND status = 'covered'").all() as { ledger_ref: string }[]).map((r) => r.ledger_ref));
  for (const r of refunds) {
    if (covered.has(r.ref)) continue;
    const got = of(r.ref, 'refund', succeeded);
    const sum = got.reduce((s, x) => s + x.amount_cents, 0);
    if (got.length !== 1 || sum !== r.amount_cents) bad.push(`ledger ${r.ref} refunded ${r.amount_cents} to the buyer but the provider refunded ${sum} in ${got.length} succeeded refund(s)`);
  }
  for (const r of records) {
    if (r.kind === 'refund' && r.ref && !r.ref.startsWith('unbooked:') && !refundRefs.has(r.ref)) bad.push(`provider refund ${r.id} (${r.ref}) has no ledger refund`);
  }

  // Transfers: each payout txn of a deferred (Stripe) payout is one transfer of its amount, and the reverse.
  const payouts = db.prepare(`SELECT t.ref, e.amount_cents FROM ledger_txns t JOIN ledger_entries e ON e.txn_id = t.id AND e.account LIKE 'payout:%'
      WHERE t.kind = 'payout' AND t.ref IN (SELECT ref FROM stripe_payouts)`).all() as { ref: string; amount_cents: number }[];
  const payoutRefs = new Set(payouts.map((p) => p.ref));
  for (const p of payouts) {
    const got = of(p.ref, 'transfer', () => true);
    if (got.length !== 1 || got[0].amount_cents !== p.amount_cents) bad.push(`ledger ${p.ref} paid out ${p.amount_cents} but the provider has ${got.length} transfer(s)`);
  }
  for (const r of records) if (r.kind === 'transfer' && r.ref && !payoutRefs.has(r.ref)) bad.push(`provider transfer ${r.id} (${r.ref}) has no ledger payout`);
  // Reversals: what the provider took back from a transfer is what the ledger booked as its reversal.
  const reversedOf = db.prepare(`SELECT COALESCE(SUM(e.amount_cents), 0) s FROM ledger_txns t JOIN ledger_entries e ON e.txn_id = t.id AND e.account LIKE 'payout:%'
      WHERE t.kind = 'transfer_reversal' AND t.ref = ?`);
  for (const r of records) {
    if (r.kind !== 'transfer' || !r.ref) continue;
    const booked = -(reversedOf.get(`reversal:${r.id}`) as { s: number }).s;
    if (booked !== (r.reversed_cents ?? 0)) bad.push(`provider transfer ${r.id} (${r.ref}) has ${r.reversed_cents ?? 0} reversed but the ledger booked ${booked}`);
  }

  // Disputes of our charges: each is a chargeback of its amount in the ledger; a won one also its return.
  const ours = new Set((db.prepare("SELECT object_id FROM provider_calls WHERE kind = 'charge' AND object_id IS NOT NULL").all() as { object_id: string }[]).map((c) => c.object_id));
  // (What it withdrew is booked as stripe:disputes, less the owed refunds it paid; a won one's return is booked too.)
  const withdrawn = (ref: string) => (db.prepare(`SELECT COALESCE(SUM(e.amount_cents), 0) s FROM ledger_txns t JOIN ledger_entries e ON e.txn_id = t.id AND e.account = 'stripe:disputes' WHERE t.ref = ?`).get(ref) as { s: number }).s;
  const withdrawnLike = (pattern: string) => (db.prepare(`SELECT COALESCE(SUM(e.amount_cents), 0) s FROM ledger_txns t JOIN ledger_entries e ON e.txn_id = t.id AND e.account = 'stripe:disputes' WHERE t.ref LIKE ?`).get(pattern) as { s: number }).s;
  const local = new Map((db.prepare('SELECT id, covered_cents FROM stripe_disputes').all() as { id: string; covered_cents: number }[]).map((d) => [d.id, d.covered_cents]));
  const disputes = records.filter((r) => r.kind === 'dispute' && r.payment_intent && ours.has(r.payment_intent));
  for (const d of disputes) {
    const coveredCents = local.get(d.id);
    const w = withdrawn(`chargeback:${d.id}`) + withdrawnLike(`chargeback:${d.id}:covered:%`);
    if (coveredCents === undefined || w + coveredCents !== d.amount_cents) bad.push(`provider dispute ${d.id} of ${d.amount_cents} is booked as a chargeback of ${coveredCents === undefined ? 'nothing' : w + coveredCents}`);
    const won = !!db.prepare("SELECT 1 FROM stripe_disputes WHERE id = ? AND status = 'won'").get(d.id);
    const back = withdrawn(`dispute_won:${d.id}`);
    if ((d.status === 'won') !== won || won && back !== -(d.amount_cents - coveredCents!)) bad.push(`provider dispute ${d.id} is ${d.status} but the ledger booked ${-back} of it returned`);
  }
  const known = new Set(disputes.map((d) => d.id));
  for (const id of local.keys()) if (!known.has(id)) bad.push(`ledger chargeback ${id} has no provider dispute`);

  // What waits for a transfer is exactly what the ledger still owes the worker.
  const owed = db.prepare(`SELECT w.worker_id, w.s, COALESCE(b.balance_cents, 0) payable FROM
      (SELECT worker_id, SUM(amount_cents) s FROM stripe_payouts WHERE status = 'pending_retry' GROUP BY worker_id) w
      LEFT JOIN balances b ON b.account = 'payable:' || w.worker_id WHERE w.s <> COALESCE(b.balance_cents, 0)`).all() as { worker_id: string; s: number; payable: number }[];
  for (const o of owed) bad.push(`worker ${o.worker_id}: ${o.s} waits for transfers but payable holds ${o.payable}`);
  return bad;
}
