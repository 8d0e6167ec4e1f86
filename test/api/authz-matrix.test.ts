/**
 * The authorization matrix: every route of the table × {the job's buyer, its worker, an
 * unrelated agent, an owner token, anonymous} → the expected status. Generated from ROUTES: a
 * route without a row here fails the test, so a new route cannot skip it. Each cell runs in a
 * fresh world (three agents of three owners, the owner token of the buyer's owner, and the job,
 * bid or token the route needs), so no call sees the effects of another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, routeKey } from '../../src/api/routes.js';
import { PostJobInput } from '../../src/schemas.js';
import { type Agent, type Harness, directJob, errorOf, openJobWithBid, startServer, task, webhookReceiver } from './helpers.js';

type Who = 'buyer' | 'worker' | 'unrelated' | 'owner' | 'anonymous';
const WHO: Who[] = ['buyer', 'worker', 'unrelated', 'owner', 'anonymous'];
type World = { buyer: Agent; worker: Agent; unrelated: Agent; ownerToken: string };
type Cell = Record<Who, number>;
type Row = {
  /** Make what the route needs; returns the path parameters (and anything the body needs). */
  setup?: (w: World) => Promise<Record<string, string>>;
  body?: (w: World, p: Record<string, string>) => unknown;
  expect: Cell;
};

const all = (s: number): Cell => ({ buyer: s, worker: s, unrelated: s, owner: s, anonymous: s });
/** Any agent may call it for itself; an owner token is the wrong scope; anonymous is 401. */
const anyAgent = (s = 200): Cell => ({ buyer: s, worker: s, unrelated: s, owner: 403, anonymous: 401 });
const parties = (buyer: number, worker: number, unrelated = 404): Cell => ({ buyer, worker, unrelated, owner: 403, anonymous: 401 });
const ownerOnly: Cell = { buyer: 403, worker: 403, unrelated: 403, owner: 200, anonymous: 401 };

let h: Harness;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;
let n = 0;

const activationTokenOf = (email: string) => /Activation token: (\S+)/.exec(h.lastMail(email)!.body)![1];

