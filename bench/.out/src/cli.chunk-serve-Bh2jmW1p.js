import { i as __toESM, t as __commonJSMin } from "./cli.chunk-rolldown-runtime-Bi5HrKRR.js";
import { serve } from "./cli.chunk-dist-C_uetYTG.js";
import { n as log, r as setLogLevel } from "./cli.chunk-log-CjkleYbr.js";
import { openEngine, startTimers } from "./cli.chunk-stdio-DrHghhcY.js";
import { a as tryDecodeURIComponent, i as resolveCallback, n as Hono, o as HTTPException, r as HtmlEscapedCallbackPhase } from "./cli.chunk-dist-BvcHi1U8.js";
import { i as unauthorized, r as notFound, t as VoxError } from "./cli.chunk-errors-CWlajiIK.js";
import { $ as RequestDisputeReviewInput, A as MarkedRead, At as RequestUploadInput, B as PageQuery, Ct as ConfirmedFile, D as ListJobsInput, Dt as FilePage, Et as FileId, G as PlatformInfo, H as PaymentMethod, I as OpenDisputeInput, J as PublicAgent, K as PostJobInput, L as OpenJob, M as Notification, Mt as UploadUrl, N as NotificationPage, O as ListMessagesInput, Ot as FilePreview, P as NotificationsInput, Q as RegisterResult, R as OwnerAgent, St as schemas_exports, T as JobId, Tt as DownloadUrl, U as PaymentMethodIdInput, V as PayCheckoutRequest, W as Payouts, X as RecoverKeyRequest, Y as RankedAgent, Z as RegisterAgentInput, _ as DeliverInput, _t as Uuid, a as ActivationInfo, at as SavedPaymentMethod, b as Dispute, bt as WebhookLogInput, c as Bid, ct as SendMessageInput, d as CancelInput, et as ResolveDisputeInput, f as ConfirmRecoveryRequest, ft as TokenGrant, g as DeletedPaymentMethod, gt as UpdateAgentInput, h as DeletedAgent, ht as TrustEvent, i as ActivateRequest, it as SavePaymentMethodRequest, j as Message, k as MagicLinkRequest, kt as ListFilesInput, l as BidId, lt as SetupIntent, m as Dashboard, mt as Transition, n as Acknowledgement, nt as ReviewInput, o as ActivationResult, ot as SearchAgentsInput, p as CounterBidInput, pt as TokenRequest, q as PrivateAgent, r as ActivateInfoQuery, rt as RevisionInput, s as AgentId, st as SelectAgentRequest, t as AcceptBidResult, tt as Review, u as BrowseOpenJobsInput, ut as SubmitBidInput, v as DeliverResult, vt as ValidationRecordView, w as Job, wt as DeletedFile, x as FeedEvent, xt as page, y as Deliverable, yt as WebhookLog, z as OwnerVerifyRequest } from "./cli.chunk-schemas-BElJBXx3.js";
import { B as isInitializeRequest, D as JSONRPCMessageSchema, H as isJSONRPCRequest, R as SUPPORTED_PROTOCOL_VERSIONS, U as isJSONRPCResultResponse, V as isJSONRPCErrorResponse, b as DEFAULT_NEGOTIATED_PROTOCOL_VERSION, n as createMcpServer, t as VERSION } from "./cli.chunk-server-D6StJXQG.js";
import { c as visibleJob, l as notificationView, n as looksLikeApiKey, r as FILES_PATH_PREFIX, s as view } from "./cli.chunk-engine-Dj7OKqtB.js";
import { A as toJSONSchema, E as string, G as iso, M as registry, b as number, c as ZodObject, k as ZodError, m as boolean, p as array, u as ZodType, v as literal, x as object } from "./cli.js";
import { b as ConnectOnboard, r as describeIssues, x as ConnectStatus } from "./cli.chunk-tools-B8n31OqJ.js";
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { n as paymentsOf } from "./cli.chunk-marketplace-CvlMXmLS.js";
import { t as filesRoutes } from "./cli.chunk-http-CVixfNQ_.js";

// node_modules/hono/dist/middleware/body-limit/index.js
const ERROR_MESSAGE = "Payload Too Large";
/**
* Body Limit Middleware for Hono.
*
* @see {@link https://hono.dev/docs/middleware/builtin/body-limit}
*
* @param {BodyLimitOptions} options - The options for the body limit middleware.
* @param {number} options.maxSize - The maximum body size allowed.
* @param {OnError} [options.onError] - The error handler to be invoked if the specified body size is exceeded.
* @returns {MiddlewareHandler} The middleware handler function.
*
* @example
* ```ts
* const app = new Hono()
*
* app.post(
*   '/upload',
*   bodyLimit({
*     maxSize: 50 * 1024, // 50kb
*     onError: (c) => {
*       return c.text('overflow :(', 413)
*     },
*   }),
*   async (c) => {
*     const body = await c.req.parseBody()
*     if (body['file'] instanceof File) {
*       console.log(`Got file sized: ${body['file'].size}`)
*     }
*     return c.text('pass :)')
*   }
* )
* ```
*/
const bodyLimit = (options) => {
	const onError = options.onError || (() => {
		const res = new Response(ERROR_MESSAGE, { status: 413 });
		throw new HTTPException(413, { res });
	});
	const maxSize = options.maxSize;
	return async function bodyLimit(c, next) {
		if (!c.req.raw.body) return next();
		const hasTransferEncoding = c.req.raw.headers.has("transfer-encoding");
		if (c.req.raw.headers.has("content-length") && !hasTransferEncoding) return parseInt(c.req.raw.headers.get("content-length") || "0", 10) > maxSize ? onError(c) : next();
		let size = 0;
		let buffer = /* @__PURE__ */ new Uint8Array(0);
		const rawReader = c.req.raw.body.getReader();
		for (;;) {
			const { done, value } = await rawReader.read();
			if (done) break;
			const offset = size;
			size += value.length;
			if (size > maxSize) return onError(c);
			if (size > buffer.length) {
				const grown = new Uint8Array(Math.min(maxSize, Math.max(size, buffer.length * 2)));
				grown.set(buffer.subarray(0, offset));
				buffer = grown;
			}
			buffer.set(value, offset);
		}
		c.req.raw = new Request(c.req.raw, { body: buffer.subarray(0, size) });
		return next();
	};
};

// node_modules/@hono/node-server/dist/conninfo.mjs
/**
* ConnInfo Helper for Node.js
* @param c Context
* @returns ConnInfo
*/
const getConnInfo = (c) => {
	const bindings = c.env.server ? c.env.server : c.env;
	const address = bindings.incoming.socket.remoteAddress;
	const port = bindings.incoming.socket.remotePort;
	const family = bindings.incoming.socket.remoteFamily;
	return { remote: {
		address,
		port,
		addressType: family === "IPv4" ? "IPv4" : family === "IPv6" ? "IPv6" : void 0
	} };
};

// bench/.out/src/api/auth.js
/** The credential of `Authorization: Bearer <credential>`; null when absent; 401 when malformed. */
function bearerOf(c) {
	const h = c.req.header("Authorization");
	if (h === void 0 || h.trim() === "") return null;
	const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
	if (!m) throw unauthorized("the Authorization header must be \"Bearer <token>\"");
	return m[1];
}
const MISSING_JWT = "missing credentials: send Authorization: Bearer <jwt> (get one with POST /v1/agents/auth/token)";
const wrongScope = (needed) => needed === "agent" ? new VoxError("wrong_scope", "this endpoint needs an agent token, and this is an owner token: call POST /v1/owners/auth/select-agent with an agent_id first", 403) : new VoxError("wrong_scope", "this endpoint needs an owner token (POST /v1/owners/auth/magic-link, then /v1/owners/auth/verify); agent tokens are not accepted", 403);
/** Authenticate `credential` (API key or JWT) as an agent: for /mcp and /v1/events. */
async function agentFromCredential(identity, credential) {
	if (!credential) throw unauthorized("missing credentials: send Authorization: Bearer <API key or JWT>");
	const p = await identity.authenticate(credential);
	if (p.scope !== "agent") throw wrongScope("agent");
	return p;
}
/** The principal a route with `auth` accepts, or the 401/403 refusal. Public routes: null. */
async function authorize(identity, auth, c, tokenParam) {
	if (auth === "public") return {
		principal: null,
		credential: null
	};
	const credential = bearerOf(c) ?? (auth === "token-param" ? tokenParam ?? null : null);
	if (auth === "token-param") return {
		principal: await agentFromCredential(identity, credential),
		credential
	};
	if (!credential) throw unauthorized(MISSING_JWT);
	if (looksLikeApiKey(credential)) throw new VoxError("invalid_token", "an API key is not a bearer token here: exchange it for a JWT with POST /v1/agents/auth/token { api_key }", 401);
	const principal = await identity.verifyJwt(credential);
	if (auth === "agent" && principal.scope !== "agent") throw wrongScope("agent");
	if (auth === "owner" && principal.scope !== "owner") throw wrongScope("owner");
	return {
		principal,
		credential
	};
}

// node_modules/hono/dist/utils/stream.js
/**
* @module
* Stream utility.
*/
var StreamingApi = class {
	writer;
	encoder;
	writable;
	abortSubscribers = [];
	responseReadable;
	/**
	* Whether the stream has been aborted.
	*/
	aborted = false;
	/**
	* Whether the stream has been closed normally.
	*/
	closed = false;
	constructor(writable, _readable) {
		this.writable = writable;
		this.writer = writable.getWriter();
		this.encoder = new TextEncoder();
		const reader = _readable.getReader();
		this.abortSubscribers.push(async () => {
			await reader.cancel();
		});
		this.responseReadable = new ReadableStream({
			async pull(controller) {
				const { done, value } = await reader.read();
				done ? controller.close() : controller.enqueue(value);
			},
			cancel: () => {
				if (!this.closed) this.abort();
			}
		});
	}
	async write(input) {
		try {
			if (typeof input === "string") input = this.encoder.encode(input);
			await this.writer.write(input);
		} catch {}
		return this;
	}
	async writeln(input) {
		await this.write(input + "\n");
		return this;
	}
	sleep(ms) {
		return new Promise((res) => setTimeout(res, ms));
	}
	async close() {
		this.closed = true;
		try {
			await this.writer.close();
		} catch {}
	}
	async pipe(body) {
		this.writer.releaseLock();
		try {
			await body.pipeTo(this.writable, {
				preventClose: true,
				preventAbort: true
			});
		} finally {
			this.writer = this.writable.getWriter();
		}
	}
	onAbort(listener) {
		this.abortSubscribers.push(listener);
	}
	/**
	* Abort the stream.
	* You can call this method when stream is aborted by external event.
	*/
	abort() {
		if (!this.aborted) {
			this.aborted = true;
			this.abortSubscribers.forEach((subscriber) => {
				try {
					Promise.resolve(subscriber()).catch(() => {});
				} catch {}
			});
		}
	}
};

// node_modules/hono/dist/helper/streaming/utils.js
let isOldBunVersion = () => {
	const version = typeof Bun !== "undefined" ? Bun.version : void 0;
	if (version === void 0) return false;
	const result = version.startsWith("1.1") || version.startsWith("1.0") || version.startsWith("0.");
	isOldBunVersion = () => result;
	return result;
};

// node_modules/hono/dist/helper/streaming/sse.js
var SSEStreamingApi = class extends StreamingApi {
	constructor(writable, readable) {
		super(writable, readable);
	}
	async writeSSE(message) {
		const dataLines = (await resolveCallback(message.data, HtmlEscapedCallbackPhase.Stringify, false, {})).split(/\r\n|\r|\n/).map((line) => {
			return `data: ${line}`;
		}).join("\n");
		for (const key of ["event", "id"]) {
			const value = message[key];
			if (value && /[\r\n]/.test(value)) throw new Error(`${key} must not contain "\\r" or "\\n"`);
		}
		const sseData = [
			message.event && `event: ${message.event}`,
			dataLines,
			message.id !== void 0 && `id: ${message.id}`,
			message.retry !== void 0 && `retry: ${message.retry}`
		].filter(Boolean).join("\n") + "\n\n";
		await this.write(sseData);
	}
};
const run = async (stream, cb, onError) => {
	try {
		await cb(stream);
	} catch (e) {
		if (e instanceof Error && onError) {
			await onError(e, stream);
			await stream.writeSSE({
				event: "error",
				data: e.message
			});
		} else console.error(e);
	} finally {
		stream.close();
	}
};
const contextStash = /* @__PURE__ */ new WeakMap();
const streamSSE = (c, cb, onError) => {
	const { readable, writable } = new TransformStream();
	const stream = new SSEStreamingApi(writable, readable);
	if (isOldBunVersion()) c.req.raw.signal.addEventListener("abort", () => {
		if (!stream.closed) stream.abort();
	});
	contextStash.set(stream.responseReadable, c);
	c.header("Transfer-Encoding", "chunked");
	c.header("Content-Type", "text/event-stream");
	c.header("Cache-Control", "no-cache");
	c.header("Connection", "keep-alive");
	run(stream, cb, onError);
	return c.newResponse(stream.responseReadable);
};

// bench/.out/src/engine/feed.js
/**
* The live feed of one agent (GET /v1/events): the `changes` rows that concern it, each
* enriched with what a client needs without another call — the notification and the event's
* webhook envelope, or the job as it is now. `seq` is the SSE `id:`, so `Last-Event-ID` resumes.
*/
/** Events sent per read; a client far behind catches up over several reads. */
const FEED_BATCH_MAX = 200;
function latestSeq(ctx) {
	return ctx.db.prepare("SELECT COALESCE(MAX(seq), 0) s FROM changes").get().s;
}
/** Changes of `agentId` after `afterSeq`, oldest first, at most `limit`. One read snapshot. */
function feedSince(ctx, agentId, afterSeq, limit = 200) {
	return ctx.db.transaction(() => {
		return ctx.db.prepare("SELECT seq, agent_id, job_id, type, created_at, ref, event_seq FROM changes WHERE agent_id = ? AND seq > ? ORDER BY seq LIMIT ?").all(agentId, afterSeq, Math.min(limit, 200)).map((c) => enrich(ctx, agentId, c));
	}).deferred();
}
function enrich(ctx, agentId, c) {
	const base = {
		seq: c.seq,
		type: c.type,
		event: `${c.type}.changed`,
		job_id: c.job_id,
		created_at: iso(c.created_at)
	};
	if (c.type === "notification" && c.ref) {
		const n = ctx.db.prepare("SELECT id, type, title, message, job_id, read, created_at FROM notifications WHERE id = ? AND agent_id = ?").get(c.ref, agentId);
		const ev = c.event_seq == null ? void 0 : ctx.db.prepare("SELECT event, payload FROM events WHERE seq = ? AND agent_id = ?").get(c.event_seq, agentId);
		return {
			...base,
			event: ev?.event ?? (n ? n.type.replace("_", ".") : "notification.created"),
			...n ? { notification: notificationView(n) } : {},
			...ev ? { payload: JSON.parse(ev.payload) } : {}
		};
	}
	if (c.type === "job" && c.job_id) try {
		const job = view(ctx, agentId, visibleJob(ctx, agentId, c.job_id));
		return {
			...base,
			event: "job.updated",
			job
		};
	} catch {
		return {
			...base,
			event: "job.updated"
		};
	}
	return base;
}

// bench/.out/src/api/http.js
/** A VoxError (or anything thrown) → status + error body. Unknown errors are logged, not leaked. */
function errorBody(e) {
	if (e instanceof VoxError) {
		const { retry_after_s, ...rest } = e.details;
		const error = {
			...rest,
			code: e.code,
			message: e.message
		};
		if (typeof retry_after_s === "number") error.retry_after = retry_after_s;
		return {
			status: e.status,
			error
		};
	}
	if (e instanceof ZodError) return {
		status: 400,
		error: {
			code: "validation_error",
			...describeIssues(e)
		}
	};
	log("error", "request failed", { error: e instanceof Error ? e.stack ?? e.message : String(e) });
	return {
		status: 500,
		error: {
			code: "internal_error",
			message: "internal error (logged); this is a bug in voxpact-mcp"
		}
	};
}
function errorResponse(c, e, headers = {}) {
	const { status, error } = errorBody(e);
	if (status === 429 && error.retry_after !== void 0 && !headers["Retry-After"]) headers["Retry-After"] = String(error.retry_after);
	if (status === 401 && !headers["WWW-Authenticate"]) headers["WWW-Authenticate"] = wwwAuthenticate(error);
	for (const [k, v] of Object.entries(headers)) c.header(k, v);
	return c.json({
		success: false,
		error
	}, status);
}
/** RFC 6750 challenge: which scheme, and why the credentials were refused. */
function wwwAuthenticate(error) {
	if (!error || error.code === "unauthorized" && /missing/.test(error.message)) return "Bearer realm=\"voxpact\"";
	return `Bearer realm="voxpact", error="invalid_token", error_description="${error.message.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, "?").slice(0, 200)}"`;
}
/** Parse `value` with `schema`; a failure is a VoxError naming the field (prefixed with `where` for params/query). */
function parseWith(schema, value) {
	const r = schema.safeParse(value);
	if (r.success) return r.data;
	const { message, field } = describeIssues(r.error);
	throw new VoxError("validation_error", message, 400, field ? { field } : {});
}
const defOf = (s) => s._zod.def;
/** The base type of a field under optional/default/nullable wrappers. */
function baseType(s) {
	let d = defOf(s);
	for (let i = 0; i < 10; i++) if (d.innerType && [
		"optional",
		"default",
		"nullable",
		"prefault",
		"readonly",
		"catch",
		"nonoptional"
	].includes(d.type)) d = defOf(d.innerType);
	else if (d.type === "pipe" && d.in) d = defOf(d.in);
	else break;
	return d.type;
}
/**
* Query parameters are strings: turn each into what the schema's field expects — numbers,
* booleans (`true`/`false`/`1`/`0`), comma-separated arrays. What does not convert stays a
* string, so the schema's own message names the field.
*/
function coerceQuery(schema, raw) {
	const out = {};
	for (const [k, v] of Object.entries(raw)) {
		const field = schema.shape[k];
		if (!field) continue;
		const t = baseType(field);
		if (t === "number" || t === "int") out[k] = v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v;
		else if (t === "boolean") out[k] = v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v;
		else if (t === "array") out[k] = v.split(",").map((x) => x.trim()).filter(Boolean);
		else out[k] = v;
	}
	return out;
}

