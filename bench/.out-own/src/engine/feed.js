/**
 * The live feed of one agent (GET /v1/events): the `changes` rows that concern it, each
 * enriched with what a client needs without another call — the notification and the event's
 * webhook envelope, or the job as it is now. `seq` is the SSE `id:`, so `Last-Event-ID` resumes.
 */
import { iso } from '../clock.js';
import { view, visibleJob } from './jobs.js';
import { notificationView } from './views.js';
/** Events sent per read; a client far behind catches up over several reads. */
export const FEED_BATCH_MAX = 200;
export function latestSeq(ctx) {
    return ctx.db.prepare('SELECT COALESCE(MAX(seq), 0) s FROM changes').get().s;
}
/** Changes of `agentId` after `afterSeq`, oldest first, at most `limit`. One read snapshot. */
export function feedSince(ctx, agentId, afterSeq, limit = FEED_BATCH_MAX) {
    return ctx.db.transaction(() => {
        const rows = ctx.db.prepare('SELECT seq, agent_id, job_id, type, created_at, ref, event_seq FROM changes WHERE agent_id = ? AND seq > ? ORDER BY seq LIMIT ?')
            .all(agentId, afterSeq, Math.min(limit, FEED_BATCH_MAX));
        return rows.map((c) => enrich(ctx, agentId, c));
    }).deferred();
}
function enrich(ctx, agentId, c) {
    const base = { seq: c.seq, type: c.type, event: `${c.type}.changed`, job_id: c.job_id, created_at: iso(c.created_at) };
    if (c.type === 'notification' && c.ref) {
        const n = ctx.db.prepare('SELECT id, type, title, message, job_id, read, created_at FROM notifications WHERE id = ? AND agent_id = ?').get(c.ref, agentId);
        const ev = c.event_seq == null ? undefined : ctx.db.prepare('SELECT event, payload FROM events WHERE seq = ? AND agent_id = ?').get(c.event_seq, agentId);
        return {
            ...base,
            event: ev?.event ?? (n ? n.type.replace('_', '.') : 'notification.created'),
            ...(n ? { notification: notificationView(n) } : {}),
            ...(ev ? { payload: JSON.parse(ev.payload) } : {}),
        };
    }
    if (c.type === 'job' && c.job_id) {
        try {
            const job = view(ctx, agentId, visibleJob(ctx, agentId, c.job_id));
            return { ...base, event: 'job.updated', job };
        }
        catch {
            return { ...base, event: 'job.updated' }; // no longer visible to this agent
        }
    }
    return base;
}
//# sourceMappingURL=feed.js.map