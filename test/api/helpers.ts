/**
 * Harness of the HTTP tests: an Engine on a temporary database with a ManualClock, the Hono app
 * served by @hono/node-server on 127.0.0.1, port 0 (a real socket), and small helpers to call
 * it, make agents (engine.createLocalAgent) and drive jobs into a given state through the engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as NodeServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { ManualClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { Engine } from '../../src/engine/index.js';
import type { Marketplace } from '../../src/marketplace.js';
import { PostJobInput, SubmitBidInput } from '../../src/schemas.js';
import { type AppOptions, type VoxApp, createApp } from '../../src/api/app.js';
import { configureWebhooks } from '../../src/webhooks/options.js';
import { freshDatabase } from '../helpers/store.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Any = any;
export type Res = { status: number; headers: Headers; body: Any };
export type Agent = { id: string; key: string; email: string; mp: Marketplace; token: string };

let n = 0;
const uniq = () => `${process.pid}-${++n}`;

export type Harness = Awaited<ReturnType<typeof startServer>>;

export async function startServer(opts: Partial<Omit<AppOptions, 'engine' | 'config'>> & { config?: Partial<Config> } = {}) {
  const dir = mkdtempSync(join(process.env.VOXPACT_TEST_TMP ?? tmpdir(), 'voxpact-api-'));
  const clock = new ManualClock();
  const config: Config = { ...loadConfig({ VOXPACT_DATA_DIR: dir, VOXPACT_LOG_LEVEL: 'error' }), ...opts.config };
  // The server's env rails reach the engine as src/stdio.ts openEngine passes them.
  const engine = Engine.open({ dbPath: freshDatabase(dir), dataDir: dir, clock, rails: { maxJobCents: config.maxJobCents, confirmAboveCents: config.confirmAboveCents } });
  const { config: _c, ...appOpts } = opts;
  const app: VoxApp = createApp({ engine, config, events: { pollMs: 20, heartbeatMs: 300 }, mcp: { sweepEveryMs: 0 }, ...appOpts });
  const server = await new Promise<NodeServer>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as NodeServer)) as NodeServer;
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  async function api(method: string, path: string, o: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<Res> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    let body: string | undefined = o.raw;
    if (o.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    const r = await fetch(base + path, { method, headers, body });
    const text = await r.text();
    let parsed: Any = text;
    try {
      parsed = JSON.parse(text);
    } catch { /* not JSON */ }
    return { status: r.status, headers: r.headers, body: parsed };
  }

  /** A JWT for an API key (through the engine, so setup does not spend the token endpoint's rate limit). */
  async function tokenFor(key: string): Promise<string> {
    return (await engine.identity.exchangeApiKey(key)).token;
  }

  /** An active agent with a saved test card (its own owner unless `email` is given). */
  async function agent(name = 'agent', o: { email?: string; capabilities?: string[]; card?: string } = {}): Promise<Agent> {
    const email = o.email ?? `${name}-${uniq()}@test.example`;
    const r = engine.createLocalAgent({ name, owner_email: email, capabilities: o.capabilities, card: o.card ?? 'pm_card_visa' });
    return { id: r.agent_id, key: r.api_key, email, mp: engine.as(r.agent_id), token: await tokenFor(r.api_key) };
  }

  const lastMail = (to: string) => [...engine.outbox()].reverse().find((m) => m.to.toLowerCase() === to.toLowerCase());

  async function close() {
    await app.voxpact.shutdown();
    server.closeAllConnections?.();
    await new Promise<void>((r) => server.close(() => r()));
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  }

  return { dir, clock, engine, config, app, server, port, base, api, tokenFor, agent, lastMail, close };
}

// ---------- job fixtures through the engine ----------

export const task = (description = 'Summarise the attached document in five bullet points') => ({ description });

export async function directJob(buyer: Agent, worker: Agent, upTo: 'funded' | 'accepted' | 'in_progress' | 'delivered' | 'completed' = 'funded', amount = 10) {
  const job = await buyer.mp.postJob(PostJobInput.parse({ title: 'Summarise a document', task_spec: task(), amount, worker_agent_id: worker.id }));
  const order = ['funded', 'accepted', 'in_progress', 'delivered', 'completed'];
  const at = (s: string) => order.indexOf(upTo) >= order.indexOf(s);
  if (at('accepted')) await worker.mp.acceptJob(job.id);
  if (at('in_progress')) await worker.mp.startJob(job.id);
  if (at('delivered')) await worker.mp.deliverJob(job.id, { content: 'five bullet points', content_type: 'text/plain' });
  if (at('completed')) await buyer.mp.approveJob(job.id);
  return job.id;
}

export async function openJobWithBid(buyer: Agent, bidder: Agent) {
  const job = await buyer.mp.postJob(PostJobInput.parse({ title: 'Translate an article', task_spec: task('Translate to French'), amount: 20, job_type: 'open' }));
  const bid = await bidder.mp.submitBid(job.id, SubmitBidInput.parse({ proposed_price: 12 }));
  return { jobId: job.id, bidId: bid.id };
}

/** An HTTP endpoint answering 200 to everything: the webhook.ping of registration. */
export async function webhookReceiver(): Promise<{ url: string; close: () => Promise<void> }> {
  configureWebhooks({ allowLoopback: true });
  const s = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/hook`;
  return { url, close: () => new Promise<void>((r) => s.close(() => r())) };
}

/**
 * A REST refusal as one object: `{ success: false, error: "<message>", code, field?, … }` →
 * `{ code, message, field?, retry_after?, …details }`. The one place tests read the error shape.
 */
export function errorOf(body: Any): { code: string; message: string; field?: string; retry_after?: number; [k: string]: Any } | null {
  if (body?.success !== false || typeof body.error !== 'string' || typeof body.code !== 'string') return null;
  const { success: _s, error, details, ...rest } = body;
  return { ...details, ...rest, message: error };
}

/** The shape every refusal has. */
export function expectError(r: Res, status: number, code?: string) {
  const e = errorOf(r.body);
  if (r.status !== status || !e || (code && e.code !== code)) {
    throw new Error(`expected ${status}${code ? ` ${code}` : ''}, got ${r.status} ${JSON.stringify(r.body)}`);
  }
  return e as { code: string; message: string; field?: string; retry_after?: number; [k: string]: Any };
}

export function expectOk(r: Res, status = 200) {
  if (r.status !== status || r.body?.success !== true || !('data' in r.body)) throw new Error(`expected ${status} success, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data;
}

/**
 * A REST list as one page: `{ success: true, data: [ … ], count, total?, … }` → `{ items, count, total?, … }`.
 * The one place tests read the list shape.
 */
export function expectList(r: Res, status = 200): { items: Any[]; count: number; total?: number; [k: string]: Any } {
  const items = expectOk(r, status);
  if (!Array.isArray(items) || typeof r.body.count !== 'number') throw new Error(`expected a list (data: [ … ], count), got ${JSON.stringify(r.body)}`);
  const { success: _s, data: _d, ...rest } = r.body;
  return { ...rest, items, count: r.body.count };
}
