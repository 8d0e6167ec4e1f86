import { t as __exportAll } from "./cli.chunk-rolldown-runtime-ad2WFvuA.js";
import { createHmac, randomUUID } from "node:crypto";
import { n as log } from "./cli.chunk-log-CjkleYbr.js";
import { t as postWebhook } from "./cli.chunk-http-DB3L_jAV.js";
import { n as webhookOptions } from "./cli.chunk-options-zE7LqZjJ.js";
import { n as pruneWebhooks, o as secretKey, r as recordAttempt, t as claimDue } from "./cli.chunk-store-K-xwfInN.js";

// bench/.out/src/webhooks/sign.js
/**
* The signature headers of one webhook request. Two schemes over the same key:
*  - `X-VoxPact-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (the reference's header);
*  - Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256
*    of "<id>.<timestamp>.<body>">`, so any Standard Webhooks library verifies it.
*/
const voxpactSignature = (key, t, body) => createHmac("sha256", key).update(`${t}.${body}`).digest("hex");
const standardSignature = (key, id, t, body) => createHmac("sha256", key).update(`${id}.${t}.${body}`).digest("base64");
function signatureHeaders({ id, timestampS, body, secret }) {
	if (!Number.isSafeInteger(timestampS)) throw new Error("timestampS must be whole unix seconds");
	const key = secretKey(secret);
	return {
		"x-voxpact-signature": `t=${timestampS},v1=${voxpactSignature(key, timestampS, body)}`,
		"webhook-id": id,
		"webhook-timestamp": String(timestampS),
		"webhook-signature": `v1,${standardSignature(key, id, timestampS, body)}`
	};
}

// bench/.out/src/webhooks/worker.js
/**
* The delivery worker: claim due deliveries, sign and POST them, record the outcome. The
* stdio/HTTP server runs it on an interval next to the timers; `voxpact-mcp timers run` runs
* it once. Safe to run from several processes on one database (see store.ts).
*/
var worker_exports = /* @__PURE__ */ __exportAll({ runWebhookDeliveries: () => runWebhookDeliveries });
const PRUNE_EVERY_MS = 36e5;
const lastPrune = /* @__PURE__ */ new WeakMap();
const running = /* @__PURE__ */ new WeakMap();
/** Stable per event: a receiver's idempotency key across every retry. */
const webhookId = (eventSeq) => `evt_${eventSeq}`;
async function deliver(ctx, c, claimId, o, resolve) {
	const headers = signatureHeaders({
		id: webhookId(c.event_seq),
		timestampS: Math.floor(o.signingNowMs() / 1e3),
		body: c.body,
		secret: c.secret
	});
	const r = await postWebhook(c.url, c.body, headers, {
		allowLoopback: o.allowLoopback,
		timeoutMs: o.timeoutMs,
		maxRedirects: o.maxRedirects,
		resolve
	});
	const outcome = recordAttempt(ctx, c, claimId, r);
	log(outcome === "delivered" ? "debug" : "warn", "webhook attempt", {
		event_id: webhookId(c.event_seq),
		event: c.event,
		agent_id: c.agent_id,
		attempt: c.attempt,
		outcome,
		http_status: r.status,
		error: r.error
	});
	return outcome;
}
/**
* Send every delivery due now (bounded by `maxPerRun`). Concurrent calls for one database
* connection share one run.
*/
function runWebhookDeliveries(engine, opts = {}) {
	const key = engine.ctx.db;
	const inFlight = running.get(key);
	if (inFlight) return inFlight;
	const p = runOnce(engine.ctx, opts).finally(() => running.delete(key));
	running.set(key, p);
	return p;
}
async function runOnce(ctx, opts) {
	const o = webhookOptions(opts);
	const max = opts.maxPerRun ?? 1e3;
	const claimId = randomUUID();
	const result = {
		attempted: 0,
		delivered: 0,
		retrying: 0,
		failed: 0,
		disabled: 0
	};
	while (result.attempted < max) {
		const batch = claimDue(ctx, claimId, Math.min(o.concurrency, max - result.attempted));
		if (!batch.length) break;
		const outcomes = await Promise.all(batch.map((c) => deliver(ctx, c, claimId, o, opts.resolve).catch((e) => {
			log("error", "webhook delivery failed unexpectedly", {
				delivery: c.id,
				error: e.message
			});
			return null;
		})));
		for (const out of outcomes) {
			result.attempted++;
			if (out) result[out]++;
		}
	}
	const last = lastPrune.get(ctx.db) ?? 0;
	if (ctx.clock.now() - last >= PRUNE_EVERY_MS) {
		lastPrune.set(ctx.db, ctx.clock.now());
		pruneWebhooks(ctx);
	}
	return result;
}

export { worker_exports as n, runWebhookDeliveries as t };
//# sourceMappingURL=cli.chunk-worker-BEHyUk-9.js.map