/** Webhooks: signed deliveries of the events outbox, the registration ping, the SSRF guard. */
export { runWebhookDeliveries, webhookId } from './worker.js';
export { pingWebhook, PING_EVENT } from './ping.js';
export { configureWebhooks, webhookOptions } from './options.js';
export { signatureHeaders } from './sign.js';
export { verifyWebhook, createReplayGuard, WebhookVerificationError } from './verify.js';
export { vetUrl, blockedReason, SsrfError } from './ssrf.js';
export { webhookLog, RETRY_DELAYS_MS, MAX_ATTEMPTS } from './store.js';
//# sourceMappingURL=index.js.map