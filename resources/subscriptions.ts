import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';
import type { McpServer } from '@modelcontextprotocol/server';
import type { ChangeEvent, Marketplace } from '../src/marketplace.js';
import { log } from '../src/log.js';
import { RESOURCE_URIS, isResourceUri } from './index.js';

export const POLL_INTERVAL_MS = 250;
/** Bound on subscriptions per session. */
const MAX_SUBSCRIPTIONS = 1000;

/** The resources a change may have changed, for the agent `self`. */
export function urisForChange(c: ChangeEvent, self: string): string[] {
  if (c.type === 'open_jobs') return [RESOURCE_URIS.openJobs]; // the board's own feed (engine/context.ts OPEN_JOBS_FEED)
  const uris: string[] = [RESOURCE_URIS.dashboard];
  if (c.job_id) uris.push(RESOURCE_URIS.job(c.job_id), RESOURCE_URIS.jobs);
  if (c.type.startsWith('notification')) uris.push(RESOURCE_URIS.notifications);
  if (c.type === 'agent' || c.type.startsWith('notification')) uris.push(RESOURCE_URIS.agent(self)); // trust changes come as notifications
  if (c.job_id && c.type === 'message') uris.push(RESOURCE_URIS.messages(c.job_id));
  if (c.job_id && c.type === 'validation') uris.push(RESOURCE_URIS.validation(c.job_id));
  return uris;
}

/**
 * Polls the agent's change feed (cross-process: it is in the database) and sends
 * `notifications/resources/updated` for the resources a change touched: the subscribed ones
 * (2025 resources/subscribe), or with `everything` all of them, for a sender that filters by what
 * the client listens to (the SDK's subscriptions/listen routers, 2026-07-28).
 */
export class ChangeWatcher {
  private readonly subscribed = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private seq: number | null = null;
  private busy = false;
  private closed = false;

  constructor(private readonly mp: Marketplace, private readonly send: (uri: string) => Promise<void> | void, private readonly everything = false, private readonly intervalMs = POLL_INTERVAL_MS) {}

  /** Follow every change from now on (the `everything` mode). */
  async watchAll(): Promise<void> {
    if (this.seq === null) this.seq = await this.mp.latestChangeSeq();
    this.start();
  }

  async subscribe(uri: string): Promise<void> {
    if (!isResourceUri(uri)) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `unknown resource '${uri}': subscribe to voxpact://dashboard, voxpact://jobs, voxpact://jobs/{job_id}, voxpact://notifications, voxpact://agents/{agent_id} or voxpact://open-jobs`);
    if (!this.subscribed.has(uri) && this.subscribed.size >= MAX_SUBSCRIPTIONS) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `at most ${MAX_SUBSCRIPTIONS} subscriptions per session`);
    if (this.seq === null) this.seq = await this.mp.latestChangeSeq();
    this.subscribed.add(uri);
    this.start();
  }

  unsubscribe(uri: string): void {
    this.subscribed.delete(uri);
  }

  private start() {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  /** One round: read the feed after `seq`, notify each subscribed URI a change touched, once. */
  async poll(): Promise<void> {
    if (this.busy || this.closed || this.seq === null || (!this.everything && this.subscribed.size === 0)) return;
    this.busy = true;
    try {
      const changes = await this.mp.changesSince(this.seq);
      if (changes.length === 0) return;
      this.seq = changes[changes.length - 1].seq;
      const due = new Set<string>();
      for (const c of changes) for (const u of urisForChange(c, this.mp.agentId)) if (this.everything || this.subscribed.has(u)) due.add(u);
      for (const u of due) await this.send(u);
    } catch (e) {
      if (!this.closed) log('warn', 'resource watcher poll failed', { error: e instanceof Error ? e.message : String(e) });
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.subscribed.clear();
  }
}

/**
 * Install subscribe/unsubscribe on `server`; returns the watcher (close it with the server). With
 * `everything`, every change of the agent's resources is sent, for serveStdio to route onto the
 * client's subscriptions/listen streams (2026-07-28 has no resources/subscribe).
 */
export function registerSubscriptions(server: McpServer, mp: Marketplace, everything = false): ChangeWatcher {
  const watcher = new ChangeWatcher(mp, (uri) => server.server.sendResourceUpdated({ uri }), everything);
  if (everything) void watcher.watchAll().catch((e) => log('warn', 'resource watcher failed to start', { error: e instanceof Error ? e.message : String(e) }));
  server.server.setRequestHandler('resources/subscribe', async (req) => {
    await watcher.subscribe(req.params.uri);
    return {};
  });
  server.server.setRequestHandler('resources/unsubscribe', async (req) => {
    watcher.unsubscribe(req.params.uri);
    return {};
  });
  return watcher;
}
