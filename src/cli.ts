#!/usr/bin/env node
/**
 * The `voxpact-mcp` command. No command: the stdio MCP server. Heavy modules (engine, MCP SDK)
 * load only in the branch that needs them, so `--help` and usage errors answer at once.
 */
import { parseArgs } from 'node:util';
import { databaseUrlOf, loadConfig, type Config } from './config.js';

const HELP = `voxpact-mcp — MCP server for the VoxPact agent marketplace

Usage:
  voxpact-mcp [--toolsets a,b] [--read-only] [--transport stdio] [--backend embedded]
      Serve MCP on stdin/stdout as the agent of VOXPACT_API_KEY (embedded without a key:
      a local agent is created once and its key kept in $VOXPACT_DATA_DIR/local-agent.json).
  voxpact-mcp --transport http [--host 127.0.0.1] [--port 8787]
      Serve the embedded marketplace over HTTP for many agents: REST /v1, /openapi.json,
      MCP at /mcp (Authorization: Bearer <API key or JWT>), Server-Sent Events at /v1/events.
  voxpact-mcp --transport http --backend hosted [--host H] [--port P]
      MCP at /mcp for many agents, each session proxied to VOXPACT_API_URL as the agent of
      its Authorization: Bearer <API key> (no local database).
  voxpact-mcp agents create --name N --owner-email E [--capabilities a,b] [--card pm_card_visa]
                            [--description D] [--webhook-url https://…] [--json]
      Register and activate an agent; prints its agent_id and API key.
  voxpact-mcp outbox [--json]      The local mail outbox (activation mails, API keys).
  voxpact-mcp timers run [--json]  Fire every timer that is due now, once, and exit.
  voxpact-mcp demo [--data-dir D]  Two MCP servers, a buyer and a worker, walk a direct and an open job.
  voxpact-mcp db migrate            Bring the database's schema up to date (servers also do it when they start).
  voxpact-mcp db copy --to postgres://… [--from voxpact.db]
      Move an SQLite marketplace into an empty PostgreSQL database, the ledger checked before and after (docs/scaling.md).
  voxpact-mcp ledger check [--json] The ledger invariants: prints each violation and exits 1 on any (schedule it).
  voxpact-mcp admin disputes list [--status S] | show ID | resolve ID --ruling buyer_wins|worker_wins|split [--worker-share N] [--note T]
      Human (Tier 2) dispute review: list (OVERDUE past the 48 h SLA), inspect, rule (the escrow moves at once).
  voxpact-mcp admin jobs freeze ID --reason R | unfreeze ID --reason R
      Block every action on a job (both parties are told), or lift the freeze.
  voxpact-mcp admin stripe failures | retry KEY | chargebacks | margin
      Stripe: refused or failed refunds (retry one), waiting payouts, chargebacks, the real margin (docs/stripe.md).

Options:
  --toolsets a,b   these toolsets, all their tools (account, jobs, bidding, files, messages, disputes, notifications,
                   payments), mixed with default (the default listing) or all; without it: the default listing
  --read-only      only tools that change nothing
  --transport T    stdio (default) or http: REST /v1, /openapi.json, MCP at /mcp, SSE /v1/events
  --host H         http: the address to listen on (VOXPACT_HTTP_HOST, default 127.0.0.1)
  --port P         http: the port (VOXPACT_HTTP_PORT, default 8787; 0 = any free port)
  --backend B      embedded (default) or hosted (VOXPACT_BACKEND)
  --data-dir D     where voxpact.db lives (VOXPACT_DATA_DIR, default ~/.voxpact)
  --database-url U the marketplace on PostgreSQL instead (VOXPACT_DATABASE_URL=postgres://…; docs/scaling.md)
  -h, --help       this help

Environment: VOXPACT_API_KEY, VOXPACT_DATA_DIR, VOXPACT_DATABASE_URL, VOXPACT_BACKEND, VOXPACT_API_URL, VOXPACT_MAX_JOB_EUR,
VOXPACT_CONFIRM_ABOVE_EUR, VOXPACT_CLOCK_OFFSET, VOXPACT_TIMER_INTERVAL_MS, VOXPACT_LOG_LEVEL,
VOXPACT_WEBHOOK_ALLOW_LOOPBACK (1: webhooks may go to loopback http, for development),
VOXPACT_JUDGE_URL, VOXPACT_JUDGE_MODEL, VOXPACT_JUDGE_API_KEY, VOXPACT_JUDGE_TIMEOUT (validation and dispute judges).
`;

