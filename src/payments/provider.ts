/**
 * A payment provider as the marketplace layer uses it: network calls made OUTSIDE the engine's
 * SQLite transaction, each carrying an idempotency key derived from the ledger reference it
 * settles (`capture:<job>`, `refund:<job>`, `payout:release:<job>`), so a retry after a timeout
 * or a crash returns the first attempt's object instead of moving money twice. Stripe forgets a
 * key after 24 h and replays a 5xx for it until then, so a capture is never charged by key alone:
 * its PaymentIntent is created once, its id stored, and only that id is confirmed again.
 *
 * The embedded provider (src/engine/payments.ts) stays the default and answers inside the
 * transaction; only an external provider (Stripe, src/payments/stripe.ts) implements this.
 */
import type { CardInfo } from './hooks.js';

export type IntentParams = {
  idempotencyKey: string; amountCents: number; customerId: string; paymentMethodId: string;
  transferGroup: string; metadata: Record<string, string>;
};
/**
 * A confirmation's outcome. `processing` is neither: the bank answers later
 * (payment_intent.succeeded / payment_failed). `authentication_required` carries the client
 * secret the buyer needs to confirm on-session.
 */
export type ChargeOutcome =
  | { ok: true; payment_intent_id: string; charge_id: string }
  | { ok: false; code: string; message: string; payment_intent_id: string; client_secret?: string };
export type AccountState = { id: string; charges_enabled: boolean; payouts_enabled: boolean; details_submitted: boolean; transfers_active: boolean };
/** The provider's own record of one money movement, for reconciliation. */
export type ProviderRecord = {
  id: string; kind: 'charge' | 'refund' | 'transfer' | 'dispute'; amount_cents: number; status: string; ref: string | null;
  /** transfer: the amount reversed; dispute: the PaymentIntent disputed; charge: its Charge and Stripe's fee on it. */
  reversed_cents?: number; payment_intent?: string; charge_id?: string; fee_cents?: number;
};
/** A provider refusal that retrying with the same arguments will not change (Stripe's 4xx code). */
export const PERMANENT = /^(charge_disputed|charge_already_refunded|amount_too_large|charge_not_refundable|resource_missing|insufficient_capabilities_for_transfer|transfer_source_balance_parameters_mismatch)$/;

export interface PaymentProvider {
  readonly name: 'stripe';
  createCustomer(idempotencyKey: string, ownerId: string, email: string): Promise<string>;
  createSetupIntent(customerId: string): Promise<{ setup_intent_id: string; client_secret: string }>;
  /** The statuses of the customer's SetupIntents that saved this payment method (empty: it was not saved through one). */
  setupStatuses(customerId: string, paymentMethodId: string): Promise<string[]>;
  /** Attach a payment method to the owner's customer; returns its id (Stripe may mint a new one) and card details. */
  attachPaymentMethod(paymentMethodId: string, customerId: string): Promise<{ id: string } & CardInfo>;
  detachPaymentMethod(paymentMethodId: string): Promise<void>;
  /** A card-only PaymentIntent, not yet confirmed (no money moves): its id is stored before any confirmation. */
  createIntent(p: IntentParams): Promise<string>;
  /** Confirm that PaymentIntent off-session (automatic capture). A decline is an outcome, not an error. */
  confirmIntent(paymentIntentId: string, paymentMethodId: string, idempotencyKey: string): Promise<ChargeOutcome>;
  /**
   * After an off-session `authentication_required`: confirm the PaymentIntent on-session with a
   * `return_url`, so Stripe answers the URL of its hosted 3-D Secure page for the cardholder.
   */
  startAuthentication(paymentIntentId: string, paymentMethodId: string, returnUrl: string, idempotencyKey: string): Promise<string | null>;
  /** Cancel a PaymentIntent that was never charged (its capture now needs another amount): it can no longer be confirmed. */
  cancelIntent(paymentIntentId: string, idempotencyKey: string): Promise<void>;
  /** The PaymentIntent's current state, as an outcome (`processing` and `requires_*` are not ok). */
  intentOutcome(paymentIntentId: string): Promise<ChargeOutcome & { status: string }>;
  /** Stripe's processing fee of a charge (its balance transaction), 0 while unknown. */
  chargeFee(chargeId: string): Promise<number>;
  refund(p: { idempotencyKey: string; paymentIntentId: string; amountCents: number; metadata: Record<string, string> }): Promise<{ id: string; status: string }>;
  /** A refund of this PaymentIntent made outside the platform (the Dashboard) of exactly this amount, now tagged with our metadata; null when there is none. */
  adoptRefund(p: { paymentIntentId: string; amountCents: number; metadata: Record<string, string> }): Promise<{ id: string; status: string } | null>;
  /** `sourceTransaction`: the charge that funds it, so it needs no available balance and spends only that job's funds. */
  transfer(p: { idempotencyKey: string; destination: string; amountCents: number; transferGroup: string; sourceTransaction?: string; metadata: Record<string, string> }): Promise<{ id: string }>;
  /** How much of a transfer has been reversed so far. */
  transferReversed(transferId: string): Promise<number>;
  reverseTransfer(p: { idempotencyKey: string; transferId: string; amountCents: number; metadata: Record<string, string> }): Promise<{ id: string; amount_cents: number }>;
  /** A hosted Checkout Session for a one-time payment (the activation fee). */
  createCheckoutSession(p: { idempotencyKey: string; amountCents: number; name: string; successUrl: string; cancelUrl: string; metadata: Record<string, string> }): Promise<{ id: string; url: string }>;
  /** A Stripe Identity verification session for an owner. */
  createVerificationSession(idempotencyKey: string, ownerId: string, returnUrl: string): Promise<{ id: string; url: string; status: string }>;
  /** An Express account in `country`; outside the platform's region under the `recipient` service agreement (transfers only). */
  createAccount(idempotencyKey: string, ownerId: string, email: string, country: string, recipient: boolean): Promise<string>;
  accountLink(accountId: string, refreshUrl: string, returnUrl: string): Promise<string>;
  retrieveAccount(accountId: string): Promise<AccountState>;
  /** Every charge, refund and transfer the provider holds for this platform (reconciliation), created at or after `sinceSec` when given. */
  records(sinceSec?: number): Promise<ProviderRecord[]>;
  /** Verify a webhook's Stripe-Signature and parse it; throws when the signature does not match (with this secret). */
  constructEvent(payload: string, signature: string, secret: string): ProviderEvent;
}
export type ProviderEvent = { id: string; type: string; data: { object: Record<string, any> } };
/** The flags of an account (retrieved, or the payload of account.updated): transfers need `capabilities.transfers` active. */
export function accountState(a: { id: string; charges_enabled?: boolean | null; payouts_enabled?: boolean | null; details_submitted?: boolean | null; capabilities?: { transfers?: string } | null }): AccountState {
  return { id: a.id, charges_enabled: !!a.charges_enabled, payouts_enabled: !!a.payouts_enabled, details_submitted: !!a.details_submitted, transfers_active: a.capabilities?.transfers === 'active' };
}


/** Where the platform is: connected accounts elsewhere are created under the `recipient` service agreement (transfers only). */
export const PLATFORM_COUNTRY = 'DE';
