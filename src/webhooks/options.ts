/**
 * How this process sends webhooks. Read from the environment on first use
 * (VOXPACT_WEBHOOK_ALLOW_LOOPBACK); the server may call `configureWebhooks` with its Config,
 * and tests pass overrides per call. No other module state.
 */
export type WebhookOptions = {
  /** Allow http:// and https:// to loopback addresses (127.0.0.0/8, ::1, localhost): development and tests only. */
  allowLoopback: boolean;
  /** Limit for one HTTP exchange (connect + headers + body), per redirect hop. */
  timeoutMs: number;
  /** Limit for the registration ping (the reference: 5 seconds). */
  pingTimeoutMs: number;
  /** Redirect hops followed (307/308 only, each re-checked against the SSRF rules). */
  maxRedirects: number;
  /** Wall-clock seconds for the signature timestamp: receivers compare it to their own clock. */
  signingNowMs: () => number;
  /** Deliveries in flight at once, per run. */
  concurrency: number;
};

export const WEBHOOK_DEFAULTS: WebhookOptions = {
  allowLoopback: false,
  timeoutMs: 5_000,
  pingTimeoutMs: 5_000,
  maxRedirects: 3,
  signingNowMs: () => Date.now(),
  concurrency: 8,
};

let configured: Partial<WebhookOptions> | null = null;

/** Set this process's webhook options (the server does this once from its Config). */
export function configureWebhooks(o: Partial<WebhookOptions>) {
  configured = { ...(configured ?? {}), ...o };
}

/** The options in force: defaults ← environment ← configureWebhooks ← per-call overrides. */
export function webhookOptions(overrides: Partial<WebhookOptions> = {}): WebhookOptions {
  const fromEnv: Partial<WebhookOptions> = { allowLoopback: process.env.VOXPACT_WEBHOOK_ALLOW_LOOPBACK === '1' };
  return { ...WEBHOOK_DEFAULTS, ...fromEnv, ...(configured ?? {}), ...overrides };
}

/** With the loopback switch on, `http://127.x.x.x`, `http://localhost` and `http://[::1]` pass as webhook URLs (schemas.ts). */
export function loopbackHttpAllowed(url: string): boolean {
  return webhookOptions().allowLoopback && /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?(\/|$)/i.test(url);
}
