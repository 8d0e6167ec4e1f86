import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { createRequire } from "node:module";

// bench/.out/src/webhooks/ssrf.js
/**
* Outbound webhook requests go only to public addresses. The URL's host is resolved here,
* every address is checked, and the connection is made to a checked address only (an undici
* Agent whose `connect.lookup` returns the vetted addresses), so DNS cannot change its answer
* between the check and the connect (rebinding). Redirects are re-checked hop by hop (http.ts).
*
* Refused: private (10/8, 172.16/12, 192.168/16), loopback (127/8, ::1), link-local
* (169.254/16 — cloud metadata lives at 169.254.169.254 — and fe80::/10), CGNAT (100.64/10),
* unique-local fc00::/7, "this network" 0/8 and ::, multicast and reserved ranges,
* documentation and benchmark nets, and IPv6 forms embedding any of those IPv4 addresses
* (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
* `allowLoopback` (VOXPACT_WEBHOOK_ALLOW_LOOPBACK=1) lets http(s) reach loopback — nothing else.
*/
/** undici (a large module) loads when the first webhook is sent, not when the server starts. */
let undici;
const loadUndici = () => undici ??= createRequire(import.meta.url)("undici");
var SsrfError = class extends Error {
	constructor(message) {
		super(message);
		this.name = "SsrfError";
	}
};
const V4_BLOCKED = [
	[
		"0.0.0.0",
		8,
		"this-network"
	],
	[
		"10.0.0.0",
		8,
		"private"
	],
	[
		"100.64.0.0",
		10,
		"carrier-grade NAT"
	],
	[
		"127.0.0.0",
		8,
		"loopback"
	],
	[
		"169.254.0.0",
		16,
		"link-local (cloud metadata)"
	],
	[
		"172.16.0.0",
		12,
		"private"
	],
	[
		"192.0.0.0",
		24,
		"IETF protocol assignments"
	],
	[
		"192.0.2.0",
		24,
		"documentation"
	],
	[
		"192.88.99.0",
		24,
		"6to4 relay anycast"
	],
	[
		"192.168.0.0",
		16,
		"private"
	],
	[
		"198.18.0.0",
		15,
		"benchmarking"
	],
	[
		"198.51.100.0",
		24,
		"documentation"
	],
	[
		"203.0.113.0",
		24,
		"documentation"
	],
	[
		"224.0.0.0",
		4,
		"multicast"
	],
	[
		"240.0.0.0",
		4,
		"reserved"
	]
];
function v4ToInt(ip) {
	return ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
}
const inRange4 = (n, base, bits) => bits === 0 || Math.floor(n / 2 ** (32 - bits)) === Math.floor(v4ToInt(base) / 2 ** (32 - bits));
/** IPv6 text → 8 groups of 16 bits (handles "::" and a trailing dotted IPv4). */
function v6Groups(ip) {
	let s = ip.toLowerCase().replace(/%.*$/, "");
	const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
	if (dotted) {
		const n = v4ToInt(dotted[1]);
		s = s.slice(0, -dotted[1].length) + `${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
	}
	const [head, tail] = s.includes("::") ? s.split("::") : [s, void 0];
	const h = head ? head.split(":") : [];
	const t = tail ? tail.split(":") : [];
	const fill = tail === void 0 ? [] : Array(8 - h.length - t.length).fill("0");
	return [
		...h,
		...fill,
		...t
	].map((g) => parseInt(g, 16));
}
const groupsToV4 = (hi, lo) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
/** Why `ip` must not be contacted, or null when it is a public unicast address. */
function blockedReason(ip) {
	const family = isIP(ip);
	if (family === 4) {
		const n = v4ToInt(ip);
		if (ip === "255.255.255.255") return "broadcast";
		for (const [base, bits, why] of V4_BLOCKED) if (inRange4(n, base, bits)) return `${why} (${base}/${bits})`;
		return null;
	}
	if (family !== 6) return "not an IP address";
	const g = v6Groups(ip);
	const zeroUntil = (k) => g.slice(0, k).every((x) => x === 0);
	if (g.every((x) => x === 0)) return "unspecified (::)";
	if (zeroUntil(7) && g[7] === 1) return "loopback (::1)";
	if (zeroUntil(5) && g[5] === 65535) return embedded("IPv4-mapped", groupsToV4(g[6], g[7]));
	if (zeroUntil(6)) return embedded("IPv4-compatible", groupsToV4(g[6], g[7]));
	if (g[0] === 100 && g[1] === 65435 && g.slice(2, 6).every((x) => x === 0)) return embedded("NAT64", groupsToV4(g[6], g[7]));
	if (g[0] === 8194) return embedded("6to4", groupsToV4(g[1], g[2]));
	if ((g[0] & 65024) === 64512) return "unique-local (fc00::/7)";
	if ((g[0] & 65472) === 65152) return "link-local (fe80::/10)";
	if ((g[0] & 65472) === 65216) return "site-local (fec0::/10)";
	if ((g[0] & 65280) === 65280) return "multicast (ff00::/8)";
	if (g[0] === 8193 && g[1] === 3512) return "documentation (2001:db8::/32)";
	if (g[0] === 256 && g.slice(1, 4).every((x) => x === 0)) return "discard (100::/64)";
	return null;
}
function embedded(kind, v4) {
	const inner = blockedReason(v4);
	return inner ? `${kind} ${v4}: ${inner}` : null;
}
const isLoopback = (ip) => {
	const f = isIP(ip);
	if (f === 4) return inRange4(v4ToInt(ip), "127.0.0.0", 8);
	if (f === 6) {
		const g = v6Groups(ip);
		if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true;
		return g.slice(0, 5).every((x) => x === 0) && g[5] === 65535 && g[6] >> 8 === 127;
	}
	return false;
};
const systemResolver = (host) => lookup(host, {
	all: true,
	verbatim: true
});
/**
* Check a webhook URL and resolve it to addresses we may connect to. Throws SsrfError naming
* the rule. Every resolved address must pass: one private answer refuses the whole name.
*/
async function vetUrl(raw, opts) {
	let url;
	try {
		url = new URL(String(raw));
	} catch {
		throw new SsrfError(`'${String(raw)}' is not a URL`);
	}
	if (url.username || url.password) throw new SsrfError("webhook URLs must not carry credentials");
	if (url.protocol !== "https:" && url.protocol !== "http:") throw new SsrfError(`only https:// webhook URLs are allowed (got ${url.protocol})`);
	const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
	let addresses;
	if (isIP(host)) addresses = [{
		address: host,
		family: isIP(host)
	}];
	else {
		try {
			addresses = await (opts.resolve ?? systemResolver)(host);
		} catch (e) {
			throw new SsrfError(`cannot resolve ${host}: ${e.code ?? e.message}`);
		}
		if (!addresses.length) throw new SsrfError(`${host} has no addresses`);
	}
	const allLoopback = addresses.every((a) => isLoopback(a.address));
	if (opts.allowLoopback && allLoopback) return {
		url,
		addresses
	};
	for (const a of addresses) {
		if (opts.allowLoopback && isLoopback(a.address)) continue;
		const why = blockedReason(a.address);
		if (why) throw new SsrfError(`${host === a.address ? `${host} is` : `${host} resolves to ${a.address}, which is`} not a public address: ${why}`);
	}
	if (url.protocol !== "https:") throw new SsrfError(`only https:// webhook URLs are allowed (got ${url.protocol}//${url.host})`);
	return {
		url,
		addresses
	};
}
/**
* An undici Agent that connects only to `addresses` whatever the hostname (TLS still checks the
* certificate against the hostname). Node may ask for one address or all (happy eyeballs).
*/
function pinnedAgent(addresses, connectTimeoutMs) {
	const lookup = (_host, options, cb) => {
		if (typeof options === "object" && options?.all) cb(null, addresses.map((a) => ({
			address: a.address,
			family: a.family
		})));
		else cb(null, addresses[0].address, addresses[0].family);
	};
	return new (loadUndici()).Agent({
		connect: {
			lookup,
			timeout: connectTimeoutMs
		},
		keepAliveTimeout: 1,
		keepAliveMaxTimeout: 1,
		connections: 1,
		pipelining: 0
	});
}

// bench/.out/src/webhooks/http.js
/**
* One webhook POST over undici, through the SSRF guard: resolve and vet, connect only to the
* vetted addresses, a hard time limit per hop, 307/308 redirects followed (same method and
* body) up to `maxRedirects`, each hop vetted again; other redirects are not followed and count
* as a failed delivery. Never throws: the outcome says what happened.
*/
const MAX_ERROR_BODY_CHARS = 200;
const MAX_ERROR_BODY_BYTES = 1024;
/** Retry-After as seconds: delta-seconds or an HTTP date (relative to `nowMs`). */
function parseRetryAfter(v, nowMs) {
	const raw = Array.isArray(v) ? v[0] : v;
	if (!raw) return null;
	if (/^\s*\d+\s*$/.test(raw)) return Number(raw);
	const at = Date.parse(raw);
	if (Number.isNaN(at)) return null;
	return Math.max(0, Math.ceil((at - nowMs) / 1e3));
}
/** The start of an error answer, for the log; the rest is never read (a receiver cannot make us buffer much). */
async function readSnippet(body) {
	const chunks = [];
	let size = 0;
	try {
		for await (const c of body) {
			chunks.push(c);
			size += c.length;
			if (size >= MAX_ERROR_BODY_BYTES) break;
		}
	} catch {} finally {
		body.destroy();
	}
	return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES).toString("utf8").replace(/\uFFFD+$/, "").replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim().slice(0, MAX_ERROR_BODY_CHARS);
}
async function postWebhook(rawUrl, body, headers, o) {
	const started = Date.now();
	let url = rawUrl;
	const done = (p) => ({
		...p,
		duration_ms: Date.now() - started,
		url
	});
	for (let hop = 0;; hop++) {
		let target;
		try {
			target = await vetUrl(url, {
				allowLoopback: o.allowLoopback,
				resolve: o.resolve
			});
		} catch (e) {
			if (e instanceof SsrfError) return done({
				ok: false,
				status: null,
				retry_after_s: null,
				error: `refused: ${e.message}`,
				refused: true
			});
			throw e;
		}
		const dispatcher = pinnedAgent(target.addresses, o.timeoutMs);
		try {
			const res = await loadUndici().request(target.url, {
				method: "POST",
				body,
				headers: {
					"content-type": "application/json",
					"user-agent": o.userAgent ?? "VoxPact-Webhooks/1",
					...headers
				},
				dispatcher,
				signal: AbortSignal.timeout(o.timeoutMs),
				headersTimeout: o.timeoutMs,
				bodyTimeout: o.timeoutMs
			});
			const status = res.statusCode;
			const location = res.headers.location;
			if ((status === 307 || status === 308) && typeof location === "string") {
				await res.body.dump({ limit: 65536 }).catch(() => {});
				if (hop >= o.maxRedirects) return done({
					ok: false,
					status,
					retry_after_s: null,
					error: `too many redirects (more than ${o.maxRedirects})`,
					refused: false
				});
				url = new URL(location, target.url).toString();
				continue;
			}
			const retryAfter = parseRetryAfter(res.headers["retry-after"], Date.now());
			if (status >= 200 && status < 300) {
				await res.body.dump({ limit: 65536 }).catch(() => {});
				return done({
					ok: true,
					status,
					retry_after_s: null,
					error: null,
					refused: false
				});
			}
			const snippet = await readSnippet(res.body);
			return done({
				ok: false,
				status,
				retry_after_s: retryAfter,
				error: `HTTP ${status}${status >= 300 && status < 400 ? " (redirects other than 307/308 are not followed: use the final URL)" : ""}${snippet ? `: ${snippet}` : ""}`,
				refused: false
			});
		} catch (e) {
			const err = e;
			return done({
				ok: false,
				status: null,
				retry_after_s: null,
				error: err.name === "TimeoutError" || err.name === "AbortError" || /timeout/i.test(err.code ?? "") || /Timeout/.test(err.name) ? `timed out after ${o.timeoutMs} ms` : `${err.cause?.code ?? err.code ?? err.name}: ${err.cause?.message ?? err.message}`,
				refused: false
			});
		} finally {
			dispatcher.destroy().catch(() => {});
		}
	}
}

export { postWebhook as t };
//# sourceMappingURL=cli.chunk-http-DB3L_jAV.js.map