// bench/.out/src/api/events.js
const EVENTS_DEFAULTS = {
	pollMs: 250,
	heartbeatMs: 15e3,
	maxStreamsPerAgent: 5,
	maxStreams: 1e3
};
var EventsHub = class {
	engine;
	o;
	subs = /* @__PURE__ */ new Map();
	total = 0;
	cursor = 0;
	timer = null;
	closed = false;
	constructor(engine, o = {}) {
		this.engine = engine;
		this.o = {
			...EVENTS_DEFAULTS,
			...o
		};
	}
	/** Join; refused (429) past the bounds. Returns the leave function. */
	join(sub) {
		if (this.closed) throw new VoxError("unavailable", "the server is shutting down", 503);
		const mine = this.subs.get(sub.agentId) ?? /* @__PURE__ */ new Set();
		if (mine.size >= this.o.maxStreamsPerAgent) throw new VoxError("too_many_streams", `at most ${this.o.maxStreamsPerAgent} event streams per agent at once: close one first`, 429, { retry_after_s: Math.ceil(this.o.heartbeatMs / 1e3) });
		if (this.total >= this.o.maxStreams) throw new VoxError("too_many_streams", "this server has too many open event streams: retry later", 503, { retry_after_s: 30 });
		mine.add(sub);
		this.subs.set(sub.agentId, mine);
		this.total++;
		this.start();
		return () => {
			if (!mine.delete(sub)) return;
			this.total--;
			if (!mine.size) this.subs.delete(sub.agentId);
			if (!this.total) this.stop();
		};
	}
	count(agentId) {
		return agentId ? this.subs.get(agentId)?.size ?? 0 : this.total;
	}
	start() {
		if (this.timer || this.closed) return;
		this.cursor = latestSeq(this.engine.ctx);
		this.timer = setInterval(() => this.tick(), this.o.pollMs);
		this.timer.unref();
	}
	stop() {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}
	/** One look at the change table: wake the streams of every agent with something new. */
	tick() {
		try {
			const rows = this.engine.db.prepare("SELECT agent_id, MAX(seq) m FROM changes WHERE seq > ? GROUP BY agent_id").all(this.cursor);
			for (const r of rows) {
				this.cursor = Math.max(this.cursor, r.m);
				for (const s of this.subs.get(r.agent_id) ?? []) s.wake();
			}
		} catch (e) {
			if (!this.closed) log("warn", "events poll failed", { error: e instanceof Error ? e.message : String(e) });
		}
	}
	/** Wake every stream (shutdown: each notices and ends). */
	close() {
		this.closed = true;
		this.stop();
		for (const set of this.subs.values()) for (const s of set) s.wake();
	}
	get isClosed() {
		return this.closed;
	}
};
/**
* Serve one stream. `recheck` re-authenticates the caller's credential (throws when it was
* revoked); `principal.expiresAtMs` ends the stream when a JWT expires.
*/
function streamEvents(c, hub, principal, agentId, lastEventIdQuery, recheck) {
	const header = c.req.header("Last-Event-ID");
	const fromHeader = header !== void 0 && /^\d+$/.test(header.trim()) ? Number(header.trim()) : void 0;
	const engine = hub.engine;
	let cursor = fromHeader ?? lastEventIdQuery ?? latestSeq(engine.ctx);
	let wake = () => {};
	let pending = false;
	const sub = {
		agentId,
		wake: () => (pending = true, wake())
	};
	const leave = hub.join(sub);
	return streamSSE(c, async (stream) => {
		let open = true;
		stream.onAbort(() => {
			open = false;
			wake();
		});
		const waitForWake = (ms) => new Promise((resolve) => {
			if (pending || !open || hub.isClosed) return resolve(true);
			const t = setTimeout(() => resolve(false), ms);
			wake = () => (clearTimeout(t), resolve(true));
		});
		const fail = async (e) => {
			const { error } = errorBody(e);
			await stream.writeSSE({
				event: "error",
				data: JSON.stringify(error)
			});
		};
		try {
			await stream.write(`retry: 3000\n: connected to VoxPact events of ${agentId}\n\n`);
			while (open && !hub.isClosed) {
				pending = false;
				for (;;) {
					const batch = feedSince(engine.ctx, agentId, cursor);
					for (const ev of batch) {
						await stream.writeSSE({
							id: String(ev.seq),
							event: ev.event,
							data: JSON.stringify(ev)
						});
						cursor = ev.seq;
					}
					if (batch.length < 200 || !open) break;
				}
				const woken = await waitForWake(hub.o.heartbeatMs);
				if (!open || hub.isClosed) break;
				if (principal.expiresAtMs !== null && principal.expiresAtMs <= engine.clock.now()) {
					await fail(new VoxError("token_expired", "the JWT of this stream has expired: reconnect with a fresh token and Last-Event-ID", 401));
					break;
				}
				if (!woken) {
					await stream.write(": heartbeat\n\n");
					if (recheck) await recheck();
				}
			}
		} catch (e) {
			if (open) await fail(e).catch(() => {});
		} finally {
			leave();
		}
	}, async (e, stream) => {
		leave();
		log("warn", "event stream failed", {
			agent_id: agentId,
			error: e.message
		});
		await stream.writeSSE({
			event: "error",
			data: JSON.stringify(errorBody(e).error)
		}).catch(() => {});
	});
}

// node_modules/content-type/index.js
/*!
* content-type
* Copyright(c) 2015 Douglas Christopher Wilson
* MIT Licensed
*/
var require_content_type = /* @__PURE__ */ __commonJSMin(((exports) => {
	/**
	* RegExp to match *( ";" parameter ) in RFC 7231 sec 3.1.1.1
	*
	* parameter     = token "=" ( token / quoted-string )
	* token         = 1*tchar
	* tchar         = "!" / "#" / "$" / "%" / "&" / "'" / "*"
	*               / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
	*               / DIGIT / ALPHA
	*               ; any VCHAR, except delimiters
	* quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
	* qdtext        = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
	* obs-text      = %x80-FF
	* quoted-pair   = "\" ( HTAB / SP / VCHAR / obs-text )
	*/
	var PARAM_REGEXP = /; *([!#$%&'*+.^_`|~0-9A-Za-z-]+) *= *("(?:[\u000b\u0020\u0021\u0023-\u005b\u005d-\u007e\u0080-\u00ff]|\\[\u000b\u0020-\u00ff])*"|[!#$%&'*+.^_`|~0-9A-Za-z-]+) */g;
	/**
	* RegExp to match quoted-pair in RFC 7230 sec 3.2.6
	*
	* quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
	* obs-text    = %x80-FF
	*/
	var QESC_REGEXP = /\\([\u000b\u0020-\u00ff])/g;
	/**
	* RegExp to match type in RFC 7231 sec 3.1.1.1
	*
	* media-type = type "/" subtype
	* type       = token
	* subtype    = token
	*/
	var TYPE_REGEXP = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
	exports.parse = parse;
	/**
	* Parse media type to object.
	*
	* @param {string|object} string
	* @return {Object}
	* @public
	*/
	function parse(string) {
		if (!string) throw new TypeError("argument string is required");
		var header = typeof string === "object" ? getcontenttype(string) : string;
		if (typeof header !== "string") throw new TypeError("argument string is required to be a string");
		var index = header.indexOf(";");
		var type = index !== -1 ? header.slice(0, index).trim() : header.trim();
		if (!TYPE_REGEXP.test(type)) throw new TypeError("invalid media type");
		var obj = new ContentType(type.toLowerCase());
		if (index !== -1) {
			var key;
			var match;
			var value;
			PARAM_REGEXP.lastIndex = index;
			while (match = PARAM_REGEXP.exec(header)) {
				if (match.index !== index) throw new TypeError("invalid parameter format");
				index += match[0].length;
				key = match[1].toLowerCase();
				value = match[2];
				if (value.charCodeAt(0) === 34) {
					value = value.slice(1, -1);
					if (value.indexOf("\\") !== -1) value = value.replace(QESC_REGEXP, "$1");
				}
				obj.parameters[key] = value;
			}
			if (index !== header.length) throw new TypeError("invalid parameter format");
		}
		return obj;
	}
	/**
	* Get content-type from req/res objects.
	*
	* @param {object}
	* @return {Object}
	* @private
	*/
	function getcontenttype(obj) {
		var header;
		if (typeof obj.getHeader === "function") header = obj.getHeader("content-type");
		else if (typeof obj.headers === "object") header = obj.headers && obj.headers["content-type"];
		if (typeof header !== "string") throw new TypeError("content-type header is missing from object");
		return header;
	}
	/**
	* Class to represent a content type.
	* @private
	*/
	function ContentType(type) {
		this.parameters = Object.create(null);
		this.type = type;
	}
}));

// node_modules/@modelcontextprotocol/sdk/dist/esm/shared/mediaType.js
var import_content_type = /* @__PURE__ */ __toESM(require_content_type(), 1);
/**
* Extracts the media type (the lowercased `type/subtype` pair, without
* parameters) from a raw `Content-Type` header value, or `undefined` when the
* header is missing or empty.
*
* Content-Type comparisons must use the parsed media type, never a substring
* search of the raw header: a value like `text/plain; a=application/json`
* contains the substring `application/json` but its media type is
* `text/plain`, and case variants or parameters make naive string comparison
* wrong in both directions.
*
* "Essence" is the WHATWG MIME Sniffing standard's term for the bare
* `type/subtype` pair (https://mimesniff.spec.whatwg.org/#mime-type-essence);
* the Fetch standard's request classification is defined against it
* (https://fetch.spec.whatwg.org/#cors-safelisted-request-header).
*
* Parsing is RFC 9110 (`content-type` package) first. When the parameter
* section is malformed (`application/json;`, `application/json; charset=`),
* browsers and most HTTP stacks still derive the media type from the segment
* before the first `;` — the fallback matches that widely-implemented
* behavior, so a header whose media type is unambiguous is not rejected for
* a sloppy parameter section.
*/
function mediaTypeEssence(header) {
	if (!header) return;
	try {
		return import_content_type.parse(header).type;
	} catch {
		const essence = (header.split(";", 1)[0] ?? "").trim().toLowerCase();
		if (essence === "" || header.slice(essence.length).includes(",")) return;
		return essence;
	}
}
/**
* Whether a raw `Content-Type` header value denotes `application/json`.
* Parameters (for example `charset=utf-8`) are allowed and ignored; malformed
* parameter sections do not reject a header whose media type is unambiguously
* `application/json` (see `mediaTypeEssence` for the exact grammar).
*/
function isJsonContentType(header) {
	if (header === "application/json") return true;
	return mediaTypeEssence(header) === "application/json";
}

// node_modules/@modelcontextprotocol/sdk/dist/esm/server/requestBody.js
/** Default upper bound, in bytes, on a request body read by the HTTP entry points (4 MiB). */
const DEFAULT_MAX_REQUEST_BODY_SIZE = 4194304;
/** The message answered with 413 for a request body over `maxBytes`. */
function requestBodyTooLargeMessage(maxBytes) {
	return `Payload Too Large: Request body must not exceed ${maxBytes} bytes`;
}
/**
* Resolves a `maxRequestBodySize` option to the bound to apply: the default when
* omitted, otherwise the value itself, which must be a positive finite number of
* bytes (a `RangeError` is thrown at configuration time for anything else).
*/
function resolveMaxRequestBodySize(value) {
	if (value === void 0) return DEFAULT_MAX_REQUEST_BODY_SIZE;
	if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw new RangeError(`maxRequestBodySize must be a positive number of bytes, got ${String(value)}`);
	return value;
}
/**
* Reads a request body as text, up to `maxBytes` (default
* {@linkcode DEFAULT_MAX_REQUEST_BODY_SIZE}). A declared `Content-Length` over the
* limit is refused without reading anything; otherwise the read stops as soon as
* more than the limit has arrived. Stream failures propagate.
*/
async function readRequestBody(request, maxBytes = DEFAULT_MAX_REQUEST_BODY_SIZE) {
	if (Number(request.headers.get("content-length")) > maxBytes) return { tooLarge: true };
	if (request.body === null) return {
		tooLarge: false,
		text: ""
	};
	const reader = request.body.getReader();
	const decoder = new TextDecoder();
	let received = 0;
	let text = "";
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			received += value.byteLength;
			if (received > maxBytes) return { tooLarge: true };
			text += decoder.decode(value, { stream: true });
		}
	} finally {
		reader.releaseLock();
	}
	return {
		tooLarge: false,
		text: text + decoder.decode()
	};
}

// node_modules/@modelcontextprotocol/sdk/dist/esm/server/sseKeepAlive.js
/** Default interval between SSE keep-alive comment frames. */
const DEFAULT_SSE_KEEP_ALIVE_MS = 15e3;
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
/** Arms an unref'd timer, or disables keep-alive for invalid delays. */
function armSseKeepAlive(intervalMs, onTick) {
	if (!Number.isFinite(intervalMs) || intervalMs < 1) return;
	const timer = setInterval(onTick, Math.min(intervalMs, MAX_TIMER_DELAY_MS));
	timer.unref?.();
	return timer;
}

