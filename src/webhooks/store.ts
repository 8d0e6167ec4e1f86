/**
 * The delivery outbox in the database: claim due deliveries atomically, record each attempt, answer
 * the delivery log. Claiming runs in a BEGIN IMMEDIATE transaction that marks the rows
 * 'sending' with a claim id and a lease, so two workers (two processes on one database) never
 * send one delivery twice; a worker that dies mid-send leaves a lease that expires and the
 * delivery is taken over (at-least-once: receivers dedupe on webhook-id).
 */
import { iso } from '../clock.js';
import { type Ctx, emit } from '../engine/context.js';
import { writeTx } from '../engine/db.js';
import type { PostOutcome } from './http.js';
import { ensureWebhookSecret } from './secret.js';

/** The reference: "Failed deliveries are retried with exponential backoff (5m → 30m → 2h)". */
export const RETRY_DELAYS_MS = [5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A receiver's Retry-After is honoured up to this much (ours). */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;
/** How long a claimed delivery stays ours: above the time limit of every redirect hop. */
export const LEASE_MS = 2 * 60_000;
/** Finished deliveries and their log are kept this long (ours). */
export const LOG_RETENTION_MS = 30 * 86_400_000;

export type Claimed = {
  id: number; event_seq: number; agent_id: string; event: string; job_id: string | null;
  attempt: number; url: string; secret: string; body: string;
};

type Row = { id: number; event_seq: number; agent_id: string; event: string; job_id: string | null; attempts: number;
  webhook_url: string | null; webhook_disabled_at: number | null; agent_status: string | null; payload: string | null };

/** Take up to `max` due deliveries for this worker. */
export function claimDue(ctx: Ctx, claimId: string, max: number): Claimed[] {
  // A plain read first: an idle worker (every few seconds, in every process) takes no write lock.
  const due = ctx.db.prepare("SELECT 1 FROM webhook_deliveries WHERE status IN ('pending','sending') AND next_attempt_at <= ? LIMIT 1").get(ctx.clock.now());
  if (!due) return [];
  return writeTx(ctx.db, () => {
    const now = ctx.clock.now();
    const rows = ctx.db.prepare(`SELECT d.id, d.event_seq, d.agent_id, d.event, d.job_id, d.attempts, a.webhook_url, a.webhook_disabled_at,
        a.status agent_status, e.payload
      FROM webhook_deliveries d LEFT JOIN agents a ON a.id = d.agent_id LEFT JOIN events e ON e.seq = d.event_seq
      WHERE d.status IN ('pending','sending') AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.id LIMIT ?`).all(now, max) as Row[];
    const claim = ctx.db.prepare(`UPDATE webhook_deliveries SET status = 'sending', claim_id = ?, attempts = attempts + 1, next_attempt_at = ?, updated_at = ? WHERE id = ?`);
    const skip = ctx.db.prepare(`UPDATE webhook_deliveries SET status = 'skipped', last_error = ?, next_attempt_at = NULL, claim_id = NULL, updated_at = ? WHERE id = ?`);
    const out: Claimed[] = [];
    for (const r of rows) {
      const why = r.payload == null ? 'event no longer stored'
        : r.agent_status !== 'active' ? 'agent is not active'
        : !r.webhook_url ? 'agent has no webhook_url'
        : r.webhook_disabled_at != null ? 'endpoint disabled (HTTP 410)' : null;
      if (why) {
        skip.run(why, now, r.id);
        continue;
      }
      claim.run(claimId, now + LEASE_MS, now, r.id);
      out.push({ id: r.id, event_seq: r.event_seq, agent_id: r.agent_id, event: r.event, job_id: r.job_id, attempt: r.attempts + 1,
        url: r.webhook_url!, secret: ensureWebhookSecret(ctx, r.agent_id), body: r.payload! });
    }
    return out;
  });
}

export type AttemptOutcome = 'delivered' | 'retrying' | 'failed' | 'disabled';

/** When to try again after a failed attempt `attempt` (1-based), or null when it was the last. */
export function nextRetryAt(nowMs: number, attempt: number, retryAfterS: number | null): number | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  const backoff = RETRY_DELAYS_MS[attempt - 1];
  const asked = retryAfterS == null ? 0 : Math.min(retryAfterS * 1000, MAX_RETRY_AFTER_MS);
  return nowMs + Math.max(backoff, asked);
}

/**
 * Record what one attempt did. 2xx → delivered; 410 → the agent's endpoint is disabled (URL
 * kept, webhook_disabled_at set, the agent notified) and its queue stops; anything else →
 * retried on the schedule (never sooner than a Retry-After asks), failed after the last try.
 * Returns null when the lease was lost meanwhile (another worker owns the delivery now).
 */
