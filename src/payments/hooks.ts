/**
 * The seams through which an external payment provider (Stripe) plugs into the engine. The
 * engine runs inside a synchronous SQLite transaction and cannot wait for the network, so the
 * provider's calls happen outside it (src/payments/marketplace.ts) and the engine only reads
 * their outcomes here. `ctx.payments` is undefined with the embedded provider: nothing changes.
 */
export type CaptureRequest = { buyerId: string; jobId: string; amountCents: number; ref: string; paymentMethod: string };
export type CaptureAnswer =
  | { ok: true; payment_intent_id: string }
  | { ok: false; code: string; message: string; payment_intent_id: string };
export type CardInfo = { brand: string; last4: string; exp_month: number; exp_year: number };
export type PayoutRequest = { jobId: string; workerId: string; amountCents: number; ref: string };

export interface PaymentHooks {
  /** The provider's answer to this capture; throws NeedsCharge when it has not been asked yet. */
  capture(req: CaptureRequest): CaptureAnswer;
  /** Card details of a provider payment method being saved (fetched before the transaction). */
  cardInfo(paymentMethodId: string): CardInfo | undefined;
  /** The id for the job created in this call, chosen before the transaction (it keys the charge). */
  newJobId(): string | undefined;
  /** Take over a payout (inside the transaction): true = the provider transfers it later, the engine books nothing now. */
  deferPayout(req: PayoutRequest): boolean;
  /** The outcome of an activation checkout paid through the provider (Stripe Checkout), instead of charging a card here. */
  checkout?(checkoutId: string): CaptureAnswer;
}

/**
 * Thrown from `capture` inside the transaction (which rolls back): every check of the call has
 * passed and this charge is what it needs. The caller charges, then runs the call again.
 */
export class NeedsCharge extends Error {
  constructor(readonly req: CaptureRequest) {
    super(`capture ${req.ref} needs a provider charge first`);
  }
}
