import { writeTx } from './db.js';
import { log } from '../log.js';
export function schedule(ctx, kind, jobId, dueAt) {
    ctx.db.prepare('INSERT INTO timers (kind, job_id, due_at, created_at) VALUES (?, ?, ?, ?)').run(kind, jobId, dueAt, ctx.clock.now());
}
/** Fire every timer due now, oldest first. Returns how many fired, by kind. */
export function runDueTimers(ctx, handlers, max = 10_000) {
    const byKind = {};
    let fired = 0;
    const pick = ctx.db.prepare('SELECT id, kind, job_id, due_at FROM timers WHERE fired_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT 1');
    const mark = ctx.db.prepare('UPDATE timers SET fired_at = ?, outcome = ? WHERE id = ? AND fired_at IS NULL');
    while (fired < max) {
        const done = writeTx(ctx.db, () => {
            const now = ctx.clock.now();
            const t = pick.get(now);
            if (!t)
                return false;
            let outcome;
            try {
                // A savepoint: a failing handler undoes its own writes, the timer is still marked.
                outcome = ctx.db.transaction(() => handlers[t.kind](ctx, t.job_id, t.due_at))();
            }
            catch (e) {
                outcome = `error: ${e.message}`;
                log('error', 'timer failed', { timer: t.id, kind: t.kind, job_id: t.job_id, error: e.message });
            }
            mark.run(now, outcome, t.id);
            byKind[t.kind] = (byKind[t.kind] ?? 0) + 1;
            return true;
        });
        if (!done)
            break;
        fired++;
    }
    return { fired, by_kind: byKind };
}
export function nextDueAt(ctx) {
    const r = ctx.db.prepare('SELECT MIN(due_at) d FROM timers WHERE fired_at IS NULL').get();
    return r.d;
}
//# sourceMappingURL=timers.js.map