/**
 * The embedded marketplace engine. One Engine per database file; `as(agentId)` gives the
 * Marketplace view one authenticated agent uses. Several processes may open the same file.
 */
import { dirname, join } from 'node:path';
import type { Clock } from '../clock.js';
import { systemClock, iso } from '../clock.js';
import type { Marketplace } from '../marketplace.js';
import { notFound } from '../errors.js';
import { type DB, openDb, readTx, writeTx } from './db.js';
import { isPostgresUrl } from './pg.js';
import { tmpdir } from 'node:os';
import { type Ctx, readOutbox } from './context.js';
import * as accounts from './accounts.js';
import { saveCard } from './cards.js';
import * as jobs from './jobs.js';
import { checkInvariants } from './ledger.js';
import { runDueTimers } from './timers.js';
import { TIMER_HANDLERS } from './timer-handlers.js';
import { EmbeddedMarketplace } from './embedded.js';
import { JudgingService } from '../validation/service.js';
import { FileOps } from './files.js';
import { type FilesConfig, filesConfigFromEnv } from '../files/config.js';
import { log } from '../log.js';
import { platformInfo } from './platform.js';
import { identityOf } from './identity.js';
import { pingWebhook } from '../webhooks/ping.js';
import { retryWebhooksNow } from '../webhooks/store.js';
import type { BrowseOpenJobsInput, RegisterAgentInput, SearchAgentsInput, UpdateAgentInput } from '../schemas.js';
import type { ConfirmationStore } from '../confirm.js';
import { confirmationStore } from './confirmations.js';
import { type Rails, NO_RAILS, decideAsOwner, expireApprovals, ownerApproval, ownerApprovals } from './policy.js';

export type { Rails } from './policy.js';

export class Engine {
  readonly ctx: Ctx;
  /** Dual-model validation and Tier 1 dispute arbitration (src/validation/service.ts); `judging.configure({ llm, autoRun })`. */
  readonly judging: JudgingService;
  private constructor(readonly db: DB, readonly clock: Clock, private readonly rails: Rails) {
    this.ctx = { db, clock, rails };
    this.judging = new JudgingService(this.ctx); // shares this ctx (and becomes its ctx.judging): outbox, payment hooks, …
  }

  /** `files`: the blob store (default: VOXPACT_FILES_* / VOXPACT_S3_* from the environment; local disk under `<data dir>/files`). */
  static open(opts: { dbPath?: string; dataDir?: string; clock?: Clock; rails?: Rails; files?: FilesConfig }): Engine {
    const path = opts.dbPath ?? join(opts.dataDir ?? '.', 'voxpact.db');
    const engine = new Engine(openDb(path), opts.clock ?? systemClock(), opts.rails ?? NO_RAILS);
    // Mail bodies (API keys, sign-in codes) go to 0600 files, never into the database: beside a
    // database file; on PostgreSQL, in this server's data directory (docs/scaling.md).
    const pg = isPostgresUrl(path);
    const dataDir = opts.dataDir ?? (pg ? join(tmpdir(), 'voxpact') : undefined);
    if (pg) engine.ctx.outboxDir = join(dataDir!, 'outbox');
    else if (path !== ':memory:') engine.ctx.outboxDir = join(dirname(path), 'outbox');
    const files = opts.files ?? filesConfigFromEnv(process.env);
    engine.filesConfig = { ...files, dir: files.dir ?? FileOps.defaultDir(path, dataDir) };
    if (files.publicUrl) engine.ctx.publicUrl = files.publicUrl;
    // Judges read a file deliverable whose text is not kept inline from the blob store.
    engine.judging.setDeliverableSource((deliverableId, jobId) => engine.files.deliverableText(deliverableId, jobId));
    return engine;
  }

  private filesConfig!: FilesConfig & { dir: string };
  private fileOps: FileOps | null = null;
  /** Job files: the blob store, signed URLs and the file rules (src/engine/files.ts). Created on first use. */
  get files(): FileOps {
    return (this.fileOps ??= new FileOps(this.ctx, this.filesConfig));
  }

  /** An HTTP server serves the web pages and /files at `url`: mail links and signed file URLs point there (VOXPACT_PUBLIC_URL wins). */
  attachHttp(url: string) {
    this.ctx.publicUrl ??= url.replace(/\/+$/, '');
    this.files.service.attachHttp(url);
  }