/** A mistake in how the command was invoked: exit code 2 (stdio.ts's UsageError has the same name). */
class Usage extends Error {
  override name = 'UsageError';
}

const OPTIONS = {
  toolsets: { type: 'string' },
  'read-only': { type: 'boolean' },
  transport: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  backend: { type: 'string' },
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  to: { type: 'string' },
  from: { type: 'string' },
  name: { type: 'string' },
  'owner-email': { type: 'string' },
  capabilities: { type: 'string' },
  card: { type: 'string' },
  description: { type: 'string' },
  'webhook-url': { type: 'string' },
  // admin (src/admin-cli.ts)
  status: { type: 'string' },
  ruling: { type: 'string' },
  'worker-share': { type: 'string' },
  note: { type: 'string' },
  reason: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new Usage((e as Error).message);
  }
}

const list = (s: string | undefined) => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean));

function configFrom(v: Values): Config {
  const config = loadConfig(process.env);
  if (v['data-dir']) config.dataDir = v['data-dir'];
  if (v['database-url'] !== undefined) {
    try {
      config.databaseUrl = databaseUrlOf(v['database-url']);
    } catch (e) {
      throw new Usage((e as Error).message.replace('VOXPACT_DATABASE_URL', '--database-url'));
    }
  }
  if (v.backend) {
    if (v.backend !== 'embedded' && v.backend !== 'hosted') throw new Usage(`--backend must be 'embedded' or 'hosted' (got '${v.backend}')`);
    config.backend = v.backend;
  }
  return config;
}

async function serve(v: Values) {
  const transport = v.transport ?? 'stdio';
  if (transport === 'http') return serveHttpCli(v);
  if (transport !== 'stdio') throw new Usage(`--transport must be stdio or http (got '${transport}')`);
  const toolsets = list(v.toolsets);
  const config = configFrom(v);
  const { selectTools } = await import('../tools/index.js');
  try {
    selectTools({ toolsets }); // fail fast on an unknown toolset name
  } catch (e) {
    throw new Usage((e as Error).message);
  }
  const { runStdio } = await import('./stdio.js');
  await runStdio({ config, toolsets, readOnly: v['read-only'] ?? false });
}

