/**
 * The embedded backend: the Marketplace interface over the engine, for one agent. Each call is
 * one SQLite write transaction (BEGIN IMMEDIATE) or a plain read; money-moving calls with an
 * idempotency_key store their first answer in the same transaction.
 */
import { createHash } from 'node:crypto';
import { VoxError } from '../errors.js';
import type { ChangeEvent, Marketplace } from '../marketplace.js';
import type * as S from '../schemas.js';
import { type Ctx, OPEN_JOBS_FEED } from './context.js';
import { readTx, writeTx } from './db.js';
import { canonical } from './ids.js';
import * as accounts from './accounts.js';
import * as cards from './cards.js';
import * as jobs from './jobs.js';
import * as bids from './bids.js';
import * as inbox from './inbox.js';
import { runDueTimers } from './timers.js';
import { TIMER_HANDLERS } from './timer-handlers.js';
import { platformInfo } from './platform.js';
import type { JobRow } from './views.js';
import type { FileOps } from './files.js';
import { pingWebhook } from '../webhooks/ping.js';
import { webhookLog } from '../webhooks/store.js';
import * as messages from './messages.js';
import * as validation from './validation.js';
import * as disputes from './disputes.js';
import { embeddedConnectOnboard, embeddedConnectStatus } from '../payments/schemas.js';
import { ApprovalNeeded, type Rails, NO_RAILS, approveByClient, recordApproval } from './policy.js';

const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const TIMER_DUE = 'SELECT 1 FROM timers WHERE fired_at IS NULL AND due_at <= ? LIMIT 1';
/** What a call's transaction answers instead of running the call when a timer is due first. */
const TIMERS_DUE = Symbol('timers due');

export class EmbeddedMarketplace implements Marketplace {
  constructor(private readonly ctx: Ctx, readonly agentId: string, private readonly filesOf?: () => FileOps) {}
  private get rails(): Rails { return this.ctx.rails ?? NO_RAILS; }

  /**
   * Run `fn` in a transaction (`tx`: readTx or writeTx), after firing whatever timers are
   * already due, so no call sees a stale clock: a worker cannot accept after the deadline, a
   * buyer cannot cancel into a fee after it, a revision cannot block an auto-release that is
   * due — even if no timer runner has run yet. The due check is the first statement of the
   * call's own transaction (one indexed lookup; a check of its own would cost a transaction
   * of its own on every call). In the rare case a timer is due, that transaction ends without
   * having done anything, the timers fire in their own transactions, and `fn` runs in a new
   * one, as it would have without the check.
   */
  private inTx<T>(tx: typeof readTx, fn: () => T): T {
    const db = this.ctx.db;
    const r = tx(db, () => (db.prepare(TIMER_DUE).get(this.ctx.clock.now()) ? TIMERS_DUE : fn()));
    if (r !== TIMERS_DUE) return r as T;
    runDueTimers(this.ctx, TIMER_HANDLERS);
    return tx(db, fn);
  }

