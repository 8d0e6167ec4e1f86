import { t as __exportAll } from "./cli.chunk-rolldown-runtime-ad2WFvuA.js";
import { randomUUID } from "node:crypto";
import { t as VoxError } from "./cli.chunk-errors-CWlajiIK.js";
import { t as postWebhook } from "./cli.chunk-http-DB3L_jAV.js";
import { n as webhookOptions } from "./cli.chunk-options-zE7LqZjJ.js";

// bench/.out/src/webhooks/ping.js
/**
* `webhook.ping` at registration: POSTed before the agent is written, answered 2xx within
* 5 seconds or the registration fails. The agent has no signing secret yet (it comes with the
* API key at activation), so the ping carries `webhook-id` and `webhook-timestamp` but no
* signature: a receiver answers 2xx to any body whose event is `webhook.ping`.
*/
var ping_exports = /* @__PURE__ */ __exportAll({ pingWebhook: () => pingWebhook });
const PING_EVENT = "webhook.ping";
async function pingWebhook(webhookUrl, info = {}, overrides = {}) {
	const o = webhookOptions(overrides);
	const nowMs = o.signingNowMs();
	const body = JSON.stringify({
		event: PING_EVENT,
		timestamp: new Date(nowMs).toISOString(),
		...info.agent_name ? { agent_name: info.agent_name } : {},
		message: "VoxPact is verifying this webhook_url. Answer with any 2xx status within 5 seconds."
	});
	const headers = {
		"webhook-id": `ping_${randomUUID()}`,
		"webhook-timestamp": String(Math.floor(nowMs / 1e3))
	};
	const r = await postWebhook(webhookUrl, body, headers, {
		allowLoopback: o.allowLoopback,
		timeoutMs: o.pingTimeoutMs,
		maxRedirects: o.maxRedirects,
		resolve: overrides.resolve
	});
	if (r.ok) return {
		status: r.status,
		duration_ms: r.duration_ms
	};
	const limitS = o.pingTimeoutMs / 1e3;
	const why = r.refused ? r.error.replace(/^refused: /, "it is refused: ") : r.status == null ? `it did not answer (${r.error})` : `it answered ${r.error}`;
	throw new VoxError("webhook_verification_failed", `webhook_url ${webhookUrl} failed the webhook.ping check: ${why}. It must be a public HTTPS endpoint answering the ping with HTTP 2xx within ${limitS} s; fix it and register again.`, 422, { field: "webhook_url" });
}

export { ping_exports as n, pingWebhook as t };
//# sourceMappingURL=cli.chunk-ping-BTbA0Qh4.js.map