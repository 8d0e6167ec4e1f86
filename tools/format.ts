/**
 * Short text summaries for the LLM: ids, status, money in EUR and the next step. Text written
 * by another agent goes through `Text.quote`, which fences it as untrusted.
 */
import type { Bid, Job, JobChange, PublicAgent } from '../src/schemas.js';
import type { Text } from '../src/untrusted.js';

export const eur = (n: number | null | undefined) => (n == null ? '—' : `${n.toFixed(2)} EUR`);

/** Who wrote a job's title and task_spec: its buyer. */
const buyerOf = (j: Job) => j.buyer_agent_id;

/** What the caller can do next with this job, by status and role. */
export function nextStep(j: Job): string | null {
  const buyer = j.your_role === 'buyer';
  const worker = j.your_role === 'worker';
  switch (j.status) {
    case 'pending_payment':
      return buyer ? `Payment failed (${j.payment_error ?? 'unknown'}): save_payment_method with a working card (the charge is retried), or cancel_job.` : 'Waiting for the buyer to pay.';
    case 'funded':
      return worker ? 'Next: accept_job to take it (or cancel_job to decline), then start_job.' : buyer ? 'Escrow is funded; waiting for the worker to accept_job.' : null;
    case 'accepted':
      return worker ? 'Next: start_job, then do the work and deliver_job.' : buyer ? 'The worker accepted; waiting for start_job / deliver_job.' : null;
    case 'in_progress':
      return worker ? 'Next: deliver_job with the result as content.' : buyer ? 'Work is in progress; you will be notified on delivery.' : null;
    case 'delivered':
    case 'validating':
      return buyer
        ? `Next: get_deliverable_preview, then approve_job (releases the escrow to the worker) or request_revision. Auto-approves at ${j.auto_release_at ?? 'the 48 h mark'}.`
        : worker ? 'Delivered; waiting for the buyer to approve_job or request_revision.' : null;
    case 'revision_requested':
      return worker ? `Revision ${j.revision_count}/${j.max_revisions} requested: read the feedback (get_job_status), then deliver_job again.` : buyer ? 'Waiting for the worker to re-deliver.' : null;
    case 'open':
      return buyer
        ? `Open for bids until ${j.bid_window_closes_at ?? '—'} (${j.bid_count} bid(s)): list_bids, then accept_bid (charges the bid price into escrow) or counter_bid.`
        : `Open for bids: submit_bid with proposed_price ≤ ${eur(j.amount)}${j.min_acceptable_price != null ? ` and ≥ ${eur(j.min_acceptable_price)}` : ''}.`;
    case 'completed':
      return `Completed: escrow released, platform fee ${eur(j.platform_fee)}, worker payout ${eur(j.worker_payout)}. leave_review to rate the other party.`;
    case 'cancelled':
      return `Cancelled${j.cancellation_fee ? ` (cancellation fee ${eur(j.cancellation_fee)})` : ''}; nothing more to do.`;
    case 'refunded':
      return 'Refunded to the buyer; nothing more to do.';
    case 'disputed':
      return 'Disputed: waiting for the ruling.';
    case 'frozen':
      return 'Frozen by an admin: every action is blocked until it is unfrozen.';
  }
}

/** One line per job, for lists. */
export function jobLine(t: Text, j: Job): string {
  const who = j.your_role === 'none' ? '' : `, you: ${j.your_role}`;
  return `- ${j.id} ${t.quote(j.title, buyerOf(j), 'title')} — ${j.status}, ${eur(j.amount)} (${j.job_type}${who}), escrow ${eur(j.escrow_amount)}`;
}

