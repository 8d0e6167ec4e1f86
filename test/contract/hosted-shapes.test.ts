/**
 * The hosted client reads both wire shapes. Against the embedded REST server (lists as
 * `data: [ … ]` with count/total beside it, errors as `error: "<message>"` with code beside it)
 * every list and refusal equals what the engine itself gives; against recorded answers in the
 * old shape (`data: { items, count, total }`, `error: { code, message, … }`) and a bare
 * `error: "<message>"`, it gives the same Pages and VoxErrors.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VoxError } from '../../src/errors.js';
import { HostedMarketplace } from '../../src/hosted/client.js';
import type { Marketplace } from '../../src/marketplace.js';
import { PostJobInput, SubmitBidInput } from '../../src/schemas.js';
import { type World, openWorld } from './backends.js';

/** The refusal a call ends in, as plain data. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof VoxError)) throw e;
    return { code: e.code, message: e.message, status: e.status, details: { ...e.details } };
  }
  throw new Error('the call succeeded');
}

describe('hosted client ↔ the embedded server (new shapes)', () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld('hosted');
  });
  afterAll(() => w?.close());

  it('every list and refusal equals the engine\'s own answer', async () => {
    const buyer = await w.agent('shape-buyer');
    const worker = await w.agent('shape-worker');
    const local = (id: string): Marketplace => w.engine.as(id);
    const job = await buyer.mp.postJob(PostJobInput.parse({ title: 'Summarise a document', task_spec: { description: 'five bullets' }, amount: 10, worker_agent_id: worker.id }));
    await worker.mp.acceptJob(job.id);
    await buyer.mp.sendMessage(job.id, { content: 'Start soon, please', type: 'info' });
    await buyer.mp.uploadFile(job.id, { purpose: 'input', filename: 'spec.txt', content: 'the spec' });
    const open = await buyer.mp.postJob(PostJobInput.parse({ title: 'Translate an article', task_spec: { description: 'French' }, amount: 20, job_type: 'open' }));
    await worker.mp.submitBid(open.id, SubmitBidInput.parse({ proposed_price: 12 }));

    const pairs: [string, (m: Marketplace) => Promise<unknown>, string][] = [
      ['searchAgents', (m) => m.searchAgents({ q: 'shape', limit: 10 }), buyer.id],
      ['listJobs', (m) => m.listJobs({ limit: 20, offset: 0 }), buyer.id],
      ['browseOpenJobs', (m) => m.browseOpenJobs({ limit: 20, offset: 0 }), worker.id],
      ['getJobTransitions', (m) => m.getJobTransitions(job.id), worker.id],
      ['listBids', (m) => m.listBids(open.id), buyer.id],
      ['listNotifications', (m) => m.listNotifications({ unread_only: false, limit: 20, offset: 0 }), worker.id],
      ['listPaymentMethods', (m) => m.listPaymentMethods(), buyer.id],
      ['listMessages', (m) => m.listMessages(job.id, { limit: 50, offset: 0 }), worker.id],
      ['listFiles', (m) => m.listFiles(job.id, { limit: 20, offset: 0 }), worker.id],
      ['listAgentReviews', (m) => m.listAgentReviews(worker.id, 20, 0), buyer.id],
      ['getTrustHistory', (m) => m.getTrustHistory(20, 0), worker.id],
      ['getWebhookLog', (m) => m.getWebhookLog(20, 0), worker.id],
    ];
    for (const [name, call, who] of pairs) {
      const hosted = who === buyer.id ? buyer.mp : worker.mp;
      const got = await call(hosted) as { items: unknown[] };
      expect(Array.isArray(got.items), name).toBe(true);
      expect(got, name).toEqual(await call(local(who)));
    }
    // One refusal of each kind: the same code, message, status and details as the engine's.
    for (const [name, call, who] of [
      ['409 invalid_status', (m: Marketplace) => m.acceptJob(job.id), worker.id],
      ['404 not_found', (m: Marketplace) => m.getJob('00000000-0000-4000-8000-000000000000'), buyer.id],
      ['403 forbidden', (m: Marketplace) => m.approveJob(job.id), worker.id],
    ] as const) {
      const hosted = who === buyer.id ? buyer.mp : worker.mp;
      expect(await refusal(call(hosted)), name).toEqual(await refusal(call(local(who))));
    }
  });
});

describe('hosted client ↔ recorded answers of the old shape', () => {
  const AGENT = 'ag_01JQ00000000000000000000AB';
  const JOB = '0195f5d2-7c1a-7000-8000-000000000001';
  const job = { id: JOB, title: 'Summarise a document', status: 'funded' };
  /** Recorded `METHOD path` → answer, as servers of the old shape sent them. */
  const RECORDED: Record<string, { status: number; body: unknown }> = {
    'POST /v1/agents/auth/token': { status: 200, body: { success: true, data: { token: 'eyJ.recorded.jwt', token_type: 'Bearer', expires_in: 3600, agent_id: AGENT } } },
    'GET /v1/agents/search': { status: 200, body: { success: true, data: { items: [{ id: AGENT, name: 'translator' }], count: 1, total: 1 } } },
    'GET /v1/jobs': { status: 200, body: { success: true, data: { items: [job], count: 1, total: 3 } } },
    'GET /v1/jobs/open': { status: 200, body: { success: true, data: { items: [], count: 0 } } },
    [`GET /v1/jobs/${JOB}/bids`]: { status: 200, body: { success: true, data: { items: [{ id: 'b1', proposed_price: 12 }], count: 1 } } },
    'GET /v1/notifications': { status: 200, body: { success: true, data: { items: [{ id: 'n1', read: false }], count: 1, total: 1, unread_count: 1 } } },
    'GET /v1/payment-methods': { status: 200, body: { success: true, data: [{ id: 'pm_1', brand: 'visa', last4: '4242', is_default: true }] } },
    [`GET /v1/jobs/${JOB}/messages`]: { status: 200, body: { success: true, data: [{ id: 'm1', content: 'hi' }], count: 1 } },
    [`GET /v1/jobs/${JOB}/files`]: { status: 200, body: { success: true, data: { items: [{ id: 'f1' }], count: 1, total: 1 } } },
    [`POST /v1/jobs/${JOB}/accept`]: { status: 409, body: { success: false, error: { code: 'invalid_status', message: "job is 'accepted'; accept_job needs 'funded'", status: 'accepted' } } },
    [`POST /v1/jobs/${JOB}/approve`]: { status: 402, body: { success: false, error: 'Payment capture failed' } },
    [`GET /v1/jobs/${JOB}`]: { status: 404, body: { success: false, error: { code: 'not_found', message: `job '${JOB}' not found` } } },
    'POST /v1/jobs': { status: 429, body: { success: false, error: { code: 'rate_limited', message: 'rate limited: retry after 40 s', retry_after: 40 } } },
  };
  let server: Server;
  let mp: HostedMarketplace;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      const rec = RECORDED[`${req.method} ${new URL(req.url!, 'http://x').pathname}`];
      if (!rec) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not recorded');
      res.writeHead(rec.status, { 'content-type': 'application/json' }).end(JSON.stringify(rec.body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    mp = await HostedMarketplace.connect({ apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: 'vxp_live_recordedkey0000000000000000', maxRateLimitRetries: 0 });
  });
  afterAll(async () => {
    await mp?.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('reads old pages, the reference\'s array lists and old error objects as Pages and VoxErrors', async () => {
    expect(mp.agentId).toBe(AGENT);
    expect(await mp.searchAgents({ limit: 20 })).toEqual({ items: [{ id: AGENT, name: 'translator' }], count: 1, total: 1 });
    expect(await mp.listJobs({ limit: 20, offset: 0 })).toEqual({ items: [job], count: 1, total: 3 });
    expect(await mp.browseOpenJobs({ limit: 20, offset: 0 })).toEqual({ items: [], count: 0 });
    expect((await mp.listBids(JOB)).items).toEqual([{ id: 'b1', proposed_price: 12 }]);
    expect(await mp.listNotifications({ unread_only: false, limit: 20, offset: 0 })).toEqual({ items: [{ id: 'n1', read: false }], count: 1, total: 1, unread_count: 1 });
    expect(await mp.listPaymentMethods()).toEqual({ items: [{ id: 'pm_1', brand: 'visa', last4: '4242', is_default: true }], count: 1 });
    expect(await mp.listMessages(JOB, { limit: 50, offset: 0 })).toEqual({ items: [{ id: 'm1', content: 'hi' }], count: 1, total: 1 });
    expect(await mp.listFiles(JOB, { limit: 20, offset: 0 })).toEqual({ items: [{ id: 'f1' }], count: 1, total: 1 });

    expect(await refusal(mp.acceptJob(JOB))).toEqual({ code: 'invalid_status', message: "job is 'accepted'; accept_job needs 'funded'", status: 409, details: { status: 'accepted' } });
    expect(await refusal(mp.getJob(JOB))).toEqual({ code: 'not_found', message: `job '${JOB}' not found`, status: 404, details: {} });
    expect(await refusal(mp.postJob(PostJobInput.parse({ title: 'Summarise a document', task_spec: { d: 1 }, amount: 5, worker_agent_id: AGENT }))))
      .toEqual({ code: 'rate_limited', message: 'rate limited: retry after 40 s', status: 429, details: { retry_after: 40, retry_after_s: 40 } });
    // A bare error string (no code): the message kept, the code from the HTTP status.
    expect(await refusal(mp.approveJob(JOB))).toEqual({ code: 'payment_required', message: 'Payment capture failed', status: 402, details: {} });
  });
});
