/**
 * Verify a VoxPact webhook on the receiving side. Self-contained (node:crypto only), so a
 * receiver can copy this file. It accepts either signature scheme VoxPact sends:
 *  - Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), preferred;
 *  - `X-VoxPact-Signature: t=<unix s>,v1=<hex>`.
 * Both are HMAC-SHA256 with the base64-decoded part of your `whsec_…` secret as the key.
 *
 * It checks the timestamp is within 5 minutes of now (replay window), compares signatures in
 * constant time, and returns the parsed envelope. Replays inside the window are yours to
 * reject: remember each `id` (the `webhook-id`, stable across retries of one event) for at
 * least as long as deliveries are retried (about 3 hours; 24 h is comfortable) and ignore an
 * id you have already processed — `createReplayGuard` below does that in memory.
 *
 *   const { id, payload } = verifyWebhook(process.env.VOXPACT_WEBHOOK_SECRET!, rawBody, req.headers);
 *   if (!guard.firstTime(id)) return res.writeHead(200).end(); // duplicate: already handled
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
export const DEFAULT_TOLERANCE_S = 5 * 60;
export class WebhookVerificationError extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.reason = reason;
        this.name = 'WebhookVerificationError';
    }
}
function header(h, name) {
    if (typeof h.get === 'function')
        return h.get(name) ?? undefined;
    const rec = h;
    const key = Object.keys(rec).find((k) => k.toLowerCase() === name);
    const v = key === undefined ? undefined : rec[key];
    return Array.isArray(v) ? v[0] : v;
}
function keyOf(secret) {
    const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
    if (key.length === 0)
        throw new Error('webhook secret is empty');
    return key;
}
const sameBytes = (a, b) => a.length === b.length && timingSafeEqual(a, b);
function checkTimestamp(raw, o) {
    if (!/^\d{1,12}$/.test(raw))
        throw new WebhookVerificationError('bad_timestamp', 'webhook timestamp is not unix seconds');
    const t = Number(raw);
    const now = Math.floor((o.nowMs ?? Date.now()) / 1000);
    const tol = o.toleranceS ?? DEFAULT_TOLERANCE_S;
    if (Math.abs(now - t) > tol)
        throw new WebhookVerificationError('timestamp_out_of_tolerance', `webhook timestamp is ${now - t} s away from now (tolerance ${tol} s): possible replay`);
    return t;
}
/** Verify and parse one delivery. `body` must be the raw bytes as received, not re-serialised JSON. */
export function verifyWebhook(secret, body, headers, opts = {}) {
    const key = keyOf(secret);
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const id = header(headers, 'webhook-id');
    const ts = header(headers, 'webhook-timestamp');
    const sig = header(headers, 'webhook-signature');
    let timestamp;
    if (id && ts && sig) {
        timestamp = checkTimestamp(ts, opts);
        const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${text}`).digest();
        // The header may carry several space-separated signatures (key rotation): any v1 match is enough.
        const ok = sig.split(' ').some((part) => {
            const [version, value] = part.split(',', 2);
            return version === 'v1' && value !== undefined && sameBytes(Buffer.from(value, 'base64'), expected);
        });
        if (!ok)
            throw new WebhookVerificationError('bad_signature', 'no webhook-signature matches: wrong secret or a modified body');
    }
    else {
        const vox = header(headers, 'x-voxpact-signature');
        if (!vox)
            throw new WebhookVerificationError('missing_headers', 'neither webhook-signature nor X-VoxPact-Signature is present');
        const parts = Object.fromEntries(vox.split(',').map((p) => p.trim().split('=', 2)));
        if (!parts.t || !parts.v1)
            throw new WebhookVerificationError('missing_headers', 'X-VoxPact-Signature must look like t=<unix>,v1=<hex>');
        timestamp = checkTimestamp(parts.t, opts);
        const expected = createHmac('sha256', key).update(`${timestamp}.${text}`).digest();
        if (!/^[0-9a-f]{64}$/i.test(parts.v1) || !sameBytes(Buffer.from(parts.v1, 'hex'), expected)) {
            throw new WebhookVerificationError('bad_signature', 'X-VoxPact-Signature does not match: wrong secret or a modified body');
        }
    }
    let payload;
    try {
        payload = JSON.parse(text);
    }
    catch {
        throw new WebhookVerificationError('bad_payload', 'webhook body is not JSON');
    }
    if (typeof payload !== 'object' || payload === null || typeof payload.event !== 'string') {
        throw new WebhookVerificationError('bad_payload', 'webhook body has no event field');
    }
    return { id: id ?? null, timestamp_s: timestamp, payload };
}
/**
 * In-memory replay guard keyed by webhook-id: `firstTime(id)` is true once per id within `ttlMs`.
 * Bounded (`max` ids, oldest forgotten first). A receiver running several instances should keep
 * the ids in its database instead (a unique column, insert-or-ignore).
 */
export function createReplayGuard(opts = {}) {
    const ttl = opts.ttlMs ?? 24 * 3_600_000;
    const max = opts.max ?? 100_000;
    const now = opts.nowMs ?? Date.now;
    const seen = new Map();
    return {
        firstTime(id) {
            if (id == null)
                return true;
            const t = now();
            for (const [k, at] of seen) {
                if (at + ttl > t && seen.size < max)
                    break;
                seen.delete(k);
            }
            if (seen.has(id))
                return false;
            seen.set(id, t);
            return true;
        },
    };
}
//# sourceMappingURL=verify.js.map