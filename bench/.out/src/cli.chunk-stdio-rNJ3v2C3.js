import { t as StdioServerTransport } from "./cli.chunk-stdio-DrHghhcY.js";
import { n as log, r as setLogLevel } from "./cli.chunk-log-CjkleYbr.js";
import { n as createMcpServer } from "./cli.chunk-server-D6StJXQG.js";
import { Pool, request } from "undici";
import { Nt as FILE_LIMITS } from "./cli.chunk-schemas-BElJBXx3.js";
import { f as mimeFromFilename, l as humanSize } from "./cli.chunk-tools-B8n31OqJ.js";
import { n as invalid, t as VoxError } from "./cli.chunk-errors-CWlajiIK.js";

// bench/.out/src/hosted/sse.js
const MAX_BUFFER_CHARS = 1048576;
var SseParser = class {
	onEvent;
	buf = "";
	data = [];
	event = "";
	id = null;
	/** The last id seen (what Last-Event-ID resumes from). */
	lastEventId = null;
	retryMs = null;
	constructor(onEvent) {
		this.onEvent = onEvent;
	}
	push(chunk) {
		this.buf += chunk;
		if (this.buf.length > MAX_BUFFER_CHARS) throw new Error("SSE line too long");
		for (;;) {
			const m = /\r\n|\r|\n/.exec(this.buf);
			if (!m) break;
			const line = this.buf.slice(0, m.index);
			if (m[0] === "\r" && m.index === this.buf.length - 1) break;
			this.buf = this.buf.slice(m.index + m[0].length);
			this.line(line);
		}
	}
	line(line) {
		if (line === "") return this.dispatch();
		if (line.startsWith(":")) return;
		const i = line.indexOf(":");
		const field = i < 0 ? line : line.slice(0, i);
		let value = i < 0 ? "" : line.slice(i + 1);
		if (value.startsWith(" ")) value = value.slice(1);
		if (field === "data") this.data.push(value);
		else if (field === "event") this.event = value;
		else if (field === "id" && !value.includes("\0")) this.id = value;
		else if (field === "retry" && /^\d+$/.test(value)) this.retryMs = Number(value);
	}
	dispatch() {
		if (this.id !== null) this.lastEventId = this.id;
		if (this.data.length) this.onEvent({
			id: this.id ?? this.lastEventId,
			event: this.event || "message",
			data: this.data.join("\n")
		});
		this.data = [];
		this.event = "";
		this.id = null;
	}
};