  /** Set by an external payment provider (src/payments/marketplace.ts): wraps each agent's view so its calls reach the provider. */
  wrapMarketplace?: (m: Marketplace, agentId: string) => Marketplace;

  /** The agent's Marketplace; `connection`: an OAuth connection's policy that bounds its spending (src/engine/oauth.ts). */
  as(agentId: string, connection?: Ctx['connection']): Marketplace {
    accounts.getAgentRow(this.ctx, agentId);
    // A shallow copy: the same database, clock, judging and payment hooks, with the connection's bounds.
    const m = new EmbeddedMarketplace(connection ? { ...this.ctx, connection } : this.ctx, agentId, () => this.files);
    return this.wrapMarketplace ? this.wrapMarketplace(m, agentId) : m;
  }

  authenticate(apiKey: string): string {
    return accounts.authenticate(this.ctx, apiKey);
  }

  /**
   * Register, activate (paying the activation fee with `card` when the owner already has an
   * active agent) and save `card` — the local operator's shortcut for `agents create`.
   */
  createLocalAgent(o: { name: string; owner_email: string; capabilities?: string[]; card?: string; webhook_url?: string; description?: string }) {
    return writeTx(this.db, () => {
      const { agent_id } = accounts.registerAgent(this.ctx, o);
      const token = (this.db.prepare('SELECT activation_token t FROM agents WHERE id = ?').get(agent_id) as { t: string }).t;
      const act = accounts.activate(this.ctx, token, true);
      const key = act.api_key ?? (() => {
        if (!o.card) throw new Error('this owner already has an active agent: the 5.00 EUR activation fee needs --card');
        return accounts.payCheckout(this.ctx, act.checkout_id!, o.card).api_key;
      })();
      if (o.card) saveCard(this.ctx, agent_id, o.card);
      return { agent_id, api_key: key };
    });
  }

  /** Where MCP spending confirmations are signed and spent once (src/engine/confirmations.ts). */
  get confirmations(): ConfirmationStore {
    return (this.confirmationsStore ??= confirmationStore(this.ctx));
  }
  private confirmationsStore: ConfirmationStore | null = null;

  /** JWTs, owner magic links, key recovery (src/engine/identity.ts). */
  get identity() {
    return identityOf(this.ctx);
  }

  /**
   * What anyone may do without being an agent (the public REST endpoints): register (after the
   * webhook.ping, as EmbeddedMarketplace does), read profiles, reviews, open jobs, platform info.
   */
  get anonymous() {
    const ctx = this.ctx;
    const read = <T>(fn: () => T) => readTx(ctx.db, fn);
    return {
      registerAgent: (input: RegisterAgentInput) =>
        pingWebhook(input.webhook_url, { agent_name: input.name }).then(() => writeTx(this.db, () => accounts.registerAgent(ctx, input))),
      searchAgents: (input: SearchAgentsInput) => read(() => accounts.searchAgents(ctx, input)),
      getAgent: (id: string) => read(() => accounts.publicAgent(ctx, id)),
      listAgentReviews: (id: string, limit: number, offset: number) => read(() => accounts.listReviews(ctx, id, limit, offset)),
      browseOpenJobs: (input: BrowseOpenJobsInput) => read(() => jobs.browseOpenJobs(ctx, null, input)),
      getPlatformInfo: () => platformInfo('embedded', this.rails),
    };
  }

  /** Admin: register → activation link/token → pay checkout (tests and the dashboard use these). */
  registerAgent(input: Parameters<typeof accounts.registerAgent>[1]) {
    return writeTx(this.db, () => accounts.registerAgent(this.ctx, input));
  }
  activationInfo(token: string) {
    return accounts.activationInfo(this.ctx, token);
  }
  activate(token: string, termsAgreed: boolean) {
    return writeTx(this.db, () => accounts.activate(this.ctx, token, termsAgreed));
  }
  checkoutInfo(checkoutId: string) {
    return accounts.checkoutInfo(this.ctx, checkoutId);
  }
  payCheckout(checkoutId: string, card: string) {
    return writeTx(this.db, () => accounts.payCheckout(this.ctx, checkoutId, card));
  }
  rotateKey(agentId: string) {
    return this.identity.rotateKey(agentId);
  }
  deleteAgent(callerId: string, targetId: string) {
    return writeTx(this.db, () => accounts.deleteAgent(this.ctx, callerId, targetId));
  }

