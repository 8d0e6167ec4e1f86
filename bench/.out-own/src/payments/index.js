export async function paymentsFromEnv(engine, env = process.env) {
    if (!env.STRIPE_SECRET_KEY)
        return null;
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
        webhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
    }).install();
    payments.start(env.STRIPE_SETTLE_INTERVAL_MS ? Number(env.STRIPE_SETTLE_INTERVAL_MS) : 60_000);
    return payments;
}
//# sourceMappingURL=index.js.map