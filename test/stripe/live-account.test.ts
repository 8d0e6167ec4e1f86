/**
 * Stripe as a live account behaves (issue 16), each situation against the fake answering as
 * Stripe does, each scenario ending with the ledger reconciled against the fake's records.
 * docs/stripe.md lists the situations and what the operator sees.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/payments/reconcile.js';
import { PostJobInput, SubmitBidInput } from '../../src/schemas.js';
import { DISPUTE_FEE, cardFee } from './fake-stripe.js';
import {
  agent, books, buyerAndWorker, clock, completeJob, confirmKeys, deliver, direct, engine, fake, keysTo, payments, pis, provider, ready, row, rows, send, setup, useFakeStripe,
} from './harness.js';

useFakeStripe();

const balance = (account: string) => (row<{ b: number }>('SELECT balance_cents b FROM balances WHERE account = ?', account)?.b ?? 0);
const status = (jobId: string) => row<{ status: string }>('SELECT status FROM jobs WHERE id = ?', jobId).status;
const netOf = (jobId: string) => row<{ n: number }>('SELECT worker_payout_cents n FROM jobs WHERE id = ?', jobId).n;

describe('1. chargebacks', () => {
  it('a dispute on a held job freezes it (no release, no refund), books the amount and the fee; won: unfrozen, finished and paid as usual', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_createDispute');
    const job = await deliver(buyer, worker, 20);
    const [pi] = pis(job.id);

    const dp = fake.openDispute(pi.id);
    expect(await send('charge.dispute.created', dp)).toMatchObject({ duplicate: false });
    expect(status(job.id)).toBe('frozen');
    await expect(buyer.mp.approveJob(job.id)).rejects.toMatchObject({ code: 'job_frozen' });
    await expect(buyer.mp.cancelJob(job.id, {})).rejects.toMatchObject({ code: 'job_frozen' });
    const told = rows<{ agent_id: string; payload: string }>("SELECT agent_id, payload FROM events WHERE event = 'job.frozen' AND job_id = ?", job.id);
    expect(told.map((t) => t.agent_id).sort()).toEqual([buyer.id, worker.id].sort());
    expect(JSON.parse(told[0].payload).reason).toContain(dp.id);
    expect([balance('stripe:disputes'), balance('stripe:fees'), balance('expense:chargebacks'), balance('expense:stripe_fees')]).toEqual([2000, DISPUTE_FEE + cardFee(2000), -2000 - DISPUTE_FEE, -cardFee(2000)]);
    expect(fake.list('transfer')).toEqual([]);
    expect((await provider.records()).find((r) => r.id === pi.id)).toMatchObject({ fee_cents: cardFee(2000), charge_id: pi.latest_charge }); // reconciled with the booked fee
    await books();

    expect(await send('charge.dispute.closed', fake.closeDispute(dp.id, 'won'))).toMatchObject({ duplicate: false });
    expect(status(job.id)).toBe('delivered');
    expect([balance('stripe:disputes'), balance('expense:chargebacks')]).toEqual([0, -DISPUTE_FEE]); // Stripe keeps its dispute fee
    await buyer.mp.approveJob(job.id);
    expect(fake.list('transfer').map((t) => t.amount)).toEqual([netOf(job.id)]);
    await books();
  });

  it('a dispute after the payout reverses the transfer; lost: the platform keeps the fee and what the reversal did not recover', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_createDispute');
    const job = await completeJob(buyer, worker, 50);
    const [tr] = fake.list('transfer');
    const net = netOf(job.id);
    expect(tr.amount).toBe(net);

    const dp = fake.openDispute(pis(job.id)[0].id);
    await send('charge.dispute.created', dp);
    expect(status(job.id)).toBe('completed'); // a finished job is not frozen; its money is taken back
    expect(fake.objects.get(tr.id)).toMatchObject({ reversed: true, amount_reversed: net });
    expect(keysTo(`/v1/transfers/${tr.id}/reversals`)).toEqual([expect.stringMatching(new RegExp(`^reversal:${tr.id}:\\d+$`))]);
    expect(balance(`payout:${worker.id}`)).toBe(0);
    await send('charge.dispute.created', dp); // Stripe delivers twice under another event id: booked once
    expect(keysTo(`/v1/transfers/${tr.id}/reversals`)).toHaveLength(1);
    await books();

    await send('charge.dispute.closed', fake.closeDispute(dp.id, 'lost'));
    expect(row('SELECT status FROM stripe_disputes WHERE id = ?', dp.id)).toEqual({ status: 'lost' });
    expect(balance('expense:chargebacks')).toBe(-5000 - DISPUTE_FEE + net);
    await books();
  });

  it('won after the reversal: the worker is owed the reversed payout again and paid by a new transfer', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_bypassPending');
    const job = await completeJob(buyer, worker, 30);
    const dp = fake.openDispute(pis(job.id)[0].id);
    await send('charge.dispute.created', dp);
    await send('charge.dispute.closed', fake.closeDispute(dp.id, 'won'));
    const net = netOf(job.id);
    expect(fake.list('transfer').map((t) => [t.amount, t.metadata.voxpact_ref])).toEqual([[net, `payout:release:${job.id}`], [net, `payout:repay:${dp.id}`]]);
    expect(balance(`payout:${worker.id}`)).toBe(net);
    expect(balance('expense:chargebacks')).toBe(-DISPUTE_FEE);
    await books();
  });

  it('lost on a frozen job: the operator unfreezes it and the buyer cancels; the refund Stripe refuses is covered by the chargeback', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_createDispute');
    const job = await buyer.mp.postJob(direct(worker.id, 20));
    const dp = fake.openDispute(pis(job.id)[0].id);
    await send('charge.dispute.created', dp);
    await send('charge.dispute.closed', fake.closeDispute(dp.id, 'lost'));
    expect(status(job.id)).toBe('frozen');
    engine.unfreezeJob(job.id, 'chargeback lost: the bank refunded the buyer');
    await buyer.mp.cancelJob(job.id, {});
    expect(row('SELECT status, error FROM provider_calls WHERE idempotency_key = ?', `refund:${job.id}`)).toEqual({ status: 'covered', error: `covered by chargeback ${dp.id}` });
    expect(fake.list('refund')).toEqual([]);
    expect([balance('stripe:disputes'), balance('expense:chargebacks')]).toEqual([0, -DISPUTE_FEE]);
    await books();
  });

  it('a dispute of a charge this platform did not make (another integration on the account) is ignored', async () => {
    await buyerAndWorker('pm_card_visa', { ready: false });
    const cus = fake.list('customer')[0].id;
    const pm = fake.list('payment_method')[0].id;
    const foreign = await provider.createIntent({ idempotencyKey: 'foreign', amountCents: 900, customerId: cus, paymentMethodId: pm, transferGroup: 'x', metadata: {} });
    await provider.confirmIntent(foreign, pm, 'foreign-confirm');
    await send('charge.dispute.created', fake.openDispute(foreign));
    expect(rows('SELECT 1 FROM stripe_disputes')).toEqual([]);
    expect(balance('expense:chargebacks')).toBe(0);
    await books();
  });

  it('a payout still waiting for the worker\'s account is held while the charge is disputed', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_visa', { ready: false });
    const job = await completeJob(buyer, worker, 20);
    const dp = fake.openDispute(pis(job.id)[0].id);
    await send('charge.dispute.created', dp);
    await ready(worker);
    await payments.settle();
    expect(fake.list('transfer')).toEqual([]);
    expect(row('SELECT held_by FROM stripe_payouts WHERE job_id = ?', job.id)).toEqual({ held_by: dp.id });
    await send('charge.dispute.closed', fake.closeDispute(dp.id, 'won'));
    expect(fake.list('transfer').map((t) => t.amount)).toEqual([netOf(job.id)]);
    await books();
  });
});

describe('2. one refund Stripe refuses does not stop the others, nor any payout', () => {
  it('refunded by hand in the Dashboard (adopted), a 500 replayed for its key (retried with back-off under a new key), a payout in the same pass', async () => {
    await setup();
    const [a, b, c, worker] = [agent('buyer-a'), agent('buyer-b'), agent('buyer-c'), agent('worker')];
    for (const x of [a, b, c]) await x.mp.savePaymentMethod('pm_card_visa');
    await ready(worker);
    const ja = await a.mp.postJob(direct(worker.id, 10));
    const jb = await b.mp.postJob(direct(worker.id, 11));
    const jc = await deliver(c, worker, 12);
    fake.dashboardRefund(pis(ja.id)[0].id); // the operator refunded A in the Dashboard
    await a.mp.cancelJob(ja.id, {}); // A's refund: already refunded
    fake.failNext('/v1/refunds'); // B's: Stripe fails (500), and replays that 500 for its key
    await b.mp.cancelJob(jb.id, {});
    await c.mp.approveJob(jc.id);
    expect(fake.list('transfer').map((t) => t.metadata.voxpact_ref)).toEqual([`payout:release:${jc.id}`]);

    const refund = (jobId: string) => row('SELECT status, error, next_retry_at FROM provider_calls WHERE idempotency_key = ?', `refund:${jobId}`);
    expect(refund(ja.id)).toMatchObject({ status: 'succeeded' });
    expect(refund(jb.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^payment_provider_error/), next_retry_at: clock.now() + 60_000 });
    expect(fake.list('refund').find((r) => r.payment_intent === pis(ja.id)[0].id)!.metadata).toMatchObject({ voxpact_ref: `refund:${ja.id}` });

    await payments.settle(); // not yet due
    expect(keysTo('/v1/refunds').filter((k) => k?.startsWith(`refund:${jb.id}`))).toEqual([`refund:${jb.id}`]);
    clock.advance(61_000);
    expect(await payments.settle()).toMatchObject({ refunds: 1, failed: 0 });
    expect(keysTo('/v1/refunds').filter((k) => k?.startsWith(`refund:${jb.id}`))).toEqual([`refund:${jb.id}`, `refund:${jb.id}:retry1`]);
    await books();
  });

  it('a refund refused for good (charge_disputed) is recorded and not retried; the other buyer\'s refund and the worker\'s transfer go through', async () => {
    await setup();
    const [a, b, worker] = [agent('buyer-a'), agent('buyer-b'), agent('worker')];
    await a.mp.savePaymentMethod('pm_card_visa');
    await b.mp.savePaymentMethod('pm_card_visa');
    await ready(worker);
    const ja = await a.mp.postJob(direct(worker.id, 10));
    const jb = await b.mp.postJob(direct(worker.id, 11));
    const jc = await deliver(b, worker, 12);
    fake.openDispute(pis(ja.id)[0].id); // Stripe knows of the dispute; its webhook has not arrived yet
    await a.mp.cancelJob(ja.id, {});
    await b.mp.cancelJob(jb.id, {});
    await b.mp.approveJob(jc.id);
    const r = row('SELECT status, error, next_retry_at FROM provider_calls WHERE idempotency_key = ?', `refund:${ja.id}`);
    expect(r).toMatchObject({ status: 'failed', error: expect.stringMatching(/^charge_disputed: /), next_retry_at: null });
    expect(fake.list('refund').map((x) => x.metadata.voxpact_ref)).toEqual([`refund:${jb.id}`]);
    expect(fake.list('transfer').map((x) => x.metadata.voxpact_ref)).toEqual([`payout:release:${jc.id}`]);
    clock.advance(86_400_000);
    await payments.settle();
    expect(keysTo('/v1/refunds').filter((k) => k?.startsWith(`refund:${ja.id}`))).toHaveLength(1); // final: not retried by itself

    // The dispute's webhook arrives: the bank gave A the money back, which is the refund the ledger owed.
    await send('charge.dispute.created', fake.list('dispute')[0]);
    expect(row('SELECT status FROM provider_calls WHERE idempotency_key = ?', `refund:${ja.id}`)).toEqual({ status: 'covered' });
    expect([balance('stripe:disputes'), balance('expense:chargebacks')]).toEqual([0, -DISPUTE_FEE]);
    await books();
  });
});

describe('3. transfers are funded by their job\'s charge (source_transaction)', () => {
  it('card funds still pending: the release transfer goes through with source_transaction; without it Stripe refuses balance_insufficient', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_visa', { ready: false });
    const { stripe_account_id } = await ready(worker);
    const job = await completeJob(buyer, worker, 40);
    expect(fake.balance.available).toBe(0);
    const [tr] = fake.list('transfer');
    expect(tr).toMatchObject({ amount: netOf(job.id), source_transaction: pis(job.id)[0].latest_charge });
    await expect(provider.transfer({ idempotencyKey: 'no-source', destination: stripe_account_id, amountCents: 100, transferGroup: 'x', metadata: {} }))
      .rejects.toMatchObject({ code: 'balance_insufficient', status: 400 });
    await books();
  });
});

describe('4. never a second charge for one capture', () => {
  it('processing is pending, not a decline: a new card does not charge again; payment_intent.succeeded funds the job', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_visa', { ready: false });
    fake.processNext();
    const job = await buyer.mp.postJob(direct(worker.id, 25));
    expect(job).toMatchObject({ status: 'pending_payment', payment_error: expect.stringMatching(/^payment_processing/) });
    await buyer.mp.savePaymentMethod('pm_card_mastercard', { make_default: true }); // retries pending jobs: reads the PaymentIntent, does not confirm it again
    expect(confirmKeys(job.id)).toEqual([`capture:${job.id}:confirm1`]);
    expect(status(job.id)).toBe('pending_payment');

    const pi = fake.settleProcessing(pis(job.id)[0].id, true);
    await send('payment_intent.succeeded', pi);
    expect(status(job.id)).toBe('funded');
    expect(pis(job.id)).toHaveLength(1);
    expect(fake.list('charge')).toHaveLength(1);
    await books();
  });

  it('a payment that succeeds after its job was cancelled is refunded (the refund is owed in the database first)', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_visa', { ready: false });
    fake.processNext();
    const job = await buyer.mp.postJob(direct(worker.id, 25));
    await buyer.mp.cancelJob(job.id, {});
    fake.failNext('/v1/refunds');
    await send('payment_intent.succeeded', fake.settleProcessing(pis(job.id)[0].id, true));
    expect(row('SELECT status, ledger_ref FROM provider_calls WHERE kind = \'refund\'')).toEqual({ status: 'failed', ledger_ref: `unbooked:capture:${job.id}` });
    clock.advance(61_000);
    await payments.settle();
    expect(fake.list('refund').map((r) => r.amount)).toEqual([2500]);
    await books();
  });

  it('an open job\'s other bid after a decline: the first PaymentIntent is canceled, the new amount gets its own', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_chargeDeclined', { ready: false });
    const other = agent('worker-2');
    const open = await buyer.mp.postJob(PostJobInput.parse({ title: 'Open job here', task_spec: { description: 'x' }, amount: 30, job_type: 'open' }));
    const a = await worker.mp.submitBid(open.id, SubmitBidInput.parse({ proposed_price: 25 }));
    const b = await other.mp.submitBid(open.id, SubmitBidInput.parse({ proposed_price: 20 }));
    await expect(buyer.mp.acceptBid(a.id)).rejects.toMatchObject({ code: 'generic_decline' });
    await buyer.mp.savePaymentMethod('pm_card_visa', { make_default: true });
    await buyer.mp.acceptBid(b.id);
    expect(pis(open.id).map((p) => [p.amount, p.status])).toEqual([[2500, 'canceled'], [2000, 'succeeded']]);
    await expect(buyer.mp.acceptBid(a.id)).rejects.toMatchObject({ code: 'invalid_status' }); // nothing more is charged
    expect(fake.list('charge')).toHaveLength(1);
    await books();
  });

  it('payment_intent.payment_failed of a processing payment tells the buyer', async () => {
    await setup();
    const buyer = agent('buyer');
    await buyer.mp.savePaymentMethod('pm_card_visa');
    fake.processNext();
    const job = await buyer.mp.postJob(direct(agent('worker').id, 9));
    await send('payment_intent.payment_failed', fake.settleProcessing(pis(job.id)[0].id, false));
    expect(row('SELECT payment_error FROM jobs WHERE id = ?', job.id).payment_error).toMatch(/^payment_failed: Your card was declined/);
    expect(rows("SELECT 1 FROM events WHERE event = 'payment.failed' AND job_id = ?", job.id)).toHaveLength(2);
    await books();
  });

  it('a retry more than 24 h later (Stripe forgot the key) reads the stored PaymentIntent instead of charging again', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_visa', { ready: false, timeoutMs: 300, maxNetworkRetries: 0 });
    fake.hangNext('/v1/payment_intents/', 1_000); // the confirmation charges, but its answer never arrives
    await expect(buyer.mp.postJob(direct(worker.id, 12, 'post-24h'))).rejects.toMatchObject({ code: 'payment_provider_unavailable' });
    fake.advance(25 * 3_600_000);
    const job = await buyer.mp.postJob(direct(worker.id, 12, 'post-24h'));
    expect(job.status).toBe('funded');
    expect(pis(job.id)).toHaveLength(1);
    expect(fake.list('charge')).toHaveLength(1);
    expect(keysTo('/v1/payment_intents')).toEqual([`capture:${job.id}`]);
    await books();
  });

  it('a 500 is replayed for its key: the next create and the next confirmation use new keys, one PaymentIntent is charged', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_visa', { ready: false });
    fake.failNext('/v1/payment_intents');
    await expect(buyer.mp.postJob(direct(worker.id, 12, 'k500'))).rejects.toMatchObject({ code: 'payment_provider_error', status: 503 });
    fake.failNext(/\/confirm$/);
    await expect(buyer.mp.postJob(direct(worker.id, 12, 'k500'))).rejects.toMatchObject({ code: 'payment_provider_error' });
    const job = await buyer.mp.postJob(direct(worker.id, 12, 'k500'));
    expect(job.status).toBe('funded');
    expect(keysTo('/v1/payment_intents')).toEqual([`capture:${job.id}`, `capture:${job.id}:create1`]);
    expect(confirmKeys(job.id)).toEqual([`capture:${job.id}:confirm2`, `capture:${job.id}:confirm3`]); // attempts 2 and 3 (the first was the failed create)
    expect(pis(job.id).map((p) => p.status)).toEqual(['succeeded']);
    await books();
  });
});

describe('5. 3-D Secure off-session', () => {
  it('authentication_required: the tool answer and the notification carry Stripe\'s 3-D Secure page; the webhook funds the job once', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_authenticationRequired', { ready: false });
    const job = await buyer.mp.postJob(direct(worker.id, 30));
    const [pi] = pis(job.id);
    expect(job.status).toBe('pending_payment');
    expect(job.payment_error).toMatch(new RegExp(`^authentication_required: .*https://hooks\\.stripe\\.com/3d_secure_2/hosted\\?payment_intent=${pi.id}`));
    const note = row<{ message: string }>("SELECT message FROM notifications WHERE type = 'payment_failed' AND job_id = ?", job.id);
    expect(note.message).toContain(`payment_intent=${pi.id}`);
    expect(fake.requests.filter((r) => r.path.endsWith('/confirm')).map((r) => [r.params.off_session, r.params.return_url])).toEqual([['true', undefined], [undefined, 'https://voxpact.com/dashboard']]);

    await send('payment_intent.succeeded', fake.authenticate(pi.id));
    expect(status(job.id)).toBe('funded');
    await send('payment_intent.succeeded', fake.objects.get(pi.id)!); // delivered again: booked once
    expect(rows("SELECT 1 FROM ledger_txns WHERE kind = 'capture' AND job_id = ?", job.id)).toHaveLength(1);
    await books();
  });
});

describe('5. save_payment_method checks the SetupIntent', () => {
  it('a card whose SetupIntent still requires_action is refused with setup_incomplete; once succeeded it is saved', async () => {
    await setup();
    const buyer = agent('buyer');
    const si = await buyer.mp.setupPaymentMethod();
    const stripe = new (await import('stripe')).default('sk_test_fake', { host: '127.0.0.1', port: fake.port, protocol: 'http' });
    await stripe.setupIntents.confirm(si.setup_intent_id, { payment_method: 'pm_card_authenticationRequired' }); // what Stripe.js does in the browser
    await expect(buyer.mp.savePaymentMethod('pm_card_authenticationRequired')).rejects.toMatchObject({ code: 'setup_incomplete', status: 409, message: expect.stringMatching(/'requires_action'/) });
    expect(await buyer.mp.listPaymentMethods()).toMatchObject({ items: [] });
    fake.objects.get(si.setup_intent_id)!.status = 'succeeded'; // the cardholder passed 3-D Secure
    expect(await buyer.mp.savePaymentMethod('pm_card_authenticationRequired')).toMatchObject({ last4: '3184' });
  });
});

describe('6. refunds that fail later', () => {
  it('refund.failed makes the refund owed again (retried with back-off); reconciliation counts only succeeded refunds', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_visa', { ready: false });
    const job = await buyer.mp.postJob(direct(worker.id, 20));
    await buyer.mp.cancelJob(job.id, {});
    await books();
    const [re] = fake.list('refund');
    await send('refund.failed', fake.failRefund(re.id));
    expect(row('SELECT status, error FROM provider_calls WHERE object_id = ?', re.id)).toEqual({ status: 'failed', error: 'refund_failed: expired_or_canceled_card' });
    expect(reconcile(engine.db, await provider.records())).toEqual([expect.stringMatching(new RegExp(`ledger refund:${job.id} refunded 2000 to the buyer but the provider refunded 0 in 0 succeeded refund`))]);
    clock.advance(61_000);
    await payments.settle();
    expect(fake.list('refund').map((r) => [r.status, r.amount])).toEqual([['failed', 2000], ['succeeded', 2000]]);
    await books();
  });
});

describe('7. Connect readiness is the transfers capability', () => {
  it('payouts_enabled without capabilities.transfers active waits; capability.updated pays; a worker abroad gets the recipient agreement', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_visa', { ready: false });
    const { stripe_account_id } = await payments.connectOnboard(worker.id);
    const account = fake.completeOnboarding(stripe_account_id, { transfers: 'pending' });
    await send('account.updated', account);
    const job = await completeJob(buyer, worker, 20);
    expect(fake.list('transfer')).toEqual([]);
    expect(row('SELECT last_error FROM stripe_payouts WHERE job_id = ?', job.id).last_error).toMatch(/capabilities\.transfers is not active/);
    expect(await payments.connectStatus(worker.id)).toMatchObject({ payouts_enabled: true, is_ready: false });

    account.capabilities.transfers = 'active';
    await send('capability.updated', { ...fakeCapability(stripe_account_id), status: 'active' });
    expect(fake.list('transfer').map((t) => t.destination)).toEqual([stripe_account_id]);
    await books();

    const abroad = agent('worker-us');
    const us = await payments.connectOnboard(abroad.id, 'US');
    expect(fake.objects.get(us.stripe_account_id)).toMatchObject({ country: 'US', tos_acceptance: { service_agreement: 'recipient' } });
    expect(fake.objects.get(stripe_account_id)).toMatchObject({ country: 'DE', tos_acceptance: { service_agreement: 'full' } });
    await expect(payments.connectOnboard(agent('x').id, 'Germany')).rejects.toMatchObject({ code: 'invalid_country', status: 400 });
  });
});

describe('8. webhooks', () => {
  it('a failed effect is not marked seen: Stripe\'s redelivery applies it (a reversal answered 500 is tried again under a new key)', async () => {
    const { buyer, worker } = await buyerAndWorker('pm_card_visa');
    const job = await completeJob(buyer, worker, 20);
    const [tr] = fake.list('transfer');
    const event = { id: 'evt_dispute', type: 'charge.dispute.created', data: { object: fake.openDispute(pis(job.id)[0].id) } };
    fake.failNext(/\/reversals$/);
    await expect(payments.applyEvent(event)).rejects.toMatchObject({ code: 'payment_provider_error' });
    expect(rows('SELECT 1 FROM stripe_events WHERE id = ?', event.id)).toEqual([]);
    expect(await payments.applyEvent(event)).toMatchObject({ duplicate: false }); // Stripe delivers it again
    expect(fake.objects.get(tr.id)).toMatchObject({ reversed: true });
    const keys = keysTo(`/v1/transfers/${tr.id}/reversals`);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2); // the retry does not reuse the key whose 500 Stripe replays
    expect(await payments.applyEvent(event)).toMatchObject({ duplicate: true });
    expect(rows("SELECT 1 FROM ledger_txns WHERE kind = 'chargeback'")).toHaveLength(1);
    await books();
  });

  it('the Connect endpoint\'s secret verifies too; checkout.session.async_payment_succeeded activates', async () => {
    await setup();
    const connect = 'whsec_connect_secret';
    payments.stop();
    const { StripePayments } = await import('../../src/payments/marketplace.js');
    const p2 = new StripePayments(engine, provider, { webhookSecret: 'whsec_platform', connectWebhookSecret: connect }).install();
    const first = agent('owner-first');
    const email = row<{ email: string }>('SELECT o.email FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.id = ?', first.id).email;
    const { agent_id } = engine.registerAgent({ name: 'second', owner_email: email });
    const act = engine.activate(row<{ t: string }>('SELECT activation_token t FROM agents WHERE id = ?', agent_id).t, true);
    const co = await p2.activationCheckout(act.checkout_id!, 'http://127.0.0.1:8787');
    const session = fake.completeCheckout(co.checkout_session_id);
    await fake.send(engine, 'checkout.session.completed', { ...session, payment_status: 'unpaid' }, 'whsec_platform'); // a delayed method: not paid yet
    expect(row('SELECT status FROM agents WHERE id = ?', agent_id)).toEqual({ status: 'pending_payment' });
    await fake.send(engine, 'checkout.session.async_payment_succeeded', session, connect);
    expect(row('SELECT status FROM agents WHERE id = ?', agent_id)).toEqual({ status: 'active' });
    await fake.send(engine, 'payment_intent.succeeded', fake.objects.get(session.payment_intent)!, 'whsec_platform'); // also sent for the Checkout's PaymentIntent
    expect(fake.list('refund')).toEqual([]); // not mistaken for an unbooked capture
    await expect(fake.send(engine, 'account.updated', { id: 'acct_x' }, 'whsec_other')).rejects.toMatchObject({ code: 'invalid_signature' });
    await books();
  });
});

/** Stripe's capability object (the payload of capability.updated) for the transfers capability of `account`. */
function fakeCapability(account: string) {
  return { id: 'transfers', object: 'capability', account, requested: true, status: 'inactive' };
}
