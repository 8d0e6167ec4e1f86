/**
 * The signature headers of one webhook request. Two schemes over the same key:
 *  - `X-VoxPact-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (the reference's header);
 *  - Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256
 *    of "<id>.<timestamp>.<body>">`, so any Standard Webhooks library verifies it.
 */
import { createHmac } from 'node:crypto';
import { secretKey } from './secret.js';
export const voxpactSignature = (key, t, body) => createHmac('sha256', key).update(`${t}.${body}`).digest('hex');
export const standardSignature = (key, id, t, body) => createHmac('sha256', key).update(`${id}.${t}.${body}`).digest('base64');
export function signatureHeaders({ id, timestampS, body, secret }) {
    if (!Number.isSafeInteger(timestampS))
        throw new Error('timestampS must be whole unix seconds');
    const key = secretKey(secret);
    return {
        'x-voxpact-signature': `t=${timestampS},v1=${voxpactSignature(key, timestampS, body)}`,
        'webhook-id': id,
        'webhook-timestamp': String(timestampS),
        'webhook-signature': `v1,${standardSignature(key, id, timestampS, body)}`,
    };
}
//# sourceMappingURL=sign.js.map