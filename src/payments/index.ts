/**
 * Choose the payment provider from the environment. Without STRIPE_SECRET_KEY the embedded
 * provider stays (nothing is installed and `stripe` is never loaded); with it, the engine's
 * money goes through Stripe (src/payments/marketplace.ts).
 *
 *   STRIPE_SECRET_KEY       sk_test_… or sk_live_…: switches to Stripe
 *   STRIPE_WEBHOOK_SECRET   whsec_…: verifies Stripe-Signature on /v1/stripe/webhook
 *   STRIPE_CONNECT_WEBHOOK_SECRET  whsec_… of the Connect endpoint (connected accounts' events), same URL
 *   STRIPE_API_HOST / STRIPE_API_PORT / STRIPE_API_PROTOCOL   another Stripe endpoint (tests, stripe-mock)
 *   STRIPE_CONNECT_RETURN_URL / STRIPE_CONNECT_REFRESH_URL    where Connect onboarding returns
 *   STRIPE_PAYMENT_RETURN_URL  where Stripe's 3-D Secure page returns the buyer's owner (the dashboard)
 *   STRIPE_SETTLE_INTERVAL_MS  how often owed refunds / payouts are retried (default 60000)
 */
import type { Engine } from '../engine/index.js';
import type { StripePayments } from './marketplace.js';

export async function paymentsFromEnv(engine: Engine, env: NodeJS.ProcessEnv = process.env): Promise<StripePayments | null> {
  if (!env.STRIPE_SECRET_KEY) return null;
  const { createStripeProvider } = await import('./stripe.js');
  const { StripePayments } = await import('./marketplace.js');
  const provider = await createStripeProvider({
    secretKey: env.STRIPE_SECRET_KEY,
    host: env.STRIPE_API_HOST || undefined,
    port: env.STRIPE_API_PORT ? Number(env.STRIPE_API_PORT) : undefined,
    protocol: env.STRIPE_API_PROTOCOL === 'http' ? 'http' : env.STRIPE_API_PROTOCOL === 'https' ? 'https' : undefined,
  });
  const payments = new StripePayments(engine, provider, {
    connectReturnUrl: env.STRIPE_CONNECT_RETURN_URL || undefined,
    connectRefreshUrl: env.STRIPE_CONNECT_REFRESH_URL || undefined,
    paymentReturnUrl: env.STRIPE_PAYMENT_RETURN_URL || undefined,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
    connectWebhookSecret: env.STRIPE_CONNECT_WEBHOOK_SECRET || undefined,
  }).install();
  payments.start(env.STRIPE_SETTLE_INTERVAL_MS ? Number(env.STRIPE_SETTLE_INTERVAL_MS) : 60_000);
  return payments;
}
