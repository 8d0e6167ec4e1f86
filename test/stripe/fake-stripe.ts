/**
 * A local HTTP server speaking the part of Stripe's REST wire format the provider uses:
 * form-encoded requests (`metadata[k]=v`), JSON objects built from Stripe's own example objects
 * (fixtures/stripe-objects.json, from github.com/stripe/openapi: the fake may not add a field the
 * example lacks), list envelopes with `starting_after`, the error shape
 * `{error:{type,code,message,decline_code,payment_intent}}`, and Stripe's idempotency layer: the
 * first answer for a key is saved whatever it was (5xx included) and replayed with
 * `Idempotent-Replayed: true` for 24 h; the same key with other parameters is 400
 * idempotency_error; after 24 h the key is new again.
 *
 * Money behaves like a live account: a card charge lands in the *pending* balance (only
 * `pm_card_bypassPending` is available at once), a transfer without `source_transaction` needs
 * available balance (else 400 balance_insufficient), a transfer needs the destination's
 * `capabilities.transfers` active, a disputed charge cannot be refunded (charge_disputed), and a
 * dispute withdraws the amount plus a fee from the balance.
 *
 * Faults: `hangNext(path)` answers after the client has timed out; `failNext(path)` answers 500
 * (saved for the key like Stripe does); `processNext()` leaves the next confirmation
 * `processing`; `down` answers 500 to everything.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Stripe from 'stripe';
import type { Engine } from '../../src/engine/index.js';
import { StripePayments } from '../../src/payments/marketplace.js';
import { STRIPE_API_VERSION, createStripeProvider } from '../../src/payments/stripe.js';
import { handleStripeWebhook } from '../../src/payments/webhook.js';

type Obj = Record<string, any>;
type Reply = { status: number; body: Obj };
/** Stripe's test cards (https://docs.stripe.com/testing) and what they do on an off-session confirmation. */
const TEST_CARDS: Record<string, { brand: string; last4: string; decline?: [string, string]; available?: true; authenticate?: true }> = {
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_bypassPending: { brand: 'visa', last4: '0077', available: true },
  pm_card_createDispute: { brand: 'visa', last4: '0259' },
  pm_card_authenticationRequired: { brand: 'visa', last4: '3184', authenticate: true },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', decline: ['generic_decline', 'Your card was declined.'] },
  pm_card_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995', decline: ['insufficient_funds', 'Your card has insufficient funds.'] },
};
/** Stripe's fee for a European card (1.5 % + €0.25) and its dispute fee. */
export const cardFee = (amount: number) => Math.round(amount * 0.015) + 25;
export const DISPUTE_FEE = 2000;
const DAY_SEC = 86_400;

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const EXAMPLES = JSON.parse(readFileSync(new URL('./fixtures/stripe-objects.json', import.meta.url), 'utf8')) as Record<string, Obj>;
/** Stripe's example `resource` with these fields: a field Stripe's object does not have is a bug in the fake. */
export function shaped(resource: string, fields: Obj): Obj {
  const base = structuredClone(EXAMPLES[resource]);
  if (!base) throw new Error(`fake-stripe: no example object for ${resource}`);
  for (const k of Object.keys(fields)) if (!(k in base)) throw new Error(`fake-stripe: ${resource}.${k} is not a field of Stripe's ${resource}`);
  return Object.assign(base, { livemode: false, metadata: {} }, fields);
}

/** `a[b][c]=v` → { a: { b: { c: v } } }; `a[0]=v` → { a: { 0: v } }. */
export function parseForm(body: string): Obj {
  const out: Obj = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const path = k.replace(/\]/g, '').split('[');
    let o = out;
    for (const p of path.slice(0, -1)) o = o[p] ??= {};
    o[path[path.length - 1]] = v;
  }
  return out;
}

