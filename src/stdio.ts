/**
 * The stdio MCP server: open the embedded engine, find out which agent we are (VOXPACT_API_KEY,
 * or a local agent created once and remembered), fire timers, and serve MCP on stdin/stdout.
 * stdout is the protocol; everything human goes to stderr.
 */
import { redact } from './engine/pg.js';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';
import { systemClock } from './clock.js';
import { VoxError } from './errors.js';
import { log, setLogLevel } from './log.js';
import { Engine } from './engine/index.js';
import { createMcpServer, serveStdioUntilClosed } from './server.js';
import { runWebhookDeliveries } from './webhooks/worker.js';

export const LOCAL_AGENT = { name: 'local-agent', owner_email: 'local@voxpact.localhost', card: 'pm_card_visa' } as const;

/** Where the marketplace is: VOXPACT_DATABASE_URL (PostgreSQL), else the SQLite file in the data directory. */
export const dbPathOf = (config: Config) => config.databaseUrl ?? join(config.dataDir, 'voxpact.db');
/** The same, as shown to people (a URL without its password). */
const dbLabelOf = (config: Config) => (config.databaseUrl ? redact(config.databaseUrl) : dbPathOf(config));

export function openEngine(config: Config): Engine {
  if (config.backend !== 'embedded') {
    throw new UsageError(`this command works on the local database and needs the embedded backend (VOXPACT_BACKEND=${config.backend}): unset VOXPACT_BACKEND or pass --backend embedded; with the hosted backend only MCP is served (stdio, or --transport http)`);
  }
  const engine = Engine.open({
    dbPath: dbPathOf(config),
    dataDir: config.dataDir,
    clock: systemClock(config.clockOffsetMs),
    rails: { maxJobCents: config.maxJobCents, confirmAboveCents: config.confirmAboveCents },
  });
  engine.judging.configure(config.judges ?? {}); // validation / arbitration judges (VOXPACT_JUDGE_*)
  return engine;
}

/** A mistake in how the command was invoked (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

type LocalAgentFile = { agent_id: string; api_key: string; created_at: string };

/**
 * The agent this server acts as. With VOXPACT_API_KEY: that key's agent. Without: the local
 * agent whose key is kept in `${dataDir}/local-agent.json` (0600), created on first start.
 */
export function resolveAgent(engine: Engine, config: Config, say: (line: string) => void): string {
  if (config.apiKey) {
    try {
      return engine.authenticate(config.apiKey);
    } catch (e) {
      if (e instanceof VoxError) throw new Error(`VOXPACT_API_KEY was refused by the database at ${dbLabelOf(config)}: ${e.message}`);
      throw e;
    }
  }
  const file = join(config.dataDir, 'local-agent.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as LocalAgentFile;
    try {
      const id = engine.authenticate(saved.api_key);
      say(`voxpact-mcp: no VOXPACT_API_KEY; acting as the local agent ${id} (key in ${file})`);
      return id;
    } catch {
      say(`voxpact-mcp: the key in ${file} is not valid for ${dbLabelOf(config)}; creating a new local agent`);
    }
  }
  const created = engine.createLocalAgent({ ...LOCAL_AGENT });
  const body: LocalAgentFile = { ...created, created_at: new Date().toISOString() };
  writeFileSync(file, JSON.stringify(body, null, 2) + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  say(`voxpact-mcp: no VOXPACT_API_KEY; created the local agent "${LOCAL_AGENT.name}" (${created.agent_id}) with test card ${LOCAL_AGENT.card}; its API key is in ${file}`);
  return created.agent_id;
}

/** Fire due timers now and every `intervalMs` (unref'd: never keeps the process alive). */
export function startTimers(engine: Engine, intervalMs: number): () => void {
  const tick = () => {
    try {
      const r = engine.runTimers();
      if (r.fired > 0) log('info', 'timers fired', { fired: r.fired, by_kind: r.by_kind });
    } catch (e) {
      log('error', 'timer run failed', { error: e instanceof Error ? e.message : String(e) });
    }
    // Webhook deliveries (the events outbox): async, one run at a time per engine.
    runWebhookDeliveries(engine).then((w) => {
      if (w.attempted > 0) log('info', 'webhooks sent', w);
    }, (e) => log('error', 'webhook run failed', { error: e instanceof Error ? e.message : String(e) }));
  };
  tick();
  const t = setInterval(tick, Math.max(100, intervalMs));
  t.unref();
  // Validations and dispute arbitrations run in the background while the server lives (src/validation/service.ts).
  engine.judging.configure({ autoRun: true });
  return () => {
    clearInterval(t);
    engine.judging.configure({ autoRun: false });
  };
}

export async function runStdio(o: { config: Config; toolsets?: string[]; readOnly?: boolean }): Promise<void> {
  const { config } = o;
  if (config.backend === 'hosted') {
    // The same tools, proxied to VOXPACT_API_URL as the agent of VOXPACT_API_KEY (src/hosted).
    const { runHostedStdio } = await import('./hosted/stdio.js');
    return runHostedStdio(o);
  }
  setLogLevel(config.logLevel);
  const engine = openEngine(config);
  // STRIPE_SECRET_KEY: real money through Stripe (src/payments); without it `stripe` is never loaded.
  const stripe = process.env.STRIPE_SECRET_KEY ? await (await import('./payments/index.js')).paymentsFromEnv(engine) : null;
  let stopTimers = () => {};
  try {
    const agentId = resolveAgent(engine, config, (l) => process.stderr.write(l + '\n'));
    const mp = engine.as(agentId);
    const confirmations = engine.confirmations;
    stopTimers = startTimers(engine, config.timerIntervalMs);
    // api_key inline (VoxPact's tools take it): only this agent's own key is accepted here (src/tool.ts).
    const agentOfKey = async (key: string) => engine.as(engine.authenticate(key));
    serveStdioUntilClosed((era) => createMcpServer({ mp, config, confirmations, agentOfKey, toolsets: o.toolsets, readOnly: o.readOnly, ...era }), () => {
      stopTimers();
      stripe?.stop();
      engine.close();
    });
    log('debug', 'stdio server ready', { agent_id: agentId, db: dbLabelOf(config) });
  } catch (e) {
    stopTimers();
    engine.close();
    throw e;
  }
}