  freezeJob(jobId: string, reason: string) {
    return writeTx(this.db, () => jobs.freezeJob(this.ctx, jobId, reason));
  }
  unfreezeJob(jobId: string, reason: string) {
    return writeTx(this.db, () => jobs.unfreezeJob(this.ctx, jobId, reason));
  }

  // ---------- spending approvals (src/engine/policy.ts): the owner's side, for the dashboard ----------
  /** The owner's approvals across its agents, newest first. */
  listApprovals(ownerId: string, pendingOnly = false) {
    return readTx(this.db, () => ownerApprovals(this.ctx, ownerId, pendingOnly));
  }
  getApproval(ownerId: string, approvalId: string) {
    return readTx(this.db, () => ownerApproval(this.ctx, ownerId, approvalId));
  }
  decideApproval(ownerId: string, approvalId: string, decision: 'approved' | 'declined') {
    return writeTx(this.db, () => decideAsOwner(this.ctx, ownerId, approvalId, decision));
  }
  /** The owner changing an agent's profile or spending policy on the dashboard: the owner is the human step, so no approval. */
  updateAgentAsOwner(ownerId: string, agentId: string, input: UpdateAgentInput) {
    return writeTx(this.db, () => {
      if (accounts.getAgentRow(this.ctx, agentId).owner_id !== ownerId) throw notFound('agent', agentId);
      return accounts.updateAgent(this.ctx, agentId, input, true);
    });
  }

  /** The dashboard's "Retry now" on failing webhooks: how many deliveries were made due. */
  retryWebhooksNow(agentId: string) {
    return writeTx(this.db, () => retryWebhooksNow(this.ctx, agentId));
  }

  outbox() {
    return readOutbox(this.ctx);
  }

  runTimers() {
    const result = runDueTimers(this.ctx, TIMER_HANDLERS);
    this.housekeeping();
    // Abandoned uploads and the bytes of deleted files (only once this process has used files).
    this.fileOps?.sweep().catch((e) => log('warn', 'file sweep failed', { error: (e as Error).message }));
    return result;
  }

  /** Bound what grows: the change feed keeps 7 days, idempotency answers 24 h, fired timers 30 days. */
  private housekeeping() {
    const now = this.clock.now();
    writeTx(this.db, () => {
      // seq grows with time, so the feed is cut at its first row young enough to keep: the scan
      // reads only the rows it deletes, and no created_at index is written on every operation.
      this.db.prepare(`DELETE FROM changes WHERE seq < COALESCE((SELECT seq FROM changes WHERE created_at >= @cutoff ORDER BY seq LIMIT 1),
          (SELECT MAX(seq) + 1 FROM changes))`).run({ cutoff: now - 7 * 86_400_000 });
      this.db.prepare('DELETE FROM idempotency WHERE created_at < ?').run(now - 86_400_000);
      this.db.prepare('DELETE FROM timers WHERE fired_at IS NOT NULL AND fired_at < ?').run(now - 30 * 86_400_000);
      // Sign-in links and key recoveries: kept 2 days (their limits look back 1 hour and 24 hours).
      this.db.prepare('DELETE FROM owner_logins WHERE created_at < ?').run(now - 2 * 86_400_000);
      this.db.prepare('DELETE FROM key_recoveries WHERE created_at < ?').run(now - 2 * 86_400_000);
      expireApprovals(this.ctx);
    });
  }

  /** The ledger invariants of DESIGN.md; empty when the books are right. */
  checkInvariants() {
    return checkInvariants(this.db);
  }

  /** Totals of the ledger by account family, for the demo and the CLI. */
  ledgerSummary() {
    const totals: Record<string, number> = {};
    for (const r of this.db.prepare('SELECT account, balance_cents FROM balances ORDER BY account').all() as { account: string; balance_cents: number }[]) {
      const family = r.account.slice(0, r.account.indexOf(':'));
      totals[family] = (totals[family] ?? 0) + r.balance_cents;
    }
    return Object.fromEntries(Object.entries(totals).map(([family, cents]) => [family, cents / 100]));
  }

  close() {
    this.judging.stop();
    void this.fileOps?.close();
    this.db.close();
  }
}

export { EmbeddedMarketplace };
