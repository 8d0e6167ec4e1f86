/**
 * The job state machine, as data. The engine refuses any move not in this table, and
 * `npm run docs` renders it into docs/state-machine.md — one table enforces and documents.
 *
 * Effects name what happens to the money; src/engine/jobs.ts carries them out in the same
 * SQLite transaction as the status change.
 */
import type { JobStatus } from '../schemas.js';

export type Actor = 'buyer' | 'worker' | 'system' | 'admin';
export type Effect =
  | 'none'
  | 'capture' // buyer's card → escrow (direct job, or accepted bid at the bid price)
  | 'release' // escrow → worker (minus platform fee by tier) + platform fee
  | 'refund' // escrow → buyer's card, in full
  | 'cancel_fee' // escrow → buyer minus the 5 % / 25 % fee of the reference
  | 'dispute_ruling'; // escrow split by the ruling (disputes issue)

export type Row = {
  action: string; from: readonly (JobStatus | null)[]; actor: Actor; to: JobStatus; effect: Effect; event?: string; note: string;
  /** Actions that pass through this row first when called from its `from` (both moves recorded, one transaction). */
  implied_by?: readonly string[];
};

const ACTIVE_WORK: JobStatus[] = ['accepted', 'in_progress', 'revision_requested'];

export const TRANSITIONS: readonly Row[] = [
  { action: 'post_direct', from: [null], actor: 'buyer', to: 'funded', effect: 'capture', event: 'job.created', note: 'direct job; the card is charged into escrow at once' },
  { action: 'post_direct_unpaid', from: [null], actor: 'buyer', to: 'pending_payment', effect: 'none', event: 'payment.failed', note: 'direct job whose capture failed' },
  { action: 'payment_succeeded', from: ['pending_payment'], actor: 'system', to: 'funded', effect: 'capture', event: 'job.created', note: 'a working card was saved; the capture is retried' },
  { action: 'payment_expired', from: ['pending_payment'], actor: 'system', to: 'cancelled', effect: 'none', event: 'job.expired', note: 'still unpaid 24 h after posting' },
  { action: 'post_open', from: [null], actor: 'buyer', to: 'open', effect: 'none', note: 'open job; bidding, nothing captured' },
  { action: 'accept_bid', from: ['open'], actor: 'buyer', to: 'accepted', effect: 'capture', event: 'bid.accepted', note: 'captured at the bid price; worker assigned; other bids rejected' },
  { action: 'bid_window_closed', from: ['open'], actor: 'system', to: 'cancelled', effect: 'none', event: 'job.expired', note: 'bid window closed with no active bid, or bids left unaccepted for 7 days after it' },
  { action: 'accept', from: ['funded'], actor: 'worker', to: 'accepted', effect: 'none', event: 'job.accepted', note: 'the assigned worker takes the direct job' },
  { action: 'start', from: ['accepted'], actor: 'worker', to: 'in_progress', effect: 'none', implied_by: ['deliver'], note: 'work underway; optional: delivering from accepted passes through it' },
  { action: 'deliver', from: ['in_progress', 'revision_requested'], actor: 'worker', to: 'delivered', effect: 'none', event: 'job.delivered', note: 'auto-release timer set for 48 h' },
  { action: 'validate', from: ['delivered'], actor: 'system', to: 'validating', effect: 'none', note: 'dual-model validation running (validation issue)' },
  { action: 'validated', from: ['validating'], actor: 'system', to: 'delivered', effect: 'none', note: 'validation finished; awaiting the buyer' },
  { action: 'auto_approve', from: ['delivered'], actor: 'system', to: 'completed', effect: 'release', event: 'job.validation_passed', note: 'validation passed with at least the min_confidence of the buyer\'s auto_accept_rule (reported as auto_approved)' },
  { action: 'approve', from: ['delivered', 'validating'], actor: 'buyer', to: 'completed', effect: 'release', event: 'payment.received', note: 'escrow released minus the platform fee of the worker\'s tier' },
  { action: 'auto_release', from: ['delivered', 'validating'], actor: 'system', to: 'completed', effect: 'release', event: 'payment.received', note: '48 h after delivery with no action from the buyer' },
  { action: 'request_revision', from: ['delivered', 'validating'], actor: 'buyer', to: 'revision_requested', effect: 'none', event: 'job.revision_requested', note: 'up to max_revisions (default 2)' },
  { action: 'cancel', from: ['open', 'pending_payment', 'funded'], actor: 'buyer', to: 'cancelled', effect: 'refund', event: 'job.cancelled', note: 'full refund, no fee' },
  { action: 'cancel', from: ACTIVE_WORK, actor: 'buyer', to: 'cancelled', effect: 'cancel_fee', event: 'job.cancelled', note: 'accepted: 5 % fee to the platform; in progress or in revision: 25 % to the worker' },
  { action: 'withdraw', from: ['funded', ...ACTIVE_WORK], actor: 'worker', to: 'cancelled', effect: 'refund', event: 'job.cancelled', note: 'the worker declines or gives up: full refund; once accepted, a worker-fault trust penalty' },
  { action: 'stale_cancel', from: ['funded'], actor: 'system', to: 'cancelled', effect: 'refund', event: 'job.stale_cancelled', note: 'the worker never accepted before the deadline: full refund' },
  { action: 'deadline_expired', from: ACTIVE_WORK, actor: 'system', to: 'cancelled', effect: 'refund', event: 'job.deadline_expired', note: 'not delivered by the deadline: full refund, worker-fault trust penalty' },
  { action: 'dispute', from: ['delivered', 'validating', 'revision_requested'], actor: 'buyer', to: 'disputed', effect: 'none', event: 'job.disputed', note: 'disputes issue' },
  { action: 'dispute', from: ['delivered', 'validating', 'revision_requested'], actor: 'worker', to: 'disputed', effect: 'none', event: 'job.disputed', note: 'disputes issue' },
  { action: 'resolve_worker_wins', from: ['disputed'], actor: 'admin', to: 'completed', effect: 'release', event: 'dispute.resolved', note: 'disputes issue' },
  { action: 'resolve_buyer_wins', from: ['disputed'], actor: 'admin', to: 'refunded', effect: 'refund', event: 'dispute.resolved', note: 'disputes issue' },
  { action: 'resolve_split', from: ['disputed'], actor: 'admin', to: 'completed', effect: 'dispute_ruling', event: 'dispute.resolved', note: 'disputes issue' },
  { action: 'resolve_worker_wins', from: ['disputed'], actor: 'system', to: 'completed', effect: 'release', event: 'dispute.resolved', note: 'Tier 1 (AI) ruling, final once its 7-day review window closed without request_dispute_review' },
  { action: 'resolve_buyer_wins', from: ['disputed'], actor: 'system', to: 'refunded', effect: 'refund', event: 'dispute.resolved', note: 'Tier 1 (AI) ruling, final once its 7-day review window closed' },
  { action: 'resolve_split', from: ['disputed'], actor: 'system', to: 'completed', effect: 'dispute_ruling', event: 'dispute.resolved', note: 'Tier 1 (AI) ruling, final once its 7-day review window closed: worker share minus fee to the worker, the rest refunded' },
];

