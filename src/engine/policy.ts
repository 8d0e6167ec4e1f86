/**
 * The spending policy: one agent's rails (monthly cap, maximum per job, confirm-above), stored
 * on the agent and enforced here on every charge and every policy change, whatever the door
 * (MCP, REST, the dashboard). The server's env rails (VOXPACT_MAX_JOB_EUR,
 * VOXPACT_CONFIRM_ABOVE_EUR) are an upper bound on top.
 *
 * A call that would otherwise succeed and is above the policy becomes a pending approval: the
 * gate throws ApprovalNeeded inside the call's transaction (which rolls back, nothing charged);
 * the caller (src/engine/embedded.ts) records the approval in a transaction of its own and
 * refuses with `approval_required`. The owner approves it (dashboard, emailed link) or, over MCP,
 * the human confirms in the client; the agent retries the same call with `approval_id`, which the
 * gate accepts only if approved, bound to this agent/action/arguments/amount, unexpired, and
 * uses once — in the retried call's transaction, which re-checks everything.
 */
import { createHash } from 'node:crypto';
import { HOUR_MS } from '../clock.js';
import { iso } from '../clock.js';
import { VoxError, notFound } from '../errors.js';
import { tierOf } from '../limits.js';
import { formatEur } from '../money.js';
import { type Ctx, mailLink, sendMail } from './context.js';
import { canonical, uuid } from './ids.js';

/** Confirm above this with no configuration: well above a typical small task, far below a euros/cents mix-up. */
export const DEFAULT_CONFIRM_ABOVE_CENTS = 5_000;
/**
 * "Far above the payee's usual prices": more than USUAL_MULTIPLE × the median of the payee's last
 * USUAL_WINDOW completed jobs (as worker), once it has USUAL_MIN_JOBS of them, and above
 * USUAL_FLOOR_CENTS (a few euros above a tiny usual price is not worth a human's time).
 */
export const USUAL = { multiple: 5, window: 20, min_jobs: 3, floor_cents: 2_000 } as const;
/** A pending approval (and an approved one not yet used) lapses after this. */
export const APPROVAL_TTL_MS = 24 * HOUR_MS;

export type Rails = { maxJobCents: number | null; confirmAboveCents: number | null };
export const NO_RAILS: Rails = { maxJobCents: null, confirmAboveCents: null };

/** What the policy gate is asked about. `capture`: money leaves the card now (the per-job maximum applies). */
export type Spend = {
  action: 'post_job' | 'accept_bid' | 'approve_job' | 'update_policy';
  /** The call's canonical arguments (no idempotency_key, no approval_id): the approval is bound to their hash. */
  args: unknown;
  amountCents: number | null;
  capture: boolean;
  payeeId: string | null;
  /** The buyer's own job title (never a third party's text). */
  title: string | null;
  /** Why a human must decide regardless of the amount (a policy change loosens a rail). */
  because?: string[];
  /** Said to the human when the amount rules ask (e.g. the validation did not pass); asks nothing by itself. */
  note?: string;
  approvalId?: string;
  field: string;
};

const minNullable = (a: number | null, b: number | null) => (a == null ? b : b == null ? a : Math.min(a, b));

type PolicyRow = { monthly_spending_limit_cents: number | null; spend_max_job_cents: number | null; spend_confirm_above_cents: number | null };

/** The agent's rails as they apply: its own, bounded by the server's; confirm-above defaults to the server's, else 50 EUR. */
export function effectivePolicy(ctx: Ctx, agentId: string) {
  const a = ctx.db.prepare('SELECT monthly_spending_limit_cents, spend_max_job_cents, spend_confirm_above_cents FROM agents WHERE id = ?').get(agentId) as PolicyRow;
  return effectiveOf(ctx, a);
}
function effectiveOf(ctx: Ctx, a: PolicyRow) {
  const server = ctx.rails ?? NO_RAILS;
  return {
    monthlyCapCents: a.monthly_spending_limit_cents,
    maxJobCents: minNullable(a.spend_max_job_cents, server.maxJobCents),
    confirmAboveCents: minNullable(a.spend_confirm_above_cents != null
      ? minNullable(a.spend_confirm_above_cents, server.confirmAboveCents)!
      : server.confirmAboveCents ?? DEFAULT_CONFIRM_ABOVE_CENTS, ctx.connection?.confirmAboveCents ?? null)!,
  };
}

