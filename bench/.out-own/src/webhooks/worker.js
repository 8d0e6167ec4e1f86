/**
 * The delivery worker: claim due deliveries, sign and POST them, record the outcome. The
 * stdio/HTTP server runs it on an interval next to the timers; `voxpact-mcp timers run` runs
 * it once. Safe to run from several processes on one database (see store.ts).
 */
import { randomUUID } from 'node:crypto';
import { log } from '../log.js';
import { postWebhook } from './http.js';
import { webhookOptions } from './options.js';
import { signatureHeaders } from './sign.js';
import { claimDue, pruneWebhooks, recordAttempt } from './store.js';
const PRUNE_EVERY_MS = 3_600_000;
const lastPrune = new WeakMap();
const running = new WeakMap();
/** Stable per event: a receiver's idempotency key across every retry. */
export const webhookId = (eventSeq) => `evt_${eventSeq}`;
async function deliver(ctx, c, claimId, o, resolve) {
    const headers = signatureHeaders({ id: webhookId(c.event_seq), timestampS: Math.floor(o.signingNowMs() / 1000), body: c.body, secret: c.secret });
    const r = await postWebhook(c.url, c.body, headers, { allowLoopback: o.allowLoopback, timeoutMs: o.timeoutMs, maxRedirects: o.maxRedirects, resolve });
    const outcome = recordAttempt(ctx, c, claimId, r);
    log(outcome === 'delivered' ? 'debug' : 'warn', 'webhook attempt', { event_id: webhookId(c.event_seq), event: c.event, agent_id: c.agent_id, attempt: c.attempt, outcome, http_status: r.status, error: r.error });
    return outcome;
}
/**
 * Send every delivery due now (bounded by `maxPerRun`). Concurrent calls for one database
 * connection share one run.
 */
export function runWebhookDeliveries(engine, opts = {}) {
    const key = engine.ctx.db;
    const inFlight = running.get(key);
    if (inFlight)
        return inFlight;
    const p = runOnce(engine.ctx, opts).finally(() => running.delete(key));
    running.set(key, p);
    return p;
}
async function runOnce(ctx, opts) {
    const o = webhookOptions(opts);
    const max = opts.maxPerRun ?? 1000;
    const claimId = randomUUID();
    const result = { attempted: 0, delivered: 0, retrying: 0, failed: 0, disabled: 0 };
    while (result.attempted < max) {
        const batch = claimDue(ctx, claimId, Math.min(o.concurrency, max - result.attempted));
        if (!batch.length)
            break;
        const outcomes = await Promise.all(batch.map((c) => deliver(ctx, c, claimId, o, opts.resolve).catch((e) => {
            log('error', 'webhook delivery failed unexpectedly', { delivery: c.id, error: e.message });
            return null;
        })));
        for (const out of outcomes) {
            result.attempted++;
            if (out)
                result[out]++;
        }
    }
    const last = lastPrune.get(ctx.db) ?? 0;
    if (ctx.clock.now() - last >= PRUNE_EVERY_MS) {
        lastPrune.set(ctx.db, ctx.clock.now());
        pruneWebhooks(ctx);
    }
    return result;
}
//# sourceMappingURL=worker.js.map