/**
 * The Stripe payment provider. `stripe` is imported dynamically, only when STRIPE_SECRET_KEY is
 * configured: a stdio server without it never loads the package.
 */
import { VoxError } from '../errors.js';
const CURRENCY = 'eur';
/** Bound on what reconciliation reads back from Stripe per object type. */
const MAX_RECORDS = 10_000;
export async function createStripeProvider(o) {
    const { default: Stripe } = await import('stripe');
    const stripe = new Stripe(o.secretKey, {
        ...(o.host ? { host: o.host } : {}), ...(o.port ? { port: o.port } : {}), ...(o.protocol ? { protocol: o.protocol } : {}),
        timeout: o.timeoutMs ?? 20_000, maxNetworkRetries: o.maxNetworkRetries ?? 2,
    });
    return new StripeProvider(stripe);
}
/** A Stripe error as an error an agent can act on (stable snake_case code, what to do next). */
export function toVoxError(e) {
    const err = e;
    switch (err?.type) {
        case 'StripeCardError':
            return new VoxError(err.decline_code ?? err.code ?? 'card_declined', `card declined: ${err.message}`, 402);
        case 'StripeInvalidRequestError':
            return new VoxError(err.code ?? 'invalid_request', `Stripe refused the request: ${err.message}`, err.statusCode === 404 ? 404 : 400);
        case 'StripeIdempotencyError':
            return new VoxError('idempotency_conflict', `Stripe saw this idempotency key with other parameters: ${err.message}`, 409);
        case 'StripeConnectionError':
        case 'StripeAPIError':
        case 'StripeRateLimitError':
            return new VoxError('payment_provider_unavailable', `Stripe did not answer (${err.message}); nothing was booked: retry the call (with the same idempotency_key)`, 503);
        default:
            return e;
    }
}
const vox = async (p) => {
    try {
        return await p;
    }
    catch (e) {
        throw toVoxError(e);
    }
};
export class StripeProvider {
    stripe;
    name = 'stripe';
    constructor(stripe) {
        this.stripe = stripe;
    }
    async createCustomer(idempotencyKey, ownerId, email) {
        const c = await vox(this.stripe.customers.create({ email, metadata: { voxpact_owner_id: ownerId } }, { idempotencyKey }));
        return c.id;
    }
    async createSetupIntent(customerId) {
        const si = await vox(this.stripe.setupIntents.create({ customer: customerId, usage: 'off_session' }));
        return { setup_intent_id: si.id, client_secret: si.client_secret };
    }
    async attachPaymentMethod(paymentMethodId, customerId) {
        const pm = await vox(this.stripe.paymentMethods.attach(paymentMethodId, { customer: customerId }));
        const card = pm.card;
        return { id: pm.id, brand: card?.brand ?? 'unknown', last4: card?.last4 ?? '0000', exp_month: card?.exp_month ?? 12, exp_year: card?.exp_year ?? 2099 };
    }
    async detachPaymentMethod(paymentMethodId) {
        await vox(this.stripe.paymentMethods.detach(paymentMethodId));
    }
    async charge(p) {
        try {
            const pi = await this.stripe.paymentIntents.create({
                amount: p.amountCents, currency: CURRENCY, customer: p.customerId, payment_method: p.paymentMethodId,
                off_session: true, confirm: true, capture_method: 'automatic', transfer_group: p.transferGroup, metadata: p.metadata,
            }, { idempotencyKey: p.idempotencyKey });
            if (pi.status === 'succeeded')
                return { ok: true, payment_intent_id: pi.id };
            // requires_action (3-D Secure) cannot complete off-session: treat as a decline the buyer must fix.
            return { ok: false, code: 'authentication_required', message: `payment needs the cardholder (status ${pi.status}).`, payment_intent_id: pi.id };
        }
        catch (e) {
            const err = e;
            if (err.type === 'StripeCardError') {
                return { ok: false, code: err.decline_code ?? err.code ?? 'card_declined', message: err.message ?? 'Your card was declined.', payment_intent_id: err.raw?.payment_intent?.id ?? '' };
            }
            throw toVoxError(e); // network, API or idempotency errors: the caller retries with the same key
        }
    }
    async refund(p) {
        const r = await vox(this.stripe.refunds.create({ payment_intent: p.paymentIntentId, amount: p.amountCents, metadata: p.metadata }, { idempotencyKey: p.idempotencyKey }));
        return { id: r.id, status: r.status ?? 'succeeded' };
    }
    async transfer(p) {
        const t = await vox(this.stripe.transfers.create({ amount: p.amountCents, currency: CURRENCY, destination: p.destination, transfer_group: p.transferGroup, metadata: p.metadata }, { idempotencyKey: p.idempotencyKey }));
        return { id: t.id };
    }
    async createCheckoutSession(p) {
        const s = await vox(this.stripe.checkout.sessions.create({
            mode: 'payment', success_url: p.successUrl, cancel_url: p.cancelUrl, metadata: p.metadata,
            line_items: [{ quantity: 1, price_data: { currency: CURRENCY, unit_amount: p.amountCents, product_data: { name: p.name } } }],
            payment_intent_data: { metadata: p.metadata },
        }, { idempotencyKey: p.idempotencyKey }));
        return { id: s.id, url: s.url };
    }
    async createVerificationSession(idempotencyKey, ownerId, returnUrl) {
        const v = await vox(this.stripe.identity.verificationSessions.create({ type: 'document', return_url: returnUrl, metadata: { voxpact_owner_id: ownerId } }, { idempotencyKey }));
        return { id: v.id, url: v.url ?? '', status: v.status };
    }
    async createAccount(idempotencyKey, ownerId, email) {
        const a = await vox(this.stripe.accounts.create({ type: 'express', email, metadata: { voxpact_owner_id: ownerId },
            capabilities: { transfers: { requested: true } } }, { idempotencyKey }));
        return a.id;
    }
    async accountLink(accountId, refreshUrl, returnUrl) {
        const l = await vox(this.stripe.accountLinks.create({ account: accountId, type: 'account_onboarding', refresh_url: refreshUrl, return_url: returnUrl }));
        return l.url;
    }
    async retrieveAccount(accountId) {
        const a = await vox(this.stripe.accounts.retrieve(accountId));
        return { id: a.id, charges_enabled: !!a.charges_enabled, payouts_enabled: !!a.payouts_enabled, details_submitted: !!a.details_submitted };
    }
    constructEvent(payload, signature, secret) {
        return this.stripe.webhooks.constructEvent(payload, signature, secret);
    }
    async records(sinceSec) {
        const window = sinceSec ? { created: { gte: sinceSec } } : {};
        const out = [];
        const ref = (m) => m?.voxpact_ref ?? null;
        for await (const pi of this.stripe.paymentIntents.list({ limit: 100, ...window })) {
            if (out.length > MAX_RECORDS)
                break;
            out.push({ id: pi.id, kind: 'charge', amount_cents: pi.amount, status: pi.status, ref: ref(pi.metadata) });
        }
        for await (const r of this.stripe.refunds.list({ limit: 100, ...window })) {
            if (out.length > 2 * MAX_RECORDS)
                break;
            out.push({ id: r.id, kind: 'refund', amount_cents: r.amount, status: r.status ?? 'succeeded', ref: ref(r.metadata) });
        }
        for await (const t of this.stripe.transfers.list({ limit: 100, ...window })) {
            if (out.length > 3 * MAX_RECORDS)
                break;
            out.push({ id: t.id, kind: 'transfer', amount_cents: t.amount, status: t.reversed ? 'reversed' : 'paid', ref: ref(t.metadata) });
        }
        return out;
    }
}
//# sourceMappingURL=stripe.js.map