/** The policy as the agent's profile shows it (EUR). */
export function policyView(ctx: Ctx, agentId: string) {
  const p = effectivePolicy(ctx, agentId);
  const e = (c: number | null) => (c == null ? null : c / 100);
  return { max_spend_per_job: e(p.maxJobCents), confirm_above: e(p.confirmAboveCents) as number };
}

/** The payee's usual price: the median of its last completed jobs as worker (null without enough history). */
export function usualPriceCents(ctx: Ctx, payeeId: string): { median: number; jobs: number } | null {
  const rows = ctx.db.prepare("SELECT amount_cents a FROM jobs WHERE worker_id = ? AND status = 'completed' ORDER BY completed_at DESC LIMIT ?")
    .all(payeeId, USUAL.window) as { a: number }[];
  if (rows.length < USUAL.min_jobs) return null;
  const s = rows.map((r) => r.a).sort((x, y) => x - y);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2), jobs: rows.length };
}

/** Thrown inside the call's transaction when a human must decide; embedded.ts records it (recordApproval). */
export class ApprovalNeeded extends Error {
  constructor(readonly req: { agentId: string; action: Spend['action']; argsHash: string; amountCents: number | null; summary: string; details: ApprovalDetails }) {
    super('approval needed');
  }
}

export type ApprovalDetails = {
  action: Spend['action']; amount: number | null; title: string | null; reasons: string[];
  /** The payee as the server knows it; `name_self_chosen` is the payee's own words, cut short. */
  payee: { id: string; trust_score: number; tier: string; completed_jobs: number; name_self_chosen: string } | null;
  /** Policy changes: the rails before and after (EUR; null = none). */
  changes?: { rail: string; from: number | null; to: number | null }[];
};

