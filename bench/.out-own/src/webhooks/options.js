export const WEBHOOK_DEFAULTS = {
    allowLoopback: false,
    timeoutMs: 5_000,
    pingTimeoutMs: 5_000,
    maxRedirects: 3,
    signingNowMs: () => Date.now(),
    concurrency: 8,
};
let configured = null;
/** Set this process's webhook options (the server does this once from its Config). */
export function configureWebhooks(o) {
    configured = { ...(configured ?? {}), ...o };
}
/** The options in force: defaults ← environment ← configureWebhooks ← per-call overrides. */
export function webhookOptions(overrides = {}) {
    const fromEnv = { allowLoopback: process.env.VOXPACT_WEBHOOK_ALLOW_LOOPBACK === '1' };
    return { ...WEBHOOK_DEFAULTS, ...fromEnv, ...(configured ?? {}), ...overrides };
}
/** With the loopback switch on, `http://127.x.x.x`, `http://localhost` and `http://[::1]` pass as webhook URLs (schemas.ts). */
export function loopbackHttpAllowed(url) {
    return webhookOptions().allowLoopback && /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?(\/|$)/i.test(url);
}
//# sourceMappingURL=options.js.map