const ROWS: Record<string, Row> = {
  'POST /v1/agents/register': { body: () => ({ name: `matrix-${++n}`, owner_email: `reg-${n}@test.example`, webhook_url: hook.url }), expect: all(201) },
  'GET /v1/agents/activate-info': {
    setup: async () => {
      const email = `pending-${++n}@test.example`;
      h.engine.registerAgent({ name: 'pending', owner_email: email });
      return { query: `?token=${activationTokenOf(email)}` };
    },
    expect: all(200),
  },
  'POST /v1/agents/activate': {
    setup: async () => {
      const email = `pending-${++n}@test.example`;
      h.engine.registerAgent({ name: 'pending', owner_email: email });
      return { token: activationTokenOf(email) };
    },
    body: (_w, p) => ({ token: p.token, terms_agreed: true }),
    expect: all(200),
  },
  'POST /v1/checkout/:id/pay': {
    setup: async (w) => {
      h.engine.registerAgent({ name: 'second', owner_email: w.buyer.email });
      return { id: h.engine.activate(activationTokenOf(w.buyer.email), true).checkout_id! };
    },
    body: () => ({ payment_method_id: 'pm_card_visa' }),
    expect: all(200),
  },
  'POST /v1/agents/auth/token': { body: (w) => ({ api_key: w.buyer.key }), expect: all(200) },
  'POST /v1/agents/auth/refresh': { expect: { buyer: 200, worker: 200, unrelated: 200, owner: 200, anonymous: 401 } },
  'POST /v1/agents/recover-key': { body: (w) => ({ email: w.buyer.email, agent_id: w.buyer.id }), expect: all(200) },
  'POST /v1/agents/confirm-recovery': {
    setup: async (w) => {
      h.engine.identity.requestKeyRecovery(w.buyer.email, w.buyer.id);
      return { token: /Recovery token: (\S+)/.exec(h.lastMail(w.buyer.email)!.body)![1] };
    },
    body: (_w, p) => ({ token: p.token }),
    expect: all(200),
  },
  'POST /v1/agents/rotate-key': { expect: anyAgent() },
  'POST /v1/agents/me/rotate-key': { expect: anyAgent() },
  'GET /v1/agents/me': { expect: anyAgent() },
  'PATCH /v1/agents/me': { body: () => ({ description: 'updated' }), expect: anyAgent() },
  'GET /v1/agents/me/trust-history': { expect: anyAgent() },
  'GET /v1/agents/search': { setup: async () => ({ query: '?q=agent' }), expect: all(200) },
  'GET /v1/agents/:id': { setup: async (w) => ({ id: w.buyer.id }), expect: all(200) },
  'GET /v1/agents/:id/reviews': { setup: async (w) => ({ id: w.worker.id }), expect: all(200) },
  'DELETE /v1/agents/:id': {
    // a second agent of the buyer's owner: the buyer and the owner may delete it, nobody else
    setup: async (w) => ({ id: (await h.agent('spare', { email: w.buyer.email })).id }),
    expect: { buyer: 200, worker: 404, unrelated: 404, owner: 200, anonymous: 401 },
  },
  'POST /v1/owners/auth/magic-link': { body: (w) => ({ email: w.buyer.email }), expect: all(200) },
  'POST /v1/owners/auth/verify': {
    setup: async (w) => {
      h.engine.identity.requestMagicLink(w.buyer.email);
      return { token: /Magic link token: (\S+)/.exec(h.lastMail(w.buyer.email)!.body)![1] };
    },
    body: (_w, p) => ({ token: p.token }),
    expect: all(200),
  },
  'POST /v1/owners/auth/select-agent': { body: (w) => ({ agent_id: w.buyer.id }), expect: ownerOnly },
  'GET /v1/owners/me/agents': { expect: ownerOnly },
  'GET /v1/dashboard': { expect: anyAgent() },
  'GET /v1/platform': { expect: all(200) },
  'POST /v1/jobs': { body: () => ({ title: 'An open job for the matrix', task_spec: task(), amount: 10, job_type: 'open' }), expect: anyAgent(201) },
  'GET /v1/jobs': { expect: anyAgent() },
  'GET /v1/jobs/open': { expect: all(200) },
  'GET /v1/jobs/assigned': { expect: anyAgent() },
  'GET /v1/jobs/:id': { setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'funded') }), expect: parties(200, 200) },
  'POST /v1/jobs/:id/accept': { setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'funded') }), expect: parties(403, 200) },
  'POST /v1/jobs/:id/start': { setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'accepted') }), expect: parties(403, 200) },
  'POST /v1/jobs/:id/deliver': {
    setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'in_progress') }),
    body: () => ({ content: 'the work' }),
    expect: parties(403, 200),
  },
  'GET /v1/jobs/:id/deliverable/preview': { setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'delivered') }), expect: parties(200, 200) },
  'GET /v1/jobs/:id/deliverable': { setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'completed') }), expect: parties(200, 200) },
  'GET /v1/jobs/:id/transitions': { setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'funded') }), expect: parties(200, 200) },
  'POST /v1/jobs/:id/approve': { setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'delivered') }), expect: parties(200, 403) },
  'POST /v1/jobs/:id/revision': {
    setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'delivered') }),
    body: () => ({ feedback: 'Please add a summary section' }),
    expect: parties(200, 403),
  },
  'POST /v1/jobs/:id/cancel': { setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'funded') }), body: () => ({}), expect: parties(200, 200) },
  // an open job is public: anyone may list (their own) bids and bid
  'GET /v1/jobs/:id/bids': { setup: async (w) => ({ id: (await openJobWithBid(w.buyer, w.worker)).jobId }), expect: parties(200, 200, 200) },
  'POST /v1/jobs/:id/bids': {
    setup: async (w) => ({ id: (await openJobWithBid(w.buyer, await h.agent('other-bidder'))).jobId }),
    body: () => ({ proposed_price: 10 }),
    expect: parties(403, 201, 201),
  },
  'POST /v1/jobs/:id/bid': {
    setup: async (w) => ({ id: (await openJobWithBid(w.buyer, await h.agent('other-bidder'))).jobId }),
    body: () => ({ amount: 10 }),
    expect: parties(403, 201, 201),
  },
  'POST /v1/jobs/:id/bids/:bidId/accept': {
    setup: async (w) => {
      const { jobId, bidId } = await openJobWithBid(w.buyer, w.worker);
      return { id: jobId, bidId };
    },
    expect: parties(200, 403),
  },
  'POST /v1/jobs/:id/request-revision': {
    setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'delivered') }),
    body: () => ({ reason: 'Please add a summary section' }),
    expect: parties(200, 403),
  },
  'POST /v1/bids/:id/accept': { setup: async (w) => ({ id: (await openJobWithBid(w.buyer, w.worker)).bidId }), expect: parties(200, 403) },
  'POST /v1/bids/:id/counter': { setup: async (w) => ({ id: (await openJobWithBid(w.buyer, w.worker)).bidId }), body: () => ({ counter_price: 9 }), expect: parties(200, 403) },
  'POST /v1/jobs/:id/review': { setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'completed') }), body: () => ({ rating: 4 }), expect: parties(201, 201) },
  'GET /v1/notifications': { expect: anyAgent() },
  'PATCH /v1/notifications/:id/read': {
    // the worker's "job created" notification
    setup: async (w) => {
      await directJob(w.buyer, w.worker, 'funded');
      return { id: (await w.worker.mp.listNotifications({ unread_only: false, limit: 1, offset: 0 })).items[0].id };
    },
    expect: parties(404, 200),
  },
  'POST /v1/notifications/read-all': { expect: anyAgent() },
  'GET /v1/events': { expect: anyAgent() },
  'POST /v1/payment-methods/setup': { expect: anyAgent() },
  'POST /v1/payment-methods/save': { body: () => ({ payment_method_id: 'pm_card_mastercard' }), expect: anyAgent() },
  'GET /v1/payment-methods': { expect: anyAgent() },
  'DELETE /v1/payment-methods/:id': { setup: async (w) => ({ id: (await w.buyer.mp.listPaymentMethods()).items[0].id }), expect: parties(200, 404) },
  'GET /v1/payouts/history': { expect: anyAgent() },
  'GET /v1/payouts': { expect: anyAgent() },
  // Embedded releases are paid out at once: every agent may ask, none has anything waiting (409).
  'POST /v1/payouts': { body: () => ({ amount_cents: 100 }), expect: anyAgent(409) },
  'POST /v1/connect/onboard': { expect: anyAgent() },
  'GET /v1/connect/status': { expect: anyAgent() },
  'POST /v1/stripe/webhook': { expect: all(404) }, // embedded: Stripe is not configured
  'POST /v1/owners/kyc/start': { expect: ownerOnly }, // embedded: not_required
  'GET /v1/webhooks/log': { expect: anyAgent() },

  // ---------- files (src/engine/files.ts): the buyer's input file of a funded job ----------
  'POST /v1/jobs/:id/files/upload-url': {
    setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'funded') }),
    body: () => ({ purpose: 'input', filename: 'spec.txt', content_type: 'text/plain', file_size_bytes: 100 }),
    expect: parties(201, 403), // the worker uploads deliverables, not inputs
  },
  'POST /v1/jobs/:id/files/:fileId/confirm': {
    setup: async (w) => {
      const id = await directJob(w.buyer, w.worker, 'funded');
      const f = await w.buyer.mp.requestUpload(id, { purpose: 'input', filename: 'spec.txt', content_type: 'text/plain', file_size_bytes: 100 });
      return { id, fileId: f.file_id };
    },
    expect: parties(409, 403), // the uploader may confirm (nothing was PUT yet: 409); the other party may not
  },
  'GET /v1/jobs/:id/files': { setup: async (w) => inputFile(w), expect: parties(200, 200) },
  'GET /v1/jobs/:id/files/:fileId/download-url': { setup: async (w) => inputFile(w), expect: parties(200, 200) },
  'GET /v1/jobs/:id/files/:fileId/preview': { setup: async (w) => inputFile(w), expect: parties(200, 200) },
  'DELETE /v1/jobs/:id/files/:fileId': { setup: async (w) => inputFile(w), expect: parties(200, 403) },

  // ---------- messages, validation, disputes ----------
  'POST /v1/jobs/:id/messages': {
    setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'funded') }),
    body: () => ({ content: 'Can you start by end of day?', type: 'question' }),
    expect: parties(201, 201),
  },
  'GET /v1/jobs/:id/messages': { setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'funded') }), expect: parties(200, 200) },
  'GET /v1/jobs/:id/validation': {
    // a job with validation_criteria, validated (the deterministic judge alone: 'unavailable', but recorded)
    setup: async (w) => {
      const j = await w.buyer.mp.postJob(PostJobInput.parse({ title: 'Summarise a document', task_spec: task(), amount: 10, worker_agent_id: w.worker.id, validation_criteria: { must_include: 'points' } }));
      await w.worker.mp.acceptJob(j.id);
      await w.worker.mp.startJob(j.id);
      await w.worker.mp.deliverJob(j.id, { content: 'five bullet points', content_type: 'text/plain' });
      await h.engine.judging.validate(j.id);
      return { id: j.id };
    },
    expect: parties(200, 200),
  },
  'POST /v1/jobs/:id/dispute': {
    setup: async (w) => ({ id: await directJob(w.buyer, w.worker, 'delivered') }),
    body: () => ({ reason: 'The deliverable does not match the task spec' }),
    expect: parties(201, 201),
  },
  'GET /v1/jobs/:id/dispute': { setup: async (w) => ({ id: (await disputed(w)).jobId }), expect: parties(200, 200) },
  'POST /v1/disputes/:id/request-review': {
    // with no LLM judge configured a dispute goes straight to human review: the parties pass
    // authorization and get 409 already_escalated; nobody else learns the dispute exists
    setup: async (w) => ({ id: (await disputed(w)).disputeId }),
    body: () => ({}),
    expect: parties(409, 409),
  },
};

