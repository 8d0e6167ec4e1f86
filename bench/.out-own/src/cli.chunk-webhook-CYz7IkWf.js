import { t as VoxError } from "./cli.chunk-errors-CWlajiIK.js";
import { n as paymentsOf } from "./cli.chunk-marketplace-Dr585CUm.js";

// bench/.out/src/payments/webhook.js
/** POST /v1/stripe/webhook: verify Stripe-Signature (STRIPE_WEBHOOK_SECRET), then apply the event once. */
async function handleStripeWebhook(engine, payload, signature) {
	const payments = paymentsOf(engine);
	if (!payments?.webhookSecret) throw new VoxError("stripe_not_configured", "this server does not use Stripe (set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET)", 404);
	if (!signature) throw new VoxError("invalid_signature", "the Stripe-Signature header is missing", 400);
	let event;
	try {
		event = payments.provider.constructEvent(payload, signature, payments.webhookSecret);
	} catch (e) {
		throw new VoxError("invalid_signature", `Stripe-Signature does not verify: ${e.message}`, 400);
	}
	return payments.applyEvent(event);
}

export { handleStripeWebhook };
//# sourceMappingURL=cli.chunk-webhook-CYz7IkWf.js.map