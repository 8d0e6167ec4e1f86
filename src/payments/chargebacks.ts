/**
 * Chargebacks: a card holder disputes a job's charge with the bank, and Stripe withdraws the
 * amount and its dispute fee from the platform's balance (charge.dispute.created), then gives
 * the amount back or not when the bank decides (charge.dispute.closed). Ledger:
 * `expense:chargebacks` → `stripe:disputes` (amount) and `stripe:fees` (fee); a reversal of a
 * transfer already made: `payout:<worker>` → `expense:chargebacks`. Refunds the ledger owed on
 * the charge that Stripe had not made are `covered`: the bank made them. docs/stripe.md.
 */
import { writeTx } from '../engine/db.js';
import { emit } from '../engine/context.js';
import { acct, post } from '../engine/ledger.js';
import { freezeJob, isTerminal, unfreezeJob } from '../engine/jobs.js';
import { formatEur } from '../money.js';
import type { StripePayments } from './marketplace.js';

export class Chargebacks {
  constructor(private readonly p: StripePayments) {}

  /**
   * A card holder disputed a job's charge: Stripe withdrew the amount and its dispute fee. The
   * job is frozen (no release, no refund: a refund of a disputed charge is refused anyway), a
   * payout still waiting is held, a payout already transferred is reversed, and the loss and
   * the fee are booked. Both parties are told; the operator sees it in `admin stripe chargebacks`.
   */
  async created(d: Record<string, any>) {
    const pi = typeof d.payment_intent === 'string' ? d.payment_intent : d.payment_intent?.id;
    const job = this.p.db.prepare(`SELECT j.id, j.buyer_id, j.worker_id, j.title, j.status FROM provider_calls c JOIN jobs j ON j.id = c.job_id
        WHERE c.kind = 'charge' AND c.object_id = ?`).get(pi) as { id: string; buyer_id: string; worker_id: string | null; title: string; status: any } | undefined;
    if (!this.p.db.prepare("SELECT 1 FROM provider_calls WHERE kind = 'charge' AND object_id = ?").get(pi ?? '')) return; // another integration's charge on this account
    const { withdrawn, fee } = disputeMoney(d, (bt) => bt.amount < 0);
    const at = this.p.now();
    this.p.oweLedgerRefunds();
    writeTx(this.p.db, () => {
      const fresh = this.p.db.prepare("INSERT INTO stripe_disputes (id, job_id, payment_intent_id, amount_cents, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .run(d.id, job?.id ?? null, pi ?? '', d.amount, d.status, at, at).changes === 1;
      if (!fresh) return;
      // Refunds the ledger owes on this charge and Stripe has not made (a disputed charge cannot be refunded): the bank just made them.
      const unpaid = this.p.db.prepare("SELECT idempotency_key, amount_cents FROM provider_calls WHERE kind = 'refund' AND payment_intent_id = ? AND status IN ('owed', 'failed')").all(pi ?? '') as { idempotency_key: string; amount_cents: number }[];
      const covered = Math.min(withdrawn, unpaid.reduce((s, r) => s + r.amount_cents, 0));
      for (const r of unpaid) this.p.db.prepare("UPDATE provider_calls SET status = 'covered', error = ?, next_retry_at = NULL, updated_at = ? WHERE idempotency_key = ?").run(`covered by chargeback ${d.id}`, at, r.idempotency_key);
      this.p.db.prepare('UPDATE stripe_disputes SET covered_cents = ? WHERE id = ?').run(covered, d.id);
      if (withdrawn - covered + fee > 0) post(this.p.db, { kind: 'chargeback', job_id: job?.id ?? null, ref: `chargeback:${d.id}`, at, entries: [
        { account: acct.chargebackExpense, amount_cents: -(withdrawn - covered + fee) },
        { account: acct.stripeDisputes, amount_cents: withdrawn - covered },
        { account: acct.stripeFees, amount_cents: fee },
      ] });
      if (!job) return;
      this.p.db.prepare("UPDATE stripe_payouts SET held_by = ?, updated_at = ? WHERE job_id = ? AND status = 'pending_retry'").run(d.id, at, job.id);
      if (!isTerminal(job.status) && job.status !== 'frozen') {
        // freezeJob tells both parties (job.frozen, with this reason).
        freezeJob(this.p.ctx, job.id, `the card payment of ${formatEur(d.amount)} was disputed with the bank (Stripe dispute ${d.id}, ${d.reason ?? 'no reason given'}); no money moves until the bank decides`);
        this.p.db.prepare('UPDATE stripe_disputes SET froze_job = 1 WHERE id = ?').run(d.id);
      } else {
        for (const a of [job.buyer_id, job.worker_id].filter(Boolean) as string[])
          emit(this.p.ctx, a, 'job.chargeback', job.id, { job_id: job.id, dispute_id: d.id, amount: d.amount / 100 },
            `The card payment for "${job.title}" (${formatEur(d.amount)}) was disputed with the bank (Stripe dispute ${d.id}). A payout already made for it is taken back until the bank decides.`);
      }
    });
    if (job) await this.reverseTransfers(d.id, job.id);
  }
  /**
   * Take back what was already transferred for a disputed job. The transfer is read first (what
   * is reversed stays reversed), and each attempt has its own key (`reversal:<transfer>:<n>`):
   * Stripe replays a failed attempt's 5xx for its key.
   */
  private async reverseTransfers(disputeId: string, jobId: string) {
    const paid = this.p.db.prepare("SELECT ref, worker_id, amount_cents, transfer_id FROM stripe_payouts WHERE job_id = ? AND status = 'paid' AND transfer_id IS NOT NULL").all(jobId) as
      { ref: string; worker_id: string; amount_cents: number; transfer_id: string }[];
    for (const p of paid) {
      const ref = `reversal:${p.transfer_id}`;
      if (this.p.db.prepare('SELECT 1 FROM ledger_txns WHERE ref = ?').get(ref)) continue;
      let reversed = await this.p.provider.transferReversed(p.transfer_id);
      if (reversed < p.amount_cents) {
        const n = writeTx(this.p.db, () => (this.p.db.prepare('UPDATE stripe_payouts SET attempts = attempts + 1 WHERE ref = ? RETURNING attempts').get(p.ref) as { attempts: number }).attempts);
        const r = await this.p.provider.reverseTransfer({ idempotencyKey: `${ref}:${n}`, transferId: p.transfer_id, amountCents: p.amount_cents - reversed,
          metadata: { voxpact_ref: ref, dispute_id: disputeId, job_id: jobId } });
        reversed += r.amount_cents;
      }
      writeTx(this.p.db, () => {
        if (this.p.db.prepare('SELECT 1 FROM ledger_txns WHERE ref = ?').get(ref)) return;
        post(this.p.db, { kind: 'transfer_reversal', job_id: jobId, agent_id: p.worker_id, ref, at: this.p.now(), entries: [
          { account: acct.payout(p.worker_id), amount_cents: -reversed },
          { account: acct.chargebackExpense, amount_cents: reversed },
        ] });
      });
    }
  }
  /**
   * The bank decided. Won: Stripe gave the amount back (booked from the dispute's balance
   * transactions), the job is unfrozen, held payouts go on and reversed ones are owed again.
   * Lost: the loss stays booked and the job stays frozen for the operator (docs/stripe.md).
   */
  async closed(d: Record<string, any>) {
    const row = this.p.db.prepare('SELECT job_id, status, froze_job FROM stripe_disputes WHERE id = ?').get(d.id) as { job_id: string | null; status: string; froze_job: number } | undefined;
    if (!row) await this.created({ ...d, status: 'needs_response' }); // created was missed: book it first
    const dispute = (this.p.db.prepare('SELECT job_id, froze_job, covered_cents FROM stripe_disputes WHERE id = ?').get(d.id) as { job_id: string | null; froze_job: number; covered_cents: number });
    const at = this.p.now();
    writeTx(this.p.db, () => {
      this.p.db.prepare('UPDATE stripe_disputes SET status = ?, updated_at = ? WHERE id = ?').run(d.status, at, d.id);
      if (d.status !== 'won' || this.p.db.prepare('SELECT 1 FROM ledger_txns WHERE ref = ?').get(`dispute_won:${d.id}`)) return;
      const { withdrawn: back, fee: feeBack } = disputeMoney(d, (bt) => bt.amount > 0);
      // What the chargeback had paid of our owed refunds comes back with it: those refunds are owed again.
      const returned = back - dispute.covered_cents;
      this.p.db.prepare("UPDATE provider_calls SET status = 'owed', error = NULL, updated_at = ? WHERE kind = 'refund' AND status = 'covered' AND error = ?").run(at, `covered by chargeback ${d.id}`);
      if (returned || feeBack) post(this.p.db, { kind: 'chargeback_reversal', job_id: dispute.job_id, ref: `dispute_won:${d.id}`, at, entries: [
        { account: acct.stripeDisputes, amount_cents: -returned },
        { account: acct.stripeFees, amount_cents: feeBack },
        { account: acct.chargebackExpense, amount_cents: returned - feeBack },
      ] });
      if (!dispute.job_id) return;
      this.p.db.prepare('UPDATE stripe_payouts SET held_by = NULL, updated_at = ? WHERE held_by = ?').run(at, d.id);
      if (dispute.froze_job && (this.p.db.prepare('SELECT status FROM jobs WHERE id = ?').get(dispute.job_id) as { status: string }).status === 'frozen')
        unfreezeJob(this.p.ctx, dispute.job_id, `the bank ruled for us on Stripe dispute ${d.id}`);
      // What was reversed from the worker is theirs again: owed and transferred anew.
      const reversed = this.p.db.prepare(`SELECT t.agent_id worker, -e.amount_cents amount FROM ledger_txns t JOIN ledger_entries e ON e.txn_id = t.id AND e.account LIKE 'payout:%'
          WHERE t.kind = 'transfer_reversal' AND t.job_id = ?`).all(dispute.job_id) as { worker: string; amount: number }[];
      for (const r of reversed) {
        post(this.p.db, { kind: 'chargeback_reversal', job_id: dispute.job_id, agent_id: r.worker, ref: `repay:${d.id}:${r.worker}`, at, entries: [
          { account: acct.chargebackExpense, amount_cents: -r.amount },
          { account: acct.payable(r.worker), amount_cents: r.amount },
        ] });
        this.p.deferPayout({ jobId: dispute.job_id, workerId: r.worker, amountCents: r.amount, ref: `payout:repay:${d.id}` });
      }
    });
    if (d.status === 'won') await this.p.settle().catch(() => undefined);
  }


  /**
   * A refund owed after its charge was disputed and the dispute booked (e.g. the operator settled
   * a job a lost chargeback froze): the bank already returned that money to the buyer, so the
   * refund is `covered` and that part of the chargeback was the buyer's money, not a loss.
   */
  cover(r: { idempotency_key: string; job_id: string | null; payment_intent_id: string; amount_cents: number }, at: number): boolean {
    const d = this.p.db.prepare("SELECT id FROM stripe_disputes WHERE payment_intent_id = ? AND status <> 'won'").get(r.payment_intent_id) as { id: string } | undefined;
    if (!d) return false;
    writeTx(this.p.db, () => {
      this.p.db.prepare("UPDATE provider_calls SET status = 'covered', error = ?, attempts = attempts + 1, next_retry_at = NULL, updated_at = ? WHERE idempotency_key = ?").run(`covered by chargeback ${d.id}`, at, r.idempotency_key);
      this.p.db.prepare('UPDATE stripe_disputes SET covered_cents = covered_cents + ?, updated_at = ? WHERE id = ?').run(r.amount_cents, at, d.id);
      post(this.p.db, { kind: 'chargeback', job_id: r.job_id, ref: `chargeback:${d.id}:covered:${r.idempotency_key}`, at, entries: [
        { account: acct.stripeDisputes, amount_cents: -r.amount_cents },
        { account: acct.chargebackExpense, amount_cents: r.amount_cents },
      ] });
    });
    return true;
  }
}

/** The amount and fee of a dispute's balance transactions that match (withdrawals: amount < 0; returns: amount > 0). */
function disputeMoney(d: Record<string, any>, which: (bt: { amount: number; fee: number }) => boolean) {
  const bts = ((d.balance_transactions ?? []) as { amount: number; fee: number }[]).filter(which);
  if (!bts.length) return { withdrawn: which({ amount: -1, fee: 0 }) ? d.amount : 0, fee: 0 };
  return { withdrawn: bts.reduce((s, b) => s + Math.abs(b.amount), 0), fee: bts.reduce((s, b) => s + b.fee, 0) };
}