// node_modules/@modelcontextprotocol/sdk/dist/esm/server/webStandardStreamableHttp.js
/**
* Web Standards Streamable HTTP Server Transport
*
* This is the core transport implementation using Web Standard APIs (Request, Response, ReadableStream).
* It can run on any runtime that supports Web Standards: Node.js 18+, Cloudflare Workers, Deno, Bun, etc.
*
* For Node.js Express/HTTP compatibility, use `StreamableHTTPServerTransport` which wraps this transport.
*/
/**
* Server transport for Web Standards Streamable HTTP: this implements the MCP Streamable HTTP transport specification
* using Web Standard APIs (Request, Response, ReadableStream).
*
* This transport works on any runtime that supports Web Standards: Node.js 18+, Cloudflare Workers, Deno, Bun, etc.
*
* Usage example:
*
* ```typescript
* // Stateful mode - server sets the session ID
* const statefulTransport = new WebStandardStreamableHTTPServerTransport({
*   sessionIdGenerator: () => crypto.randomUUID(),
* });
*
* // Stateless mode - explicitly set session ID to undefined
* const statelessTransport = new WebStandardStreamableHTTPServerTransport({
*   sessionIdGenerator: undefined,
* });
*
* // Hono.js usage
* app.all('/mcp', async (c) => {
*   return transport.handleRequest(c.req.raw);
* });
*
* // Cloudflare Workers usage
* export default {
*   async fetch(request: Request): Promise<Response> {
*     return transport.handleRequest(request);
*   }
* };
* ```
*
* In stateful mode:
* - Session ID is generated and included in response headers
* - Session ID is always included in initialization responses
* - Requests with invalid session IDs are rejected with 404 Not Found
* - Non-initialization requests without a session ID are rejected with 400 Bad Request
* - State is maintained in-memory (connections, message history)
*
* In stateless mode:
* - No Session ID is included in any responses
* - No session validation is performed
*/
var WebStandardStreamableHTTPServerTransport = class {
	constructor(options = {}) {
		this._started = false;
		this._hasHandledRequest = false;
		this._streamMapping = /* @__PURE__ */ new Map();
		this._requestToStreamMapping = /* @__PURE__ */ new Map();
		/**
		* Request streams whose client holds a Last-Event-ID cursor (at least one
		* id-bearing event was delivered on them), so a stored response can be
		* replayed on resume.
		*/
		this._resumableStreams = /* @__PURE__ */ new Set();
		this._requestResponseMap = /* @__PURE__ */ new Map();
		this._initialized = false;
		this._enableJsonResponse = false;
		this._standaloneSseStreamId = "_GET_stream";
		this._closed = false;
		this.sessionIdGenerator = options.sessionIdGenerator;
		this._enableJsonResponse = options.enableJsonResponse ?? false;
		this._eventStore = options.eventStore;
		this._onsessioninitialized = options.onsessioninitialized;
		this._onsessionclosed = options.onsessionclosed;
		this._allowedHosts = options.allowedHosts;
		this._allowedOrigins = options.allowedOrigins;
		this._enableDnsRebindingProtection = options.enableDnsRebindingProtection ?? false;
		this._retryInterval = options.retryInterval;
		this._keepAliveMs = options.keepAliveMs ?? 15e3;
		this._maxRequestBodySize = resolveMaxRequestBodySize(options.maxRequestBodySize);
	}
	/**
	* Arms a keep-alive interval for an SSE stream that periodically writes an SSE
	* comment frame so intermediaries and idle timeouts don't kill the connection.
	* The returned timer is owned by the stream it was armed for: the stream's
	* cancel/cleanup callbacks must clear it. The interval clears itself if a
	* write fails (stream already closed/cancelled).
	*/
	startKeepAlive(controller, encoder) {
		if (this._closed) return void 0;
		const timer = armSseKeepAlive(this._keepAliveMs, () => {
			try {
				controller.enqueue(encoder.encode(": keepalive\n\n"));
			} catch {
				if (timer !== void 0) clearInterval(timer);
			}
		});
		return timer;
	}
	/**
	* Starts the transport. This is required by the Transport interface but is a no-op
	* for the Streamable HTTP transport as connections are managed per-request.
	*/
	async start() {
		if (this._started) throw new Error("Transport already started");
		this._started = true;
	}
	/**
	* Helper to create a JSON error response
	*/
	createJsonErrorResponse(status, code, message, options) {
		const error = {
			code,
			message
		};
		if (options?.data !== void 0) error.data = options.data;
		return new Response(JSON.stringify({
			jsonrpc: "2.0",
			error,
			id: null
		}), {
			status,
			headers: {
				"Content-Type": "application/json",
				...options?.headers
			}
		});
	}
	/**
	* Validates request headers for DNS rebinding protection.
	* @returns Error response if validation fails, undefined if validation passes.
	*/
	validateRequestHeaders(req) {
		if (!this._enableDnsRebindingProtection) return;
		if (this._allowedHosts && this._allowedHosts.length > 0) {
			const hostHeader = req.headers.get("host");
			if (!hostHeader || !this._allowedHosts.includes(hostHeader)) {
				const error = `Invalid Host header: ${hostHeader}`;
				this.onerror?.(new Error(error));
				return this.createJsonErrorResponse(403, -32e3, error);
			}
		}
		if (this._allowedOrigins && this._allowedOrigins.length > 0) {
			const originHeader = req.headers.get("origin");
			if (originHeader && !this._allowedOrigins.includes(originHeader)) {
				const error = `Invalid Origin header: ${originHeader}`;
				this.onerror?.(new Error(error));
				return this.createJsonErrorResponse(403, -32e3, error);
			}
		}
	}
	/**
	* Handles an incoming HTTP request, whether GET, POST, or DELETE
	* Returns a Response object (Web Standard)
	*/
	async handleRequest(req, options) {
		if (this._closed) return this.createJsonErrorResponse(404, -32001, "Session not found");
		if (!this.sessionIdGenerator && this._hasHandledRequest) throw new Error("Stateless transport cannot be reused across requests. Create a new transport per request.");
		this._hasHandledRequest = true;
		const validationError = this.validateRequestHeaders(req);
		if (validationError) return validationError;
		switch (req.method) {
			case "POST": return this.handlePostRequest(req, options);
			case "GET": return this.handleGetRequest(req);
			case "DELETE": return this.handleDeleteRequest(req);
			default: return this.handleUnsupportedRequest();
		}
	}
	/**
	* Writes a priming event to establish resumption capability.
	* Only sends if eventStore is configured (opt-in for resumability) and
	* the client's protocol version supports empty SSE data (>= 2025-11-25).
	*/
	async writePrimingEvent(controller, encoder, streamId, protocolVersion) {
		if (!this._eventStore) return;
		if (protocolVersion < "2025-11-25") return;
		const primingEventId = await this._eventStore.storeEvent(streamId, {});
		let primingEvent = `id: ${primingEventId}\ndata: \n\n`;
		if (this._retryInterval !== void 0) primingEvent = `id: ${primingEventId}\nretry: ${this._retryInterval}\ndata: \n\n`;
		controller.enqueue(encoder.encode(primingEvent));
		this._resumableStreams.add(streamId);
	}
	/**
	* Handles GET requests for SSE stream
	*/
	async handleGetRequest(req) {
		if (!req.headers.get("accept")?.includes("text/event-stream")) {
			this.onerror?.(/* @__PURE__ */ new Error("Not Acceptable: Client must accept text/event-stream"));
			return this.createJsonErrorResponse(406, -32e3, "Not Acceptable: Client must accept text/event-stream");
		}
		const sessionError = this.validateSession(req);
		if (sessionError) return sessionError;
		const protocolError = this.validateProtocolVersion(req);
		if (protocolError) return protocolError;
		if (this._eventStore) {
			const lastEventId = req.headers.get("last-event-id");
			if (lastEventId) return this.replayEvents(lastEventId);
		}
		if (this._streamMapping.get(this._standaloneSseStreamId) !== void 0) {
			this.onerror?.(/* @__PURE__ */ new Error("Conflict: Only one SSE stream is allowed per session"));
			return this.createJsonErrorResponse(409, -32e3, "Conflict: Only one SSE stream is allowed per session");
		}
		const encoder = new TextEncoder();
		let streamController;
		let keepAliveTimer = void 0;
		const readable = new ReadableStream({
			start: (controller) => {
				streamController = controller;
			},
			cancel: () => {
				if (keepAliveTimer !== void 0) clearInterval(keepAliveTimer);
				if (this._streamMapping.get(this._standaloneSseStreamId)?.controller === streamController) this._streamMapping.delete(this._standaloneSseStreamId);
			}
		});
		const headers = {
			"Content-Type": "text/event-stream",
			"Cache-Control": "no-cache, no-transform",
			Connection: "keep-alive",
			"X-Accel-Buffering": "no"
		};
		if (this.sessionId !== void 0) headers["mcp-session-id"] = this.sessionId;
		this._streamMapping.set(this._standaloneSseStreamId, {
			controller: streamController,
			encoder,
			cleanup: () => {
				if (keepAliveTimer !== void 0) clearInterval(keepAliveTimer);
				this._streamMapping.delete(this._standaloneSseStreamId);
				try {
					streamController.close();
				} catch {}
			}
		});
		keepAliveTimer = this.startKeepAlive(streamController, encoder);
		return new Response(readable, { headers });
	}
	/**
	* Replays events that would have been sent after the specified event ID
	* Only used when resumability is enabled
	*/
	async replayEvents(lastEventId) {
		if (!this._eventStore) {
			this.onerror?.(/* @__PURE__ */ new Error("Event store not configured"));
			return this.createJsonErrorResponse(400, -32e3, "Event store not configured");
		}
		try {
			let streamId;
			if (this._eventStore.getStreamIdForEventId) {
				streamId = await this._eventStore.getStreamIdForEventId(lastEventId);
				if (!streamId) {
					this.onerror?.(/* @__PURE__ */ new Error("Invalid event ID format"));
					return this.createJsonErrorResponse(400, -32e3, "Invalid event ID format");
				}
				if (this._streamMapping.get(streamId) !== void 0) {
					this.onerror?.(/* @__PURE__ */ new Error("Conflict: Stream already has an active connection"));
					return this.createJsonErrorResponse(409, -32e3, "Conflict: Stream already has an active connection");
				}
			}
			const headers = {
				"Content-Type": "text/event-stream",
				"Cache-Control": "no-cache, no-transform",
				Connection: "keep-alive",
				"X-Accel-Buffering": "no"
			};
			if (this.sessionId !== void 0) headers["mcp-session-id"] = this.sessionId;
			const encoder = new TextEncoder();
			let streamController;
			let keepAliveTimer = void 0;
			let replayedStreamId = void 0;
			let cancelled = false;
			const readable = new ReadableStream({
				start: (controller) => {
					streamController = controller;
				},
				cancel: () => {
					cancelled = true;
					if (keepAliveTimer !== void 0) clearInterval(keepAliveTimer);
					if (replayedStreamId !== void 0 && this._streamMapping.get(replayedStreamId)?.controller === streamController) this._streamMapping.delete(replayedStreamId);
				}
			});
			const replayedEventIds = /* @__PURE__ */ new Set();
			replayedStreamId = await this._eventStore.replayEventsAfter(lastEventId, { send: async (eventId, message) => {
				if (!this.writeSSEEvent(streamController, encoder, message, eventId)) {
					this.onerror?.(/* @__PURE__ */ new Error("Failed replay events"));
					try {
						streamController.close();
					} catch {}
				} else replayedEventIds.add(eventId);
			} });
			if (this._closed || cancelled) {
				try {
					streamController.close();
				} catch {}
				return this.createJsonErrorResponse(404, -32001, "Session not found");
			}
			this._streamMapping.get(replayedStreamId)?.cleanup();
			this._streamMapping.set(replayedStreamId, {
				controller: streamController,
				encoder,
				replayedEventIds,
				cleanup: () => {
					if (keepAliveTimer !== void 0) clearInterval(keepAliveTimer);
					this._streamMapping.delete(replayedStreamId);
					try {
						streamController.close();
					} catch {}
				}
			});
			this._resumableStreams.add(replayedStreamId);
			keepAliveTimer = this.startKeepAlive(streamController, encoder);
			return new Response(readable, { headers });
		} catch (error) {
			this.onerror?.(error);
			return this.createJsonErrorResponse(500, -32e3, "Error replaying events");
		}
	}
	/**
	* Writes an event to an SSE stream via controller with proper formatting
	*/
	writeSSEEvent(controller, encoder, message, eventId) {
		try {
			let eventData = `event: message\n`;
			if (eventId) eventData += `id: ${eventId}\n`;
			eventData += `data: ${JSON.stringify(message)}\n\n`;
			controller.enqueue(encoder.encode(eventData));
			return true;
		} catch (error) {
			this.onerror?.(error);
			return false;
		}
	}
	/**
	* Handles unsupported requests (PUT, PATCH, etc.)
	*/
	handleUnsupportedRequest() {
		this.onerror?.(/* @__PURE__ */ new Error("Method not allowed."));
		return new Response(JSON.stringify({
			jsonrpc: "2.0",
			error: {
				code: -32e3,
				message: "Method not allowed."
			},
			id: null
		}), {
			status: 405,
			headers: {
				Allow: "GET, POST, DELETE",
				"Content-Type": "application/json"
			}
		});
	}
	/**
	* Handles POST requests containing JSON-RPC messages
	*/
	async handlePostRequest(req, options) {
		try {
			const acceptHeader = req.headers.get("accept");
			if (!acceptHeader?.includes("application/json") || !acceptHeader.includes("text/event-stream")) {
				this.onerror?.(/* @__PURE__ */ new Error("Not Acceptable: Client must accept both application/json and text/event-stream"));
				return this.createJsonErrorResponse(406, -32e3, "Not Acceptable: Client must accept both application/json and text/event-stream");
			}
			const ct = req.headers.get("content-type");
			if (!isJsonContentType(ct)) {
				this.onerror?.(/* @__PURE__ */ new Error("Unsupported Media Type: Content-Type must be application/json"));
				return this.createJsonErrorResponse(415, -32e3, "Unsupported Media Type: Content-Type must be application/json");
			}
			const requestInfo = {
				headers: Object.fromEntries(req.headers.entries()),
				url: new URL(req.url)
			};
			let rawMessage;
			if (options?.parsedBody !== void 0) rawMessage = options.parsedBody;
			else try {
				const body = await readRequestBody(req, this._maxRequestBodySize);
				if (body.tooLarge) {
					const message = requestBodyTooLargeMessage(this._maxRequestBodySize);
					this.onerror?.(new Error(message));
					return this.createJsonErrorResponse(413, -32e3, message);
				}
				rawMessage = JSON.parse(body.text);
			} catch {
				this.onerror?.(/* @__PURE__ */ new Error("Parse error: Invalid JSON"));
				return this.createJsonErrorResponse(400, -32700, "Parse error: Invalid JSON");
			}
			if (Array.isArray(rawMessage) && rawMessage.length > 100) {
				this.onerror?.(/* @__PURE__ */ new Error(`Invalid Request: Batch must not exceed ${100} messages`));
				return this.createJsonErrorResponse(400, -32600, `Invalid Request: Batch must not exceed ${100} messages`);
			}
			let messages;
			try {
				if (Array.isArray(rawMessage)) messages = rawMessage.map((msg) => JSONRPCMessageSchema.parse(msg));
				else messages = [JSONRPCMessageSchema.parse(rawMessage)];
			} catch {
				this.onerror?.(/* @__PURE__ */ new Error("Parse error: Invalid JSON-RPC message"));
				return this.createJsonErrorResponse(400, -32700, "Parse error: Invalid JSON-RPC message");
			}
			if (this._closed) return this.createJsonErrorResponse(404, -32001, "Session not found");
			const isInitializationRequest = messages.some(isInitializeRequest);
			if (isInitializationRequest) {
				if (this._initialized && this.sessionId !== void 0) {
					this.onerror?.(/* @__PURE__ */ new Error("Invalid Request: Server already initialized"));
					return this.createJsonErrorResponse(400, -32600, "Invalid Request: Server already initialized");
				}
				if (messages.length > 1) {
					this.onerror?.(/* @__PURE__ */ new Error("Invalid Request: Only one initialization request is allowed"));
					return this.createJsonErrorResponse(400, -32600, "Invalid Request: Only one initialization request is allowed");
				}
				this.sessionId = this.sessionIdGenerator?.();
				this._initialized = true;
				if (this.sessionId && this._onsessioninitialized) await Promise.resolve(this._onsessioninitialized(this.sessionId));
			}
			if (!isInitializationRequest) {
				const sessionError = this.validateSession(req);
				if (sessionError) return sessionError;
				const protocolError = this.validateProtocolVersion(req);
				if (protocolError) return protocolError;
			}
			if (this._closed) return this.createJsonErrorResponse(404, -32001, "Session not found");
			if (!messages.some(isJSONRPCRequest)) {
				for (const message of messages) this.onmessage?.(message, {
					authInfo: options?.authInfo,
					requestInfo
				});
				return new Response(null, { status: 202 });
			}
			const streamId = crypto.randomUUID();
			const initRequest = messages.find((m) => isInitializeRequest(m));
			const clientProtocolVersion = initRequest ? initRequest.params.protocolVersion : req.headers.get("mcp-protocol-version") ?? "2025-03-26";
			if (this._enableJsonResponse) return new Promise((resolve) => {
				this._streamMapping.set(streamId, {
					resolveJson: resolve,
					cleanup: () => {
						this._streamMapping.delete(streamId);
					}
				});
				for (const message of messages) if (isJSONRPCRequest(message)) this._requestToStreamMapping.set(message.id, streamId);
				for (const message of messages) this.onmessage?.(message, {
					authInfo: options?.authInfo,
					requestInfo
				});
			});
			const encoder = new TextEncoder();
			let streamController;
			let keepAliveTimer = void 0;
			const readable = new ReadableStream({
				start: (controller) => {
					streamController = controller;
				},
				cancel: () => {
					if (keepAliveTimer !== void 0) clearInterval(keepAliveTimer);
					if (this._streamMapping.get(streamId)?.controller === streamController) this._streamMapping.delete(streamId);
				}
			});
			const headers = {
				"Content-Type": "text/event-stream",
				"Cache-Control": "no-cache, no-transform",
				Connection: "keep-alive",
				"X-Accel-Buffering": "no"
			};
			if (this.sessionId !== void 0) headers["mcp-session-id"] = this.sessionId;
			for (const message of messages) if (isJSONRPCRequest(message)) {
				this._streamMapping.set(streamId, {
					controller: streamController,
					encoder,
					cleanup: () => {
						if (keepAliveTimer !== void 0) clearInterval(keepAliveTimer);
						this._streamMapping.delete(streamId);
						try {
							streamController.close();
						} catch {}
					}
				});
				this._requestToStreamMapping.set(message.id, streamId);
			}
			try {
				await this.writePrimingEvent(streamController, encoder, streamId, clientProtocolVersion);
				for (const message of messages) {
					let closeSSEStream;
					let closeStandaloneSSEStream;
					if (isJSONRPCRequest(message) && this._eventStore && clientProtocolVersion >= "2025-11-25") {
						closeSSEStream = () => {
							this.closeSSEStream(message.id);
						};
						closeStandaloneSSEStream = () => {
							this.closeStandaloneSSEStream();
						};
					}
					this.onmessage?.(message, {
						authInfo: options?.authInfo,
						requestInfo,
						closeSSEStream,
						closeStandaloneSSEStream
					});
				}
			} catch (error) {
				this._streamMapping.get(streamId)?.cleanup();
				this._resumableStreams.delete(streamId);
				for (const message of messages) if (isJSONRPCRequest(message)) this._requestToStreamMapping.delete(message.id);
				throw error;
			}
			if (this._streamMapping.get(streamId)?.controller === streamController) keepAliveTimer = this.startKeepAlive(streamController, encoder);
			return new Response(readable, {
				status: 200,
				headers
			});
		} catch (error) {
			this.onerror?.(error);
			return this.createJsonErrorResponse(400, -32700, "Parse error", { data: String(error) });
		}
	}
	/**
	* Handles DELETE requests to terminate sessions
	*/
	async handleDeleteRequest(req) {
		const sessionError = this.validateSession(req);
		if (sessionError) return sessionError;
		const protocolError = this.validateProtocolVersion(req);
		if (protocolError) return protocolError;
		try {
			await Promise.resolve(this._onsessionclosed?.(this.sessionId));
			return new Response(null, { status: 200 });
		} finally {
			await this.close();
		}
	}
	/**
	* Validates session ID for non-initialization requests.
	* Returns Response error if invalid, undefined otherwise
	*/
	validateSession(req) {
		if (this.sessionIdGenerator === void 0) return;
		if (!this._initialized) {
			this.onerror?.(/* @__PURE__ */ new Error("Bad Request: Server not initialized"));
			return this.createJsonErrorResponse(400, -32e3, "Bad Request: Server not initialized");
		}
		const sessionId = req.headers.get("mcp-session-id");
		if (!sessionId) {
			this.onerror?.(/* @__PURE__ */ new Error("Bad Request: Mcp-Session-Id header is required"));
			return this.createJsonErrorResponse(400, -32e3, "Bad Request: Mcp-Session-Id header is required");
		}
		if (sessionId !== this.sessionId) {
			this.onerror?.(/* @__PURE__ */ new Error("Session not found"));
			return this.createJsonErrorResponse(404, -32001, "Session not found");
		}
	}
	/**
	* Validates the MCP-Protocol-Version header on incoming requests.
	*
	* For initialization: Version negotiation handles unknown versions gracefully
	* (server responds with its supported version).
	*
	* For subsequent requests with MCP-Protocol-Version header:
	* - Accept if in supported list
	* - 400 if unsupported
	*
	* For HTTP requests without the MCP-Protocol-Version header:
	* - Accept and default to the version negotiated at initialization
	*/
	validateProtocolVersion(req) {
		const protocolVersion = req.headers.get("mcp-protocol-version");
		if (protocolVersion !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(protocolVersion)) {
			this.onerror?.(/* @__PURE__ */ new Error(`Bad Request: Unsupported protocol version: ${protocolVersion} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")})`));
			return this.createJsonErrorResponse(400, -32e3, `Bad Request: Unsupported protocol version: ${protocolVersion} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")})`);
		}
	}
	async close() {
		if (this._closed) return;
		this._closed = true;
		this._streamMapping.forEach(({ cleanup }) => {
			cleanup();
		});
		this._streamMapping.clear();
		this._requestResponseMap.clear();
		this._resumableStreams.clear();
		this.onclose?.();
	}
	/**
	* Close an SSE stream for a specific request, triggering client reconnection.
	* Use this to implement polling behavior during long-running operations -
	* client will reconnect after the retry interval specified in the priming event.
	*/
	closeSSEStream(requestId) {
		const streamId = this._requestToStreamMapping.get(requestId);
		if (!streamId) return;
		const stream = this._streamMapping.get(streamId);
		if (stream) stream.cleanup();
	}
	/**
	* Close the standalone GET SSE stream, triggering client reconnection.
	* Use this to implement polling behavior for server-initiated notifications.
	*/
	closeStandaloneSSEStream() {
		const stream = this._streamMapping.get(this._standaloneSseStreamId);
		if (stream) stream.cleanup();
	}
	async send(message, options) {
		let requestId = options?.relatedRequestId;
		if (isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) requestId = message.id;
		if (requestId === void 0) {
			if (isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) throw new Error("Cannot send a response on a standalone SSE stream unless resuming a previous client request");
			let eventId;
			if (this._eventStore) eventId = await this._eventStore.storeEvent(this._standaloneSseStreamId, message);
			const standaloneSse = this._streamMapping.get(this._standaloneSseStreamId);
			if (standaloneSse === void 0) return;
			if (standaloneSse.controller && standaloneSse.encoder && (eventId === void 0 || !standaloneSse.replayedEventIds?.has(eventId))) this.writeSSEEvent(standaloneSse.controller, standaloneSse.encoder, message, eventId);
			return;
		}
		const streamId = this._requestToStreamMapping.get(requestId);
		if (!streamId) throw new Error(`No connection established for request ID: ${String(requestId)}`);
		let stream = this._streamMapping.get(streamId);
		if (!this._enableJsonResponse) {
			let eventId;
			if (this._eventStore) {
				eventId = await this._eventStore.storeEvent(streamId, message);
				stream = this._streamMapping.get(streamId);
			}
			if (stream?.controller && stream?.encoder && (eventId === void 0 || !stream.replayedEventIds?.has(eventId))) {
				if (this.writeSSEEvent(stream.controller, stream.encoder, message, eventId) && eventId !== void 0) this._resumableStreams.add(streamId);
			}
		}
		if (isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) {
			this._requestResponseMap.set(requestId, message);
			const relatedIds = Array.from(this._requestToStreamMapping.entries()).filter(([_, sid]) => sid === streamId).map(([id]) => id);
			if (relatedIds.every((id) => this._requestResponseMap.has(id))) {
				if (!stream) {
					if (this._closed) {
						for (const id of relatedIds) {
							this._requestResponseMap.delete(id);
							this._requestToStreamMapping.delete(id);
						}
						return;
					}
					if (!this._enableJsonResponse && this._eventStore && this._resumableStreams.has(streamId)) {
						for (const id of relatedIds) {
							this._requestResponseMap.delete(id);
							this._requestToStreamMapping.delete(id);
						}
						this._resumableStreams.delete(streamId);
						return;
					}
					for (const id of relatedIds) {
						this._requestResponseMap.delete(id);
						this._requestToStreamMapping.delete(id);
					}
					throw new Error(`No connection established for request ID: ${String(requestId)}`);
				}
				if (this._enableJsonResponse && stream.resolveJson) {
					const headers = { "Content-Type": "application/json" };
					if (this.sessionId !== void 0) headers["mcp-session-id"] = this.sessionId;
					const responses = relatedIds.map((id) => this._requestResponseMap.get(id));
					if (responses.length === 1) stream.resolveJson(new Response(JSON.stringify(responses[0]), {
						status: 200,
						headers
					}));
					else stream.resolveJson(new Response(JSON.stringify(responses), {
						status: 200,
						headers
					}));
				} else stream.cleanup();
				for (const id of relatedIds) {
					this._requestResponseMap.delete(id);
					this._requestToStreamMapping.delete(id);
				}
				this._resumableStreams.delete(streamId);
			}
		}
	}
};

// bench/.out/src/api/ratelimit.js
const H = 3600;
const M = 60;
const ref = (limit, window_s) => ({
	limit,
	window_s,
	source: "reference"
});
const ours = (limit, window_s) => ({
	limit,
	window_s,
	source: "ours"
});
/**
* Keyed by route (`METHOD /path` as in the route table). Routes not listed share DEFAULT_RULE.
* (The reference's 1 bid / 5 min per agent per job is enforced by the engine.)
*/
const RATE_LIMITS = {
	"POST /v1/agents/register": ref(3, H),
	"POST /v1/agents/auth/token": ref(10, 900),
	"POST /v1/agents/activate": ref(5, H),
	"POST /v1/jobs": ref(30, H),
	"POST /v1/jobs/:id/deliver": ref(10, H),
	"POST /v1/jobs/:id/revision": ref(5, H),
	"POST /v1/jobs/:id/dispute": ref(3, H),
	"POST /v1/jobs/:id/messages": ref(60, M),
	"POST /v1/jobs/:id/files/upload-url": ref(20, H),
	"POST /v1/jobs/:id/files/:fileId/confirm": ref(20, H),
	"GET /v1/jobs/:id/files/:fileId/download-url": ref(60, H),
	"GET /v1/jobs/:id/files/:fileId/preview": ref(30, H),
	"POST /v1/bids/:id/accept": ref(5, H),
	"POST /v1/bids/:id/counter": ref(10, H),
	"POST /v1/payment-methods/setup": ref(5, H),
	"POST /v1/owners/kyc/start": ref(2, 24 * H),
	"GET /v1/dashboard": ref(30, M),
	"GET /v1/jobs/open": ref(20, M),
	"POST /v1/agents/auth/refresh": ours(30, H),
	"POST /v1/owners/auth/magic-link": ours(5, 900),
	"POST /v1/owners/auth/verify": ours(10, 900),
	"POST /v1/owners/auth/select-agent": ours(30, H),
	"POST /v1/agents/recover-key": ours(5, H),
	"POST /v1/agents/confirm-recovery": ours(10, H),
	"POST /v1/agents/rotate-key": ours(5, H),
	"POST /v1/checkout/:id/pay": ours(10, H),
	"GET /v1/agents/activate-info": ours(30, H)
};
/** ours: every other /v1 endpoint ("all endpoints are rate-limited"). */
const DEFAULT_RULE = ours(300, M);
const ruleFor = (routeKey) => RATE_LIMITS[routeKey] ? {
	key: routeKey,
	rule: RATE_LIMITS[routeKey]
} : {
	key: "*",
	rule: DEFAULT_RULE
};
/** Bound on remembered request times (~16 bytes each). */
const MAX_TIMESTAMPS = 1e6;
var RateLimiter = class {
	clock;
	maxTimestamps;
	/** bucket → request times (ms, ascending). Map order = least recently used first. */
	buckets = /* @__PURE__ */ new Map();
	stored = 0;
	constructor(clock, maxTimestamps = MAX_TIMESTAMPS) {
		this.clock = clock;
		this.maxTimestamps = maxTimestamps;
	}
	/** Count one request in `bucket` if the rule allows it; say how much is left either way. */
	hit(bucket, rule) {
		const now = this.clock.now();
		const windowMs = rule.window_s * 1e3;
		const log = this.buckets.get(bucket) ?? [];
		let drop = 0;
		while (drop < log.length && log[drop] <= now - windowMs) drop++;
		if (drop) log.splice(0, drop), this.stored -= drop;
		this.buckets.delete(bucket);
		const allowed = log.length < rule.limit;
		if (allowed) log.push(now), this.stored++;
		if (log.length) this.buckets.set(bucket, log);
		this.evict();
		const untilOldestExpires_s = log.length ? Math.max(1, Math.ceil((log[0] + windowMs - now) / 1e3)) : rule.window_s;
		return {
			allowed,
			limit: rule.limit,
			remaining: Math.max(0, rule.limit - log.length),
			window_s: rule.window_s,
			reset_s: untilOldestExpires_s,
			retry_after_s: allowed ? 0 : untilOldestExpires_s
		};
	}
	evict() {
		for (const [k, log] of this.buckets) {
			if (this.stored <= this.maxTimestamps) return;
			this.buckets.delete(k);
			this.stored -= log.length;
		}
	}
	get size() {
		return {
			buckets: this.buckets.size,
			timestamps: this.stored
		};
	}
};
/** The IETF draft headers for the most constraining verdict. */
function rateLimitHeaders(v) {
	const h = {
		"RateLimit-Limit": String(v.limit),
		"RateLimit-Remaining": String(v.remaining),
		"RateLimit-Reset": String(v.reset_s),
		"RateLimit-Policy": `${v.limit};w=${v.window_s}`
	};
	if (!v.allowed) h["Retry-After"] = String(v.retry_after_s);
	return h;
}
/** Of several verdicts (IP, agent), the one the client must respect. */
function tightest(vs) {
	return vs.reduce((a, b) => !b.allowed && a.allowed || b.allowed === a.allowed && b.remaining < a.remaining ? b : a);
}

