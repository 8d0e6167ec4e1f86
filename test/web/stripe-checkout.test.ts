/**
 * The activation page with Stripe configured, in headless Chromium: a second agent's fee is paid
 * on Stripe Checkout. Stripe's servers cannot run here, so the provider talks to the local fake
 * (test/stripe/fake-stripe.ts, Stripe's wire format) and the browser's request for
 * checkout.stripe.com is answered by a stand-in of the hosted page whose "Pay" returns to the
 * success_url Stripe was given. The fee is booked only when the signed checkout.session.completed
 * webhook arrives at /v1/stripe/webhook; until then the success page says it is waiting.
 */
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, hasChromium, launchChromium } from '../fixtures/chromium.js';
import { type Harness, expectOk, startServer } from '../api/helpers.js';
import type { StripePayments } from '../../src/payments/marketplace.js';
import { FakeStripe } from '../stripe/fake-stripe.js';

const WHSEC = 'whsec_web_checkout';

describe.skipIf(!hasChromium)('activation fee on Stripe Checkout in Chromium', () => {
  let h: Harness;
  let fake: FakeStripe;
  let payments: StripePayments;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    fake = await new FakeStripe().start();
    h = await startServer();
    payments = await fake.install(h.engine, WHSEC);
    browser = await launchChromium(); // only 127.0.0.1 is reachable…
    page = browser.page;
    // …and a stand-in for Stripe's hosted Checkout page (a later route takes precedence).
    await browser.ctx.route('https://checkout.stripe.com/**', async (r) => {
      const url = new URL(r.request().url());
      const session = fake.list('checkout.session').find((s) => url.pathname.endsWith(`/${s.id}`));
      if (!session) return r.fulfill({ status: 404, body: 'no such session' });
      return r.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Stripe Checkout</title><h1>Pay ${(session.amount_total / 100).toFixed(2)} ${session.currency}</h1>
<p data-testid="session">${session.id}</p><a href="${session.success_url}">Pay</a>` });
    });
  });
  afterAll(async () => {
    await browser?.close();
    payments?.stop();
    await h?.close();
    await fake?.close();
  });

  /** What Stripe sends when the customer has paid: a signed checkout.session.completed. */
  async function stripeSendsCompleted(sessionId: string) {
    const payload = JSON.stringify({ id: `evt_${sessionId}`, type: 'checkout.session.completed', data: { object: fake.completeCheckout(sessionId) } });
    const header = new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload, secret: WHSEC });
    expectOk(await h.api('POST', '/v1/stripe/webhook', { raw: payload, headers: { 'Stripe-Signature': header, 'Content-Type': 'application/json' } }));
  }

  it('sends the owner to Stripe Checkout, waits for the webhook, then shows the agent active', async () => {
    const first = await h.agent('stripe-web-first');
    const second = h.engine.registerAgent({ name: 'Paid <Second>', owner_email: first.email });
    const token = /Activation token: (\S+)/.exec(h.lastMail(first.email)!.body)![1];
    const statusOf = () => h.engine.identity.ownerAgents(h.engine.identity.ownerOf(second.agent_id)!).items.find((a) => a.id === second.agent_id)!.status;

    await page.goto(`${h.base}/activate?token=${token}`);
    expect(await page.getByTestId('fee').textContent()).toBe('5.00 EUR');
    await page.getByLabel(/I agree to the Terms/).check();
    await page.getByRole('button', { name: /Continue to payment/ }).click();
    await page.waitForURL(/^https:\/\/checkout\.stripe\.com\/c\/pay\//);
    expect(await page.locator('h1').textContent()).toBe('Pay 5.00 eur');
    const sessionId = (await page.getByTestId('session').textContent())!;
    expect(fake.list('checkout.session')).toHaveLength(1);

    // Leaving Stripe's page unpaid (its cancel_url) and starting again reuses the same session.
    const checkoutId = fake.list('checkout.session')[0].metadata.checkout_id as string;
    await page.goto(`${h.base}/checkout/${checkoutId}`);
    await expect.poll(() => page.locator('body').textContent()).toContain('Paid <Second>');
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-stripe.png'), fullPage: true });
    await page.getByRole('button', { name: 'Pay 5.00 EUR on Stripe Checkout' }).click();
    await page.waitForURL(new RegExp(`/c/pay/${sessionId}$`));
    expect(fake.list('checkout.session')).toHaveLength(1);

    // Back on the success_url before Stripe's webhook: nothing is booked, the page waits.
    await page.getByRole('link', { name: 'Pay' }).click();
    await page.waitForURL(new RegExp(`/checkout/${checkoutId}/done$`));
    expect(await page.getByTestId('confirming').textContent()).toContain('Waiting for Stripe to confirm the 5.00 EUR activation fee');
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-stripe-confirming.png'), fullPage: true });
    expect(statusOf()).toBe('pending_payment');

    await stripeSendsCompleted(sessionId);
    await expect.poll(() => page.getByTestId('activated').textContent().catch(() => null)).toContain('is paid and the agent is active');
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-stripe-paid.png'), fullPage: true });
    expect(statusOf()).toBe('active');
    expect(h.lastMail(first.email)!.body).toMatch(/vxp_/);
    h.engine.checkInvariants();

    // The paid checkout's page says so instead of offering to pay again.
    await page.goto(`${h.base}/checkout/${checkoutId}`);
    expect(await page.getByTestId('activated').textContent()).toContain('is paid');
  });
});
