/**
 * Finding 6: one limiter, keyed the same whichever door a request comes through, stored where
 * several server processes on one database see the same counts. Through the real server:
 * MCP send_message after REST used up the 60 / min; failed /mcp credentials per IP; the web
 * /login form and the magic-link limit; X-Forwarded-For behind a trusted proxy; two servers on
 * one database; a recovery burnt with a bogus agent id.
 */
import type { Server as NodeServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { Engine } from '../../src/engine/index.js';
import { type Harness, directJob, startServer } from '../api/helpers.js';
import { errCode, formToken, mcpSession } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startServer({ config: { trustProxy: true } }); // one proxy in front: it appends the client address
});
afterAll(() => h?.close());

/** As a proxy in front of the server would forward it: whatever the client sent, then the client's address. */
const viaProxy = (clientSent: string | null, realIp: string) => ({ 'X-Forwarded-For': clientSent ? `${clientSent}, ${realIp}` : realIp });

describe('one limiter whichever door', () => {
  it('MCP send_message counts in the bucket REST filled: the 61st message in a minute is refused either way', async () => {
    const buyer = await h.agent('limit-buyer');
    const worker = await h.agent('limit-worker');
    const jobId = await directJob(buyer, worker, 'in_progress');
    for (let i = 0; i < 60; i++) {
      const r = await h.api('POST', `/v1/jobs/${jobId}/messages`, { token: buyer.token, body: { content: `m${i}` }, headers: viaProxy(null, `10.60.0.${i % 50}`) });
      expect(r.status, `message ${i}`).toBe(201);
    }
    expect((await h.api('POST', `/v1/jobs/${jobId}/messages`, { token: buyer.token, body: { content: 'one more' }, headers: viaProxy(null, '10.60.1.1') })).status).toBe(429);
    const mcp = await mcpSession(h.base, buyer.key, viaProxy(null, '10.60.2.1'));
    expect(mcp.init.status).toBe(200);
    const res = await mcp.tool(/^send_message$|send.*message/, { job_id: jobId, content: 'through MCP' });
    expect(res.result?.isError ?? res.error).toBeTruthy();
    expect(JSON.stringify(res)).toMatch(/rate.?limit/i);
    expect((await buyer.mp.listMessages(jobId, { limit: 100, offset: 0 })).items).toHaveLength(60);
  });

  it('MCP file previews and download URLs count in the hourly buckets of their REST routes', async () => {
    const buyer = await h.agent('preview-limit-buyer');
    const worker = await h.agent('preview-limit-worker');
    const jobId = await directJob(buyer, worker, 'in_progress');
    await h.api('POST', `/v1/jobs/${jobId}/deliver`, { token: worker.token, body: { content: 'the work', filename: 'work.txt' }, headers: viaProxy(null, '10.66.0.1') });
    const files = (await h.api('GET', `/v1/jobs/${jobId}/files`, { token: worker.token, headers: viaProxy(null, '10.66.0.1') })).body;
    const fileId = (Array.isArray(files.data) ? files.data : files.data.items)[0].id;
    for (let i = 0; i < 30; i++) {
      expect((await h.api('GET', `/v1/jobs/${jobId}/files/${fileId}/preview`, { token: worker.token, headers: viaProxy(null, `10.66.1.${i}`) })).status).toBe(200);
    }
    for (let i = 0; i < 60; i++) {
      expect((await h.api('GET', `/v1/jobs/${jobId}/files/${fileId}/download-url`, { token: worker.token, headers: viaProxy(null, `10.66.2.${i}`) })).status).toBe(200);
    }
    const mcp = await mcpSession(h.base, worker.key, viaProxy(null, '10.66.3.1'));
    for (const tool of [/^preview_file$|preview.*file/, /download.*url/]) {
      const res = await mcp.tool(tool, { job_id: jobId, file_id: fileId });
      expect(JSON.stringify(res), String(tool)).toMatch(/rate.?limit/i);
    }
  });

  it('failed /mcp credentials are limited per IP; past the limit even a good key waits', async () => {
    const a = await h.agent('mcp-guessed');
    const ip = viaProxy(null, '10.61.0.1');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await mcpSession(h.base, `vxp_live_guess${i}`, ip)).init.status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect((await mcpSession(h.base, a.key, ip)).init.status).toBe(429);
    expect((await mcpSession(h.base, a.key, viaProxy(null, '10.61.0.2'))).init.status).toBe(200); // another address
  });

  it('the web /login form shares the magic-link limit per IP with the REST endpoint', async () => {
    const ip = viaProxy(null, '10.62.0.1');
    for (let i = 0; i < 5; i++) expect((await h.api('POST', '/v1/owners/auth/magic-link', { body: { email: `web${i}@test.example` }, headers: ip })).status).toBe(200);
    const page = await fetch(`${h.base}/login`);
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const r = await fetch(`${h.base}/login`, {
      method: 'POST', headers: { ...ip, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: formToken(await page.text()), email: 'web-form@test.example' }),
    });
    expect(r.status).toBe(429);
    expect(h.lastMail('web-form@test.example')).toBeUndefined();
  });

  it('behind a trusted proxy the client-written X-Forwarded-For entries do not make new addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await h.api('POST', '/v1/owners/auth/magic-link', { body: { email: `xff${i}@test.example` }, headers: viaProxy(`198.51.100.${i}`, '10.63.0.1') });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  it('two server processes on one database see the same counts', async () => {
    const engine2 = Engine.open({ dbPath: join(h.dir, 'voxpact.db'), clock: h.clock });
    const app2 = createApp({ engine: engine2, config: h.config, mcp: { sweepEveryMs: 0 } });
    const server2 = await new Promise<NodeServer>((resolve) => {
      const s = serve({ fetch: app2.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as NodeServer)) as NodeServer;
    });
    try {
      const base2 = `http://127.0.0.1:${(server2.address() as AddressInfo).port}`;
      const ip = viaProxy(null, '10.64.0.1');
      for (let i = 0; i < 5; i++) expect((await h.api('POST', '/v1/owners/auth/magic-link', { body: { email: `two${i}@test.example` }, headers: ip })).status).toBe(200);
      const r = await fetch(`${base2}/v1/owners/auth/magic-link`, { method: 'POST', headers: { ...ip, 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'two-more@test.example' }) });
      expect(r.status).toBe(429);
    } finally {
      await app2.voxpact.shutdown();
      server2.closeAllConnections();
      await new Promise<void>((r) => server2.close(() => r()));
      engine2.close();
    }
  });

  it('a recovery request with a bogus agent id does not burn the owner\'s recovery', async () => {
    const a = await h.agent('recovering');
    const attacker = await h.api('POST', '/v1/agents/recover-key', { body: { email: a.email, agent_id: a.id.replace(/.$/, (ch) => (ch === '0' ? '1' : '0')) }, headers: viaProxy(null, '10.65.0.1') });
    expect(attacker.status).toBe(200);
    const owner = await h.api('POST', '/v1/agents/recover-key', { body: { email: a.email, agent_id: a.id }, headers: viaProxy(null, '10.65.0.2') });
    expect(owner.status, JSON.stringify(owner.body)).toBe(200);
    expect(h.lastMail(a.email)!.body).toMatch(/Recovery token: /);
    // The same pair again within 24 h is refused (the reference's limit), whoever asks.
    const again = await h.api('POST', '/v1/agents/recover-key', { body: { email: a.email, agent_id: a.id }, headers: viaProxy(null, '10.65.0.3') });
    expect(errCode(again)).toBe('rate_limited');
  });
});