  /**
   * A write that needs a human's approval (src/engine/policy.ts) rolled back with nothing done;
   * the approval is recorded in a transaction of its own and the call answers approval_required.
   */
  private write<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(this.inTx(writeTx, fn));
    } catch (e) {
      if (e instanceof ApprovalNeeded) {
        try {
          return Promise.reject(writeTx(this.ctx.db, () => recordApproval(this.ctx, e.req)));
        } catch (e2) {
          return Promise.reject(e2);
        }
      }
      return Promise.reject(e);
    }
  }
  /** Reads run in a deferred transaction: one consistent WAL snapshot for all their queries. */
  private read<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(this.inTx(readTx, fn));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Run `fn` at most once per (agent, key): a retry with the same arguments gets the first
   * answer; the same key with other arguments is refused. Inside the write transaction, so
   * the answer and the effects commit together or not at all.
   */
  private once<T>(operation: string, key: string | undefined, args: unknown, fn: () => T): Promise<T> {
    return this.write(() => {
      if (!key) return fn();
      const hash = createHash('sha256').update(canonical({ operation, args })).digest('hex');
      const now = this.ctx.clock.now();
      const prior = this.ctx.db.prepare('SELECT operation, request_hash, response, created_at FROM idempotency WHERE agent_id = ? AND key = ?').get(this.agentId, key) as
        { operation: string; request_hash: string; response: string; created_at: number } | undefined;
      if (prior && prior.created_at + IDEMPOTENCY_TTL_MS > now) {
        if (prior.request_hash !== hash) {
          throw new VoxError('idempotency_key_reused', `idempotency_key '${key}' was already used for a different request (${prior.operation}); use a new key for a new request`, 422, { field: 'idempotency_key' });
        }
        return JSON.parse(prior.response) as T;
      }
      const result = fn();
      this.ctx.db.prepare(`INSERT INTO idempotency (agent_id, key, operation, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (agent_id, key) DO UPDATE SET operation = excluded.operation, request_hash = excluded.request_hash, response = excluded.response, created_at = excluded.created_at`)
        .run(this.agentId, key, operation, hash, JSON.stringify(result), now);
      return result;
    });
  }

  private job(row: JobRow) {
    return jobs.view(this.ctx, this.agentId, row);
  }

  // ---------- account ----------
  // webhook.ping first (outside any transaction): an endpoint that does not answer 2xx in 5 s refuses the registration.
  registerAgent(input: S.RegisterAgentInput) { return pingWebhook(input.webhook_url, { agent_name: input.name }).then(() => this.write(() => accounts.registerAgent(this.ctx, input))); }
  searchAgents(input: S.SearchAgentsInput) { return this.read(() => accounts.searchAgents(this.ctx, input)); }
  getPlatformInfo() { return this.read(() => platformInfo('embedded', this.rails)); }
  getDashboard() { return this.read(() => inbox.dashboard(this.ctx, this.agentId)); }
  getMyAgent() { return this.read(() => accounts.privateAgent(this.ctx, this.agentId)); }
  updateMyAgent(input: S.UpdateAgentInput) { return this.write(() => accounts.updateAgent(this.ctx, this.agentId, input)); }
  getAgent(id: string) { return this.read(() => accounts.publicAgent(this.ctx, id)); }
  listAgentReviews(id: string, limit: number, offset: number) { return this.read(() => accounts.listReviews(this.ctx, id, limit, offset)); }
  /**
   * In-process only, for the MCP layer once the human confirmed in the client (elicitation):
   * approve this agent's own pending approval. No REST route calls it — a REST agent cannot
   * approve its own approval; its owner does, on the dashboard.
   */
  approveByClient(approvalId: string) { return this.write(() => approveByClient(this.ctx, this.agentId, approvalId)); }
  getTrustHistory(limit: number, offset: number) { return this.read(() => accounts.trustHistory(this.ctx, this.agentId, limit, offset)); }

  // ---------- jobs ----------
  postJob(input: S.PostJobInput) {
    const { idempotency_key, approval_id: _a, ...args } = input; // a retry with its approval_id is the same request
    return this.once('post_job', idempotency_key, args, () => this.job(jobs.postJob(this.ctx, this.agentId, input)));
  }
  listJobs(input: S.ListJobsInput) { return this.read(() => jobs.listJobs(this.ctx, this.agentId, input)); }
  getJob(id: string) { return this.read(() => this.job(jobs.visibleJob(this.ctx, this.agentId, id))); }
  browseOpenJobs(input: S.BrowseOpenJobsInput) { return this.read(() => jobs.browseOpenJobs(this.ctx, this.agentId, input)); }
  getJobTransitions(id: string) {
    return this.read(() => {
      const items = jobs.jobTransitions(this.ctx, this.agentId, id).map((t) => ({ ...t, created_at: new Date(t.created_at).toISOString() }));
      return { items, count: items.length };
    });
  }
  acceptJob(id: string) { return this.write(() => this.job(jobs.acceptJob(this.ctx, this.agentId, id))); }
  startJob(id: string) { return this.write(() => this.job(jobs.startJob(this.ctx, this.agentId, id))); }
  deliverJob(id: string, input: S.DeliverInput) {
    // A file (filename / content_base64) is delivered as a confirmed deliverable file: upload → confirm → deliver.
    if (input.filename !== undefined || input.content_base64 !== undefined) return this.files().deliverFile(this.agentId, id, input);
    const { idempotency_key, ...args } = input;
    return this.once('deliver_job', idempotency_key, { id, ...args }, () => {
      const r = jobs.deliverJob(this.ctx, this.agentId, id, input);
      return { job: this.job(r.job), deliverable: r.deliverable };
    });
  }
  getDeliverablePreview(id: string) { return this.read(() => jobs.deliverablePreview(this.ctx, this.agentId, id)); }
  getDeliverable(id: string) { return this.read(() => jobs.deliverableFull(this.ctx, this.agentId, id)); }
  approveJob(id: string, opts: { idempotency_key?: string; approval_id?: string } = {}) {
    return this.once('approve_job', opts.idempotency_key, { id }, () => this.job(jobs.approveJob(this.ctx, this.agentId, id, opts.approval_id)));
  }
  requestRevision(id: string, feedback: string) { return this.write(() => this.job(jobs.requestRevision(this.ctx, this.agentId, id, feedback))); }
  cancelJob(id: string, input: { reason?: string; idempotency_key?: string }) {
    return this.once('cancel_job', input.idempotency_key, { id, reason: input.reason }, () => this.job(jobs.cancelJob(this.ctx, this.agentId, id, input.reason)));
  }

  // ---------- bidding ----------
  submitBid(jobId: string, input: S.SubmitBidInput) {
    const { idempotency_key, ...args } = input;
    return this.once('submit_bid', idempotency_key, { jobId, ...args }, () => bids.submitBid(this.ctx, this.agentId, jobId, input));
  }
  listBids(jobId: string) { return this.read(() => bids.listBids(this.ctx, this.agentId, jobId)); }
  acceptBid(bidId: string, opts: { idempotency_key?: string; approval_id?: string } = {}) {
    return this.once('accept_bid', opts.idempotency_key, { bidId }, () => {
      const r = bids.acceptBid(this.ctx, this.agentId, bidId, opts.approval_id);
      return { job: this.job(r.job), bid: r.bid };
    });
  }
  counterBid(bidId: string, input: { counter_price: number; message?: string }) { return this.write(() => bids.counterBid(this.ctx, this.agentId, bidId, input)); }

  // ---------- reviews, notifications ----------
  leaveReview(jobId: string, input: { rating: number; comment?: string }) { return this.write(() => inbox.leaveReview(this.ctx, this.agentId, jobId, input)); }
  listNotifications(input: S.NotificationsInput) { return this.read(() => inbox.listNotifications(this.ctx, this.agentId, input)); }
  markNotificationRead(id: string) { return this.write(() => inbox.markRead(this.ctx, this.agentId, id)); }
  markAllNotificationsRead() { return this.write(() => inbox.markAllRead(this.ctx, this.agentId)); }

  // ---------- payments ----------
  listPaymentMethods() { return this.read(() => { const items = cards.listCards(this.ctx, this.agentId); return { items, count: items.length }; }); }
  setupPaymentMethod() { return this.write(() => cards.setupIntent(this.ctx, this.agentId)); }
  savePaymentMethod(pmId: string, opts: { make_default?: boolean } = {}) {
    return this.write(() => {
      const pm = cards.saveCard(this.ctx, this.agentId, pmId, opts.make_default);
      // Cards belong to the owner: a new default card retries the unpaid jobs of all the owner's agents.
      const agents = this.ctx.db.prepare("SELECT id FROM agents WHERE owner_id = (SELECT owner_id FROM agents WHERE id = ?) AND status = 'active'").all(this.agentId) as { id: string }[];
      return { ...pm, retried_jobs: pm.is_default ? agents.flatMap((a) => jobs.retryPendingPayments(this.ctx, a.id)) : [] };
    });
  }
  deletePaymentMethod(id: string) { return this.write(() => cards.deleteCard(this.ctx, this.agentId, id)); }
  getPayouts() { return this.read(() => inbox.payouts(this.ctx, this.agentId)); }
  requestPayout(amountCents: number) { return this.write(() => inbox.requestPayout(this.ctx, this.agentId, amountCents)); }
  // Embedded payouts settle at once; with STRIPE_SECRET_KEY these are answered by src/payments/marketplace.ts.
  connectOnboard() { return Promise.resolve(embeddedConnectOnboard()); }
  connectStatus() { return Promise.resolve(embeddedConnectStatus()); }

  // ---------- webhooks ----------
  getWebhookLog(limit: number, offset: number) { return this.read(() => webhookLog(this.ctx, this.agentId, limit, offset)); }

  // ---------- files (src/engine/files.ts) ----------
  private files(): FileOps {
    if (!this.filesOf) throw new VoxError('files_unavailable', 'this marketplace view has no file store (open it through Engine.as)', 503);
    return this.filesOf();
  }
  requestUpload(jobId: string, input: S.RequestUploadInput) { return this.files().requestUpload(this.agentId, jobId, input); }
  confirmUpload(jobId: string, fileId: string) { return this.files().confirmUpload(this.agentId, jobId, fileId); }
  uploadFile(jobId: string, input: S.UploadFileInput) { return this.files().uploadFile(this.agentId, jobId, input); }
  listFiles(jobId: string, input: S.ListFilesInput) { return this.files().listFiles(this.agentId, jobId, input); }
  getFileDownloadUrl(jobId: string, fileId: string) { return this.files().getDownloadUrl(this.agentId, jobId, fileId); }
  previewFile(jobId: string, fileId: string) { return this.files().previewFile(this.agentId, jobId, fileId); }
  deleteFile(jobId: string, fileId: string) { return this.files().deleteFile(this.agentId, jobId, fileId); }

  // ---------- messages, validation, disputes (src/engine/messages.ts, validation.ts, disputes.ts) ----------
  sendMessage(jobId: string, input: S.SendMessageInput) { return this.write(() => messages.sendMessage(this.ctx, this.agentId, jobId, input)); }
  listMessages(jobId: string, input: S.ListMessagesInput) { return this.read(() => messages.listMessages(this.ctx, this.agentId, jobId, input)); }
  getValidationRecord(jobId: string) { return this.read(() => validation.validationRecord(this.ctx, this.agentId, jobId)); }
  openDispute(jobId: string, input: S.OpenDisputeInput) {
    const { idempotency_key, ...args } = input;
    return this.once('open_dispute', idempotency_key, { jobId, ...args }, () => disputes.openDispute(this.ctx, this.agentId, jobId, input));
  }
  getDispute(jobId: string) { return this.read(() => disputes.getDispute(this.ctx, this.agentId, jobId)); }
  requestDisputeReview(disputeId: string, input: { reason?: string } = {}) { return this.write(() => disputes.requestReview(this.ctx, this.agentId, disputeId, input.reason)); }

  // ---------- change feed ----------
  changesSince(afterSeq: number) {
    // This agent's changes and the open-jobs board's (voxpact://open-jobs).
    return this.read(() => this.ctx.db.prepare('SELECT seq, agent_id, job_id, type FROM changes WHERE agent_id IN (?, ?) AND seq > ? ORDER BY seq LIMIT 500').all(this.agentId, OPEN_JOBS_FEED, afterSeq) as ChangeEvent[]);
  }
  latestChangeSeq() {
    return this.read(() => (this.ctx.db.prepare('SELECT COALESCE(MAX(seq), 0) s FROM changes').get() as { s: number }).s);
  }
}

