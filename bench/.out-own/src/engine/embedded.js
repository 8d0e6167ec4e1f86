/**
 * The embedded backend: the Marketplace interface over the engine, for one agent. Each call is
 * one SQLite write transaction (BEGIN IMMEDIATE) or a plain read; money-moving calls with an
 * idempotency_key store their first answer in the same transaction.
 */
import { createHash } from 'node:crypto';
import { VoxError } from '../errors.js';
import { readTx, writeTx } from './db.js';
import * as accounts from './accounts.js';
import * as cards from './cards.js';
import * as jobs from './jobs.js';
import * as bids from './bids.js';
import * as inbox from './inbox.js';
import { runDueTimers } from './timers.js';
import { TIMER_HANDLERS } from './timer-handlers.js';
import { platformInfo } from './platform.js';
import { pingWebhook } from '../webhooks/ping.js';
import { webhookLog } from '../webhooks/store.js';
import * as messages from './messages.js';
import * as validation from './validation.js';
import * as disputes from './disputes.js';
import { embeddedConnectOnboard, embeddedConnectStatus } from '../payments/schemas.js';
const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** JSON with object keys sorted, so a retry whose arguments come in another key order hashes the same. */
const canonical = (v) => JSON.stringify(v, (_k, x) => x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x);
export class EmbeddedMarketplace {
    ctx;
    agentId;
    rails;
    filesOf;
    constructor(ctx, agentId, rails = { maxJobCents: null, confirmAboveCents: null }, filesOf) {
        this.ctx = ctx;
        this.agentId = agentId;
        this.rails = rails;
        this.filesOf = filesOf;
    }
    /**
     * Fire whatever timers are already due before acting, so no call sees a stale clock: a
     * worker cannot accept after the deadline, a buyer cannot cancel into a fee after it, a
     * revision cannot block an auto-release that is due — even if no timer runner has run yet.
     */
    catchUp() {
        if (this.ctx.db.prepare('SELECT 1 FROM timers WHERE fired_at IS NULL AND due_at <= ? LIMIT 1').get(this.ctx.clock.now())) {
            runDueTimers(this.ctx, TIMER_HANDLERS);
        }
    }
    write(fn) {
        try {
            this.catchUp();
            return Promise.resolve(writeTx(this.ctx.db, fn));
        }
        catch (e) {
            return Promise.reject(e);
        }
    }
    /** Reads run in a deferred transaction: one consistent WAL snapshot for all their queries. */
    read(fn) {
        try {
            this.catchUp();
            return Promise.resolve(readTx(this.ctx.db, fn));
        }
        catch (e) {
            return Promise.reject(e);
        }
    }
    /**
     * Run `fn` at most once per (agent, key): a retry with the same arguments gets the first
     * answer; the same key with other arguments is refused. Inside the write transaction, so
     * the answer and the effects commit together or not at all.
     */
    once(operation, key, args, fn) {
        return this.write(() => {
            if (!key)
                return fn();
            const hash = createHash('sha256').update(canonical({ operation, args })).digest('hex');
            const now = this.ctx.clock.now();
            const prior = this.ctx.db.prepare('SELECT operation, request_hash, response, created_at FROM idempotency WHERE agent_id = ? AND key = ?').get(this.agentId, key);
            if (prior && prior.created_at + IDEMPOTENCY_TTL_MS > now) {
                if (prior.request_hash !== hash) {
                    throw new VoxError('idempotency_key_reused', `idempotency_key '${key}' was already used for a different request (${prior.operation}); use a new key for a new request`, 422, { field: 'idempotency_key' });
                }
                return JSON.parse(prior.response);
            }
            const result = fn();
            this.ctx.db.prepare('INSERT OR REPLACE INTO idempotency (agent_id, key, operation, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?, ?)')
                .run(this.agentId, key, operation, hash, JSON.stringify(result), now);
            return result;
        });
    }
    job(row) {
        return jobs.view(this.ctx, this.agentId, row);
    }
    // ---------- account ----------
    // webhook.ping first (outside any transaction): an endpoint that does not answer 2xx in 5 s refuses the registration.
    registerAgent(input) { return pingWebhook(input.webhook_url, { agent_name: input.name }).then(() => this.write(() => accounts.registerAgent(this.ctx, input))); }
    searchAgents(input) { return this.read(() => accounts.searchAgents(this.ctx, input)); }
    getPlatformInfo() { return this.read(() => platformInfo('embedded', this.rails)); }
    getDashboard() { return this.read(() => inbox.dashboard(this.ctx, this.agentId)); }
    getMyAgent() { return this.read(() => accounts.privateAgent(this.ctx, this.agentId)); }
    updateMyAgent(input) { return this.write(() => accounts.updateAgent(this.ctx, this.agentId, input)); }
    getAgent(id) { return this.read(() => accounts.publicAgent(this.ctx, id)); }
    listAgentReviews(id, limit, offset) { return this.read(() => accounts.listReviews(this.ctx, id, limit, offset)); }
    getTrustHistory(limit, offset) { return this.read(() => accounts.trustHistory(this.ctx, this.agentId, limit, offset)); }
    // ---------- jobs ----------
    postJob(input) {
        const { idempotency_key, ...args } = input;
        return this.once('post_job', idempotency_key, args, () => this.job(jobs.postJob(this.ctx, this.agentId, input)));
    }
    listJobs(input) { return this.read(() => jobs.listJobs(this.ctx, this.agentId, input)); }
    getJob(id) { return this.read(() => this.job(jobs.visibleJob(this.ctx, this.agentId, id))); }
    browseOpenJobs(input) { return this.read(() => jobs.browseOpenJobs(this.ctx, this.agentId, input)); }
    getJobTransitions(id) {
        return this.read(() => {
            const items = jobs.jobTransitions(this.ctx, this.agentId, id).map((t) => ({ ...t, created_at: new Date(t.created_at).toISOString() }));
            return { items, count: items.length };
        });
    }
    acceptJob(id) { return this.write(() => this.job(jobs.acceptJob(this.ctx, this.agentId, id))); }
    startJob(id) { return this.write(() => this.job(jobs.startJob(this.ctx, this.agentId, id))); }
    deliverJob(id, input) {
        // A file (filename / content_base64) is delivered as a confirmed deliverable file: upload → confirm → deliver.
        if (input.filename !== undefined || input.content_base64 !== undefined)
            return this.files().deliverFile(this.agentId, id, input);
        const { idempotency_key, ...args } = input;
        return this.once('deliver_job', idempotency_key, { id, ...args }, () => {
            const r = jobs.deliverJob(this.ctx, this.agentId, id, input);
            return { job: this.job(r.job), deliverable: r.deliverable };
        });
    }
    getDeliverablePreview(id) { return this.read(() => jobs.deliverablePreview(this.ctx, this.agentId, id)); }
    getDeliverable(id) { return this.read(() => jobs.deliverableFull(this.ctx, this.agentId, id)); }
    approveJob(id, opts = {}) {
        return this.once('approve_job', opts.idempotency_key, { id }, () => this.job(jobs.approveJob(this.ctx, this.agentId, id)));
    }
    requestRevision(id, feedback) { return this.write(() => this.job(jobs.requestRevision(this.ctx, this.agentId, id, feedback))); }
    cancelJob(id, input) {
        return this.once('cancel_job', input.idempotency_key, { id, reason: input.reason }, () => this.job(jobs.cancelJob(this.ctx, this.agentId, id, input.reason)));
    }
    // ---------- bidding ----------
    submitBid(jobId, input) {
        const { idempotency_key, ...args } = input;
        return this.once('submit_bid', idempotency_key, { jobId, ...args }, () => bids.submitBid(this.ctx, this.agentId, jobId, input));
    }
    listBids(jobId) { return this.read(() => bids.listBids(this.ctx, this.agentId, jobId)); }
    acceptBid(bidId, opts = {}) {
        return this.once('accept_bid', opts.idempotency_key, { bidId }, () => {
            const r = bids.acceptBid(this.ctx, this.agentId, bidId);
            return { job: this.job(r.job), bid: r.bid };
        });
    }
    counterBid(bidId, input) { return this.write(() => bids.counterBid(this.ctx, this.agentId, bidId, input)); }
    quoteBid(bidId) { return this.read(() => bids.quoteBid(this.ctx, this.agentId, bidId)); }
    // ---------- reviews, notifications ----------
    leaveReview(jobId, input) { return this.write(() => inbox.leaveReview(this.ctx, this.agentId, jobId, input)); }
    listNotifications(input) { return this.read(() => inbox.listNotifications(this.ctx, this.agentId, input)); }
    markNotificationRead(id) { return this.write(() => inbox.markRead(this.ctx, this.agentId, id)); }
    markAllNotificationsRead() { return this.write(() => inbox.markAllRead(this.ctx, this.agentId)); }
    // ---------- payments ----------
    listPaymentMethods() { return this.read(() => { const items = cards.listCards(this.ctx, this.agentId); return { items, count: items.length }; }); }
    setupPaymentMethod() { return this.write(() => cards.setupIntent(this.ctx, this.agentId)); }
    savePaymentMethod(pmId, opts = {}) {
        return this.write(() => {
            const pm = cards.saveCard(this.ctx, this.agentId, pmId, opts.make_default);
            // Cards belong to the owner: a new default card retries the unpaid jobs of all the owner's agents.
            const agents = this.ctx.db.prepare("SELECT id FROM agents WHERE owner_id = (SELECT owner_id FROM agents WHERE id = ?) AND status = 'active'").all(this.agentId);
            return { ...pm, retried_jobs: pm.is_default ? agents.flatMap((a) => jobs.retryPendingPayments(this.ctx, a.id)) : [] };
        });
    }
    deletePaymentMethod(id) { return this.write(() => cards.deleteCard(this.ctx, this.agentId, id)); }
    getPayouts() { return this.read(() => inbox.payouts(this.ctx, this.agentId)); }
    // Embedded payouts settle at once; with STRIPE_SECRET_KEY these are answered by src/payments/marketplace.ts.
    connectOnboard() { return Promise.resolve(embeddedConnectOnboard()); }
    connectStatus() { return Promise.resolve(embeddedConnectStatus()); }
    // ---------- webhooks ----------
    getWebhookLog(limit, offset) { return this.read(() => webhookLog(this.ctx, this.agentId, limit, offset)); }
    // ---------- files (src/engine/files.ts) ----------
    files() {
        if (!this.filesOf)
            throw new VoxError('files_unavailable', 'this marketplace view has no file store (open it through Engine.as)', 503);
        return this.filesOf();
    }
    requestUpload(jobId, input) { return this.files().requestUpload(this.agentId, jobId, input); }
    confirmUpload(jobId, fileId) { return this.files().confirmUpload(this.agentId, jobId, fileId); }
    uploadFile(jobId, input) { return this.files().uploadFile(this.agentId, jobId, input); }
    listFiles(jobId, input) { return this.files().listFiles(this.agentId, jobId, input); }
    getFileDownloadUrl(jobId, fileId) { return this.files().getDownloadUrl(this.agentId, jobId, fileId); }
    previewFile(jobId, fileId) { return this.files().previewFile(this.agentId, jobId, fileId); }
    deleteFile(jobId, fileId) { return this.files().deleteFile(this.agentId, jobId, fileId); }
    // ---------- messages, validation, disputes (src/engine/messages.ts, validation.ts, disputes.ts) ----------
    sendMessage(jobId, input) { return this.write(() => messages.sendMessage(this.ctx, this.agentId, jobId, input)); }
    listMessages(jobId, input) { return this.read(() => messages.listMessages(this.ctx, this.agentId, jobId, input)); }
    getValidationRecord(jobId) { return this.read(() => validation.validationRecord(this.ctx, this.agentId, jobId)); }
    openDispute(jobId, input) {
        const { idempotency_key, ...args } = input;
        return this.once('open_dispute', idempotency_key, { jobId, ...args }, () => disputes.openDispute(this.ctx, this.agentId, jobId, input));
    }
    getDispute(jobId) { return this.read(() => disputes.getDispute(this.ctx, this.agentId, jobId)); }
    requestDisputeReview(disputeId, input = {}) { return this.write(() => disputes.requestReview(this.ctx, this.agentId, disputeId, input.reason)); }
    // ---------- change feed ----------
    changesSince(afterSeq) {
        return this.read(() => this.ctx.db.prepare('SELECT seq, agent_id, job_id, type FROM changes WHERE agent_id = ? AND seq > ? ORDER BY seq LIMIT 500').all(this.agentId, afterSeq));
    }
    latestChangeSeq() {
        return this.read(() => this.ctx.db.prepare('SELECT COALESCE(MAX(seq), 0) s FROM changes').get().s);
    }
}
//# sourceMappingURL=embedded.js.map