/**
 * A payment provider as the marketplace layer uses it: network calls made OUTSIDE the engine's
 * SQLite transaction, each carrying an idempotency key derived from the ledger reference it
 * settles (`capture:<job>`, `refund:<job>`, `payout:release:<job>`), so a retry after a timeout
 * or a crash returns the first attempt's object instead of moving money twice.
 *
 * The embedded provider (src/engine/payments.ts) stays the default and answers inside the
 * transaction; only an external provider (Stripe, src/payments/stripe.ts) implements this.
 */
import type { CardInfo } from './hooks.js';

export type ChargeParams = {
  idempotencyKey: string; amountCents: number; customerId: string; paymentMethodId: string;
  transferGroup: string; metadata: Record<string, string>;
};
export type ChargeOutcome =
  | { ok: true; payment_intent_id: string }
  | { ok: false; code: string; message: string; payment_intent_id: string };
export type AccountState = { id: string; charges_enabled: boolean; payouts_enabled: boolean; details_submitted: boolean };
/** The provider's own record of one money movement, for reconciliation. */
export type ProviderRecord = { id: string; kind: 'charge' | 'refund' | 'transfer'; amount_cents: number; status: string; ref: string | null };

export interface PaymentProvider {
  readonly name: 'stripe';
  createCustomer(idempotencyKey: string, ownerId: string, email: string): Promise<string>;
  createSetupIntent(customerId: string): Promise<{ setup_intent_id: string; client_secret: string }>;
  /** Attach a payment method to the owner's customer; returns its id (Stripe may mint a new one) and card details. */
  attachPaymentMethod(paymentMethodId: string, customerId: string): Promise<{ id: string } & CardInfo>;
  detachPaymentMethod(paymentMethodId: string): Promise<void>;
  /** An off-session, confirmed, automatically captured charge. A decline is an outcome, not an error. */
  charge(p: ChargeParams): Promise<ChargeOutcome>;
  refund(p: { idempotencyKey: string; paymentIntentId: string; amountCents: number; metadata: Record<string, string> }): Promise<{ id: string; status: string }>;
  transfer(p: { idempotencyKey: string; destination: string; amountCents: number; transferGroup: string; metadata: Record<string, string> }): Promise<{ id: string }>;
  /** A hosted Checkout Session for a one-time payment (the activation fee). */
  createCheckoutSession(p: { idempotencyKey: string; amountCents: number; name: string; successUrl: string; cancelUrl: string; metadata: Record<string, string> }): Promise<{ id: string; url: string }>;
  /** A Stripe Identity verification session for an owner. */
  createVerificationSession(idempotencyKey: string, ownerId: string, returnUrl: string): Promise<{ id: string; url: string; status: string }>;
  createAccount(idempotencyKey: string, ownerId: string, email: string): Promise<string>;
  accountLink(accountId: string, refreshUrl: string, returnUrl: string): Promise<string>;
  retrieveAccount(accountId: string): Promise<AccountState>;
  /** Every charge, refund and transfer the provider holds for this platform (reconciliation), created at or after `sinceSec` when given. */
  records(sinceSec?: number): Promise<ProviderRecord[]>;
  /** Verify a webhook's Stripe-Signature and parse it; throws when the signature does not match. */
  constructEvent(payload: string, signature: string, secret: string): ProviderEvent;
}
export type ProviderEvent = { id: string; type: string; data: { object: Record<string, any> } };
