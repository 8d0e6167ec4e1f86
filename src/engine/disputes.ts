/**
 * Disputes, in two tiers (reference: Reviews & Disputes; docs/disputes.md).
 *
 *   open_dispute (buyer or worker; job delivered, validating or revision_requested) → job
 *   `disputed`, escrow stays held. Then:
 *     - the validation judges disagreed, or no arbitration judge is configured → Tier 2 at once
 *     - else Tier 1: the arbiter (the configured LLM endpoint, never a party's own client) rules
 *       buyer_wins / worker_wins / split with a confidence, outside any transaction
 *       (src/validation/service.ts). Below 0.80, or when it fails → Tier 2.
 *   A Tier 1 ruling is announced (`dispute.ruled`) and becomes final when its 7-day review
 *   window closes (timer `dispute_finalize`): only then does the money move. Until then either
 *   party may request_dispute_review (GDPR Art. 22) → Tier 2.
 *   Tier 2: a human decides (`voxpact-mcp admin disputes resolve`), 48 h SLA (timer `dispute_sla`).
 *
 * A ruling moves the escrow through the transition table (resolve_buyer_wins: refund → refunded;
 * resolve_worker_wins: release minus fee → completed; resolve_split: the worker's share minus fee,
 * the rest refunded → completed), costs the loser TRUST.dispute_lost (split: nobody), and sends
 * `dispute.resolved` to both parties.
 */
import { VoxError, invalid, notFound } from '../errors.js';
import { HOUR_MS, iso } from '../clock.js';
import { LIMITS, TRUST } from '../limits.js';
import { centsToEur } from '../money.js';
import type { Dispute, EvidenceItem, JobStatus, OpenDisputeInput, ResolveDisputeInput } from '../schemas.js';
import { type Ctx, adjustTrust, emit, json } from './context.js';
import { uuid } from './ids.js';
import { loadJob, move, roleOf, visibleJob } from './jobs.js';
import { schedule } from './timers.js';
import { latestDecided, recordView, getValidation } from './validation.js';
import { recentMessages } from './messages.js';
import { log } from '../log.js';
import { nonceFor, signRecord, signingKey } from '../validation/record.js';
import type { ArbitrationOutcome, ArbitrationTask } from '../validation/judges.js';

const DAY_MS = 24 * HOUR_MS;
export type Ruling = 'buyer_wins' | 'worker_wins' | 'split';
type Status = 'arbitrating' | 'ruled' | 'escalated' | 'resolved';

export type DisputeRow = {
  id: string; job_id: string; opened_by: string; opener_role: 'buyer' | 'worker'; reason: string; evidence: string; validation_id: string | null;
  status: Status; tier: 1 | 2; ruling: Ruling | null; worker_share_percent: number | null; confidence: number | null; reasoning: string | null;
  ruled_by: 'ai' | 'admin' | null; arbiter_model: string | null; arbiter_record: string | null; arbiter_signature: string | null; tier1: string | null;
  ruled_at: number | null; review_deadline_at: number | null; escalated_at: number | null; escalated_by: string | null; escalation_reason: string | null;
  sla_due_at: number | null; sla_breached_at: number | null; resolved_at: number | null; resolution_note: string | null;
  worker_payout_cents: number | null; platform_fee_cents: number | null; refund_cents: number | null;
  claim_id: string | null; lease_until: number | null; created_at: number; updated_at: number;
};
type StoredEvidence = EvidenceItem & { submitted_by: string; submitted_at: string };

const isoOrNull = (ms: number | null) => (ms == null ? null : iso(ms));
const eurOrNull = (c: number | null) => (c == null ? null : centsToEur(c));

export function loadDispute(ctx: Ctx, id: string): DisputeRow {
  const d = ctx.db.prepare('SELECT * FROM disputes WHERE id = ?').get(id) as DisputeRow | undefined;
  if (!d) throw notFound('dispute', id);
  return d;
}
const disputeOfJob = (ctx: Ctx, jobId: string) => ctx.db.prepare('SELECT * FROM disputes WHERE job_id = ?').get(jobId) as DisputeRow | undefined;