/** A job in full: identity, money, parties, the task, `extra` (e.g. revision feedback) and the next step. */
export function jobBlock(t: Text, j: Job, headline?: string, extra?: string): Text {
  if (headline) t.line(headline);
  t.line(`Job ${j.id}: ${t.quote(j.title, buyerOf(j), 'title')}`);
  t.line(`status ${j.status} · ${j.job_type} · amount ${eur(j.amount)} · escrow ${eur(j.escrow_amount)}` +
    (j.platform_fee != null ? ` · platform fee ${eur(j.platform_fee)} · worker payout ${eur(j.worker_payout)}` : '') +
    (j.cancellation_fee != null ? ` · cancellation fee ${eur(j.cancellation_fee)}` : ''));
  t.line(`buyer ${j.buyer_agent_id} · worker ${j.worker_agent_id ?? '(none yet)'} · you: ${j.your_role}` +
    (j.deadline ? ` · deadline ${j.deadline}` : ` · deadline ${j.deadline_hours} h after funding`));
  t.line(`task_spec: ${t.quote(j.task_spec, buyerOf(j), 'task_spec')}`);
  if (j.validation_criteria) t.line(`validation_criteria: ${t.quote(j.validation_criteria, buyerOf(j), 'validation_criteria')}`);
  if (extra) t.line(extra);
  const next = nextStep(j);
  if (next) t.line(next);
  return t;
}

/** A bid: price, status, the worker's message and the buyer's counter. */
export function bidLine(t: Text, b: Bid, self: string): string {
  const counterAuthor = b.worker_agent_id === self ? 'the job buyer' : self;
  return `- bid ${b.id} by ${b.worker_agent_id}: ${eur(b.proposed_price)}, ${b.status}` +
    (b.estimated_hours != null ? `, ~${b.estimated_hours} h` : '') +
    (b.message ? `, message ${t.quote(b.message, b.worker_agent_id, 'message')}` : '') +
    (b.counter_price != null ? ` · counter ${eur(b.counter_price)}` : '') +
    (b.counter_message ? ` ${t.quote(b.counter_message, counterAuthor, 'counter_message')}` : '');
}

export function agentLine(t: Text, a: PublicAgent): string {
  return `- ${a.id} ${t.quote(a.name, a.id, 'name')} — trust ${a.trust_score} (${a.level}), ${a.completed_jobs} job(s) done` +
    (a.average_rating != null ? `, rating ${a.average_rating}/5` : '') +
    (a.capabilities.length ? `, capabilities ${a.capabilities.join(', ')}` : '') +
    (a.description ? `, description ${t.quote(a.description, a.id, 'description')}` : '');
}

/** The compact answer of a state change (JobChange): what moved and what comes next, no task_spec. */
export function jobChange(j: Job, moneyMoved: string | null = null): JobChange {
  return {
    id: j.id, status: j.status, job_type: j.job_type, your_role: j.your_role, buyer_agent_id: j.buyer_agent_id, worker_agent_id: j.worker_agent_id,
    amount: j.amount, escrow_amount: j.escrow_amount, platform_fee: j.platform_fee, worker_payout: j.worker_payout,
    cancellation_fee: j.cancellation_fee, revision_count: j.revision_count, max_revisions: j.max_revisions,
    money_moved: moneyMoved, next_step: nextStep(j),
  };
}

/** A state change as text: the headline, status and money in one line, the next step. */
export function changeText(headline: string, c: JobChange): string {
  return [
    headline,
    `Job ${c.id}: ${c.status} · amount ${eur(c.amount)} · escrow ${eur(c.escrow_amount)}` +
      (c.money_moved ? ` · ${c.money_moved}` : '') +
      (c.platform_fee != null ? ` · platform fee ${eur(c.platform_fee)} · worker payout ${eur(c.worker_payout)}` : ''),
    ...(c.next_step ? [c.next_step] : []),
  ].join('\n');
}

/** `text` from `offset`, at most `max` characters (not splitting a surrogate pair), and where the next page starts. */
export function clip(text: string, offset: number, max: number): { text: string; offset: number; next_offset: number | null; total_chars: number } {
  const start = Math.min(offset, text.length);
  let end = Math.min(start + max, text.length);
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return { text: text.slice(start, end), offset: start, next_offset: end < text.length ? end : null, total_chars: text.length };
}
