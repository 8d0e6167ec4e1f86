/**
 * The Stripe payment provider. `stripe` is imported dynamically, only when STRIPE_SECRET_KEY is
 * configured: a stdio server without it never loads the package.
 */
import { VoxError } from '../errors.js';
import { type ChargeOutcome, type IntentParams, type PaymentProvider, type ProviderEvent, type ProviderRecord, accountState } from './provider.js';

/** Stripe's `host`/`port`/`protocol` let tests point the real client at a local fake (test/stripe/fake-stripe.ts). */
export type StripeOptions = { secretKey: string; host?: string; port?: number; protocol?: 'http' | 'https'; timeoutMs?: number; maxNetworkRetries?: number };

const CURRENCY = 'eur';
/**
 * The Stripe API version every request and webhook payload is read in (the one stripe@23.1.0 was
 * generated for). Pinned so a Dashboard upgrade of the account's default version cannot change
 * the shapes under us; the webhook endpoints must be created with the same version.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive';

/** Bound on what reconciliation reads back from Stripe per object type. */
const MAX_RECORDS = 10_000;

export async function createStripeProvider(o: StripeOptions): Promise<PaymentProvider> {
  const { default: Stripe } = await import('stripe');
  const stripe = new Stripe(o.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    ...(o.host ? { host: o.host } : {}), ...(o.port ? { port: o.port } : {}), ...(o.protocol ? { protocol: o.protocol } : {}),
    timeout: o.timeoutMs ?? 20_000, maxNetworkRetries: o.maxNetworkRetries ?? 2,
  });
  return new StripeProvider(stripe);
}

type StripeClient = InstanceType<typeof import('stripe').default>;

/** A Stripe error as an error an agent can act on (stable snake_case code, what to do next). */
export function toVoxError(e: unknown): unknown {
  const err = e as { type?: string; code?: string; decline_code?: string; message?: string; statusCode?: number };
  switch (err?.type) {
    case 'StripeCardError':
      return new VoxError(err.decline_code ?? err.code ?? 'card_declined', `card declined: ${err.message}`, 402);
    case 'StripeInvalidRequestError':
      return new VoxError(err.code ?? 'invalid_request', `Stripe refused the request: ${err.message}`, err.statusCode === 404 ? 404 : 400);
    case 'StripeIdempotencyError':
      return new VoxError('idempotency_conflict', `Stripe saw this idempotency key with other parameters: ${err.message}`, 409);
    case 'StripeAPIError': // Stripe answered 5xx: it replays that answer for the same key for 24 h
      return new VoxError('payment_provider_error', `Stripe failed (${err.message}); nothing was booked: retry the call (with the same idempotency_key)`, 503);
    case 'StripeConnectionError':
    case 'StripeRateLimitError':
      return new VoxError('payment_provider_unavailable', `Stripe did not answer (${err.message}); nothing was booked: retry the call (with the same idempotency_key)`, 503);
    default:
      return e;
  }
}
const vox = async <T>(p: Promise<T>): Promise<T> => {
  try {
    return await p;
  } catch (e) {
    throw toVoxError(e);
  }
};

