/**
 * MCP over streamable HTTP at /mcp with the SDK client: several agents at once, each seeing only
 * its own jobs and resource updates; 401 + WWW-Authenticate without credentials; a session id
 * used with another agent's credentials refused; Origin/Host checked; DELETE, idle timeout and
 * key rotation end sessions.
 */
import { request as httpRequest } from 'node:http';
import { Client, StreamableHTTPClientTransport, LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkOriginAndHost } from '../../src/api/mcp.js';
import { type Agent, type Any, type Harness, directJob, expectOk, startServer, task } from './helpers.js';
import { MODERN, eraOptions, subscribe } from '../helpers/era.js';

let h: Harness;
const clients: Client[] = [];
beforeAll(async () => {
  h = await startServer({ rateLimits: false });
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close().catch(() => {});
});
afterAll(() => h?.close());

async function connect(credential: string, headers: Record<string, string> = {}): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const client = new Client({ name: 'vitest-http', version: '1.0.0' }, eraOptions());
  const transport = new StreamableHTTPClientTransport(new URL(`${h.base}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${credential}`, ...headers } } });
  await client.connect(transport);
  clients.push(client);
  return { client, transport };
}

async function call(c: Client, name: string, args: Record<string, unknown> = {}) {
  const r = await c.callTool({ name, arguments: args });
  return { isError: !!r.isError, data: r.structuredContent as Any, text: (r.content as { text: string }[]).map((x) => x.text).join('\n') };
}

