// bench/.out/src/webhooks/options.js
const WEBHOOK_DEFAULTS = {
	allowLoopback: false,
	timeoutMs: 5e3,
	pingTimeoutMs: 5e3,
	maxRedirects: 3,
	signingNowMs: () => Date.now(),
	concurrency: 8
};
let configured = null;
/** The options in force: defaults ← environment ← configureWebhooks ← per-call overrides. */
function webhookOptions(overrides = {}) {
	const fromEnv = { allowLoopback: process.env.VOXPACT_WEBHOOK_ALLOW_LOOPBACK === "1" };
	return {
		...WEBHOOK_DEFAULTS,
		...fromEnv,
		...configured ?? {},
		...overrides
	};
}
/** With the loopback switch on, `http://127.x.x.x`, `http://localhost` and `http://[::1]` pass as webhook URLs (schemas.ts). */
function loopbackHttpAllowed(url) {
	return webhookOptions().allowLoopback && /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?(\/|$)/i.test(url);
}

export { webhookOptions as n, loopbackHttpAllowed as t };
//# sourceMappingURL=cli.chunk-options-zE7LqZjJ.js.map