/**
 * A local HTTP server speaking the part of Stripe's REST wire format the provider uses:
 * form-encoded requests (`metadata[k]=v`), JSON objects with `object: 'payment_intent'` etc.,
 * list envelopes with `starting_after`, the error shape `{error:{type,code,message,decline_code}}`,
 * and Idempotency-Key replay (same key + same params → the first response with
 * `Idempotent-Replayed: true`; same key + other params → 400 idempotency_error).
 * Faults: `hangNext(path)` processes a request but answers after the client has timed out.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Engine } from '../../src/engine/index.js';
import { StripePayments } from '../../src/payments/marketplace.js';
import { createStripeProvider } from '../../src/payments/stripe.js';

type Obj = Record<string, any>;
type Reply = { status: number; body: Obj };
const TEST_CARDS: Record<string, { brand: string; last4: string; decline?: [string, string] }> = {
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_bypassPending: { brand: 'visa', last4: '0077' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', decline: ['generic_decline', 'Your card was declined.'] },
  pm_card_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995', decline: ['insufficient_funds', 'Your card has insufficient funds.'] },
};

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** `a[b][c]=v` → { a: { b: { c: v } } }. */
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

  /** The Stripe provider of src/payments, talking to this fake (no retries unless asked). */
  provider(o: { timeoutMs?: number; maxNetworkRetries?: number } = {}) {
    return createStripeProvider({ secretKey: 'sk_test_fake', host: '127.0.0.1', port: this.port, protocol: 'http', timeoutMs: o.timeoutMs, maxNetworkRetries: o.maxNetworkRetries ?? 0 });
  }
  /** That provider installed as `engine`'s payments, verifying webhooks with `webhookSecret`. */
  async install(engine: Engine, webhookSecret: string) {
    return new StripePayments(engine, await this.provider(), { webhookSecret }).install();
  }
  readonly objects = new Map<string, Obj>();
  private readonly idem = new Map<string, { fingerprint: string; reply: Reply }>();
  private hang: { path: string; ms: number }[] = [];
  /** true: every request answers 500 api_error (Stripe having an outage). */
  down = false;
  /** Every request as received (method, path, idempotency key), for assertions. */
  readonly requests: { method: string; path: string; key: string | undefined }[] = [];

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
  /** The next request to a path starting with `path` is processed, but its answer comes `ms` later (after the client gave up). */
  hangNext(path: string, ms: number) {
    this.hang.push({ path, ms });
  }
  /** Finish a connected account's onboarding (what the owner does in Stripe's hosted form). */
  completeOnboarding(accountId: string) {
    Object.assign(this.objects.get(accountId)!, { charges_enabled: true, payouts_enabled: true, details_submitted: true });
  }
  /** The customer pays on the hosted Checkout page: a succeeded PaymentIntent; returns the session (the checkout.session.completed payload). */
  completeCheckout(sessionId: string) {
    const s = this.objects.get(sessionId)!;
    const pi = { id: id('pi'), object: 'payment_intent', amount: s.amount_total, currency: s.currency, status: 'succeeded', metadata: s.payment_intent_data.metadata ?? {},
      created: Math.floor(Date.now() / 1000), latest_charge: id('ch') };
    this.objects.set(pi.id, pi);
    Object.assign(s, { status: 'complete', payment_status: 'paid', payment_intent: pi.id });
    return s;
  }
  list(object: string) {
    return [...this.objects.values()].filter((o) => o.object === object);
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url!, 'http://x');
    const params = req.method === 'GET' ? parseForm(url.searchParams.toString()) : parseForm(Buffer.concat(chunks).toString());
    const key = req.headers['idempotency-key'] as string | undefined;
    this.requests.push({ method: req.method!, path: url.pathname, key });
    let reply: Reply;
    let replayed = false;
    if (this.down) {
      reply = err(500, 'api_error', undefined, 'An unknown error occurred');
    } else if (req.method === 'POST' && key) {
      const fingerprint = `${url.pathname} ${JSON.stringify(params)}`;
      const prior = this.idem.get(key);
      if (prior && prior.fingerprint !== fingerprint) {
        reply = err(400, 'idempotency_error', undefined, `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`);
      } else if (prior) {
        reply = prior.reply;
        replayed = true;
      } else {
        reply = this.route(req.method!, url.pathname, params);
        if (reply.status < 500) this.idem.set(key, { fingerprint, reply });
      }
    } else {
      reply = this.route(req.method!, url.pathname, params);
    }
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': id('req'), ...(replayed ? { 'idempotent-replayed': 'true' } : {}) });
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
    const create = (o: Obj) => { this.objects.set(o.id, o); return ok(o); };
    const get = (object: string) => { const o = this.objects.get(oid); return o && o.object === object ? ok(o) : err(404, 'invalid_request_error', 'resource_missing', `No such ${object}: '${oid}'`); };
    const listOf = (object: string) => {
      let all = this.list(object).reverse(); // newest first, like Stripe
      if (p.created?.gte) all = all.filter((o) => o.created >= Number(p.created.gte));
      if (p.starting_after) all = all.slice(all.findIndex((o) => o.id === p.starting_after) + 1);
      const limit = Number(p.limit ?? 10);
      return ok({ object: 'list', url: path, has_more: all.length > limit, data: all.slice(0, limit) });
    };
    const now = Math.floor(Date.now() / 1000);
    switch (`${method} ${resource}${oid ? '/:id' : ''}${action ? '/' + action : ''}`) {
      case 'POST customers':
        return create({ id: id('cus'), object: 'customer', email: p.email ?? null, metadata: p.metadata ?? {}, created: now });
      case 'POST setup_intents': {
        const sid = id('seti');
        return create({ id: sid, object: 'setup_intent', customer: p.customer, usage: p.usage ?? 'off_session', status: 'requires_payment_method', client_secret: `${sid}_secret_${randomBytes(8).toString('hex')}` });
      }
      case 'POST payment_methods/:id/attach': {
        const card = TEST_CARDS[oid] ?? (this.objects.get(oid)?.card && this.objects.get(oid));
        if (!card) return err(404, 'invalid_request_error', 'resource_missing', `No such PaymentMethod: '${oid}'`);
        if (!this.objects.has(p.customer)) return err(404, 'invalid_request_error', 'resource_missing', `No such customer: '${p.customer}'`);
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
        if (!pm || pm.object !== 'payment_method') return err(404, 'invalid_request_error', 'resource_missing', `No such PaymentMethod: '${oid}'`);
        pm.customer = null;
        return ok(pm);
      }
      case 'POST payment_intents': {
        const pm = this.objects.get(p.payment_method);
        if (!pm || pm.customer !== p.customer) return err(400, 'invalid_request_error', 'payment_method_unattached', `The PaymentMethod ${p.payment_method} is not attached to customer ${p.customer}.`);
        const decline = TEST_CARDS[pm.test_card]?.decline;
        const pi: Obj = { id: id('pi'), object: 'payment_intent', amount: Number(p.amount), currency: p.currency, customer: p.customer, payment_method: p.payment_method,
          capture_method: p.capture_method, confirmation_method: 'automatic', transfer_group: p.transfer_group ?? null, metadata: p.metadata ?? {}, created: now,
          status: decline ? 'requires_payment_method' : 'succeeded', amount_received: decline ? 0 : Number(p.amount), latest_charge: decline ? null : id('ch'),
          last_payment_error: decline ? { type: 'card_error', code: 'card_declined', decline_code: decline[0], message: decline[1] } : null };
        this.objects.set(pi.id, pi);
        if (decline) return { status: 402, body: { error: { type: 'card_error', code: 'card_declined', decline_code: decline[0], message: decline[1], payment_intent: pi } } };
        return ok(pi);
      }
      case 'GET payment_intents/:id':
        return get('payment_intent');
      case 'GET payment_intents':
        return listOf('payment_intent');
      case 'POST refunds': {
        const pi = this.objects.get(p.payment_intent);
        if (!pi || pi.status !== 'succeeded') return err(400, 'invalid_request_error', 'charge_not_refundable', `PaymentIntent ${p.payment_intent} has no succeeded charge to refund.`);
        const done = this.list('refund').filter((r) => r.payment_intent === pi.id).reduce((s, r) => s + r.amount, 0);
        const amount = p.amount ? Number(p.amount) : pi.amount - done;
        if (done + amount > pi.amount) return err(400, 'invalid_request_error', 'charge_already_refunded', `Refund amount (${amount}) is greater than unrefunded amount on charge (${pi.amount - done}).`);
        return create({ id: id('re'), object: 'refund', amount, payment_intent: pi.id, charge: pi.latest_charge, currency: pi.currency, status: 'succeeded', metadata: p.metadata ?? {}, created: now });
      }
      case 'GET refunds':
        return listOf('refund');
      case 'POST transfers': {
        const acctObj = this.objects.get(p.destination);
        if (!acctObj || acctObj.object !== 'account') return err(400, 'invalid_request_error', 'resource_missing', `No such destination: '${p.destination}'`);
        if (!acctObj.payouts_enabled) return err(400, 'invalid_request_error', 'insufficient_capabilities_for_transfer', `Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments`);
        return create({ id: id('tr'), object: 'transfer', amount: Number(p.amount), currency: p.currency, destination: p.destination, transfer_group: p.transfer_group ?? null,
          metadata: p.metadata ?? {}, reversed: false, created: now });
      }
      case 'GET transfers':
        return listOf('transfer');
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
      case 'POST accounts':
        return create({ id: id('acct'), object: 'account', type: p.type, email: p.email ?? null, metadata: p.metadata ?? {}, charges_enabled: false, payouts_enabled: false, details_submitted: false, created: now });
      case 'GET accounts/:id':
        return get('account');
      case 'POST account_links':
        if (!this.objects.has(p.account)) return err(404, 'invalid_request_error', 'resource_missing', `No such account: '${p.account}'`);
        return ok({ object: 'account_link', url: `https://connect.stripe.com/setup/e/${p.account}/${randomBytes(8).toString('hex')}`, created: now, expires_at: now + 300 });
      default:
        return err(404, 'invalid_request_error', undefined, `Unrecognized request URL (${method}: ${path}).`);
    }
  }
}

const ok = (body: Obj): Reply => ({ status: 200, body });
const err = (status: number, type: string, code: string | undefined, message: string): Reply => ({ status, body: { error: { type, ...(code ? { code } : {}), message } } });