const initialize = (id = 1) => ({
  jsonrpc: '2.0', id, method: 'initialize',
  params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

async function rawPost(body: unknown, headers: Record<string, string>) {
  const r = await fetch(`${h.base}/mcp`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

describe('MCP over streamable HTTP', () => {
  let buyer: Agent;
  let worker: Agent;
  let stranger: Agent;
  beforeAll(async () => {
    buyer = await h.agent('http-buyer');
    worker = await h.agent('http-worker');
    stranger = await h.agent('http-stranger');
  });

  it('serves several agents at once; each sees only its own jobs', async () => {
    // API key for two of them, a JWT for the third
    const [b, w, s] = await Promise.all([connect(buyer.key), connect(await h.tokenFor(worker.key)), connect(stranger.key)]);
    if (!MODERN) expect(new Set([b.transport.sessionId, w.transport.sessionId, s.transport.sessionId]).size).toBe(3);
    const ids = await Promise.all([b, w, s].map(async (x) => (await call(x.client, 'get_my_agent')).data.id));
    expect(ids).toEqual([buyer.id, worker.id, stranger.id]);

    const posted = await call(b.client, 'create_job', { title: 'Summarise over HTTP', task_spec: task(), amount: 8, worker_agent_id: worker.id });
    expect(posted.isError).toBe(false);
    const jobId = posted.data.id;
    const [bl, wl, sl] = await Promise.all([b, w, s].map((x) => call(x.client, 'list_jobs')));
    expect(bl.data.items.map((j: Any) => j.id)).toContain(jobId);
    expect(wl.data.items.map((j: Any) => j.id)).toContain(jobId);
    expect(sl.data.items).toEqual([]);
    const peek = await call(s.client, 'get_job_status', { job_id: jobId });
    expect(peek.isError).toBe(true);
    expect(peek.data.error.code).toBe('not_found');
    expect((await call(w.client, 'accept_job', { job_id: jobId })).data.status).toBe('accepted');
    // 2026-07-28 requests are stateless: no session is kept for them.
    expect(h.app.voxpact.mcp.sessionsOf(buyer.id)).toEqual(MODERN ? [] : [b.transport.sessionId]);
  });

  it('resource subscriptions are per session: an update reaches its agent only', async () => {
    const b = await connect(buyer.key);
    const s = await connect(stranger.key);
    const jobId = await directJob(buyer, worker, 'funded');
    const got: { b: string[]; s: string[] } = { b: [], s: [] };
    b.client.setNotificationHandler('notifications/resources/updated', (n) => void got.b.push(n.params.uri));
    s.client.setNotificationHandler('notifications/resources/updated', (n) => void got.s.push(n.params.uri));
    await subscribe(b.client, [`voxpact://jobs/${jobId}`]);
    await subscribe(s.client, [`voxpact://jobs/${jobId}`, 'voxpact://notifications']); // a job not its own: it must hear nothing
    expectOk(await h.api('POST', `/v1/jobs/${jobId}/accept`, { token: await h.tokenFor(worker.key) }));
    await expect.poll(() => got.b, { timeout: 5000 }).toContain(`voxpact://jobs/${jobId}`);
    await new Promise((r) => setTimeout(r, 600));
    expect(got.s).toEqual([]);
  });

  it('401 with WWW-Authenticate for a tool that needs an agent, or bad credentials; 403 for an owner token', async () => {
    const myAgent = { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'get_my_agent', arguments: {} } };
    let r = await rawPost(myAgent, {});
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="voxpact"/);
    expect(JSON.parse(r.text).error.message).toMatch(/^unauthorized: missing credentials: the tool get_my_agent needs an agent/);
    r = await rawPost({ jsonrpc: '2.0', id: 4, method: 'resources/list', params: {} }, {});
    expect(r.status).toBe(401);
    r = await rawPost(initialize(), { Authorization: 'Bearer vxp_live_notarealkeyatall' });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    r = await rawPost(initialize(), { Authorization: 'Bearer a.b.c' });
    expect(r.status).toBe(401);
    // an owner token is not an agent
    expectOk(await h.api('POST', '/v1/owners/auth/magic-link', { body: { email: buyer.email } }));
    const link = /Magic link token: (\S+)/.exec(h.lastMail(buyer.email)!.body)![1];
    const owner = expectOk(await h.api('POST', '/v1/owners/auth/verify', { body: { token: link } })).token;
    r = await rawPost(initialize(), { Authorization: `Bearer ${owner}` });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.text).error.message).toMatch(/^wrong_scope/);
  });

  it('without credentials: the discovery tools run, as on VoxPact\'s own server; anything else needs the key, inline or in the header', async () => {
    const anon = new Client({ name: 'anonymous', version: '1' }, eraOptions());
    await anon.connect(new StreamableHTTPClientTransport(new URL(`${h.base}/mcp`)));
    clients.push(anon);
    expect((await anon.listTools()).tools.map((t) => t.name).sort()).toEqual(['get_agent_profile', 'get_open_jobs', 'platform_info', 'register_agent', 'search_agents']);
    const found = await call(anon, 'search_agents', { query: 'http-worker' });
    expect(found.isError).toBe(false);
    expect(found.data.items.map((a: Any) => a.id)).toContain(worker.id);
    expect((await call(anon, 'get_agent_profile', { agent_id: worker.id })).data.id).toBe(worker.id);
    expect((await call(anon, 'platform_info')).data.currency).toBe('EUR');
    await expect(anon.callTool({ name: 'get_my_agent', arguments: {} })).rejects.toThrow(/401|unauthorized/i);

    // VoxPact's tools take the agent's api_key inline: the call acts as that agent, and the key is never echoed.
    const me = await call(anon, 'get_my_agent', { api_key: buyer.key });
    expect(me.isError).toBe(false);
    expect(me.data.id).toBe(buyer.id);
    expect(JSON.stringify(me)).not.toContain(buyer.key);
    const bad = await call(anon, 'get_my_agent', { api_key: 'vxp_live_notarealkeyatall' });
    expect(bad.data.error.code).toMatch(/unauthorized|invalid_token/);
    expect(JSON.stringify(bad)).not.toContain('vxp_live_notarealkeyatall');

    // On a connection signed in as an agent, another agent's key is refused; its own is fine.
    const b = await connect(buyer.key);
    expect((await call(b.client, 'get_my_agent', { api_key: buyer.key })).data.id).toBe(buyer.id);
    const other = await call(b.client, 'get_my_agent', { api_key: stranger.key });
    expect(other.data.error).toMatchObject({ code: 'forbidden', field: 'api_key' });
  });

  it.skipIf(MODERN)('a session id used with another agent\'s credentials is refused like an unknown session', async () => {
    const b = await connect(buyer.key);
    const sid = b.transport.sessionId!;
    const list = { jsonrpc: '2.0', id: 7, method: 'tools/list', params: {} };
    const headers = { 'mcp-session-id': sid, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION };
    const foreign = await rawPost(list, { ...headers, Authorization: `Bearer ${stranger.key}` });
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.text).error.message).toMatch(/^session_not_found/);
    const none = await rawPost(list, { ...headers, Authorization: `Bearer ${buyer.key}`, 'mcp-session-id': '00000000-0000-4000-8000-000000000000' });
    expect(none.status).toBe(404);
    const own = await rawPost(list, { ...headers, Authorization: `Bearer ${await h.tokenFor(buyer.key)}` }); // same agent, JWT instead of key: fine
    expect(own.status).toBe(200);
    const noSession = await rawPost(list, { Authorization: `Bearer ${buyer.key}` });
    expect(noSession.status).toBe(400);
    expect((await b.client.listTools()).tools.length).toBeGreaterThan(10); // the owner's session is untouched
  });

  it('checks Origin and Host (DNS rebinding)', async () => {
    const auth = { Authorization: `Bearer ${buyer.key}` };
    expect((await rawPost(initialize(), { ...auth, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await rawPost(initialize(), { ...auth, Origin: 'null' })).status).toBe(403);
    expect((await rawPost(initialize(), { ...auth, Origin: 'http://localhost:5173' })).status).toBe(200);
    // Host: a rebinding attack arrives with the attacker's host name
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: h.port, path: '/mcp', method: 'POST', headers: { ...auth, Host: 'evil.example:80', 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end(JSON.stringify(initialize()));
    });
    expect(status).toBe(403);
    // the lists from configuration
    const req = (host: string, origin?: string) => new Request('http://x/mcp', { headers: { host, ...(origin ? { origin } : {}) } });
    expect(checkOriginAndHost(req('mcp.example.com'), { allowedHosts: ['mcp.example.com'] })).toBeNull();
    expect(checkOriginAndHost(req('mcp.example.com:8443'), { allowedHosts: ['mcp.example.com'] })).toBeNull();
    expect(checkOriginAndHost(req('mcp.example.com', 'https://app.example.com'), { allowedHosts: ['mcp.example.com'], allowedOrigins: ['https://app.example.com'] })).toBeNull();
    expect(checkOriginAndHost(req('mcp.example.com', 'https://other.example.com'), { allowedHosts: ['mcp.example.com'], allowedOrigins: ['https://app.example.com'] })?.code).toBe('forbidden_origin');
    expect(checkOriginAndHost(req('10.0.0.5:8787'), { boundHost: '10.0.0.5' })).toBeNull();
    expect(checkOriginAndHost(req('10.0.0.5:8787'), { boundHost: '0.0.0.0' })?.code).toBe('forbidden_host');
  });

  it.skipIf(MODERN)('DELETE ends a session; so does the idle timeout (engine clock) and rotating the key', async () => {
    const a = await h.agent('short-lived');
    const one = await connect(a.key);
    const sid = one.transport.sessionId!;
    await one.transport.terminateSession();
    expect(h.app.voxpact.mcp.sessionsOf(a.id)).toEqual([]);
    const after = await rawPost({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }, { Authorization: `Bearer ${a.key}`, 'mcp-session-id': sid });
    expect(after.status).toBe(404);

    // a session with no open stream (raw requests) is closed after 30 idle minutes
    const init = await rawPost(initialize(), { Authorization: `Bearer ${a.key}` });
    const idle = init.headers.get('mcp-session-id')!;
    const again = (sid: string) => rawPost({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} }, { Authorization: `Bearer ${a.key}`, 'mcp-session-id': sid, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION });
    h.clock.advance(29 * 60_000);
    await h.app.voxpact.mcp.sweep();
    expect(h.app.voxpact.mcp.sessionsOf(a.id)).toEqual([idle]);
    expect((await again(idle)).status).toBe(200); // activity resets the idle clock
    h.clock.advance(29 * 60_000);
    await h.app.voxpact.mcp.sweep();
    expect(h.app.voxpact.mcp.sessionsOf(a.id)).toEqual([idle]);
    h.clock.advance(2 * 60_000);
    expect(await h.app.voxpact.mcp.sweep()).toBeGreaterThanOrEqual(1);
    expect(h.app.voxpact.mcp.sessionsOf(a.id)).toEqual([]);
    expect((await again(idle)).status).toBe(404);

    const three = await connect(a.key);
    expect((await call(three.client, 'get_my_agent')).data.id).toBe(a.id);
    h.engine.rotateKey(a.id);
    await expect(three.client.listTools()).rejects.toThrow(/401|unauthorized/i);
  });

  it.runIf(MODERN)('a stateless client keeps working across requests until its key is rotated, then gets 401', async () => {
    const a = await h.agent('stateless-rotated');
    const c = await connect(a.key);
    expect((await call(c.client, 'get_my_agent')).data.id).toBe(a.id);
    expect((await call(c.client, 'get_my_agent')).data.id).toBe(a.id);
    h.engine.rotateKey(a.id);
    await expect(c.client.listTools()).rejects.toThrow(/401|unauthorized/i);
  });

  it.skipIf(MODERN)('bounds sessions per agent: the least recently used one makes room', async () => {
    const a = await h.agent('many-sessions');
    const opened: string[] = [];
    for (let i = 0; i < 21; i++) {
      const r = await rawPost(initialize(i), { Authorization: `Bearer ${a.key}` });
      expect(r.status).toBe(200);
      opened.push(r.headers.get('mcp-session-id')!);
    }
    const live = h.app.voxpact.mcp.sessionsOf(a.id);
    expect(live).toHaveLength(20);
    expect(live).not.toContain(opened[0]);
  });
});
