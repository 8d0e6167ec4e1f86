/**
 * What VoxPact's OpenClaw skill (bash + curl) and SDK send that is not our own REST dialect,
 * over a real socket: `Authorization: ApiKey <key>`, deliver bodies of every client (raw text,
 * `{ deliverable, message }`, the reference's `{ content_type, metadata }` after a confirmed
 * deliverable file), an ISO `deadline`, `?capability=`, the alias rows, GET /v1/jobs/assigned and
 * GET /v1/payouts; and that what we do not understand is refused, never ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Harness, directJob, expectError, expectList, expectOk, openJobWithBid, startServer, task, webhookReceiver } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startServer({ rateLimits: false });
  h.engine.files.service.attachHttp(h.base);
});
afterAll(() => h?.close());

/** curl as the skill runs it: the API key itself in Authorization: ApiKey. */
async function curl(a: Agent, method: string, path: string, o: { json?: unknown; raw?: string; type?: string } = {}) {
  const headers: Record<string, string> = { Authorization: `ApiKey ${a.key}` };
  if (o.json !== undefined) headers['Content-Type'] = 'application/json';
  if (o.type) headers['Content-Type'] = o.type;
  return h.api(method, path, { headers, raw: o.json !== undefined ? JSON.stringify(o.json) : o.raw });
}

const transitionsOf = async (a: Agent, id: string) =>
  expectList(await h.api('GET', `/v1/jobs/${id}/transitions`, { token: a.token })).items.map((t: { from_status: string; to_status: string }) => `${t.from_status}→${t.to_status}`);

describe('Authorization: ApiKey <key>', () => {
  it('is accepted on /v1 like a Bearer JWT of the key\'s agent; a JWT or bad key there is 401; owner routes stay owner-only', async () => {
    const a = await h.agent('apikey-user');
    expect(expectOk(await curl(a, 'GET', '/v1/agents/me')).id).toBe(a.id);
    const wrong = await h.api('GET', '/v1/agents/me', { headers: { Authorization: `ApiKey ${a.token}` } });
    expectError(wrong, 401, 'unauthorized');
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer realm="voxpact"/);
    expectError(await h.api('GET', '/v1/agents/me', { headers: { Authorization: 'ApiKey vxp_live_notarealkeyatall000000000000' } }), 401);
    expectError(await curl(a, 'GET', '/v1/owners/me/agents'), 403, 'wrong_scope');
    // After a rotation (through the SDK's alias path) the old key is refused at once.
    const rotated = await curl(a, 'POST', '/v1/agents/me/rotate-key');
    expect(rotated.body).toMatchObject({ success: true, message: 'New API key sent to owner email. All sessions invalidated.', data: { agent_id: a.id } });
    expectError(await curl(a, 'GET', '/v1/agents/me'), 401);
  });
});

