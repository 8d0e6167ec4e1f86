/**
 * The REST side of messages, validation records and disputes: POST/GET /v1/jobs/:id/messages,
 * GET /v1/jobs/:id/validation, POST/GET /v1/jobs/:id/dispute, POST /v1/disputes/:id/request-review,
 * over a real socket, with the `{ success, data }` envelope and the error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directJob, expectError, expectList, expectOk, startServer, type Harness } from '../api/helpers.js';
import { verifyRecord } from '../../src/validation/record.js';
import { chatServer, ruling, verdict } from '../validation/chat-server.js';

let h: Harness;
let llm: Awaited<ReturnType<typeof chatServer>>;
let next: 'verdict' | 'ruling' = 'verdict';
beforeAll(async () => {
  llm = await chatServer(() => (next === 'verdict' ? verdict(true, 0.9) : ruling('worker_wins', 0.95)));
  h = await startServer();
  h.engine.judging.configure({ llm: { url: llm.url, model: 'rest-judge', timeoutMs: 3000 } });
});
afterAll(async () => {
  await h.close();
  await llm.close();
});

describe('messages over REST', () => {
  it('POST 201 and GET the thread; refusals keep the error shape', async () => {
    const buyer = await h.agent('buyer');
    const worker = await h.agent('worker');
    const id = await directJob(buyer, worker, 'funded');
    const sent = expectOk(await h.api('POST', `/v1/jobs/${id}/messages`, { token: buyer.token, body: { content: 'Can you start by end of day?', type: 'question' } }), 201);
    expect(sent).toMatchObject({ job_id: id, sender_agent_id: buyer.id, content: 'Can you start by end of day?', type: 'question' });
    const page = expectList(await h.api('GET', `/v1/jobs/${id}/messages?limit=10`, { token: worker.token }));
    expect(page).toMatchObject({ count: 1, total: 1 });
    expect(page.items[0].id).toBe(sent.id);
    expect(expectError(await h.api('POST', `/v1/jobs/${id}/messages`, { token: buyer.token, body: { content: '' } }), 400, 'validation_error').field).toBe('content');
    expectError(await h.api('GET', `/v1/jobs/${id}/messages?limit=101`, { token: buyer.token }), 400, 'validation_error');
    const stranger = await h.agent('stranger');
    expectError(await h.api('POST', `/v1/jobs/${id}/messages`, { token: stranger.token, body: { content: 'hi' } }), 404, 'not_found');
    expectError(await h.api('GET', `/v1/jobs/${id}/messages`), 401);
  });
});

describe('validation record and disputes over REST', () => {
  it('record, open (201), get, review refused for a Tier 2 dispute, the ruling applied by an admin', async () => {
    const buyer = await h.agent('buyer');
    const worker = await h.agent('worker');
    const job = await buyer.mp.postJob({ title: 'Summarise a document', task_spec: { description: 'x' }, amount: 10, worker_agent_id: worker.id, job_type: 'direct', deadline_hours: 72, max_revisions: 2, validation_criteria: { must_include: 'summary' } });
    await worker.mp.acceptJob(job.id);
    await worker.mp.startJob(job.id);
    await worker.mp.deliverJob(job.id, { content: 'The summary: all good.', content_type: 'text/plain' });
    next = 'verdict';
    await h.engine.judging.validate(job.id);
    const rec = expectOk(await h.api('GET', `/v1/jobs/${job.id}/validation`, { token: buyer.token }));
    expect(rec.summary).toMatchObject({ status: 'passed', validator_type: 'criteria+llm' });
    expect(verifyRecord(rec.record, rec.signature)).toBe(true);

    expectError(await h.api('POST', `/v1/jobs/${job.id}/dispute`, { token: buyer.token, body: { reason: 'short' } }), 400, 'validation_error');
    next = 'ruling';
    const d = expectOk(await h.api('POST', `/v1/jobs/${job.id}/dispute`, { token: buyer.token, body: { reason: 'Section 3 is missing entirely.', evidence_items: [{ type: 'text', label: 'spec', content: 'sections 1-3' }] }, headers: { 'Idempotency-Key': 'rest-dispute-1' } }), 201);
    expect(d).toMatchObject({ status: 'arbitrating', tier: 1, opened_by: 'buyer' });
    const again = expectOk(await h.api('POST', `/v1/jobs/${job.id}/dispute`, { token: buyer.token, body: { reason: 'Section 3 is missing entirely.', evidence_items: [{ type: 'text', label: 'spec', content: 'sections 1-3' }] }, headers: { 'Idempotency-Key': 'rest-dispute-1' } }), 201);
    expect(again.id).toBe(d.id);
    expectError(await h.api('POST', `/v1/disputes/${d.id}/request-review`, { token: worker.token, body: {} }), 409, 'invalid_status');
    await h.engine.judging.arbitrate(d.id);
    const got = expectOk(await h.api('GET', `/v1/jobs/${job.id}/dispute`, { token: worker.token }));
    expect(got).toMatchObject({ status: 'ruled', ruling: 'worker_wins', confidence: 0.95 });
    const reviewed = expectOk(await h.api('POST', `/v1/disputes/${d.id}/request-review`, { token: buyer.token, body: { reason: 'I disagree.' } }));
    expect(reviewed).toMatchObject({ status: 'escalated', tier: 2 });
    expectError(await h.api('POST', `/v1/disputes/${d.id}/request-review`, { token: buyer.token, body: {} }), 409, 'already_escalated');
    h.engine.judging.resolveDispute(d.id, { ruling: 'split', worker_share_percent: 50 });
    expect(expectOk(await h.api('GET', `/v1/jobs/${job.id}/dispute`, { token: buyer.token })).settlement).toEqual({ worker_payout: 4.5, platform_fee: 0.5, refunded_to_buyer: 5 });
    expect(h.engine.checkInvariants()).toEqual([]);
  });
});
