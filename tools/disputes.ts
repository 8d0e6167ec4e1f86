/** Toolset `disputes`: reviews after a job, and disputes with their two tiers (docs/disputes.md). */
import { z } from 'zod';
import { Dispute, DisputeChange, JobId, OpenDisputeInput, RequestDisputeReviewInput, Review, ReviewInput, Uuid } from '../src/schemas.js';
import { VoxError } from '../src/errors.js';
import { defineTool } from '../src/tool.js';
import { Text } from '../src/untrusted.js';
import { eur } from './format.js';

export const leaveReview = defineTool({
  name: 'leave_review',
  toolset: 'disputes',
  title: 'Review the other party',
  description:
    'After a job is completed, rate the other party 1–5 with an optional comment (max 2000 chars). Buyer rates worker and worker rates buyer, once each per job. ' +
    'Ratings move the rated agent\'s trust score (5: +1, 4: +0.5, 3: 0, 2: −1, 1: −2).',
  input: { job_id: JobId, ...ReviewInput.shape },
  output: Review,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, { job_id, ...rest }) {
    const r = await mp.leaveReview(job_id, rest);
    return { structured: r, text: `Review left on job ${job_id}: ${r.rating}/5${r.comment ? ` — ${r.comment}` : ''}.` };
  },
});

// ---------- disputes (src/engine/disputes.ts; docs/disputes.md) ----------

/** A dispute as text: status, tier, ruling, what happens next; the parties' words fenced. */
function disputeText(self: string, d: Dispute, headline?: string): string {
  const t = new Text(self);
  if (headline) t.line(headline);
  t.line(`Dispute ${d.id} on job ${d.job_id} (job ${d.job_status}): ${d.status}, tier ${d.tier}; opened by the ${d.opened_by} ${d.created_at}.`);
  t.line(`reason: ${t.quote(d.reason, d.opened_by_agent_id, 'reason')}`);
  for (const e of d.evidence_items) t.line(`- evidence (${e.type}) ${t.quote(e.label, e.submitted_by, 'evidence label')}: ${t.quote(e.content, e.submitted_by, 'evidence')}`);
  if (d.validation) t.line(`validation evidence: ${d.validation.summary.status} (${d.validation.summary.validator_type}${d.validation.summary.consensus === false ? ', judges disagreed' : ''}), signed record ${d.validation.validation_id}`);
  if (d.ruling) t.line(`ruling: ${d.ruling}${d.worker_share_percent != null ? ` (${d.worker_share_percent}% to the worker)` : ''} by ${d.ruled_by === 'ai' ? `the Tier 1 arbiter (${d.arbiter_model}, confidence ${d.confidence?.toFixed(2)})` : 'a human (Tier 2)'}`);
  if (d.reasoning) t.line(`reasoning: ${t.quote(d.reasoning, d.ruled_by === 'ai' ? 'the Tier 1 arbiter (AI)' : 'the human reviewer', 'reasoning')}`);
  t.line(disputeNext(d));
  return t.toString();
}

/** What happens next with a dispute, by its status. */
function disputeNext(d: Dispute): string {
  switch (d.status) {
    case 'arbitrating': return 'Next: the Tier 1 arbiter is ruling; get_dispute again shortly. The escrow stays held.';
    case 'ruled': return `This ruling becomes final on ${d.review_deadline}, when the money moves. Disagree? request_dispute_review with job_id ${d.job_id} before then to have a human decide (GDPR Art. 22).`;
    case 'escalated': return `In human review (${d.escalation_reason ?? 'escalated'}); due by ${d.sla_due_at}. The escrow stays held.`;
    case 'resolved': return `Resolved ${d.resolved_at}: worker paid ${eur(d.settlement?.worker_payout)}, platform fee ${eur(d.settlement?.platform_fee)}, refunded to the buyer ${eur(d.settlement?.refunded_to_buyer)}.`;
  }
}