describe('ApiKey guesses are rate-limited like logins', () => {
  it('refused keys count against POST /v1/agents/auth/token per IP (10 / 15 min); accepted keys do not', async () => {
    const limited = await startServer({ config: { trustProxy: true } });
    try {
      const a = await limited.agent('limited');
      const from = (ip: string, key: string) => limited.api('GET', '/v1/agents/me', { headers: { Authorization: `ApiKey ${key}`, 'X-Forwarded-For': ip } });
      for (let i = 0; i < 12; i++) expectOk(await from('203.0.113.7', a.key)); // a working key is not a failed login
      const guess = `vxp_live_${'0'.repeat(32)}`;
      for (let i = 0; i < 10; i++) expectError(await from('203.0.113.7', guess), 401);
      const r = await from('203.0.113.7', guess);
      expect(expectError(r, 429, 'rate_limited').message).toMatch(/^too many refused API keys from this address/);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expectError(await from('203.0.113.8', guess), 401); // another address is not affected
      expectError(await limited.api('POST', '/v1/agents/auth/token', { body: { api_key: a.key }, headers: { 'X-Forwarded-For': '203.0.113.7' } }), 429, 'rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('POST /v1/agents/register as the SDK and the skill send it', () => {
  it('takes owner_country (ISO 3166-1 alpha-2) and stores it as the owner\'s; refuses a name that is not a code', async () => {
    const hook = await webhookReceiver();
    try {
      const body = { name: 'country-agent', owner_email: 'country@test.example', owner_country: 'se', webhook_url: hook.url, capabilities: ['translation'], rate_card: { per_task: 5 } };
      expect(expectOk(await h.api('POST', '/v1/agents/register', { body }), 201)).toMatchObject({ status: 'pending_verification' });
      expect(h.engine.db.prepare('SELECT country FROM owners WHERE email = ?').get('country@test.example')).toEqual({ country: 'SE' });
      const bad = expectError(await h.api('POST', '/v1/agents/register', { body: { ...body, name: 'country-two', owner_country: 'Sweden' } }), 400, 'validation_error');
      expect(bad).toMatchObject({ field: 'owner_country' });
    } finally {
      await hook.close();
    }
  });
});

describe('deliver: every body VoxPact\'s clients send, from accepted (no start)', () => {
  it('a raw text body, typed by its Content-Type', async () => {
    const buyer = await h.agent('raw-buyer');
    const worker = await h.agent('raw-worker');
    const id = await directJob(buyer, worker, 'accepted');
    const d = expectOk(await curl(worker, 'POST', `/v1/jobs/${id}/deliver`, { raw: '# Summary\n\n- one\n- two\n', type: 'text/markdown; charset=utf-8' }));
    expect(d.job.status).toBe('delivered');
    expect(d.deliverable).toMatchObject({ content: '# Summary\n\n- one\n- two\n', content_type: 'text/markdown; charset=utf-8' });
    expect(await transitionsOf(buyer, id)).toEqual(['null→funded', 'funded→accepted', 'accepted→in_progress', 'in_progress→delivered']);
    // curl -d without a Content-Type sends form-urlencoded: a JSON body there is read as JSON, not as the content.
    const form = await directJob(buyer, worker, 'accepted');
    expect(expectOk(await curl(worker, 'POST', `/v1/jobs/${form}/deliver`, { raw: '{"content":"via curl -d"}', type: 'application/x-www-form-urlencoded' })).deliverable)
      .toMatchObject({ content: 'via curl -d', content_type: 'text/plain' });
    // Bytes that are not text are refused with the way to send them, and nothing moves.
    const other = await directJob(buyer, worker, 'accepted');
    const bin = await h.api('POST', `/v1/jobs/${other}/deliver`, { token: worker.token, headers: { 'Content-Type': 'application/octet-stream' }, raw: undefined });
    expect(bin.status).toBe(400); // an empty raw body: no content
    const r = await fetch(`${h.base}/v1/jobs/${other}/deliver`, { method: 'POST', headers: { Authorization: `Bearer ${worker.token}`, 'Content-Type': 'application/pdf' }, body: new Uint8Array([0x25, 0x50, 0xff, 0xfe, 0x00]) });
    const e = expectError({ status: r.status, headers: r.headers, body: await r.json() }, 400, 'validation_error');
    expect(e.message).toMatch(/must be UTF-8 text; deliver binary files with POST \/v1\/jobs\/:id\/files\/upload-url/);
    expect(expectOk(await h.api('GET', `/v1/jobs/${other}`, { token: buyer.token })).status).toBe('accepted');
  });

  it('{ deliverable, message } (the SDK): stored as JSON text, the message in metadata; not together with content', async () => {
    const buyer = await h.agent('sdk-buyer');
    const worker = await h.agent('sdk-worker');
    const id = await directJob(buyer, worker, 'accepted');
    expectError(await curl(worker, 'POST', `/v1/jobs/${id}/deliver`, { json: { deliverable: { a: 1 }, content: 'x' } }), 400, 'validation_error');
    const d = expectOk(await curl(worker, 'POST', `/v1/jobs/${id}/deliver`, { json: { deliverable: { output_text: 'Hola, mundo.' }, message: 'Neutral Spanish.' } }));
    expect(d.deliverable).toMatchObject({ content: '{"output_text":"Hola, mundo."}', content_type: 'application/json', metadata: { message: 'Neutral Spanish.' } });
  });

  it('upload + confirm a deliverable file from accepted delivers; then the reference\'s { content_type, metadata } answers that delivery', async () => {
    const buyer = await h.agent('file-buyer');
    const worker = await h.agent('file-worker');
    const id = await directJob(buyer, worker, 'accepted');
    const u = expectOk(await curl(worker, 'POST', `/v1/jobs/${id}/files/upload-url`, { json: { purpose: 'deliverable', filename: 'report.md', content_type: 'text/markdown', file_size_bytes: 8 } }), 201);
    expect((await fetch(u.upload_url, { method: 'PUT', body: '# Report', headers: { ...u.headers, 'Content-Type': 'text/markdown' } })).status).toBe(200);
    expect(expectOk(await curl(worker, 'POST', `/v1/jobs/${id}/files/${u.file_id}/confirm`))).toMatchObject({ job_status: 'delivered' });
    const d = expectOk(await curl(worker, 'POST', `/v1/jobs/${id}/deliver`, { json: { content_type: 'text/markdown', metadata: { word_count: 1 } } }));
    expect(d.job.status).toBe('delivered');
    expect(d.deliverable).toMatchObject({ file_id: u.file_id, revision_number: 1, metadata: { word_count: 1 } });
    expect(await transitionsOf(buyer, id)).toEqual(['null→funded', 'funded→accepted', 'accepted→in_progress', 'in_progress→delivered']); // delivered once
    // Without a confirmed file that call still needs content, and says how to give it.
    const bare = await directJob(buyer, worker, 'accepted');
    expect(expectError(await curl(worker, 'POST', `/v1/jobs/${bare}/deliver`, { json: { content_type: 'text/plain' } }), 400, 'validation_error').message).toMatch(/^content is required/);
  });
});

describe('jobs as VoxPact\'s clients post and poll them', () => {
  it('POST /v1/jobs takes an ISO 8601 deadline (whole hours from now, rounded down), refuses what it does not understand', async () => {
    const buyer = await h.agent('deadline-buyer');
    const worker = await h.agent('deadline-worker');
    const body = { title: 'Summarise a document', task_spec: task(), amount: 10, worker_agent_id: worker.id };
    const at = (ms: number) => new Date(h.clock.now() + ms).toISOString();
    const job = expectOk(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { ...body, deadline: at(30.5 * 3600_000) } }), 201);
    expect(job.deadline_hours).toBe(30);
    expect(Date.parse(job.deadline)).toBe(h.clock.now() + 30 * 3600_000);
    expect(expectError(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { ...body, deadline: at(10 * 60_000) } }), 400, 'validation_error')).toMatchObject({ field: 'deadline' });
    expect(expectError(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { ...body, deadline: at(800 * 3600_000) } }), 400, 'validation_error').message).toMatch(/at most 720 hours/);
    expect(expectError(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { ...body, deadline: at(48 * 3600_000), deadline_hours: 24 } }), 400)).toMatchObject({ field: 'deadline' });
    expectError(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { ...body, deadline: 'next tuesday' } }), 400, 'validation_error');
    const unknown = expectError(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { ...body, budget_eur: 10 } }), 400, 'validation_error');
    expect(unknown).toMatchObject({ field: 'budget_eur' });
    expect(unknown.message).toMatch(/^unknown field\(s\) 'budget_eur' for POST \/v1\/jobs; its fields: title, /);
    expectError(await h.api('GET', '/v1/jobs?sort=newest', { token: buyer.token }), 400, 'validation_error');
    expect(expectList(await h.api('GET', '/v1/jobs', { token: buyer.token })).count).toBe(1); // the refusals posted nothing
  });

  it('GET /v1/jobs/assigned: the worker\'s jobs awaiting work (routed before /v1/jobs/:id); malformed ids are 404', async () => {
    const buyer = await h.agent('assign-buyer');
    const worker = await h.agent('assign-worker');
    const funded = await directJob(buyer, worker, 'funded');
    const accepted = await directJob(buyer, worker, 'accepted');
    const done = await directJob(buyer, worker, 'delivered');
    const list = expectList(await curl(worker, 'GET', '/v1/jobs/assigned?limit=20'));
    expect(list.items.map((j: { id: string }) => j.id).sort()).toEqual([funded, accepted].sort());
    expect(list).toMatchObject({ count: 2, total: 2 });
    expect(expectList(await curl(buyer, 'GET', '/v1/jobs/assigned')).items).toEqual([]); // as buyer: nothing to work on
    expect(done).toBeTruthy();
    expect(expectError(await curl(worker, 'GET', '/v1/jobs/assigned-to-me'), 404, 'not_found').message).toBe("job 'assigned-to-me' not found");
    expectError(await curl(worker, 'GET', `/v1/jobs/${funded}/files/not-a-file/preview`), 404, 'not_found');
  });

  it('?capability= is an alias of ?capabilities= on search and open jobs', async () => {
    const buyer = await h.agent('cap-buyer');
    const translator = await h.agent('cap-translator', { capabilities: ['translation'] });
    await h.agent('cap-coder', { capabilities: ['coding'] });
    const ids = (r: { items: { id: string }[] }) => r.items.map((x) => x.id);
    expect(ids(expectList(await h.api('GET', '/v1/agents/search?capability=translation')))).toContain(translator.id);
    expect(ids(expectList(await h.api('GET', '/v1/agents/search?capability=translation'))).every((id: string) => id !== buyer.id)).toBe(true);
    const open = expectOk(await h.api('POST', '/v1/jobs', { token: buyer.token, body: { title: 'Translate an article', task_spec: task(), amount: 20, job_type: 'open', required_capabilities: ['translation'] } }), 201);
    expect(ids(expectList(await h.api('GET', '/v1/jobs/open?capability=translation')))).toContain(open.id);
    expect(ids(expectList(await h.api('GET', '/v1/jobs/open?capability=coding')))).not.toContain(open.id);
  });
});

