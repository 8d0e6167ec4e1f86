/**
 * Stripe escrow around the engine. Network calls cannot run inside the engine's synchronous
 * SQLite transaction, so each agent call runs like this:
 *
 *   1. run the engine call; when it reaches a capture it has not been told the outcome of, the
 *      `capture` hook throws NeedsCharge (after every check of the call has passed) and the
 *      transaction rolls back — nothing was booked;
 *   2. create + confirm an off-session PaymentIntent with idempotency key `capture:<job_id>`
 *      (the job id is chosen before step 1: derived from the caller's idempotency_key, so a
 *      client retry after a crash reaches the same PaymentIntent) and record it in
 *      `provider_calls`;
 *   3. run the engine call again with the outcome: it books it exactly as the embedded network's.
 *
 * After the call commits, `settle()` pushes what the ledger now owes the outside world:
 * refunds (`refund:<job_id>`), and transfers to the worker's connected account for deferred
 * payouts (`release:<job_id>`); a worker without a ready account waits (`pending_retry`).
 * `settle()` also runs on a timer, so a crash after a commit is finished later.
 */
import { createHash } from 'node:crypto';
import { VoxError } from '../errors.js';
import { emit } from '../engine/context.js';
import { writeTx } from '../engine/db.js';
import { post, acct } from '../engine/ledger.js';
import { formatEur } from '../money.js';
import { NeedsCharge } from './hooks.js';
/** Bound on provider charges one agent call may make (savePaymentMethod retries every pending job). */
export const MAX_CHARGES_PER_CALL = 25;
/** Bound on refunds / transfers one settle pass pushes. */
export const MAX_SETTLE_BATCH = 100;
/** Calls that only read: no charge, nothing to settle after. */
const READ_ONLY = /^(get|list|browse|search|quote|changes|latest|preview)/;
/** The Stripe payments installed on an engine (the REST webhook route finds them here). */
const INSTALLED = new WeakMap();
export const paymentsOf = (engine) => INSTALLED.get(engine);
export class StripePayments {
    engine;
    provider;
    opts;
    call = null;
    /** Activation checkouts Stripe reported paid, for the engine's payCheckout to book (set just before it runs). */
    paidCheckouts = new Map();
    hooks;
    timer = null;
    constructor(engine, provider, opts = {}) {
        this.engine = engine;
        this.provider = provider;
        this.opts = opts;
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
    install() {
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
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
    }
    get db() { return this.engine.db; }
    get ctx() { return this.engine.ctx; }
    now() { return this.engine.clock.now(); }
    ownerOf(agentId) {
        return this.db.prepare('SELECT o.id, o.email FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.id = ?').get(agentId);
    }
    // ---------- engine hooks (inside the transaction) ----------
    captureHook(req) {
        const call = this.call;
        if (!call)
            throw new VoxError('payment_provider_busy', 'a capture outside an agent call cannot reach Stripe; retry through the agent tools', 503);
        const answer = call.outcomes.get(req.ref);
        if (!answer)
            throw new NeedsCharge(req);
        call.used.add(req.ref);
        return answer;
    }
    deferPayout(req) {
        const now = this.now();
        this.db.prepare("INSERT INTO stripe_payouts (ref, job_id, worker_id, amount_cents, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending_retry', ?, ?)")
            .run(req.ref, req.jobId, req.workerId, req.amountCents, now, now);
        return true;
    }
    // ---------- the agent view ----------
    wrap(inner, agentId) {
        const overrides = {
            postJob: (input) => this.run(() => inner.postJob(input), jobIdFor(agentId, input.idempotency_key)),
            setupPaymentMethod: () => this.setupPaymentMethod(agentId),
            savePaymentMethod: (pm, o) => this.savePaymentMethod(inner, agentId, pm, o),
            deletePaymentMethod: (id) => this.deletePaymentMethod(inner, agentId, id),
            connectOnboard: () => this.connectOnboard(agentId),
            connectStatus: () => this.connectStatus(agentId),
            getDashboard: () => this.dashboard(inner, agentId),
        };
        return new Proxy(inner, {
            get: (target, prop, receiver) => {
                const own = overrides[prop];
                if (own)
                    return own;
                const v = Reflect.get(target, prop, receiver);
                if (typeof v !== 'function')
                    return v;
                if (typeof prop !== 'string' || READ_ONLY.test(prop))
                    return v.bind(target); // `this` stays the engine's view
                return (...args) => this.run(() => v.apply(target, args));
            },
        });
    }
    /** Run one engine call, charging what it needs between attempts; then settle what it owes. */
    async run(fn, jobId) {
        const state = { outcomes: new Map(), used: new Set(), jobId, cards: new Map() };
        return this.runWith(state, fn);
    }
    async runWith(state, fn) {
        try {
            for (let attempt = 0;; attempt++) {
                let p;
                this.call = state; // the engine call's transaction is synchronous: the state is ours alone while it runs
                try {
                    p = fn();
                }
                finally {
                    this.call = null;
                }
                try {
                    return await p;
                }
                catch (e) {
                    if (!(e instanceof NeedsCharge))
                        throw e;
                    if (attempt >= MAX_CHARGES_PER_CALL)
                        throw new VoxError('too_many_charges', `one call may charge at most ${MAX_CHARGES_PER_CALL} jobs; call again for the rest`, 429);
                    state.outcomes.set(e.req.ref, await this.charge(e.req));
                }
            }
        }
        finally {
            await this.refundUnbooked(state);
            await this.settle().catch(() => undefined); // best effort now; the timer finishes it
        }
    }
    /** Off-session charge for one capture; the key is the ledger ref, plus the attempt number after a decline. */
    async charge(req) {
        const customer = this.db.prepare('SELECT customer_id FROM stripe_customers WHERE owner_id = ?').get(this.ownerOf(req.buyerId).id);
        if (!customer)
            throw new VoxError('payment_method_required', 'no Stripe customer for this owner: call setup_payment_method and save_payment_method first', 402);
        const failed = this.db.prepare("SELECT COUNT(*) n FROM provider_calls WHERE kind = 'charge' AND ledger_ref = ? AND status <> 'succeeded'").get(req.ref).n;
        const key = failed ? `${req.ref}:retry${failed}` : req.ref;
        const out = await this.provider.charge({
            idempotencyKey: key, amountCents: req.amountCents, customerId: customer.customer_id, paymentMethodId: req.paymentMethod,
            transferGroup: `job_${req.jobId}`, metadata: { voxpact_ref: req.ref, job_id: req.jobId, buyer_agent_id: req.buyerId },
        });
        this.recordCall(key, 'charge', req.jobId, req.ref, out.payment_intent_id, req.amountCents, out.ok ? 'succeeded' : 'failed', out.ok ? null : `${out.code}: ${out.message}`);
        return out;
    }
    /** A charge whose booking did not commit (the call failed after it, or the job changed): give the money back. */
    async refundUnbooked(state) {
        for (const [ref, out] of state.outcomes) {
            if (!out.ok || state.used.has(ref) && this.booked(ref))
                continue;
            const key = `refund:unbooked:${out.payment_intent_id}`;
            const job = this.db.prepare('SELECT job_id FROM provider_calls WHERE object_id = ?').get(out.payment_intent_id)?.job_id ?? null;
            const amount = this.db.prepare('SELECT amount_cents FROM provider_calls WHERE object_id = ?').get(out.payment_intent_id).amount_cents;
            const r = await this.provider.refund({ idempotencyKey: key, paymentIntentId: out.payment_intent_id, amountCents: amount, metadata: { voxpact_ref: `unbooked:${ref}`, job_id: job ?? '' } });
            this.recordCall(key, 'refund', job, `unbooked:${ref}`, r.id, amount, r.status);
        }
    }
    booked(ref) {
        return !!this.db.prepare("SELECT 1 FROM ledger_txns WHERE ref = ? AND kind = 'capture'").get(ref);
    }
    recordCall(key, kind, jobId, ledgerRef, objectId, amountCents, status, error = null) {
        const now = this.now();
        writeTx(this.db, () => this.db.prepare(`INSERT INTO provider_calls (idempotency_key, kind, job_id, ledger_ref, object_id, amount_cents, status, error, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO UPDATE SET object_id = excluded.object_id, status = excluded.status, error = excluded.error, updated_at = excluded.updated_at`)
            .run(key, kind, jobId, ledgerRef, objectId, amountCents, status, error, now, now));
    }
    // ---------- settling what the ledger owes ----------
    /** Push refunds and transfers the ledger has booked but the provider has not yet made. Safe to run any time, any number of times. */
    async settle() {
        let refunds = 0;
        const owed = this.db.prepare(`SELECT t.ref, t.job_id, e.amount_cents, c.object_id pi FROM ledger_txns t
        JOIN jobs j ON j.id = t.job_id
        JOIN ledger_entries e ON e.txn_id = t.id AND e.account = 'funding:' || j.buyer_id AND e.amount_cents > 0
        JOIN provider_calls c ON c.kind = 'charge' AND c.ledger_ref = 'capture:' || t.job_id AND c.status = 'succeeded'
        WHERE t.kind IN ('refund', 'cancel_settlement', 'dispute_split')
          AND NOT EXISTS (SELECT 1 FROM provider_calls r WHERE r.kind = 'refund' AND r.ledger_ref = t.ref)
        ORDER BY t.id LIMIT ?`).all(MAX_SETTLE_BATCH);
        for (const o of owed) {
            const key = o.ref.startsWith('refund:') ? o.ref : `refund:${o.ref}`;
            const r = await this.provider.refund({ idempotencyKey: key, paymentIntentId: o.pi, amountCents: o.amount_cents, metadata: { voxpact_ref: o.ref, job_id: o.job_id } });
            this.recordCall(key, 'refund', o.job_id, o.ref, r.id, o.amount_cents, r.status);
            refunds++;
        }
        let transfers = 0;
        let waiting = 0;
        const due = this.db.prepare("SELECT * FROM stripe_payouts WHERE status = 'pending_retry' ORDER BY created_at LIMIT ?").all(MAX_SETTLE_BATCH);
        for (const p of due)
            (await this.payOut(p)) ? transfers++ : waiting++;
        return { refunds, transfers, waiting };
    }
    /** Transfer one deferred payout to the worker's connected account, or leave it waiting (told once). */
    async payOut(p) {
        const owner = this.ownerOf(p.worker_id);
        const account = this.db.prepare('SELECT account_id, payouts_enabled FROM stripe_accounts WHERE owner_id = ?').get(owner.id);
        let error = null;
        if (account && !account.payouts_enabled) {
            // The owner may have finished onboarding since we last looked (the timer's retry path).
            try {
                account.payouts_enabled = +isReady(await this.refreshAccount(owner.id, account.account_id));
            }
            catch { /* provider unreachable: try again next pass */ }
        }
        if (account?.payouts_enabled) {
            const key = p.ref.slice('payout:'.length); // release:<job>, compensation:<job>, dispute_split:<job>
            try {
                const t = await this.provider.transfer({ idempotencyKey: key, destination: account.account_id, amountCents: p.amount_cents, transferGroup: `job_${p.job_id}`,
                    metadata: { voxpact_ref: p.ref, job_id: p.job_id, worker_agent_id: p.worker_id } });
                this.recordCall(key, 'transfer', p.job_id, p.ref, t.id, p.amount_cents, 'paid');
                writeTx(this.db, () => {
                    const row = this.db.prepare("UPDATE stripe_payouts SET status = 'paid', transfer_id = ?, attempts = attempts + 1, last_error = NULL, updated_at = ? WHERE ref = ? AND status = 'pending_retry'").run(t.id, this.now(), p.ref);
                    if (row.changes === 0)
                        return; // another pass paid it (same key: same transfer)
                    post(this.db, { kind: 'payout', job_id: p.job_id, agent_id: p.worker_id, ref: p.ref, at: this.now(), entries: [
                            { account: acct.payable(p.worker_id), amount_cents: -p.amount_cents },
                            { account: acct.payout(p.worker_id), amount_cents: p.amount_cents },
                        ] });
                });
                return true;
            }
            catch (e) {
                error = e.message;
            }
        }
        else {
            error = account ? 'connected account not ready for payouts' : 'no connected account: the worker must call connect_onboard';
        }
        writeTx(this.db, () => {
            this.db.prepare('UPDATE stripe_payouts SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE ref = ?').run(error, this.now(), p.ref);
            if (p.attempts === 0) {
                emit(this.ctx, p.worker_id, 'job.completed', p.job_id, { job_id: p.job_id, payout_status: 'pending_retry', message: error }, `Your payout of ${formatEur(p.amount_cents)} is waiting: ${error}. It is paid automatically once your Stripe account is ready (connect_status).`);
            }
        });
        return false;
    }
    // ---------- saved cards ----------
    async customerFor(agentId) {
        const owner = this.ownerOf(agentId);
        const row = this.db.prepare('SELECT customer_id FROM stripe_customers WHERE owner_id = ?').get(owner.id);
        if (row)
            return row.customer_id;
        const id = await this.provider.createCustomer(`customer:${owner.id}`, owner.id, owner.email);
        writeTx(this.db, () => this.db.prepare('INSERT OR IGNORE INTO stripe_customers (owner_id, customer_id, created_at) VALUES (?, ?, ?)').run(owner.id, id, this.now()));
        return id;
    }
    async setupPaymentMethod(agentId) {
        return this.provider.createSetupIntent(await this.customerFor(agentId));
    }
    async savePaymentMethod(inner, agentId, pm, o) {
        const pmId = String(pm);
        const attached = await this.provider.attachPaymentMethod(pmId, await this.customerFor(agentId));
        const state = { outcomes: new Map(), used: new Set(), cards: new Map([[attached.id, attached]]) };
        return this.runWith(state, () => inner.savePaymentMethod(attached.id, o));
    }
    async deletePaymentMethod(inner, agentId, id) {
        const row = this.db.prepare('SELECT test_token FROM payment_methods WHERE id = ? AND owner_id = ? AND deleted_at IS NULL').get(id, this.ownerOf(agentId).id);
        if (row)
            await this.provider.detachPaymentMethod(row.test_token);
        return inner.deletePaymentMethod(id);
    }
    /** The dashboard's Connect block, best-effort: a Stripe failure leaves the last known flags (or not connected). */
    async dashboard(inner, agentId) {
        const d = await inner.getDashboard();
        const owner = this.ownerOf(agentId);
        const row = this.db.prepare('SELECT account_id, payouts_enabled, details_submitted FROM stripe_accounts WHERE owner_id = ?').get(owner.id);
        if (!row)
            return { ...d, connect: { connected: false, is_ready: false } };
        let ready = !!(row.payouts_enabled && row.details_submitted);
        try {
            ready = isReady(await this.refreshAccount(owner.id, row.account_id));
        }
        catch { /* best-effort (reference: Dashboard) */ }
        return { ...d, connect: { connected: true, is_ready: ready } };
    }
    // ---------- the activation fee on Stripe Checkout ----------
    /** A Stripe Checkout Session for an engine checkout (key `activation:<checkout>`: asking twice gives the same session). */
    async activationCheckout(checkoutId, origin) {
        const c = this.db.prepare('SELECT amount_cents FROM checkouts WHERE id = ?').get(checkoutId);
        if (!c)
            throw new VoxError('not_found', `checkout '${checkoutId}' not found`, 404);
        const ref = `activation:${checkoutId}`;
        const s = await this.provider.createCheckoutSession({ idempotencyKey: ref, amountCents: c.amount_cents, name: 'VoxPact agent activation',
            successUrl: `${origin}/checkout/${checkoutId}/done`, cancelUrl: `${origin}/checkout/${checkoutId}`, metadata: { voxpact_ref: ref, checkout_id: checkoutId } });
        return { checkout_session_id: s.id, checkout_url: s.url };
    }
    /** checkout.session.completed: book the fee and activate the agent (once: a paid checkout is refused as already_paid). */
    completeCheckout(o) {
        const checkoutId = o.metadata?.checkout_id;
        if (!checkoutId || o.payment_status !== 'paid')
            return;
        const pi = String(o.payment_intent ?? o.id);
        const c = this.db.prepare('SELECT amount_cents, status FROM checkouts WHERE id = ?').get(checkoutId);
        if (!c || c.status === 'paid')
            return;
        this.recordCall(`activation:${checkoutId}`, 'charge', null, `activation:${checkoutId}`, pi, c.amount_cents, 'succeeded');
        this.paidCheckouts.set(checkoutId, { ok: true, payment_intent_id: pi });
        try {
            this.engine.payCheckout(checkoutId, 'stripe_checkout');
        }
        finally {
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
    async startKyc(ownerId, origin) {
        const row = this.db.prepare('SELECT session_id, status FROM stripe_kyc WHERE owner_id = ?').get(ownerId);
        if (row?.status === 'verified')
            return { verification_session_id: row.session_id, url: null, status: 'verified', message: 'Identity already verified' };
        // Keyed by the session it replaces: a retry of this start reaches the same new session.
        const v = await this.provider.createVerificationSession(`kyc:${ownerId}:after:${row?.session_id ?? 'none'}`, ownerId, `${origin}/owners/kyc/done`);
        const now = this.now();
        writeTx(this.db, () => {
            this.db.prepare(`INSERT INTO stripe_kyc (owner_id, session_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(owner_id) DO UPDATE SET session_id = excluded.session_id, status = excluded.status, updated_at = excluded.updated_at`).run(ownerId, v.id, v.status, now, now);
        });
        return { verification_session_id: v.id, url: v.url, status: v.status, message: 'Open url to verify your identity with Stripe; the outcome is recorded when Stripe reports it' };
    }
    recordKyc(o, status) {
        writeTx(this.db, () => this.db.prepare('UPDATE stripe_kyc SET status = ?, last_error = ?, updated_at = ? WHERE session_id = ?')
            .run(status, o.last_error?.reason ?? o.last_error?.code ?? null, this.now(), o.id));
    }
    // ---------- Stripe webhook events ----------
    get webhookSecret() { return this.opts.webhookSecret; }
    /**
     * Apply one verified event at most once (its id is stored): account.updated refreshes the
     * connected account and pays what waited for it; payment_intent.payment_failed and transfer.*
     * update the provider call they concern. Other types are acknowledged and ignored.
     */
    async applyEvent(event) {
        const fresh = writeTx(this.db, () => this.db.prepare('INSERT OR IGNORE INTO stripe_events (id, type, received_at) VALUES (?, ?, ?)').run(event.id, event.type, this.now()).changes === 1);
        if (!fresh)
            return { received: true, duplicate: true, type: event.type };
        const o = event.data.object;
        const setStatus = (status, error) => writeTx(this.db, () => this.db.prepare('UPDATE provider_calls SET status = ?, error = COALESCE(?, error), updated_at = ? WHERE object_id = ? AND status <> ?').run(status, error, this.now(), o.id, 'succeeded'));
        if (event.type === 'account.updated') {
            this.recordAccount({ id: o.id, charges_enabled: !!o.charges_enabled, payouts_enabled: !!o.payouts_enabled, details_submitted: !!o.details_submitted });
            if (o.payouts_enabled && o.details_submitted)
                await this.settle().catch(() => undefined);
        }
        else if (event.type.startsWith('identity.verification_session.')) {
            this.recordKyc(o, event.type.slice('identity.verification_session.'.length)); // verified, requires_input, canceled, processing
        }
        else if (event.type === 'checkout.session.completed') {
            this.completeCheckout(o);
        }
        else if (event.type === 'payment_intent.payment_failed') {
            setStatus('failed', o.last_payment_error?.message ?? null);
        }
        else if (event.type === 'transfer.reversed') {
            // A reversed transfer took money back from the worker: recorded for the operator; the ledger is corrected by hand (docs/stripe.md).
            writeTx(this.db, () => this.db.prepare("UPDATE provider_calls SET status = 'reversed', updated_at = ? WHERE object_id = ?").run(this.now(), o.id));
        }
        return { received: true, duplicate: false, type: event.type };
    }
    // ---------- Connect Express ----------
    async connectOnboard(agentId) {
        const owner = this.ownerOf(agentId);
        let row = this.db.prepare('SELECT account_id FROM stripe_accounts WHERE owner_id = ?').get(owner.id);
        if (!row) {
            const id = await this.provider.createAccount(`account:${owner.id}`, owner.id, owner.email);
            const now = this.now();
            writeTx(this.db, () => this.db.prepare('INSERT OR IGNORE INTO stripe_accounts (owner_id, account_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(owner.id, id, now, now));
            row = { account_id: id };
        }
        const status = await this.refreshAccount(owner.id, row.account_id);
        const url = await this.provider.accountLink(row.account_id, this.opts.connectRefreshUrl ?? 'https://voxpact.com/connect/refresh', this.opts.connectReturnUrl ?? 'https://voxpact.com/connect/return');
        return { stripe_account_id: row.account_id, onboarding_url: url, is_ready: isReady(status),
            message: isReady(status) ? 'Account already connected; the link lets you update your details' : 'Complete the onboarding form at onboarding_url (the link expires in ~5 minutes)' };
    }
    async connectStatus(agentId) {
        const owner = this.ownerOf(agentId);
        const row = this.db.prepare('SELECT account_id FROM stripe_accounts WHERE owner_id = ?').get(owner.id);
        if (!row)
            return { connected: false, stripe_account_id: null, charges_enabled: false, payouts_enabled: false, is_ready: false, message: 'Not connected: call connect_onboard to receive payouts' };
        const s = await this.refreshAccount(owner.id, row.account_id);
        if (isReady(s))
            await this.settle().catch(() => undefined); // payouts that waited for this account
        return { connected: true, stripe_account_id: s.id, charges_enabled: s.charges_enabled, payouts_enabled: s.payouts_enabled, is_ready: isReady(s),
            message: isReady(s) ? 'Account fully connected' : 'Onboarding incomplete: open a fresh link with connect_onboard' };
    }
    /** Store the account's flags (from a retrieve or an account.updated event). */
    recordAccount(a) {
        writeTx(this.db, () => this.db.prepare('UPDATE stripe_accounts SET charges_enabled = ?, payouts_enabled = ?, details_submitted = ?, updated_at = ? WHERE account_id = ?')
            .run(+a.charges_enabled, +a.payouts_enabled, +a.details_submitted, this.now(), a.id));
    }
    async refreshAccount(_ownerId, accountId) {
        const s = await this.provider.retrieveAccount(accountId);
        this.recordAccount(s);
        return s;
    }
}
const isReady = (s) => s.payouts_enabled && s.details_submitted;
/** The job id a post_job will get: derived from the caller's idempotency_key, so a retry after a crash reaches the same PaymentIntent. */
export function jobIdFor(agentId, idempotencyKey) {
    const h = idempotencyKey ? createHash('sha256').update(`post_job:${agentId}:${idempotencyKey}`).digest('hex') : createHash('sha256').update(crypto.randomUUID()).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
//# sourceMappingURL=marketplace.js.map