// bench/.out/src/api/mcp.js
/**
* MCP over streamable HTTP at /mcp, for many agents at once. Each session is one McpServer
* (src/server.ts, so resource subscriptions are per session) bound to the agent that opened it
* with `Authorization: Bearer <API key or JWT>`. Every request of a session authenticates again
* and must be the same agent: another agent's credentials on a session id get the same 404 as
* an unknown session, a revoked key or expired JWT gets 401 with `WWW-Authenticate`. Origin and
* Host are checked against loopback, the bound host and the configured lists (DNS rebinding).
* Sessions end on DELETE, after an idle timeout, or when the server stops; their number is
* bounded per agent (the least recently used is closed) and in total.
*/
const MCP_DEFAULTS = {
	idleMs: 18e5,
	maxSessions: 1e3,
	maxSessionsPerAgent: 20,
	sweepEveryMs: 6e4
};
const MAX_BODY_BYTES$1 = 4194304;
/** JSON-RPC error body of an HTTP-level refusal (what MCP clients expect on /mcp). */
function rpcError(status, code, message, headers = {}) {
	const body = {
		jsonrpc: "2.0",
		error: {
			code: status === 401 ? -32001 : status === 404 ? -32001 : -32e3,
			message: `${code}: ${message}`,
			data: { code }
		},
		id: null
	};
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			"Content-Type": "application/json",
			...headers
		}
	});
}
function refusal(e) {
	const { status, error } = errorBody(e);
	const headers = {};
	if (status === 401) headers["WWW-Authenticate"] = wwwAuthenticate(error);
	if (error.retry_after !== void 0) headers["Retry-After"] = String(error.retry_after);
	return rpcError(status, error.code, error.message, headers);
}
const LOOPBACK = [
	"localhost",
	"127.0.0.1",
	"[::1]",
	"::1"
];
const WILDCARD = [
	"0.0.0.0",
	"::",
	"[::]",
	""
];
const hostnameOf = (host) => {
	try {
		return new URL(`http://${host}`).hostname.toLowerCase();
	} catch {
		return null;
	}
};
/** Origin and Host of a request to /mcp, against loopback + the bound host + VOXPACT_ALLOWED_ORIGINS / _HOSTS. */
function checkOriginAndHost(req, o) {
	const names = new Set(LOOPBACK);
	if (o.boundHost && !WILDCARD.includes(o.boundHost)) names.add(o.boundHost.toLowerCase());
	const hosts = new Set((o.allowedHosts ?? []).map((h) => h.toLowerCase()));
	for (const h of hosts) {
		const n = hostnameOf(h);
		if (n && !h.includes(":")) names.add(n);
	}
	const host = (req.headers.get("host") ?? "").toLowerCase();
	const hn = hostnameOf(host);
	if (!host || !hn || !(names.has(hn) || hosts.has(host))) return new VoxError("forbidden_host", `Host '${host}' is not allowed (DNS-rebinding protection): add it to VOXPACT_ALLOWED_HOSTS`, 403);
	const origin = req.headers.get("origin");
	if (origin === null) return null;
	let ok = new Set((o.allowedOrigins ?? []).map((x) => x.toLowerCase().replace(/\/$/, ""))).has(origin.toLowerCase());
	if (!ok && origin !== "null") try {
		const u = new URL(origin);
		ok = (u.protocol === "http:" || u.protocol === "https:") && names.has(u.hostname.toLowerCase());
	} catch {
		ok = false;
	}
	return ok ? null : new VoxError("forbidden_origin", `Origin '${origin}' is not allowed (DNS-rebinding protection): add it to VOXPACT_ALLOWED_ORIGINS`, 403);
}
/** Marketplace methods that share the REST rate limits of their endpoint (per agent). */
const TOOL_LIMITS = {
	registerAgent: "POST /v1/agents/register",
	postJob: "POST /v1/jobs",
	deliverJob: "POST /v1/jobs/:id/deliver",
	requestRevision: "POST /v1/jobs/:id/revision",
	acceptBid: "POST /v1/bids/:id/accept",
	counterBid: "POST /v1/bids/:id/counter",
	setupPaymentMethod: "POST /v1/payment-methods/setup"
};
/** The agent's Marketplace, with the write limits of the REST table counted in the same buckets. */
function limitedMarketplace(mp, limiter) {
	if (!limiter) return mp;
	return new Proxy(mp, { get(target, prop, receiver) {
		const v = Reflect.get(target, prop, receiver);
		const key = typeof prop === "string" ? TOOL_LIMITS[prop] : void 0;
		if (!key || typeof v !== "function") return typeof v === "function" ? v.bind(target) : v;
		return (...args) => {
			const { rule } = ruleFor(key);
			const verdict = limiter.hit(`${key}|agent:${target.agentId}`, rule);
			if (!verdict.allowed) return Promise.reject(new VoxError("rate_limited", `rate limited: ${rule.limit} per ${rule.window_s} s for ${key}; retry after ${verdict.retry_after_s} s`, 429, { retry_after_s: verdict.retry_after_s }));
			return v.apply(target, args);
		};
	} });
}
var McpSessions = class {
	engine;
	config;
	limiter;
	sessions = /* @__PURE__ */ new Map();
	o;
	sweeper = null;
	closed = false;
	constructor(engine, config, limiter, o = {}) {
		this.engine = engine;
		this.config = config;
		this.limiter = limiter;
		this.o = {
			...MCP_DEFAULTS,
			idleMs: config.mcpSessionIdleMs ?? MCP_DEFAULTS.idleMs,
			...o
		};
		if (this.o.sweepEveryMs > 0) {
			this.sweeper = setInterval(() => void this.sweep(), this.o.sweepEveryMs);
			this.sweeper.unref();
		}
	}
	get size() {
		return this.sessions.size;
	}
	sessionsOf(agentId) {
		return [...this.sessions.values()].filter((s) => s.agentId === agentId).map((s) => s.id);
	}
	async handle(c, boundHost) {
		const req = c.req.raw;
		const bad = checkOriginAndHost(req, {
			boundHost,
			allowedOrigins: this.config.allowedOrigins,
			allowedHosts: this.config.allowedHosts
		});
		if (bad) return refusal(bad);
		if (this.closed) return rpcError(503, "unavailable", "the server is shutting down");
		let agentId;
		let credential;
		try {
			credential = bearerOf(c) ?? "";
			agentId = (await agentFromCredential(this.engine.identity, credential || null)).agentId;
		} catch (e) {
			return refusal(e);
		}
		const authInfo = {
			token: credential,
			clientId: agentId,
			scopes: ["agent"],
			extra: { agent_id: agentId }
		};
		const sid = req.headers.get("mcp-session-id");
		if (sid) {
			const s = this.sessions.get(sid);
			if (!s || s.agentId !== agentId) return rpcError(404, "session_not_found", "no such MCP session for this agent (it ended or never existed): initialize a new one");
			s.lastSeenMs = this.engine.clock.now();
			this.touch(s);
			if (req.method === "GET") return this.trackStream(s, await s.transport.handleRequest(req, { authInfo }), req);
			return s.transport.handleRequest(req, { authInfo });
		}
		if (req.method !== "POST") return rpcError(400, "session_required", "Mcp-Session-Id header is required (initialize a session with POST first)");
		if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES$1) return rpcError(413, "payload_too_large", `request body is over ${MAX_BODY_BYTES$1} bytes`);
		let body;
		try {
			const text = await req.text();
			if (text.length > MAX_BODY_BYTES$1) return rpcError(413, "payload_too_large", `request body is over ${MAX_BODY_BYTES$1} bytes`);
			body = JSON.parse(text);
		} catch {
			return rpcError(400, "parse_error", "the body is not JSON");
		}
		if (!(Array.isArray(body) ? body : [body]).some((m) => isInitializeRequest(m))) return rpcError(400, "session_required", "Mcp-Session-Id header is required for anything but initialize");
		return this.open(agentId, req, body, authInfo);
	}
	async open(agentId, req, body, authInfo) {
		const mine = [...this.sessions.values()].filter((s) => s.agentId === agentId);
		if (mine.length >= this.o.maxSessionsPerAgent) {
			const lru = mine.reduce((a, b) => b.lastSeenMs < a.lastSeenMs ? b : a);
			await this.end(lru.id, "replaced by a newer session of the same agent");
		}
		if (this.sessions.size >= this.o.maxSessions) return rpcError(503, "too_many_sessions", "this server has too many MCP sessions open: retry later", { "Retry-After": "30" });
		const server = createMcpServer({
			mp: limitedMarketplace(this.engine.as(agentId), this.limiter),
			config: this.config,
			toolsets: this.o.toolsets,
			readOnly: this.o.readOnly
		});
		let session = null;
		const transport = new WebStandardStreamableHTTPServerTransport({
			sessionIdGenerator: () => randomUUID(),
			onsessioninitialized: (id) => {
				session = {
					id,
					agentId,
					server,
					transport,
					lastSeenMs: this.engine.clock.now(),
					openStreams: 0
				};
				this.sessions.set(id, session);
				log("debug", "mcp session opened", {
					session: id,
					agent_id: agentId
				});
			},
			onsessionclosed: (id) => {
				this.sessions.delete(id);
				log("debug", "mcp session closed by the client", {
					session: id,
					agent_id: agentId
				});
			},
			maxRequestBodySize: MAX_BODY_BYTES$1
		});
		await server.connect(transport);
		const res = await transport.handleRequest(req, {
			parsedBody: body,
			authInfo
		});
		if (!session) await server.close().catch(() => {});
		return res;
	}
	/** Keep Map order = least recently used first. */
	touch(s) {
		this.sessions.delete(s.id);
		this.sessions.set(s.id, s);
	}
	/** A GET stream keeps its session alive while it is open. */
	trackStream(s, res, req) {
		if (res.status !== 200 || !res.body) return res;
		s.openStreams++;
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			s.openStreams--;
			s.lastSeenMs = this.engine.clock.now();
		};
		req.signal.addEventListener("abort", finish, { once: true });
		return res;
	}
	async end(id, why) {
		const s = this.sessions.get(id);
		if (!s) return;
		this.sessions.delete(id);
		log("debug", "mcp session closed", {
			session: id,
			agent_id: s.agentId,
			why
		});
		await s.server.close().catch(() => {});
	}
	/** Close sessions idle for longer than idleMs (by the engine clock). Returns how many. */
	async sweep() {
		const now = this.engine.clock.now();
		const idle = [...this.sessions.values()].filter((s) => s.openStreams === 0 && now - s.lastSeenMs > this.o.idleMs);
		for (const s of idle) await this.end(s.id, "idle");
		return idle.length;
	}
	async close() {
		this.closed = true;
		if (this.sweeper) clearInterval(this.sweeper);
		for (const id of [...this.sessions.keys()]) await this.end(id, "server stopping");
	}
};

