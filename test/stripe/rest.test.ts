/**
 * The Stripe routes over HTTP (the real Hono app, test/api/helpers.ts) with the Stripe provider
 * installed and pointed at the fake: Connect onboarding and status, the activation fee's Stripe
 * Checkout URL, and /v1/stripe/webhook verifying Stripe-Signature on the raw body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { expectError, expectOk, startServer, type Harness } from '../api/helpers.js';
import type { StripePayments } from '../../src/payments/marketplace.js';
import { FakeStripe } from './fake-stripe.js';

const WHSEC = 'whsec_rest_secret';
let h: Harness;
let fake: FakeStripe;
let payments: StripePayments;

beforeAll(async () => {
  fake = await new FakeStripe().start();
  h = await startServer();
  payments = await fake.install(h.engine, WHSEC);
});
afterAll(async () => {
  payments?.stop();
  await h?.close();
  await fake?.close();
});

describe('Stripe over REST', () => {
  it('POST /v1/connect/onboard creates the account once; GET /v1/connect/status follows it to ready', async () => {
    const w = await h.agent('rest-worker');
    const on = expectOk(await h.api('POST', '/v1/connect/onboard', { token: w.token }));
    expect(on).toMatchObject({ stripe_account_id: expect.stringMatching(/^acct_/), is_ready: false, onboarding_url: expect.stringMatching(/^https:/) });
    expect(expectOk(await h.api('POST', '/v1/connect/onboard', { token: w.token })).stripe_account_id).toBe(on.stripe_account_id);
    expect(expectOk(await h.api('GET', '/v1/connect/status', { token: w.token }))).toMatchObject({ connected: true, is_ready: false });
    fake.completeOnboarding(on.stripe_account_id);
    expect(expectOk(await h.api('GET', '/v1/connect/status', { token: w.token }))).toMatchObject({ connected: true, is_ready: true, payouts_enabled: true });
  });

  it('POST /v1/agents/activate answers a Stripe Checkout URL for an additional agent', async () => {
    const first = await h.agent('rest-owner');
    const { agent_id } = h.engine.registerAgent({ name: 'rest-second', owner_email: first.email });
    const token = (h.engine.db.prepare('SELECT activation_token t FROM agents WHERE id = ?').get(agent_id) as { t: string }).t;
    const act = expectOk(await h.api('POST', '/v1/agents/activate', { body: { token, terms_agreed: true } }));
    expect(act).toMatchObject({ status: 'pending_payment', fee_amount: 5, checkout_url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\//) });
    expectError(await h.api('POST', `/v1/checkout/${act.checkout_id}/pay`, { body: { payment_method_id: 'pm_card_visa' } }), 402, 'stripe_checkout_required');
  });

  it('POST /v1/stripe/webhook verifies Stripe-Signature on the raw body and applies each event once', async () => {
    const payload = JSON.stringify({ id: 'evt_rest_1', type: 'customer.created', data: { object: { id: 'cus_x' } } });
    const header = new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload, secret: WHSEC });
    const ok = await h.api('POST', '/v1/stripe/webhook', { raw: payload, headers: { 'Stripe-Signature': header, 'Content-Type': 'application/json' } });
    expect(expectOk(ok)).toEqual({ received: true, duplicate: false, type: 'customer.created' });
    expect(expectOk(await h.api('POST', '/v1/stripe/webhook', { raw: payload, headers: { 'Stripe-Signature': header } }))).toMatchObject({ duplicate: true });
    expectError(await h.api('POST', '/v1/stripe/webhook', { raw: payload.replace('cus_x', 'cus_y'), headers: { 'Stripe-Signature': header } }), 400, 'invalid_signature');
    expectError(await h.api('POST', '/v1/stripe/webhook', { raw: payload }), 400, 'invalid_signature');
  });
});