export class FakeStripe {
  private server!: Server;
  port = 0;
  /** The fake's clock is real time plus this skew (advance() moves it: idempotency keys expire after 24 h). */
  private skewMs = 0;
  readonly objects = new Map<string, Obj>();
  private readonly idem = new Map<string, { fingerprint: string; reply: Reply; at: number }>();
  private hang: { path: string; ms: number }[] = [];
  private fail: (string | RegExp)[] = [];
  private processing = 0;
  /** The platform's balance in cents: card funds land in pending, bypassPending and releases in available. */
  readonly balance = { available: 0, pending: 0 };
  /** true: every request answers 500 api_error (Stripe having an outage). */
  down = false;
  /** Every request as received (method, path, idempotency key, parameters), for assertions. */
  readonly requests: { method: string; path: string; key: string | undefined; params: Obj }[] = [];

  /** The Stripe provider of src/payments, talking to this fake (no retries unless asked). */
  provider(o: { timeoutMs?: number; maxNetworkRetries?: number } = {}) {
    return createStripeProvider({ secretKey: 'sk_test_fake', host: '127.0.0.1', port: this.port, protocol: 'http', timeoutMs: o.timeoutMs, maxNetworkRetries: o.maxNetworkRetries ?? 0 });
  }
  /** That provider installed as `engine`'s payments, verifying webhooks with `webhookSecret`. */
  async install(engine: Engine, webhookSecret: string) {
    return new StripePayments(engine, await this.provider(), { webhookSecret }).install();
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
  async close() {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
  nowSec() { return Math.floor((Date.now() + this.skewMs) / 1000); }
  /** Move the fake's clock (and its idempotency keys' 24 h life) forward. */
  advance(ms: number) { this.skewMs += ms; }
  /** The next request to a path starting with `path` is processed, but its answer comes `ms` later (after the client gave up). */
  hangNext(path: string, ms: number) { this.hang.push({ path, ms }); }
  /** The next request to a path starting with `path` (or matching it) answers 500 api_error without doing anything; Stripe saves that answer for its key. */
  failNext(path: string | RegExp) { this.fail.push(path); }
  /** The next PaymentIntent confirmation stays `processing` (the bank has not answered yet; see settleProcessing). */
  processNext() { this.processing++; }
  /** Finish a connected account's onboarding (what the owner does in Stripe's hosted form). */
  completeOnboarding(accountId: string, o: { transfers?: 'active' | 'inactive' | 'pending' } = {}) {
    const a = this.objects.get(accountId)!;
    Object.assign(a, { charges_enabled: true, payouts_enabled: true, details_submitted: true, capabilities: { ...a.capabilities, transfers: o.transfers ?? 'active' } });
    return a;
  }
  /** Days later: card funds in the pending balance become available. */
  fundsAvailable() {
    this.balance.available += this.balance.pending;
    this.balance.pending = 0;
    for (const t of this.list('balance_transaction')) t.status = 'available';
  }
  /** The customer pays on the hosted Checkout page: a succeeded PaymentIntent; returns the session (the checkout.session.completed payload). */
  completeCheckout(sessionId: string) {
    const s = this.objects.get(sessionId)!;
    const pi = this.save(shaped('payment_intent', { id: id('pi'), amount: s.amount_total, currency: s.currency, status: 'requires_confirmation', metadata: s.payment_intent_data.metadata ?? {},
      created: this.nowSec(), payment_method_types: ['card'] }));
    this.succeed(pi, TEST_CARDS.pm_card_visa);
    Object.assign(s, { status: 'complete', payment_status: 'paid', payment_intent: pi.id });
    return s;
  }
  /** A `processing` PaymentIntent gets the bank's answer; returns it (the payment_intent.succeeded / payment_failed payload). */
  settleProcessing(piId: string, ok: boolean) {
    const pi = this.objects.get(piId)!;
    if (ok) return this.succeed(pi, TEST_CARDS.pm_card_visa);
    return Object.assign(pi, { status: 'requires_payment_method', last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' } });
  }
  /** The cardholder passes 3-D Secure on Stripe's page: the PaymentIntent succeeds; returns it (payment_intent.succeeded). */
  authenticate(piId: string) {
    const pi = this.objects.get(piId)!;
    if (pi.status !== 'requires_action') throw new Error(`fake-stripe: ${piId} does not wait for authentication (${pi.status})`);
    return this.succeed(pi, TEST_CARDS.pm_card_visa);
  }
  /** The card holder disputes the charge of a PaymentIntent: Stripe withdraws the amount and its fee; returns the dispute (charge.dispute.created). */
  openDispute(piId: string, reason = 'fraudulent') {
    const pi = this.objects.get(piId)!;
    const ch = this.objects.get(pi.latest_charge)!;
    ch.disputed = true;
    const dp = this.save(shaped('dispute', { id: id('dp'), amount: pi.amount, currency: pi.currency, charge: ch.id, payment_intent: pi.id, created: this.nowSec(), reason,
      status: 'needs_response', is_charge_refundable: false, balance_transactions: [this.txn(-pi.amount, DISPUTE_FEE, 'dispute', id('dp'), true)] }));
    return dp;
  }
  /** The card network rules: `won` gives the amount back (Stripe keeps its fee), `lost` keeps it withdrawn; returns the dispute (charge.dispute.closed). */
  closeDispute(dpId: string, outcome: 'won' | 'lost') {
    const dp = this.objects.get(dpId)!;
    dp.status = outcome;
    if (outcome === 'won') dp.balance_transactions.push(this.txn(dp.amount, 0, 'dispute', dp.id, true));
    return dp;
  }
  /** Someone refunds the charge by hand in the Dashboard (no metadata): our later refund of it is refused. */
  dashboardRefund(piId: string) {
    const pi = this.objects.get(piId)!;
    return this.save(shaped('refund', { id: id('re'), amount: pi.amount, payment_intent: pi.id, charge: pi.latest_charge, currency: pi.currency, status: 'succeeded', created: this.nowSec() }));
  }
  /** The card network returns a refund Stripe had reported succeeded; returns it (refund.failed / charge.refund.updated). */
  failRefund(reId: string) {
    const re = this.objects.get(reId)!;
    this.balance.available += re.amount;
    return Object.assign(re, { status: 'failed', failure_reason: 'expired_or_canceled_card' });
  }
  /** A signed event envelope as Stripe sends it, delivered to the engine's webhook route. */
  async send(engine: Engine, type: string, object: Obj, secret: string) {
    const event = shaped('event', { id: id('evt'), type, api_version: STRIPE_API_VERSION, created: this.nowSec(), pending_webhooks: 1, data: { object: structuredClone(object) } });
    const payload = JSON.stringify(event);
    return handleStripeWebhook(engine, payload, new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload, secret }));
  }
  list(object: string) {
    return [...this.objects.values()].filter((o) => o.object === object);
  }

  private save<T extends Obj>(o: T): T {
    this.objects.set(o.id, o);
    return o;
  }
  /** A balance transaction of `amount` (fee taken on top), available at once or pending. */
  private txn(amount: number, fee: number, type: string, source: string, available: boolean) {
    const t = this.save(shaped('balance_transaction', { id: id('txn'), amount, fee, net: amount - fee, currency: 'eur', type, reporting_category: type, source,
      status: available ? 'available' : 'pending', created: this.nowSec(), available_on: this.nowSec() + (available ? 0 : 2 * DAY_SEC), description: null,
      fee_details: fee ? [{ amount: fee, application: null, currency: 'eur', description: 'Stripe processing fees', type: 'stripe_fee' }] : [] }));
    this.balance[available ? 'available' : 'pending'] += amount - fee;
    return t;
  }
  /** The PaymentIntent's card charge succeeds: a Charge with its balance transaction (minus Stripe's fee). */
  private succeed(pi: Obj, card: (typeof TEST_CARDS)[string]) {
    const chId = id('ch');
    const txn = this.txn(pi.amount, cardFee(pi.amount), 'charge', chId, !!card.available);
    this.save(shaped('charge', { id: chId, amount: pi.amount, amount_captured: pi.amount, captured: true, paid: true, status: 'succeeded', currency: pi.currency,
      customer: pi.customer, payment_intent: pi.id, payment_method: pi.payment_method, balance_transaction: txn.id, metadata: pi.metadata, transfer_group: pi.transfer_group,
      created: this.nowSec(), disputed: false, refunded: false, amount_refunded: 0 }));
    return Object.assign(pi, { status: 'succeeded', amount_received: pi.amount, latest_charge: chId, last_payment_error: null, next_action: null });
  }
  /** Confirm a PaymentIntent with its card, as Stripe does off-session. */
  private confirm(pi: Obj, off: boolean, returnUrl?: string): Reply {
    const pm = this.objects.get(pi.payment_method);
    if (!pm || pm.customer !== pi.customer) return err(400, 'invalid_request_error', 'payment_method_unattached', `The PaymentMethod ${pi.payment_method} is not attached to customer ${pi.customer}.`);
    const card = TEST_CARDS[pm.test_card] ?? TEST_CARDS.pm_card_visa;
    const fail = (code: string, decline: string | undefined, message: string) => {
      Object.assign(pi, { status: 'requires_payment_method', last_payment_error: { type: 'card_error', code, ...(decline ? { decline_code: decline } : {}), message, payment_method: pm } });
      return { status: 402, body: { error: { type: 'card_error', code, ...(decline ? { decline_code: decline } : {}), message, payment_intent: pi } } };
    };
    if (card.decline) return fail('card_declined', card.decline[0], card.decline[1]);
    if (card.authenticate && off) return fail('authentication_required', 'authentication_required', 'Your card was declined. This transaction requires authentication.');
    if (card.authenticate) return ok(Object.assign(pi, { status: 'requires_action', last_payment_error: null,
      next_action: returnUrl ? { type: 'redirect_to_url', redirect_to_url: { url: `https://hooks.stripe.com/3d_secure_2/hosted?payment_intent=${pi.id}`, return_url: returnUrl } } : { type: 'use_stripe_sdk', use_stripe_sdk: {} } }));
    if (this.processing > 0) {
      this.processing--;
      return ok(Object.assign(pi, { status: 'processing', last_payment_error: null }));
    }
    return ok(this.succeed(pi, card));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url!, 'http://x');
    const params = req.method === 'GET' ? parseForm(url.searchParams.toString()) : parseForm(Buffer.concat(chunks).toString());
    const key = req.headers['idempotency-key'] as string | undefined;
    this.requests.push({ method: req.method!, path: url.pathname, key, params });
    let reply: Reply;
    let replayed = false;
    const f = this.fail.findIndex((p) => (typeof p === 'string' ? url.pathname.startsWith(p) : p.test(url.pathname)));
    const exec = (): Reply => {
      if (this.down) return err(500, 'api_error', undefined, 'An unknown error occurred');
      if (f >= 0) {
        this.fail.splice(f, 1);
        return err(500, 'api_error', undefined, 'An unknown error occurred');
      }
      return this.route(req.method!, url.pathname, params);
    };
    if (req.method === 'POST' && key) {
      const fingerprint = `${url.pathname} ${JSON.stringify(params)}`;
      let prior = this.idem.get(key);
      if (prior && Date.now() + this.skewMs - prior.at > DAY_SEC * 1000) {
        this.idem.delete(key); // Stripe prunes keys after 24 h: the same key is a new request
        prior = undefined;
      }
      if (prior && prior.fingerprint !== fingerprint) {
        reply = err(400, 'idempotency_error', undefined, `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`);
      } else if (prior) {
        reply = prior.reply;
        replayed = true;
      } else {
        reply = exec();
        this.idem.set(key, { fingerprint, reply: structuredClone(reply), at: Date.now() + this.skewMs }); // whatever it was, 5xx included
      }
    } else {
      reply = exec();
    }
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': id('req'), 'stripe-version': STRIPE_API_VERSION, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) });
      res.end(JSON.stringify(reply.body));
    };
    const h = this.hang.findIndex((x) => url.pathname.startsWith(x.path));
    if (h >= 0) {
      const [{ ms }] = this.hang.splice(h, 1);
      setTimeout(send, ms).unref();
    } else send();
  }

