/**
 * The same scenarios against a REAL Stripe test account (docs/stripe.md). Skipped unless
 * STRIPE_TEST_SECRET_KEY=sk_test_… is set; live keys are refused. Transfers need a connected
 * account that finished onboarding in test mode: STRIPE_TEST_CONNECTED_ACCOUNT=acct_…
 * The first scenario's buyer pays with pm_card_bypassPending (funds available at once); the live
 * account situations (docs/stripe.md) use plain pm_card_visa (funds pending: transfers must carry
 * source_transaction), pm_card_authenticationRequired (3-D Secure off-session) and
 * pm_card_createDispute (Stripe opens a chargeback moments after the charge).
 *
 *   STRIPE_TEST_SECRET_KEY=sk_test_… STRIPE_TEST_CONNECTED_ACCOUNT=acct_… npx vitest run test/stripe/real-stripe.test.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { DeliverInput, PostJobInput } from '../../src/schemas.js';
import { createStripeProvider } from '../../src/payments/stripe.js';
import { StripePayments } from '../../src/payments/marketplace.js';
import { reconcile } from '../../src/payments/reconcile.js';

const KEY = process.env.STRIPE_TEST_SECRET_KEY ?? '';
const ACCOUNT = process.env.STRIPE_TEST_CONNECTED_ACCOUNT;
if (KEY && !KEY.startsWith('sk_test_')) throw new Error('STRIPE_TEST_SECRET_KEY must be a test-mode key (sk_test_…): these tests move money');

describe.skipIf(!KEY)('against a real Stripe test account', () => {
  it('cards, a funded direct job, a decline, a cancellation refund, an idempotent replay, a release transfer; then reconcile', async () => {
    const since = Math.floor(Date.now() / 1000) - 5;
    const provider = await createStripeProvider({ secretKey: KEY });
    const engine = Engine.open({ dbPath: join(mkdtempSync(join(tmpdir(), 'voxpact-real-stripe-')), 'voxpact.db') });
    const payments = new StripePayments(engine, provider).install();
    const run = Date.now();
    const mk = (name: string) => {
      const { agent_id } = engine.createLocalAgent({ name, owner_email: `${name}-${run}@example.com` });
      return { id: agent_id, mp: engine.as(agent_id) };
    };
    try {
      const buyer = mk('buyer');
      const worker = mk('worker');
      const decliner = mk('decliner');
      expect((await buyer.mp.setupPaymentMethod()).client_secret).toMatch(/^seti_/);
      await buyer.mp.savePaymentMethod('pm_card_bypassPending');
      await decliner.mp.savePaymentMethod('pm_card_chargeDeclined');
      const job = (amount: number) => PostJobInput.parse({ title: 'Real Stripe scenario', task_spec: { description: 'x' }, amount, worker_agent_id: worker.id });

      expect((await decliner.mp.postJob(job(5))).status).toBe('pending_payment');
      const cancelled = await buyer.mp.postJob(job(6));
      await buyer.mp.cancelJob(cancelled.id, {});

      const customer = engine.db.prepare('SELECT customer_id c FROM stripe_customers LIMIT 1').get() as { c: string };
      const pm = engine.db.prepare('SELECT test_token t FROM payment_methods WHERE deleted_at IS NULL LIMIT 1').get() as { t: string };
      const args = { idempotencyKey: `replay-${run}`, amountCents: 500, customerId: customer.c, paymentMethodId: pm.t, transferGroup: 'replay', metadata: { voxpact_ref: `unbooked:replay-${run}` } };
      const [pa, pb] = [await provider.createIntent(args), await provider.createIntent(args)];
      expect(pb).toBe(pa); // Stripe replays the first answer: one PaymentIntent
      const a = await provider.confirmIntent(pa, pm.t, `replay-confirm-${run}`);
      expect(a.ok).toBe(true);
      await expect(provider.confirmIntent(pa, pm.t, `replay-confirm2-${run}`)).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' }); // never charged twice

      if (ACCOUNT) {
        const owner = (engine.db.prepare('SELECT owner_id o FROM agents WHERE id = ?').get(worker.id) as { o: string }).o;
        engine.db.prepare('INSERT INTO stripe_accounts (owner_id, account_id, created_at, updated_at) VALUES (?, ?, 0, 0)').run(owner, ACCOUNT);
        const j = await buyer.mp.postJob(job(10));
        await worker.mp.acceptJob(j.id);
        await worker.mp.startJob(j.id);
        await worker.mp.deliverJob(j.id, DeliverInput.parse({ content: 'done' }));
        expect((await buyer.mp.approveJob(j.id)).status).toBe('completed');
        expect(await payments.connectStatus(worker.id)).toMatchObject({ is_ready: true });
      }
      expect(engine.checkInvariants()).toEqual([]);
      // The replay charge above is not a ledger capture: reconciliation reports it until it is refunded.
      await provider.refund({ idempotencyKey: `replay-refund-${run}`, paymentIntentId: a.payment_intent_id, amountCents: 500, metadata: { voxpact_ref: `unbooked:unbooked:replay-${run}` } });
      expect(reconcile(engine.db, await provider.records(since))).toEqual([]);
    } finally {
      payments.stop();
      engine.close();
    }
  }, 120_000);
});

describe.skipIf(!KEY)('a real Stripe test account as a live account behaves (docs/stripe.md)', () => {
  it('pending funds + source_transaction, 3-D Secure off-session, a chargeback (frozen job, refund refused, covered); then reconcile', async () => {
    const since = Math.floor(Date.now() / 1000) - 5;
    const provider = await createStripeProvider({ secretKey: KEY });
    const engine = Engine.open({ dbPath: join(mkdtempSync(join(tmpdir(), 'voxpact-real-live-')), 'voxpact.db') });
    const payments = new StripePayments(engine, provider).install();
    const run = Date.now();
    const mk = (name: string, card: string) => {
      const { agent_id } = engine.createLocalAgent({ name, owner_email: `${name}-${run}@example.com` });
      const a = { id: agent_id, mp: engine.as(agent_id) };
      return a.mp.savePaymentMethod(card).then(() => a);
    };
    try {
      const worker = await mk('live-worker', 'pm_card_visa');
      const job = (amount: number) => PostJobInput.parse({ title: 'Live account scenario', task_spec: { description: 'x' }, amount, worker_agent_id: worker.id });

      // 3-D Secure: the job waits with Stripe's hosted authentication page in its payment_error.
      const sca = await mk('live-sca', 'pm_card_authenticationRequired');
      const waiting = await sca.mp.postJob(job(7));
      expect(waiting.status).toBe('pending_payment');
      expect(waiting.payment_error).toMatch(/^authentication_required: .*https:\/\//);

      // A chargeback: Stripe opens it moments after the charge; the event is applied as the webhook would.
      const disputer = await mk('live-disputer', 'pm_card_createDispute');
      const held = await disputer.mp.postJob(job(9));
      const pi = (engine.db.prepare("SELECT object_id FROM provider_calls WHERE kind = 'charge' AND job_id = ?").get(held.id) as { object_id: string }).object_id;
      const stripe = new (await import('stripe')).default(KEY);
      let dispute;
      for (let i = 0; i < 30 && !dispute; i++) {
        dispute = (await stripe.disputes.list({ payment_intent: pi, limit: 1 })).data[0];
        if (!dispute) await new Promise((r) => setTimeout(r, 1_000));
      }
      expect(dispute, 'Stripe opened no dispute for pm_card_createDispute within 30 s').toBeDefined();
      await disputer.mp.cancelJob(held.id, {}); // its refund is refused by Stripe (charge_disputed) and recorded FINAL
      await payments.applyEvent({ id: `evt_local_${run}`, type: 'charge.dispute.created', data: { object: dispute as any } });
      expect(engine.db.prepare('SELECT status FROM stripe_disputes WHERE id = ?').get(dispute!.id)).toMatchObject({ status: expect.any(String) });

      if (ACCOUNT) {
        // Plain pm_card_visa: the funds are pending, the transfer still goes through with source_transaction.
        const owner = (engine.db.prepare('SELECT owner_id o FROM agents WHERE id = ?').get(worker.id) as { o: string }).o;
        engine.db.prepare('INSERT INTO stripe_accounts (owner_id, account_id, created_at, updated_at) VALUES (?, ?, 0, 0)').run(owner, ACCOUNT);
        expect(await payments.connectStatus(worker.id)).toMatchObject({ is_ready: true }); // capabilities.transfers is active
        const buyer = await mk('live-buyer', 'pm_card_visa');
        const j = await buyer.mp.postJob(job(10));
        await worker.mp.acceptJob(j.id);
        await worker.mp.startJob(j.id);
        await worker.mp.deliverJob(j.id, DeliverInput.parse({ content: 'done' }));
        await buyer.mp.approveJob(j.id);
        const t = engine.db.prepare("SELECT status, last_error FROM stripe_payouts WHERE job_id = ?").get(j.id);
        expect(t).toMatchObject({ status: 'paid' });
      }
      await payments.settle();
      expect(engine.checkInvariants()).toEqual([]);
      expect(reconcile(engine.db, await provider.records(since))).toEqual([]);
    } finally {
      payments.stop();
      engine.close();
    }
  }, 180_000);
});
