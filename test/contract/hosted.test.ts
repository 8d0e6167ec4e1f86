/**
 * What only the hosted client does, against the embedded REST server on 127.0.0.1 (createApp +
 * @hono/node-server, every request logged): token exchange and refresh at 80 % of its life,
 * one re-exchange on 401, 429 with Retry-After, Idempotency-Key, errors identical to the
 * embedded engine's, and the /v1/events stream followed (with Last-Event-ID resume) so
 * resource subscriptions work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine/index.js';
import { VoxError } from '../../src/errors.js';
import { HostedMarketplace, type HostedOptions } from '../../src/hosted/client.js';
import { PostJobInput } from '../../src/schemas.js';
import { ChangeWatcher } from '../../resources/subscriptions.js';
import { T0, loadServer } from './backends.js';

const available = (await loadServer()) !== null;
const MIN = 60_000;

type Logged = { method: string; path: string; headers: Record<string, string> };

async function rig() {
  const { createApp } = await import('../../src/api/app.js');
  const dir = mkdtempSync(join(process.env.VOXPACT_TEST_TMP ?? tmpdir(), 'voxpact-hosted-'));
  const clock = new ManualClock(T0);
  const engine = Engine.open({ dbPath: join(dir, 'voxpact.db'), clock });
  const config = { ...loadConfig({ VOXPACT_DATA_DIR: dir }), dataDir: dir };
  const app = createApp({ engine, config, events: { pollMs: 50 } });
  const log: Logged[] = [];
  let server!: Server;
  const port = await new Promise<number>((resolve) => {
    server = serve({
      fetch: (req: Request, env: unknown) => {
        const u = new URL(req.url);
        log.push({ method: req.method, path: u.pathname, headers: Object.fromEntries(req.headers) });
        return app.fetch(req, env as never);
      },
      hostname: '127.0.0.1', port: 0,
    }, (info: AddressInfo) => resolve(info.port)) as Server;
  });
  const url = `http://127.0.0.1:${port}`;
  const clients: HostedMarketplace[] = [];
  const sleeps: number[] = [];
  let n = 0;
  return {
    engine, clock, url, log, sleeps,
    count: (path: string) => log.filter((l) => l.path === path).length,
    local(name: string, card: string | undefined = 'pm_card_visa') {
      return engine.createLocalAgent({ name: `${name}-${++n}`, owner_email: `${name}-${n}@example.test`, capabilities: ['translation'], card });
    },
    async client(apiKey: string, o: Partial<HostedOptions> = {}) {
      const mp = await HostedMarketplace.connect({
        apiUrl: url, apiKey, nowMs: () => clock.now(),
        // 429 waits move the test clock instead of sleeping; other waits are short real ones.
        sleep: async (ms) => {
          sleeps.push(ms);
          if (ms >= 1000) clock.advance(ms);
          else await new Promise((r) => setTimeout(r, ms));
        },
        ...o,
      });
      clients.push(mp);
      return mp;
    },
    async close() {
      for (const c of clients) await c.close();
      await app.voxpact.shutdown();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const direct = (workerId: string, extra: Record<string, unknown> = {}) =>
  PostJobInput.parse({ title: 'Summarise this document', task_spec: { description: 'Summarise it' }, amount: 20, worker_agent_id: workerId, ...extra });

async function until<T>(fn: () => Promise<T | undefined | null | false>, ms = 5000): Promise<T> {
  const t = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!available)('hosted client', () => {
  let r: Awaited<ReturnType<typeof rig>>;
  afterEach(async () => {
    await r?.close();
  });

  it('exchanges the key once, refreshes at 80 % of the token life, exchanges again once it expired', async () => {
    r = await rig();
    const a = r.local('agent');
    const mp = await r.client(a.api_key);
    expect(mp.agentId).toBe(a.agent_id);
    expect(r.count('/v1/agents/auth/token')).toBe(1);
    await mp.getMyAgent();
    r.clock.advance(47 * MIN);
    await mp.getMyAgent();
    expect(r.count('/v1/agents/auth/refresh')).toBe(0);
    r.clock.advance(2 * MIN); // 49 min > 80 % of 60
    await mp.getMyAgent();
    await mp.getMyAgent();
    expect(r.count('/v1/agents/auth/refresh')).toBe(1);
    const bearers = r.log.filter((l) => l.path === '/v1/agents/me').map((l) => l.headers.authorization);
    expect(new Set(bearers).size).toBe(2); // the refreshed token is used from then on
    r.clock.advance(3 * 60 * MIN); // long after expiry: refresh is pointless, exchange again
    await mp.getMyAgent();
    expect(r.count('/v1/agents/auth/token')).toBe(2);
    expect(r.count('/v1/agents/auth/refresh')).toBe(1);
  });

  it('a 401 (sessions invalidated) re-exchanges the key once; a revoked key is an unauthorized error', async () => {
    r = await rig();
    const a = r.local('agent');
    const mp = await r.client(a.api_key);
    r.engine.db.prepare('UPDATE agents SET token_version = token_version + 1 WHERE id = ?').run(a.agent_id);
    await expect(mp.getMyAgent()).resolves.toMatchObject({ id: a.agent_id });
    expect(r.count('/v1/agents/auth/token')).toBe(2);
    r.engine.rotateKey(a.agent_id);
    const e = await mp.getMyAgent().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VoxError);
    expect((e as VoxError).code).toBe('unauthorized');
    expect((e as VoxError).status).toBe(401);
    expect(Object.keys((e as VoxError).details)).not.toContain('upstream_401');
    expect(r.count('/v1/agents/auth/token')).toBe(3); // one re-exchange, no loop
    await expect(HostedMarketplace.connect({ apiUrl: r.url, apiKey: 'vxp_live_nope' })).rejects.toMatchObject({ status: 401 });
  });

  it('429: waits Retry-After and retries; a longer wait comes back as rate_limited with retry_after', async () => {
    r = await rig();
    const a = r.local('agent');
    const mp = await r.client(a.api_key, { maxRetryAfterS: 120 });
    for (let i = 0; i < 30; i++) await mp.getDashboard(); // GET /v1/dashboard: 30 per minute
    const t = r.clock.now();
    await expect(mp.getDashboard()).resolves.toMatchObject({ agent: { id: a.agent_id } });
    const waited = r.sleeps.filter((ms) => ms >= 1000);
    expect(waited).toHaveLength(1);
    expect(waited[0]).toBe(60_000); // the Retry-After of a full 1-minute window
    expect(r.clock.now() - t).toBe(waited[0]);
    const limited = r.log.filter((l) => l.path === '/v1/dashboard').length;
    expect(limited).toBe(32); // 30 + the refused one + its retry

    // POST /v1/agents/auth/token: 10 per 15 minutes per IP; the 11th would wait longer than the default 30 s.
    for (let i = 0; i < 9; i++) await r.client(r.local('more').api_key);
    const e = await r.client(r.local('late').api_key).catch((x: unknown) => x) as VoxError;
    expect(e).toBeInstanceOf(VoxError);
    expect(e).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(e.details.retry_after_s).toBeGreaterThan(30);
  });

  it('sends idempotency keys as Idempotency-Key; a retry gets the first answer', async () => {
    r = await rig();
    const b = r.local('buyer');
    const w = r.local('worker', undefined);
    const mp = await r.client(b.api_key);
    const j1 = await mp.postJob(direct(w.agent_id, { idempotency_key: 'k-1' }));
    const j2 = await mp.postJob(direct(w.agent_id, { idempotency_key: 'k-1' }));
    expect(j2.id).toBe(j1.id);
    const posts = r.log.filter((l) => l.path === '/v1/jobs' && l.method === 'POST');
    expect(posts.map((p) => p.headers['idempotency-key'])).toEqual(['k-1', 'k-1']);
    const e = await mp.postJob(direct(w.agent_id, { idempotency_key: 'k-1', amount: 30 })).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'idempotency_key_reused', status: 422 });
  });

  it('errors are the VoxErrors of the embedded engine: code, status, field, details', async () => {
    r = await rig();
    const b = r.local('buyer');
    const mp = await r.client(b.api_key);
    const local = r.engine.as(b.agent_id);
    const input = PostJobInput.parse({ title: 'Summarise this document', task_spec: { description: 'x' }, amount: 20 });
    const [h, e] = await Promise.all([mp.postJob(input).catch((x) => x), local.postJob(input).catch((x) => x)]);
    expect(h).toBeInstanceOf(VoxError);
    expect({ code: h.code, status: h.status, message: h.message, details: { ...h.details } }).toEqual({ code: e.code, status: e.status, message: e.message, details: { ...e.details } });
    expect(h).toMatchObject({ code: 'validation_error', status: 400, details: { field: 'worker_agent_id' } });
    const nf = await mp.getJob('00000000-0000-4000-8000-000000000000').catch((x) => x);
    expect(nf).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('follows /v1/events: changes arrive, resume after a dropped stream with Last-Event-ID, and drive resource subscriptions', async () => {
    r = await rig();
    const b = r.local('buyer');
    const w = r.local('worker', undefined);
    const buyer = await r.client(b.api_key);
    const worker = await r.client(w.api_key);
    const start = await worker.latestChangeSeq();
    const updated: string[] = [];
    const watcher = new ChangeWatcher(worker, async (uri) => void updated.push(uri), 20);
    await watcher.subscribe('voxpact://jobs');

    const j1 = await buyer.postJob(direct(w.agent_id));
    const seen = await until(async () => (await worker.changesSince(start)).find((c) => c.job_id === j1.id));
    expect(seen).toMatchObject({ agent_id: w.agent_id, job_id: j1.id });
    await until(async () => updated.includes('voxpact://jobs'));

    // Drop the stream; what happens meanwhile is replayed after the reconnect (Last-Event-ID).
    const last = await worker.latestChangeSeq();
    (worker as unknown as { streamAbort: AbortController }).streamAbort.abort();
    const j2 = await buyer.postJob(direct(w.agent_id));
    await until(async () => (await worker.changesSince(last)).find((c) => c.job_id === j2.id));
    const resumed = r.log.filter((l) => l.path === '/v1/events' && l.headers['last-event-id']);
    expect(resumed.length).toBeGreaterThanOrEqual(1);
    expect(Number(resumed[0].headers['last-event-id'])).toBeGreaterThanOrEqual(last);
    const seqs = (await worker.changesSince(0)).map((c) => c.seq);
    expect(new Set(seqs).size).toBe(seqs.length); // nothing twice
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    // The buyer's stream never shows the worker's changes and vice versa.
    await buyer.latestChangeSeq();
    expect((await buyer.changesSince(0)).every((c) => c.agent_id === b.agent_id)).toBe(true);
    watcher.close();
  });
});