export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  constructor(private readonly stripe: StripeClient) {}

  async createCustomer(idempotencyKey: string, ownerId: string, email: string) {
    const c = await vox(this.stripe.customers.create({ email, metadata: { voxpact_owner_id: ownerId } }, { idempotencyKey }));
    return c.id;
  }
  async createSetupIntent(customerId: string) {
    const si = await vox(this.stripe.setupIntents.create({ customer: customerId, usage: 'off_session' }));
    return { setup_intent_id: si.id, client_secret: si.client_secret! };
  }
  async setupStatuses(customerId: string, paymentMethodId: string) {
    const list = await vox(this.stripe.setupIntents.list({ customer: customerId, payment_method: paymentMethodId, limit: 10 }));
    return list.data.map((si) => si.status);
  }
  async attachPaymentMethod(paymentMethodId: string, customerId: string) {
    const pm = await vox(this.stripe.paymentMethods.attach(paymentMethodId, { customer: customerId }));
    const card = pm.card;
    return { id: pm.id, brand: card?.brand ?? 'unknown', last4: card?.last4 ?? '0000', exp_month: card?.exp_month ?? 12, exp_year: card?.exp_year ?? 2099 };
  }
  async detachPaymentMethod(paymentMethodId: string) {
    await vox(this.stripe.paymentMethods.detach(paymentMethodId));
  }

  async createIntent(p: IntentParams) {
    const pi = await vox(this.stripe.paymentIntents.create({
      amount: p.amountCents, currency: CURRENCY, customer: p.customerId, payment_method: p.paymentMethodId, allowed_payment_method_types: ['card'],
      capture_method: 'automatic', transfer_group: p.transferGroup, metadata: p.metadata,
    }, { idempotencyKey: p.idempotencyKey }));
    return pi.id;
  }
  async confirmIntent(paymentIntentId: string, paymentMethodId: string, idempotencyKey: string): Promise<ChargeOutcome> {
    try {
      return outcomeOf(await this.stripe.paymentIntents.confirm(paymentIntentId, { payment_method: paymentMethodId, off_session: true }, { idempotencyKey }));
    } catch (e) {
      const err = e as { type?: string; code?: string; decline_code?: string; message?: string; raw?: { payment_intent?: { id?: string; client_secret?: string } } };
      if (err.type === 'StripeCardError') {
        const pi = err.raw?.payment_intent;
        return { ok: false, code: err.code === 'authentication_required' ? 'authentication_required' : err.decline_code ?? err.code ?? 'card_declined',
          message: err.message ?? 'Your card was declined.', payment_intent_id: pi?.id ?? paymentIntentId, ...(err.code === 'authentication_required' && pi?.client_secret ? { client_secret: pi.client_secret } : {}) };
      }
      throw toVoxError(e); // network, API or state errors: the caller reads the PaymentIntent again
    }
  }
  async startAuthentication(paymentIntentId: string, paymentMethodId: string, returnUrl: string, idempotencyKey: string) {
    const pi = await vox(this.stripe.paymentIntents.confirm(paymentIntentId, { payment_method: paymentMethodId, return_url: returnUrl }, { idempotencyKey }));
    return pi.next_action?.redirect_to_url?.url ?? null;
  }
  async cancelIntent(paymentIntentId: string, idempotencyKey: string) {
    await vox(this.stripe.paymentIntents.cancel(paymentIntentId, { cancellation_reason: 'abandoned' }, { idempotencyKey }));
  }
  async intentOutcome(paymentIntentId: string) {
    const pi = await vox(this.stripe.paymentIntents.retrieve(paymentIntentId));
    return { ...outcomeOf(pi), status: pi.status };
  }
  async chargeFee(chargeId: string) {
    const ch = await vox(this.stripe.charges.retrieve(chargeId, { expand: ['balance_transaction'] }));
    const bt = ch.balance_transaction;
    return bt && typeof bt === 'object' ? bt.fee : 0;
  }
  async refund(p: { idempotencyKey: string; paymentIntentId: string; amountCents: number; metadata: Record<string, string> }) {
    const r = await vox(this.stripe.refunds.create({ payment_intent: p.paymentIntentId, amount: p.amountCents, metadata: p.metadata }, { idempotencyKey: p.idempotencyKey }));
    return { id: r.id, status: r.status ?? 'succeeded' };
  }
  async adoptRefund(p: { paymentIntentId: string; amountCents: number; metadata: Record<string, string> }) {
    const list = await vox(this.stripe.refunds.list({ payment_intent: p.paymentIntentId, limit: 100 }));
    const theirs = list.data.find((r) => !r.metadata?.voxpact_ref && r.amount === p.amountCents && r.status === 'succeeded');
    if (!theirs) return null;
    const r = await vox(this.stripe.refunds.update(theirs.id, { metadata: p.metadata }));
    return { id: r.id, status: r.status ?? 'succeeded' };
  }
  async transfer(p: { idempotencyKey: string; destination: string; amountCents: number; transferGroup: string; sourceTransaction?: string; metadata: Record<string, string> }) {
    const t = await vox(this.stripe.transfers.create({ amount: p.amountCents, currency: CURRENCY, destination: p.destination, transfer_group: p.transferGroup, metadata: p.metadata,
      ...(p.sourceTransaction ? { source_transaction: p.sourceTransaction } : {}) }, { idempotencyKey: p.idempotencyKey }));
    return { id: t.id };
  }
  async transferReversed(transferId: string) {
    return (await vox(this.stripe.transfers.retrieve(transferId))).amount_reversed;
  }
  async reverseTransfer(p: { idempotencyKey: string; transferId: string; amountCents: number; metadata: Record<string, string> }) {
    const r = await vox(this.stripe.transfers.createReversal(p.transferId, { amount: p.amountCents, metadata: p.metadata }, { idempotencyKey: p.idempotencyKey }));
    return { id: r.id, amount_cents: r.amount };
  }
  async createCheckoutSession(p: { idempotencyKey: string; amountCents: number; name: string; successUrl: string; cancelUrl: string; metadata: Record<string, string> }) {
    const s = await vox(this.stripe.checkout.sessions.create({
      mode: 'payment', success_url: p.successUrl, cancel_url: p.cancelUrl, metadata: p.metadata,
      line_items: [{ quantity: 1, price_data: { currency: CURRENCY, unit_amount: p.amountCents, product_data: { name: p.name } } }],
      payment_intent_data: { metadata: p.metadata },
    }, { idempotencyKey: p.idempotencyKey }));
    return { id: s.id, url: s.url! };
  }
  async createVerificationSession(idempotencyKey: string, ownerId: string, returnUrl: string) {
    const v = await vox(this.stripe.identity.verificationSessions.create({ type: 'document', return_url: returnUrl, metadata: { voxpact_owner_id: ownerId } }, { idempotencyKey }));
    return { id: v.id, url: v.url ?? '', status: v.status };
  }
  async createAccount(idempotencyKey: string, ownerId: string, email: string, country: string, recipient: boolean) {
    const a = await vox(this.stripe.accounts.create({ type: 'express', email, country, metadata: { voxpact_owner_id: ownerId },
      capabilities: { transfers: { requested: true } }, ...(recipient ? { tos_acceptance: { service_agreement: 'recipient' } } : {}) }, { idempotencyKey }));
    return a.id;
  }
  async accountLink(accountId: string, refreshUrl: string, returnUrl: string) {
    const l = await vox(this.stripe.accountLinks.create({ account: accountId, type: 'account_onboarding', refresh_url: refreshUrl, return_url: returnUrl }));
    return l.url;
  }
  async retrieveAccount(accountId: string) {
    const a = await vox(this.stripe.accounts.retrieve(accountId));
    return accountState(a);
  }
  constructEvent(payload: string, signature: string, secret: string): ProviderEvent {
    return this.stripe.webhooks.constructEvent(payload, signature, secret) as unknown as ProviderEvent;
  }
  async records(sinceSec?: number): Promise<ProviderRecord[]> {
    const window = sinceSec ? { created: { gte: sinceSec } } : {};
    const out: ProviderRecord[] = [];
    const ref = (m: Record<string, string> | null | undefined) => m?.voxpact_ref ?? null;
    for await (const pi of this.stripe.paymentIntents.list({ limit: 100, ...window, expand: ['data.latest_charge.balance_transaction'] })) {
      if (out.length > MAX_RECORDS) break;
      const ch = pi.latest_charge && typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
      const bt = ch?.balance_transaction && typeof ch.balance_transaction === 'object' ? ch.balance_transaction : null;
      out.push({ id: pi.id, kind: 'charge', amount_cents: pi.amount, status: pi.status, ref: ref(pi.metadata), ...(ch ? { charge_id: ch.id } : {}), ...(bt ? { fee_cents: bt.fee } : {}) });
    }
    for await (const r of this.stripe.refunds.list({ limit: 100, ...window })) {
      if (out.length > 2 * MAX_RECORDS) break;
      out.push({ id: r.id, kind: 'refund', amount_cents: r.amount, status: r.status ?? 'succeeded', ref: ref(r.metadata) });
    }
    for await (const t of this.stripe.transfers.list({ limit: 100, ...window })) {
      if (out.length > 3 * MAX_RECORDS) break;
      out.push({ id: t.id, kind: 'transfer', amount_cents: t.amount, status: t.reversed ? 'reversed' : 'paid', ref: ref(t.metadata), reversed_cents: t.amount_reversed });
    }
    for await (const d of this.stripe.disputes.list({ limit: 100, ...window })) {
      if (out.length > 4 * MAX_RECORDS) break;
      const pi = typeof d.payment_intent === 'string' ? d.payment_intent : d.payment_intent?.id;
      out.push({ id: d.id, kind: 'dispute', amount_cents: d.amount, status: d.status, ref: `chargeback:${d.id}`, ...(pi ? { payment_intent: pi } : {}) });
    }
    return out;
  }
}

function outcomeOf(pi: { id: string; status: string; latest_charge?: string | { id: string } | null; client_secret?: string | null; last_payment_error?: { code?: string; decline_code?: string; message?: string } | null }): ChargeOutcome {
  if (pi.status === 'succeeded') return { ok: true, payment_intent_id: pi.id, charge_id: typeof pi.latest_charge === 'string' ? pi.latest_charge : pi.latest_charge?.id ?? '' };
  if (pi.status === 'processing') return { ok: false, code: 'payment_processing', message: 'the bank has not confirmed the payment yet; the job is funded when it does', payment_intent_id: pi.id };
  if (pi.status === 'requires_action') return { ok: false, code: 'authentication_required', message: 'the card needs the cardholder to authenticate (3-D Secure)', payment_intent_id: pi.id, client_secret: pi.client_secret ?? undefined };
  const e = pi.last_payment_error;
  return { ok: false, code: e?.decline_code ?? e?.code ?? 'payment_incomplete', message: e?.message ?? `payment is ${pi.status}`, payment_intent_id: pi.id };
}
