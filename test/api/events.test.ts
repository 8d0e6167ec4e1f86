/**
 * GET /v1/events: Server-Sent Events of one agent's changes, over a real socket. A job change
 * made through the REST API arrives; `Last-Event-ID` resumes exactly after the last event seen;
 * heartbeats; auth by ?token= (JWT or API key) or header; bounded streams per agent; the stream
 * ends when the token expires or the key is rotated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Any, type Harness, directJob, expectError, expectOk, startServer } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startServer({ rateLimits: false });
});
afterAll(() => h?.close());

type SseEvent = { id?: string; event?: string; data?: Any; comment?: string };

/** An open SSE connection: events parsed as they arrive. */
async function open(query: string, headers: Record<string, string> = {}) {
  const ctrl = new AbortController();
  const res = await fetch(`${h.base}/v1/events${query}`, { headers: { Accept: 'text/event-stream', ...headers }, signal: ctrl.signal });
  const events: SseEvent[] = [];
  let ended = false;
  if (res.status === 200) {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const ev: SseEvent = {};
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) ev.comment = line.slice(1).trim();
              else if (line.startsWith('id:')) ev.id = line.slice(3).trim();
              else if (line.startsWith('event:')) ev.event = line.slice(6).trim();
              else if (line.startsWith('data:')) ev.data = JSON.parse(line.slice(5).trim());
            }
            events.push(ev);
          }
        }
      } catch { /* aborted */ }
      ended = true;
    })();
  }
  return {
    res, events,
    get ended() {
      return ended;
    },
    data: () => events.filter((e) => e.id),
    close: () => ctrl.abort(),
  };
}

describe('/v1/events', () => {
  let buyer: Agent;
  let worker: Agent;
  beforeAll(async () => {
    buyer = await h.agent('sse-buyer');
    worker = await h.agent('sse-worker');
  });

  it('streams a job change made through the REST API, and resumes from Last-Event-ID', async () => {
    const jobId = await directJob(buyer, worker, 'funded');
    const s = await open(`?token=${encodeURIComponent(buyer.token)}`);
    expect(s.res.status).toBe(200);
    expect(s.res.headers.get('content-type')).toMatch(/text\/event-stream/);
    await expect.poll(() => s.events.some((e) => e.comment?.startsWith('connected'))).toBe(true);

    expectOk(await h.api('POST', `/v1/jobs/${jobId}/accept`, { token: worker.token }));
    await expect.poll(() => s.data().map((e) => e.event), { timeout: 5000 }).toEqual(expect.arrayContaining(['job.updated', 'job.accepted']));
    const update = s.data().find((e) => e.event === 'job.updated')!;
    expect(update.data).toMatchObject({ type: 'job', job_id: jobId, job: { id: jobId, status: 'accepted', your_role: 'buyer' } });
    expect(update.id).toBe(String(update.data.seq));
    const note = s.data().find((e) => e.event === 'job.accepted')!;
    expect(note.data.notification).toMatchObject({ type: 'job_accepted', job_id: jobId, read: false });
    expect(note.data.payload).toMatchObject({ event: 'job.accepted', job_id: jobId, worker_agent_id: worker.id });
    // only the buyer's own changes: nothing of the worker's notifications
    expect(s.data().every((e) => e.data.job_id === jobId || e.data.job_id === null)).toBe(true);
    const last = s.data().at(-1)!.id!;
    s.close();

    // while disconnected: the worker starts and delivers
    expectOk(await h.api('POST', `/v1/jobs/${jobId}/start`, { token: worker.token }));
    expectOk(await h.api('POST', `/v1/jobs/${jobId}/deliver`, { token: worker.token, body: { content: 'done' } }));

    const r = await open(`?token=${encodeURIComponent(buyer.token)}`, { 'Last-Event-ID': last });
    await expect.poll(() => r.data().some((e) => e.event === 'job.delivered'), { timeout: 5000 }).toBe(true);
    const seqs = r.data().map((e) => Number(e.id));
    expect(seqs[0]).toBeGreaterThan(Number(last));
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    const statuses = r.data().filter((e) => e.event === 'job.updated').map((e) => e.data.job.status);
    expect(statuses.length).toBe(2); // start and deliver, each once (the job as it is now)
    r.close();

    // the query parameter works like the header (EventSource's first connect)
    const q = await open(`?token=${encodeURIComponent(buyer.token)}&last_event_id=${last}`);
    await expect.poll(() => q.data().length, { timeout: 5000 }).toBe(seqs.length);
    q.close();
  });

  it('sends heartbeats; accepts the API key and the Authorization header', async () => {
    const s = await open(`?token=${buyer.key}`);
    expect(s.res.status).toBe(200);
    await expect.poll(() => s.events.some((e) => e.comment === 'heartbeat'), { timeout: 3000 }).toBe(true);
    s.close();
    const t = await open('', { Authorization: `Bearer ${buyer.token}` });
    expect(t.res.status).toBe(200);
    t.close();
  });

  it('refuses missing, bad and owner credentials', async () => {
    const none = await h.api('GET', '/v1/events');
    expectError(none, 401, 'unauthorized');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectError(await h.api('GET', '/v1/events?token=garbage.token.here'), 401, 'invalid_token');
    expectOk(await h.api('POST', '/v1/owners/auth/magic-link', { body: { email: buyer.email } }));
    const link = /Magic link token: (\S+)/.exec(h.lastMail(buyer.email)!.body)![1];
    const owner = expectOk(await h.api('POST', '/v1/owners/auth/verify', { body: { token: link } })).token;
    expectError(await h.api('GET', `/v1/events?token=${owner}`), 403, 'wrong_scope');
  });

  it('bounds streams per agent', async () => {
    const a = await h.agent('sse-many');
    const streams = [];
    for (let i = 0; i < 5; i++) {
      const s = await open(`?token=${a.key}`);
      expect(s.res.status).toBe(200);
      streams.push(s);
    }
    const sixth = await h.api('GET', `/v1/events?token=${a.key}`);
    expectError(sixth, 429, 'too_many_streams');
    expect(sixth.headers.get('retry-after')).toMatch(/^\d+$/);
    streams[0].close();
    await expect.poll(() => h.app.voxpact.events.count(a.id), { timeout: 3000 }).toBe(4);
    const again = await open(`?token=${a.key}`);
    expect(again.res.status).toBe(200);
    for (const s of [...streams, again]) s.close();
  });

  it('ends the stream when the JWT expires or the key is rotated', async () => {
    const a = await h.agent('sse-expiring');
    const s = await open(`?token=${a.token}`);
    await expect.poll(() => s.events.length).toBeGreaterThan(0);
    h.clock.advance(3601_000);
    await expect.poll(() => s.ended, { timeout: 3000 }).toBe(true);
    expect(s.events.find((e) => e.event === 'error')?.data).toMatchObject({ code: 'token_expired' });

    const b = await h.agent('sse-rotated');
    const k = await open(`?token=${b.key}`);
    await expect.poll(() => k.events.length).toBeGreaterThan(0);
    h.engine.rotateKey(b.id);
    await expect.poll(() => k.ended, { timeout: 3000 }).toBe(true);
    expect(k.events.find((e) => e.event === 'error')?.data.code).toBe('unauthorized');
  });
});