/** A delivered job the buyer disputed. */
async function disputed(w: World) {
  const jobId = await directJob(w.buyer, w.worker, 'delivered');
  const d = await w.buyer.mp.openDispute(jobId, { reason: 'The deliverable does not match the task spec', evidence_items: [] });
  return { jobId, disputeId: d.id };
}

/** A funded job with a confirmed input file uploaded inline by the buyer. */
async function inputFile(w: World) {
  const id = await directJob(w.buyer, w.worker, 'funded');
  const f = await w.buyer.mp.uploadFile(id, { purpose: 'input', filename: 'spec.txt', content: 'the spec' });
  return { id, fileId: f.file_id };
}

async function world(): Promise<World> {
  const [buyer, worker, unrelated] = [await h.agent('buyer'), await h.agent('worker'), await h.agent('unrelated')];
  h.engine.identity.requestMagicLink(buyer.email);
  const link = /Magic link token: (\S+)/.exec(h.lastMail(buyer.email)!.body)![1];
  const ownerToken = (await h.engine.identity.verifyOwnerLogin({ token: link })).token;
  return { buyer, worker, unrelated, ownerToken };
}

/** One cell: the status only (a stream is closed as soon as its headers arrive). */
async function status(method: string, path: string, token: string | null, body: unknown): Promise<number> {
  const ctrl = new AbortController();
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(h.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: ctrl.signal });
  if ((r.headers.get('content-type') ?? '').includes('text/event-stream')) ctrl.abort();
  else {
    const j = await r.json();
    // every answer has the envelope; a refusal has a code and a message
    expect(typeof j.success).toBe('boolean');
    if (!j.success) expect(errorOf(j)).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  }
  return r.status;
}

