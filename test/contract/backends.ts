/**
 * The two backends of the contract suite. Both run one embedded engine on a fresh temporary
 * database with a ManualClock at the same start time:
 *  - embedded: each agent's Marketplace is `engine.as(id)`, in process;
 *  - hosted: the engine is served by the real HTTP server (createApp + @hono/node-server on
 *    127.0.0.1, port 0) and each agent's Marketplace is a HostedMarketplace holding its API key.
 * Every scenario opens its own world, so rate-limit windows and ids never leak between them.
 */
import { freshDatabase } from '../helpers/store.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine/index.js';
import type { Marketplace } from '../../src/marketplace.js';
import { HostedMarketplace, type HostedOptions } from '../../src/hosted/client.js';

export const T0 = Date.parse('2026-03-02T09:00:00Z');
export type BackendName = 'embedded' | 'hosted';
export type Party = { id: string; name: string; key: string; mp: Marketplace };

export type World = {
  backend: BackendName;
  engine: Engine;
  clock: ManualClock;
  url: string | null;
  agent(name: string, o?: { card?: string | null; capabilities?: string[] }): Promise<Party>;
  close(): Promise<void>;
};

/** The HTTP server module, when the REST helper's app exists (the hosted half needs it). */
export async function loadServer(): Promise<typeof import('../../src/api/serve.js') | null> {
  try {
    return await import('../../src/api/serve.js');
  } catch {
    return null;
  }
}

export async function openWorld(backend: BackendName, o: { hosted?: Partial<Omit<HostedOptions, 'apiUrl' | 'apiKey'>> } = {}): Promise<World> {
  const dir = mkdtempSync(join(process.env.VOXPACT_TEST_TMP ?? tmpdir(), `voxpact-contract-${backend}-`));
  const clock = new ManualClock(T0);
  const engine = Engine.open({ dbPath: freshDatabase(dir), clock });
  const config = { ...loadConfig({ VOXPACT_DATA_DIR: dir }), dataDir: dir };
  let server: { url: string; close(): Promise<void> } | null = null;
  if (backend === 'hosted') {
    const mod = await loadServer();
    if (!mod) throw new Error('src/api/serve.ts is missing: the hosted backend needs the REST server');
    server = await mod.serveHttp({ config, engine, host: '127.0.0.1', port: 0, timers: false });
  }
  const clients: HostedMarketplace[] = [];
  return {
    backend, engine, clock, url: server?.url ?? null,
    async agent(name, opt = {}) {
      const card = opt.card === null ? undefined : opt.card ?? 'pm_card_visa';
      const { agent_id, api_key } = engine.createLocalAgent({ name, owner_email: `${name}@example.test`, capabilities: opt.capabilities ?? ['translation', 'summarization'], card });
      if (backend === 'embedded') return { id: agent_id, name, key: api_key, mp: engine.as(agent_id) };
      const mp = await HostedMarketplace.connect({ apiUrl: server!.url, apiKey: api_key, nowMs: () => clock.now(), ...(o.hosted ?? {}) });
      clients.push(mp);
      return { id: agent_id, name, key: api_key, mp };
    },
    async close() {
      for (const c of clients) await c.close();
      if (server) await server.close();
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