/** `--transport http`: the embedded marketplace over HTTP, or with --backend hosted an MCP proxy for many agents (src/api/serve.ts). */
async function serveHttpCli(v: Values) {
  const toolsets = list(v.toolsets);
  const config = configFrom(v);
  const port = v.port === undefined ? undefined : Number(v.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new Usage(`--port must be a port number 0–65535 (got '${v.port}')`);
  const { selectTools } = await import('../tools/index.js');
  try {
    selectTools({ toolsets });
  } catch (e) {
    throw new Usage((e as Error).message);
  }
  const { runHttp } = await import('./api/serve.js');
  await runHttp({ config, host: v.host, port, toolsets, readOnly: v['read-only'] ?? false });
}

async function agentsCreate(v: Values) {
  if (!v.name || !v['owner-email']) throw new Usage('agents create needs --name and --owner-email');
  const { RegisterAgentInput, HttpsUrl } = await import('./schemas.js');
  const input = {
    name: v.name, owner_email: v['owner-email'], capabilities: list(v.capabilities), description: v.description,
  };
  const checked = RegisterAgentInput.omit({ webhook_url: true }).safeParse(input);
  if (!checked.success) {
    const i = checked.error.issues[0];
    throw new Usage(`--${String(i.path[0] ?? 'name').replace(/_/g, '-')} ${i.message}`);
  }
  if (v['webhook-url'] !== undefined && !HttpsUrl.safeParse(v['webhook-url']).success) throw new Usage('--webhook-url must be an HTTPS URL');
  if (v['webhook-url'] !== undefined) {
    // The same webhook.ping as register_agent: 2xx within 5 s, before anything is written.
    const { pingWebhook } = await import('./webhooks/ping.js');
    await pingWebhook(v['webhook-url'], { agent_name: v.name });
  }
  const { openEngine } = await import('./stdio.js');
  const engine = openEngine(configFrom(v));
  try {
    const r = engine.createLocalAgent({ ...checked.data, card: v.card, webhook_url: v['webhook-url'] });
    if (v.json) console.log(JSON.stringify(r));
    else console.log(`created agent ${v.name} ${r.agent_id}\nAPI key (shown once; also in \`voxpact-mcp outbox\`): ${r.api_key}\nUse it as VOXPACT_API_KEY.`);
  } finally {
    engine.close();
  }
}

async function outbox(v: Values) {
  const { openEngine } = await import('./stdio.js');
  const engine = openEngine(configFrom(v));
  try {
    const mails = engine.outbox();
    if (v.json) return console.log(JSON.stringify(mails, null, 2));
    if (!mails.length) return console.log('The outbox is empty.');
    for (const m of mails) console.log(`── ${m.created_at}  to ${m.to}\n   ${m.subject}\n${m.body.replace(/^/gm, '   ')}`);
  } finally {
    engine.close();
  }
}

async function timersRun(v: Values) {
  const { openEngine } = await import('./stdio.js');
  const engine = openEngine(configFrom(v));
  try {
    const r = engine.runTimers();
    const { runWebhookDeliveries } = await import('./webhooks/worker.js');
    const w = await runWebhookDeliveries(engine);
    if (v.json) return console.log(JSON.stringify({ ...r, webhooks: w }));
    const kinds = Object.entries(r.by_kind).map(([k, n]) => `${k}: ${n}`).join(', ');
    console.log(`fired ${r.fired} timer(s)${kinds ? ` (${kinds})` : ''}`);
    console.log(`webhooks: ${w.attempted} attempt(s): ${w.delivered} delivered, ${w.retrying} to retry, ${w.failed} failed, ${w.disabled} endpoint(s) disabled`);
  } finally {
    engine.close();
  }
}

async function main(argv: string[]) {
  const { values: v, positionals: p } = parse(argv);
  if (v.help) return void process.stdout.write(HELP);
  if (v.version) {
    const { VERSION } = await import('./server.js');
    return console.log(VERSION);
  }
  if (p[0] === 'admin') {
    const { runAdmin } = await import('./admin-cli.js');
    return runAdmin(p.slice(1), v, configFrom(v), (msg) => new Usage(msg));
  }
  const cmd = p.join(' ');
  if (p[0] === 'db' || cmd === 'ledger check') {
    const { runDb } = await import('./db-cli.js');
    return runDb(cmd, v, configFrom(v), (msg) => new Usage(msg));
  }
  switch (cmd) {
    case '': return serve(v);
    case 'agents create': return agentsCreate(v);
    case 'outbox': return outbox(v);
    case 'timers run': return timersRun(v);
    case 'demo': {
      const { runDemo } = await import('./demo.js');
      return runDemo({ dataDir: v['data-dir'] });
    }
    default: throw new Usage(`unknown command '${cmd}' (see voxpact-mcp --help)`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const usage = e instanceof Error && e.name === 'UsageError';
  process.stderr.write(`voxpact-mcp: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(usage ? 2 : 1);
});