beforeAll(async () => {
  h = await startServer({ rateLimits: false });
  hook = await webhookReceiver();
});
afterAll(async () => {
  await h?.close();
  await hook?.close();
});

describe('authorization matrix', () => {
  it('has a row for every route of the table (a new route must add one)', () => {
    const missing = ROUTES.map(routeKey).filter((k) => !ROWS[k]);
    expect(missing, 'routes without an authorization-matrix row').toEqual([]);
    const stale = Object.keys(ROWS).filter((k) => !ROUTES.some((r) => routeKey(r) === k));
    expect(stale, 'rows for routes that no longer exist').toEqual([]);
  });

  for (const r of ROUTES) {
    const key = routeKey(r);
    it(key, async () => {
      const row = ROWS[key];
      if (!row) return; // reported by the test above
      const got: Partial<Cell> = {};
      for (const who of WHO) {
        const w = await world();
        const p = row.setup ? await row.setup(w) : {};
        const path = r.path.replace(/:([A-Za-z_]+)/g, (_m, name: string) => p[name]) + (p.query ?? '');
        const token = who === 'anonymous' ? null : who === 'owner' ? w.ownerToken : w[who].token;
        const body = r.body ? (row.body ? row.body(w, p) : {}) : undefined;
        got[who] = await status(r.method, path, token, body);
      }
      expect(got).toEqual(row.expect);
    });
  }
});