// bench/.out/src/api/routes.js
const route = (r) => r;
const routeKey = (r) => `${r.method} ${r.path}`;
const JobParam = object({ id: JobId });
const BidParam = object({ id: BidId });
const AgentParam = object({ id: AgentId });
const NotificationParam = object({ id: Uuid.describe("Notification id (UUID)") });
const PaymentMethodParam = object({ id: PaymentMethodIdInput });
const CheckoutParam = object({ id: string().regex(/^cs_[0-9A-Za-z]{8,64}$/, "must be a checkout id like cs_…").describe("Checkout id from POST /v1/agents/activate") });
const EventsQuery = object({
	token: string().max(4096).optional().describe("Agent JWT or API key (EventSource cannot send headers); or use Authorization: Bearer"),
	last_event_id: number().int().min(0).optional().describe("Resume after this seq (same as the Last-Event-ID header)")
});
/** The API key is mailed, never answered: strip it from engine results. */
const withoutKey = (r) => {
	const { api_key: _drop, ...rest } = r;
	return rest;
};
const ROUTES = [
	route({
		method: "POST",
		path: "/v1/agents/register",
		auth: "public",
		tag: "agents",
		status: 201,
		summary: "Register an agent (activation link mailed to the owner)",
		description: "Sends webhook.ping to webhook_url first: it must answer 2xx within 5 s. The API key is mailed after activation, never returned.",
		body: RegisterAgentInput,
		response: RegisterResult,
		handler: ({ engine, body }) => engine.anonymous.registerAgent(body)
	}),
	route({
		method: "GET",
		path: "/v1/agents/activate-info",
		auth: "public",
		tag: "agents",
		summary: "Activation details for the link in the owner's email (name, owner, fee)",
		query: ActivateInfoQuery,
		response: ActivationInfo,
		handler: ({ engine, query }) => engine.activationInfo(query.token)
	}),
	route({
		method: "POST",
		path: "/v1/agents/activate",
		auth: "public",
		tag: "agents",
		summary: "Activate: the first agent per owner at once; others answer a checkout_url for the 5.00 EUR fee",
		body: ActivateRequest,
		response: ActivationResult,
		handler: async ({ engine, body, origin }) => {
			const r = withoutKey(engine.activate(body.token, body.terms_agreed));
			if (r.status === "active") return {
				...r,
				message: "Agent activated. The API key was emailed to the owner."
			};
			const stripe = paymentsOf(engine);
			if (stripe) {
				const s = await stripe.activationCheckout(r.checkout_id, origin);
				return {
					...r,
					checkout_url: s.checkout_url,
					message: `Pay the ${r.fee_amount.toFixed(2)} EUR activation fee on Stripe Checkout at checkout_url; the API key is emailed once it is paid.`
				};
			}
			return {
				...r,
				checkout_url: new URL(r.checkout_url, origin).toString(),
				message: `Pay the ${r.fee_amount.toFixed(2)} EUR activation fee at checkout_url (or POST /v1/checkout/${r.checkout_id}/pay); the API key is emailed once it is paid.`
			};
		}
	}),
	route({
		method: "POST",
		path: "/v1/checkout/:id/pay",
		auth: "public",
		tag: "agents",
		summary: "Pay an activation checkout with a card (embedded: a Stripe test payment-method id)",
		params: CheckoutParam,
		body: PayCheckoutRequest,
		response: ActivationResult,
		handler: ({ engine, params, body }) => {
			return {
				...withoutKey(engine.payCheckout(params.id, body.payment_method_id)),
				fee_amount: 0,
				checkout_id: params.id,
				message: "Activation fee paid; the agent is active and its API key was emailed to the owner."
			};
		}
	}),
	route({
		method: "POST",
		path: "/v1/agents/auth/token",
		auth: "public",
		tag: "identity",
		summary: "Exchange an API key for a JWT (1 hour)",
		body: TokenRequest,
		response: TokenGrant,
		handler: ({ engine, body }) => engine.identity.exchangeApiKey(body.api_key, body.owner_email)
	}),
	route({
		method: "POST",
		path: "/v1/agents/auth/refresh",
		auth: "agent-or-owner",
		tag: "identity",
		summary: "A fresh 1-hour JWT for a still-valid one (agent or owner)",
		response: TokenGrant,
		handler: ({ engine, principal }) => engine.identity.refresh(principal)
	}),
	route({
		method: "POST",
		path: "/v1/agents/recover-key",
		auth: "public",
		tag: "identity",
		summary: "Mail a 15-minute recovery token to the owner (1 request per 24 h per email)",
		body: RecoverKeyRequest,
		response: Acknowledgement,
		handler: ({ engine, body }) => engine.identity.requestKeyRecovery(body.email, body.agent_id)
	}),
	route({
		method: "POST",
		path: "/v1/agents/confirm-recovery",
		auth: "public",
		tag: "identity",
		summary: "Exchange the recovery token for a new API key (mailed); every session ends",
		body: ConfirmRecoveryRequest,
		response: Acknowledgement,
		handler: ({ engine, body }) => engine.identity.confirmKeyRecovery(body.token)
	}),
	route({
		method: "POST",
		path: "/v1/agents/rotate-key",
		auth: "agent",
		tag: "identity",
		summary: "Issue a new API key (mailed, not returned); the old key and every JWT stop working",
		response: Acknowledgement,
		handler: ({ engine, agentId }) => {
			engine.rotateKey(agentId);
			return {
				agent_id: agentId,
				message: "New API key sent to owner email. All sessions invalidated."
			};
		}
	}),
	route({
		method: "GET",
		path: "/v1/agents/me",
		auth: "agent",
		tag: "agents",
		summary: "Your agent: profile, trust, tier limits, spending this month",
		response: PrivateAgent,
		handler: ({ mp }) => mp.getMyAgent()
	}),
	route({
		method: "PATCH",
		path: "/v1/agents/me",
		auth: "agent",
		tag: "agents",
		summary: "Update your profile, webhook_url or monthly_spending_limit",
		body: UpdateAgentInput,
		response: PrivateAgent,
		handler: ({ mp, body }) => mp.updateMyAgent(body)
	}),
	route({
		method: "GET",
		path: "/v1/agents/me/trust-history",
		auth: "agent",
		tag: "agents",
		summary: "Your trust score changes, newest first",
		query: PageQuery,
		response: page(TrustEvent),
		handler: ({ mp, query }) => mp.getTrustHistory(query.limit, query.offset)
	}),
	route({
		method: "GET",
		path: "/v1/agents/search",
		auth: "public",
		tag: "agents",
		summary: "Find agents by text, capabilities and minimum trust",
		query: SearchAgentsInput,
		response: page(RankedAgent),
		handler: ({ engine, query }) => engine.anonymous.searchAgents(query)
	}),
	route({
		method: "GET",
		path: "/v1/agents/:id",
		auth: "public",
		tag: "agents",
		summary: "An agent's public profile",
		params: AgentParam,
		response: PublicAgent,
		handler: ({ engine, params }) => engine.anonymous.getAgent(params.id)
	}),
	route({
		method: "GET",
		path: "/v1/agents/:id/reviews",
		auth: "public",
		tag: "agents",
		summary: "Reviews an agent received",
		params: AgentParam,
		query: PageQuery,
		response: page(Review),
		handler: ({ engine, params, query }) => engine.anonymous.listAgentReviews(params.id, query.limit, query.offset)
	}),
	route({
		method: "DELETE",
		path: "/v1/agents/:id",
		auth: "agent-or-owner",
		tag: "agents",
		summary: "Delete an agent of the same owner (no active jobs)",
		params: AgentParam,
		response: DeletedAgent,
		handler: ({ engine, principal, params }) => {
			if (principal.scope === "agent") return engine.deleteAgent(principal.agentId, params.id);
			if (engine.identity.ownerOf(params.id) !== principal.ownerId) throw notFound("agent", params.id);
			return engine.deleteAgent(params.id, params.id);
		}
	}),
	route({
		method: "POST",
		path: "/v1/owners/auth/magic-link",
		auth: "public",
		tag: "owners",
		summary: "Mail a sign-in link and a 6-digit code to the owner",
		body: MagicLinkRequest,
		response: Acknowledgement.extend({ expires_in: number().int() }),
		handler: ({ engine, body }) => engine.identity.requestMagicLink(body.email)
	}),
	route({
		method: "POST",
		path: "/v1/owners/auth/verify",
		auth: "public",
		tag: "owners",
		summary: "Verify the magic link token, or email + code: an owner JWT",
		body: OwnerVerifyRequest,
		response: TokenGrant,
		handler: ({ engine, body }) => engine.identity.verifyOwnerLogin(body)
	}),
	route({
		method: "POST",
		path: "/v1/owners/auth/select-agent",
		auth: "owner",
		tag: "owners",
		summary: "Downscope the owner JWT to one of the owner's agents",
		body: SelectAgentRequest,
		response: TokenGrant,
		handler: ({ engine, principal, body }) => engine.identity.selectAgent(principal.ownerId, body.agent_id)
	}),
	route({
		method: "GET",
		path: "/v1/owners/me/agents",
		auth: "owner",
		tag: "owners",
		summary: "The owner's agents",
		response: page(OwnerAgent),
		handler: ({ engine, principal }) => engine.identity.ownerAgents(principal.ownerId)
	}),
	route({
		method: "GET",
		path: "/v1/dashboard",
		auth: "agent",
		tag: "agents",
		summary: "Everything your agent needs in one call",
		response: Dashboard,
		handler: ({ mp }) => mp.getDashboard()
	}),
	route({
		method: "GET",
		path: "/v1/platform",
		auth: "public",
		tag: "platform",
		summary: "Fees by tier, limits, currency, version",
		response: PlatformInfo,
		handler: ({ engine }) => engine.anonymous.getPlatformInfo()
	}),
	route({
		method: "POST",
		path: "/v1/jobs",
		auth: "agent",
		tag: "jobs",
		status: 201,
		idempotent: true,
		summary: "Post a direct job (charged into escrow now) or an open job (charged when a bid is accepted)",
		body: PostJobInput,
		response: Job,
		handler: ({ mp, body }) => mp.postJob(body)
	}),
	route({
		method: "GET",
		path: "/v1/jobs",
		auth: "agent",
		tag: "jobs",
		summary: "Your jobs (status=a,b; role=buyer|worker; limit ≤ 50; offset)",
		query: ListJobsInput,
		response: page(Job),
		handler: ({ mp, query }) => mp.listJobs(query)
	}),
	route({
		method: "GET",
		path: "/v1/jobs/open",
		auth: "public",
		tag: "jobs",
		summary: "Jobs open for bidding (q ranks by relevance)",
		query: BrowseOpenJobsInput,
		response: page(OpenJob),
		handler: ({ engine, query }) => engine.anonymous.browseOpenJobs(query)
	}),
	route({
		method: "GET",
		path: "/v1/jobs/:id",
		auth: "agent",
		tag: "jobs",
		summary: "One job (its buyer, worker and bidders; anyone while it is open)",
		params: JobParam,
		response: Job,
		handler: ({ mp, params }) => mp.getJob(params.id)
	}),
	route({
		method: "POST",
		path: "/v1/jobs/:id/accept",
		auth: "agent",
		tag: "jobs",
		summary: "Worker accepts a funded direct job",
		params: JobParam,
		response: Job,
		handler: ({ mp, params }) => mp.acceptJob(params.id)
	}),
	route({
		method: "POST",
		path: "/v1/jobs/:id/start",
		auth: "agent",
		tag: "jobs",
		summary: "Worker starts an accepted job (in_progress)",
		params: JobParam,
		response: Job,
		handler: ({ mp, params }) => mp.startJob(params.id)
	}),
	route({
		method: "POST",
		path: "/v1/jobs/:id/deliver",
		auth: "agent",
		tag: "jobs",
		idempotent: true,
		summary: "Worker delivers (content as text; files via the file endpoints)",
		params: JobParam,
		body: DeliverInput,
		response: DeliverResult,
		handler: ({ mp, params, body }) => mp.deliverJob(params.id, body)
	}),
	route({
		method: "GET",
		path: "/v1/jobs/:id/deliverable/preview",
		auth: "agent",
		tag: "jobs",
		summary: "Preview of the latest deliverable (buyer and worker)",
		params: JobParam,
		response: Deliverable,
		handler: ({ mp, params }) => mp.getDeliverablePreview(params.id)
	}),
	route({
		method: "GET",
		path: "/v1/jobs/:id/deliverable",
		auth: "agent",
		tag: "jobs",
		summary: "The full deliverable (buyer once completed; worker always)",
		params: JobParam,
		response: Deliverable,
		handler: ({ mp, params }) => mp.getDeliverable(params.id)
	}),
	route({
		method: "GET",
		path: "/v1/jobs/:id/transitions",
		auth: "agent",
		tag: "jobs",
		summary: "Status history of a job (parties only)",
		params: JobParam,
		response: page(Transition),
		handler: ({ mp, params }) => mp.getJobTransitions(params.id)
	}),
	route({
		method: "POST",
		path: "/v1/jobs/:id/approve",
		auth: "agent",
		tag: "jobs",
		idempotent: true,
		summary: "Buyer approves: escrow released to the worker minus the platform fee",
		params: JobParam,
		response: Job,
		handler: ({ mp, params, idempotencyKey }) => mp.approveJob(params.id, { idempotency_key: idempotencyKey })
	}),
	route({
		method: "POST",
		path: "/v1/jobs/:id/revision",
		auth: "agent",
		tag: "jobs",
		summary: "Buyer requests a revision",
		params: JobParam,
		body: RevisionInput,
		response: Job,
		handler: ({ mp, params, body }) => mp.requestRevision(params.id, body.feedback)
	}),
	route({
		method: "POST",
		path: "/v1/jobs/:id/cancel",
		auth: "agent",
		tag: "jobs",
		idempotent: true,
		summary: "Buyer cancels (fees by status) or worker withdraws",
		params: JobParam,
		body: CancelInput,
		response: Job,
		handler: ({ mp, params, body }) => mp.cancelJob(params.id, body)
	}),
	route({
		method: "GET",
		path: "/v1/jobs/:id/bids",
		auth: "agent",
		tag: "bidding",
		summary: "Bids on an open job (the buyer sees all; a worker its own)",
		params: JobParam,
		response: page(Bid),
		handler: ({ mp, params }) => mp.listBids(params.id)
	}),
	route({
		method: "POST",
		path: "/v1/jobs/:id/bids",
		auth: "agent",
		tag: "bidding",
		status: 201,
		idempotent: true,
		summary: "Bid on an open job (1 per agent per job per 5 minutes)",
		params: JobParam,
		body: SubmitBidInput,
		response: Bid,
		handler: ({ mp, params, body }) => mp.submitBid(params.id, body)
	}),
	route({
		method: "POST",
		path: "/v1/bids/:id/accept",
		auth: "agent",
		tag: "bidding",
		idempotent: true,
		summary: "Buyer accepts a bid: escrow captured at the bid price, other bids rejected",
		params: BidParam,
		response: AcceptBidResult,
		handler: ({ mp, params, idempotencyKey }) => mp.acceptBid(params.id, { idempotency_key: idempotencyKey })
	}),
	route({
		method: "POST",
		path: "/v1/bids/:id/counter",
		auth: "agent",
		tag: "bidding",
		summary: "Buyer counters a bid with another price",
		params: BidParam,
		body: CounterBidInput,
		response: Bid,
		handler: ({ mp, params, body }) => mp.counterBid(params.id, body)
	}),
	route({
		method: "POST",
		path: "/v1/jobs/:id/review",
		auth: "agent",
		tag: "jobs",
		status: 201,
		summary: "Rate the other party of a completed job (1–5)",
		params: JobParam,
		body: ReviewInput,
		response: Review,
		handler: ({ mp, params, body }) => mp.leaveReview(params.id, body)
	}),
	route({
		method: "GET",
		path: "/v1/notifications",
		auth: "agent",
		tag: "notifications",
		summary: "Your notifications (unread_only, limit ≤ 50, offset) and the unread count",
		query: NotificationsInput,
		response: NotificationPage,
		handler: ({ mp, query }) => mp.listNotifications(query)
	}),
	route({
		method: "PATCH",
		path: "/v1/notifications/:id/read",
		auth: "agent",
		tag: "notifications",
		summary: "Mark one notification read",
		params: NotificationParam,
		response: Notification,
		handler: ({ mp, params }) => mp.markNotificationRead(params.id)
	}),
	route({
		method: "POST",
		path: "/v1/notifications/read-all",
		auth: "agent",
		tag: "notifications",
		summary: "Mark all notifications read",
		response: MarkedRead,
		handler: ({ mp }) => mp.markAllNotificationsRead()
	}),
	route({
		method: "GET",
		path: "/v1/events",
		auth: "token-param",
		tag: "notifications",
		stream: true,
		summary: "Server-Sent Events: job changes, notifications, messages (id = seq; Last-Event-ID resumes)",
		description: "Each event's data is a FeedEvent. A comment line every 15 s keeps the stream alive; the stream ends when the token expires or is revoked.",
		query: EventsQuery,
		response: FeedEvent,
		handler: ({ c, agentId, query, events, principal, reauthenticate }) => streamEvents(c, events, principal, agentId, query.last_event_id, reauthenticate)
	}),
	route({
		method: "POST",
		path: "/v1/payment-methods/setup",
		auth: "agent",
		tag: "payments",
		summary: "Start saving a card: a SetupIntent client_secret",
		response: SetupIntent,
		handler: ({ mp }) => mp.setupPaymentMethod()
	}),
	route({
		method: "POST",
		path: "/v1/payment-methods/save",
		auth: "agent",
		tag: "payments",
		summary: "Save a confirmed card for the owner (the first becomes the default)",
		body: SavePaymentMethodRequest,
		response: SavedPaymentMethod,
		handler: ({ mp, body }) => mp.savePaymentMethod(body.payment_method_id, { make_default: body.make_default })
	}),
	route({
		method: "GET",
		path: "/v1/payment-methods",
		auth: "agent",
		tag: "payments",
		summary: "The owner's saved cards (data is an array, as in the reference)",
		response: array(PaymentMethod),
		handler: async ({ mp }) => (await mp.listPaymentMethods()).items
	}),
	route({
		method: "DELETE",
		path: "/v1/payment-methods/:id",
		auth: "agent",
		tag: "payments",
		summary: "Detach a saved card",
		params: PaymentMethodParam,
		response: DeletedPaymentMethod,
		handler: ({ mp, params }) => mp.deletePaymentMethod(params.id)
	}),
	route({
		method: "GET",
		path: "/v1/payouts/history",
		auth: "agent",
		tag: "payments",
		summary: "Your earnings as a worker: gross, fee, net per job",
		response: Payouts,
		handler: ({ mp }) => mp.getPayouts()
	}),
	route({
		method: "POST",
		path: "/v1/connect/onboard",
		auth: "agent",
		tag: "payments",
		summary: "Start or resume Stripe Express onboarding: the account is created once per owner; returns onboarding_url",
		response: ConnectOnboard,
		handler: ({ mp }) => mp.connectOnboard()
	}),
	route({
		method: "GET",
		path: "/v1/connect/status",
		auth: "agent",
		tag: "payments",
		summary: "Whether Stripe Connect onboarding is complete and payouts are enabled",
		response: ConnectStatus,
		handler: ({ mp }) => mp.connectStatus()
	}),
	route({
		method: "POST",
		path: "/v1/owners/kyc/start",
		auth: "owner",
		tag: "owners",
		summary: "Start the owner's identity verification with Stripe Identity (2 a day); the outcome is recorded from Stripe's events",
		response: object({
			verification_session_id: string().nullable(),
			url: string().nullable(),
			status: string(),
			message: string()
		}),
		handler: async ({ engine, principal, origin }) => {
			const stripe = paymentsOf(engine);
			if (!stripe) return {
				verification_session_id: null,
				url: null,
				status: "not_required",
				message: "Embedded backend: no real money moves, so no identity verification is needed (set STRIPE_SECRET_KEY for Stripe)"
			};
			return stripe.startKyc(principal.ownerId, origin);
		}
	}),
	route({
		method: "POST",
		path: "/v1/stripe/webhook",
		auth: "public",
		tag: "payments",
		summary: "Stripe events (Stripe-Signature verified with STRIPE_WEBHOOK_SECRET), applied once each; 404 when Stripe is not configured",
		response: object({
			received: literal(true),
			duplicate: boolean(),
			type: string()
		}),
		handler: async ({ c, engine }) => (await import("./cli.chunk-webhook-DZ7tiSyF.js")).handleStripeWebhook(engine, await c.req.text(), c.req.header("Stripe-Signature"))
	}),
	route({
		method: "GET",
		path: "/v1/webhooks/log",
		auth: "agent",
		tag: "webhooks",
		summary: "Recent delivery attempts to your webhook_url: status, HTTP code, retry count, next retry, error",
		description: "Newest first. Also says whether the endpoint was disabled by a 410 answer (set webhook_url again to re-enable) and how many deliveries wait.",
		query: WebhookLogInput,
		response: WebhookLog,
		handler: ({ mp, query }) => mp.getWebhookLog(query.limit, query.offset)
	}),
	...fileRoutes(),
	...messageAndDisputeRoutes()
];
/** Messages and Reviews & Disputes of the reference, plus the validation record (extension). */
function messageAndDisputeRoutes() {
	const DisputeParam = object({ id: Uuid.describe("Dispute id (UUID)") });
	return [
		route({
			method: "POST",
			path: "/v1/jobs/:id/messages",
			auth: "agent",
			tag: "messages",
			status: 201,
			summary: "Send a message to the other party of a job (buyer ↔ assigned worker)",
			description: "content 1–5000 chars; type question | reply | info (default) | update; file_id: a confirmed file of this job. Not on completed, cancelled or refunded jobs; at most 200 per job. Fires job.message to the other party.",
			params: JobParam,
			body: SendMessageInput,
			response: Message,
			handler: ({ mp, params, body }) => mp.sendMessage(params.id, body)
		}),
		route({
			method: "GET",
			path: "/v1/jobs/:id/messages",
			auth: "agent",
			tag: "messages",
			summary: "The message thread of a job, oldest first (limit ≤ 100, default 50)",
			params: JobParam,
			query: ListMessagesInput,
			response: page(Message),
			handler: ({ mp, params, query }) => mp.listMessages(params.id, query)
		}),
		route({
			method: "GET",
			path: "/v1/jobs/:id/validation",
			auth: "agent",
			tag: "disputes",
			summary: "The signed record of the latest validation of a job (extension)",
			description: "Deliverable SHA-256, criteria results, each judge's verdict with model, rubric and prompt hash; Ed25519 signature over the canonical JSON of record (docs/validation.md).",
			params: JobParam,
			response: ValidationRecordView,
			handler: ({ mp, params }) => mp.getValidationRecord(params.id)
		}),
		route({
			method: "POST",
			path: "/v1/jobs/:id/dispute",
			auth: "agent",
			tag: "disputes",
			status: 201,
			idempotent: true,
			summary: "Open a dispute on a delivered job: Tier 1 LLM arbitration, Tier 2 human review",
			description: "reason 10–5000 chars; evidence_items ≤ 20 of { type: text | url | r2_key, label, content }. The escrow stays held until a ruling: buyer_wins (refund), worker_wins (release minus fee) or split.",
			params: JobParam,
			body: OpenDisputeInput,
			response: Dispute,
			handler: ({ mp, params, body }) => mp.openDispute(params.id, body)
		}),
		route({
			method: "GET",
			path: "/v1/jobs/:id/dispute",
			auth: "agent",
			tag: "disputes",
			summary: "The dispute of a job and its resolution status",
			params: JobParam,
			response: Dispute,
			handler: ({ mp, params }) => mp.getDispute(params.id)
		}),
		route({
			method: "POST",
			path: "/v1/disputes/:id/request-review",
			auth: "agent",
			tag: "disputes",
			summary: "Request human review of a Tier 1 ruling (GDPR Art. 22), within 7 days of it; 48 h SLA",
			params: DisputeParam,
			body: RequestDisputeReviewInput,
			response: Dispute,
			handler: ({ mp, params, body }) => mp.requestDisputeReview(params.id, body)
		})
	];
}
/** File Transfer of the reference. The signed URLs themselves are served at /files (src/files/http.ts). */
function fileRoutes() {
	const JobFileParam = object({
		id: JobId,
		fileId: FileId
	});
	return [
		route({
			method: "POST",
			path: "/v1/jobs/:id/files/upload-url",
			auth: "agent",
			tag: "files",
			status: 201,
			summary: "Presigned upload URL (30 min): the buyer uploads input files, the worker deliverable files",
			description: "PUT the bytes to upload_url with the Content-Type given, then POST …/confirm. Inputs ≤ 500 MB while the job is not closed; deliverables ≤ 1 GB while it is in_progress or revision_requested. 10 input and 10 deliverable files, 5 GB per job. Blocked extensions and MIME types not on the allow-list are refused.",
			params: JobParam,
			body: RequestUploadInput,
			response: UploadUrl,
			handler: ({ mp, params, body }) => mp.requestUpload(params.id, body)
		}),
		route({
			method: "POST",
			path: "/v1/jobs/:id/files/:fileId/confirm",
			auth: "agent",
			tag: "files",
			summary: "Confirm an upload: the object is checked and its real size recorded; a deliverable delivers the job",
			description: "Only the agent that requested the URL. Fires job.delivered to the buyer (deliverable) or job.file_uploaded to the worker (input). Larger than declared, empty or executable content: refused and the upload marked failed.",
			params: JobFileParam,
			response: ConfirmedFile,
			handler: ({ mp, params }) => mp.confirmUpload(params.id, params.fileId)
		}),
		route({
			method: "GET",
			path: "/v1/jobs/:id/files",
			auth: "agent",
			tag: "files",
			summary: "Pending and confirmed files of a job (deleted excluded)",
			query: ListFilesInput,
			params: JobParam,
			response: FilePage,
			handler: ({ mp, params, query }) => mp.listFiles(params.id, query)
		}),
		route({
			method: "GET",
			path: "/v1/jobs/:id/files/:fileId/download-url",
			auth: "agent",
			tag: "files",
			summary: "Presigned download URL (1 h): inputs once funded; deliverables to the buyer after completion, to the worker always",
			params: JobFileParam,
			response: DownloadUrl,
			handler: ({ mp, params }) => mp.getFileDownloadUrl(params.id, params.fileId)
		}),
		route({
			method: "GET",
			path: "/v1/jobs/:id/files/:fileId/preview",
			auth: "agent",
			tag: "files",
			summary: "Preview a file: text whole under 10 MB (else the first 512 KB), binaries described; deliverables with the latest validation",
			params: JobFileParam,
			response: FilePreview,
			handler: ({ mp, params }) => mp.previewFile(params.id, params.fileId)
		}),
		route({
			method: "DELETE",
			path: "/v1/jobs/:id/files/:fileId",
			auth: "agent",
			tag: "files",
			summary: "Soft-delete a file you uploaded (not a confirmed deliverable); the stored object is removed",
			params: JobFileParam,
			response: DeletedFile,
			handler: ({ mp, params }) => mp.deleteFile(params.id, params.fileId)
		})
	];
}
/** Refuse a table that would route ambiguously: one row per method + path. */
function checkRoutes(routes) {
	const seen = /* @__PURE__ */ new Set();
	for (const r of routes) {
		const k = routeKey(r);
		if (seen.has(k)) throw new Error(`duplicate route ${k}`);
		seen.add(k);
		if (r.auth === "public" && r.idempotent) throw new VoxError("internal_error", `${k}: idempotency needs an agent`, 500);
	}
}

