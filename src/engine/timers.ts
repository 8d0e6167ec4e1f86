/**
 * Durable timers in the database. Each due timer fires in its own write transaction that marks
 * it fired, so two processes (or two servers' loops, or two `timers run`) never fire one twice,
 * and a crash mid-fire leaves it unfired. Handlers re-check the job: a timer whose moment has
 * passed does nothing.
 */
import type { Ctx } from './context.js';
import { writeTx } from './db.js';
import { log } from '../log.js';

export type TimerKind = 'bid_window' | 'accept_grace' | 'deadline' | 'auto_release' | 'payment_expiry'
  | 'dispute_finalize' | 'dispute_sla'; // disputes: a Tier 1 ruling's review window closes; human review SLA
export type Handler = (ctx: Ctx, jobId: string, dueAt: number) => string;

export function schedule(ctx: Ctx, kind: TimerKind, jobId: string, dueAt: number) {
  ctx.db.prepare('INSERT INTO timers (kind, job_id, due_at, created_at) VALUES (?, ?, ?, ?)').run(kind, jobId, dueAt, ctx.clock.now());
}

/** Fire every timer due now, oldest first. Returns how many fired, by kind. */
export function runDueTimers(ctx: Ctx, handlers: Record<TimerKind, Handler>, max = 10_000) {
  const byKind: Record<string, number> = {};
  let fired = 0;
  // On PostgreSQL the pick also locks its row, skipping rows another server is firing: the claim
  // is one-winner by itself. (Write transactions also share one lock today, see pg.ts, so
  // nothing is skipped in practice; the row lock keeps timers exact if that ever changes.)
  const pick = ctx.db.prepare('SELECT id, kind, job_id, due_at FROM timers WHERE fired_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT 1'
    + (ctx.db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''));
  const mark = ctx.db.prepare('UPDATE timers SET fired_at = ?, outcome = ? WHERE id = ? AND fired_at IS NULL');
  while (fired < max) {
    const done = writeTx(ctx.db, () => {
      const now = ctx.clock.now();
      const t = pick.get(now) as { id: number; kind: TimerKind; job_id: string; due_at: number } | undefined;
      if (!t) return false;
      let outcome: string;
      try {
        // A savepoint: a failing handler undoes its own writes, the timer is still marked.
        outcome = ctx.db.transaction(() => handlers[t.kind](ctx, t.job_id, t.due_at))();
      } catch (e) {
        outcome = `error: ${(e as Error).message}`;
        log('error', 'timer failed', { timer: t.id, kind: t.kind, job_id: t.job_id, error: (e as Error).message });
      }
      mark.run(now, outcome, t.id);
      byKind[t.kind] = (byKind[t.kind] ?? 0) + 1;
      return true;
    });
    if (!done) break;
    fired++;
  }
  return { fired, by_kind: byKind };
}

export function nextDueAt(ctx: Ctx): number | null {
  const r = ctx.db.prepare('SELECT MIN(due_at) d FROM timers WHERE fired_at IS NULL').get() as { d: number | null };
  return r.d;
}
