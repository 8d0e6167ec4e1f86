/** What each durable timer does when it fires. Each re-checks the job and may do nothing. */
import { HOUR_MS } from '../clock.js';
import { LIMITS, TRUST } from '../limits.js';
import { type Ctx, adjustTrust, emit } from './context.js';
import { loadJob, move, rejectOpenBids, unindexOpenJob } from './jobs.js';
import { type Handler, type TimerKind, schedule } from './timers.js';
import { finalizeTier1, slaCheck } from './disputes.js';

const activeBids = (ctx: Ctx, jobId: string) =>
  (ctx.db.prepare("SELECT COUNT(*) n FROM bids WHERE job_id = ? AND status IN ('active','countered')").get(jobId) as { n: number }).n;

export const TIMER_HANDLERS: Record<TimerKind, Handler> = {
  /** Bidding closes. With no bid the job ends; with bids the buyer has a grace period to pick one. */
  bid_window(ctx, jobId, dueAt) {
    const j = loadJob(ctx, jobId);
    if (j.status !== 'open') return 'skipped: no longer open';
    if (activeBids(ctx, jobId) === 0) {
      move(ctx, j, 'bid_window_closed', 'system', null, 'bid window closed with no bids');
      emit(ctx, j.buyer_id, 'job.expired', jobId, { job_id: jobId, reason: 'bid_window_closed' }, `Bidding on "${j.title}" closed with no bids; the job was closed. Nothing was charged.`);
      return 'closed: no bids';
    }
    ctx.db.prepare('UPDATE jobs SET bidding_closed = 1, updated_at = ? WHERE id = ?').run(ctx.clock.now(), jobId);
    unindexOpenJob(ctx, jobId);
    schedule(ctx, 'accept_grace', jobId, dueAt + LIMITS.accept_grace_hours * HOUR_MS); // from the close, not from when the runner got to it
    return 'bidding closed; bids stay acceptable';
  },
  accept_grace(ctx, jobId) {
    const j = loadJob(ctx, jobId);
    if (j.status !== 'open') return 'skipped: a bid was accepted';
    move(ctx, j, 'bid_window_closed', 'system', null, 'no bid accepted within the grace period');
    rejectOpenBids(ctx, jobId, 'no bid was accepted in time and the job closed');
    emit(ctx, j.buyer_id, 'job.expired', jobId, { job_id: jobId, reason: 'no_bid_accepted' }, `No bid on "${j.title}" was accepted in time; the job was closed. Nothing was charged.`);
    return 'closed: no bid accepted';
  },
  /** Deadline: a funded job never accepted is stale; accepted work not delivered has expired. */
  deadline(ctx, jobId) {
    const j = loadJob(ctx, jobId);
    if (j.deadline_at == null || j.deadline_at > ctx.clock.now()) return 'skipped: deadline moved';
    if (j.status === 'funded') {
      move(ctx, j, 'stale_cancel', 'system', null, 'worker did not accept before the deadline');
      for (const a of [j.buyer_id, j.worker_id!])
        emit(ctx, a, 'job.stale_cancelled', jobId, { job_id: jobId, reason: 'not_accepted' }, `"${j.title}" was auto-cancelled: the worker did not accept before the deadline. The buyer was refunded in full.`);
      return 'stale_cancelled';
    }
    if (['accepted', 'in_progress', 'revision_requested'].includes(j.status)) {
      move(ctx, j, 'deadline_expired', 'system', null, 'not delivered by the deadline');
      for (const a of [j.buyer_id, j.worker_id!])
        emit(ctx, a, 'job.deadline_expired', jobId, { job_id: jobId }, `"${j.title}" missed its deadline; the buyer was refunded in full.`);
      adjustTrust(ctx, j.worker_id!, TRUST.worker_fault_cancel, 'deadline missed', jobId);
      return 'deadline_expired';
    }
    return `skipped: '${j.status}'`;
  },
  /** 48 h after the latest delivery with no answer from the buyer: release the escrow. */
  auto_release(ctx, jobId) {
    const j = loadJob(ctx, jobId);
    if (!['delivered', 'validating'].includes(j.status)) return `skipped: '${j.status}'`;
    if ((j.delivered_at ?? 0) + LIMITS.auto_release_hours * HOUR_MS > ctx.clock.now()) return 'skipped: re-delivered since';
    move(ctx, j, 'auto_release', 'system', null, `no buyer action ${LIMITS.auto_release_hours} h after delivery`);
    return 'released';
  },
  payment_expiry(ctx, jobId) {
    const j = loadJob(ctx, jobId);
    if (j.status !== 'pending_payment') return `skipped: '${j.status}'`;
    move(ctx, j, 'payment_expired', 'system', null, 'unpaid 24 h after posting');
    emit(ctx, j.buyer_id, 'job.expired', jobId, { job_id: jobId, reason: 'payment_not_completed' }, `"${j.title}" was never paid and has been cancelled.`);
    return 'expired';
  },
  /** 7 days after a Tier 1 (AI) dispute ruling with no request for human review: it is final, the money moves. */
  dispute_finalize: (ctx, jobId) => finalizeTier1(ctx, jobId),
  /** 48 h after a dispute went to human review: record that the SLA was missed. */
  dispute_sla: (ctx, jobId) => slaCheck(ctx, jobId),
};
