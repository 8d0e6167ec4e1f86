/**
 * POST /v1/stripe/webhook: verify Stripe-Signature with the platform endpoint's secret
 * (STRIPE_WEBHOOK_SECRET) or the Connect endpoint's (STRIPE_CONNECT_WEBHOOK_SECRET), then apply
 * the event once. An effect that fails answers an error, so Stripe delivers the event again.
 */
import { VoxError } from '../errors.js';
import type { Engine } from '../engine/index.js';
import { paymentsOf } from './marketplace.js';
import type { ProviderEvent } from './provider.js';

export async function handleStripeWebhook(engine: Engine, payload: string, signature: string | undefined) {
  const payments = paymentsOf(engine);
  const secrets = payments?.webhookSecrets ?? [];
  if (!payments || !secrets.length) {
    throw new VoxError('stripe_not_configured', 'this server does not use Stripe (set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET)', 404);
  }
  if (!signature) throw new VoxError('invalid_signature', 'the Stripe-Signature header is missing', 400);
  let event: ProviderEvent | undefined;
  let why = '';
  for (const secret of secrets) {
    try {
      event = payments.provider.constructEvent(payload, signature, secret);
      break;
    } catch (e) {
      why = (e as Error).message;
    }
  }
  if (!event) throw new VoxError('invalid_signature', `Stripe-Signature does not verify: ${why}`, 400);
  return payments.applyEvent(event);
}
