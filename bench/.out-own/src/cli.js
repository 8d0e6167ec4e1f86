#!/usr/bin/env node
import { parseArgs } from "node:util";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";

// bench/.out/src/clock.js
const systemClock = (offsetMs = 0) => ({ now: () => Date.now() + offsetMs });
const UNIT_MS = {
	ms: 1,
	s: 1e3,
	m: 6e4,
	h: 36e5,
	d: 864e5
};
/** Parse `49h`, `-2d`, `30m`, `1d12h` into milliseconds (VOXPACT_CLOCK_OFFSET). */
function parseDuration(text) {
	const s = text.trim();
	const m = /^([+-])?((?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+)$/.exec(s);
	if (!m) throw new Error(`VOXPACT_CLOCK_OFFSET must look like 49h, -2d or 1d12h (got '${text}')`);
	let total = 0;
	for (const part of m[2].matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) total += Number(part[1]) * UNIT_MS[part[2]];
	return Math.round(m[1] === "-" ? -total : total);
}
const iso = (ms) => new Date(ms).toISOString();
const HOUR_MS = 36e5;

// bench/.out/src/money.js
/** Parse an EUR number into cents, or return why it is not one. */
function eurToCents(eur) {
	if (typeof eur !== "number" || !Number.isFinite(eur)) return "must be a finite number of EUR";
	if (Object.is(eur, -0)) return "must not be -0";
	const cents = Math.round(eur * 100);
	if (Math.abs(cents - eur * 100) > Math.max(1e-6, Math.abs(eur * 100) * 1e-12)) return `must have at most 2 decimals (got ${eur})`;
	if (!Number.isSafeInteger(cents)) return "is too large";
	return cents;
}
const centsToEur = (cents) => cents / 100;
const formatEur = (cents) => `${(cents / 100).toFixed(2)} EUR`;
/** Half-up percentage of a cent amount, in integer arithmetic so nothing is lost to floats. */
function percentOf(cents, percent) {
	return Math.floor((cents * percent + 50) / 100);
}
/** A zod EUR field: a number with ≤ 2 decimals and a minimum, kept as EUR in the API shape. */
function eur(opts = {}) {
	return z.number().superRefine((v, ctx) => {
		const c = eurToCents(v);
		if (typeof c === "string") return void ctx.addIssue({
			code: "custom",
			message: c
		});
		if (opts.min_cents !== void 0 && c < opts.min_cents) ctx.addIssue({
			code: "custom",
			message: `must be at least ${(opts.min_cents / 100).toFixed(2)} EUR (got ${v})`
		});
		if (opts.positive && c <= 0) ctx.addIssue({
			code: "custom",
			message: `must be positive (got ${v})`
		});
	});
}
/** EUR → cents for a value already validated by `eur()`. */
function cents(v) {
	const c = eurToCents(v);
	if (typeof c === "string") throw new Error(`unvalidated EUR amount: ${c}`);
	return c;
}

// bench/.out/src/files/config.js
function filesConfigFromEnv(env) {
	const portRaw = env.VOXPACT_FILES_PORT ?? "0";
	const port = Number(portRaw);
	if (!/^\d+$/.test(portRaw) || port > 65535) throw new Error(`VOXPACT_FILES_PORT must be a port number 0–65535 (got '${portRaw}')`);
	const publicUrl = env.VOXPACT_PUBLIC_URL?.trim() || null;
	if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new Error(`VOXPACT_PUBLIC_URL must be an http(s) URL (got '${publicUrl}')`);
	const bucket = env.VOXPACT_S3_BUCKET?.trim();
	const endpoint = env.VOXPACT_S3_ENDPOINT?.trim() || null;
	const s3 = bucket ? {
		bucket,
		endpoint,
		region: env.VOXPACT_S3_REGION?.trim() || (endpoint ? "auto" : "us-east-1"),
		forcePathStyle: env.VOXPACT_S3_FORCE_PATH_STYLE ? env.VOXPACT_S3_FORCE_PATH_STYLE === "true" || env.VOXPACT_S3_FORCE_PATH_STYLE === "1" : endpoint !== null,
		accessKeyId: env.AWS_ACCESS_KEY_ID || null,
		secretAccessKey: env.AWS_SECRET_ACCESS_KEY || null
	} : null;
	return {
		port,
		publicUrl: publicUrl?.replace(/\/+$/, "") ?? null,
		s3,
		dir: env.VOXPACT_FILES_DIR?.trim() || void 0
	};
}

// bench/.out/src/validation/config.js
/**
* Judge configuration from the environment:
*   VOXPACT_JUDGE_URL      an OpenAI-compatible endpoint: the base (…/v1) or …/v1/chat/completions.
*                          Enables the LLM judge and Tier 1 dispute arbitration.
*   VOXPACT_JUDGE_MODEL    the model name sent (required with VOXPACT_JUDGE_URL)
*   VOXPACT_JUDGE_API_KEY  sent as Authorization: Bearer … (optional: local servers need none)
*   VOXPACT_JUDGE_TIMEOUT  per request, e.g. 60s (default), 2m
*   VOXPACT_JUDGE_POLL_MS  how often a server looks for validations left waiting (default 5000)
*/
function judgeOptionsFromEnv(env) {
	const url = env.VOXPACT_JUDGE_URL?.trim();
	const model = env.VOXPACT_JUDGE_MODEL?.trim();
	let llm = null;
	if (url) {
		if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new Error(`VOXPACT_JUDGE_URL must be an http(s) URL (got '${url}')`);
		if (!model) throw new Error("VOXPACT_JUDGE_MODEL is required with VOXPACT_JUDGE_URL (the model name the endpoint serves)");
		const timeoutMs = env.VOXPACT_JUDGE_TIMEOUT ? parseDuration(env.VOXPACT_JUDGE_TIMEOUT) : 6e4;
		if (!(timeoutMs > 0)) throw new Error(`VOXPACT_JUDGE_TIMEOUT must be a positive duration like 60s (got '${env.VOXPACT_JUDGE_TIMEOUT}')`);
		llm = {
			url,
			model,
			apiKey: env.VOXPACT_JUDGE_API_KEY || null,
			timeoutMs
		};
	}
	const poll = Number(env.VOXPACT_JUDGE_POLL_MS ?? 5e3);
	return {
		llm,
		pollIntervalMs: Number.isFinite(poll) && poll >= 100 ? poll : 5e3
	};
}

// bench/.out/src/config.js
const csv = (v) => (v ?? "").split(",").map((x) => x.trim()).filter(Boolean);
function idleEnv(v) {
	let ms = NaN;
	try {
		ms = parseDuration(v);
	} catch {}
	if (!(ms > 0)) throw new Error(`VOXPACT_MCP_SESSION_IDLE must be a positive duration like 30m, 2h or 90s (got '${v}')`);
	return ms;
}
function eurEnv(env, name) {
	const raw = env[name];
	if (raw === void 0 || raw === "") return null;
	const c = eurToCents(Number(raw));
	if (typeof c === "string" || c < 0) throw new Error(`${name} must be a non-negative EUR amount with at most 2 decimals (got '${raw}')`);
	return c;
}
function loadConfig(env = process.env) {
	const backend = env.VOXPACT_BACKEND ?? "embedded";
	if (backend !== "embedded" && backend !== "hosted") throw new Error(`VOXPACT_BACKEND must be 'embedded' or 'hosted' (got '${backend}')`);
	const level = env.VOXPACT_LOG_LEVEL ?? "info";
	return {
		backend,
		apiKey: env.VOXPACT_API_KEY || void 0,
		apiUrl: env.VOXPACT_API_URL ?? "https://api.voxpact.com",
		dataDir: env.VOXPACT_DATA_DIR ?? join(homedir(), ".voxpact"),
		clockOffsetMs: env.VOXPACT_CLOCK_OFFSET ? parseDuration(env.VOXPACT_CLOCK_OFFSET) : 0,
		maxJobCents: eurEnv(env, "VOXPACT_MAX_JOB_EUR"),
		confirmAboveCents: eurEnv(env, "VOXPACT_CONFIRM_ABOVE_EUR"),
		timerIntervalMs: Number(env.VOXPACT_TIMER_INTERVAL_MS ?? 5e3),
		logLevel: [
			"debug",
			"info",
			"warn",
			"error"
		].includes(level) ? level : "info",
		webhookAllowLoopback: env.VOXPACT_WEBHOOK_ALLOW_LOOPBACK === "1",
		httpHost: env.VOXPACT_HTTP_HOST || "127.0.0.1",
		httpPort: env.VOXPACT_HTTP_PORT ? Number(env.VOXPACT_HTTP_PORT) : 8787,
		allowedOrigins: csv(env.VOXPACT_ALLOWED_ORIGINS),
		allowedHosts: csv(env.VOXPACT_ALLOWED_HOSTS),
		trustProxy: env.VOXPACT_TRUST_PROXY === "1",
		mcpSessionIdleMs: env.VOXPACT_MCP_SESSION_IDLE ? idleEnv(env.VOXPACT_MCP_SESSION_IDLE) : 18e5,
		files: filesConfigFromEnv(env),
		judges: judgeOptionsFromEnv(env),
		adminEmails: csv(env.VOXPACT_ADMIN_EMAILS).map((e) => e.toLowerCase())
	};
}

// bench/.out/src/cli.unbundled.js
/**
* The `voxpact-mcp` command. No command: the stdio MCP server. Heavy modules (engine, MCP SDK)
* load only in the branch that needs them, so `--help` and usage errors answer at once.
*/
const HELP = `voxpact-mcp — MCP server for the VoxPact agent marketplace

Usage:
  voxpact-mcp [--toolsets a,b] [--read-only] [--transport stdio] [--backend embedded]
      Serve MCP on stdin/stdout as the agent of VOXPACT_API_KEY (embedded without a key:
      a local agent is created once and its key kept in $VOXPACT_DATA_DIR/local-agent.json).
  voxpact-mcp --transport http [--host 127.0.0.1] [--port 8787]
      Serve the embedded marketplace over HTTP for many agents: REST /v1, /openapi.json,
      MCP at /mcp (Authorization: Bearer <API key or JWT>), Server-Sent Events at /v1/events.
  voxpact-mcp agents create --name N --owner-email E [--capabilities a,b] [--card pm_card_visa]
                            [--description D] [--webhook-url https://…] [--json]
      Register and activate an agent; prints its agent_id and API key.
  voxpact-mcp outbox [--json]      The local mail outbox (activation mails, API keys).
  voxpact-mcp timers run [--json]  Fire every timer that is due now, once, and exit.
  voxpact-mcp demo [--data-dir D]  Two MCP servers, a buyer and a worker, walk a direct and an open job.
  voxpact-mcp admin disputes list [--status S] | show ID | resolve ID --ruling buyer_wins|worker_wins|split [--worker-share N] [--note T]
      Human (Tier 2) dispute review: list (OVERDUE past the 48 h SLA), inspect, rule (the escrow moves at once).
  voxpact-mcp admin jobs freeze ID --reason R | unfreeze ID --reason R
      Block every action on a job (both parties are told), or lift the freeze.

Options:
  --toolsets a,b   only these toolsets (account, jobs, bidding, files, messages, disputes, notifications, payments)
  --read-only      only tools that change nothing
  --transport T    stdio (default) or http: REST /v1, /openapi.json, MCP at /mcp, SSE /v1/events
  --host H         http: the address to listen on (VOXPACT_HTTP_HOST, default 127.0.0.1)
  --port P         http: the port (VOXPACT_HTTP_PORT, default 8787; 0 = any free port)
  --backend B      embedded (default) or hosted (VOXPACT_BACKEND)
  --data-dir D     where voxpact.db lives (VOXPACT_DATA_DIR, default ~/.voxpact)
  -h, --help       this help

Environment: VOXPACT_API_KEY, VOXPACT_DATA_DIR, VOXPACT_BACKEND, VOXPACT_API_URL, VOXPACT_MAX_JOB_EUR,
VOXPACT_CONFIRM_ABOVE_EUR, VOXPACT_CLOCK_OFFSET, VOXPACT_TIMER_INTERVAL_MS, VOXPACT_LOG_LEVEL,
VOXPACT_WEBHOOK_ALLOW_LOOPBACK (1: webhooks may go to loopback http, for development),
VOXPACT_JUDGE_URL, VOXPACT_JUDGE_MODEL, VOXPACT_JUDGE_API_KEY, VOXPACT_JUDGE_TIMEOUT (validation and dispute judges).
`;
/** A mistake in how the command was invoked: exit code 2 (stdio.ts's UsageError has the same name). */
var Usage = class extends Error {
	name = "UsageError";
};
const OPTIONS = {
	toolsets: { type: "string" },
	"read-only": { type: "boolean" },
	transport: { type: "string" },
	host: { type: "string" },
	port: { type: "string" },
	backend: { type: "string" },
	"data-dir": { type: "string" },
	name: { type: "string" },
	"owner-email": { type: "string" },
	capabilities: { type: "string" },
	card: { type: "string" },
	description: { type: "string" },
	"webhook-url": { type: "string" },
	status: { type: "string" },
	ruling: { type: "string" },
	"worker-share": { type: "string" },
	note: { type: "string" },
	reason: { type: "string" },
	json: { type: "boolean" },
	help: {
		type: "boolean",
		short: "h"
	},
	version: {
		type: "boolean",
		short: "v"
	}
};
function parse(argv) {
	try {
		return parseArgs({
			args: argv,
			options: OPTIONS,
			allowPositionals: true,
			strict: true
		});
	} catch (e) {
		throw new Usage(e.message);
	}
}
const list = (s) => s === void 0 ? void 0 : s.split(",").map((x) => x.trim()).filter(Boolean);
function configFrom(v) {
	const config = loadConfig(process.env);
	if (v["data-dir"]) config.dataDir = v["data-dir"];
	if (v.backend) {
		if (v.backend !== "embedded" && v.backend !== "hosted") throw new Usage(`--backend must be 'embedded' or 'hosted' (got '${v.backend}')`);
		config.backend = v.backend;
	}
	return config;
}
async function serve(v) {
	const transport = v.transport ?? "stdio";
	if (transport === "http") return serveHttpCli(v);
	if (transport !== "stdio") throw new Usage(`--transport must be stdio or http (got '${transport}')`);
	const toolsets = list(v.toolsets);
	const config = configFrom(v);
	const { selectTools } = await import("./cli.chunk-tools-BFyqWitb.js").then((n) => n.n);
	try {
		selectTools({ toolsets });
	} catch (e) {
		throw new Usage(e.message);
	}
	const { runStdio } = await import("./cli.chunk-stdio-DNsvfE29.js");
	await runStdio({
		config,
		toolsets,
		readOnly: v["read-only"] ?? false
	});
}
/** `--transport http`: the embedded marketplace over HTTP (src/api/serve.ts). */
async function serveHttpCli(v) {
	const toolsets = list(v.toolsets);
	const config = configFrom(v);
	const port = v.port === void 0 ? void 0 : Number(v.port);
	if (port !== void 0 && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new Usage(`--port must be a port number 0–65535 (got '${v.port}')`);
	const { selectTools } = await import("./cli.chunk-tools-BFyqWitb.js").then((n) => n.n);
	try {
		selectTools({ toolsets });
	} catch (e) {
		throw new Usage(e.message);
	}
	const { runHttp } = await import("./cli.chunk-serve-vAfWmvg4.js");
	await runHttp({
		config,
		host: v.host,
		port,
		toolsets,
		readOnly: v["read-only"] ?? false
	});
}
async function agentsCreate(v) {
	if (!v.name || !v["owner-email"]) throw new Usage("agents create needs --name and --owner-email");
	const { RegisterAgentInput, HttpsUrl } = await import("./cli.chunk-schemas-B2-JseJS.js").then((n) => n.St);
	const input = {
		name: v.name,
		owner_email: v["owner-email"],
		capabilities: list(v.capabilities),
		description: v.description
	};
	const checked = RegisterAgentInput.omit({ webhook_url: true }).safeParse(input);
	if (!checked.success) {
		const i = checked.error.issues[0];
		throw new Usage(`--${String(i.path[0] ?? "name").replace(/_/g, "-")} ${i.message}`);
	}
	if (v["webhook-url"] !== void 0 && !HttpsUrl.safeParse(v["webhook-url"]).success) throw new Usage("--webhook-url must be an HTTPS URL");
	if (v["webhook-url"] !== void 0) {
		const { pingWebhook } = await import("./cli.chunk-ping-BTbA0Qh4.js").then((n) => n.n);
		await pingWebhook(v["webhook-url"], { agent_name: v.name });
	}
	const { openEngine } = await import("./cli.chunk-stdio-DNsvfE29.js");
	const engine = openEngine(configFrom(v));
	try {
		const r = engine.createLocalAgent({
			...checked.data,
			card: v.card,
			webhook_url: v["webhook-url"]
		});
		if (v.json) console.log(JSON.stringify(r));
		else console.log(`created agent ${v.name} ${r.agent_id}\nAPI key (shown once; also in \`voxpact-mcp outbox\`): ${r.api_key}\nUse it as VOXPACT_API_KEY.`);
	} finally {
		engine.close();
	}
}
async function outbox(v) {
	const { openEngine } = await import("./cli.chunk-stdio-DNsvfE29.js");
	const engine = openEngine(configFrom(v));
	try {
		const mails = engine.outbox();
		if (v.json) return console.log(JSON.stringify(mails, null, 2));
		if (!mails.length) return console.log("The outbox is empty.");
		for (const m of mails) console.log(`── ${m.created_at}  to ${m.to}\n   ${m.subject}\n${m.body.replace(/^/gm, "   ")}`);
	} finally {
		engine.close();
	}
}
async function timersRun(v) {
	const { openEngine } = await import("./cli.chunk-stdio-DNsvfE29.js");
	const engine = openEngine(configFrom(v));
	try {
		const r = engine.runTimers();
		const { runWebhookDeliveries } = await import("./cli.chunk-worker-BEHyUk-9.js").then((n) => n.n);
		const w = await runWebhookDeliveries(engine);
		if (v.json) return console.log(JSON.stringify({
			...r,
			webhooks: w
		}));
		const kinds = Object.entries(r.by_kind).map(([k, n]) => `${k}: ${n}`).join(", ");
		console.log(`fired ${r.fired} timer(s)${kinds ? ` (${kinds})` : ""}`);
		console.log(`webhooks: ${w.attempted} attempt(s): ${w.delivered} delivered, ${w.retrying} to retry, ${w.failed} failed, ${w.disabled} endpoint(s) disabled`);
	} finally {
		engine.close();
	}
}
async function main(argv) {
	const { values: v, positionals: p } = parse(argv);
	if (v.help) return void process.stdout.write(HELP);
	if (v.version) {
		const { VERSION } = await import("./cli.chunk-server-Cp5UoCv2.js").then((n) => n.r);
		return console.log(VERSION);
	}
	if (p[0] === "admin") {
		const { runAdmin } = await import("./cli.chunk-admin-cli-B_dMuIED.js");
		return runAdmin(p.slice(1), v, configFrom(v), (msg) => new Usage(msg));
	}
	const cmd = p.join(" ");
	switch (cmd) {
		case "": return serve(v);
		case "agents create": return agentsCreate(v);
		case "outbox": return outbox(v);
		case "timers run": return timersRun(v);
		case "demo": {
			const { runDemo } = await import("./cli.chunk-demo-DXEeKViG.js");
			return runDemo({ dataDir: v["data-dir"] });
		}
		default: throw new Usage(`unknown command '${cmd}' (see voxpact-mcp --help)`);
	}
}
main(process.argv.slice(2)).catch((e) => {
	const usage = e instanceof Error && e.name === "UsageError";
	process.stderr.write(`voxpact-mcp: ${e instanceof Error ? e.message : String(e)}\n`);
	process.exit(usage ? 2 : 1);
});

export { formatEur as a, iso as c, eur as i, systemClock as l, cents as n, percentOf as o, centsToEur as r, HOUR_MS as s, filesConfigFromEnv as t };
//# sourceMappingURL=cli.js.map