/**
 * MCP 2026-07-28 over HTTP: stateless requests. Each request carries its own credential and
 * protocol envelope and is answered by a fresh McpServer (src/server.ts) from the SDK's
 * `createMcpHandler`, so any server process on the same database can answer any request: a
 * confirmation's `requestState` is signed with the database's key and spent in the database, and
 * `subscriptions/listen` streams hear the database's change feed, whichever process made the change.
 *
 * One handler per credential (its agent's Marketplace, and its own event bus): a listen stream hears
 * only its own agent's resources and the open-jobs board. Handlers nobody used for `idleMs` and
 * with no open listen stream are dropped.
 */
import { createHash } from 'node:crypto';
import { InMemoryServerEventBus, createMcpHandler, type McpHttpHandler, type ServerEvent, type ServerEventBus } from '@modelcontextprotocol/server';
import type { Config } from '../config.js';
import { log } from '../log.js';
import type { Marketplace } from '../marketplace.js';
import { createMcpServer } from '../server.js';
import { ChangeWatcher } from '../../resources/subscriptions.js';
import type { ConfirmationStore } from '../confirm.js';

type Entry = { credential: string; agentId: string; mp: Marketplace; close?(): Promise<void>; handler: McpHttpHandler; listeners: number; lastSeenMs: number };

export type StatelessOptions = {
  toolsets?: string[]; readOnly?: boolean; idleMs: number; maxBodyBytes: number; confirmations: ConfirmationStore;
  agentOfKey?: (apiKey: string, ip?: string) => Promise<Marketplace>;
};

/**
 * The change events of one agent, for its listen streams: the agent's change feed is polled only
 * while at least one stream listens, and every resource a change touched is published (the SDK
 * keeps, per stream, the URIs that stream asked for).
 */
function agentBus(mp: Marketplace, entry: () => Entry | undefined): ServerEventBus {
  const inner = new InMemoryServerEventBus((e) => log('warn', 'listen stream delivery failed', { error: e.message }));
  let watcher: ChangeWatcher | null = null;
  return {
    publish: (event: ServerEvent) => inner.publish(event),
    subscribe(listener) {
      const unsubscribe = inner.subscribe(listener);
      const e = entry();
      if (e) e.listeners++;
      if (!watcher) {
        watcher = new ChangeWatcher(mp, (uri) => inner.publish({ kind: 'resource_updated', uri }), true);
        void watcher.watchAll().catch((err) => log('warn', 'resource watcher failed to start', { error: err instanceof Error ? err.message : String(err) }));
      }
      let live = true;
      return () => {
        if (!live) return;
        live = false;
        unsubscribe();
        const e2 = entry();
        if (e2) e2.listeners--;
        if (inner.listenerCount === 0) {
          watcher?.close();
          watcher = null;
        }
      };
    },
  };
}

export class StatelessMcp {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly config: Config, private readonly o: StatelessOptions, private readonly now: () => number) {}

  /** The handler for this credential's agent, opening it with `open` the first time. */
  async handlerFor(credential: string, open: () => Promise<{ agentId: string; mp: Marketplace; close?(): Promise<void> }>): Promise<Entry> {
    const key = createHash('sha256').update(credential).digest('base64url');
    let entry = this.entries.get(key);
    if (!entry) {
      const opened = await open();
      const existing = this.entries.get(key); // another request opened it meanwhile
      if (existing) {
        await opened.close?.();
        entry = existing;
      } else {
        const { mp } = opened;
        const bus = agentBus(mp, () => this.entries.get(key));
        const handler = createMcpHandler(
          () => createMcpServer({
            mp, config: this.config, confirmations: this.o.confirmations, toolsets: this.o.toolsets, readOnly: this.o.readOnly, era: 'modern', changes: 'none',
            anonymous: opened.agentId === '', agentOfKey: this.o.agentOfKey,
          }),
          { legacy: 'reject', bus, maxRequestBodySize: this.o.maxBodyBytes, onerror: (e) => log('debug', 'mcp request refused', { error: e.message }) },
        );
        entry = { ...opened, credential, handler, listeners: 0, lastSeenMs: this.now() };
        this.entries.set(key, entry);
      }
    }
    entry.lastSeenMs = this.now();
    return entry;
  }

  get size() {
    return this.entries.size;
  }

  /** Drop handlers idle for longer than idleMs with no open listen stream. */
  async sweep(): Promise<number> {
    const now = this.now();
    let n = 0;
    for (const [key, e] of this.entries) {
      if (e.listeners > 0 || now - e.lastSeenMs <= this.o.idleMs) continue;
      this.entries.delete(key);
      await this.drop(e);
      n++;
    }
    return n;
  }

  /** End at once the handlers, and their listen streams, whose credential `still` no longer accepts (a rotated key, an ended owner session). */
  async endRevoked(still: (credential: string, agentId: string) => Promise<boolean>): Promise<void> {
    for (const [key, e] of [...this.entries]) {
      if (await still(e.credential, e.agentId)) continue;
      this.entries.delete(key);
      await this.drop(e);
    }
  }

  private async drop(e: Entry) {
    await e.handler.close().catch(() => {});
    await e.close?.().catch(() => {});
  }

  async close() {
    for (const e of this.entries.values()) await this.drop(e);
    this.entries.clear();
  }
}