/** The row for `action` by `actor` from `from`, or undefined when the move is not allowed. */
export function findTransition(action: string, actor: Actor, from: JobStatus | null): Row | undefined {
  return TRANSITIONS.find((r) => r.action === action && r.actor === actor && r.from.includes(from));
}

/**
 * The row that `action` by `actor` passes through first from `from` (its `implied_by`), when
 * there is no direct row and the implied row leads to a status `action` is allowed from.
 */
export function impliedStep(action: string, actor: Actor, from: JobStatus | null): Row | undefined {
  if (findTransition(action, actor, from)) return undefined;
  return TRANSITIONS.find((r) => r.implied_by?.includes(action) && r.actor === actor && r.from.includes(from) && findTransition(action, actor, r.to));
}

/** Statuses from which `action` is allowed for `actor` (directly or through an implied step), for error messages an LLM can act on. */
export function allowedFrom(action: string, actor?: Actor): JobStatus[] {
  const out = new Set<JobStatus>();
  for (const r of TRANSITIONS) if (r.action === action && (!actor || r.actor === actor)) for (const f of r.from) if (f) out.add(f);
  for (const r of TRANSITIONS) if (r.implied_by?.includes(action) && (!actor || r.actor === actor) && out.has(r.to)) for (const f of r.from) if (f) out.add(f);
  return [...out];
}

/** Render the table as Markdown (docs/state-machine.md). */
export function renderMarkdown(): string {
  const lines = [
    '# Job state machine',
    '',
    'Generated from `src/engine/transitions.ts` by `npm run docs` — the same table the engine enforces.',
    'Any admin may also `freeze` a non-terminal job (→ `frozen`, all actions blocked) and `unfreeze` it back.',
    '`open` is an extension status: an open job in bidding (the reference lists none for it).',
    '',
    '| action | from | actor | to | money | event | note |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of TRANSITIONS) {
    const from = r.from.map((f) => (f ? `\`${f}\`` : '(new)')).join(', ');
    const implied = r.implied_by?.length ? ` (also implied by ${r.implied_by.map((a) => `\`${a}\``).join(', ')}: both moves recorded)` : '';
    lines.push(`| \`${r.action}\` | ${from} | ${r.actor} | \`${r.to}\` | ${r.effect} | ${r.event ?? ''} | ${r.note}${implied} |`);
  }
  return lines.join('\n') + '\n';
}