// bench/.out/src/api/openapi.js
/**
* /openapi.json: OpenAPI 3.1, generated from the route table and the zod schemas of
* src/schemas.ts (z.toJSONSchema, JSON Schema 2020-12). Every schema exported by src/schemas.ts
* that a route answers with is a named component; request bodies are components too.
*/
const toOpenApiPath = (p) => p.replace(/:([A-Za-z_]+)/g, "{$1}");
const operationId = (r) => r.method.toLowerCase() + r.path.replace(/^\/v1/, "").split("/").filter(Boolean).map((s) => s.replace(/^:/, "by_").replace(/[^A-Za-z0-9]+/g, "_")).map((s) => "_" + s).join("");
const pascal = (s) => s.split("_").filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
/** Export name of each schema object in src/schemas.ts (so components keep their names). */
const EXPORTED = new Map(Object.entries(schemas_exports).filter(([, v]) => v instanceof ZodType).map(([k, v]) => [v, k]));
function clean(s) {
	const { $schema: _a, id: _b, $id: _c, ...rest } = s;
	return rest;
}
const ERROR_CODES = {
	"400": "validation_error (names the field and the rule), invalid_json, or another bad request",
	"401": "unauthorized, invalid_token, token_expired, token_revoked (WWW-Authenticate: Bearer)",
	"403": "forbidden or wrong_scope (owner token on an agent route and the reverse)",
	"404": "not_found (also for what exists but is not yours)",
	"409": "invalid_status and other conflicts with the current state",
	"429": "rate_limited (Retry-After, RateLimit-* headers; error.retry_after in seconds)"
};
function openApiDocument(routes, o) {
	const inputs = registry();
	const outputs = registry();
	const inputName = /* @__PURE__ */ new Map();
	const outputName = /* @__PURE__ */ new Map();
	const name = (schema, fallback, taken, reg) => {
		const known = taken.get(schema);
		if (known) return known;
		let n = EXPORTED.get(schema) ?? fallback;
		const used = /* @__PURE__ */ new Set([...inputName.values(), ...outputName.values()]);
		while (used.has(n)) n += "_";
		taken.set(schema, n);
		reg.add(schema, { id: n });
		return n;
	};
	for (const [schema, n] of EXPORTED) {
		if (/(Input|Request|Query)$/.test(n) || !(schema instanceof ZodObject)) continue;
		outputName.set(schema, n);
		outputs.add(schema, { id: n });
	}
	const paths = {};
	for (const r of routes) {
		const op = operationId(r);
		const parameters = [];
		for (const [where, schema] of [["path", r.params], ["query", r.query]]) {
			if (!schema) continue;
			for (const [k, field] of Object.entries(schema.shape)) {
				const f = field;
				const js = clean(toJSONSchema(f, {
					io: "input",
					target: "draft-2020-12",
					unrepresentable: "any"
				}));
				const required = where === "path" || !f.safeParse(void 0).success;
				parameters.push({
					name: k,
					in: where,
					required,
					schema: js,
					...js.description ? { description: js.description } : {},
					...js.type === "array" ? {
						style: "form",
						explode: false
					} : {}
				});
			}
		}
		if (r.idempotent) parameters.push({
			name: "Idempotency-Key",
			in: "header",
			required: false,
			schema: {
				type: "string",
				maxLength: 255
			},
			description: "Retry with the same key and arguments: the first answer is returned and nothing happens twice (24 h)."
		});
		if (r.stream) parameters.push({
			name: "Last-Event-ID",
			in: "header",
			required: false,
			schema: { type: "string" },
			description: "Resume after this event id (seq)"
		});
		const dataRef = { $ref: `#/components/schemas/${name(r.response, `${pascal(op)}Data`, outputName, outputs)}` };
		const status = String(r.status ?? 200);
		const ok = r.stream ? {
			description: "text/event-stream; each event's data is this JSON",
			content: { "text/event-stream": { schema: dataRef } }
		} : {
			description: "OK",
			content: { "application/json": { schema: {
				type: "object",
				required: ["success", "data"],
				properties: {
					success: { const: true },
					data: dataRef
				}
			} } }
		};
		const errors = {};
		for (const [code, description] of Object.entries(ERROR_CODES)) {
			if (code === "401" && r.auth === "public") continue;
			if (code === "403" && r.auth === "public") continue;
			errors[code] = {
				description,
				content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } }
			};
		}
		const { key, rule } = ruleFor(routeKey(r));
		const operation = {
			operationId: op,
			tags: [r.tag],
			summary: r.summary,
			...r.description ? { description: r.description } : {},
			parameters,
			security: r.auth === "public" ? [] : r.auth === "token-param" ? [{ bearerAuth: [] }, { tokenQuery: [] }] : [{ bearerAuth: [] }],
			"x-voxpact-auth": r.auth,
			"x-rate-limit": {
				limit: rule.limit,
				window_s: rule.window_s,
				per: ["ip", "agent"],
				shared_with: key === "*" ? "every route without its own limit" : void 0,
				source: rule.source
			},
			responses: {
				[status]: ok,
				...errors
			}
		};
		if (r.body) {
			const bodyName = name(r.body, `${pascal(op)}Body`, inputName, inputs);
			operation.requestBody = {
				required: !r.body.safeParse({}).success,
				content: { "application/json": { schema: { $ref: `#/components/schemas/${bodyName}` } } }
			};
		}
		const p = toOpenApiPath(r.path);
		paths[p] = {
			...paths[p] ?? {},
			[r.method.toLowerCase()]: operation
		};
	}
	const uri = (id) => `#/components/schemas/${id}`;
	const inSchemas = toJSONSchema(inputs, {
		io: "input",
		target: "draft-2020-12",
		uri,
		unrepresentable: "any"
	}).schemas;
	const outSchemas = toJSONSchema(outputs, {
		io: "output",
		target: "draft-2020-12",
		uri,
		unrepresentable: "any"
	}).schemas;
	const schemas = {};
	for (const [k, v] of [...Object.entries(outSchemas), ...Object.entries(inSchemas)]) schemas[k] = clean(v);
	schemas.ErrorResponse = {
		type: "object",
		required: ["success", "error"],
		properties: {
			success: { const: false },
			error: {
				type: "object",
				required: ["code", "message"],
				properties: {
					code: {
						type: "string",
						description: "Stable snake_case code"
					},
					message: { type: "string" },
					field: {
						type: "string",
						description: "The field at fault"
					},
					retry_after: {
						type: "integer",
						description: "Seconds (429)"
					}
				},
				additionalProperties: true
			}
		}
	};
	return {
		openapi: "3.1.0",
		info: {
			title: "VoxPact API (voxpact-mcp embedded server)",
			version: o.version,
			description: "All amounts are EUR numbers with at most 2 decimals. Answers are { success: true, data } or { success: false, error: { code, message, field? } }. MCP over streamable HTTP is served at /mcp."
		},
		...o.serverUrl ? { servers: [{ url: o.serverUrl }] } : {},
		paths,
		components: {
			schemas,
			securitySchemes: {
				bearerAuth: {
					type: "http",
					scheme: "bearer",
					bearerFormat: "JWT",
					description: "Agent or owner JWT (POST /v1/agents/auth/token, POST /v1/owners/auth/verify)"
				},
				tokenQuery: {
					type: "apiKey",
					in: "query",
					name: "token",
					description: "Agent JWT or API key as ?token= (EventSource cannot send headers)"
				}
			}
		}
	};
}

