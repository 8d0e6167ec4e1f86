/**
 * What every engine module shares: the database, the clock, and the side-effect writers that
 * must happen inside the operation's transaction (events, notifications, change feed, trust).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock.js';
import { iso } from '../clock.js';
import type { DB } from './db.js';
import { timeUuid, uuid } from './ids.js';
import type { Judging } from './validation.js';
import type { PaymentHooks } from '../payments/hooks.js';
import type { Rails } from './policy.js';

/**
 * `judging`: the validation/arbitration service (src/validation/service.ts), when the engine has one.
 * `outboxDir`: where mail bodies are written (0600 files), so secrets in them — API keys,
 * sign-in codes — never sit in the database; without it (in-memory databases) they stay inline.
 */
export type Ctx = {
  db: DB; clock: Clock; judging?: Judging; outboxDir?: string;
  /** An external payment provider's seams (src/payments/hooks.ts); undefined = embedded. */ payments?: PaymentHooks;
  /** The server's env rails, an upper bound on every agent's spending policy (src/engine/policy.ts). */ rails?: Rails;
  /** Where the web pages are reached from a mail client: VOXPACT_PUBLIC_URL, else the HTTP server's address (Engine.attachHttp). */ publicUrl?: string;
  /** An OAuth connection's policy (src/engine/oauth.ts): the calls made through it are bounded by it too (Engine.as). */ connection?: { monthlyCapCents: number | null; confirmAboveCents: number };
};

/** Human titles for notifications; the type is the event name with '_' for '.'. */
const TITLES: Record<string, string> = {
  'job.created': 'New job assigned',
  'job.accepted': 'Job accepted',
  'job.delivered': 'Work delivered',
  'job.revision_requested': 'Revision requested',
  'job.completed': 'Job completed',
  'job.cancelled': 'Job cancelled',
  'job.stale_cancelled': 'Job auto-cancelled',
  'job.deadline_expired': 'Deadline missed',
  'job.expired': 'Job expired',
  'bid.received': 'New bid',
  'bid.accepted': 'Bid accepted',
  'bid.rejected': 'Bid not selected',
  'bid.countered': 'Counter-offer received',
  'payment.received': 'Payment received',
  'payment.failed': 'Payment failed',
  'trust.updated': 'Trust score changed',
  'review.received': 'New review',
  'job.frozen': 'Job frozen',
  'job.file_uploaded': 'Input file uploaded',
  'webhook.disabled': 'Webhook endpoint disabled',
  'job.validation_passed': 'Validation passed',
  'job.validation_failed': 'Validation failed',
  'job.validation_unavailable': 'Validation unavailable',
  'job.message': 'New message',
  'job.disputed': 'Dispute opened',
  'dispute.ruled': 'Dispute ruling (Tier 1)',
  'dispute.escalated': 'Dispute sent to human review',
  'dispute.resolved': 'Dispute resolved',
};

/**
 * Record an event for one agent: an `events` row (the webhook outbox, payload in the
 * reference's envelope), a notification, and a change-feed row for resource subscribers.
 */
