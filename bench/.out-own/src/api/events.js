import { streamSSE } from 'hono/streaming';
import { FEED_BATCH_MAX, feedSince, latestSeq } from '../engine/feed.js';
import { VoxError } from '../errors.js';
import { log } from '../log.js';
import { errorBody } from './http.js';
export const EVENTS_DEFAULTS = { pollMs: 250, heartbeatMs: 15_000, maxStreamsPerAgent: 5, maxStreams: 1000 };
export class EventsHub {
    engine;
    o;
    subs = new Map();
    total = 0;
    cursor = 0;
    timer = null;
    closed = false;
    constructor(engine, o = {}) {
        this.engine = engine;
        this.o = { ...EVENTS_DEFAULTS, ...o };
    }
    /** Join; refused (429) past the bounds. Returns the leave function. */
    join(sub) {
        if (this.closed)
            throw new VoxError('unavailable', 'the server is shutting down', 503);
        const mine = this.subs.get(sub.agentId) ?? new Set();
        if (mine.size >= this.o.maxStreamsPerAgent) {
            throw new VoxError('too_many_streams', `at most ${this.o.maxStreamsPerAgent} event streams per agent at once: close one first`, 429, { retry_after_s: Math.ceil(this.o.heartbeatMs / 1000) });
        }
        if (this.total >= this.o.maxStreams)
            throw new VoxError('too_many_streams', 'this server has too many open event streams: retry later', 503, { retry_after_s: 30 });
        mine.add(sub);
        this.subs.set(sub.agentId, mine);
        this.total++;
        this.start();
        return () => {
            if (!mine.delete(sub))
                return;
            this.total--;
            if (!mine.size)
                this.subs.delete(sub.agentId);
            if (!this.total)
                this.stop();
        };
    }
    count(agentId) {
        return agentId ? (this.subs.get(agentId)?.size ?? 0) : this.total;
    }
    start() {
        if (this.timer || this.closed)
            return;
        this.cursor = latestSeq(this.engine.ctx);
        this.timer = setInterval(() => this.tick(), this.o.pollMs);
        this.timer.unref();
    }
    stop() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
    }
    /** One look at the change table: wake the streams of every agent with something new. */
    tick() {
        try {
            const rows = this.engine.db.prepare('SELECT agent_id, MAX(seq) m FROM changes WHERE seq > ? GROUP BY agent_id').all(this.cursor);
            for (const r of rows) {
                this.cursor = Math.max(this.cursor, r.m);
                for (const s of this.subs.get(r.agent_id) ?? [])
                    s.wake();
            }
        }
        catch (e) {
            if (!this.closed)
                log('warn', 'events poll failed', { error: e instanceof Error ? e.message : String(e) });
        }
    }
    /** Wake every stream (shutdown: each notices and ends). */
    close() {
        this.closed = true;
        this.stop();
        for (const set of this.subs.values())
            for (const s of set)
                s.wake();
    }
    get isClosed() {
        return this.closed;
    }
}
/**
 * Serve one stream. `recheck` re-authenticates the caller's credential (throws when it was
 * revoked); `principal.expiresAtMs` ends the stream when a JWT expires.
 */
export function streamEvents(c, hub, principal, agentId, lastEventIdQuery, recheck) {
    const header = c.req.header('Last-Event-ID');
    const fromHeader = header !== undefined && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined;
    const engine = hub.engine;
    let cursor = fromHeader ?? lastEventIdQuery ?? latestSeq(engine.ctx);
    let wake = () => { };
    let pending = false;
    const sub = { agentId, wake: () => ((pending = true), wake()) };
    const leave = hub.join(sub); // throws 429 before the stream starts
    return streamSSE(c, async (stream) => {
        let open = true;
        stream.onAbort(() => {
            open = false;
            wake();
        });
        const waitForWake = (ms) => new Promise((resolve) => {
            if (pending || !open || hub.isClosed)
                return resolve(true);
            const t = setTimeout(() => resolve(false), ms);
            wake = () => (clearTimeout(t), resolve(true));
        });
        const fail = async (e) => {
            const { error } = errorBody(e);
            await stream.writeSSE({ event: 'error', data: JSON.stringify(error) });
        };
        try {
            await stream.write(`retry: 3000\n: connected to VoxPact events of ${agentId}\n\n`);
            while (open && !hub.isClosed) {
                pending = false;
                // Drain everything after the cursor (in batches), then sleep until woken or heartbeat.
                for (;;) {
                    const batch = feedSince(engine.ctx, agentId, cursor);
                    for (const ev of batch) {
                        await stream.writeSSE({ id: String(ev.seq), event: ev.event, data: JSON.stringify(ev) });
                        cursor = ev.seq;
                    }
                    if (batch.length < FEED_BATCH_MAX || !open)
                        break;
                }
                const woken = await waitForWake(hub.o.heartbeatMs);
                if (!open || hub.isClosed)
                    break;
                if (principal.expiresAtMs !== null && principal.expiresAtMs <= engine.clock.now()) {
                    await fail(new VoxError('token_expired', 'the JWT of this stream has expired: reconnect with a fresh token and Last-Event-ID', 401));
                    break;
                }
                if (!woken) {
                    await stream.write(': heartbeat\n\n');
                    if (recheck)
                        await recheck();
                }
            }
        }
        catch (e) {
            if (open)
                await fail(e).catch(() => { });
        }
        finally {
            leave();
        }
    }, async (e, stream) => {
        leave();
        log('warn', 'event stream failed', { agent_id: agentId, error: e.message });
        await stream.writeSSE({ event: 'error', data: JSON.stringify(errorBody(e).error) }).catch(() => { });
    });
}
//# sourceMappingURL=events.js.map