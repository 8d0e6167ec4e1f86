/**
 * A REST agent trying every way around the spending policy on a server with rails set
 * (VOXPACT_MAX_JOB_EUR=20, VOXPACT_CONFIRM_ABOVE_EUR=10), over a real socket: every attempt is
 * refused and the ledger does not move; and the default policy on a fresh configuration.
 * The owner's approval in the browser is test/web/approvals.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/api/routes.js';
import { type Agent, type Any, type Harness, type Res, expectOk, startServer, task } from './helpers.js';

/** The error of a REST refusal, whichever envelope (`error: {code, …}` now, `error: "<message>", code, …` after the wire change). */
const errOf = (r: Res): Any => (typeof r.body?.error === 'object' ? r.body.error : { ...r.body, message: r.body?.error });
function refused(r: Res, status: number, code: string) {
  const e = errOf(r);
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(e.code).toBe(code);
  return e;
}

describe('a REST agent cannot spend past its policy (server rails 20 / 10 EUR)', () => {
  let h: Harness;
  let buyer: Agent, other: Agent, worker: Agent;
  const books = () => JSON.stringify(h.engine.db.prepare('SELECT account, balance_cents FROM balances ORDER BY account').all());
  const job = (amount: number, extra: object = {}) => ({ title: 'Summarise a document', task_spec: task(), amount, worker_agent_id: worker.id, ...extra });

  beforeAll(async () => {
    h = await startServer({ config: { maxJobCents: 2000, confirmAboveCents: 1000 } });
    buyer = await h.agent('buyer');
    other = await h.agent('other');
    worker = await h.agent('worker', { capabilities: ['summarization'] });
  });
  afterAll(() => h?.close());

  it('funding a 500 EUR job and accepting an 800 EUR bid are refused by the per-job rail; the ledger does not move', async () => {
    const before = books();
    const e = refused(await h.api('POST', '/v1/jobs', { token: buyer.token, body: job(500) }), 403, 'spending_rail_exceeded');
    expect(e.field).toBe('amount');
    const open = expectOk(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { ...job(800), worker_agent_id: undefined, job_type: 'open' } }), 201);
    const bid = expectOk(await h.api('POST', `/v1/jobs/${open.id}/bids`, { token: worker.token, body: { proposed_price: 800 } }), 201);
    refused(await h.api('POST', `/v1/bids/${bid.id}/accept`, { token: buyer.token }), 403, 'spending_rail_exceeded');
    refused(await h.api('POST', `/v1/bids/${bid.id}/accept`, { token: buyer.token, body: { approval_id: '00000000-0000-4000-8000-000000000000' } }), 403, 'spending_rail_exceeded');
    expect(books()).toBe(before);
    expect(h.engine.db.prepare('SELECT COUNT(*) n FROM approvals').get()).toEqual({ n: 0 }); // a hard rail asks no one
  });

  it('PATCH /v1/agents/me removing or raising the cap answers approval_required and changes nothing; lowering applies', async () => {
    expect(expectOk(await h.api('PATCH', '/v1/agents/me', { token: buyer.token, body: { monthly_spending_limit: 30, max_spend_per_job: 19, confirm_above: 9 } })))
      .toMatchObject({ monthly_spending_limit: 30, max_spend_per_job: 19, confirm_above: 9 });
    for (const body of [{ monthly_spending_limit: null }, { monthly_spending_limit: 1000 }, { confirm_above: null }, { confirm_above: 9.5 }, { max_spend_per_job: null }]) {
      const e = refused(await h.api('PATCH', '/v1/agents/me', { token: buyer.token, body }), 403, 'approval_required');
      expect(e.approval_url).toBe(`${h.base}/approvals/${e.approval_id}`);
    }
    refused(await h.api('PATCH', '/v1/agents/me', { token: buyer.token, body: { max_spend_per_job: 25 } }), 400, 'validation_error');
    expect(expectOk(await h.api('GET', '/v1/agents/me', { token: buyer.token }))).toMatchObject({ monthly_spending_limit: 30, max_spend_per_job: 19, confirm_above: 9 });
    expect(expectOk(await h.api('PATCH', '/v1/agents/me', { token: buyer.token, body: { confirm_above: 8 } }))).toMatchObject({ confirm_above: 8 });
  });

  it('above the threshold: approval_required with a link; no approval of its own, someone else\'s, a tampered, expired or used one passes', async () => {
    const before = books();
    const first = refused(await h.api('POST', '/v1/jobs', { token: buyer.token, body: job(15) }), 403, 'approval_required');
    expect(first).toMatchObject({ status: 'pending', approval_url: `${h.base}/approvals/${first.approval_id}` });
    expect(first.message).toContain(`${h.base}/approvals/${first.approval_id}`);
    expect(h.lastMail(buyer.email)!.body).toContain(`/approvals/${first.approval_id}`);
    // Pending: the retry is refused.
    refused(await h.api('POST', '/v1/jobs', { token: buyer.token, body: job(15, { approval_id: first.approval_id }) }), 403, 'approval_pending');
    // The agent cannot approve it: no REST route decides approvals, and the web form needs the owner's session.
    expect(ROUTES.filter((r) => /approv/i.test(r.path) && !/\/jobs\/:id\/approve$/.test(r.path))).toEqual([]);
    const web = await fetch(`${h.base}/approvals/${first.approval_id}`, { method: 'POST', redirect: 'manual', headers: { Authorization: `Bearer ${buyer.token}`, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'decision=approved' });
    expect(web.status).toBe(303);
    expect(web.headers.get('location')).toBe('/login');
    refused(await h.api('POST', '/v1/jobs', { token: buyer.token, body: job(15, { approval_id: first.approval_id }) }), 403, 'approval_pending');

    // Another agent's approval, approved by its owner, is not the buyer's.
    const theirs = refused(await h.api('POST', '/v1/jobs', { token: other.token, body: job(15) }), 403, 'approval_required');
    h.engine.decideApproval(h.engine.identity.ownerOf(other.id)!, theirs.approval_id, 'approved');
    refused(await h.api('POST', '/v1/jobs', { token: buyer.token, body: job(15, { approval_id: theirs.approval_id }) }), 404, 'not_found');

    h.engine.decideApproval(h.engine.identity.ownerOf(buyer.id)!, first.approval_id, 'approved');
    // Tampered: another amount, another title, another action.
    refused(await h.api('POST', '/v1/jobs', { token: buyer.token, body: job(16, { approval_id: first.approval_id }) }), 409, 'approval_mismatch');
    refused(await h.api('POST', '/v1/jobs', { token: buyer.token, body: job(15, { approval_id: first.approval_id, title: 'Pay me' }) }), 409, 'approval_mismatch');
    refused(await h.api('PATCH', '/v1/agents/me', { token: buyer.token, body: { monthly_spending_limit: null, approval_id: first.approval_id } }), 409, 'approval_mismatch');
    refused(await h.api('POST', '/v1/jobs', { token: buyer.token, body: job(15, { approval_id: 'not-a-uuid' }) }), 400, 'validation_error');
    expect(books()).toBe(before);

    // The approved call itself: charged once, then the approval is used up.
    const funded = expectOk(await h.api('POST', '/v1/jobs', { token: buyer.token, body: job(15, { approval_id: first.approval_id }) }), 201);
    expect(funded).toMatchObject({ status: 'funded', escrow_amount: 15 });
    refused(await h.api('POST', '/v1/jobs', { token: buyer.token, body: job(15, { approval_id: first.approval_id }) }), 409, 'approval_used');

    // Expired: approved, but used only after 24 h.
    const late = refused(await h.api('POST', '/v1/jobs', { token: other.token, body: job(12) }), 403, 'approval_required');
    h.engine.decideApproval(h.engine.identity.ownerOf(other.id)!, late.approval_id, 'approved');
    h.clock.advance(24 * 3_600_000);
    for (const a of [buyer, other, worker]) a.token = await h.tokenFor(a.key); // the JWTs expired too
    const after = books();
    refused(await h.api('POST', '/v1/jobs', { token: other.token, body: job(12, { approval_id: late.approval_id }) }), 410, 'approval_expired');
    expect(books()).toBe(after);
    expect(h.engine.checkInvariants()).toEqual([]);
  });

  it('accept_bid and approve take approval_id in the body', async () => {
    const open = expectOk(await h.api('POST', '/v1/jobs', { token: other.token, body: { ...job(18), worker_agent_id: undefined, job_type: 'open' } }), 201);
    const bid = expectOk(await h.api('POST', `/v1/jobs/${open.id}/bids`, { token: worker.token, body: { proposed_price: 18 } }), 201);
    const e = refused(await h.api('POST', `/v1/bids/${bid.id}/accept`, { token: other.token }), 403, 'approval_required');
    h.engine.decideApproval(h.engine.identity.ownerOf(other.id)!, e.approval_id, 'approved');
    expect(expectOk(await h.api('POST', `/v1/bids/${bid.id}/accept`, { token: other.token, body: { approval_id: e.approval_id } })).job).toMatchObject({ status: 'accepted', escrow_amount: 18 });
    await worker.mp.startJob(open.id);
    await worker.mp.deliverJob(open.id, { content: 'done', content_type: 'text/plain' });
    const a = refused(await h.api('POST', `/v1/jobs/${open.id}/approve`, { token: other.token }), 403, 'approval_required');
    expect(a.message).toMatch(/no validation ran on this delivery/);
    h.engine.decideApproval(h.engine.identity.ownerOf(other.id)!, a.approval_id, 'approved');
    expect(expectOk(await h.api('POST', `/v1/jobs/${open.id}/approve`, { token: other.token, body: { approval_id: a.approval_id } }))).toMatchObject({ status: 'completed' });
  });
});

describe('the default policy on a fresh configuration', () => {
  it('POST /v1/jobs amount: 900 is stopped for the owner\'s approval; nothing is charged', async () => {
    const h = await startServer();
    try {
      const buyer = await h.agent('buyer');
      const worker = await h.agent('worker');
      h.engine.db.prepare('UPDATE agents SET trust_score = 75 WHERE id = ?').run(worker.id); // gold: 900 is within its tier
      const e = refused(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { title: 'Fix a typo', task_spec: task(), amount: 900, worker_agent_id: worker.id } }), 403, 'approval_required');
      expect(e.message).toMatch(/900\.00 EUR is above the confirmation threshold of 50\.00 EUR/);
      expect(h.engine.db.prepare("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'capture'").get()).toEqual({ n: 0 });
      expect(expectOk(await h.api('GET', '/v1/platform')).spending_rails).toEqual({ max_job_amount: null, confirm_above: 50 });
    } finally {
      await h.close();
    }
  });
});
