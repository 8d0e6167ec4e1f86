/**
 * Stripe escrow around the engine. Network calls cannot run inside the engine's synchronous
 * SQLite transaction, so each agent call runs like this:
 *
 *   1. run the engine call; when it reaches a capture it has not been told the outcome of, the
 *      `capture` hook throws NeedsCharge (after every check of the call has passed) and the
 *      transaction rolls back — nothing was booked;
 *   2. create a card-only PaymentIntent with idempotency key `capture:<job_id>` (the job id is
 *      chosen before step 1: derived from the caller's idempotency_key), store its id in
 *      `provider_calls`, then confirm that id off-session. A capture never gets a second
 *      PaymentIntent: a retry reads the stored one and confirms it again only if it has not
 *      succeeded and is not `processing` (Stripe keys expire after 24 h, so keys alone are not enough);
 *   3. run the engine call again with the outcome: it books it exactly as the embedded network's.
 *
 * After the call commits, `settle()` pushes what the ledger now owes the outside world:
 * refunds (`refund:<job_id>`, each alone: a refusal is recorded and retried with back-off),
 * and transfers funded by the job's own charge (`source_transaction`) to the worker's
 * connected account for deferred payouts (`release:<job_id>`); a worker without a ready
 * account waits (`pending_retry`). `settle()` also runs on a timer, so a crash after a commit
 * is finished later. Webhook events (applyEvent) book what Stripe decides alone: a payment the
 * bank confirms later, chargebacks, refunds that fail later, fees.
 */
import { createHash } from 'node:crypto';
import { VoxError } from '../errors.js';
import type { Engine } from '../engine/index.js';
import type { Marketplace } from '../marketplace.js';
import { emit } from '../engine/context.js';
import { writeTx } from '../engine/db.js';
import { post, acct, balance } from '../engine/ledger.js';
import { checkPayoutRequest } from '../engine/inbox.js';
import { retryPendingPayment } from '../engine/jobs.js';
import { Chargebacks } from './chargebacks.js';
import { formatEur } from '../money.js';
import type { PayoutRequestResult } from '../schemas.js';
import { type CaptureAnswer, type CaptureRequest, type CardInfo, type PaymentHooks, type PayoutRequest, NeedsCharge } from './hooks.js';
import { type AccountState, type ChargeOutcome, type PaymentProvider, type ProviderEvent, PERMANENT, PLATFORM_COUNTRY, accountState } from './provider.js';

/** Bound on provider charges one agent call may make (savePaymentMethod retries every pending job). */
export const MAX_CHARGES_PER_CALL = 25;
/** Bound on refunds / transfers one settle pass pushes. */
export const MAX_SETTLE_BATCH = 100;
/** A refund Stripe could not make now is retried after 1 min, 2, 4, … up to a day. */
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 86_400_000);

type CallState = { outcomes: Map<string, CaptureAnswer>; used: Set<string>; jobId?: string; cards: Map<string, CardInfo> };
type PayoutRow = { ref: string; job_id: string; worker_id: string; amount_cents: number; status: string; attempts: number };
type RefundRow = { idempotency_key: string; job_id: string | null; ledger_ref: string; payment_intent_id: string; amount_cents: number; attempts: number };
type ChargeRow = { object_id: string | null; status: string; attempts: number; error: string | null; amount_cents: number };

/** Calls that only read: no charge, nothing to settle after. */
const READ_ONLY = /^(get|list|browse|search|quote|changes|latest|preview)/;

export type StripePaymentsOptions = {
  connectReturnUrl?: string; connectRefreshUrl?: string;
  /** Where Stripe's 3-D Secure page sends the buyer's owner back (the dashboard). */ paymentReturnUrl?: string;
  /** whsec_…: verifies /v1/stripe/webhook (the platform endpoint) */ webhookSecret?: string;
  /** whsec_… of the Connect endpoint (events of connected accounts: account.updated, capability.updated) */ connectWebhookSecret?: string;
};

/** The Stripe payments installed on an engine (the REST webhook route finds them here). */
const INSTALLED = new WeakMap<Engine, StripePayments>();
export const paymentsOf = (engine: Engine) => INSTALLED.get(engine);