export function recordAttempt(ctx: Ctx, c: Claimed, claimId: string, r: PostOutcome): AttemptOutcome | null {
  return writeTx(ctx.db, () => {
    const now = ctx.clock.now();
    const mine = ctx.db.prepare("SELECT 1 FROM webhook_deliveries WHERE id = ? AND claim_id = ? AND status = 'sending'").get(c.id, claimId);
    if (!mine) return null;
    let outcome: AttemptOutcome;
    let next: number | null = null;
    if (r.ok) outcome = 'delivered';
    else if (r.status === 410) outcome = 'disabled';
    else {
      next = nextRetryAt(now, c.attempt, r.retry_after_s);
      outcome = next == null ? 'failed' : 'retrying';
    }
    const status = outcome === 'delivered' ? 'delivered' : outcome === 'retrying' ? 'pending' : 'failed';
    ctx.db.prepare(`UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, claim_id = NULL, last_http_status = ?, last_error = ?, updated_at = ? WHERE id = ?`)
      .run(status, next, r.status, r.error, now, c.id);
    ctx.db.prepare(`INSERT INTO webhook_attempts (delivery_id, agent_id, event_seq, event, job_id, url, attempt, outcome, http_status, error, next_retry_at, duration_ms, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(c.id, c.agent_id, c.event_seq, c.event, c.job_id, r.url, c.attempt, outcome, r.status, r.error, next, r.duration_ms, now);
    if (outcome === 'disabled') disableEndpoint(ctx, c.agent_id, r.url);
    return outcome;
  });
}

function disableEndpoint(ctx: Ctx, agentId: string, url: string) {
  const now = ctx.clock.now();
  const changed = ctx.db.prepare('UPDATE agents SET webhook_disabled_at = ? WHERE id = ? AND webhook_disabled_at IS NULL').run(now, agentId).changes;
  ctx.db.prepare(`UPDATE webhook_deliveries SET status = 'skipped', last_error = 'endpoint disabled (HTTP 410)', next_attempt_at = NULL, updated_at = ?
    WHERE agent_id = ? AND status = 'pending'`).run(now, agentId);
  if (!changed) return;
  emit(ctx, agentId, 'webhook.disabled', null, { agent_id: agentId, webhook_url: url, reason: 'HTTP 410 Gone' },
    `Your webhook endpoint ${url} answered 410 Gone, so webhook deliveries are stopped. Set webhook_url again (update_my_agent / PATCH /v1/agents/me) to re-enable them.`);
}

export type WebhookLogEntry = {
  id: string; event_id: string; event: string; job_id: string | null; url: string | null;
  status: AttemptOutcome; http_status: number | null; attempt: number; retry_count: number;
  next_retry_at: string | null; error: string | null; duration_ms: number | null; created_at: string;
};

/** The agent's delivery attempts, newest first, with the endpoint's state. */
export function webhookLog(ctx: Ctx, agentId: string, limit: number, offset: number) {
  const rows = ctx.db.prepare('SELECT * FROM webhook_attempts WHERE agent_id = ? ORDER BY id DESC LIMIT ? OFFSET ?').all(agentId, limit, offset) as any[];
  const total = (ctx.db.prepare('SELECT COUNT(*) n FROM webhook_attempts WHERE agent_id = ?').get(agentId) as { n: number }).n;
  const agent = ctx.db.prepare('SELECT webhook_url, webhook_disabled_at FROM agents WHERE id = ?').get(agentId) as { webhook_url: string | null; webhook_disabled_at: number | null };
  const pending = (ctx.db.prepare("SELECT COUNT(*) n FROM webhook_deliveries WHERE agent_id = ? AND status IN ('pending','sending')").get(agentId) as { n: number }).n;
  const items: WebhookLogEntry[] = rows.map((r) => ({
    id: String(r.id), event_id: `evt_${r.event_seq}`, event: r.event, job_id: r.job_id, url: r.url,
    status: r.outcome, http_status: r.http_status, attempt: r.attempt, retry_count: r.attempt - 1,
    next_retry_at: r.next_retry_at == null ? null : iso(r.next_retry_at), error: r.error, duration_ms: r.duration_ms, created_at: iso(r.created_at),
  }));
  return {
    items, count: items.length, total,
    webhook_url: agent.webhook_url, webhook_disabled_at: agent.webhook_disabled_at == null ? null : iso(agent.webhook_disabled_at),
    pending_deliveries: pending,
  };
}

/**
 * The owner's "Retry now": the agent's waiting deliveries are due at once, and those that gave
 * up ('failed') get one more attempt. Deliveries to a disabled endpoint stay skipped.
 */
export function retryWebhooksNow(ctx: Ctx, agentId: string): number {
  const now = ctx.clock.now();
  return ctx.db.prepare(`UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?, updated_at = ?
    WHERE agent_id = ? AND status IN ('pending','failed')`).run(now, now, agentId).changes;
}

/** Rows deleted per table per prune (the next prune continues). */
const PRUNE_BATCH = 5000;

/**
 * Forget finished deliveries, their attempts and the events behind them after
 * LOG_RETENTION_MS. Ids grow with time, so each table is pruned from its oldest rows and a
 * table with nothing old costs one indexed look at its first row.
 */
export function pruneWebhooks(ctx: Ctx) {
  const cutoff = ctx.clock.now() - LOG_RETENTION_MS;
  const oldest = (sql: string) => (ctx.db.prepare(sql).get() as { t: number } | undefined)?.t;
  writeTx(ctx.db, () => {
    const d = oldest('SELECT updated_at t FROM webhook_deliveries ORDER BY id LIMIT 1');
    if (d !== undefined && d < cutoff) {
      const ids = `SELECT id FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries ORDER BY id LIMIT ${PRUNE_BATCH})
        AND status IN ('delivered','failed','skipped') AND updated_at < @cutoff`;
      ctx.db.prepare(`DELETE FROM webhook_attempts WHERE delivery_id IN (${ids})`).run({ cutoff });
      ctx.db.prepare(`DELETE FROM webhook_deliveries WHERE id IN (${ids})`).run({ cutoff });
    }
    // The outbox itself: old events with nothing left to send (the live feed needs 7 days).
    const e = oldest('SELECT created_at t FROM events ORDER BY seq LIMIT 1');
    if (e !== undefined && e < cutoff) {
      ctx.db.prepare(`DELETE FROM events WHERE seq IN (SELECT seq FROM events ORDER BY seq LIMIT ${PRUNE_BATCH}) AND created_at < @cutoff
        AND seq NOT IN (SELECT event_seq FROM webhook_deliveries WHERE status IN ('pending','sending'))`).run({ cutoff });
    }
  });
}
