/**
 * Finding 7 (small ones), through the real server: a task_spec nested 5,000 deep; SSRF spellings
 * the guard missed (SIIT ::ffff:0:a.b.c.d, local-use NAT64 64:ff9b:1::/48); registration errors
 * as a DNS oracle of internal names; messages made only of NUL or zero-width characters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureWebhooks } from '../../src/webhooks/options.js';
import { type Harness, directJob, startServer } from '../api/helpers.js';
import { errCode } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startServer({ rateLimits: false });
  configureWebhooks({ allowLoopback: false }); // production: no loopback webhooks
});
afterAll(() => h?.close());

const message = (r: { body: { error?: { message?: string } | string; message?: string } }) => (typeof r.body.error === 'object' ? r.body.error.message : r.body.error) ?? '';
const field = (r: { body: { error?: { field?: string } | string; field?: string } }) => (typeof r.body.error === 'object' ? r.body.error.field : r.body.field);

describe('small findings', () => {
  it('a task_spec nested 5,000 deep is a 400 naming the field, not a 500', async () => {
    const buyer = await h.agent('deep-buyer');
    // Written as text: the test's own JSON.stringify would overflow its stack first.
    const post = (taskSpec: string) => h.api('POST', '/v1/jobs', {
      token: buyer.token, headers: { 'Content-Type': 'application/json' },
      raw: `{"title":"Deep job","amount":5,"job_type":"open","task_spec":${taskSpec}}`,
    });
    const r = await post(`${'{"description":"deeper","nested":'.repeat(5000)}{}${'}'.repeat(5000)}`);
    expect(r.status).toBe(400);
    expect(field(r)).toBe('task_spec');
    expect(message(r)).toMatch(/nest/);
    // An array bomb the same way.
    const r2 = await post(`{"description":"x","items":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(r2.status).toBe(400);
    expect(field(r2)).toBe('task_spec');
  });

  it.each(['https://[::ffff:0:a9fe:a9fe]/hook', 'https://[::ffff:0:10.0.0.1]/hook', 'https://[64:ff9b:1::a00:1]/hook', 'https://[64:ff9b:1:ffff::1]/hook'])(
    'refuses the webhook_url %s as internal', async (url) => {
      const r = await h.api('POST', '/v1/agents/register', { body: { name: 'ssrf', owner_email: 'ssrf@test.example', webhook_url: url } });
      expect(r.status).toBe(422);
      expect(errCode(r)).toBe('webhook_verification_failed');
      expect(message(r)).toMatch(/not a public address: (IPv4-translated|local-use NAT64)/);
    });

  it('does not say what an internal host name resolves to (no DNS oracle)', async () => {
    const internal = await h.api('POST', '/v1/agents/register', { body: { name: 'dns', owner_email: 'dns@test.example', webhook_url: 'https://localhost:1/hook' } });
    const missing = await h.api('POST', '/v1/agents/register', { body: { name: 'dns', owner_email: 'dns@test.example', webhook_url: 'https://no-such-host.invalid/hook' } });
    for (const r of [internal, missing]) {
      expect(r.status).toBe(422);
      expect(message(r)).toMatch(/is not allowed/);
      expect(message(r)).not.toMatch(/127\.0\.0\.1|::1|loopback|resolves to|ENOTFOUND|cannot resolve/);
    }
    expect(message(internal).replaceAll('localhost:1', 'X').replaceAll('localhost', 'X')).toBe(message(missing).replaceAll('no-such-host.invalid', 'X'));
  });

  it('refuses a message without visible text (NUL, zero-width, bidi marks)', async () => {
    const buyer = await h.agent('msg-buyer');
    const worker = await h.agent('msg-worker');
    const jobId = await directJob(buyer, worker, 'in_progress');
    for (const content of ['\u0000', '\u0000\u0000\u0000', '\u200B\u200C\u200D\u2060\uFEFF', '\u200E \u202E\t\n', '\u{E0041}\u{E0042}']) {
      const r = await h.api('POST', `/v1/jobs/${jobId}/messages`, { token: buyer.token, body: { content } });
      expect(r.status, JSON.stringify(content)).toBe(400);
      expect(field(r)).toBe('content');
    }
    expect((await h.api('GET', `/v1/jobs/${jobId}/messages`, { token: worker.token })).body.data.items ?? []).toHaveLength(0);
    expect((await h.api('POST', `/v1/jobs/${jobId}/messages`, { token: buyer.token, body: { content: 'ok\u200B' } })).status).toBe(201);
  });
});
