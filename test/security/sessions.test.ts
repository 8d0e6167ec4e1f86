/**
 * Findings 2 and 3: credentials that were revoked must stop working at once, over the real server.
 * - A /v1/events stream opened with a stolen key ends as soon as the key is rotated, even when it
 *   is busy (heartbeat far away), and receives nothing after the rotation.
 * - An MCP session opened with that key ends at the rotation, before its next request.
 * - Owner sessions: logout ends them server-side (a saved cookie and the selected agent token
 *   die); they cannot be refreshed forever; a rotated or recovered agent key ends them too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, directJob, startServer } from '../api/helpers.js';
import { cookieJar, errCode, formToken, ownerToken } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  // A heartbeat an attacker would never wait for: only the per-delivery check can end the stream.
  h = await startServer({ rateLimits: false, events: { pollMs: 20, heartbeatMs: 120_000 } });
});
afterAll(() => h?.close());

/** An SSE stream read as text as it arrives. */
async function stream(path: string) {
  const res = await fetch(h.base + path, { headers: { Accept: 'text/event-stream' } });
  const s = { text: '', ended: false };
  void (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        s.text += value;
      }
    } catch { /* closed */ }
    s.ended = true;
  })();
  return s;
}

describe('revoked credentials end live connections at once', () => {
  it('ends a busy /v1/events stream of a stolen key at the rotation; nothing after it is delivered', async () => {
    const victim = await h.agent('events-victim');
    const buyer = await h.agent('events-buyer');
    const jobId = await directJob(buyer, victim, 'in_progress');
    const s = await stream(`/v1/events?token=${victim.key}`);
    await buyer.mp.sendMessage(jobId, { content: 'first message', type: 'info' });
    await expect.poll(() => s.text, { timeout: 3000 }).toContain('first message');

    h.engine.rotateKey(victim.id); // the owner notices the leak
    await buyer.mp.sendMessage(jobId, { content: 'CONFIDENTIAL price list', type: 'info' });
    await expect.poll(() => s.ended, { timeout: 3000 }).toBe(true);
    expect(s.text).not.toContain('CONFIDENTIAL');
    expect(s.text).toMatch(/event: error\ndata: .*unauthorized/);
  });

  it('ends the MCP sessions of a rotated key without waiting for their next request', async () => {
    const a = await h.agent('mcp-victim');
    const init = await fetch(`${h.base}/mcp`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${a.key}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'attacker', version: '1' } } }),
    });
    expect(init.status).toBe(200);
    await init.text();
    expect(h.app.voxpact.mcp.sessionsOf(a.id)).toHaveLength(1);
    expect((await h.api('POST', '/v1/agents/rotate-key', { token: a.token })).status).toBe(200);
    await expect.poll(() => h.app.voxpact.mcp.sessionsOf(a.id), { timeout: 1000 }).toHaveLength(0);
  });
});

describe('owner sessions end server-side', () => {
  it('logout kills a saved copy of the cookies and the selected agent token', async () => {
    const a = await h.agent('logout-owner');
    const j = cookieJar();
    const post = async (path: string, form: Record<string, string>) =>
      j.take(await fetch(h.base + path, { method: 'POST', redirect: 'manual', headers: { Cookie: j.header(), 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) }));
    const loginPage = await j.take(await fetch(`${h.base}/login`)).text();
    await post('/login', { email: a.email, csrf: formToken(loginPage) });
    const code = /enter this code: (\d{6})/.exec(h.lastMail(a.email)!.body)![1];
    expect((await post('/login/verify', { email: a.email, code, csrf: formToken(loginPage) })).status).toBe(303);
    const saved = j.header();
    const agentJwt = j.jar.get('vx_agent')!;
    const dash = await (await fetch(`${h.base}/dashboard`, { headers: { Cookie: saved } })).text();
    expect(dash).toContain('Dashboard of');

    expect((await post('/logout', { csrf: formToken(dash) })).status).toBe(303);
    const replay = await fetch(`${h.base}/dashboard`, { headers: { Cookie: saved }, redirect: 'manual' });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/login');
    const me = await h.api('GET', '/v1/agents/me', { token: agentJwt });
    expect(me.status).toBe(401);
    expect(errCode(me)).toBe('token_revoked');
    // The agent's own key is not affected by the owner's logout.
    expect((await h.api('GET', '/v1/agents/me', { token: a.token })).status).toBe(200);
  });

  it('an owner token cannot refresh itself past 12 hours after the login', async () => {
    const a = await h.agent('refresh-owner');
    let token = await ownerToken(h, a.email);
    const selected = await h.api('POST', '/v1/owners/auth/select-agent', { token, body: { agent_id: a.id } });
    let agentToken = selected.body.data.token;
    for (let i = 1; i <= 13; i++) { // 13 × 55 min = 11 h 55 min
      h.clock.advance(55 * 60_000);
      const r = await h.api('POST', '/v1/agents/auth/refresh', { token });
      expect(r.status, `refresh ${i}`).toBe(200);
      token = r.body.data.token;
      const ra = await h.api('POST', '/v1/agents/auth/refresh', { token: agentToken });
      expect(ra.status).toBe(200);
      agentToken = ra.body.data.token;
    }
    h.clock.advance(10 * 60_000); // past 12 h since the login; the last tokens are still valid
    for (const t of [token, agentToken]) {
      const r = await h.api('POST', '/v1/agents/auth/refresh', { token: t });
      expect(r.status).toBe(401);
      expect(errCode(r)).toBe('session_expired');
    }
  });

  it('a rotated or recovered agent key ends the owner sessions (no more agent tokens from them)', async () => {
    const a = await h.agent('rotated-owner');
    const owner = await ownerToken(h, a.email);
    expect((await h.api('POST', '/v1/owners/auth/select-agent', { token: owner, body: { agent_id: a.id } })).status).toBe(200);
    expect((await h.api('POST', '/v1/agents/rotate-key', { token: a.token })).status).toBe(200);
    const r = await h.api('POST', '/v1/owners/auth/select-agent', { token: owner, body: { agent_id: a.id } });
    expect(r.status).toBe(401);
    expect(errCode(r)).toBe('token_revoked');

    const owner2 = await ownerToken(h, a.email);
    await h.api('POST', '/v1/agents/recover-key', { body: { email: a.email, agent_id: a.id } });
    const t = /Recovery token: (\S+)/.exec(h.lastMail(a.email)!.body)![1];
    expect((await h.api('POST', '/v1/agents/confirm-recovery', { body: { token: t } })).status).toBe(200);
    expect((await h.api('GET', '/v1/owners/me/agents', { token: owner2 })).status).toBe(401);
  });
});