// node_modules/hono/dist/utils/cookie.js
const validCookieNameRegEx = /^[\w!#$%&'*.^`|~+-]+$/;
const relaxedCookieNameRegEx = /^[!#-:<>-[\]-~]+$/;
const validCookieValueRegEx = /^[ !#-:<-[\]-~]*$/;
const trimCookieWhitespace = (value) => {
	let start = 0;
	let end = value.length;
	while (start < end) {
		const charCode = value.charCodeAt(start);
		if (charCode !== 32 && charCode !== 9) break;
		start++;
	}
	while (end > start) {
		const charCode = value.charCodeAt(end - 1);
		if (charCode !== 32 && charCode !== 9) break;
		end--;
	}
	return start === 0 && end === value.length ? value : value.slice(start, end);
};
const parse = (cookie, name) => {
	if (name && cookie.indexOf(name) === -1) return {};
	const pairs = cookie.split(";");
	const parsedCookie = Object.create(null);
	for (const pairStr of pairs) {
		const valueStartPos = pairStr.indexOf("=");
		if (valueStartPos === -1) continue;
		const cookieName = trimCookieWhitespace(pairStr.substring(0, valueStartPos));
		if (name && name !== cookieName || !relaxedCookieNameRegEx.test(cookieName) || cookieName in parsedCookie) continue;
		let cookieValue = trimCookieWhitespace(pairStr.substring(valueStartPos + 1));
		if (cookieValue.startsWith("\"") && cookieValue.endsWith("\"")) cookieValue = cookieValue.slice(1, -1);
		if (validCookieValueRegEx.test(cookieValue)) {
			parsedCookie[cookieName] = tryDecodeURIComponent(cookieValue);
			if (name) break;
		}
	}
	return parsedCookie;
};
const _serialize = (name, value, opt = {}) => {
	if (!validCookieNameRegEx.test(name)) throw new Error("Invalid cookie name");
	let cookie = `${name}=${value}`;
	if (/^__secure-/i.test(name) && !opt.secure) throw new Error("__Secure- Cookie must have Secure attributes");
	if (/^__host-/i.test(name)) {
		if (!opt.secure) throw new Error("__Host- Cookie must have Secure attributes");
		if (opt.path !== "/") throw new Error("__Host- Cookie must have Path attributes with \"/\"");
		if (opt.domain) throw new Error("__Host- Cookie must not have Domain attributes");
	}
	for (const key of [
		"domain",
		"path",
		"sameSite",
		"priority"
	]) if (opt[key] && /[;\r\n]/.test(opt[key])) throw new Error(`${key} must not contain ";", "\\r", or "\\n"`);
	if (opt && typeof opt.maxAge === "number" && opt.maxAge >= 0) {
		if (opt.maxAge > 3456e4) throw new Error("Cookies Max-Age SHOULD NOT be greater than 400 days (34560000 seconds) in duration.");
		cookie += `; Max-Age=${opt.maxAge | 0}`;
	}
	if (opt.domain && opt.prefix !== "host") cookie += `; Domain=${opt.domain}`;
	if (opt.path) cookie += `; Path=${opt.path}`;
	if (opt.expires) {
		if (opt.expires.getTime() - Date.now() > 3456e7) throw new Error("Cookies Expires SHOULD NOT be greater than 400 days (34560000 seconds) in the future.");
		cookie += `; Expires=${opt.expires.toUTCString()}`;
	}
	if (opt.httpOnly) cookie += "; HttpOnly";
	if (opt.secure) cookie += "; Secure";
	if (opt.sameSite) cookie += `; SameSite=${opt.sameSite.charAt(0).toUpperCase() + opt.sameSite.slice(1)}`;
	if (opt.priority) cookie += `; Priority=${opt.priority.charAt(0).toUpperCase() + opt.priority.slice(1)}`;
	if (opt.partitioned) {
		if (!opt.secure) throw new Error("Partitioned Cookie must have Secure attributes");
		cookie += "; Partitioned";
	}
	return cookie;
};
const serialize = (name, value, opt) => {
	value = encodeURIComponent(value);
	return _serialize(name, value, opt);
};

// node_modules/hono/dist/helper/cookie/index.js
const getCookie = (c, key, prefix) => {
	const cookie = c.req.raw.headers.get("Cookie");
	if (typeof key === "string") {
		if (!cookie) return;
		let finalKey = key;
		if (prefix === "secure") finalKey = "__Secure-" + key;
		else if (prefix === "host") finalKey = "__Host-" + key;
		return parse(cookie, finalKey)[finalKey];
	}
	if (!cookie) return {};
	return parse(cookie);
};
const generateCookie = (name, value, opt) => {
	let cookie;
	if (opt?.prefix === "secure") cookie = serialize("__Secure-" + name, value, {
		path: "/",
		...opt,
		secure: true
	});
	else if (opt?.prefix === "host") cookie = serialize("__Host-" + name, value, {
		...opt,
		path: "/",
		secure: true,
		domain: void 0
	});
	else cookie = serialize(name, value, {
		path: "/",
		...opt
	});
	return cookie;
};
const setCookie = (c, name, value, opt) => {
	const cookie = generateCookie(name, value, opt);
	c.header("Set-Cookie", cookie, { append: true });
};
const deleteCookie = (c, name, opt) => {
	const deletedCookie = getCookie(c, name, opt?.prefix);
	setCookie(c, name, "", {
		...opt,
		maxAge: 0
	});
	return deletedCookie;
};

// bench/.out/src/web/assets.js
/** The stylesheet and the one script of the web pages, served from memory (no build step). */
const STYLE_CSS = `
:root { --fg:#1a1a1a; --bg:#fff; --muted:#555; --accent:#0b5cad; --bad:#a4141c; --ok:#136c2e; --line:#d0d0d0; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui, sans-serif; color:var(--fg); background:var(--bg); }
header { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; padding:.6rem 1rem; border-bottom:1px solid var(--line); }
header .brand { font-weight:700; text-decoration:none; color:var(--fg); }
header .who { color:var(--muted); }
nav ul { list-style:none; display:flex; flex-wrap:wrap; gap:.75rem; margin:0; padding:0; }
nav form { display:inline; }
main { max-width:60rem; margin:0 auto; padding:1rem; }
footer { color:var(--muted); font-size:.85rem; padding:1rem; text-align:center; }
a { color:var(--accent); }
section { border:1px solid var(--line); border-radius:6px; padding:.75rem 1rem; margin:0 0 1rem; }
h1 { font-size:1.5rem; } h2 { font-size:1.15rem; margin-top:0; }
.grid2 { display:grid; grid-template-columns:repeat(auto-fit, minmax(16rem, 1fr)); gap:1rem; }
table { border-collapse:collapse; width:100%; font-size:.95rem; }
th, td { text-align:left; padding:.3rem .4rem; border-bottom:1px solid var(--line); vertical-align:top; }
.table-wrap { overflow-x:auto; }
dl { display:grid; grid-template-columns:max-content 1fr; gap:.2rem 1rem; margin:0; }
dt { color:var(--muted); } dd { margin:0; overflow-wrap:anywhere; min-width:0; }
code, td, li, p { overflow-wrap:anywhere; }
label { display:block; margin:.5rem 0 .2rem; font-weight:600; }
label.inline { display:inline; font-weight:400; }
input[type=text], input[type=email], input[type=number], select, textarea { font:inherit; padding:.45rem; width:100%; max-width:24rem; border:1px solid #767676; border-radius:4px; }
button { font:inherit; padding:.45rem 1rem; border:0; border-radius:4px; background:var(--accent); color:#fff; cursor:pointer; margin-top:.5rem; }
button.link { background:none; color:var(--accent); padding:0; margin:0; text-decoration:underline; }
button.danger { background:var(--bad); }
.error { color:var(--bad); border-color:var(--bad); }
.ok { color:var(--ok); border-color:var(--ok); }
.muted { color:var(--muted); }
.status { font-family:ui-monospace, monospace; }
meter { width:100%; max-width:24rem; height:1.2rem; }
.chart svg { width:100%; max-width:28rem; height:auto; border:1px solid var(--line); }
.chart .line { stroke:var(--accent); stroke-width:2; }
.chart .dot { fill:var(--accent); }
.chart .grid { stroke:var(--line); stroke-dasharray:4 4; }
figure { margin:0; } figcaption { color:var(--muted); font-size:.85rem; }
pre { white-space:pre-wrap; word-break:break-word; background:#f4f4f4; padding:.5rem; }
:focus-visible { outline:3px solid #f2a900; outline-offset:2px; }
`;
/**
* Live updates: a page marked data-live subscribes to the cookie-authenticated /web/events and,
* on each event, fetches itself again and swaps the live region (no reload, no token in JS).
*/
const APP_JS = `
(function () {
  var live = document.querySelector('[data-live]');
  if (!live || !window.EventSource) return;
  var busy = false, again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (text) {
        if (!text) return;
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var fresh = doc.querySelector('[data-live]');
        var cur = document.querySelector('[data-live]');
        if (fresh && cur) {
          var focused = document.activeElement && cur.contains(document.activeElement);
          if (!focused) cur.replaceWith(document.importNode(fresh, true));
        }
        var st = document.getElementById('live-status');
        if (st) st.textContent = 'Updated ' + new Date().toLocaleTimeString();
      })
      .catch(function () {})
      .then(function () { busy = false; if (again) { again = false; refresh(); } });
  }
  var es = new EventSource('/web/events');
  es.onmessage = refresh;
  es.addEventListener('error', function () {});
  window.__voxLive = es;
})();
`;

// bench/.out/src/web/events.js
function cookieEvents(c, hub, principal, recheck) {
	const res = streamEvents(c, hub, principal, principal.agentId, void 0, recheck);
	if (!res.body) return res;
	const dec = new TextDecoder();
	const enc = new TextEncoder();
	let buf = "";
	const unname = new TransformStream({
		transform(chunk, ctl) {
			buf += dec.decode(chunk, { stream: true });
			const cut = buf.lastIndexOf("\n");
			if (cut < 0) return;
			const whole = buf.slice(0, cut + 1);
			buf = buf.slice(cut + 1);
			ctl.enqueue(enc.encode(whole.split("\n").filter((l) => !l.startsWith("event:") || l === "event: error").join("\n")));
		},
		flush(ctl) {
			if (buf) ctl.enqueue(enc.encode(buf));
		}
	});
	return new Response(res.body.pipeThrough(unname), {
		status: res.status,
		headers: res.headers
	});
}

// \0@oxc-project+runtime@0.159.0/helpers/esm/taggedTemplateLiteral.js
function _taggedTemplateLiteral(e, t) {
	return t || (t = e.slice(0)), Object.freeze(Object.defineProperties(e, { raw: { value: Object.freeze(t) } }));
}

// bench/.out/src/web/html.js
var _templateObject;
/**
* HTML of the owner's web pages: every value goes through `esc` (agent-written text is
* untrusted), `html` joins already-escaped fragments, `layout` is the page frame (landmarks,
* viewport meta, one stylesheet, one script, no inline code so the CSP can forbid it).
*/
/** A fragment of HTML already escaped (or written by us). */
var Html = class {
	s;
	constructor(s) {
		this.s = s;
	}
	toString() {
		return this.s;
	}
};
function esc(v) {
	return String(v ?? "").replace(/[&<>"']/g, (ch) => ({
		"&": "&amp;",
		"<": "&lt;",
		">": "&gt;",
		"\"": "&quot;",
		"'": "&#39;"
	})[ch]);
}
/** Tagged template: interpolated values are escaped unless they are Html (or arrays of Html). */
function html(strings, ...values) {
	let out = strings[0];
	values.forEach((v, i) => {
		out += render(v) + strings[i + 1];
	});
	return new Html(out);
}
function render(v) {
	if (v instanceof Html) return v.s;
	if (Array.isArray(v)) return v.map(render).join("");
	if (v === null || v === void 0 || v === false) return "";
	return esc(v);
}
const eur = (n) => n == null ? "—" : `${n.toFixed(2)} EUR`;
const when = (t) => t ? t.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : "—";
function layout(title, body, nav = {}) {
	const links = nav.owner ? html`<nav aria-label="Main"><ul>
        <li><a href="/dashboard">Dashboard</a></li>
        <li><a href="/agents">Agents</a></li>
        ${nav.admin ? html`<li><a href="/admin">Admin</a></li>` : ""}
        <li><form method="post" action="/logout"><input type="hidden" name="csrf" value="${nav.csrf}"><button type="submit" class="link">Log out</button></form></li>
      </ul></nav>` : html`<nav aria-label="Main"><ul><li><a href="/login">Log in</a></li></ul></nav>`;
	return "<!doctype html>\n" + html(_templateObject || (_templateObject = _taggedTemplateLiteral([
		"<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		" · VoxPact</title>\n<link rel=\"stylesheet\" href=\"/web/static/style.css\">\n<script src=\"/web/static/app.js\" defer><\/script>\n</head><body>\n<header><a class=\"brand\" href=\"/dashboard\">VoxPact</a>",
		"",
		"</header>\n<main id=\"main\">",
		"</main>\n<footer><p>VoxPact owner dashboard · embedded marketplace</p></footer>\n</body></html>"
	])), title, nav.owner ? html`<span class="who">${nav.owner}${nav.agent ? html` · <strong>${nav.agent}</strong>` : ""}</span>` : "", links, body).s;
}
/** A small line chart of the trust score over time (inline SVG, text alternative included). */
function trustChart(points) {
	if (points.length < 2) return html`<p>Not enough trust history for a chart yet.</p>`;
	const W = 320, H = 120, P = 8;
	const xs = (i) => P + i * 304 / (points.length - 1);
	const ys = (s) => 112 - s / 100 * 104;
	const d = points.map((p, i) => `${xs(i).toFixed(1)},${ys(p.score).toFixed(1)}`).join(" ");
	const first = points[0], last = points[points.length - 1];
	const summary = `Trust score from ${first.score} (${when(first.at)}) to ${last.score} (${when(last.at)}) over ${points.length} changes`;
	return html`<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="trust-title" data-testid="trust-chart">
<title id="trust-title">${summary}</title>
<line x1="${P}" y1="${ys(50)}" x2="${312}" y2="${ys(50)}" class="grid"/>
<polyline points="${d}" fill="none" class="line"/>
${points.map((p, i) => html`<circle cx="${xs(i).toFixed(1)}" cy="${ys(p.score).toFixed(1)}" r="2.5" class="dot"/>`)}
</svg><figcaption>${summary}</figcaption></figure>`;
}

// bench/.out/src/web/routes.js
/**
* The owner's web pages, served by the same Hono app as the REST API (mounted by createApp):
* activation and checkout, magic-link / code login, agent selection, the dashboard with live
* updates, the job page. Server-rendered HTML; one small script (live refresh) and one stylesheet.
*
* Sessions: `vx_owner` holds the owner JWT, `vx_agent` the downscoped agent JWT of the selected
* agent; both HttpOnly, SameSite=Strict, Secure behind https. CSRF: SameSite=Strict plus a
* per-session token (`vx_csrf` cookie, rotated at login and logout) that every form repeats
* (double submit); state changes are POST only. No token in a URL but the one-time sign-in link.
*/
/** Every form of these pages is tiny. */
const FORM_MAX_BYTES = 16384;
/** The job page previews at most this many files, each cut at this many characters. */
const FILE_PREVIEWS_MAX = 5;
const PREVIEW_CHARS_MAX = 4e3;
const OWNER = "vx_owner";
const AGENT = "vx_agent";
const CSRF = "vx_csrf";
/** Test payment methods of the embedded provider offered at checkout. */
const TEST_CARDS = [
	{
		id: "pm_card_visa",
		label: "Visa (succeeds)"
	},
	{
		id: "pm_card_mastercard",
		label: "Mastercard (succeeds)"
	},
	{
		id: "pm_card_chargeDeclined",
		label: "Declined card (fails)"
	}
];
const SECURITY_HEADERS = {
	"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
	"Referrer-Policy": "no-referrer",
	"X-Content-Type-Options": "nosniff",
	"X-Frame-Options": "DENY",
	"Cache-Control": "no-store"
};
function webRoutes(o) {
	const { engine } = o;
	const web = new Hono();
	for (const p of [
		"/activate",
		"/checkout/*",
		"/login",
		"/login/*",
		"/logout",
		"/agents/*",
		"/dashboard/*",
		"/admin/*"
	]) web.post(p, bodyLimit({
		maxSize: FORM_MAX_BYTES,
		onError: (c) => c.text("form too large", 413)
	}));
	const secure = (c) => new URL(c.req.url).protocol === "https:" || o.trustProxy === true && c.req.header("X-Forwarded-Proto") === "https";
	const cookieOpts = (c, maxAge) => ({
		httpOnly: true,
		sameSite: "Strict",
		secure: secure(c),
		path: "/",
		...maxAge ? { maxAge } : {}
	});
	/** The CSRF token of this browser (made on first sight; rotated at login and logout). */
	function csrfOf(c, rotate = false) {
		let t = rotate ? void 0 : getCookie(c, CSRF);
		if (!t || !/^[A-Za-z0-9_-]{43}$/.test(t)) {
			t = randomBytes(32).toString("base64url");
			setCookie(c, CSRF, t, cookieOpts(c));
		}
		return t;
	}
	async function form(c) {
		const body = await c.req.parseBody();
		const out = {};
		for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v;
		const sent = Buffer.from(out.csrf ?? ""), want = Buffer.from(getCookie(c, CSRF) ?? "");
		if (!want.length || sent.length !== want.length || !timingSafeEqual(sent, want)) throw new VoxError("csrf_failed", "the form is stale or was not sent from this site: reload the page and try again", 403);
		return out;
	}
	async function session(c) {
		const jwt = getCookie(c, OWNER);
		if (!jwt) return null;
		let owner;
		try {
			const p = await engine.identity.verifyJwt(jwt);
			if (p.scope !== "owner") return null;
			owner = p;
		} catch {
			return null;
		}
		let agent = null;
		const aj = getCookie(c, AGENT);
		if (aj) try {
			const p = await engine.identity.verifyJwt(aj);
			if (p.scope === "agent" && p.ownerId === owner.ownerId) agent = p;
		} catch {}
		const admin = adminEmails().includes(owner.email.toLowerCase());
		const csrf = csrfOf(c);
		const agentName = agent ? engine.identity.ownerAgents(owner.ownerId).items.find((a) => a.id === agent.agentId)?.name : void 0;
		return {
			owner,
			agent,
			csrf,
			nav: {
				owner: owner.email,
				agent: agentName,
				csrf,
				admin
			}
		};
	}
	const adminEmails = () => o.config.adminEmails?.map((e) => e.toLowerCase()) ?? [];
	function page(c, title, body, nav = {}, status = 200) {
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
		return c.html(layout(title, body, nav), status);
	}
	function failure(c, e, nav = {}) {
		const err = e instanceof VoxError ? e : new VoxError("internal_error", "something went wrong (logged)", 500);
		if (!(e instanceof VoxError)) console.error(e);
		return page(c, "Error", html`<h1>Something went wrong</h1><p role="alert" class="error">${err.message}</p><p><a href="/dashboard">Back to the dashboard</a></p>`, nav, err.status);
	}
	/** Pages behind the owner session; `needAgent`: also the selected agent. */
	function guarded(needAgent, fn) {
		return async (c) => {
			const s = await session(c);
			if (!s) return c.redirect("/login", 303);
			if (needAgent && !s.agent) return c.redirect("/agents", 303);
			try {
				return await fn(c, s);
			} catch (e) {
				return failure(c, e, s.nav);
			}
		};
	}
	web.get("/web/static/style.css", (c) => c.body(STYLE_CSS, 200, {
		"Content-Type": "text/css; charset=utf-8",
		"Cache-Control": "max-age=300"
	}));
	web.get("/web/static/app.js", (c) => c.body(APP_JS, 200, {
		"Content-Type": "text/javascript; charset=utf-8",
		"Cache-Control": "max-age=300"
	}));
	web.get("/web", (c) => c.redirect("/dashboard", 303));
	web.get("/activate", async (c) => {
		const token = c.req.query("token") ?? "";
		const csrf = csrfOf(c);
		try {
			const info = engine.activationInfo(token);
			const already = info.status === "active";
			return page(c, "Activate your agent", html`<h1>Activate your agent</h1>
<section aria-labelledby="agent-h"><h2 id="agent-h">Agent</h2><dl>
<dt>Name</dt><dd data-testid="agent-name">${info.agent_name}</dd>
<dt>Owner</dt><dd data-testid="owner-email">${info.owner_email}</dd>
<dt>Activation fee</dt><dd data-testid="fee">${info.fee_amount === 0 ? "Free (your first agent)" : eur(info.fee_amount)}</dd>
<dt>Status</dt><dd class="status">${info.status}</dd></dl></section>
${already ? html`<p class="ok">This agent is already active.</p>` : html`<form method="post" action="/activate">
<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="token" value="${token}">
<p><input type="checkbox" id="terms" name="terms_agreed" value="yes" required> <label class="inline" for="terms">I agree to the Terms of Service and the Privacy Policy</label></p>
<button type="submit">${info.fee_amount === 0 ? "Activate" : `Continue to payment (${eur(info.fee_amount)})`}</button></form>`}`);
		} catch (e) {
			return failure(c, e);
		}
	});
	web.post("/activate", async (c) => {
		try {
			const f = await form(c);
			const r = engine.activate(f.token ?? "", f.terms_agreed === "yes");
			if (r.status === "active") return page(c, "Agent activated", html`<h1>Agent activated</h1><p role="status" class="ok" data-testid="activated">The agent is active. Its API key has been emailed to you.</p><p><a href="/login">Log in to the dashboard</a></p>`);
			return c.redirect(`/checkout/${encodeURIComponent(r.checkout_id)}`, 303);
		} catch (e) {
			return failure(c, e);
		}
	});
	web.get("/checkout/:id", (c) => {
		const csrf = csrfOf(c);
		const id = c.req.param("id");
		return page(c, "Checkout", html`<h1>Pay the activation fee</h1>
<p>Additional agents cost a one-time activation fee of <strong>5.00 EUR</strong>. This embedded checkout charges a test card.</p>
<form method="post" action="/checkout/${encodeURIComponent(id)}"><input type="hidden" name="csrf" value="${csrf}">
<label for="card">Card</label><select id="card" name="payment_method_id">${TEST_CARDS.map((k) => html`<option value="${k.id}">${k.label}</option>`)}</select>
<div><button type="submit">Pay 5.00 EUR</button></div></form>`);
	});
	web.post("/checkout/:id", async (c) => {
		try {
			const f = await form(c);
			engine.payCheckout(c.req.param("id"), f.payment_method_id ?? "");
			return page(c, "Agent activated", html`<h1>Payment received</h1><p role="status" class="ok" data-testid="activated">The activation fee is paid and the agent is active. Its API key has been emailed to you.</p><p><a href="/login">Log in to the dashboard</a></p>`);
		} catch (e) {
			return failure(c, e);
		}
	});
	const loginForm = (csrf, email = "", note) => html`<h1>Log in</h1>${note ?? ""}
<form method="post" action="/login"><input type="hidden" name="csrf" value="${csrf}">
<label for="email">Owner email</label><input type="email" id="email" name="email" autocomplete="email" required value="${email}">
<div><button type="submit">Email me a sign-in link and code</button></div></form>`;
	const codeForm = (csrf, email, note) => html`<h1>Enter your code</h1>${note ?? ""}
<p>If <strong>${email}</strong> owns VoxPact agents, we emailed it a sign-in link and a 6-digit code (valid 15 minutes).</p>
<form method="post" action="/login/verify"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="email" value="${email}">
<label for="code">6-digit code</label><input type="text" id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required>
<div><button type="submit">Log in</button></div></form>`;
	web.get("/login", async (c) => {
		if (await session(c)) return c.redirect("/dashboard", 303);
		return page(c, "Log in", loginForm(csrfOf(c)));
	});
	web.post("/login", async (c) => {
		try {
			const email = ((await form(c)).email ?? "").trim();
			engine.identity.requestMagicLink(email);
			return page(c, "Enter your code", codeForm(getCookie(c, CSRF), email));
		} catch (e) {
			if (e instanceof VoxError && e.status < 500 && e.code !== "csrf_failed") return page(c, "Log in", loginForm(csrfOf(c), "", html`<p role="alert" class="error">${e.message}</p>`), {}, e.status);
			return failure(c, e);
		}
	});
	/** The link of the email: a confirmation form (a GET must not use up the one-time token, e.g. by a mail scanner). */
	const linkPage = (c) => {
		const token = c.req.query("token") ?? "";
		return page(c, "Sign in", html`<h1>Sign in</h1><form method="post" action="/login/verify"><input type="hidden" name="csrf" value="${csrfOf(c)}"><input type="hidden" name="token" value="${token}">
<p>Continue to sign in to VoxPact with this link.</p><button type="submit">Sign in</button></form>`);
	};
	web.get("/login/verify", linkPage);
	web.get("/owners/verify", linkPage);
	web.post("/login/verify", async (c) => {
		let f = {};
		try {
			f = await form(c);
			const grant = f.token ? await engine.identity.verifyOwnerLogin({ token: f.token }) : await engine.identity.verifyOwnerLogin({
				email: (f.email ?? "").trim(),
				code: (f.code ?? "").trim()
			});
			setCookie(c, OWNER, grant.token, cookieOpts(c, grant.expires_in));
			deleteCookie(c, AGENT, { path: "/" });
			csrfOf(c, true);
			const agents = engine.identity.ownerAgents(grant.owner_id).items.filter((a) => a.status === "active");
			if (agents.length === 1) {
				const g = await engine.identity.selectAgent(grant.owner_id, agents[0].id);
				setCookie(c, AGENT, g.token, cookieOpts(c, g.expires_in));
				return c.redirect("/dashboard", 303);
			}
			return c.redirect("/agents", 303);
		} catch (e) {
			if (e instanceof VoxError && e.code === "invalid_code" && f.email) return page(c, "Enter your code", codeForm(csrfOf(c), f.email, html`<p role="alert" class="error">${e.message}</p>`), {}, 401);
			return failure(c, e);
		}
	});
	web.post("/logout", async (c) => {
		try {
			await form(c);
		} catch (e) {
			return failure(c, e);
		}
		deleteCookie(c, OWNER, { path: "/" });
		deleteCookie(c, AGENT, { path: "/" });
		csrfOf(c, true);
		return c.redirect("/login", 303);
	});
	web.get("/agents", guarded(false, async (c, s) => {
		const agents = engine.identity.ownerAgents(s.owner.ownerId).items;
		return page(c, "Your agents", html`<h1>Your agents</h1>
${agents.length === 0 ? html`<p>No agents yet.</p>` : html`<div class="table-wrap"><table><caption class="muted">Choose the agent whose dashboard you want to see</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Trust</th><th scope="col">Level</th><th scope="col"><span class="muted">Action</span></th></tr></thead><tbody>
${agents.map((a) => html`<tr><td>${a.name}</td><td class="status">${a.status}</td><td>${a.trust_score}</td><td>${a.level}</td><td>${a.status === "active" ? html`<form method="post" action="/agents/select"><input type="hidden" name="csrf" value="${s.csrf}"><input type="hidden" name="agent_id" value="${a.id}"><button type="submit" aria-label="Select ${a.name}">Select</button></form>` : html`<span class="muted">not active</span>`}</td></tr>`)}
</tbody></table></div>`}`, s.nav);
	}));
	web.post("/agents/select", guarded(false, async (c, s) => {
		const f = await form(c);
		const g = await engine.identity.selectAgent(s.owner.ownerId, f.agent_id ?? "");
		setCookie(c, AGENT, g.token, cookieOpts(c, g.expires_in));
		return c.redirect("/dashboard", 303);
	}));
	web.get("/dashboard", guarded(true, async (c, s) => {
		const mp = engine.as(s.agent.agentId);
		const [d, notes, payouts, cards, hooks, jobs] = await Promise.all([
			mp.getDashboard(),
			mp.listNotifications({
				unread_only: false,
				limit: 10,
				offset: 0
			}),
			mp.getPayouts(),
			mp.listPaymentMethods(),
			mp.getWebhookLog(10, 0),
			mp.listJobs({
				limit: 50,
				offset: 0
			})
		]);
		const a = d.agent;
		const history = [...d.trust_history].reverse();
		const points = history.length ? [{
			score: history[0].old_score,
			at: history[0].triggered_at
		}, ...history.map((t) => ({
			score: t.new_score,
			at: t.triggered_at
		}))] : [];
		const active = jobs.items.filter((j) => ![
			"completed",
			"cancelled",
			"refunded"
		].includes(j.status));
		const spent = d.spending.spent, cap = d.spending.limit;
		const jobRow = (j) => html`<tr data-job="${j.id}"><td><a href="/jobs/${j.id}">${j.title}</a></td><td class="status" data-testid="job-status">${j.status}</td><td>${eur(j.amount)}</td></tr>`;
		const jobTable = (rows, caption) => rows.length ? html`<div class="table-wrap"><table><caption class="muted">${caption}</caption><thead><tr><th scope="col">Job</th><th scope="col">Status</th><th scope="col">Amount</th></tr></thead><tbody>${rows.map(jobRow)}</tbody></table></div>` : html`<p class="muted">None.</p>`;
		return page(c, "Dashboard", html`<h1>Dashboard of ${a.name}</h1>
<p class="muted" aria-live="polite" id="live-status">Live updates on.</p>
<div data-live>
<div class="grid2">
<section aria-labelledby="profile-h"><h2 id="profile-h">Profile</h2><dl>
<dt>Agent id</dt><dd><code>${a.id}</code></dd>
<dt>Status</dt><dd class="status">${a.status}</dd>
<dt>Owner</dt><dd>${a.owner_email}</dd>
<dt>Tier</dt><dd data-testid="tier">${a.level}</dd>
<dt>Platform fee</dt><dd data-testid="fee-percent">${a.platform_fee_percent}%</dd>
<dt>Max job amount</dt><dd>${eur(a.max_job_amount)}</dd>
<dt>Completed jobs</dt><dd>${a.completed_jobs}</dd>
<dt>Capabilities</dt><dd>${a.capabilities.join(", ") || "—"}</dd>
</dl></section>
<section aria-labelledby="trust-h"><h2 id="trust-h">Trust score: <span data-testid="trust-score">${a.trust_score}</span></h2>${trustChart(points)}</section>
</div>
<section aria-labelledby="spend-h"><h2 id="spend-h">Spending in ${d.spending.month}</h2>
<p><span data-testid="spent">${eur(spent)}</span> spent of <span data-testid="cap">${cap == null ? "no monthly cap" : eur(cap)}</span>${cap == null ? "" : html` · <span data-testid="left">${eur(d.spending.left)}</span> left`}</p>
${cap != null && cap > 0 ? html`<meter min="0" max="${cap}" value="${Math.min(spent, cap)}" low="${cap * .7}" high="${cap * .9}" optimum="0" aria-label="Spent this month against the cap">${eur(spent)}</meter>` : ""}
<form method="post" action="/dashboard/cap"><input type="hidden" name="csrf" value="${s.csrf}">
<label for="cap">Monthly spending cap (EUR; empty for none)</label>
<input type="number" id="cap" name="monthly_spending_limit" min="0" step="0.01" inputmode="decimal" value="${cap ?? ""}">
<div><button type="submit">Save cap</button></div></form></section>
<section aria-labelledby="jobs-h"><h2 id="jobs-h">Jobs (<span data-testid="active-count">${d.active_jobs_count}</span> active)</h2>
<h3>Active</h3>${jobTable(active, "Jobs in progress")}
<h3>Recent</h3>${jobTable(d.recent_jobs, "Most recent jobs")}</section>
<section aria-labelledby="notes-h"><h2 id="notes-h">Notifications (<span data-testid="unread">${d.unread_notifications}</span> unread)</h2>
${notes.items.length ? html`<ul>${notes.items.map((n) => html`<li>${n.read ? "" : html`<strong>new</strong> `}<span>${n.title}</span>: ${n.message} <span class="muted">${when(n.created_at)}</span>${n.job_id ? html` · <a href="/jobs/${n.job_id}">job</a>` : ""}</li>`)}</ul>` : html`<p class="muted">None.</p>`}</section>
<div class="grid2">
<section aria-labelledby="payouts-h"><h2 id="payouts-h">Payouts</h2><p>Earned in total: <span data-testid="total-earned">${eur(payouts.total_earned)}</span> over ${payouts.total_jobs} job(s)</p>
${payouts.payouts.length ? html`<ul>${payouts.payouts.slice(0, 10).map((p) => html`<li>${eur(p.net_eur)} net (${eur(p.gross_eur)} − fee ${eur(p.platform_fee_eur)}), ${p.kind}, ${when(p.completed_at)}</li>`)}</ul>` : ""}</section>
<section aria-labelledby="cards-h"><h2 id="cards-h">Saved cards</h2>
${cards.items.length ? html`<ul>${cards.items.map((k) => html`<li>${k.brand} •••• ${k.last4}, expires ${k.exp_month}/${k.exp_year}${k.is_default ? " (default)" : ""}</li>`)}</ul>` : html`<p class="muted">No saved card.</p>`}
<p>Payouts account (Connect): ${d.connect.connected ? d.connect.is_ready ? "ready" : "connected, not ready" : "not connected"}</p></section>
</div>
<section aria-labelledby="hooks-h"><h2 id="hooks-h">Webhook deliveries</h2><p>Endpoint: <code>${hooks.webhook_url ?? "none"}</code>${hooks.webhook_disabled_at ? html` <strong class="error">disabled since ${when(hooks.webhook_disabled_at)}</strong>` : ""} · ${hooks.pending_deliveries} pending</p>
${hooks.items.length ? html`<div class="table-wrap"><table><thead><tr><th scope="col">Event</th><th scope="col">Result</th><th scope="col">HTTP</th><th scope="col">When</th></tr></thead><tbody>
${hooks.items.map((w) => html`<tr><td>${w.event}</td><td>${w.status}${w.error ? html` <span class="muted">${w.error}</span>` : ""}</td><td>${w.http_status ?? "—"}</td><td>${when(w.created_at)}</td></tr>`)}</tbody></table></div>` : html`<p class="muted">No deliveries yet.</p>`}</section>
</div>`, s.nav);
	}));
	web.post("/dashboard/cap", guarded(true, async (c, s) => {
		const raw = ((await form(c)).monthly_spending_limit ?? "").trim();
		const parsed = UpdateAgentInput.safeParse({ monthly_spending_limit: raw === "" ? null : Number(raw) });
		if (!parsed.success) throw new VoxError("validation_error", `monthly spending cap: ${parsed.error.issues[0]?.message ?? "invalid"} (got '${raw}')`, 400, { field: "monthly_spending_limit" });
		await engine.as(s.agent.agentId).updateMyAgent(parsed.data);
		return c.redirect("/dashboard", 303);
	}));
	web.get("/web/events", async (c) => {
		const s = await session(c);
		if (!s?.agent) return c.json({
			success: false,
			error: {
				code: "unauthorized",
				message: "log in and select an agent first"
			}
		}, 401);
		const jwt = getCookie(c, AGENT);
		return cookieEvents(c, o.events, s.agent, async () => void await engine.identity.authenticate(jwt));
	});
	web.get("/jobs/:id", guarded(true, async (c, s) => {
		const mp = engine.as(s.agent.agentId);
		const id = c.req.param("id");
		const job = await mp.getJob(id);
		const [transitions, messages, files, validation, dispute] = await Promise.all([
			mp.getJobTransitions(id),
			mp.listMessages(id, {
				limit: 50,
				offset: 0
			}).catch(() => null),
			mp.listFiles(id, {
				limit: 50,
				offset: 0
			}).catch(() => null),
			mp.getValidationRecord(id).catch(() => null),
			mp.getDispute(id).catch(() => null)
		]);
		const deliverable = [
			"delivered",
			"validating",
			"revision_requested",
			"disputed",
			"completed"
		].includes(job.status) ? await mp.getDeliverablePreview(id).catch(() => null) : null;
		const shown = (files?.items ?? []).filter((f) => f.upload_status === "confirmed").slice(0, FILE_PREVIEWS_MAX);
		const previews = new Map(await Promise.all(shown.map(async (f) => [f.id, await mp.previewFile(id, f.id).catch(() => null)])));
		const clip = (t) => t.length > PREVIEW_CHARS_MAX ? `${t.slice(0, PREVIEW_CHARS_MAX)}…` : t;
		const role = job.buyer_agent_id === s.agent.agentId ? "buyer" : "worker";
		return page(c, `Job ${job.title}`, html`<h1>${job.title}</h1>
<p class="muted" aria-live="polite" id="live-status">Live updates on.</p>
<div data-live>
<section aria-labelledby="sum-h"><h2 id="sum-h">Summary</h2><dl>
<dt>Status</dt><dd class="status" data-testid="job-status">${job.status}</dd>
<dt>Your role</dt><dd>${role}</dd>
<dt>Amount</dt><dd>${eur(job.amount)}</dd>
<dt>In escrow</dt><dd>${eur(job.escrow_amount)}</dd>
<dt>Platform fee</dt><dd>${eur(job.platform_fee)}</dd>
<dt>Worker payout</dt><dd>${eur(job.worker_payout)}</dd>
<dt>Deadline</dt><dd>${when(job.deadline)}</dd>
<dt>Revisions</dt><dd>${job.revision_count} of ${job.max_revisions}</dd>
</dl><h3>Task</h3><pre>${JSON.stringify(job.task_spec, null, 2)}</pre></section>
<section aria-labelledby="tl-h"><h2 id="tl-h">Status timeline</h2><ol>
${transitions.items.map((t) => html`<li><span class="status">${t.from_status ?? "∅"} → ${t.to_status}</span> (${t.action} by ${t.actor}) <span class="muted">${when(t.created_at)}</span>${t.reason ? html`: ${t.reason}` : ""}</li>`)}</ol></section>
<section aria-labelledby="msg-h"><h2 id="msg-h">Messages</h2>${messages && messages.items.length ? html`<ul>${messages.items.map((m) => html`<li><strong>${m.sender_agent_id === s.agent.agentId ? "you" : m.sender_agent_id}</strong> <span class="muted">(${m.type}, ${when(m.created_at)})</span>: ${m.content}</li>`)}</ul>` : html`<p class="muted">No messages.</p>`}</section>
<section aria-labelledby="files-h"><h2 id="files-h">Files</h2>${files && files.items.length ? html`<ul>${files.items.map((f) => html`<li>${f.original_filename} <span class="muted">${f.content_type}, ${f.file_size_human}, ${f.purpose}, ${f.upload_status}</span>${previews.get(f.id) ? html`<details><summary>Preview (${previews.get(f.id).file_category})</summary><pre>${clip(previews.get(f.id).preview_content)}</pre></details>` : ""}</li>`)}</ul>` : html`<p class="muted">No files.</p>`}</section>
<section aria-labelledby="dlv-h"><h2 id="dlv-h">Deliverable</h2>${deliverable ? html`<p class="muted">Revision ${deliverable.revision_number}, ${deliverable.content_type}, ${deliverable.size_bytes} bytes${deliverable.is_partial ? " (preview)" : ""}, ${when(deliverable.created_at)}</p><pre data-testid="deliverable">${clip(deliverable.preview ?? deliverable.content ?? "")}</pre>` : html`<p class="muted">Nothing delivered yet.</p>`}</section>
<section aria-labelledby="val-h"><h2 id="val-h">Validation</h2>${validation ? html`<pre>${JSON.stringify(validation, null, 2)}</pre>` : html`<p class="muted">No validation yet.</p>`}</section>
<section aria-labelledby="disp-h"><h2 id="disp-h">Dispute</h2>${dispute ? html`<pre>${JSON.stringify(dispute, null, 2)}</pre>` : html`<p class="muted">No dispute.</p>`}</section>
</div><p><a href="/dashboard">Back to the dashboard</a></p>`, s.nav);
	}));
	function adminOnly(fn) {
		return guarded(false, async (c, s) => {
			if (!s.nav.admin) throw new VoxError("forbidden", "the admin pages are for the emails listed in VOXPACT_ADMIN_EMAILS", 403);
			return fn(c, s);
		});
	}
	const freezeForm = (csrf, jobId = "") => html`<form method="post" action="/admin/jobs/freeze"><input type="hidden" name="csrf" value="${csrf}">
<label for="fz-job">Job id</label><input type="text" id="fz-job" name="job_id" required value="${jobId}">
<label for="fz-reason">Reason (both parties are told)</label><input type="text" id="fz-reason" name="reason" required maxlength="500">
<div><button type="submit" name="action" value="freeze" class="danger">Freeze job</button> <button type="submit" name="action" value="unfreeze">Unfreeze job</button></div></form>`;
	web.get("/admin", adminOnly(async (c, s) => {
		const all = engine.judging.listDisputes({ limit: 200 });
		const queue = all.filter((d) => d.status === "escalated");
		const row = (d) => html`<tr><td><a href="/admin/disputes/${d.id}">${d.id.slice(0, 8)}…</a></td><td>${d.status}${d.overdue ? html` <strong class="error">overdue</strong>` : ""}</td><td>${d.tier}</td><td>${d.opened_by}</td><td>${d.tier1?.ruling ?? d.ruling ?? "—"}</td><td>${when(d.status === "escalated" ? d.sla_due_at : d.created_at)}</td></tr>`;
		const table = (rows, caption) => rows.length ? html`<div class="table-wrap"><table><caption class="muted">${caption}</caption><thead><tr><th scope="col">Dispute</th><th scope="col">Status</th><th scope="col">Tier</th><th scope="col">Opened by</th><th scope="col">Tier 1 / ruling</th><th scope="col">Due / opened</th></tr></thead><tbody>${rows.map(row)}</tbody></table></div>` : html`<p class="muted">None.</p>`;
		return page(c, "Admin", html`<h1>Admin</h1>
<section aria-labelledby="q-h"><h2 id="q-h">Tier 2 queue (<span data-testid="queue-count">${queue.length}</span>)</h2>${table(queue, "Escalated disputes awaiting a human ruling (48 h SLA)")}</section>
<section aria-labelledby="all-h"><h2 id="all-h">All disputes</h2>${table(all.filter((d) => d.status !== "escalated"), "Other disputes")}</section>
<section aria-labelledby="fz-h"><h2 id="fz-h">Freeze or unfreeze a job</h2>${freezeForm(s.csrf)}</section>`, s.nav);
	}));
	web.get("/admin/disputes/:id", adminOnly(async (c, s) => {
		const { dispute: d, job, messages } = engine.judging.showDispute(c.req.param("id"));
		const v = d.validation?.summary;
		return page(c, "Dispute", html`<h1>Dispute on “${job.title}”</h1>
<section aria-labelledby="d-h"><h2 id="d-h">Dispute</h2><dl>
<dt>Status</dt><dd class="status" data-testid="dispute-status">${d.status}</dd><dt>Tier</dt><dd>${d.tier}</dd>
<dt>Job</dt><dd><code>${job.id}</code> (${job.status}), ${eur(job.amount)}</dd>
<dt>Buyer</dt><dd><code>${job.buyer_agent_id}</code></dd><dt>Worker</dt><dd><code>${job.worker_agent_id ?? "—"}</code></dd>
<dt>Opened by</dt><dd>${d.opened_by}, ${when(d.created_at)}</dd>
<dt>Escalated</dt><dd>${d.escalated_at ? html`${when(d.escalated_at)}: ${d.escalation_reason}; due ${when(d.sla_due_at)}` : "—"}</dd>
<dt>Messages</dt><dd>${messages} on the job</dd></dl>
<h3>Reason</h3><p>${d.reason}</p>
<h3>Evidence</h3>${d.evidence_items.length ? html`<ul>${d.evidence_items.map((e) => html`<li><strong>${e.label}</strong> (${e.type}, by ${e.submitted_by}): ${e.content}</li>`)}</ul>` : html`<p class="muted">No evidence.</p>`}
<h3>Validation</h3>${v ? html`<p>${v.status} (${v.validator_type}, consensus ${String(v.consensus)}): ${v.reasoning ?? ""}</p>` : html`<p class="muted">None.</p>`}
<h3>Tier 1 ruling</h3>${d.tier1 ? html`<p data-testid="tier1">${d.tier1.ruling}${d.tier1.worker_share_percent != null ? ` ${d.tier1.worker_share_percent}%` : ""}, confidence ${d.tier1.confidence}: ${d.tier1.reasoning}</p>` : html`<p class="muted">None (no arbitration judge, or the judges disagreed).</p>`}
${d.settlement ? html`<h3>Settlement</h3><p data-testid="settlement">${d.ruling}${d.worker_share_percent != null ? ` (${d.worker_share_percent}% to the worker)` : ""}: worker ${eur(d.settlement.worker_payout)}, fee ${eur(d.settlement.platform_fee)}, refunded ${eur(d.settlement.refunded_to_buyer)}</p>` : ""}
</section>
${d.status === "resolved" ? "" : html`<section aria-labelledby="r-h"><h2 id="r-h">Resolve (Tier 2 ruling, final)</h2>
<form method="post" action="/admin/disputes/${d.id}/resolve"><input type="hidden" name="csrf" value="${s.csrf}">
<label for="ruling">Ruling</label><select id="ruling" name="ruling"><option value="buyer_wins">Buyer wins (refund)</option><option value="worker_wins">Worker wins (release)</option><option value="split">Split</option></select>
<label for="share">Worker share % (split only)</label><input type="number" id="share" name="worker_share_percent" min="1" max="99" step="1">
<label for="note">Note to both parties</label><textarea id="note" name="note" rows="3" maxlength="2000"></textarea>
<div><button type="submit">Resolve dispute</button></div></form></section>`}
<section aria-labelledby="fz-h"><h2 id="fz-h">Freeze or unfreeze this job</h2>${freezeForm(s.csrf, job.id)}</section>
<p><a href="/admin">Back to the queue</a></p>`, s.nav);
	}));
	web.post("/admin/disputes/:id/resolve", adminOnly(async (c) => {
		const f = await form(c);
		const share = (f.worker_share_percent ?? "").trim();
		const parsed = ResolveDisputeInput.safeParse({
			ruling: f.ruling,
			worker_share_percent: share === "" ? void 0 : Number(share),
			note: f.note?.trim() || void 0
		});
		if (!parsed.success) {
			const i = parsed.error.issues[0];
			throw new VoxError("validation_error", `${String(i.path[0] ?? "ruling")}: ${i.message}`, 400);
		}
		const id = c.req.param("id");
		engine.judging.resolveDispute(id, parsed.data);
		return c.redirect(`/admin/disputes/${encodeURIComponent(id)}`, 303);
	}));
	web.post("/admin/jobs/freeze", adminOnly(async (c, s) => {
		const f = await form(c);
		const reason = (f.reason ?? "").trim();
		if (!reason) throw new VoxError("validation_error", "a reason is required (both parties are told why)", 400, { field: "reason" });
		const j = f.action === "unfreeze" ? engine.unfreezeJob(f.job_id ?? "", reason) : engine.freezeJob(f.job_id ?? "", reason);
		return page(c, "Job updated", html`<h1>Job ${f.action === "unfreeze" ? "unfrozen" : "frozen"}</h1><p role="status" class="ok" data-testid="freeze-result">Job <code>${j.id}</code> is now <span class="status">${j.status}</span>.</p><p><a href="/admin">Back to admin</a></p>`, s.nav);
	}));
	return web;
}

// bench/.out/src/api/app.js
/**
* The HTTP server of the embedded marketplace, as a Hono app: the REST API of the route table
* (routes.ts) at /v1, /openapi.json generated from the same table, MCP over streamable HTTP at
* /mcp (mcp.ts) and Server-Sent Events at /v1/events (events.ts). Each /v1 request: per-IP rate
* limit → authentication → per-agent rate limit → params/query/body parsed with the route's zod
* schemas → one handler call → `{ success: true, data }`; any refusal →
* `{ success: false, error: { code, message, field? } }` with its status.
*/
const MAX_BODY_BYTES = 4194304;
/** Client address for per-IP limits: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
function clientIp(c, trustProxy) {
	if (trustProxy) {
		const xff = c.req.header("X-Forwarded-For");
		if (xff) return xff.split(",")[0].trim();
	}
	try {
		return getConnInfo(c).remote.address ?? "unknown";
	} catch {
		return "unknown";
	}
}
/** `/v1/jobs/:id` → a regex, to tell 405 from 404. */
const pathRegex = (p) => new RegExp("^" + p.replace(/:[A-Za-z_]+/g, "[^/]+") + "/?$");
function createApp(o) {
	const { engine, config } = o;
	const routes = o.routes ?? ROUTES;
	checkRoutes(routes);
	const limiter = o.rateLimits === false ? null : o.rateLimits ?? new RateLimiter(engine.clock);
	const events = new EventsHub(engine, o.events);
	const mcp = new McpSessions(engine, config, limiter, o.mcp);
	const app = new Hono();
	app.onError((e, c) => errorResponse(c, e));
	app.use("/v1/*", bodyLimit({
		maxSize: MAX_BODY_BYTES,
		onError: (c) => errorResponse(c, new VoxError("payload_too_large", `the request body is over ${MAX_BODY_BYTES} bytes`, 413))
	}));
	const ordered = [...routes].sort((a, b) => (a.path.match(/:/g)?.length ?? 0) - (b.path.match(/:/g)?.length ?? 0));
	for (const r of ordered) app.on(r.method, r.path, (c) => handle(c, r));
	async function handle(c, r) {
		const key = routeKey(r);
		const { key: bucket, rule } = ruleFor(key);
		const verdicts = [];
		const rl = () => verdicts.length ? rateLimitHeaders(tightest(verdicts)) : {};
		const limit = (who) => {
			if (!limiter) return;
			const v = limiter.hit(`${bucket}|${who}`, rule);
			verdicts.push(v);
			if (!v.allowed) throw new VoxError("rate_limited", `rate limited: ${rule.limit} requests per ${rule.window_s} s on ${bucket === "*" ? "this API" : key}; retry after ${v.retry_after_s} s`, 429, { retry_after_s: v.retry_after_s });
		};
		try {
			limit(`ip:${clientIp(c, config.trustProxy ?? false)}`);
			const { principal, credential } = await authorize(engine.identity, r.auth, c, c.req.query("token"));
			if (principal) limit(principal.scope === "agent" ? `agent:${principal.agentId}` : `owner:${principal.ownerId}`);
			const params = r.params ? parseWith(r.params, c.req.param()) : {};
			const query = r.query ? parseWith(r.query, coerceQuery(r.query, c.req.query())) : {};
			let body = {};
			if (r.body) {
				const text = await c.req.text();
				let raw = {};
				if (text.trim() !== "") try {
					raw = JSON.parse(text);
				} catch {
					throw new VoxError("invalid_json", "the request body is not valid JSON", 400);
				}
				if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new VoxError("validation_error", "the request body must be a JSON object", 400);
				body = raw;
			}
			const idempotencyKey = r.idempotent ? c.req.header("Idempotency-Key") : void 0;
			if (idempotencyKey !== void 0 && r.body && "idempotency_key" in r.body.shape) {
				if (body.idempotency_key !== void 0 && body.idempotency_key !== idempotencyKey) throw new VoxError("validation_error", "idempotency_key in the body differs from the Idempotency-Key header: send one of them", 400, { field: "idempotency_key" });
				body.idempotency_key = idempotencyKey;
			}
			const parsedBody = r.body ? parseWith(r.body, body) : {};
			const agentId = principal?.scope === "agent" ? principal.agentId : "";
			let mp = null;
			const ctx = {
				c,
				engine,
				config,
				events,
				principal,
				agentId,
				params,
				query,
				body: parsedBody,
				idempotencyKey,
				origin: new URL(c.req.url).origin,
				get mp() {
					if (!agentId) throw new VoxError("internal_error", `${key} has no agent`, 500);
					return mp ??= engine.as(agentId);
				},
				reauthenticate: async () => {
					if (credential) await engine.identity.authenticate(credential);
				}
			};
			for (const [k, v] of Object.entries(rl())) c.header(k, v);
			const result = await r.handler(ctx);
			if (result instanceof Response) return result;
			const out = r.response.safeParse(result);
			if (!out.success) {
				log("error", "answer does not match its schema", {
					route: key,
					issues: out.error.issues.slice(0, 5)
				});
				throw new VoxError("internal_error", `${key} produced an invalid answer (logged); this is a bug in voxpact-mcp`, 500);
			}
			const envelope = {
				success: true,
				data: out.data
			};
			if (r.response === Acknowledgement) envelope.message = out.data.message;
			return c.json(envelope, r.status ?? 200);
		} catch (e) {
			if (e instanceof VoxError && e.status >= 500) log("error", "request failed", {
				route: key,
				code: e.code,
				message: e.message
			});
			return errorResponse(c, e, rl());
		}
	}
	let doc = null;
	app.get("/openapi.json", (c) => {
		doc ??= openApiDocument(routes, { version: VERSION });
		return c.json({
			...doc,
			servers: [{ url: new URL(c.req.url).origin }]
		});
	});
	app.get("/", (c) => c.json({
		success: true,
		data: {
			name: "VoxPact (voxpact-mcp embedded server)",
			version: VERSION,
			openapi: "/openapi.json",
			rest: "/v1",
			mcp: "/mcp",
			events: "/v1/events?token=<jwt>"
		}
	}));
	app.get("/health", (c) => c.json({
		success: true,
		data: { ok: true }
	}));
	app.route(FILES_PATH_PREFIX, filesRoutes(engine.files.service));
	app.all("/mcp", (c) => mcp.handle(c, o.boundHost ?? config.httpHost));
	app.route("/", webRoutes({
		engine,
		config,
		events,
		trustProxy: config.trustProxy
	}));
	const patterns = routes.map((r) => ({
		r,
		re: pathRegex(r.path)
	}));
	app.notFound((c) => {
		const allowed = patterns.filter((p) => p.re.test(c.req.path)).map((p) => p.r.method);
		if (allowed.length) {
			c.header("Allow", [...new Set(allowed)].join(", "));
			return errorResponse(c, new VoxError("method_not_allowed", `${c.req.method} is not allowed on ${c.req.path} (allowed: ${[...new Set(allowed)].join(", ")})`, 405));
		}
		return errorResponse(c, new VoxError("not_found", `no such endpoint: ${c.req.method} ${c.req.path} (see /openapi.json)`, 404));
	});
	return Object.assign(app, { voxpact: {
		limiter,
		events,
		mcp,
		routes,
		async shutdown() {
			events.close();
			await mcp.close();
		}
	} });
}

// bench/.out/src/api/serve.js
const urlHost = (h) => h.includes(":") ? `[${h}]` : h;
async function serveHttp(o) {
	const host = o.host ?? o.config.httpHost ?? "127.0.0.1";
	const port = o.port ?? o.config.httpPort ?? 8787;
	const engine = o.engine ?? openEngine(o.config);
	const stripe = !o.engine && process.env.STRIPE_SECRET_KEY ? await (await import("./cli.chunk-payments-CogzAXvL.js")).paymentsFromEnv(engine) : null;
	const app = createApp({
		engine,
		config: o.config,
		boundHost: host,
		...o.app,
		mcp: {
			toolsets: o.toolsets,
			readOnly: o.readOnly,
			...o.app?.mcp
		}
	});
	const stopTimers = o.timers === false ? () => {} : startTimers(engine, o.config.timerIntervalMs);
	let server;
	const address = await new Promise((resolve, reject) => {
		server = serve({
			fetch: app.fetch,
			port,
			hostname: host
		}, resolve);
		server.once("error", reject);
	});
	const url = `http://${urlHost(host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host)}:${address.port}`;
	engine.files.service.attachHttp(url);
	let closing = null;
	const close = () => closing ??= (async () => {
		stopTimers();
		stripe?.stop();
		await app.voxpact.shutdown();
		await new Promise((resolve) => {
			server.close(() => resolve());
			server.closeIdleConnections?.();
			setTimeout(() => server.closeAllConnections?.(), 2e3).unref();
		});
		if (!o.engine) engine.close();
	})();
	return {
		url,
		port: address.port,
		app,
		engine,
		close
	};
}
/** The CLI branch: serve until SIGINT/SIGTERM. */
async function runHttp(o) {
	setLogLevel(o.config.logLevel);
	const s = await serveHttp(o);
	process.stderr.write(`voxpact-mcp: listening on ${s.url} (REST ${s.url}/v1, OpenAPI ${s.url}/openapi.json, MCP ${s.url}/mcp, events ${s.url}/v1/events)\n`);
	let stopping = false;
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		log("info", "stopping", { signal });
		s.close().then(() => process.exit(0), (e) => {
			process.stderr.write(`voxpact-mcp: error while stopping: ${e instanceof Error ? e.message : String(e)}\n`);
			process.exit(1);
		});
	};
	process.on("SIGINT", () => stop("SIGINT"));
	process.on("SIGTERM", () => stop("SIGTERM"));
	return s;
}

export { runHttp };
//# sourceMappingURL=cli.chunk-serve-Bh2jmW1p.js.map