// bench/.out/src/hosted/client.js
/**
* Hosted mode: the Marketplace interface over the VoxPact REST API (api-reference.txt), so the
* same MCP tools work against any VoxPact-compatible server. One undici Pool (keep-alive) per
* API origin. The API key is exchanged for a JWT at POST /v1/agents/auth/token and refreshed
* at 80 % of its life; a 401 re-exchanges once. 429 waits Retry-After (bounded) and retries.
* Errors `{ success: false, error: { code, message, … } }` become the same VoxError the
* embedded engine throws, so tools answer identically. `changesSince` / `latestChangeSeq`
* follow GET /v1/events (SSE, resumed with Last-Event-ID) so resource subscriptions work.
*/
/** Refresh when this fraction of the token's life has passed. */
const REFRESH_AT = .8;
/** Change events kept for subscribers (the newest). */
const FEED_BUFFER_MAX = 2e3;
const FEED_READ_MAX = 500;
const QUOTE_SCAN_PAGES = 4;
const sleepReal = (ms) => new Promise((r) => setTimeout(r, ms).unref());
const enc = encodeURIComponent;
function withoutKey(input) {
	const { idempotency_key, ...body } = input;
	return {
		body,
		key: idempotency_key
	};
}
var HostedMarketplace = class HostedMarketplace {
	pool;
	base;
	o;
	grant = null;
	renewing = null;
	closed = false;
	feed = [];
	lastSeq = null;
	following = null;
	streamAbort = null;
	id = "";
	/** The agent the API key belongs to (from the token exchange). */
	get agentId() {
		return this.id;
	}
	constructor(o) {
		const url = new URL(o.apiUrl);
		this.base = url.pathname.replace(/\/+$/, "");
		this.o = {
			maxRetryAfterS: 30,
			maxRateLimitRetries: 3,
			requestTimeoutMs: 3e4,
			connections: 8,
			nowMs: () => Date.now(),
			sleep: sleepReal,
			...o
		};
		this.pool = new Pool(url.origin, {
			connections: this.o.connections,
			keepAliveTimeout: 3e4,
			keepAliveMaxTimeout: 6e5
		});
	}
	/** Exchange the key (learning which agent it is) and return the client. */
	static async connect(o) {
		if (!o.apiKey) throw new VoxError("unauthorized", "hosted mode needs VOXPACT_API_KEY (the agent API key, vxp_live_…)", 401);
		const mp = new HostedMarketplace(o);
		try {
			const grant = await mp.exchange();
			if (!grant.agent_id) throw new VoxError("upstream_error", `the API at ${o.apiUrl} answered the token exchange without agent_id`, 502);
			mp.id = grant.agent_id;
			mp.keep(grant);
			return mp;
		} catch (e) {
			await mp.close();
			throw e;
		}
	}
	/** Stop following events and close the connections. */
	async close() {
		this.closed = true;
		this.streamAbort?.abort();
		await this.pool.close().catch(() => {});
	}
	keep(g) {
		const now = this.o.nowMs();
		this.grant = {
			token: g.token,
			refreshAtMs: now + g.expires_in * 1e3 * REFRESH_AT,
			expiresAtMs: now + g.expires_in * 1e3
		};
	}
	exchange() {
		return this.raw("POST", "/v1/agents/auth/token", {
			body: {
				api_key: this.o.apiKey,
				owner_email: this.o.ownerEmail
			},
			auth: false
		});
	}
	/** A valid JWT: the current one, refreshed at 80 % of its life, or a new exchange. */
	bearer() {
		const g = this.grant;
		if (g && this.o.nowMs() < g.refreshAtMs) return Promise.resolve(g.token);
		this.renewing ??= this.renew().finally(() => this.renewing = null);
		return this.renewing;
	}
	async renew() {
		const g = this.grant;
		if (g && this.o.nowMs() < g.expiresAtMs - 5e3) try {
			const fresh = await this.raw("POST", "/v1/agents/auth/refresh", {
				auth: false,
				bearer: g.token
			});
			this.keep(fresh);
			return fresh.token;
		} catch (e) {
			log("debug", "token refresh failed; exchanging the API key again", { error: e.message });
		}
		this.keep(await this.exchange());
		return this.grant.token;
	}
	url(path, query) {
		const qs = new URLSearchParams();
		for (const [k, v] of Object.entries(query ?? {})) {
			if (v === void 0 || v === null) continue;
			qs.set(k, Array.isArray(v) ? v.join(",") : String(v));
		}
		const s = qs.toString();
		return `${this.base}${path}${s ? `?${s}` : ""}`;
	}
	/** One call with the agent's JWT: a 401 re-exchanges the key once. */
	async call(method, path, o = {}) {
		if (o.auth === false) return this.raw(method, path, o);
		let token = await this.bearer();
		try {
			return await this.raw(method, path, {
				...o,
				bearer: token
			});
		} catch (e) {
			if (!(e instanceof VoxError) || e.status !== 401 || e.details.upstream_401 !== true) throw e;
			this.grant = null;
			token = await this.bearer();
			return this.raw(method, path, {
				...o,
				bearer: token
			});
		}
	}
	/** One request, with the 429 retries; `{ success, data }` → data, errors → VoxError. */
	async raw(method, path, o) {
		const headers = {
			accept: "application/json",
			"user-agent": "voxpact-mcp (hosted)"
		};
		if (o.bearer) headers.authorization = `Bearer ${o.bearer}`;
		if (o.idempotencyKey) headers["idempotency-key"] = o.idempotencyKey;
		const body = o.body === void 0 ? void 0 : JSON.stringify(o.body);
		if (body !== void 0) headers["content-type"] = "application/json";
		const target = this.url(path, o.query);
		for (let attempt = 0;; attempt++) {
			let status;
			let text;
			let retryAfterHeader;
			try {
				const res = await this.pool.request({
					path: target,
					method,
					headers,
					body,
					headersTimeout: this.o.requestTimeoutMs,
					bodyTimeout: this.o.requestTimeoutMs
				});
				status = res.statusCode;
				const ra = res.headers["retry-after"];
				retryAfterHeader = Array.isArray(ra) ? ra[0] : ra;
				text = await res.body.text();
			} catch (e) {
				if (this.closed) throw new VoxError("unavailable", "the hosted client is closed", 503);
				const err = e;
				if (method === "GET" && attempt === 0) continue;
				throw new VoxError("upstream_unavailable", `cannot reach the VoxPact API at ${this.o.apiUrl} (${err.code ?? err.name}: ${err.message})`, 502);
			}
			let parsed = null;
			try {
				parsed = JSON.parse(text);
			} catch {
				parsed = null;
			}
			if (status >= 200 && status < 300 && parsed && parsed.success !== false) return parsed.success === true ? parsed.data : parsed;
			const err = this.toError(status, parsed, text, method, path);
			if (status === 429 && attempt < this.o.maxRateLimitRetries) {
				const wait = retryAfterHeader !== void 0 && /^\d+$/.test(retryAfterHeader.trim()) ? Number(retryAfterHeader) : err.details.retry_after_s;
				if (wait !== void 0 && wait <= this.o.maxRetryAfterS) {
					log("info", "rate limited by the API; waiting Retry-After", {
						path,
						retry_after_s: wait
					});
					await this.o.sleep(Math.max(0, wait) * 1e3);
					continue;
				}
			}
			throw err;
		}
	}
	toError(status, parsed, text, method, path) {
		const e = parsed?.error;
		if (e && typeof e.code === "string") {
			const { code, message, ...rest } = e;
			const details = { ...rest };
			if (typeof rest.retry_after === "number") details.retry_after_s = rest.retry_after;
			if (status === 401) details.upstream_401 = true;
			const err = new VoxError(code, String(message ?? code), status, details);
			Object.defineProperty(err.details, "upstream_401", { enumerable: false });
			return err;
		}
		const snippet = text.replace(/\s+/g, " ").slice(0, 200);
		const details = {};
		if (status === 401) Object.defineProperty(details, "upstream_401", {
			value: true,
			enumerable: false
		});
		return new VoxError(status === 404 ? "not_found" : "upstream_error", `${method} ${path} answered HTTP ${status}${snippet ? `: ${snippet}` : ""}`, status >= 400 ? status : 502, details);
	}
	registerAgent(input) {
		return this.call("POST", "/v1/agents/register", {
			body: input,
			auth: false
		});
	}
	searchAgents(input) {
		return this.call("GET", "/v1/agents/search", {
			query: input,
			auth: false
		});
	}
	async getPlatformInfo() {
		const p = await this.call("GET", "/v1/platform", { auth: false });
		const r = this.o.rails;
		return {
			...p,
			backend: "hosted",
			spending_rails: {
				max_job_amount: r?.maxJobCents == null ? null : r.maxJobCents / 100,
				confirm_above: r?.confirmAboveCents == null ? null : r.confirmAboveCents / 100
			}
		};
	}
	getDashboard() {
		return this.call("GET", "/v1/dashboard");
	}
	getMyAgent() {
		return this.call("GET", "/v1/agents/me");
	}
	updateMyAgent(input) {
		return this.call("PATCH", "/v1/agents/me", { body: input });
	}
	getAgent(id) {
		return this.call("GET", `/v1/agents/${enc(id)}`, { auth: false });
	}
	listAgentReviews(id, limit, offset) {
		return this.call("GET", `/v1/agents/${enc(id)}/reviews`, {
			query: {
				limit,
				offset
			},
			auth: false
		});
	}
	getTrustHistory(limit, offset) {
		return this.call("GET", "/v1/agents/me/trust-history", { query: {
			limit,
			offset
		} });
	}
	postJob(input) {
		const { body, key } = withoutKey(input);
		return this.call("POST", "/v1/jobs", {
			body,
			idempotencyKey: key
		});
	}
	listJobs(input) {
		return this.call("GET", "/v1/jobs", { query: input });
	}
	getJob(id) {
		return this.call("GET", `/v1/jobs/${enc(id)}`);
	}
	browseOpenJobs(input) {
		return this.call("GET", "/v1/jobs/open", {
			query: input,
			auth: false
		});
	}
	getJobTransitions(id) {
		return this.call("GET", `/v1/jobs/${enc(id)}/transitions`);
	}
	acceptJob(id) {
		return this.call("POST", `/v1/jobs/${enc(id)}/accept`);
	}
	startJob(id) {
		return this.call("POST", `/v1/jobs/${enc(id)}/start`);
	}
	deliverJob(id, input) {
		const { body, key } = withoutKey(input);
		return this.call("POST", `/v1/jobs/${enc(id)}/deliver`, {
			body,
			idempotencyKey: key
		});
	}
	getDeliverablePreview(id) {
		return this.call("GET", `/v1/jobs/${enc(id)}/deliverable/preview`);
	}
	getDeliverable(id) {
		return this.call("GET", `/v1/jobs/${enc(id)}/deliverable`);
	}
	approveJob(id, opts = {}) {
		return this.call("POST", `/v1/jobs/${enc(id)}/approve`, { idempotencyKey: opts.idempotency_key });
	}
	requestRevision(id, feedback) {
		return this.call("POST", `/v1/jobs/${enc(id)}/revision`, { body: { feedback } });
	}
	cancelJob(id, input) {
		const { body, key } = withoutKey(input);
		return this.call("POST", `/v1/jobs/${enc(id)}/cancel`, {
			body,
			idempotencyKey: key
		});
	}
	submitBid(jobId, input) {
		const { body, key } = withoutKey(input);
		return this.call("POST", `/v1/jobs/${enc(jobId)}/bids`, {
			body,
			idempotencyKey: key
		});
	}
	listBids(jobId) {
		return this.call("GET", `/v1/jobs/${enc(jobId)}/bids`);
	}
	acceptBid(bidId, opts = {}) {
		return this.call("POST", `/v1/bids/${enc(bidId)}/accept`, { idempotencyKey: opts.idempotency_key });
	}
	counterBid(bidId, input) {
		return this.call("POST", `/v1/bids/${enc(bidId)}/counter`, { body: input });
	}
	/**
	* The reference has no endpoint for one bid: find it among the bids of the caller's open
	* jobs (bounded), then the payee's public profile. not_found when it is not the caller's.
	*/
	async quoteBid(bidId) {
		for (let page = 0; page < QUOTE_SCAN_PAGES; page++) {
			const jobs = await this.listJobs({
				role: "buyer",
				status: "open",
				limit: 50,
				offset: page * 50
			});
			for (const j of jobs.items) {
				const bid = (await this.listBids(j.id)).items.find((b) => b.id === bidId);
				if (!bid) continue;
				const payee = await this.getAgent(bid.worker_agent_id);
				return {
					amount: bid.proposed_price,
					payee_agent_id: bid.worker_agent_id,
					payee_name: payee.name,
					job_id: j.id,
					job_title: j.title
				};
			}
			if (jobs.items.length < 50) break;
		}
		throw new VoxError("not_found", `bid '${bidId}' not found`, 404);
	}
	leaveReview(jobId, input) {
		return this.call("POST", `/v1/jobs/${enc(jobId)}/review`, { body: input });
	}
	listNotifications(input) {
		return this.call("GET", "/v1/notifications", { query: input });
	}
	markNotificationRead(id) {
		return this.call("PATCH", `/v1/notifications/${enc(id)}/read`);
	}
	markAllNotificationsRead() {
		return this.call("POST", "/v1/notifications/read-all");
	}
	async listPaymentMethods() {
		const items = await this.call("GET", "/v1/payment-methods");
		return {
			items,
			count: items.length
		};
	}
	setupPaymentMethod() {
		return this.call("POST", "/v1/payment-methods/setup");
	}
	savePaymentMethod(paymentMethodId, opts = {}) {
		return this.call("POST", "/v1/payment-methods/save", { body: {
			payment_method_id: paymentMethodId,
			make_default: opts.make_default
		} });
	}
	deletePaymentMethod(id) {
		return this.call("DELETE", `/v1/payment-methods/${enc(id)}`);
	}
	getPayouts() {
		return this.call("GET", "/v1/payouts/history");
	}
	connectOnboard() {
		return this.call("POST", "/v1/connect/onboard");
	}
	connectStatus() {
		return this.call("GET", "/v1/connect/status");
	}
	getWebhookLog(limit, offset) {
		return this.call("GET", "/v1/webhooks/log", { query: {
			limit,
			offset
		} });
	}
	requestUpload(jobId, input) {
		return this.call("POST", `/v1/jobs/${enc(jobId)}/files/upload-url`, { body: input });
	}
	confirmUpload(jobId, fileId) {
		return this.call("POST", `/v1/jobs/${enc(jobId)}/files/${enc(fileId)}/confirm`);
	}
	/** Inline upload as the embedded engine does it: request the URL, PUT the bytes, confirm. */
	async uploadFile(jobId, input) {
		if (input.content === void 0 === (input.content_base64 === void 0)) throw new VoxError("validation_error", "give exactly one of content (text) or content_base64", 400, { field: input.content === void 0 ? "content" : "content_base64" });
		let bytes;
		if (input.content !== void 0) bytes = Buffer.from(input.content, "utf8");
		else {
			const b64 = input.content_base64.replace(/\s+/g, "");
			if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw invalid("content_base64", "is not valid base64");
			bytes = Buffer.from(b64, "base64");
		}
		if (bytes.length > FILE_LIMITS.inline_max_bytes) throw new VoxError("file_too_large", `inline content is ${humanSize(bytes.length)}; at most ${humanSize(FILE_LIMITS.inline_max_bytes)} goes inline — call upload_file without content for an upload URL`, 413, { field: input.content !== void 0 ? "content" : "content_base64" });
		const content_type = input.content_type ?? mimeFromFilename(input.filename) ?? (input.content !== void 0 ? "text/plain; charset=utf-8" : null);
		if (!content_type) throw new VoxError("validation_error", `content_type is required: the filename '${input.filename}' does not say what the bytes are`, 400, { field: "content_type" });
		const up = await this.requestUpload(jobId, {
			purpose: input.purpose,
			filename: input.filename,
			content_type,
			file_size_bytes: Math.max(1, bytes.length),
			metadata: input.metadata
		});
		let res;
		try {
			res = await request(up.upload_url, {
				method: "PUT",
				body: bytes,
				headers: {
					...up.headers,
					"content-length": String(bytes.length)
				},
				headersTimeout: this.o.requestTimeoutMs,
				bodyTimeout: this.o.requestTimeoutMs
			});
		} catch (e) {
			throw new VoxError("upstream_unavailable", `uploading ${input.filename} to its upload_url failed (${e.message}); retry upload_file`, 502);
		}
		const text = await res.body.text();
		if (res.statusCode < 200 || res.statusCode >= 300) {
			let parsed = null;
			try {
				parsed = JSON.parse(text);
			} catch {}
			throw this.toError(res.statusCode, parsed, text, "PUT", "upload_url");
		}
		return this.confirmUpload(jobId, up.file_id);
	}
	async listFiles(jobId, input) {
		const r = await this.call("GET", `/v1/jobs/${enc(jobId)}/files`, { query: input });
		if (Array.isArray(r)) return {
			items: r,
			count: r.length,
			total: r.length
		};
		return {
			...r,
			total: r.total ?? r.count
		};
	}
	getFileDownloadUrl(jobId, fileId) {
		return this.call("GET", `/v1/jobs/${enc(jobId)}/files/${enc(fileId)}/download-url`);
	}
	previewFile(jobId, fileId) {
		return this.call("GET", `/v1/jobs/${enc(jobId)}/files/${enc(fileId)}/preview`);
	}
	deleteFile(jobId, fileId) {
		return this.call("DELETE", `/v1/jobs/${enc(jobId)}/files/${enc(fileId)}`);
	}
	sendMessage(jobId, input) {
		return this.call("POST", `/v1/jobs/${enc(jobId)}/messages`, { body: input });
	}
	async listMessages(jobId, input) {
		const r = await this.call("GET", `/v1/jobs/${enc(jobId)}/messages`, { query: input });
		if (Array.isArray(r)) return {
			items: r,
			count: r.length,
			total: r.length
		};
		return {
			...r,
			total: r.total ?? r.count
		};
	}
	getValidationRecord(jobId) {
		return this.call("GET", `/v1/jobs/${enc(jobId)}/validation`);
	}
	openDispute(jobId, input) {
		const { idempotency_key, ...body } = input;
		return this.call("POST", `/v1/jobs/${enc(jobId)}/dispute`, {
			body,
			idempotencyKey: idempotency_key
		});
	}
	getDispute(jobId) {
		return this.call("GET", `/v1/jobs/${enc(jobId)}/dispute`);
	}
	requestDisputeReview(disputeId, input = {}) {
		return this.call("POST", `/v1/disputes/${enc(disputeId)}/request-review`, { body: input });
	}
	async changesSince(afterSeq) {
		await this.follow();
		return this.feed.filter((c) => c.seq > afterSeq).slice(0, FEED_READ_MAX);
	}
	async latestChangeSeq() {
		await this.follow();
		return this.lastSeq ?? 0;
	}
	/** Start following the stream once; resolves when it is connected (or after 5 s trying). */
	follow() {
		if (this.following) return this.following;
		let connected;
		const ready = new Promise((r) => connected = r);
		this.followLoop(connected);
		this.following = Promise.race([ready, sleepReal(5e3)]);
		return this.following;
	}
	async followLoop(connected) {
		let backoffMs = 500;
		while (!this.closed) {
			const abort = new AbortController();
			this.streamAbort = abort;
			try {
				const headers = {
					accept: "text/event-stream",
					authorization: `Bearer ${await this.bearer()}`
				};
				if (this.lastSeq !== null) headers["last-event-id"] = String(this.lastSeq);
				const res = await this.pool.request({
					path: this.url("/v1/events"),
					method: "GET",
					headers,
					signal: abort.signal,
					headersTimeout: this.o.requestTimeoutMs,
					bodyTimeout: 6e4
				});
				if (res.statusCode !== 200) {
					const text = await res.body.text();
					let parsed = null;
					try {
						parsed = JSON.parse(text);
					} catch {}
					const err = this.toError(res.statusCode, parsed, text, "GET", "/v1/events");
					if (res.statusCode === 401) this.grant = null;
					throw err;
				}
				connected();
				backoffMs = 500;
				const parser = new SseParser((e) => this.onEvent(e.event, e.id, e.data));
				const decoder = new TextDecoder();
				for await (const chunk of res.body) parser.push(decoder.decode(chunk, { stream: true }));
			} catch (e) {
				if (this.closed) break;
				log("debug", "event stream interrupted; reconnecting", {
					error: e.message,
					backoff_ms: backoffMs
				});
				await sleepReal(backoffMs);
				backoffMs = Math.min(backoffMs * 2, 3e4);
				continue;
			}
			if (!this.closed) await sleepReal(200);
		}
	}
	onEvent(event, id, data) {
		if (event === "error") {
			try {
				const err = JSON.parse(data);
				if (err.code === "token_expired" || err.code === "unauthorized" || err.code === "invalid_token") this.grant = null;
			} catch {}
			return;
		}
		let ev;
		try {
			ev = JSON.parse(data);
		} catch {
			return;
		}
		const seq = typeof ev.seq === "number" ? ev.seq : id !== null && /^\d+$/.test(id) ? Number(id) : null;
		if (seq === null || this.lastSeq !== null && seq <= this.lastSeq) return;
		this.lastSeq = seq;
		this.feed.push({
			seq,
			job_id: ev.job_id ?? null,
			agent_id: this.agentId,
			type: ev.type ?? event
		});
		if (this.feed.length > FEED_BUFFER_MAX) this.feed.splice(0, this.feed.length - FEED_BUFFER_MAX);
	}
};
/** Hosted mode from the configuration (VOXPACT_API_URL, VOXPACT_API_KEY). */
function openHosted(config) {
	if (!config.apiKey) throw new VoxError("unauthorized", "VOXPACT_BACKEND=hosted needs VOXPACT_API_KEY (your agent API key, vxp_live_…) and VOXPACT_API_URL (default https://api.voxpact.com)", 401);
	return HostedMarketplace.connect({
		apiUrl: config.apiUrl,
		apiKey: config.apiKey,
		rails: {
			maxJobCents: config.maxJobCents,
			confirmAboveCents: config.confirmAboveCents
		}
	});
}

// bench/.out/src/hosted/stdio.js
/**
* `voxpact-mcp` with VOXPACT_BACKEND=hosted (or --backend hosted): the same MCP tools and
* resources on stdin/stdout, proxied to the VoxPact REST API of VOXPACT_API_URL as the agent of
* VOXPACT_API_KEY. No database, no timers: the API runs them.
*/
async function runHostedStdio(o) {
	const { config } = o;
	setLogLevel(config.logLevel);
	const mp = await openHosted(config);
	const server = createMcpServer({
		mp,
		config,
		toolsets: o.toolsets,
		readOnly: o.readOnly
	});
	let closing = false;
	const shutdown = async () => {
		if (closing) return;
		closing = true;
		await server.close().catch(() => {});
		await mp.close();
		process.exit(0);
	};
	process.stdin.on("end", shutdown);
	process.stdin.on("close", shutdown);
	process.on("SIGINT", shutdown);
	process.on("SIGTERM", shutdown);
	await server.connect(new StdioServerTransport());
	log("debug", "stdio server ready (hosted)", {
		agent_id: mp.agentId,
		api: config.apiUrl
	});
}

export { runHostedStdio };
//# sourceMappingURL=cli.chunk-stdio-rNJ3v2C3.js.map