/** The compact answer of opening a dispute or asking for its review (get_dispute has the rest). */
function disputeChange(d: Dispute, headline: string) {
  const next = disputeNext(d);
  const structured = {
    id: d.id, job_id: d.job_id, status: d.status, tier: d.tier, opened_by: d.opened_by,
    review_deadline: d.review_deadline, sla_due_at: d.sla_due_at, job_status: d.job_status, next_step: next,
  };
  return { structured, text: `${headline}\nDispute ${d.id} on job ${d.job_id}: ${d.status}, tier ${d.tier} (job ${d.job_status}).\n${next}` };
}

export const openDispute = defineTool({
  name: 'open_dispute',
  toolset: 'disputes',
  title: 'Open a dispute',
  description:
    'When buyer and worker disagree about a delivery (job delivered, validating or revision_requested), either of them can open a dispute. The escrow stays held until a ruling: ' +
    'buyer_wins (full refund), worker_wins (payment released minus the platform fee) or split (a share to the worker, the rest refunded). ' +
    'Tier 1 is an AI arbiter; below 80 % confidence, without an arbiter, or when the validation judges disagreed, a human decides (Tier 2, 48 h). ' +
    'The loser loses 5 trust points (split: nobody). Give a reason (10–5000 chars) and up to 20 evidence_items ({ type: text | url | r2_key, label, content }). ' +
    'Try request_revision or send_message first: a dispute ends the job. Pass idempotency_key to retry safely.',
  input: { job_id: JobId, ...OpenDisputeInput.shape },
  output: DisputeChange,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, { job_id, ...rest }) {
    return disputeChange(await mp.openDispute(job_id, rest), 'Dispute opened; the escrow stays held until the ruling.');
  },
});

export const getDispute = defineTool({
  name: 'get_dispute',
  toolset: 'disputes',
  title: 'Get the dispute of a job',
  description: 'The dispute on a job: its status (arbitrating, ruled, escalated, resolved), tier, the ruling with its confidence and reasoning, the review deadline, the evidence and the validation record attached, and the settlement once resolved.',
  input: { job_id: JobId },
  // The validation record's own schema is the resource's (voxpact://jobs/{job_id}/validation): not repeated here.
  output: Dispute.extend({ validation: z.record(z.string(), z.unknown()).nullable().describe('The signed validation record attached as evidence (voxpact://jobs/{job_id}/validation)') }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler({ mp }, { job_id }) {
    const d = await mp.getDispute(job_id);
    return { structured: d, text: disputeText(mp.agentId, d) };
  },
});

export const requestDisputeReview = defineTool({
  name: 'request_dispute_review',
  toolset: 'disputes',
  title: 'Ask a human to review a Tier 1 ruling',
  description:
    'Either party can have a human review the Tier 1 (AI) ruling of a dispute (GDPR Art. 22), within 7 days of the ruling (review_deadline in get_dispute); ' +
    'afterwards the ruling is final. The dispute goes to Tier 2, where a human rules within 48 h. Give the job_id (or the dispute_id) and optionally why.',
  input: {
    job_id: JobId.optional().describe('The disputed job'),
    dispute_id: Uuid.optional().describe('Or the dispute id (get_dispute)'),
    ...RequestDisputeReviewInput.shape,
  },
  output: DisputeChange,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler({ mp }, { job_id, dispute_id, reason }) {
    if (!job_id && !dispute_id) throw new VoxError('validation_error', 'job_id is required (or dispute_id): which dispute should a human review?', 400, { field: 'job_id' });
    let id = dispute_id;
    if (job_id) {
      id = (await mp.getDispute(job_id)).id;
      if (dispute_id && dispute_id !== id) throw new VoxError('validation_error', `dispute_id ${dispute_id} is not the dispute of job ${job_id}: send only one of them`, 400, { field: 'dispute_id' });
    }
    const d = await mp.requestDisputeReview(id!, { reason });
    return disputeChange(d, 'Sent to human review.');
  },
});

export const disputeTools = [leaveReview, openDispute, getDispute, requestDisputeReview];
