/**
 * The Stripe provider end to end: the real `stripe` package pointed at a local fake of Stripe's
 * REST API (test/stripe/fake-stripe.ts). After every scenario the engine's ledger invariants
 * hold and the ledger reconciles with the provider's record of charges, refunds and transfers.
 * docs/stripe.md: the same scenarios against a real Stripe test account.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { PostJobInput, DeliverInput, OpenDisputeInput, SubmitBidInput } from '../../src/schemas.js';
import { jobIdFor } from '../../src/payments/marketplace.js';
import { reconcile } from '../../src/payments/reconcile.js';
import Stripe from 'stripe';
import { handleStripeWebhook } from '../../src/payments/webhook.js';
import { WHSEC, agent, books, completeJob, confirmKeys, direct, engine, fake, keysTo, payments, pis, provider, ready, setup, useFakeStripe } from './harness.js';

useFakeStripe();

describe('saved cards', () => {
  it('setup → save (attached to one customer per owner) → list → default → delete (detached)', async () => {
    await setup();
    const buyer = agent('buyer');
    const si = await buyer.mp.setupPaymentMethod();
    expect(si.client_secret).toMatch(/^seti_.*_secret_/);
    const visa = await buyer.mp.savePaymentMethod('pm_card_visa');
    const mc = await buyer.mp.savePaymentMethod('pm_card_mastercard', { make_default: true });
    expect(fake.list('customer')).toHaveLength(1);
    await expect(buyer.mp.savePaymentMethod('pm_unknown')).rejects.toMatchObject({ code: 'resource_missing', status: 404, message: expect.stringMatching(/No such PaymentMethod/) });
    expect(visa).toMatchObject({ brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034, is_default: true }); // the first card is the default
    const list = await buyer.mp.listPaymentMethods();
    expect(list.items.map((c) => [c.last4, c.is_default])).toEqual([['4444', true], ['4242', false]]);
    await buyer.mp.deletePaymentMethod(mc.id);
    const stripePm = fake.list('payment_method').find((p) => p.card.last4 === '4444')!;
    expect(stripePm.customer).toBeNull();
    expect((await buyer.mp.listPaymentMethods()).items).toMatchObject([{ last4: '4242', is_default: true }]);
  });
});

describe('escrow on Stripe', () => {
  it('direct job: captured off-session with key capture:<job>, released by a transfer release:<job> of the net amount', async () => {
    await setup();
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_visa');
    await ready(worker);
    const job = await buyer.mp.postJob(direct(worker.id, 20));
    expect(job.status).toBe('funded');
    const [pi] = pis(job.id);
    expect(pi).toMatchObject({ amount: 2000, currency: 'eur', status: 'succeeded', capture_method: 'automatic', transfer_group: `job_${job.id}`, metadata: { voxpact_ref: `capture:${job.id}` } });
    expect(keysTo('/v1/payment_intents')).toEqual([`capture:${job.id}`]);
    await books();

    await worker.mp.acceptJob(job.id);
    await worker.mp.startJob(job.id);
    await worker.mp.deliverJob(job.id, DeliverInput.parse({ content: 'done' }));
    const done = await buyer.mp.approveJob(job.id);
    expect(done.status).toBe('completed');
    const [tr] = fake.list('transfer');
    const net = (engine.db.prepare('SELECT worker_payout_cents n FROM jobs WHERE id = ?').get(job.id) as { n: number }).n;
    expect(tr).toMatchObject({ amount: net, transfer_group: `job_${job.id}`, metadata: { voxpact_ref: `payout:release:${job.id}` } });
    expect(keysTo('/v1/transfers')).toEqual([`release:${job.id}`]);
    expect(engine.db.prepare("SELECT balance_cents b FROM balances WHERE account = 'payable:' || ?").get(worker.id)).toEqual({ b: 0 });
    await books();
  });

  it('declined card: pending_payment + payment.failed; a new card confirms the same PaymentIntent again under a new key (no replayed decline, no second PaymentIntent)', async () => {
    await setup();
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_chargeDeclinedInsufficientFunds');
    const job = await buyer.mp.postJob(direct(worker.id, 15));
    expect(job.status).toBe('pending_payment');
    expect(job.payment_error).toMatch(/insufficient_funds/);
    const ev = engine.db.prepare("SELECT payload FROM events WHERE event = 'payment.failed' AND job_id = ?").get(job.id) as { payload: string };
    expect(JSON.parse(ev.payload).payment_intent_id).toBe(pis(job.id)[0].id);
    await books();

    const saved = await buyer.mp.savePaymentMethod('pm_card_visa', { make_default: true });
    expect(saved.retried_jobs).toEqual([job.id]);
    expect((await buyer.mp.getJob(job.id)).status).toBe('funded');
    expect(keysTo('/v1/payment_intents')).toEqual([`capture:${job.id}`]);
    expect(confirmKeys(job.id)).toEqual([`capture:${job.id}:confirm1`, `capture:${job.id}:confirm2`]);
    expect(pis(job.id).map((p) => [p.status, p.payment_method_types])).toEqual([['succeeded', ['card']]]);
    await books();
  });

  it('accept_bid: captured at the bid price; a decline refuses the accept and changes nothing', async () => {
    await setup();
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_chargeDeclined');
    const open = await buyer.mp.postJob(PostJobInput.parse({ title: 'Open job here', task_spec: { description: 'x' }, amount: 30, job_type: 'open' }));
    const bid = await worker.mp.submitBid(open.id, SubmitBidInput.parse({ proposed_price: 25 }));
    await expect(buyer.mp.acceptBid(bid.id)).rejects.toMatchObject({ code: 'generic_decline' });
    expect((await buyer.mp.getJob(open.id)).status).toBe('open');
    await books();
    await buyer.mp.savePaymentMethod('pm_card_visa', { make_default: true });
    const r = await buyer.mp.acceptBid(bid.id);
    expect(r.job.status).toBe('accepted');
    expect(pis(open.id).filter((p) => p.status === 'succeeded').map((p) => p.amount)).toEqual([2500]);
    expect(keysTo('/v1/payment_intents')).toEqual([`capture:${open.id}`]);
    expect(confirmKeys(open.id)).toEqual([`capture:${open.id}:confirm1`, `capture:${open.id}:confirm2`]);
    await books();
  });

  it('cancellations: full refund (refund:<job>), 5 % fee kept, 25 % compensation transferred to the worker', async () => {
    await setup();
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_visa');
    await ready(worker);
    const a = await buyer.mp.postJob(direct(worker.id, 20));
    await buyer.mp.cancelJob(a.id, {});
    const b = await buyer.mp.postJob(direct(worker.id, 20));
    await worker.mp.acceptJob(b.id);
    await buyer.mp.cancelJob(b.id, {});
    const c = await buyer.mp.postJob(direct(worker.id, 20));
    await worker.mp.acceptJob(c.id);
    await worker.mp.startJob(c.id);
    await buyer.mp.cancelJob(c.id, {});
    const refunds = fake.list('refund');
    expect(refunds.map((r) => [r.metadata.job_id, r.amount])).toEqual([[a.id, 2000], [b.id, 1900], [c.id, 1500]]);
    expect(keysTo('/v1/refunds')).toEqual([`refund:${a.id}`, `refund:cancel:${b.id}`, `refund:cancel:${c.id}`]);
    expect(fake.list('transfer').map((t) => [t.amount, t.metadata.voxpact_ref])).toEqual([[500, `payout:compensation:${c.id}`]]);
    await books();
  });

  it('dispute split by an operator (outside any agent call): the settle pass refunds the buyer\'s part and transfers the worker\'s net', async () => {
    await setup();
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_visa');
    await ready(worker);
    const job = await buyer.mp.postJob(direct(worker.id, 50));
    await worker.mp.acceptJob(job.id);
    await worker.mp.startJob(job.id);
    await worker.mp.deliverJob(job.id, DeliverInput.parse({ content: 'done' }));
    const d = await buyer.mp.openDispute(job.id, OpenDisputeInput.parse({ reason: 'Half of the work is missing here.' }));
    engine.judging.resolveDispute(d.id, { ruling: 'split', worker_share_percent: 60 });
    expect(fake.list('refund')).toEqual([]); // booked in the ledger, not yet pushed
    expect(await payments.settle()).toMatchObject({ refunds: 1, transfers: 1 });
    const net = (engine.db.prepare('SELECT worker_payout_cents n FROM jobs WHERE id = ?').get(job.id) as { n: number }).n;
    expect(fake.list('refund').map((r) => r.amount)).toEqual([2000]);
    expect(fake.list('transfer').map((t) => t.amount)).toEqual([net]);
    expect(keysTo('/v1/refunds')).toEqual([`refund:dispute_split:${job.id}`]);
    expect(keysTo('/v1/transfers')).toEqual([`dispute_split:${job.id}`]);
    await books();
  });

  it('a worker without a ready account: payout waits (pending_retry, told once), then is paid when connect_status shows ready', async () => {
    await setup();
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_visa');
    const job = await completeJob(buyer, worker);
    expect(job.status).toBe('completed');
    expect(fake.list('transfer')).toEqual([]);
    const waiting = engine.db.prepare("SELECT payload FROM events WHERE event = 'job.completed' AND agent_id = ?").all(worker.id) as { payload: string }[];
    expect(waiting.map((w) => JSON.parse(w.payload))).toMatchObject([{ job_id: job.id, payout_status: 'pending_retry' }]);
    await books(); // payable holds exactly what waits

    const onboard = await payments.connectOnboard(worker.id);
    expect(onboard).toMatchObject({ is_ready: false, stripe_account_id: expect.stringMatching(/^acct_/), onboarding_url: expect.stringMatching(/^https:\/\//) });
    expect((await payments.connectOnboard(worker.id)).stripe_account_id).toBe(onboard.stripe_account_id); // created once
    expect(fake.list('account')).toHaveLength(1);
    await payments.settle(); // still not ready: waits, not told twice
    expect(fake.list('transfer')).toEqual([]);
    expect((engine.db.prepare("SELECT COUNT(*) n FROM events WHERE event = 'job.completed' AND agent_id = ?").get(worker.id) as { n: number }).n).toBe(1);

    expect((await worker.mp.getDashboard()).connect).toEqual({ connected: true, is_ready: false });
    fake.down = true; // Stripe failing: the dashboard still answers (best-effort)
    expect((await worker.mp.getDashboard()).connect).toEqual({ connected: true, is_ready: false });
    fake.down = false;
    fake.completeOnboarding(onboard.stripe_account_id);
    fake.down = true; // Stripe failing: the dashboard still answers with the last known flags (best-effort)
    expect((await worker.mp.getDashboard()).connect).toEqual({ connected: true, is_ready: false });
    fake.down = false;
    expect(await payments.connectStatus(worker.id)).toMatchObject({ connected: true, is_ready: true, payouts_enabled: true });
    expect(fake.list('transfer')).toMatchObject([{ destination: onboard.stripe_account_id, metadata: { voxpact_ref: `payout:release:${job.id}` } }]);
    await payments.settle(); // nothing twice
    expect(fake.list('transfer')).toHaveLength(1);
    await books();
  });
});

describe('timeouts and retries: the same idempotency key never charges twice', () => {
  it('the client times out, the stripe client retries with the same Idempotency-Key: one PaymentIntent', async () => {
    await setup({ timeoutMs: 300, maxNetworkRetries: 2 });
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_visa');
    fake.hangNext('/v1/payment_intents', 1_000);
    const job = await buyer.mp.postJob(direct(worker.id, 12));
    expect(job.status).toBe('funded');
    expect(keysTo('/v1/payment_intents')).toEqual([`capture:${job.id}`, `capture:${job.id}`]);
    expect(pis(job.id)).toHaveLength(1);
    await books();
  });

  it('the call fails on the timeout; the caller retries post_job with its idempotency_key: the same PaymentIntent is booked once', async () => {
    await setup({ timeoutMs: 300, maxNetworkRetries: 0 });
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_visa');
    fake.hangNext('/v1/payment_intents', 1_000);
    await expect(buyer.mp.postJob(direct(worker.id, 12, 'post-1'))).rejects.toMatchObject({ code: 'payment_provider_unavailable', status: 503 });
    const jobId = jobIdFor(buyer.id, 'post-1');
    expect(pis(jobId)).toHaveLength(1); // Stripe charged; the ledger has nothing yet
    expect(engine.db.prepare('SELECT 1 FROM jobs WHERE id = ?').get(jobId)).toBeUndefined();
    const job = await buyer.mp.postJob(direct(worker.id, 12, 'post-1'));
    expect(job.id).toBe(jobId);
    expect(pis(jobId)).toHaveLength(1);
    expect(keysTo('/v1/payment_intents')).toEqual([`capture:${jobId}`, `capture:${jobId}`]);
    const again = await buyer.mp.postJob(direct(worker.id, 12, 'post-1')); // the engine's stored answer: no Stripe call
    expect(again.id).toBe(jobId);
    expect(keysTo('/v1/payment_intents')).toHaveLength(2);
    await books();
  });

  it('a charge whose booking cannot commit (the job changed meanwhile) is refunded, and reconciliation says so', async () => {
    await setup();
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_visa');
    const open = await buyer.mp.postJob(PostJobInput.parse({ title: 'Open job here', task_spec: { description: 'x' }, amount: 30, job_type: 'open' }));
    const bid = await worker.mp.submitBid(open.id, SubmitBidInput.parse({ proposed_price: 25 }));
    fake.hangNext('/v1/payment_intents', 300);
    const accepting = buyer.mp.acceptBid(bid.id);
    await new Promise((r) => setTimeout(r, 100));
    await buyer.mp.cancelJob(open.id, {}); // while the charge is in flight
    await expect(accepting).rejects.toMatchObject({ code: 'invalid_status' });
    const [pi] = pis(open.id);
    expect(fake.list('refund')).toMatchObject([{ payment_intent: pi.id, amount: 2500 }]);
    await books();
  });
});

describe('reconciliation', () => {
  it('finds a provider charge the ledger does not know, and a transfer without a ledger payout', async () => {
    await setup();
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_visa');
    await ready(worker);
    await completeJob(buyer, worker);
    await books();
    const cus = fake.list('customer')[0].id;
    const pm = fake.list('payment_method')[0].id;
    const stray = await provider.createIntent({ idempotencyKey: 'stray', amountCents: 700, customerId: cus, paymentMethodId: pm, transferGroup: 'job_x', metadata: { voxpact_ref: 'capture:stray' } });
    await provider.confirmIntent(stray, pm, 'stray-confirm');
    fake.fundsAvailable();
    await provider.transfer({ idempotencyKey: 'stray-t', destination: fake.list('account')[0].id, amountCents: 100, transferGroup: 'job_x', metadata: { voxpact_ref: 'payout:release:stray' } });
    const diff = reconcile(engine.db, await provider.records());
    expect(diff).toHaveLength(2);
    expect(diff.join('\n')).toMatch(/capture:stray.*not in the ledger/);
    expect(diff.join('\n')).toMatch(/payout:release:stray.*no ledger payout/);
  });
});

describe('/v1/stripe/webhook', () => {
  const signed = (event: object, secret = WHSEC) => {
    const payload = JSON.stringify(event);
    return { payload, header: new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload, secret }) };
  };

  it('verifies Stripe-Signature, applies account.updated once (paying what waited), ignores a replay', async () => {
    await setup();
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_visa');
    const onboard = await payments.connectOnboard(worker.id);
    await completeJob(buyer, worker);
    expect(fake.list('transfer')).toEqual([]);

    const forged = signed({ id: 'evt_1', type: 'account.updated', data: { object: { id: onboard.stripe_account_id } } }, 'whsec_wrong');
    await expect(handleStripeWebhook(engine, forged.payload, forged.header)).rejects.toMatchObject({ code: 'invalid_signature', status: 400 });
    await expect(handleStripeWebhook(engine, forged.payload, undefined)).rejects.toMatchObject({ code: 'invalid_signature' });

    const account = fake.completeOnboarding(onboard.stripe_account_id);
    const ev = signed({ id: 'evt_2', type: 'account.updated', data: { object: account } });
    expect(await handleStripeWebhook(engine, ev.payload, ev.header)).toEqual({ received: true, duplicate: false, type: 'account.updated' });
    expect(fake.list('transfer')).toHaveLength(1);
    expect(await handleStripeWebhook(engine, ev.payload, ev.header)).toMatchObject({ duplicate: true });
    expect(fake.list('transfer')).toHaveLength(1);
    await books();
  });

  it('the activation fee of a second agent is paid on Stripe Checkout: checkout.session.completed activates it once', async () => {
    await setup();
    const first = agent('owner-first');
    const email = (engine.db.prepare('SELECT o.email FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.id = ?').get(first.id) as { email: string }).email;
    const { agent_id } = engine.registerAgent({ name: 'second', owner_email: email });
    const token = (engine.db.prepare('SELECT activation_token t FROM agents WHERE id = ?').get(agent_id) as { t: string }).t;
    const act = engine.activate(token, true);
    expect(act).toMatchObject({ status: 'pending_payment', fee_amount: 5 });
    const co = await payments.activationCheckout(act.checkout_id!, 'http://127.0.0.1:8787');
    expect(co.checkout_url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    expect((await payments.activationCheckout(act.checkout_id!, 'http://127.0.0.1:8787')).checkout_session_id).toBe(co.checkout_session_id); // same key, same session
    expect(() => engine.payCheckout(act.checkout_id!, 'pm_card_visa')).toThrow(/Stripe Checkout/); // no side door around Stripe

    const session = fake.completeCheckout(co.checkout_session_id);
    const ev = signed({ id: 'evt_cs', type: 'checkout.session.completed', data: { object: session } });
    await handleStripeWebhook(engine, ev.payload, ev.header);
    expect(engine.db.prepare('SELECT status FROM agents WHERE id = ?').get(agent_id)).toEqual({ status: 'active' });
    expect(engine.ledgerSummary()).toMatchObject({ platform: 5 });
    const again = signed({ id: 'evt_cs2', type: 'checkout.session.completed', data: { object: session } }); // Stripe may send it twice under another id
    await handleStripeWebhook(engine, again.payload, again.header);
    expect((engine.db.prepare("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'activation_fee'").get() as { n: number }).n).toBe(1);
    await books();
  });

  it('KYC: start a Stripe Identity session for the owner; identity.verification_session.verified records the outcome', async () => {
    await setup();
    const a = agent('kyc');
    const owner = (engine.db.prepare('SELECT owner_id o FROM agents WHERE id = ?').get(a.id) as { o: string }).o;
    const started = await payments.startKyc(owner, 'http://127.0.0.1:8787');
    expect(started).toMatchObject({ status: 'requires_input', url: expect.stringMatching(/^https:\/\/verify\.stripe\.com\//) });
    const ev = signed({ id: 'evt_kyc', type: 'identity.verification_session.verified', data: { object: { id: started.verification_session_id } } });
    await handleStripeWebhook(engine, ev.payload, ev.header);
    expect(engine.db.prepare('SELECT status FROM stripe_kyc WHERE owner_id = ?').get(owner)).toEqual({ status: 'verified' });
    expect(await payments.startKyc(owner, 'http://127.0.0.1:8787')).toMatchObject({ status: 'verified', url: null });
    expect(fake.list('identity.verification_session')).toHaveLength(1);
  });

  it('payment_intent.payment_failed marks the provider call; unknown types are acknowledged', async () => {
    await setup();
    const buyer = agent('buyer');
    const worker = agent('worker');
    await buyer.mp.savePaymentMethod('pm_card_chargeDeclined');
    const job = await buyer.mp.postJob(direct(worker.id));
    const [pi] = pis(job.id);
    const ev = signed({ id: 'evt_3', type: 'payment_intent.payment_failed', data: { object: { id: pi.id, last_payment_error: { message: 'Your card was declined.' } } } });
    expect(await handleStripeWebhook(engine, ev.payload, ev.header)).toMatchObject({ duplicate: false });
    expect(engine.db.prepare('SELECT status FROM provider_calls WHERE object_id = ?').get(pi.id)).toEqual({ status: 'failed' });
    const other = signed({ id: 'evt_4', type: 'charge.refund.updated', data: { object: { id: 're_x' } } });
    expect(await handleStripeWebhook(engine, other.payload, other.header)).toMatchObject({ type: 'charge.refund.updated' });
    await books();
  });
});

describe('the embedded provider stays the default', () => {
  it('without STRIPE_SECRET_KEY nothing is installed, stripe is not loaded, connect answers honestly', async () => {
    const { paymentsFromEnv } = await import('../../src/payments/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'voxpact-embedded-'));
    const e = Engine.open({ dbPath: join(dir, 'voxpact.db') });
    try {
      expect(await paymentsFromEnv(e, {})).toBeNull();
      expect(e.ctx.payments).toBeUndefined();
      const { agent_id } = e.createLocalAgent({ name: 'solo', owner_email: 'solo@example.com', card: 'pm_card_visa' });
      const mp = e.as(agent_id);
      expect(await mp.connectStatus()).toMatchObject({ connected: true, is_ready: true, stripe_account_id: null, message: expect.stringMatching(/simulated bank account/) });
      expect(await mp.connectOnboard()).toMatchObject({ is_ready: true, onboarding_url: null });
      await expect(handleStripeWebhook(e, '{}', 't=1,v1=x')).rejects.toMatchObject({ code: 'stripe_not_configured', status: 404 });
    } finally {
      e.close();
    }
  });

  it('STRIPE_SECRET_KEY installs the Stripe provider (pointed at the fake with STRIPE_API_*)', async () => {
    const { paymentsFromEnv } = await import('../../src/payments/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'voxpact-env-'));
    const e = Engine.open({ dbPath: join(dir, 'voxpact.db') });
    const p = await paymentsFromEnv(e, { STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: String(fake.port), STRIPE_API_PROTOCOL: 'http' });
    try {
      expect(p).not.toBeNull();
      const { agent_id } = e.createLocalAgent({ name: 'solo', owner_email: 'solo2@example.com' });
      expect((await e.as(agent_id).connectOnboard()).stripe_account_id).toMatch(/^acct_/);
    } finally {
      p?.stop();
      e.close();
    }
  });
});
