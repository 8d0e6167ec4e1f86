// bench/.out/src/payments/index.js
async function paymentsFromEnv(engine, env = process.env) {
	if (!env.STRIPE_SECRET_KEY) return null;
	const { createStripeProvider } = await import("./cli.chunk-stripe-BkEC7-Zx.js");
	const { StripePayments } = await import("./cli.chunk-marketplace-CvlMXmLS.js").then((n) => n.t);
	const payments = new StripePayments(engine, await createStripeProvider({
		secretKey: env.STRIPE_SECRET_KEY,
		host: env.STRIPE_API_HOST || void 0,
		port: env.STRIPE_API_PORT ? Number(env.STRIPE_API_PORT) : void 0,
		protocol: env.STRIPE_API_PROTOCOL === "http" ? "http" : env.STRIPE_API_PROTOCOL === "https" ? "https" : void 0
	}), {
		connectReturnUrl: env.STRIPE_CONNECT_RETURN_URL || void 0,
		connectRefreshUrl: env.STRIPE_CONNECT_REFRESH_URL || void 0,
		webhookSecret: env.STRIPE_WEBHOOK_SECRET || void 0
	}).install();
	payments.start(env.STRIPE_SETTLE_INTERVAL_MS ? Number(env.STRIPE_SETTLE_INTERVAL_MS) : 6e4);
	return payments;
}

export { paymentsFromEnv };
//# sourceMappingURL=cli.chunk-payments-CogzAXvL.js.map