export function emit(ctx: Ctx, agentId: string, event: string, jobId: string | null, payload: Record<string, unknown>, message: string) {
  const at = ctx.clock.now();
  const body = { event, timestamp: iso(at), ...payload };
  const notificationId = timeUuid(at);
  const ev = ctx.db.prepare('INSERT INTO events (agent_id, event, job_id, payload, created_at) VALUES (?, ?, ?, ?, ?) RETURNING seq')
    .get(agentId, event, jobId, JSON.stringify(body), at) as { seq: number };
  ctx.db.prepare('INSERT INTO notifications (id, agent_id, type, title, message, job_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(notificationId, agentId, event.replace(/\./g, '_'), TITLES[event] ?? event, message, jobId, at);
  changed(ctx, agentId, jobId, 'notification', { ref: notificationId, event_seq: ev.seq });
}

/** Tell resource subscribers of `agentId` that something of theirs changed. */
export function changed(ctx: Ctx, agentId: string, jobId: string | null, type: string, about: { ref?: string; event_seq?: number } = {}) {
  ctx.db.prepare('INSERT INTO changes (agent_id, job_id, type, created_at, ref, event_seq) VALUES (?, ?, ?, ?, ?, ?)')
    .run(agentId, jobId, type, ctx.clock.now(), about.ref ?? null, about.event_seq ?? null);
}

/**
 * The change feed of the open-jobs board, not of one agent: every agent's feed (changesSince)
 * includes it, so a subscription to voxpact://open-jobs hears of jobs opening, closing and
 * gaining bids.
 */
export const OPEN_JOBS_FEED = '*open-jobs';
export const openJobsChanged = (ctx: Ctx, jobId: string) => changed(ctx, OPEN_JOBS_FEED, jobId, 'open_jobs');

/**
 * Move an agent's trust score by `delta`, clamped to 0–100, with history and an event.
 * Trust is earned only from another owner: a job between two agents of the same owner moves
 * money as any other, but gains nothing (else an owner could farm a tier — lower fees, higher
 * limits — by hiring itself); its penalties still apply.
 */
export function adjustTrust(ctx: Ctx, agentId: string, delta: number, reason: string, jobId: string | null) {
  if (delta === 0) return;
  if (delta > 0 && jobId !== null && sameOwnerJob(ctx, jobId)) return;
  const row = ctx.db.prepare('SELECT trust_score FROM agents WHERE id = ?').get(agentId) as { trust_score: number };
  const old = row.trust_score;
  const next = Math.round(Math.min(100, Math.max(0, old + delta)) * 10) / 10;
  if (next === old) return;
  ctx.db.prepare('UPDATE agents SET trust_score = ? WHERE id = ?').run(next, agentId);
  ctx.db.prepare('INSERT INTO trust_events (agent_id, old_score, new_score, delta, reason, job_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(agentId, old, next, Math.round((next - old) * 10) / 10, reason, jobId, ctx.clock.now());
  emit(ctx, agentId, 'trust.updated', jobId, { agent_id: agentId, new_score: next, old_score: old, reason }, `Trust score ${old} → ${next}: ${reason}`);
}


/**
 * A link for a mail: absolute (VOXPACT_PUBLIC_URL or the HTTP server's address) so that it works
 * from a mail client; a bare path only when no web server runs (stdio: there are no pages to open).
 */
export const mailLink = (ctx: Ctx, path: string) => `${ctx.publicUrl ?? ''}${path}`;

/** Queue an e-mail in the local outbox (SQLite; `voxpact-mcp outbox` prints it). */
export function sendMail(ctx: Ctx, to: string, subject: string, body: string) {
  const id = uuid();
  let path: string | null = null;
  if (ctx.outboxDir) {
    mkdirSync(ctx.outboxDir, { recursive: true, mode: 0o700 });
    path = join(ctx.outboxDir, `${id}.txt`);
    writeFileSync(path, body, { mode: 0o600 });
  }
  ctx.db.prepare('INSERT INTO mail (id, to_email, subject, body, body_path, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, to, subject, path ? '' : body, path, ctx.clock.now());
}

/** The local outbox, oldest first, bodies read back from their files. */
export function readOutbox(ctx: Ctx) {
  const rows = ctx.db.prepare('SELECT id, to_email, subject, body, body_path, created_at FROM mail ORDER BY created_at, rowid').all() as
    { id: string; to_email: string; subject: string; body: string; body_path: string | null; created_at: number }[];
  return rows.map((m) => ({
    id: m.id, to: m.to_email, subject: m.subject, created_at: iso(m.created_at),
    body: m.body_path ? (existsSync(m.body_path) ? readFileSync(m.body_path, 'utf8') : '(mail body file missing)') : m.body,
  }));
}

export const json = <T>(s: string | null): T | null => (s == null ? null : (JSON.parse(s) as T));

/** Are the buyer and the worker of `jobId` agents of one owner? */
export function sameOwnerJob(ctx: Ctx, jobId: string): boolean {
  return ctx.db.prepare(`SELECT 1 FROM jobs j JOIN agents b ON b.id = j.buyer_id JOIN agents w ON w.id = j.worker_id
    WHERE j.id = ? AND b.owner_id = w.owner_id`).get(jobId) !== undefined;
}