function update(ctx: Ctx, id: string, patch: Partial<DisputeRow>) {
  const sets = { ...patch, updated_at: ctx.clock.now() };
  const cols = Object.keys(sets);
  ctx.db.prepare(`UPDATE disputes SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => (sets as Record<string, unknown>)[c]), id);
}

/** r2_key evidence must name a confirmed file of this job (by storage key or file id). */
function checkEvidence(ctx: Ctx, jobId: string, items: EvidenceItem[]) {
  items.forEach((e, i) => {
    if (e.type !== 'r2_key') return;
    const field = `evidence_items.${i}.content`;
    const f = ctx.db.prepare("SELECT id FROM files WHERE job_id = ? AND (storage_key = ? OR id = ?) AND upload_status = 'confirmed' AND deleted_at IS NULL").get(jobId, e.content, e.content);
    if (!f) throw invalid(field, `'${e.content.slice(0, 100)}' is not the key (or id) of a confirmed file of this job (list_files shows them)`);
  });
}

export function openDispute(ctx: Ctx, agentId: string, jobId: string, input: OpenDisputeInput): Dispute {
  const j = visibleJob(ctx, agentId, jobId);
  const role = roleOf(j, agentId);
  if (!role) throw new VoxError('forbidden', "only the job's buyer or its worker can open a dispute", 403);
  const existing = disputeOfJob(ctx, jobId);
  if (existing) throw new VoxError('dispute_exists', `job already has dispute ${existing.id} (${existing.status}); see get_dispute`, 409, { dispute_id: existing.id });
  checkEvidence(ctx, jobId, input.evidence_items ?? []);
  const statusAtOpen = j.status;
  move(ctx, j, 'dispute', role, agentId, input.reason);
  const now = ctx.clock.now();
  const v = latestDecided(ctx, jobId);
  const id = uuid();
  const evidence: StoredEvidence[] = (input.evidence_items ?? []).map((e) => ({ ...e, submitted_by: agentId, submitted_at: iso(now) }));
  const disagreed = v?.consensus === 0;
  const arbiter = !disagreed && (ctx.judging?.arbiterAvailable() ?? false);
  ctx.db.prepare(`INSERT INTO disputes (id, job_id, opened_by, opener_role, reason, evidence, validation_id, status, tier, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(id, jobId, agentId, role, input.reason, JSON.stringify(evidence), v?.id ?? null, arbiter ? 'arbitrating' : 'escalated', arbiter ? 1 : 2, now, now);
  const other = role === 'buyer' ? j.worker_id! : j.buyer_id;
  emit(ctx, other, 'job.disputed', jobId, { job_id: jobId, dispute_id: id, opened_by: role, reason: input.reason },
    `The ${role} opened a dispute on "${j.title}" (was '${statusAtOpen}'); the escrow stays held until a ruling. get_dispute shows it; add your side with send_message.`);
  if (arbiter) ctx.judging!.queued('arbitration', id);
  else escalate(ctx, loadDispute(ctx, id), null, disagreed ? 'the two validation judges disagreed on this delivery' : 'no Tier 1 arbitration judge is configured on this server');
  return disputeView(ctx, loadDispute(ctx, id));
}

/** Tier 2: a human reviews within the 48 h SLA. */
function escalate(ctx: Ctx, d: DisputeRow, by: string | null, reason: string) {
  const now = ctx.clock.now();
  const due = now + LIMITS.dispute_sla_hours * HOUR_MS;
  update(ctx, d.id, { status: 'escalated', tier: 2, escalated_at: now, escalated_by: by, escalation_reason: reason, sla_due_at: due, claim_id: null, lease_until: null });
  schedule(ctx, 'dispute_sla', d.job_id, due);
  const j = loadJob(ctx, d.job_id);
  for (const a of [j.buyer_id, j.worker_id!]) {
    emit(ctx, a, 'dispute.escalated', j.id, { dispute_id: d.id, job_id: j.id, reason, sla_due_at: iso(due) },
      `The dispute on "${j.title}" went to human review (${reason}). A human rules within ${LIMITS.dispute_sla_hours} h (by ${iso(due)}).`);
  }
}

export function getDispute(ctx: Ctx, agentId: string, jobId: string): Dispute {
  const j = visibleJob(ctx, agentId, jobId);
  if (!roleOf(j, agentId)) throw notFound('job', jobId);
  const d = disputeOfJob(ctx, jobId);
  if (!d) throw new VoxError('not_found', `job '${jobId}' has no dispute (open_dispute opens one on a delivered job)`, 404);
  return disputeView(ctx, d);
}

/** GDPR Art. 22: a party asks a human to review the Tier 1 (AI) ruling within 7 days of it. */
export function requestReview(ctx: Ctx, agentId: string, disputeId: string, reason: string | undefined): Dispute {
  const d = loadDispute(ctx, disputeId);
  const j = loadJob(ctx, d.job_id);
  if (j.buyer_id !== agentId && j.worker_id !== agentId) throw notFound('dispute', disputeId);
  if (j.status === 'frozen') throw new VoxError('job_frozen', 'job is frozen by an admin; request_dispute_review is blocked until it is unfrozen', 409);
  const now = ctx.clock.now();
  switch (d.status) {
    case 'arbitrating':
      throw new VoxError('invalid_status', 'dispute is still in Tier 1 arbitration: there is no ruling to review yet; try again once get_dispute shows a ruling', 409, { status: d.status });
    case 'escalated':
      throw new VoxError('already_escalated', `dispute is already in human review (since ${isoOrNull(d.escalated_at)}, due by ${isoOrNull(d.sla_due_at)})`, 409, { status: d.status });
    case 'resolved':
      throw new VoxError('review_window_closed', d.ruled_by === 'admin'
        ? 'dispute was resolved by human review; that ruling is final'
        : `the 7-day review window of the Tier 1 ruling closed at ${isoOrNull(d.review_deadline_at)}; the ruling is final`, 409, { status: d.status });
    case 'ruled':
      if (now > d.review_deadline_at!) {
        throw new VoxError('review_window_closed', `the 7-day review window of the Tier 1 ruling closed at ${iso(d.review_deadline_at!)}; the ruling becomes final`, 409, { status: d.status });
      }
      escalate(ctx, d, agentId, `human review requested by the ${j.buyer_id === agentId ? 'buyer' : 'worker'} (GDPR Art. 22)${reason ? `: ${reason}` : ''}`);
      return disputeView(ctx, loadDispute(ctx, disputeId));
  }
}

// ---------- Tier 1: arbitration (claimed, run outside transactions, finished) ----------

export function runnableArbitrations(ctx: Ctx, limit: number): DisputeRow[] {
  return ctx.db.prepare(`SELECT * FROM disputes WHERE status = 'arbitrating' AND (lease_until IS NULL OR lease_until < ?) ORDER BY created_at LIMIT ?`)
    .all(ctx.clock.now(), limit) as DisputeRow[];
}

export function claimArbitration(ctx: Ctx, id: string, leaseMs: number): { claimId: string; task: ArbitrationTask } | null {
  const d = ctx.db.prepare('SELECT * FROM disputes WHERE id = ?').get(id) as DisputeRow | undefined;
  const now = ctx.clock.now();
  if (!d || d.status !== 'arbitrating' || (d.lease_until != null && d.lease_until >= now)) return null;
  const claimId = uuid();
  const taken = ctx.db.prepare("UPDATE disputes SET claim_id = ?, lease_until = ? WHERE id = ? AND status = 'arbitrating' AND COALESCE(claim_id, '') = COALESCE(?, '')")
    .run(claimId, now + leaseMs, id, d.claim_id).changes;
  if (!taken) return null;
  const j = loadJob(ctx, d.job_id);
  const del = ctx.db.prepare('SELECT content, content_type, sha256 FROM deliverables WHERE job_id = ? ORDER BY revision_number DESC LIMIT 1').get(j.id) as { content: string | null; content_type: string; sha256: string } | undefined;
  const v = d.validation_id ? getValidation(ctx, d.validation_id) : latestDecided(ctx, j.id);
  const roleName = (a: string) => (a === j.buyer_id ? 'buyer' : 'worker');
  return {
    claimId,
    task: {
      dispute_id: d.id,
      job: { id: j.id, title: j.title, task_spec: JSON.parse(j.task_spec), validation_criteria: json(j.validation_criteria), amount_eur: centsToEur(j.amount_cents) },
      opened_by: d.opener_role,
      reason: d.reason,
      evidence: (JSON.parse(d.evidence) as StoredEvidence[]).map((e) => ({ type: e.type, label: e.label, content: e.content, submitted_by: roleName(e.submitted_by) })),
      deliverable: del && del.content != null ? { text: del.content, content_type: del.content_type, sha256: del.sha256 } : null,
      messages: recentMessages(ctx, j.id).map((m) => ({ from: roleName(m.sender_id), type: m.type, content: m.content, at: iso(m.created_at) })),
      validation: v?.record ? JSON.parse(v.record) : null,
      nonce: nonceFor(ctx.db, now, `arbitration:${d.id}`),
    },
  };
}

/**
 * Store the arbiter's answer. Confident (≥ 0.80): the Tier 1 ruling, announced, final after the
 * review window. Otherwise (low confidence, no answer): Tier 2. A lost claim changes nothing.
 */
export function finishArbitration(ctx: Ctx, id: string, claimId: string, out: ArbitrationOutcome): { applied: boolean; status: Status } {
  const d = ctx.db.prepare('SELECT * FROM disputes WHERE id = ?').get(id) as DisputeRow | undefined;
  if (!d || d.status !== 'arbitrating' || d.claim_id !== claimId) return { applied: false, status: d?.status ?? 'arbitrating' };
  const now = ctx.clock.now();
  const j = loadJob(ctx, d.job_id);
  const key = signingKey(ctx.db, now);
  const record = {
    version: 1, kind: 'arbitration', dispute_id: d.id, job_id: d.job_id, validation_id: d.validation_id,
    model: out.model, rubric: out.rubric, prompt_hash: out.prompt_hash,
    answer: out.ok ? out.answer : null, error: out.ok ? null : out.error,
    threshold: LIMITS.validation_confidence_min, decided_at: iso(now), signer: key.signer,
  };
  const signature = signRecord(key, record);
  const base = { arbiter_model: out.model, arbiter_record: JSON.stringify(record), arbiter_signature: signature, claim_id: null, lease_until: null };
  if (!out.ok || out.answer.confidence < LIMITS.validation_confidence_min) {
    const tier1 = out.ok ? JSON.stringify({ ruling: out.answer.ruling, worker_share_percent: out.answer.worker_share_percent ?? null, confidence: out.answer.confidence, reasoning: out.answer.reasoning, model: out.model }) : null;
    update(ctx, id, { ...base, tier1 });
    escalate(ctx, loadDispute(ctx, id), null, out.ok
      ? `the Tier 1 arbiter's confidence ${out.answer.confidence.toFixed(2)} is below ${LIMITS.validation_confidence_min}`
      : `Tier 1 arbitration failed: ${out.error}`);
    return { applied: true, status: 'escalated' };
  }
  const a = out.answer;
  const deadline = now + LIMITS.dispute_review_window_days * DAY_MS;
  update(ctx, id, {
    ...base, status: 'ruled', tier: 1, ruling: a.ruling, worker_share_percent: a.worker_share_percent ?? null, confidence: a.confidence,
    reasoning: a.reasoning.slice(0, 4000), ruled_by: 'ai', ruled_at: now, review_deadline_at: deadline,
  });
  schedule(ctx, 'dispute_finalize', d.job_id, deadline);
  for (const p of [j.buyer_id, j.worker_id!]) {
    emit(ctx, p, 'dispute.ruled', j.id, { dispute_id: id, job_id: j.id, ruling: a.ruling, worker_share_percent: a.worker_share_percent ?? null, confidence: a.confidence, review_deadline: iso(deadline) },
      `Tier 1 (AI) ruling on "${j.title}": ${rulingText(a.ruling, a.worker_share_percent ?? null)} (confidence ${a.confidence.toFixed(2)}). It becomes final on ${iso(deadline)}; ` +
      'either party can request_dispute_review before then to have a human decide.');
  }
  return { applied: true, status: 'ruled' };
}

const rulingText = (r: Ruling, share: number | null) =>
  r === 'buyer_wins' ? 'buyer wins (full refund)' : r === 'worker_wins' ? 'worker wins (payment released)' : `split: ${share}% to the worker, the rest refunded`;

// ---------- rulings that move the money ----------

/** Make `ruling` final: escrow moved by the transition table, trust, `dispute.resolved` to both. */
function applyRuling(ctx: Ctx, d: DisputeRow, actor: 'system' | 'admin', ruling: Ruling, share: number | null, note: string | null) {
  if (ruling === 'split' && (share == null || share < 1 || share > 99)) throw invalid('worker_share_percent', 'is required for a split ruling (1–99)');
  update(ctx, d.id, { ruling, worker_share_percent: ruling === 'split' ? share : null }); // the split effect reads the share
  const j = loadJob(ctx, d.job_id);
  const done = move(ctx, j, `resolve_${ruling}`, actor, null, note ?? `${actor === 'admin' ? 'Tier 2 (human)' : 'Tier 1 (AI)'} ruling: ${ruling}`);
  if (ruling === 'buyer_wins') adjustTrust(ctx, j.worker_id!, TRUST.dispute_lost, 'dispute lost', j.id);
  if (ruling === 'worker_wins') adjustTrust(ctx, j.buyer_id, TRUST.dispute_lost, 'dispute lost', j.id);
  const payout = done.worker_payout_cents ?? 0;
  const fee = done.platform_fee_cents ?? 0;
  const now = ctx.clock.now();
  update(ctx, d.id, {
    status: 'resolved', resolved_at: now, resolution_note: note, worker_payout_cents: payout, platform_fee_cents: fee,
    refund_cents: j.amount_cents - payout - fee, claim_id: null, lease_until: null,
  });
  for (const p of [j.buyer_id, j.worker_id!]) {
    emit(ctx, p, 'dispute.resolved', j.id, { dispute_id: d.id, job_id: j.id, ruling, worker_share_percent: ruling === 'split' ? share : null, ruled_by: actor === 'admin' ? 'admin' : 'ai' },
      `The dispute on "${j.title}" is resolved: ${rulingText(ruling, share)}. Worker paid ${(payout / 100).toFixed(2)} EUR, platform fee ${(fee / 100).toFixed(2)} EUR, ` +
      `refunded to the buyer ${((j.amount_cents - payout - fee) / 100).toFixed(2)} EUR. Job is now '${done.status}'.`);
  }
}

/** Timer `dispute_finalize`: the Tier 1 ruling's review window closed with no request: it is final. */
export function finalizeTier1(ctx: Ctx, jobId: string): string {
  const d = disputeOfJob(ctx, jobId);
  if (!d || d.status !== 'ruled') return `skipped: dispute is '${d?.status ?? 'missing'}'`;
  if (d.review_deadline_at! > ctx.clock.now()) return 'skipped: window still open';
  const j = loadJob(ctx, jobId);
  if (j.status === 'frozen') {
    schedule(ctx, 'dispute_finalize', jobId, ctx.clock.now() + HOUR_MS);
    return 'deferred: job frozen (retry in 1 h)';
  }
  applyRuling(ctx, d, 'system', d.ruling!, d.worker_share_percent, `Tier 1 (AI) ruling final: the ${LIMITS.dispute_review_window_days}-day review window closed without a request for human review`);
  return `resolved: ${d.ruling}`;
}

/** Timer `dispute_sla`: human review is overdue. Recorded, logged, shown by `admin disputes list`. */
export function slaCheck(ctx: Ctx, jobId: string): string {
  const d = disputeOfJob(ctx, jobId);
  if (!d || d.status !== 'escalated' || d.sla_breached_at != null) return `skipped: dispute is '${d?.status ?? 'missing'}'`;
  if (d.sla_due_at! > ctx.clock.now()) return 'skipped: not due';
  update(ctx, d.id, { sla_breached_at: ctx.clock.now() });
  log('warn', 'dispute human review is past its SLA', { dispute_id: d.id, job_id: jobId, sla_due_at: isoOrNull(d.sla_due_at) });
  return 'sla breached';
}

// ---------- admin (Tier 2) ----------

/** A human's ruling (Tier 2, or overriding Tier 1 before it is final). */
export function resolveDispute(ctx: Ctx, disputeId: string, input: ResolveDisputeInput): Dispute {
  const d = loadDispute(ctx, disputeId);
  if (d.status === 'resolved') throw new VoxError('invalid_status', `dispute is already resolved (${d.ruling}, ${isoOrNull(d.resolved_at)}); a ruling is final`, 409);
  const j = loadJob(ctx, d.job_id);
  if (j.status === 'frozen') throw new VoxError('job_frozen', 'job is frozen; unfreeze it first (voxpact-mcp admin jobs unfreeze ID --reason …)', 409);
  const tier1 = d.ruled_by === 'ai' && d.ruling
    ? JSON.stringify({ ruling: d.ruling, worker_share_percent: d.worker_share_percent, confidence: d.confidence, reasoning: d.reasoning, model: d.arbiter_model })
    : d.tier1;
  update(ctx, d.id, { tier: 2, tier1, ruled_by: 'admin', ruled_at: ctx.clock.now(), confidence: null, reasoning: input.note ?? null });
  applyRuling(ctx, loadDispute(ctx, d.id), 'admin', input.ruling, input.worker_share_percent ?? null, input.note ?? 'Tier 2 (human) ruling');
  return disputeView(ctx, loadDispute(ctx, d.id));
}

export function listDisputes(ctx: Ctx, o: { status?: string; limit?: number } = {}) {
  const rows = (o.status
    ? ctx.db.prepare('SELECT * FROM disputes WHERE status = ? ORDER BY created_at LIMIT ?').all(o.status, o.limit ?? 100)
    : ctx.db.prepare("SELECT * FROM disputes ORDER BY CASE status WHEN 'escalated' THEN 0 WHEN 'arbitrating' THEN 1 WHEN 'ruled' THEN 2 ELSE 3 END, created_at LIMIT ?").all(o.limit ?? 100)) as DisputeRow[];
  const now = ctx.clock.now();
  return rows.map((d) => ({ ...disputeView(ctx, d), overdue: d.status === 'escalated' && d.sla_due_at != null && d.sla_due_at < now }));
}

export function showDispute(ctx: Ctx, id: string) {
  const d = loadDispute(ctx, id);
  const j = loadJob(ctx, d.job_id);
  return { dispute: disputeView(ctx, d), job: { id: j.id, title: j.title, status: j.status, amount: centsToEur(j.amount_cents), buyer_agent_id: j.buyer_id, worker_agent_id: j.worker_id }, messages: recentMessages(ctx, j.id, 20).length };
}

// ---------- view ----------

export function disputeView(ctx: Ctx, d: DisputeRow): Dispute {
  const j = loadJob(ctx, d.job_id);
  const v = d.validation_id ? getValidation(ctx, d.validation_id) : latestDecided(ctx, d.job_id);
  const settled = d.status === 'resolved';
  return {
    id: d.id, job_id: d.job_id, opened_by_agent_id: d.opened_by, opened_by: d.opener_role, reason: d.reason,
    evidence_items: JSON.parse(d.evidence),
    status: d.status, tier: d.tier,
    ruling: d.ruling, worker_share_percent: d.worker_share_percent, confidence: d.confidence, reasoning: d.reasoning,
    ruled_by: d.ruled_by, arbiter_model: d.arbiter_model, ruled_at: isoOrNull(d.ruled_at), review_deadline: isoOrNull(d.review_deadline_at),
    tier1: d.tier1 ? JSON.parse(d.tier1) : null,
    escalated_at: isoOrNull(d.escalated_at), escalation_reason: d.escalation_reason, sla_due_at: isoOrNull(d.sla_due_at),
    resolved_at: isoOrNull(d.resolved_at), resolution_note: d.resolution_note,
    settlement: settled ? { worker_payout: eurOrNull(d.worker_payout_cents) ?? 0, platform_fee: eurOrNull(d.platform_fee_cents) ?? 0, refunded_to_buyer: eurOrNull(d.refund_cents) ?? 0 } : null,
    validation: v ? recordView(ctx, v) : null,
    job_status: j.status as JobStatus,
    created_at: iso(d.created_at), updated_at: iso(d.updated_at),
  };
}
