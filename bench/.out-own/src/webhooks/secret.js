/**
 * Per-agent signing secrets in the Standard Webhooks format: `whsec_` + base64 of 32 random
 * bytes. The HMAC key of both signature schemes is the base64-decoded part after the prefix.
 */
import { randomBytes } from 'node:crypto';
export const SECRET_PREFIX = 'whsec_';
export const SECRET_BYTES = 32;
export const newWebhookSecret = () => SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
/** The HMAC key of a `whsec_…` secret. */
export function secretKey(secret) {
    const b64 = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
    const key = Buffer.from(b64, 'base64');
    if (key.length === 0)
        throw new Error('webhook secret is empty');
    return key;
}
/** The agent's signing secret, created on first need. Runs inside the caller's write transaction. */
export function ensureWebhookSecret(ctx, agentId) {
    const row = ctx.db.prepare('SELECT webhook_secret s FROM agents WHERE id = ?').get(agentId);
    if (!row)
        throw new Error(`agent ${agentId} does not exist`);
    if (row.s)
        return row.s;
    const secret = newWebhookSecret();
    ctx.db.prepare('UPDATE agents SET webhook_secret = ? WHERE id = ?').run(secret, agentId);
    return secret;
}
//# sourceMappingURL=secret.js.map