  private route(method: string, path: string, p: Obj): Reply {
    const parts = path.split('/').filter(Boolean); // ['v1', resource, id?, action?]
    const [, first, ...rest] = parts;
    const resource = first === 'checkout' || first === 'identity' ? `${first}/${rest.shift()}` : first; // /v1/checkout/sessions, /v1/identity/verification_sessions
    const [oid, action] = rest;
    const create = (o: Obj) => ok(this.save(o));
    const missing = (object: string, what = oid) => err(404, 'invalid_request_error', 'resource_missing', `No such ${object}: '${what}'`);
    const get = (object: string) => { const o = this.objects.get(oid); return o && o.object === object ? ok(o) : missing(object); };
    const listOf = (object: string) => {
      let all = this.list(object).reverse(); // newest first, like Stripe
      if (p.created?.gte) all = all.filter((o) => o.created >= Number(p.created.gte));
      if (p.starting_after) all = all.slice(all.findIndex((o) => o.id === p.starting_after) + 1);
      const limit = Number(p.limit ?? 10);
      const expand = Object.values(p.expand ?? {}).includes('data.latest_charge.balance_transaction');
      const data = all.slice(0, limit).map((o) => {
        const ch = expand && this.objects.get(o.latest_charge);
        return ch ? { ...o, latest_charge: { ...ch, balance_transaction: this.objects.get(ch.balance_transaction) } } : o;
      });
      return ok({ object: 'list', url: path, has_more: all.length > limit, data });
    };
    const now = this.nowSec();
    switch (`${method} ${resource}${oid ? '/:id' : ''}${action ? '/' + action : ''}`) {
      case 'POST customers':
        return create({ id: id('cus'), object: 'customer', email: p.email ?? null, metadata: p.metadata ?? {}, created: now });
      case 'POST setup_intents': {
        const sid = id('seti');
        return create({ id: sid, object: 'setup_intent', customer: p.customer, usage: p.usage ?? 'off_session', status: 'requires_payment_method', client_secret: `${sid}_secret_${randomBytes(8).toString('hex')}` });
      }
      case 'POST setup_intents/:id/confirm': {
        const si = this.objects.get(oid);
        if (!si || si.object !== 'setup_intent') return missing('setup_intent');
        const card = TEST_CARDS[p.payment_method];
        if (!card) return missing('PaymentMethod', p.payment_method);
        // The browser's confirmation: a card that needs 3-D Secure waits for the cardholder.
        return ok(Object.assign(si, { payment_method: p.payment_method, status: card.authenticate ? 'requires_action' : 'succeeded' }));
      }
      case 'GET setup_intents':
        return ok({ object: 'list', url: path, has_more: false, data: this.list('setup_intent').filter((si) => si.customer === p.customer && (!p.payment_method || si.payment_method === p.payment_method)) });
      case 'POST payment_methods/:id/attach': {
        const card = TEST_CARDS[oid] ?? (this.objects.get(oid)?.card && this.objects.get(oid));
        if (!card) return missing('PaymentMethod');
        if (!this.objects.has(p.customer)) return missing('customer', p.customer);
        if (TEST_CARDS[oid]) {
          const t = TEST_CARDS[oid];
          return create({ id: id('pm'), object: 'payment_method', type: 'card', customer: p.customer, test_card: oid,
            card: { brand: t.brand, last4: t.last4, exp_month: 12, exp_year: 2034 } });
        }
        this.objects.get(oid)!.customer = p.customer;
        return ok(this.objects.get(oid)!);
      }
      case 'GET payment_methods/:id':
        return get('payment_method');
      case 'POST payment_methods/:id/detach': {
        const pm = this.objects.get(oid);
        if (!pm || pm.object !== 'payment_method') return missing('PaymentMethod');
        pm.customer = null;
        return ok(pm);
      }
      case 'POST payment_intents': {
        const types = p.allowed_payment_method_types ? Object.values(p.allowed_payment_method_types) : ['card', 'link', 'sepa_debit'];
        const pi = this.save(shaped('payment_intent', { id: id('pi'), amount: Number(p.amount), currency: p.currency, customer: p.customer ?? null, payment_method: p.payment_method ?? null,
          capture_method: p.capture_method ?? 'automatic', confirmation_method: 'automatic', transfer_group: p.transfer_group ?? null, metadata: p.metadata ?? {}, created: now,
          payment_method_types: types, status: p.payment_method ? 'requires_confirmation' : 'requires_payment_method', amount_received: 0, latest_charge: null, last_payment_error: null,
          next_action: null, canceled_at: null, processing: null, client_secret: `${id('pi')}_secret_${randomBytes(8).toString('hex')}`, automatic_payment_methods: null, transfer_data: null }));
        if (p.confirm === 'true') return this.confirm(pi, p.off_session === 'true');
        return ok(pi);
      }
      case 'POST payment_intents/:id/confirm': {
        const pi = this.objects.get(oid);
        if (!pi || pi.object !== 'payment_intent') return missing('payment_intent');
        if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(pi.status))
          return err(400, 'invalid_request_error', 'payment_intent_unexpected_state', `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`);
        if (p.payment_method) pi.payment_method = p.payment_method;
        return this.confirm(pi, p.off_session === 'true', p.return_url);
      }
      case 'POST payment_intents/:id/cancel': {
        const pi = this.objects.get(oid);
        if (!pi || pi.object !== 'payment_intent') return missing('payment_intent');
        if (['succeeded', 'processing', 'canceled'].includes(pi.status))
          return err(400, 'invalid_request_error', 'payment_intent_unexpected_state', `You cannot cancel this PaymentIntent because it has a status of ${pi.status}.`);
        return ok(Object.assign(pi, { status: 'canceled', canceled_at: now, cancellation_reason: p.cancellation_reason ?? null }));
      }
      case 'GET payment_intents/:id':
        return get('payment_intent');
      case 'GET payment_intents':
        return listOf('payment_intent');
      case 'GET charges/:id': {
        const ch = this.objects.get(oid);
        if (!ch || ch.object !== 'charge') return missing('charge');
        const expand = Object.values(p.expand ?? {});
        return ok(expand.includes('balance_transaction') ? { ...ch, balance_transaction: this.objects.get(ch.balance_transaction) } : ch);
      }
      case 'GET balance_transactions/:id':
        return get('balance_transaction');
      case 'GET disputes':
        return listOf('dispute');
      case 'POST refunds': {
        const pi = this.objects.get(p.payment_intent);
        if (!pi || pi.status !== 'succeeded') return err(400, 'invalid_request_error', 'charge_not_refundable', `PaymentIntent ${p.payment_intent} has no succeeded charge to refund.`);
        const ch = this.objects.get(pi.latest_charge)!;
        if (ch.disputed) return err(400, 'invalid_request_error', 'charge_disputed', `Charge ${ch.id} has been charged back; cannot issue a refund.`);
        const done = this.list('refund').filter((r) => r.payment_intent === pi.id && r.status !== 'failed').reduce((s, r) => s + r.amount, 0);
        if (done >= pi.amount) return err(400, 'invalid_request_error', 'charge_already_refunded', `Charge ${ch.id} has already been refunded.`);
        const amount = p.amount ? Number(p.amount) : pi.amount - done;
        if (done + amount > pi.amount) return err(400, 'invalid_request_error', 'amount_too_large', `Refund amount (€${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge (€${((pi.amount - done) / 100).toFixed(2)})`);
        this.balance.available -= amount; // Stripe keeps its processing fee
        ch.amount_refunded = done + amount;
        ch.refunded = ch.amount_refunded === pi.amount;
        return create(shaped('refund', { id: id('re'), amount, payment_intent: pi.id, charge: ch.id, currency: pi.currency, status: 'succeeded', metadata: p.metadata ?? {}, created: now }));
      }
      case 'GET refunds':
        return p.payment_intent ? ok({ object: 'list', url: path, has_more: false, data: this.list('refund').filter((r) => r.payment_intent === p.payment_intent).reverse() }) : listOf('refund');
      case 'POST refunds/:id': {
        const re = this.objects.get(oid);
        if (!re || re.object !== 'refund') return missing('refund');
        return ok(Object.assign(re, { metadata: { ...re.metadata, ...(p.metadata ?? {}) } }));
      }
      case 'POST transfers': {
        const acctObj = this.objects.get(p.destination);
        const amount = Number(p.amount);
        if (!acctObj || acctObj.object !== 'account') return err(400, 'invalid_request_error', 'resource_missing', `No such destination: '${p.destination}'`);
        if (acctObj.capabilities?.transfers !== 'active') return err(400, 'invalid_request_error', 'insufficient_capabilities_for_transfer', `Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments`);
        if (p.source_transaction) {
          const ch = this.objects.get(p.source_transaction);
          if (!ch || ch.object !== 'charge') return missing('charge', p.source_transaction);
          const used = this.list('transfer').filter((t) => t.source_transaction === ch.id).reduce((s, t) => s + t.amount, 0);
          if (used + amount > ch.amount) return err(400, 'invalid_request_error', 'transfer_source_balance_parameters_mismatch', `The transfer amount exceeds what remains of source_transaction ${ch.id} (${ch.amount - used}).`);
          // Funds of the source charge move to the destination when they become available: no balance needed now.
        } else if (this.balance.available < amount) {
          return err(400, 'invalid_request_error', 'balance_insufficient', 'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance');
        } else this.balance.available -= amount;
        return create(shaped('transfer', { id: id('tr'), amount, currency: p.currency, destination: p.destination, transfer_group: p.transfer_group ?? null, source_transaction: p.source_transaction ?? null,
          metadata: p.metadata ?? {}, reversed: false, amount_reversed: 0, created: now, balance_transaction: null, destination_payment: id('py'),
          reversals: { object: 'list', data: [], has_more: false, url: '/v1/transfers/x/reversals' } }));
      }
      case 'POST transfers/:id/reversals': {
        const tr = this.objects.get(oid);
        if (!tr || tr.object !== 'transfer') return missing('transfer');
        const amount = p.amount ? Number(p.amount) : tr.amount - tr.amount_reversed;
        if (amount > tr.amount - tr.amount_reversed) return err(400, 'invalid_request_error', 'amount_too_large', `Reversal amount (${amount}) is greater than the transfer's unreversed amount (${tr.amount - tr.amount_reversed}).`);
        const r = this.save(shaped('transfer_reversal', { id: id('trr'), amount, currency: tr.currency, transfer: tr.id, metadata: p.metadata ?? {}, created: now, balance_transaction: null }));
        tr.amount_reversed += amount;
        tr.reversed = tr.amount_reversed === tr.amount;
        tr.reversals.data.push(r);
        this.balance.available += amount;
        return ok(r);
      }
      case 'GET transfers':
        return listOf('transfer');
      case 'GET transfers/:id':
        return get('transfer');
      case 'POST checkout/sessions': {
        const sid = id('cs_test');
        return create({ id: sid, object: 'checkout.session', mode: p.mode, status: 'open', payment_status: 'unpaid', url: `https://checkout.stripe.com/c/pay/${sid}`,
          amount_total: Number(p.line_items?.[0]?.price_data?.unit_amount ?? 0), currency: p.line_items?.[0]?.price_data?.currency, metadata: p.metadata ?? {},
          payment_intent_data: p.payment_intent_data ?? {}, payment_intent: null, success_url: p.success_url, created: now });
      }
      case 'POST identity/verification_sessions': {
        const vid = id('vs');
        return create({ id: vid, object: 'identity.verification_session', type: p.type, status: 'requires_input', url: `https://verify.stripe.com/start/${vid}`,
          metadata: p.metadata ?? {}, last_error: null, created: now });
      }
      case 'POST accounts': {
        const requested = Object.keys(p.capabilities ?? {}).filter((c) => p.capabilities[c].requested === 'true');
        return create(shaped('account', { id: id('acct'), type: p.type, email: p.email ?? null, country: p.country ?? 'DE', metadata: p.metadata ?? {}, charges_enabled: false, payouts_enabled: false,
          details_submitted: false, created: now, capabilities: Object.fromEntries(requested.map((c) => [c, 'inactive'])),
          tos_acceptance: { date: null, ip: null, user_agent: null, service_agreement: p.tos_acceptance?.service_agreement ?? 'full' } }));
      }
      case 'GET accounts/:id':
        return get('account');
      case 'POST account_links':
        if (!this.objects.has(p.account)) return missing('account', p.account);
        return ok({ object: 'account_link', url: `https://connect.stripe.com/setup/e/${p.account}/${randomBytes(8).toString('hex')}`, created: now, expires_at: now + 300 });
      default:
        return err(404, 'invalid_request_error', undefined, `Unrecognized request URL (${method}: ${path}).`);
    }
  }
}

const ok = (body: Obj): Reply => ({ status: 200, body });
const err = (status: number, type: string, code: string | undefined, message: string): Reply => ({ status, body: { error: { type, ...(code ? { code } : {}), message } } });