const ACTION_WORDS: Record<Spend['action'], string> = {
  post_job: 'Pay into escrow for a direct job', accept_bid: 'Accept a bid and pay it into escrow',
  approve_job: 'Release escrow to the worker', update_policy: 'Loosen the spending policy',
};
const argsHash = (action: string, args: unknown) => createHash('sha256').update(canonical({ action, args })).digest('hex');
/** Third-party text in the human's view: one line of plain characters, cut short, and labelled where shown. */
export const shortName = (s: string, max = 24) => {
  const flat = s.replace(/[\p{C}\p{Z}]+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function payeeOf(ctx: Ctx, id: string): ApprovalDetails['payee'] {
  const a = ctx.db.prepare('SELECT id, name, trust_score, completed_jobs FROM agents WHERE id = ?').get(id) as { id: string; name: string; trust_score: number; completed_jobs: number };
  return { id: a.id, trust_score: a.trust_score, tier: tierOf(a.trust_score).tier, completed_jobs: a.completed_jobs, name_self_chosen: shortName(a.name) };
}

/** The server's one-paragraph description of what the human is asked to allow (no third-party text but the labelled short name). */
export function summaryOf(d: ApprovalDetails): string {
  const parts = [d.amount != null ? `${ACTION_WORDS[d.action]}: ${d.amount.toFixed(2)} EUR` : ACTION_WORDS[d.action]];
  if (d.title) parts.push(`for your job “${shortName(d.title, 80)}”`);
  if (d.payee) parts.push(`to agent ${d.payee.id} (trust ${d.payee.trust_score}, ${d.payee.tier} tier, ${d.payee.completed_jobs} jobs done; name it chose itself: “${d.payee.name_self_chosen}”)`);
  const eurOr = (v: number | null) => (v == null ? 'none' : `${v.toFixed(2)} EUR`);
  if (d.changes?.length) parts[0] += `: ${d.changes.map((c) => `${c.rail} ${eurOr(c.from)} → ${eurOr(c.to)}`).join(', ')}`;
  return `${parts.join(' ')}. Why a human decides: ${d.reasons.join('; ')}.`;
}

/**
 * The gate. Call it after every other check of the call has passed and just before the money
 * moves (or the policy changes), inside the call's transaction. Refuses above the hard per-job
 * maximum; returns when nothing needs a human or `approvalId` is a usable approval of this very
 * call (and uses it); throws ApprovalNeeded otherwise.
 */
export function gateSpend(ctx: Ctx, agentId: string, s: Spend): void {
  const p = effectivePolicy(ctx, agentId);
  const amount = s.amountCents;
  if (s.capture && amount != null && p.maxJobCents != null && amount > p.maxJobCents) {
    throw new VoxError('spending_rail_exceeded',
      `${s.field}: ${formatEur(amount)} is above this agent's per-job maximum of ${formatEur(p.maxJobCents)} (max_spend_per_job, bounded by the server's VOXPACT_MAX_JOB_EUR); nothing was charged. Choose a smaller amount, or ask the owner to raise max_spend_per_job (update_my_agent / PATCH /v1/agents/me, which needs the owner's approval).`,
      403, { field: s.field });
  }
  const reasons = [...(s.because ?? [])];
  if (amount != null && s.action !== 'update_policy') {
    if (amount > p.confirmAboveCents) reasons.push(`${formatEur(amount)} is above the confirmation threshold of ${formatEur(p.confirmAboveCents)}`);
    const usual = s.payeeId ? usualPriceCents(ctx, s.payeeId) : null;
    if (usual && amount > USUAL.floor_cents && amount > USUAL.multiple * usual.median) {
      reasons.push(`${formatEur(amount)} is more than ${USUAL.multiple}× the payee's usual price (median ${formatEur(usual.median)} over its last ${usual.jobs} completed jobs)`);
    }
  }
  const hash = argsHash(s.action, s.args);
  // An approval_id given is always checked and used, even when this call would need none (the policy
  // may have changed since): a made-up id never passes, so a proxy may forward it (src/hosted/rails.ts).
  if (!reasons.length) return s.approvalId === undefined ? undefined : useApproval(ctx, agentId, s, hash);
  if (s.note) reasons.push(s.note);
  if (s.approvalId !== undefined) return useApproval(ctx, agentId, s, hash);
  const details: ApprovalDetails = {
    action: s.action, amount: amount == null ? null : amount / 100, title: s.title, reasons,
    payee: s.payeeId ? payeeOf(ctx, s.payeeId) : null,
    ...(s.action === 'update_policy' ? { changes: (s.args as { changes: ApprovalDetails['changes'] }).changes } : {}),
  };
  throw new ApprovalNeeded({ agentId, action: s.action, argsHash: hash, amountCents: amount, summary: summaryOf(details), details });
}

type ApprovalRow = {
  id: string; agent_id: string; action: string; args_hash: string; amount_cents: number | null; summary: string; details: string;
  status: 'pending' | 'approved' | 'declined' | 'used' | 'expired'; decided_by: string | null; expires_at: number; created_at: number; decided_at: number | null; used_at: number | null;
};

const statusNow = (ctx: Ctx, a: ApprovalRow) =>
  (a.status === 'pending' || a.status === 'approved') && a.expires_at <= ctx.clock.now() ? 'expired' : a.status;

/** An agent's approval by id; someone else's is not_found, like one that does not exist. */
function ownApproval(ctx: Ctx, agentId: string, id: string, field = 'approval_id'): ApprovalRow {
  const a = ctx.db.prepare('SELECT * FROM approvals WHERE id = ?').get(id) as ApprovalRow | undefined;
  if (!a || a.agent_id !== agentId) throw new VoxError('not_found', `${field}: approval '${id}' not found for this agent`, 404, { field });
  return a;
}

function useApproval(ctx: Ctx, agentId: string, s: Spend, hash: string) {
  const a = ownApproval(ctx, agentId, s.approvalId!);
  if (a.action !== s.action || a.args_hash !== hash || a.amount_cents !== s.amountCents) {
    throw new VoxError('approval_mismatch',
      `approval_id: approval '${a.id}' was given for another call (${a.summary}). Retry exactly the call it was asked for, or call without approval_id to ask for this one; nothing was charged.`,
      409, { field: 'approval_id' });
  }
  const status = statusNow(ctx, a);
  const info = { field: 'approval_id', ...approvalInfo(a) };
  if (status === 'pending') throw new VoxError('approval_pending', `approval '${a.id}' is still waiting for the owner (${approvalPath(a.id)}); retry once it is approved. Nothing was charged.`, 403, info);
  if (status === 'declined') throw new VoxError('approval_declined', `the owner declined approval '${a.id}': do not retry this call. Nothing was charged.`, 403, info);
  if (status === 'used') throw new VoxError('approval_used', `approval '${a.id}' was already used once; each approval allows one call. Call without approval_id to ask again.`, 409, info);
  if (status === 'expired') throw new VoxError('approval_expired', `approval '${a.id}' expired at ${iso(a.expires_at)}; call without approval_id to ask again. Nothing was charged.`, 410, info);
  ctx.db.prepare("UPDATE approvals SET status = 'used', used_at = ? WHERE id = ? AND status = 'approved'").run(ctx.clock.now(), a.id);
}

export const approvalPath = (id: string) => `/approvals/${id}`;
const approvalInfo = (a: ApprovalRow) => ({ approval_id: a.id, approval_url: approvalPath(a.id), summary: a.summary, expires_at: iso(a.expires_at) });

/**
 * Record what ApprovalNeeded asked for (its own write transaction) and answer the refusal. The
 * same call asked again while its approval is open gets that approval back (no second row, no
 * second mail); a new one mails the owner the link.
 */
export function recordApproval(ctx: Ctx, req: ApprovalNeeded['req']): VoxError {
  const now = ctx.clock.now();
  let a = ctx.db.prepare(`SELECT * FROM approvals WHERE agent_id = ? AND action = ? AND args_hash = ? AND amount_cents IS ? AND status IN ('pending','approved') AND expires_at > ?
      ORDER BY created_at DESC LIMIT 1`).get(req.agentId, req.action, req.argsHash, req.amountCents, now) as ApprovalRow | undefined;
  if (!a) {
    const id = uuid();
    ctx.db.prepare(`INSERT INTO approvals (id, agent_id, action, args_hash, amount_cents, summary, details, status, expires_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`).run(id, req.agentId, req.action, req.argsHash, req.amountCents, req.summary, JSON.stringify(req.details), now + APPROVAL_TTL_MS, now);
    a = ctx.db.prepare('SELECT * FROM approvals WHERE id = ?').get(id) as ApprovalRow;
    const owner = ctx.db.prepare('SELECT o.email, ag.id agent FROM agents ag JOIN owners o ON o.id = ag.owner_id WHERE ag.id = ?').get(req.agentId) as { email: string; agent: string };
    sendMail(ctx, owner.email, `Approve a payment of your VoxPact agent ${owner.agent}?`,
      `Your agent ${owner.agent} asks for your approval:\n\n${a.summary}\n\nApprove or decline (log in to the dashboard first): ${mailLink(ctx, approvalPath(a.id))}\n` +
      `It expires at ${iso(a.expires_at)}. Nothing is charged unless you approve and the agent then retries.\n`);
  }
  const approved = a.status === 'approved';
  return new VoxError('approval_required',
    `${a.summary} This needs the owner's approval; nothing was charged. ${approved ? `Approval '${a.id}' is already approved: retry the same call with approval_id "${a.id}".`
      : `The owner approves or declines it at ${approvalPath(a.id)} (a link was emailed); then retry the same call with approval_id "${a.id}".`}`,
    403, { ...approvalInfo(a), status: a.status });
}

export type ApprovalView = {
  id: string; agent_id: string; action: string; amount: number | null; summary: string; details: ApprovalDetails;
  status: ApprovalRow['status']; decided_by: string | null; expires_at: string; created_at: string; decided_at: string | null; used_at: string | null;
};
export function approvalView(ctx: Ctx, a: ApprovalRow): ApprovalView {
  return {
    id: a.id, agent_id: a.agent_id, action: a.action, amount: a.amount_cents == null ? null : a.amount_cents / 100, summary: a.summary,
    details: JSON.parse(a.details) as ApprovalDetails, status: statusNow(ctx, a), decided_by: a.decided_by,
    expires_at: iso(a.expires_at), created_at: iso(a.created_at), decided_at: a.decided_at == null ? null : iso(a.decided_at), used_at: a.used_at == null ? null : iso(a.used_at),
  };
}

/** The owner's approvals (all its agents), newest first; `pendingOnly` for the waiting ones. */
export function ownerApprovals(ctx: Ctx, ownerId: string, pendingOnly: boolean): ApprovalView[] {
  const rows = ctx.db.prepare(`SELECT p.* FROM approvals p JOIN agents a ON a.id = p.agent_id WHERE a.owner_id = ?
      ${pendingOnly ? "AND p.status = 'pending' AND p.expires_at > ?" : 'AND ? IS NOT NULL'} ORDER BY p.created_at DESC LIMIT 100`).all(ownerId, ctx.clock.now()) as ApprovalRow[];
  return rows.map((r) => approvalView(ctx, r));
}

/** One approval of one of the owner's agents (not_found for anyone else's). */
export function ownerApproval(ctx: Ctx, ownerId: string, id: string): ApprovalView {
  const a = ctx.db.prepare('SELECT p.* FROM approvals p JOIN agents a ON a.id = p.agent_id WHERE p.id = ? AND a.owner_id = ?').get(id, ownerId) as ApprovalRow | undefined;
  if (!a) throw notFound('approval', id);
  return approvalView(ctx, a);
}

/** A human's decision: the owner on the dashboard, or (approve only) the human in the agent's MCP client. */
function decide(ctx: Ctx, a: ApprovalRow, decision: 'approved' | 'declined', by: 'owner' | 'client') {
  const status = statusNow(ctx, a);
  if (status !== 'pending') throw new VoxError('invalid_status', `approval '${a.id}' is '${status}'; only a pending approval can be approved or declined`, 409, { status });
  ctx.db.prepare('UPDATE approvals SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?').run(decision, by, ctx.clock.now(), a.id);
  return approvalView(ctx, ctx.db.prepare('SELECT * FROM approvals WHERE id = ?').get(a.id) as ApprovalRow);
}
export function decideAsOwner(ctx: Ctx, ownerId: string, id: string, decision: 'approved' | 'declined') {
  ownerApproval(ctx, ownerId, id);
  return decide(ctx, ctx.db.prepare('SELECT * FROM approvals WHERE id = ?').get(id) as ApprovalRow, decision, 'owner');
}
/** In-process only (the MCP layer, after the human confirmed in the client); no REST route calls this. */
export function approveByClient(ctx: Ctx, agentId: string, id: string) {
  return decide(ctx, ownApproval(ctx, agentId, id), 'approved', 'client');
}

/** Lapse what expired (housekeeping), so lists and the dashboard agree with the gate. */
export function expireApprovals(ctx: Ctx) {
  ctx.db.prepare("UPDATE approvals SET status = 'expired' WHERE status IN ('pending','approved') AND expires_at <= ?").run(ctx.clock.now());
}

/**
 * A policy change (update_my_agent / PATCH /v1/agents/me): the new rails must stay within the
 * server's; lowering applies at once, raising or removing any rail goes through the gate.
 * `byOwner`: the owner's own dashboard session, which is the human step already.
 */
export function gatePolicyChange(ctx: Ctx, agentId: string, next: Partial<Record<keyof PolicyRow, number | null>>, o: { byOwner: boolean; approvalId?: string }) {
  const server = ctx.rails ?? NO_RAILS;
  const bounds: [keyof PolicyRow, string, number | null][] = [['spend_max_job_cents', 'max_spend_per_job', server.maxJobCents], ['spend_confirm_above_cents', 'confirm_above', server.confirmAboveCents]];
  for (const [col, field, bound] of bounds) {
    const v = next[col];
    if (v != null && bound != null && v > bound) {
      throw new VoxError('validation_error', `${field}: ${formatEur(v)} is above this server's own rail of ${formatEur(bound)} (${col === 'spend_max_job_cents' ? 'VOXPACT_MAX_JOB_EUR' : 'VOXPACT_CONFIRM_ABOVE_EUR'}), which bounds every agent's policy; choose at most ${bound / 100}`, 400, { field });
    }
  }
  const cur = ctx.db.prepare('SELECT monthly_spending_limit_cents, spend_max_job_cents, spend_confirm_above_cents FROM agents WHERE id = ?').get(agentId) as PolicyRow;
  const before = effectiveOf(ctx, cur), after = effectiveOf(ctx, { ...cur, ...next });
  const rails: [keyof typeof before, string][] = [['monthlyCapCents', 'monthly_spending_limit'], ['maxJobCents', 'max_spend_per_job'], ['confirmAboveCents', 'confirm_above']];
  const up = (a: number | null, b: number | null) => (a == null ? false : b == null || b > a); // null = no rail
  const changes = rails.filter(([k]) => up(before[k], after[k])).map(([k, rail]) => ({ rail, from: before[k] == null ? null : before[k]! / 100, to: after[k] == null ? null : after[k]! / 100 }));
  if (!changes.length || o.byOwner) return;
  gateSpend(ctx, agentId, {
    action: 'update_policy', args: { changes, next }, amountCents: null, capture: false, payeeId: null, title: null, approvalId: o.approvalId, field: changes[0].rail,
    because: changes.map((c) => `${c.to == null ? 'removes' : 'raises'} ${c.rail}`),
  });
}
