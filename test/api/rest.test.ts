/**
 * The REST API end to end over a real socket: every endpoint's happy path, its refusals with
 * status codes and the `{ success: false, error: "<message>", code, … }` shape (read through helpers.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Harness, directJob, expectError, expectList, expectOk, openJobWithBid, startServer, task, webhookReceiver } from './helpers.js';
import { unpaidExcerpt } from '../../src/engine/preview.js';

let h: Harness;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  h = await startServer({ rateLimits: false });
  hook = await webhookReceiver();
});
afterAll(async () => {
  await h?.close();
  await hook?.close();
});

describe('registration and activation', () => {
  it('registers, activates the first agent for free and mails (never answers) the API key', async () => {
    const email = 'Owner.One@Test.Example';
    const reg = expectOk(await h.api('POST', '/v1/agents/register', { body: { name: 'summarizer-v2', owner_email: email, webhook_url: hook.url, capabilities: ['summarization'] } }), 201);
    expect(reg).toMatchObject({ status: 'pending_verification', message: 'Activation link sent to owner email' });
    expect(reg.agent_id).toMatch(/^ag_/);
    const token = /Activation token: (\S+)/.exec(h.lastMail(email)!.body)![1];

    const info = expectOk(await h.api('GET', `/v1/agents/activate-info?token=${token}`));
    expect(info).toMatchObject({ agent_id: reg.agent_id, agent_name: 'summarizer-v2', fee_amount: 0, currency: 'EUR' });

    expectError(await h.api('POST', '/v1/agents/activate', { body: { token, terms_agreed: false } }), 400, 'validation_error');
    const act = expectOk(await h.api('POST', '/v1/agents/activate', { body: { token, terms_agreed: true } }));
    expect(act).toMatchObject({ agent_id: reg.agent_id, status: 'active', fee_amount: 0 });
    expect(JSON.stringify(act)).not.toMatch(/vxp_live_/);
    const key = /(vxp_live_\w+)/.exec(h.lastMail(email)!.body)![1];
    const tok = expectOk(await h.api('POST', '/v1/agents/auth/token', { body: { api_key: key, owner_email: email } }));
    expect(tok).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'agent', agent_id: reg.agent_id });
    // the token is used once: activate-info and activate refuse it now
    expectError(await h.api('GET', `/v1/agents/activate-info?token=${token}`), 404, 'invalid_token');
  });

  it('charges the 5.00 EUR fee for an additional agent through checkout_url, payable by API', async () => {
    const email = 'two-agents@test.example';
    await h.agent('first', { email });
    const reg = expectOk(await h.api('POST', '/v1/agents/register', { body: { name: 'second-agent', owner_email: email, webhook_url: hook.url } }), 201);
    const token = /Activation token: (\S+)/.exec(h.lastMail(email)!.body)![1];
    expect(expectOk(await h.api('GET', `/v1/agents/activate-info?token=${token}`)).fee_amount).toBe(5);
    const act = expectOk(await h.api('POST', '/v1/agents/activate', { body: { token, terms_agreed: true } }));
    expect(act).toMatchObject({ status: 'pending_payment', fee_amount: 5 });
    expect(act.checkout_url).toBe(`${h.base}/checkout/${act.checkout_id}`);

    expectError(await h.api('POST', `/v1/checkout/${act.checkout_id}/pay`, { body: { payment_method_id: 'pm_card_chargeDeclined' } }), 402, 'card_declined');
    expectError(await h.api('POST', `/v1/checkout/${act.checkout_id}/pay`, { body: {} }), 400, 'validation_error');
    expectError(await h.api('POST', '/v1/checkout/cs_doesnotexist123/pay', { body: { payment_method_id: 'pm_card_visa' } }), 404, 'not_found');
    const paid = expectOk(await h.api('POST', `/v1/checkout/${act.checkout_id}/pay`, { body: { payment_method_id: 'pm_card_visa' } }));
    expect(paid).toMatchObject({ agent_id: reg.agent_id, status: 'active' });
    expect(JSON.stringify(paid)).not.toMatch(/vxp_live_/);
    expect(h.lastMail(email)!.body).toMatch(/vxp_live_/);
    expectError(await h.api('POST', `/v1/checkout/${act.checkout_id}/pay`, { body: { payment_method_id: 'pm_card_visa' } }), 409, 'already_paid');
  });

  it('refuses bad registrations naming the field and the rule', async () => {
    const e = expectError(await h.api('POST', '/v1/agents/register', { body: { name: 'x', owner_email: 'a@b.example', webhook_url: hook.url } }), 400, 'validation_error');
    expect(e.field).toBe('name');
    expect(e.message).toMatch(/name must be at least 2 characters/);
    const e2 = expectError(await h.api('POST', '/v1/agents/register', { body: { name: 'ok-name', owner_email: 'a@b.example', webhook_url: 'https://127.0.0.1:9/hook' } }), 422, 'webhook_verification_failed');
    expect(e2.field).toBe('webhook_url');
    expectError(await h.api('POST', '/v1/agents/register', { raw: '{not json', headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_json');
    expectError(await h.api('POST', '/v1/agents/register', { body: [1, 2] }), 400, 'validation_error');
    expectError(await h.api('GET', '/v1/agents/activate-info'), 400, 'validation_error');
  });
});

describe('agents', () => {
  let a: Agent;
  let b: Agent;
  beforeAll(async () => {
    a = await h.agent('alpha-translator', { capabilities: ['translation'] });
    b = await h.agent('beta-summarizer', { capabilities: ['summarization'] });
  });

  it('GET/PATCH /v1/agents/me, trust history, dashboard', async () => {
    const me = expectOk(await h.api('GET', '/v1/agents/me', { token: a.token }));
    expect(me).toMatchObject({ id: a.id, name: 'alpha-translator', owner_email: a.email, level: 'silver', trust_score: 50 });
    const patched = expectOk(await h.api('PATCH', '/v1/agents/me', { token: a.token, body: { description: 'French and German', monthly_spending_limit: 50 } }));
    expect(patched).toMatchObject({ description: 'French and German', monthly_spending_limit: 50, left_this_month: 50 });
    const bad = expectError(await h.api('PATCH', '/v1/agents/me', { token: a.token, body: { monthly_spending_limit: 1.234 } }), 400, 'validation_error');
    expect(bad.field).toBe('monthly_spending_limit');
    expect(bad.message).toMatch(/at most 2 decimals/);
    expect(expectList(await h.api('GET', '/v1/agents/me/trust-history?limit=5', { token: a.token }))).toMatchObject({ items: [], count: 0 });
    expectError(await h.api('GET', '/v1/agents/me/trust-history?limit=500', { token: a.token }), 400, 'validation_error');
    const dash = expectOk(await h.api('GET', '/v1/dashboard', { token: a.token }));
    expect(dash.agent.id).toBe(a.id);
    expect(dash.payment.default_card).toEqual({ brand: 'visa', last4: '4242' });
  });

  it('public profiles, reviews and search', async () => {
    const pub = expectOk(await h.api('GET', `/v1/agents/${b.id}`));
    expect(pub).toMatchObject({ id: b.id, name: 'beta-summarizer' });
    expect(pub).not.toHaveProperty('owner_email');
    expectError(await h.api('GET', '/v1/agents/ag_00000000000000000000000000'), 404, 'not_found');
    expect(expectError(await h.api('GET', '/v1/agents/not-an-id'), 404, 'not_found').message).toBe("agent 'not-an-id' not found"); // malformed: like an unknown id
    expect(expectList(await h.api('GET', `/v1/agents/${b.id}/reviews`))).toMatchObject({ items: [], count: 0, total: 0 });
    const found = expectList(await h.api('GET', '/v1/agents/search?q=summarizer&capabilities=summarization&min_trust_score=40&limit=5'));
    expect(found.items.map((x: { id: string }) => x.id)).toContain(b.id);
    expect(found.items.map((x: { id: string }) => x.id)).not.toContain(a.id);
    expectError(await h.api('GET', '/v1/agents/search?min_trust_score=abc'), 400, 'validation_error');
  });

  it('GET /v1/platform', async () => {
    const p = expectOk(await h.api('GET', '/v1/platform'));
    expect(p).toMatchObject({ currency: 'EUR', backend: 'embedded' });
    expect(p.tiers.map((t: { platform_fee_percent: number }) => t.platform_fee_percent)).toEqual([6, 8, 10, 12]);
  });

  it('DELETE /v1/agents/:id: same owner only, not with active jobs', async () => {
    const email = 'deleter@test.example';
    const one = await h.agent('one', { email });
    const two = await h.agent('two', { email });
    const stranger = await h.agent('stranger');
    expectError(await h.api('DELETE', `/v1/agents/${two.id}`, { token: stranger.token }), 404, 'not_found');
    await directJob(one, stranger);
    expectError(await h.api('DELETE', `/v1/agents/${one.id}`, { token: two.token }), 409, 'active_jobs');
    expect(expectOk(await h.api('DELETE', `/v1/agents/${two.id}`, { token: one.token }))).toEqual({ agent_id: two.id, deleted: true });
    // the deleted agent's token dies with it
    expectError(await h.api('GET', '/v1/agents/me', { token: two.token }), 401);
    expectError(await h.api('GET', `/v1/agents/${two.id}`), 404, 'not_found');
  });
});

describe('a direct job through the REST API', () => {
  let buyer: Agent;
  let worker: Agent;
  let stranger: Agent;
  beforeAll(async () => {
    buyer = await h.agent('buyer');
    worker = await h.agent('worker');
    stranger = await h.agent('stranger');
  });

  it('posts, accepts, starts, delivers, revises, approves, reviews; payouts follow', async () => {
    const body = { title: 'Summarise this document', task_spec: task(), amount: 15, worker_agent_id: worker.id };
    const low = expectError(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { ...body, amount: 4.99 } }), 400, 'validation_error');
    expect(low.message).toBe('amount must be at least 5.00 EUR (got 4.99)');
    expect(low.field).toBe('amount');

    const job = expectOk(await h.api('POST', '/v1/jobs', { token: buyer.token, body, headers: { 'Idempotency-Key': 'post-1' } }), 201);
    expect(job).toMatchObject({ status: 'funded', amount: 15, escrow_amount: 15, your_role: 'buyer', worker_agent_id: worker.id });
    const again = expectOk(await h.api('POST', '/v1/jobs', { token: buyer.token, body, headers: { 'Idempotency-Key': 'post-1' } }), 201);
    expect(again.id).toBe(job.id);
    expectError(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { ...body, amount: 16 }, headers: { 'Idempotency-Key': 'post-1' } }), 422, 'idempotency_key_reused');
    expectError(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { ...body, idempotency_key: 'other' }, headers: { 'Idempotency-Key': 'post-1' } }), 400, 'validation_error');

    const mine = expectList(await h.api('GET', '/v1/jobs?status=funded,accepted&role=buyer&limit=50', { token: buyer.token }));
    expect(mine.items.map((j: { id: string }) => j.id)).toEqual([job.id]);
    expect(mine.total).toBe(1);
    expectError(await h.api('GET', '/v1/jobs?status=bogus', { token: buyer.token }), 400, 'validation_error');

    expect(expectOk(await h.api('GET', `/v1/jobs/${job.id}`, { token: worker.token })).your_role).toBe('worker');
    expectError(await h.api('GET', `/v1/jobs/${job.id}`, { token: stranger.token }), 404, 'not_found');
    expectError(await h.api('GET', '/v1/jobs/not-a-uuid', { token: buyer.token }), 404, 'not_found');

    expectError(await h.api('POST', `/v1/jobs/${job.id}/accept`, { token: buyer.token }), 403, 'forbidden');
    expectError(await h.api('POST', `/v1/jobs/${job.id}/start`, { token: worker.token }), 409, 'invalid_status');
    expect(expectOk(await h.api('POST', `/v1/jobs/${job.id}/accept`, { token: worker.token })).status).toBe('accepted');
    expect(expectOk(await h.api('POST', `/v1/jobs/${job.id}/start`, { token: worker.token })).status).toBe('in_progress');
    expectError(await h.api('POST', `/v1/jobs/${job.id}/deliver`, { token: worker.token, body: { content_type: 'text/plain' } }), 400, 'validation_error');
    const d = expectOk(await h.api('POST', `/v1/jobs/${job.id}/deliver`, { token: worker.token, body: { content: 'first draft', content_type: 'text/plain', metadata: { word_count: 2 } } }));
    expect(d.job.status).toBe('delivered');
    expect(d.deliverable).toMatchObject({ revision_number: 1, content: 'first draft', metadata: { word_count: 2 } });

    expect(expectOk(await h.api('GET', `/v1/jobs/${job.id}/deliverable/preview`, { token: buyer.token })).preview).toBe(unpaidExcerpt('first draft')); // not paid yet: an excerpt
    expectError(await h.api('GET', `/v1/jobs/${job.id}/deliverable`, { token: buyer.token }), 409, 'invalid_status');
    expectError(await h.api('POST', `/v1/jobs/${job.id}/revision`, { token: buyer.token, body: { feedback: 'short' } }), 400, 'validation_error');
    expect(expectOk(await h.api('POST', `/v1/jobs/${job.id}/revision`, { token: buyer.token, body: { feedback: 'Please add a conclusion section' } })).status).toBe('revision_requested');
    expectOk(await h.api('POST', `/v1/jobs/${job.id}/deliver`, { token: worker.token, body: { content: 'second draft with a conclusion' } }));

    const approved = expectOk(await h.api('POST', `/v1/jobs/${job.id}/approve`, { token: buyer.token, headers: { 'Idempotency-Key': 'approve-1' } }));
    expect(approved).toMatchObject({ status: 'completed', escrow_amount: 0, platform_fee: 1.5, worker_payout: 13.5 });
    expect(expectOk(await h.api('POST', `/v1/jobs/${job.id}/approve`, { token: buyer.token, headers: { 'Idempotency-Key': 'approve-1' } })).status).toBe('completed');
    expectError(await h.api('POST', `/v1/jobs/${job.id}/approve`, { token: buyer.token }), 409, 'invalid_status');
    expect(expectOk(await h.api('GET', `/v1/jobs/${job.id}/deliverable`, { token: buyer.token })).content).toBe('second draft with a conclusion');

    const transitions = expectList(await h.api('GET', `/v1/jobs/${job.id}/transitions`, { token: worker.token }));
    expect(transitions.items.map((t: { to_status: string }) => t.to_status)).toEqual(['funded', 'accepted', 'in_progress', 'delivered', 'revision_requested', 'delivered', 'completed']);

    const review = expectOk(await h.api('POST', `/v1/jobs/${job.id}/review`, { token: buyer.token, body: { rating: 5, comment: 'Excellent' } }), 201);
    expect(review).toMatchObject({ job_id: job.id, reviewer_agent_id: buyer.id, rating: 5 });
    expectError(await h.api('POST', `/v1/jobs/${job.id}/review`, { token: buyer.token, body: { rating: 5 } }), 409, 'already_reviewed');
    expectError(await h.api('POST', `/v1/jobs/${job.id}/review`, { token: worker.token, body: { rating: 6 } }), 400, 'validation_error');
    expect(expectList(await h.api('GET', `/v1/agents/${worker.id}/reviews`)).items[0]).toMatchObject({ rating: 5, comment: 'Excellent' });

    const payouts = expectOk(await h.api('GET', '/v1/payouts/history', { token: worker.token }));
    expect(payouts).toMatchObject({ total_earned: 13.5, total_jobs: 1 });
    expect(payouts.payouts[0]).toMatchObject({ job_id: job.id, gross_eur: 15, platform_fee_eur: 1.5, net_eur: 13.5 });
  });

  it('cancel: fees by status; the worker withdrawing refunds in full', async () => {
    const id = await directJob(buyer, worker, 'accepted', 20);
    expectError(await h.api('POST', `/v1/jobs/${id}/cancel`, { token: stranger.token, body: {} }), 404, 'not_found');
    const c = expectOk(await h.api('POST', `/v1/jobs/${id}/cancel`, { token: buyer.token, body: { reason: 'No longer needed' } }));
    expect(c).toMatchObject({ status: 'cancelled', cancellation_fee: 1, escrow_amount: 0 });
    expectError(await h.api('POST', `/v1/jobs/${id}/cancel`, { token: buyer.token }), 409, 'invalid_status');
  });

  it('a monthly spending limit refuses the capture with 402', async () => {
    const spender = await h.agent('spender');
    expectOk(await h.api('PATCH', '/v1/agents/me', { token: spender.token, body: { monthly_spending_limit: 10 } }));
    const e = expectError(await h.api('POST', '/v1/jobs', { token: spender.token, body: { title: 'Too expensive', task_spec: task(), amount: 25, worker_agent_id: worker.id } }), 402, 'monthly_limit_exceeded');
    expect(e.left_this_month).toBe(10);
  });
});

describe('open jobs and bidding', () => {
  it('browse (public), bid, list, counter, accept', async () => {
    const buyer = await h.agent('open-buyer');
    const bidder = await h.agent('bidder-one');
    const other = await h.agent('bidder-two');
    const job = expectOk(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { title: 'Translate this article into French', task_spec: task('Translate'), amount: 20, job_type: 'open', bid_window_hours: 48 } }), 201);
    expect(job.status).toBe('open');
    const open = expectList(await h.api('GET', '/v1/jobs/open?q=translate+french&limit=10'));
    expect(open.items[0].id).toBe(job.id);
    expect(typeof open.items[0].relevance).toBe('number');
    expect(expectList(await h.api('GET', '/v1/jobs/open?min_budget=50')).items).toEqual([]);

    expectError(await h.api('POST', `/v1/jobs/${job.id}/bids`, { token: buyer.token, body: { proposed_price: 10 } }), 403, 'forbidden');
    expectError(await h.api('POST', `/v1/jobs/${job.id}/bids`, { token: bidder.token, body: { proposed_price: 30 } }), 400, 'validation_error');
    const bid = expectOk(await h.api('POST', `/v1/jobs/${job.id}/bids`, { token: bidder.token, body: { proposed_price: 12.5, estimated_hours: 2, message: 'I can do it' } }), 201);
    expect(bid).toMatchObject({ job_id: job.id, worker_agent_id: bidder.id, proposed_price: 12.5, status: 'active' });
    const again = await h.api('POST', `/v1/jobs/${job.id}/bids`, { token: bidder.token, body: { proposed_price: 12 } });
    const e = expectError(again, 429, 'rate_limited');
    expect(Number(again.headers.get('retry-after'))).toBe(e.retry_after);
    expectOk(await h.api('POST', `/v1/jobs/${job.id}/bids`, { token: other.token, body: { proposed_price: 15 } }), 201);

    expect(expectList(await h.api('GET', `/v1/jobs/${job.id}/bids`, { token: buyer.token })).count).toBe(2);
    expect(expectList(await h.api('GET', `/v1/jobs/${job.id}/bids`, { token: bidder.token })).items.map((x: { id: string }) => x.id)).toEqual([bid.id]);

    expectError(await h.api('POST', `/v1/bids/${bid.id}/counter`, { token: bidder.token, body: { counter_price: 10 } }), 403, 'forbidden');
    expect(expectOk(await h.api('POST', `/v1/bids/${bid.id}/counter`, { token: buyer.token, body: { counter_price: 10, message: 'How about 10?' } }))).toMatchObject({ status: 'countered', counter_price: 10 });
    expectError(await h.api('POST', `/v1/bids/${bid.id}/accept`, { token: other.token }), 404, 'not_found');
    const accepted = expectOk(await h.api('POST', `/v1/bids/${bid.id}/accept`, { token: buyer.token, headers: { 'Idempotency-Key': 'acc-1' } }));
    expect(accepted.job).toMatchObject({ status: 'accepted', worker_agent_id: bidder.id, amount: 12.5, escrow_amount: 12.5 });
    expect(accepted.bid.status).toBe('accepted');
    expectError(await h.api('POST', '/v1/bids/00000000-0000-4000-8000-000000000000/accept', { token: buyer.token }), 404, 'not_found');
  });
});

describe('notifications and payment methods', () => {
  it('lists notifications, marks one and all read', async () => {
    const buyer = await h.agent('n-buyer');
    const worker = await h.agent('n-worker');
    await directJob(buyer, worker, 'accepted');
    const list = expectList(await h.api('GET', '/v1/notifications?unread_only=true', { token: worker.token }));
    expect(list.unread_count).toBeGreaterThan(0);
    const n = list.items[0];
    expect(n).toMatchObject({ type: 'job_created', read: false });
    expect(expectOk(await h.api('PATCH', `/v1/notifications/${n.id}/read`, { token: worker.token })).read).toBe(true);
    expectError(await h.api('PATCH', `/v1/notifications/${n.id}/read`, { token: buyer.token }), 404, 'not_found');
    expectOk(await h.api('POST', '/v1/notifications/read-all', { token: buyer.token }));
    expect(expectList(await h.api('GET', '/v1/notifications?unread_only=1', { token: buyer.token })).unread_count).toBe(0);
    expectError(await h.api('GET', '/v1/notifications?limit=51', { token: buyer.token }), 400, 'validation_error');
  });

  it('setup, save, list (an array, as in the reference), delete', async () => {
    const a = await h.agent('payer');
    expect(expectOk(await h.api('POST', '/v1/payment-methods/setup', { token: a.token })).client_secret).toMatch(/^seti_.+_secret_/);
    const saved = expectOk(await h.api('POST', '/v1/payment-methods/save', { token: a.token, body: { payment_method_id: 'pm_card_mastercard', make_default: true } }));
    expect(saved).toMatchObject({ brand: 'mastercard', last4: '4444', is_default: true, retried_jobs: [] });
    expectError(await h.api('POST', '/v1/payment-methods/save', { token: a.token, body: { payment_method_id: 'pm_bogus' } }), 400, 'invalid_payment_method');
    const cards = await h.api('GET', '/v1/payment-methods', { token: a.token });
    expect(Array.isArray(cards.body.data)).toBe(true); // data is the array, count beside it
    expect(expectList(cards)).toMatchObject({ count: 2, items: [{ brand: 'mastercard' }, { brand: 'visa' }] });
    expect(expectOk(await h.api('DELETE', `/v1/payment-methods/${saved.id}`, { token: a.token }))).toEqual({ id: saved.id, deleted: true });
    expectError(await h.api('DELETE', `/v1/payment-methods/${saved.id}`, { token: a.token }), 404, 'not_found');
    expect(expectList(await h.api('GET', '/v1/payment-methods', { token: a.token })).items[0].is_default).toBe(true);
  });
});

describe('the HTTP edges', () => {
  it('unknown endpoint 404, wrong method 405 with Allow, index and health', async () => {
    expectError(await h.api('GET', '/v1/nope'), 404, 'not_found');
    const r = await h.api('PUT', '/v1/jobs');
    expectError(r, 405, 'method_not_allowed');
    expect(r.headers.get('allow')).toMatch(/POST/);
    expect(expectOk(await h.api('GET', '/'))).toMatchObject({ mcp: '/mcp', openapi: '/openapi.json' });
    const health = await h.api('GET', '/health');
    expect(health.body).toMatchObject({ success: true, status: 'ok', data: { status: 'ok', ok: true } });
  });

  it('a body over 4 MB is refused with 413', async () => {
    const a = await h.agent('big');
    const r = await h.api('PATCH', '/v1/agents/me', { token: a.token, raw: JSON.stringify({ description: 'x'.repeat(5 * 1024 * 1024) }), headers: { 'Content-Type': 'application/json' } });
    expectError(r, 413, 'payload_too_large');
  });

  it('openJobWithBid fixture sanity (used by the matrix)', async () => {
    const { jobId, bidId } = await openJobWithBid(await h.agent('fx-buyer'), await h.agent('fx-bidder'));
    expect(jobId).toMatch(/-/);
    expect(bidId).toMatch(/-/);
  });
});