describe('alias rows of the SDK\'s paths', () => {
  it('POST /v1/jobs/:id/bid (amount), /bids/:bidId/accept (checks the job), /request-revision (reason)', async () => {
    const buyer = await h.agent('alias-buyer');
    const bidder = await h.agent('alias-bidder');
    const { jobId, bidId } = await openJobWithBid(buyer, await h.agent('alias-first'));
    expectError(await curl(bidder, 'POST', `/v1/jobs/${jobId}/bid`, { json: {} }), 400, 'validation_error');
    expect(expectError(await curl(bidder, 'POST', `/v1/jobs/${jobId}/bid`, { json: { amount: 2 } }), 400)).toMatchObject({ field: 'amount' });
    const bid = expectOk(await curl(bidder, 'POST', `/v1/jobs/${jobId}/bid`, { json: { amount: 11.5, message: 'Quick', estimated_hours: 2 } }), 201);
    expect(bid).toMatchObject({ proposed_price: 11.5, estimated_hours: 2, message: 'Quick' });
    // A bid of another job in the path is not found, and nothing is accepted.
    const other = await openJobWithBid(buyer, await h.agent('alias-other'));
    expectError(await curl(buyer, 'POST', `/v1/jobs/${other.jobId}/bids/${bid.id}/accept`), 404, 'not_found');
    const taken = expectOk(await curl(buyer, 'POST', `/v1/jobs/${jobId}/bids/${bid.id}/accept`));
    expect(taken).toMatchObject({ job: { status: 'accepted', worker_agent_id: bidder.id, amount: 11.5 }, bid: { status: 'accepted' } });
    expect(bidId).not.toBe(bid.id);
    expectOk(await curl(bidder, 'POST', `/v1/jobs/${jobId}/deliver`, { json: { content: 'Bonjour' } }));
    expectError(await curl(buyer, 'POST', `/v1/jobs/${jobId}/request-revision`, { json: { reason: 'Please add the title', feedback: 'Please add the title' } }), 400, 'validation_error');
    expect(expectOk(await curl(buyer, 'POST', `/v1/jobs/${jobId}/request-revision`, { json: { reason: 'Please add the title' } })).status).toBe('revision_requested');
  });

  it('GET /v1/payouts: the payouts as a list, the totals beside it', async () => {
    const buyer = await h.agent('pay-buyer');
    const worker = await h.agent('pay-worker');
    const id = await directJob(buyer, worker, 'completed', 20);
    const r = await curl(worker, 'GET', '/v1/payouts');
    expect(r.body).toMatchObject({ success: true, count: 1, total_earned: 18, total_jobs: 1, data: [{ job_id: id, gross_eur: 20, platform_fee_eur: 2, net_eur: 18 }] });
  });
});
