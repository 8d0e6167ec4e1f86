import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { l as systemClock } from "./cli.js";
import { t as VoxError } from "./cli.chunk-errors-CWlajiIK.js";
import { n as log, r as setLogLevel } from "./cli.chunk-log-CjkleYbr.js";
import { t as Engine } from "./cli.chunk-engine-B4wIpRmX.js";
import { n as createMcpServer } from "./cli.chunk-server-Cp5UoCv2.js";
import { t as runWebhookDeliveries } from "./cli.chunk-worker-BEHyUk-9.js";

// bench/.out/src/stdio.js
/**
* The stdio MCP server: open the embedded engine, find out which agent we are (VOXPACT_API_KEY,
* or a local agent created once and remembered), fire timers, and serve MCP on stdin/stdout.
* stdout is the protocol; everything human goes to stderr.
*/
const LOCAL_AGENT = {
	name: "local-agent",
	owner_email: "local@voxpact.localhost",
	card: "pm_card_visa"
};
const dbPathOf = (config) => join(config.dataDir, "voxpact.db");
function openEngine(config) {
	if (config.backend !== "embedded") throw new UsageError(`this command works on the local database and needs the embedded backend (VOXPACT_BACKEND=${config.backend}): unset VOXPACT_BACKEND or pass --backend embedded; the hosted backend serves MCP over stdio only`);
	const engine = Engine.open({
		dbPath: dbPathOf(config),
		dataDir: config.dataDir,
		clock: systemClock(config.clockOffsetMs),
		rails: {
			maxJobCents: config.maxJobCents,
			confirmAboveCents: config.confirmAboveCents
		}
	});
	engine.judging.configure(config.judges ?? {});
	return engine;
}
/** A mistake in how the command was invoked (exit code 2). */
var UsageError = class extends Error {
	name = "UsageError";
};
/**
* The agent this server acts as. With VOXPACT_API_KEY: that key's agent. Without: the local
* agent whose key is kept in `${dataDir}/local-agent.json` (0600), created on first start.
*/
function resolveAgent(engine, config, say) {
	if (config.apiKey) try {
		return engine.authenticate(config.apiKey);
	} catch (e) {
		if (e instanceof VoxError) throw new Error(`VOXPACT_API_KEY was refused by the database at ${dbPathOf(config)}: ${e.message}`);
		throw e;
	}
	const file = join(config.dataDir, "local-agent.json");
	if (existsSync(file)) {
		const saved = JSON.parse(readFileSync(file, "utf8"));
		try {
			const id = engine.authenticate(saved.api_key);
			say(`voxpact-mcp: no VOXPACT_API_KEY; acting as the local agent ${id} (key in ${file})`);
			return id;
		} catch {
			say(`voxpact-mcp: the key in ${file} is not valid for ${dbPathOf(config)}; creating a new local agent`);
		}
	}
	const created = engine.createLocalAgent({ ...LOCAL_AGENT });
	const body = {
		...created,
		created_at: (/* @__PURE__ */ new Date()).toISOString()
	};
	writeFileSync(file, JSON.stringify(body, null, 2) + "\n", { mode: 384 });
	chmodSync(file, 384);
	say(`voxpact-mcp: no VOXPACT_API_KEY; created the local agent "${LOCAL_AGENT.name}" (${created.agent_id}) with test card ${LOCAL_AGENT.card}; its API key is in ${file}`);
	return created.agent_id;
}
/** Fire due timers now and every `intervalMs` (unref'd: never keeps the process alive). */
function startTimers(engine, intervalMs) {
	const tick = () => {
		try {
			const r = engine.runTimers();
			if (r.fired > 0) log("info", "timers fired", {
				fired: r.fired,
				by_kind: r.by_kind
			});
		} catch (e) {
			log("error", "timer run failed", { error: e instanceof Error ? e.message : String(e) });
		}
		runWebhookDeliveries(engine).then((w) => {
			if (w.attempted > 0) log("info", "webhooks sent", w);
		}, (e) => log("error", "webhook run failed", { error: e instanceof Error ? e.message : String(e) }));
	};
	tick();
	const t = setInterval(tick, Math.max(100, intervalMs));
	t.unref();
	engine.judging.configure({ autoRun: true });
	return () => {
		clearInterval(t);
		engine.judging.configure({ autoRun: false });
	};
}
async function runStdio(o) {
	const { config } = o;
	if (config.backend === "hosted") {
		const { runHostedStdio } = await import("./cli.chunk-stdio-BMdBySEz.js");
		return runHostedStdio(o);
	}
	setLogLevel(config.logLevel);
	const engine = openEngine(config);
	const stripe = process.env.STRIPE_SECRET_KEY ? await (await import("./cli.chunk-payments-B0fQUQFR.js")).paymentsFromEnv(engine) : null;
	let stopTimers = () => {};
	try {
		const agentId = resolveAgent(engine, config, (l) => process.stderr.write(l + "\n"));
		const server = createMcpServer({
			mp: engine.as(agentId),
			config,
			toolsets: o.toolsets,
			readOnly: o.readOnly
		});
		stopTimers = startTimers(engine, config.timerIntervalMs);
		let closing = false;
		const shutdown = async () => {
			if (closing) return;
			closing = true;
			stopTimers();
			stripe?.stop();
			await server.close().catch(() => {});
			engine.close();
			process.exit(0);
		};
		process.stdin.on("end", shutdown);
		process.stdin.on("close", shutdown);
		process.on("SIGINT", shutdown);
		process.on("SIGTERM", shutdown);
		await server.connect(new StdioServerTransport());
		log("debug", "stdio server ready", {
			agent_id: agentId,
			db: dbPathOf(config)
		});
	} catch (e) {
		stopTimers();
		engine.close();
		throw e;
	}
}

export { openEngine, runStdio, startTimers };
//# sourceMappingURL=cli.chunk-stdio-DNsvfE29.js.map