export class StripePayments {
  private call: CallState | null = null;
  /** Activation checkouts Stripe reported paid, for the engine's payCheckout to book (set just before it runs). */
  private readonly paidCheckouts = new Map<string, CaptureAnswer>();
  readonly hooks: PaymentHooks;
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly engine: Engine, readonly provider: PaymentProvider, private readonly opts: StripePaymentsOptions = {}) {
    const self = this;
    this.hooks = {
      capture: (req) => self.captureHook(req),
      cardInfo: (pm) => self.call?.cards.get(pm),
      newJobId: () => self.call?.jobId,
      deferPayout: (req) => self.deferPayout(req),
      checkout: (id) => self.paidCheckouts.get(id)
        ?? { ok: false, code: 'stripe_checkout_required', message: 'on Stripe the activation fee is paid at the Stripe Checkout page (checkout_url of POST /v1/agents/activate).', payment_intent_id: '' },
    };
  }

  /** Route the engine's money through this provider: install the hooks and wrap each agent's view. */
  install(): this {
    this.engine.ctx.payments = this.hooks;
    this.engine.wrapMarketplace = (m, agentId) => this.wrap(m, agentId);
    INSTALLED.set(this.engine, this);
    return this;
  }
  /** Retry what is owed (deferred payouts, refunds) every `intervalMs`; the table rows are the durable state. */
  start(intervalMs = 60_000) {
    this.timer ??= setInterval(() => void this.settle().catch(() => undefined), intervalMs);
    this.timer.unref();
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  // Internal: shared with src/payments/chargebacks.ts.
  get db() { return this.engine.db; }
  get ctx() { return this.engine.ctx; }
  now() { return this.engine.clock.now(); }
  readonly chargebacks = new Chargebacks(this);
  private ownerOf(agentId: string) {
    return this.db.prepare('SELECT o.id, o.email FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.id = ?').get(agentId) as { id: string; email: string };
  }

  // ---------- engine hooks (inside the transaction) ----------
  private captureHook(req: CaptureRequest): CaptureAnswer {
    const call = this.call;
    if (!call) throw new VoxError('payment_provider_busy', 'a capture outside an agent call cannot reach Stripe; retry through the agent tools', 503);
    const answer = call.outcomes.get(req.ref);
    if (!answer) throw new NeedsCharge(req);
    call.used.add(req.ref);
    return answer;
  }
  deferPayout(req: PayoutRequest): boolean {
    const now = this.now();
    this.db.prepare("INSERT INTO stripe_payouts (ref, job_id, worker_id, amount_cents, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending_retry', ?, ?)")
      .run(req.ref, req.jobId, req.workerId, req.amountCents, now, now);
    return true;
  }

  // ---------- the agent view ----------
  wrap(inner: Marketplace, agentId: string): Marketplace {
    const overrides: Partial<Record<keyof Marketplace, (...a: any[]) => Promise<unknown>>> = {
      postJob: (input: any) => this.run(() => inner.postJob(input), jobIdFor(agentId, input.idempotency_key)),
      setupPaymentMethod: () => this.setupPaymentMethod(agentId),
      savePaymentMethod: (pm: string, o?: { make_default?: boolean }) => this.savePaymentMethod(inner, agentId, pm, o),
      deletePaymentMethod: (id: string) => this.deletePaymentMethod(inner, agentId, id),
      connectOnboard: (o?: { country?: string }) => this.connectOnboard(agentId, o?.country),
      connectStatus: () => this.connectStatus(agentId),
      requestPayout: (amountCents: number) => this.requestPayout(agentId, amountCents),
      getDashboard: () => this.dashboard(inner, agentId),
    };
    return new Proxy(inner, {
      get: (target, prop, receiver) => {
        const own = overrides[prop as keyof Marketplace];
        if (own) return own;
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        if (typeof prop !== 'string' || READ_ONLY.test(prop)) return v.bind(target); // `this` stays the engine's view
        return (...args: unknown[]) => this.run(() => v.apply(target, args));
      },
    });
  }

  /** Run one engine call, charging what it needs between attempts; then settle what it owes. */
  async run<T>(fn: () => Promise<T>, jobId?: string): Promise<T> {
    const state: CallState = { outcomes: new Map(), used: new Set(), jobId, cards: new Map() };
    return this.runWith(state, fn);
  }
  private async runWith<T>(state: CallState, fn: () => Promise<T>): Promise<T> {
    try {
      for (let attempt = 0; ; attempt++) {
        let p: Promise<T>;
        this.call = state; // the engine call's transaction is synchronous: the state is ours alone while it runs
        try {
          p = fn();
        } finally {
          this.call = null;
        }
        try {
          return await p;
        } catch (e) {
          if (!(e instanceof NeedsCharge)) throw e;
          if (attempt >= MAX_CHARGES_PER_CALL) throw new VoxError('too_many_charges', `one call may charge at most ${MAX_CHARGES_PER_CALL} jobs; call again for the rest`, 429);
          state.outcomes.set(e.req.ref, await this.charge(e.req));
        }
      }
    } finally {
      this.oweUnbooked(state);
      await this.settle().catch(() => undefined); // best effort now; the timer finishes it
    }
  }

  /**
   * Charge one capture. Its PaymentIntent is created once (key = the ledger ref) and its id
   * stored before it is confirmed; every later attempt reads that PaymentIntent and confirms it
   * again (a fresh key per attempt: Stripe replays a 5xx for a key) only if it has neither
   * succeeded nor is `processing`. A create answered 5xx is created again under a new key: an
   * unconfirmed PaymentIntent moves no money.
   */
  private async charge(req: CaptureRequest): Promise<CaptureAnswer> {
    const customer = this.db.prepare('SELECT customer_id FROM stripe_customers WHERE owner_id = ?').get(this.ownerOf(req.buyerId).id) as { customer_id: string } | undefined;
    if (!customer) throw new VoxError('payment_method_required', 'no Stripe customer for this owner: call setup_payment_method and save_payment_method first', 402);
    const row = this.db.prepare('SELECT object_id, status, attempts, error, amount_cents FROM provider_calls WHERE idempotency_key = ?').get(req.ref) as ChargeRow | undefined;
    let pi = row?.object_id;
    if (pi) {
      const now = await this.provider.intentOutcome(pi);
      if (now.ok || now.status === 'processing') return this.chargeOutcome(req, now, row!.attempts);
      if (row!.amount_cents !== req.amountCents) {
        // Another amount for this capture (an open job's other bid after a decline): the old PaymentIntent is canceled, never confirmed again.
        await this.provider.cancelIntent(pi, `${req.ref}:cancel${row!.attempts}`);
        pi = null;
      }
    }
    if (!pi) {
      // A create Stripe answered with a 5xx is replayed for that key (and a canceled one is done): the next try needs another key. A timeout keeps it (Stripe may have created it).
      const fresh = row?.error?.startsWith('payment_provider_error') || row?.object_id;
      const key = row && fresh ? `${req.ref}:create${row.attempts}` : req.ref;
      try {
        pi = await this.provider.createIntent({ idempotencyKey: key, amountCents: req.amountCents, customerId: customer.customer_id, paymentMethodId: req.paymentMethod,
          transferGroup: `job_${req.jobId}`, metadata: { voxpact_ref: req.ref, job_id: req.jobId, buyer_agent_id: req.buyerId } });
      } catch (e) {
        const code = (e as VoxError).code ?? 'error';
        this.saveCharge(req, null, 'create_failed', (row?.attempts ?? 0) + 1, `${code}: ${(e as Error).message}`);
        throw e;
      }
      this.saveCharge(req, pi, 'created', row?.attempts ?? 0, null);
    }
    const attempts = (row?.attempts ?? 0) + 1;
    this.saveCharge(req, pi, 'confirming', attempts, null); // the attempt is counted before it runs: its key is never reused
    const out = await this.provider.confirmIntent(pi, req.paymentMethod, `${req.ref}:confirm${attempts}`);
    if (!out.ok && out.code === 'authentication_required') {
      // 3-D Secure cannot happen off-session: the buyer's owner authenticates on Stripe's page; payment_intent.succeeded funds the job.
      const url = await this.provider.startAuthentication(pi, req.paymentMethod, this.opts.paymentReturnUrl ?? 'https://voxpact.com/dashboard', `${req.ref}:authenticate${attempts}`).catch(() => null);
      if (url) out.message = `the card needs 3-D Secure: the buyer's owner authenticates at ${url} (the job is funded as soon as that succeeds; nothing is charged twice)`;
    }
    return this.chargeOutcome(req, out, attempts);
  }
  private chargeOutcome(req: CaptureRequest, out: ChargeOutcome, attempts: number): CaptureAnswer {
    const status = out.ok ? 'succeeded' : out.code === 'payment_processing' ? 'processing' : 'failed';
    this.saveCharge(req, out.payment_intent_id, status, attempts, out.ok ? null : `${out.code}: ${out.message}`, out.ok ? out.charge_id : null);
    return out.ok ? { ok: true, payment_intent_id: out.payment_intent_id } : { ok: false, code: out.code, message: out.message, payment_intent_id: out.payment_intent_id };
  }
  private saveCharge(req: CaptureRequest, pi: string | null, status: string, attempts: number, error: string | null, chargeId: string | null = null) {
    const now = this.now();
    writeTx(this.db, () => this.db.prepare(`INSERT INTO provider_calls (idempotency_key, kind, job_id, ledger_ref, object_id, payment_intent_id, charge_id, amount_cents, status, error, attempts, created_at, updated_at)
        VALUES (?, 'charge', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO UPDATE SET object_id = COALESCE(excluded.object_id, provider_calls.object_id),
        payment_intent_id = COALESCE(excluded.payment_intent_id, provider_calls.payment_intent_id), charge_id = COALESCE(excluded.charge_id, provider_calls.charge_id),
        amount_cents = excluded.amount_cents, status = excluded.status, error = excluded.error, attempts = excluded.attempts, updated_at = excluded.updated_at`)
      .run(req.ref, req.jobId, req.ref, pi, pi, chargeId, req.amountCents, status, error, attempts, now, now));
  }

  /** A charge whose booking did not commit (the call failed after it, or the job changed): owe the money back (settle() pays it). */
  private oweUnbooked(state: CallState) {
    for (const [ref, out] of state.outcomes) if (out.ok && !(state.used.has(ref) && this.booked(ref))) this.oweUnbookedRefund(out.payment_intent_id);
  }
  private oweUnbookedRefund(pi: string) {
    const c = this.db.prepare("SELECT job_id, ledger_ref, amount_cents FROM provider_calls WHERE kind = 'charge' AND object_id = ?").get(pi) as { job_id: string | null; ledger_ref: string; amount_cents: number } | undefined;
    if (!c) return;
    const now = this.now();
    writeTx(this.db, () => this.db.prepare(`INSERT INTO provider_calls (idempotency_key, kind, job_id, ledger_ref, payment_intent_id, amount_cents, status, created_at, updated_at)
        VALUES (?, 'refund', ?, ?, ?, ?, 'owed', ?, ?) ON CONFLICT DO NOTHING`).run(`refund:unbooked:${pi}`, c.job_id, `unbooked:${c.ledger_ref}`, pi, c.amount_cents, now, now));
  }
  private booked(ref: string) {
    return !!this.db.prepare("SELECT 1 FROM ledger_txns WHERE ref = ? AND kind = 'capture'").get(ref);
  }

  private recordCall(key: string, kind: 'charge' | 'refund' | 'transfer', jobId: string | null, ledgerRef: string, objectId: string, amountCents: number, status: string, error: string | null = null) {
    const now = this.now();
    writeTx(this.db, () => this.db.prepare(`INSERT INTO provider_calls (idempotency_key, kind, job_id, ledger_ref, object_id, amount_cents, status, error, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO UPDATE SET object_id = excluded.object_id, status = excluded.status, error = excluded.error, updated_at = excluded.updated_at`)
      .run(key, kind, jobId, ledgerRef, objectId, amountCents, status, error, now, now));
  }

  // ---------- settling what the ledger owes ----------
  /**
   * Push refunds and transfers the ledger has booked but the provider has not yet made. Safe to
   * run any time, any number of times. Each refund is owed as a `provider_calls` row first and
   * pushed alone: a refusal is recorded on its row (admin `stripe failures`), retried with
   * back-off unless Stripe's answer is final, and never stops the other refunds or the transfers.
   */
  async settle(): Promise<{ refunds: number; transfers: number; waiting: number; failed: number }> {
    this.oweLedgerRefunds();
    const now = this.now();
    const due = this.db.prepare(`SELECT idempotency_key, job_id, ledger_ref, payment_intent_id, amount_cents, attempts FROM provider_calls
        WHERE kind = 'refund' AND (status = 'owed' OR status = 'failed' AND next_retry_at <= ?) ORDER BY created_at LIMIT ?`).all(now, MAX_SETTLE_BATCH) as RefundRow[];
    let refunds = 0;
    let failed = 0;
    for (const r of due) (await this.pushRefund(r)) ? refunds++ : failed++;
    let transfers = 0;
    let waiting = 0;
    const payouts = this.db.prepare("SELECT * FROM stripe_payouts WHERE status = 'pending_retry' AND held_by IS NULL ORDER BY created_at LIMIT ?").all(MAX_SETTLE_BATCH) as PayoutRow[];
    for (const p of payouts) (await this.payOut(p)) ? transfers++ : waiting++;
    await this.bookFees().catch(() => undefined); // bookkeeping only: the next pass catches up
    return { refunds, transfers, waiting, failed };
  }
  /** Every refund the ledger gave a Stripe-charged buyer becomes an owed `provider_calls` row (once). */
  oweLedgerRefunds() {
    const now = this.now();
    writeTx(this.db, () => this.db.prepare(`INSERT INTO provider_calls (idempotency_key, kind, job_id, ledger_ref, payment_intent_id, amount_cents, status, created_at, updated_at)
        SELECT CASE WHEN t.ref LIKE 'refund:%' THEN t.ref ELSE 'refund:' || t.ref END, 'refund', t.job_id, t.ref, c.object_id, e.amount_cents, 'owed', ?, ? FROM ledger_txns t
        JOIN jobs j ON j.id = t.job_id
        JOIN ledger_entries e ON e.txn_id = t.id AND e.account = 'funding:' || j.buyer_id AND e.amount_cents > 0
        JOIN provider_calls c ON c.kind = 'charge' AND c.ledger_ref = 'capture:' || t.job_id AND c.status = 'succeeded'
        WHERE t.kind IN ('refund', 'cancel_settlement', 'dispute_split')
          AND NOT EXISTS (SELECT 1 FROM provider_calls r WHERE r.kind = 'refund' AND r.ledger_ref = t.ref) ON CONFLICT DO NOTHING`).run(now, now));
  }
  /** One refund; its failure is recorded on its row (with the next retry, none when Stripe's refusal is final). */
  private async pushRefund(r: RefundRow): Promise<boolean> {
    const attempts = r.attempts + 1;
    const at = this.now();
    try {
      // The key carries the attempt after a failure: Stripe replays the first answer (5xx too) for a key for 24 h.
      const key = r.attempts ? `${r.idempotency_key}:retry${r.attempts}` : r.idempotency_key;
      const metadata = { voxpact_ref: r.ledger_ref, job_id: r.job_id ?? '' };
      let re: { id: string; status: string } | null;
      try {
        re = await this.provider.refund({ idempotencyKey: key, paymentIntentId: r.payment_intent_id, amountCents: r.amount_cents, metadata });
      } catch (e) {
        // Refunded by hand in the Dashboard already: that refund is this one (tagged with our ref), not a second.
        if ((e as VoxError).code !== 'charge_already_refunded' || !(re = await this.provider.adoptRefund({ paymentIntentId: r.payment_intent_id, amountCents: r.amount_cents, metadata }))) throw e;
      }
      writeTx(this.db, () => this.db.prepare('UPDATE provider_calls SET object_id = ?, status = ?, error = NULL, attempts = ?, next_retry_at = NULL, updated_at = ? WHERE idempotency_key = ?')
        .run(re.id, re.status, attempts, at, r.idempotency_key));
      return true;
    } catch (e) {
      const code = (e as VoxError).code ?? 'error';
      if (code === 'charge_disputed' && this.chargebacks.cover(r, at)) return true;
      const next = PERMANENT.test(code) ? null : at + retryDelayMs(attempts);
      writeTx(this.db, () => this.db.prepare("UPDATE provider_calls SET status = 'failed', error = ?, attempts = ?, next_retry_at = ?, updated_at = ? WHERE idempotency_key = ?")
        .run(`${code}: ${(e as Error).message}`, attempts, next, at, r.idempotency_key));
      return false;
    }
  }
  /**
   * Book Stripe's processing fee of each succeeded charge (read from its balance transaction)
   * as the platform's cost: `expense:stripe_fees` → `stripe:fees`, ref `stripe_fee:<charge>`.
   * Stripe keeps it when the charge is refunded, so a free cancellation shows what it cost.
   */
  private async bookFees() {
    const charges = this.db.prepare(`SELECT idempotency_key, job_id, object_id, charge_id FROM provider_calls c WHERE kind = 'charge' AND status = 'succeeded' AND object_id IS NOT NULL
        AND (charge_id IS NULL OR NOT EXISTS (SELECT 1 FROM ledger_txns t WHERE t.ref = 'stripe_fee:' || c.charge_id)) ORDER BY created_at LIMIT ?`).all(MAX_SETTLE_BATCH) as
      { idempotency_key: string; job_id: string | null; object_id: string; charge_id: string | null }[];
    for (const c of charges) {
      const chargeId = c.charge_id ?? (await this.provider.intentOutcome(c.object_id).then((o) => (o.ok ? o.charge_id : null)));
      if (!chargeId) continue;
      const fee = await this.provider.chargeFee(chargeId);
      writeTx(this.db, () => {
        this.db.prepare('UPDATE provider_calls SET charge_id = ? WHERE idempotency_key = ?').run(chargeId, c.idempotency_key);
        if (!fee || this.db.prepare('SELECT 1 FROM ledger_txns WHERE ref = ?').get(`stripe_fee:${chargeId}`)) return;
        post(this.db, { kind: 'stripe_fee', job_id: c.job_id, ref: `stripe_fee:${chargeId}`, at: this.now(), entries: [
          { account: acct.feeExpense, amount_cents: -fee },
          { account: acct.stripeFees, amount_cents: fee },
        ] });
      });
    }
  }

  /** Transfer one deferred payout to the worker's connected account, funded by the job's charge, or leave it waiting (told once). */
  private async payOut(p: PayoutRow): Promise<boolean> {
    const owner = this.ownerOf(p.worker_id);
    const account = this.db.prepare('SELECT account_id, transfers_active FROM stripe_accounts WHERE owner_id = ?').get(owner.id) as { account_id: string; transfers_active: number } | undefined;
    let error: string | null = null;
    if (account && !account.transfers_active) {
      // The owner may have finished onboarding since we last looked (the timer's retry path).
      try {
        account.transfers_active = +isReady(await this.refreshAccount(owner.id, account.account_id));
      } catch { /* provider unreachable: try again next pass */ }
    }
    if (account?.transfers_active) {
      const key = p.ref.slice('payout:'.length); // release:<job>, compensation:<job>, dispute_split:<job>
      // Funded by the job's own charge; a repayment after a won chargeback comes from the balance (the charge's transferable amount was used).
      const source = p.ref.startsWith('payout:repay:') ? undefined
        : this.db.prepare("SELECT charge_id FROM provider_calls WHERE kind = 'charge' AND ledger_ref = 'capture:' || ? AND status = 'succeeded'").get(p.job_id) as { charge_id: string | null } | undefined;
      try {
        const t = await this.provider.transfer({ idempotencyKey: key, destination: account.account_id, amountCents: p.amount_cents, transferGroup: `job_${p.job_id}`,
          sourceTransaction: source?.charge_id ?? undefined, metadata: { voxpact_ref: p.ref, job_id: p.job_id, worker_agent_id: p.worker_id } });
        this.recordCall(key, 'transfer', p.job_id, p.ref, t.id, p.amount_cents, 'paid');
        writeTx(this.db, () => {
          const row = this.db.prepare("UPDATE stripe_payouts SET status = 'paid', transfer_id = ?, attempts = attempts + 1, last_error = NULL, updated_at = ? WHERE ref = ? AND status = 'pending_retry'").run(t.id, this.now(), p.ref);
          if (row.changes === 0) return; // another pass paid it (same key: same transfer)
          post(this.db, { kind: 'payout', job_id: p.job_id, agent_id: p.worker_id, ref: p.ref, at: this.now(), entries: [
            { account: acct.payable(p.worker_id), amount_cents: -p.amount_cents },
            { account: acct.payout(p.worker_id), amount_cents: p.amount_cents },
          ] });
        });
        return true;
      } catch (e) {
        error = (e as Error).message;
      }
    } else {
      error = account ? 'connected account cannot receive transfers yet (capabilities.transfers is not active)' : 'no connected account: the worker must call connect_onboard';
    }
    writeTx(this.db, () => {
      this.db.prepare('UPDATE stripe_payouts SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE ref = ?').run(error, this.now(), p.ref);
      if (p.attempts === 0) {
        emit(this.ctx, p.worker_id, 'job.completed', p.job_id, { job_id: p.job_id, payout_status: 'pending_retry', message: error },
          `Your payout of ${formatEur(p.amount_cents)} is waiting: ${error}. It is paid automatically once your Stripe account is ready (connect_status).`);
      }
    });
    return false;
  }

  // ---------- saved cards ----------
  private async customerFor(agentId: string): Promise<string> {
    const owner = this.ownerOf(agentId);
    const row = this.db.prepare('SELECT customer_id FROM stripe_customers WHERE owner_id = ?').get(owner.id) as { customer_id: string } | undefined;
    if (row) return row.customer_id;
    const id = await this.provider.createCustomer(`customer:${owner.id}`, owner.id, owner.email);
    writeTx(this.db, () => this.db.prepare('INSERT INTO stripe_customers (owner_id, customer_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(owner.id, id, this.now()));
    return id;
  }
  async setupPaymentMethod(agentId: string) {
    return this.provider.createSetupIntent(await this.customerFor(agentId));
  }
  async savePaymentMethod(inner: Marketplace, agentId: string, pm: string, o?: { make_default?: boolean }) {
    const pmId = String(pm);
    const customer = await this.customerFor(agentId);
    // A card saved through setup_payment_method's SetupIntent must have finished it (3-D Secure included), else off-session charges fail.
    // (A test alias such as pm_card_visa is no PaymentMethod id Stripe can filter by: no SetupIntent saved it.)
    const setups: string[] = await this.provider.setupStatuses(customer, pmId).catch((e) => ((e as VoxError).status === 400 || (e as VoxError).status === 404 ? [] : Promise.reject(e)));
    if (setups.length && !setups.includes('succeeded'))
      throw new VoxError('setup_incomplete', `the SetupIntent for payment_method_id '${pmId}' is '${setups[0]}', not 'succeeded': finish it with its client_secret (3-D Secure included), then call save_payment_method again`, 409);
    const attached = await this.provider.attachPaymentMethod(pmId, customer);
    const state: CallState = { outcomes: new Map(), used: new Set(), cards: new Map([[attached.id, attached]]) };
    return this.runWith(state, () => inner.savePaymentMethod(attached.id, o));
  }
  async deletePaymentMethod(inner: Marketplace, agentId: string, id: string) {
    const row = this.db.prepare('SELECT test_token FROM payment_methods WHERE id = ? AND owner_id = ? AND deleted_at IS NULL').get(id, this.ownerOf(agentId).id) as { test_token: string } | undefined;
    if (row) await this.provider.detachPaymentMethod(row.test_token);
    return inner.deletePaymentMethod(id);
  }

  /** The dashboard's Connect block, best-effort: a Stripe failure leaves the last known flags (or not connected). */
  private async dashboard(inner: Marketplace, agentId: string) {
    const d = await inner.getDashboard();
    const owner = this.ownerOf(agentId);
    const row = this.db.prepare('SELECT account_id, payouts_enabled, details_submitted FROM stripe_accounts WHERE owner_id = ?').get(owner.id) as
      { account_id: string; payouts_enabled: number; details_submitted: number } | undefined;
    if (!row) return { ...d, connect: { connected: false, is_ready: false } };
    let ready = !!(row.payouts_enabled && row.details_submitted);
    try {
      ready = isReady(await this.refreshAccount(owner.id, row.account_id));
    } catch { /* best-effort (reference: Dashboard) */ }
    return { ...d, connect: { connected: true, is_ready: ready } };
  }

  // ---------- the activation fee on Stripe Checkout ----------
  /** A Stripe Checkout Session for an engine checkout (key `activation:<checkout>`: asking twice gives the same session). */
  async activationCheckout(checkoutId: string, origin: string) {
    const c = this.db.prepare('SELECT amount_cents FROM checkouts WHERE id = ?').get(checkoutId) as { amount_cents: number } | undefined;
    if (!c) throw new VoxError('not_found', `checkout '${checkoutId}' not found`, 404);
    const ref = `activation:${checkoutId}`;
    const s = await this.provider.createCheckoutSession({ idempotencyKey: ref, amountCents: c.amount_cents, name: 'VoxPact agent activation',
      successUrl: `${origin}/checkout/${checkoutId}/done`, cancelUrl: `${origin}/checkout/${checkoutId}`, metadata: { voxpact_ref: ref, checkout_id: checkoutId } });
    return { checkout_session_id: s.id, checkout_url: s.url };
  }
  /** checkout.session.completed: book the fee and activate the agent (once: a paid checkout is refused as already_paid). */
  private completeCheckout(o: Record<string, any>) {
    const checkoutId = o.metadata?.checkout_id as string | undefined;
    if (!checkoutId || o.payment_status !== 'paid') return;
    const pi = String(o.payment_intent ?? o.id);
    const c = this.db.prepare('SELECT amount_cents, status FROM checkouts WHERE id = ?').get(checkoutId) as { amount_cents: number; status: string } | undefined;
    if (!c || c.status === 'paid') return;
    this.recordCall(`activation:${checkoutId}`, 'charge', null, `activation:${checkoutId}`, pi, c.amount_cents, 'succeeded');
    this.paidCheckouts.set(checkoutId, { ok: true, payment_intent_id: pi });
    try {
      this.engine.payCheckout(checkoutId, 'stripe_checkout');
    } finally {
      this.paidCheckouts.delete(checkoutId);
    }
  }

  // ---------- owner identity verification (KYC) ----------
  /**
   * Start (or resume) the owner's Stripe Identity verification. One session per owner at a time:
   * a verified owner is told so; an unfinished session is re-opened with a fresh key.
   * Payouts themselves wait on the connected account's payouts_enabled, where Stripe enforces
   * the identity requirements of Connect.
   */
  async startKyc(ownerId: string, origin: string) {
    const row = this.db.prepare('SELECT session_id, status FROM stripe_kyc WHERE owner_id = ?').get(ownerId) as { session_id: string; status: string } | undefined;
    if (row?.status === 'verified') return { verification_session_id: row.session_id, url: null, status: 'verified', message: 'Identity already verified' };
    // Keyed by the session it replaces: a retry of this start reaches the same new session.
    const v = await this.provider.createVerificationSession(`kyc:${ownerId}:after:${row?.session_id ?? 'none'}`, ownerId, `${origin}/owners/kyc/done`);
    const now = this.now();
    writeTx(this.db, () => {
      this.db.prepare(`INSERT INTO stripe_kyc (owner_id, session_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(owner_id) DO UPDATE SET session_id = excluded.session_id, status = excluded.status, updated_at = excluded.updated_at`).run(ownerId, v.id, v.status, now, now);
    });
    return { verification_session_id: v.id, url: v.url, status: v.status, message: 'Open url to verify your identity with Stripe; the outcome is recorded when Stripe reports it' };
  }
  private recordKyc(o: Record<string, any>, status: string) {
    writeTx(this.db, () => this.db.prepare('UPDATE stripe_kyc SET status = ?, last_error = ?, updated_at = ? WHERE session_id = ?')
      .run(status, o.last_error?.reason ?? o.last_error?.code ?? null, this.now(), o.id));
  }

  // ---------- Stripe webhook events ----------
  /** The secrets a webhook may be signed with: the platform endpoint's, and the Connect endpoint's (events of connected accounts). */
  get webhookSecrets() { return [this.opts.webhookSecret, this.opts.connectWebhookSecret].filter((x): x is string => !!x); }
  /**
   * Apply one verified event at most once. Its id is stored only after its effect succeeded, so
   * a failed effect answers an error and Stripe delivers the event again; every effect is
   * idempotent (ledger refs, row keys), so a redelivery after a crash does no harm.
   */
  async applyEvent(event: ProviderEvent): Promise<{ received: true; duplicate: boolean; type: string }> {
    if (this.db.prepare('SELECT 1 FROM stripe_events WHERE id = ?').get(event.id)) return { received: true, duplicate: true, type: event.type };
    await this.effect(event.type, event.data.object);
    writeTx(this.db, () => this.db.prepare('INSERT INTO stripe_events (id, type, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(event.id, event.type, this.now()));
    return { received: true, duplicate: false, type: event.type };
  }
  private async effect(type: string, o: Record<string, any>) {
    if (type === 'account.updated') {
      this.recordAccount(accountState(o as any));
      if (isReady(accountState(o as any))) await this.settle().catch(() => undefined);
    } else if (type === 'capability.updated') {
      if (o.id === 'transfers') {
        writeTx(this.db, () => this.db.prepare('UPDATE stripe_accounts SET transfers_active = ?, updated_at = ? WHERE account_id = ?').run(+(o.status === 'active'), this.now(), o.account));
        if (o.status === 'active') await this.settle().catch(() => undefined);
      }
    } else if (type.startsWith('identity.verification_session.')) {
      this.recordKyc(o, type.slice('identity.verification_session.'.length)); // verified, requires_input, canceled, processing
    } else if (type === 'checkout.session.completed' || type === 'checkout.session.async_payment_succeeded') {
      this.completeCheckout(o); // books only when payment_status is 'paid' (a delayed method completes unpaid, then async_payment_succeeded)
      await this.settle().catch(() => undefined); // Stripe's fee on it
    } else if (type === 'checkout.session.async_payment_failed') {
      const checkoutId = o.metadata?.checkout_id as string | undefined;
      if (checkoutId) this.tellOwnerOfCheckout(checkoutId, 'The activation fee payment failed at the bank: open the checkout link again to pay another way.');
    } else if (type === 'payment_intent.succeeded') {
      await this.intentSucceeded(o);
    } else if (type === 'payment_intent.payment_failed' || type === 'payment_intent.canceled') {
      writeTx(this.db, () => {
        this.db.prepare("UPDATE provider_calls SET status = 'failed', error = COALESCE(?, error), updated_at = ? WHERE kind = 'charge' AND object_id = ? AND status <> 'succeeded'")
          .run(o.last_payment_error?.message ?? (type === 'payment_intent.canceled' ? `canceled: ${o.cancellation_reason ?? 'unknown'}` : null), this.now(), o.id);
        const job = this.db.prepare("SELECT j.id, j.buyer_id, j.title FROM provider_calls c JOIN jobs j ON j.id = c.job_id WHERE c.kind = 'charge' AND c.object_id = ? AND j.status = 'pending_payment'").get(o.id) as { id: string; buyer_id: string; title: string } | undefined;
        if (job) {
          const why = o.last_payment_error?.message ?? 'the payment was canceled';
          this.db.prepare('UPDATE jobs SET payment_error = ? WHERE id = ?').run(`payment_failed: ${why}`, job.id);
          emit(this.ctx, job.buyer_id, 'payment.failed', job.id, { job_id: job.id, payment_intent_id: o.id, error: why }, `Payment for "${job.title}" failed at the bank (${why}). Save a working card to retry, or cancel the job.`);
        }
      });
    } else if (type === 'charge.dispute.created') {
      await this.chargebacks.created(o);
    } else if (type === 'charge.dispute.closed') {
      await this.chargebacks.closed(o);
    } else if (type === 'refund.failed' || type === 'charge.refund.updated' || type === 'refund.updated') {
      this.refundUpdated(o);
    } else if (type === 'transfer.reversed') {
      writeTx(this.db, () => this.db.prepare("UPDATE provider_calls SET status = 'reversed', updated_at = ? WHERE object_id = ?").run(this.now(), o.id));
    }
  }

  /** The bank confirmed a `processing` payment: book it on its job if the job still waits for it, else give the money back. */
  private async intentSucceeded(o: Record<string, any>) {
    const c = this.db.prepare("SELECT c.ledger_ref, c.job_id, j.status, j.buyer_id FROM provider_calls c LEFT JOIN jobs j ON j.id = c.job_id WHERE c.kind = 'charge' AND c.object_id = ?").get(o.id) as
      { ledger_ref: string; job_id: string; status: string | null; buyer_id: string } | undefined;
    if (!c?.ledger_ref.startsWith('capture:')) return; // not a capture of ours (the activation Checkout's PaymentIntent is booked by checkout.session.completed)
    writeTx(this.db, () => this.db.prepare("UPDATE provider_calls SET status = 'succeeded', charge_id = COALESCE(?, charge_id), error = NULL, updated_at = ? WHERE kind = 'charge' AND object_id = ?")
      .run(typeof o.latest_charge === 'string' ? o.latest_charge : o.latest_charge?.id ?? null, this.now(), o.id));
    if (this.booked(c.ledger_ref)) return;
    const state: CallState = { outcomes: new Map([[c.ledger_ref, { ok: true, payment_intent_id: o.id }]]), used: new Set(), cards: new Map() };
    if (c.status === 'pending_payment') await this.runWith(state, async () => writeTx(this.db, () => retryPendingPayment(this.ctx, c.job_id)));
    else { this.oweUnbooked(state); await this.settle().catch(() => undefined); }
  }

  /** refund.failed / charge.refund.updated: a refund Stripe reported made came back; it is owed again (retried with back-off, shown to the operator). */
  private refundUpdated(o: Record<string, any>) {
    writeTx(this.db, () => {
      const row = this.db.prepare("SELECT idempotency_key, attempts, status FROM provider_calls WHERE kind = 'refund' AND object_id = ?").get(o.id) as { idempotency_key: string; attempts: number; status: string } | undefined;
      if (!row) return;
      if (o.status === 'failed' || o.status === 'canceled') {
        if (row.status === 'failed') return;
        this.db.prepare("UPDATE provider_calls SET status = 'failed', error = ?, next_retry_at = ?, updated_at = ? WHERE idempotency_key = ?")
          .run(`refund_${o.status}: ${o.failure_reason ?? 'unknown'}`, this.now() + retryDelayMs(row.attempts), this.now(), row.idempotency_key);
      } else if (row.status !== 'failed') {
        this.db.prepare('UPDATE provider_calls SET status = ?, updated_at = ? WHERE idempotency_key = ?').run(o.status, this.now(), row.idempotency_key);
      }
    });
  }
  private tellOwnerOfCheckout(checkoutId: string, message: string) {
    const a = this.db.prepare('SELECT agent_id FROM checkouts WHERE id = ?').get(checkoutId) as { agent_id: string } | undefined;
    if (a) writeTx(this.db, () => emit(this.ctx, a.agent_id, 'payment.failed', null, { checkout_id: checkoutId, error: message }, message));
  }

  // ---------- Connect Express ----------
  /** The owner's Express account (created once, in `country`: outside the platform's, under the `recipient` agreement) and a fresh onboarding link. */
  async connectOnboard(agentId: string, country = PLATFORM_COUNTRY) {
    if (!/^[A-Z]{2}$/.test(country)) throw new VoxError('invalid_country', `country must be an ISO 3166-1 alpha-2 code such as DE or US (got '${country}')`, 400);
    const owner = this.ownerOf(agentId);
    let row = this.db.prepare('SELECT account_id FROM stripe_accounts WHERE owner_id = ?').get(owner.id) as { account_id: string } | undefined;
    if (!row) {
      const id = await this.provider.createAccount(`account:${owner.id}`, owner.id, owner.email, country, country !== PLATFORM_COUNTRY);
      const now = this.now();
      writeTx(this.db, () => this.db.prepare('INSERT INTO stripe_accounts (owner_id, account_id, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(owner.id, id, country, now, now));
      row = { account_id: id };
    }
    const status = await this.refreshAccount(owner.id, row.account_id);
    const url = await this.provider.accountLink(row.account_id, this.opts.connectRefreshUrl ?? 'https://voxpact.com/connect/refresh', this.opts.connectReturnUrl ?? 'https://voxpact.com/connect/return');
    return { stripe_account_id: row.account_id, onboarding_url: url, is_ready: isReady(status),
      message: isReady(status) ? 'Account already connected; the link lets you update your details' : 'Complete the onboarding form at onboarding_url (the link expires in ~5 minutes)' };
  }
  /** What waits in payable is owed transfers (stripe_payouts): push them now on the Connect path and say what still waits. */
  async requestPayout(agentId: string, amountCents: number): Promise<PayoutRequestResult> {
    const before = checkPayoutRequest(this.ctx, agentId, amountCents);
    await this.settle();
    const left = balance(this.db, acct.payable(agentId));
    const paid = before - left >= amountCents; // Stripe transfers whole releases: at least what was asked went out
    return { amount_cents: amountCents, status: paid ? 'paid' : 'pending_retry', available_cents: left,
      message: paid ? 'Your waiting earnings were transferred to your Stripe Connect account.'
        : 'Transfers wait for your Stripe Connect account (POST /v1/connect/onboard, then GET /v1/connect/status) or a retry; GET /v1/payouts shows each one.' };
  }
  async connectStatus(agentId: string) {
    const owner = this.ownerOf(agentId);
    const row = this.db.prepare('SELECT account_id FROM stripe_accounts WHERE owner_id = ?').get(owner.id) as { account_id: string } | undefined;
    if (!row) return { connected: false, stripe_account_id: null, charges_enabled: false, payouts_enabled: false, is_ready: false, message: 'Not connected: call connect_onboard to receive payouts' };
    const s = await this.refreshAccount(owner.id, row.account_id);
    if (isReady(s)) await this.settle().catch(() => undefined); // payouts that waited for this account
    return { connected: true, stripe_account_id: s.id, charges_enabled: s.charges_enabled, payouts_enabled: s.payouts_enabled, is_ready: isReady(s),
      message: isReady(s) ? 'Account fully connected' : 'Onboarding incomplete: open a fresh link with connect_onboard' };
  }
  /** Store the account's flags (from a retrieve or an account.updated event). */
  recordAccount(a: AccountState) {
    writeTx(this.db, () => this.db.prepare('UPDATE stripe_accounts SET charges_enabled = ?, payouts_enabled = ?, details_submitted = ?, transfers_active = ?, updated_at = ? WHERE account_id = ?')
      .run(+a.charges_enabled, +a.payouts_enabled, +a.details_submitted, +a.transfers_active, this.now(), a.id));
  }
  private async refreshAccount(_ownerId: string, accountId: string) {
    const s = await this.provider.retrieveAccount(accountId);
    this.recordAccount(s);
    return s;
  }
}

/** Ready for payouts: Stripe accepts transfers to the account only with `capabilities.transfers` active (payouts_enabled is about its bank payouts). */
const isReady = (s: AccountState) => s.transfers_active && s.details_submitted;

/** The job id a post_job will get: derived from the caller's idempotency_key, so a retry after a crash reaches the same PaymentIntent. */
export function jobIdFor(agentId: string, idempotencyKey: string | undefined): string {
  const h = idempotencyKey ? createHash('sha256').update(`post_job:${agentId}:${idempotencyKey}`).digest('hex') : createHash('sha256').update(crypto.randomUUID()).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
