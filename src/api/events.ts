/**
 * GET /v1/events: Server-Sent Events of one agent's changes (src/engine/feed.ts). `id:` is the
 * change seq, so a reconnect with `Last-Event-ID` resumes exactly after the last event seen.
 * One hub per server polls the change table once per tick and wakes only the streams of agents
 * that changed — changes made by other processes on the same database arrive too. A comment
 * line every 15 s keeps proxies from closing idle streams. The credential is checked again
 * before every delivery and every heartbeat, and a revocation in this process (rotate-key,
 * recovery, owner logout: Identity.onRevoked) wakes every stream at once, so a revoked or expired
 * credential ends its stream before anything more is sent. Streams per agent and in total are bounded.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Engine } from '../engine/index.js';
import type { Principal } from '../engine/identity.js';
import { FEED_BATCH_MAX, feedSince, latestSeq } from '../engine/feed.js';
import { VoxError } from '../errors.js';
import { log } from '../log.js';
import { errorBody } from './http.js';

export type EventsOptions = {
  /** How often the hub looks for new changes. */
  pollMs?: number;
  /** Comment line interval (reference-style keep-alive). */
  heartbeatMs?: number;
  maxStreamsPerAgent?: number;
  maxStreams?: number;
};
export const EVENTS_DEFAULTS = { pollMs: 250, heartbeatMs: 15_000, maxStreamsPerAgent: 5, maxStreams: 1000 } as const;

type Sub = { agentId: string; wake: () => void };

export class EventsHub {
  readonly o: Required<EventsOptions>;
  private readonly subs = new Map<string, Set<Sub>>();
  private total = 0;
  private cursor = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(readonly engine: Engine, o: EventsOptions = {}) {
    this.o = { ...EVENTS_DEFAULTS, ...o };
    // Revocations are rare: wake every stream, each re-checks its own credential.
    this.unsubscribe = engine.identity.onRevoked(() => this.wakeAll());
  }

  private wakeAll() {
    for (const set of this.subs.values()) for (const s of set) s.wake();
  }

  /** Join; refused (429) past the bounds. Returns the leave function. */
  join(sub: Sub): () => void {
    if (this.closed) throw new VoxError('unavailable', 'the server is shutting down', 503);
    const mine = this.subs.get(sub.agentId) ?? new Set<Sub>();
    if (mine.size >= this.o.maxStreamsPerAgent) {
      throw new VoxError('too_many_streams', `at most ${this.o.maxStreamsPerAgent} event streams per agent at once: close one first`, 429, { retry_after_s: Math.ceil(this.o.heartbeatMs / 1000) });
    }
    if (this.total >= this.o.maxStreams) throw new VoxError('too_many_streams', 'this server has too many open event streams: retry later', 503, { retry_after_s: 30 });
    mine.add(sub);
    this.subs.set(sub.agentId, mine);
    this.total++;
    this.start();
    return () => {
      if (!mine.delete(sub)) return;
      this.total--;
      if (!mine.size) this.subs.delete(sub.agentId);
      if (!this.total) this.stop();
    };
  }

  count(agentId?: string) {
    return agentId ? (this.subs.get(agentId)?.size ?? 0) : this.total;
  }

  private start() {
    if (this.timer || this.closed) return;
    this.cursor = latestSeq(this.engine.ctx);
    this.timer = setInterval(() => this.tick(), this.o.pollMs);
    this.timer.unref();
  }

  private stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One look at the change table: wake the streams of every agent with something new. */
  tick() {
    try {
      const rows = this.engine.db.prepare('SELECT agent_id, MAX(seq) m FROM changes WHERE seq > ? GROUP BY agent_id').all(this.cursor) as { agent_id: string; m: number }[];
      for (const r of rows) {
        this.cursor = Math.max(this.cursor, r.m);
        for (const s of this.subs.get(r.agent_id) ?? []) s.wake();
      }
    } catch (e) {
      if (!this.closed) log('warn', 'events poll failed', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Wake every stream (shutdown: each notices and ends). */
  close() {
    this.closed = true;
    this.stop();
    this.unsubscribe();
    this.wakeAll();
  }

  get isClosed() {
    return this.closed;
  }
}

/**
 * Serve one stream. `recheck` re-authenticates the caller's credential (throws when it was
 * revoked), before every delivery; `principal.expiresAtMs` ends the stream when a JWT expires.
 */
export function streamEvents(c: Context, hub: EventsHub, principal: Principal, agentId: string, lastEventIdQuery: number | undefined, recheck: () => Promise<void>): Response {
  const header = c.req.header('Last-Event-ID');
  const fromHeader = header !== undefined && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined;
  const engine = hub.engine;
  let cursor = fromHeader ?? lastEventIdQuery ?? latestSeq(engine.ctx);

  let wake: () => void = () => {};
  let pending = false;
  const sub: Sub = { agentId, wake: () => ((pending = true), wake()) };
  const leave = hub.join(sub); // throws 429 before the stream starts

  return streamSSE(c, async (stream) => {
    let open = true;
    stream.onAbort(() => {
      open = false;
      wake();
    });
    const waitForWake = (ms: number) => new Promise<boolean>((resolve) => {
      if (pending || !open || hub.isClosed) return resolve(true);
      const t = setTimeout(() => resolve(false), ms);
      wake = () => (clearTimeout(t), resolve(true));
    });
    const fail = async (e: unknown) => {
      const { error } = errorBody(e);
      await stream.writeSSE({ event: 'error', data: JSON.stringify(error) });
    };
    try {
      await stream.write(`retry: 3000\n: connected to VoxPact events of ${agentId}\n\n`);
      while (open && !hub.isClosed) {
        pending = false;
        if (principal.expiresAtMs !== null && principal.expiresAtMs <= engine.clock.now()) {
          await fail(new VoxError('token_expired', 'the JWT of this stream has expired: reconnect with a fresh token and Last-Event-ID', 401));
          break;
        }
        await recheck(); // revoked since the last delivery: throws, the stream ends with the reason
        // Drain everything after the cursor (in batches), then sleep until woken or heartbeat.
        for (;;) {
          const batch = feedSince(engine.ctx, agentId, cursor);
          for (const ev of batch) {
            await stream.writeSSE({ id: String(ev.seq), event: ev.event, data: JSON.stringify(ev) });
            cursor = ev.seq;
          }
          if (batch.length < FEED_BATCH_MAX || !open) break;
        }
        const woken = await waitForWake(hub.o.heartbeatMs);
        if (!open || hub.isClosed) break;
        if (!woken) await stream.write(': heartbeat\n\n');
      }
    } catch (e) {
      if (open) await fail(e).catch(() => {});
    } finally {
      leave();
    }
  }, async (e, stream) => {
    leave();
    log('warn', 'event stream failed', { agent_id: agentId, error: e.message });
    await stream.writeSSE({ event: 'error', data: JSON.stringify(errorBody(e).error) }).catch(() => {});
  });
}
