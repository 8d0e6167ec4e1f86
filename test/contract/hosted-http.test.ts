/**
 * `voxpact-mcp --transport http --backend hosted` end to end: the built bin listening on
 * 127.0.0.1 as an MCP proxy for many agents, in front of the embedded REST server (the
 * "hosted API"). Each MCP session authenticates with its own API key and acts as that agent
 * upstream; a refused key is a 401, another agent's key on a session is that session's 404,
 * and the proxy keeps no local database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, StreamableHTTPClientTransport, LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Any, type Harness, startServer, task } from '../api/helpers.js';
import { MODERN, eraOptions } from '../helpers/era.js';
import { selectTools } from '../../tools/index.js';

const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));

describe.skipIf(!existsSync(CLI))('voxpact-mcp --transport http --backend hosted', () => {
  let upstream: Harness;
  let proxy: ChildProcess;
  let url: string;
  let dir: string;
  const clients: Client[] = [];
  let buyer: Agent, worker: Agent;

  beforeAll(async () => {
    upstream = await startServer({ rateLimits: false });
    buyer = await upstream.agent('proxy-buyer');
    worker = await upstream.agent('proxy-worker', { capabilities: ['translation'] });
    dir = mkdtempSync(join(tmpdir(), 'voxpact-hosted-http-'));
    proxy = spawn(process.execPath, [CLI, '--transport', 'http', '--backend', 'hosted', '--host', '127.0.0.1', '--port', '0'], {
      // A data dir that does not exist: the proxy must not make a database.
      env: { ...process.env, VOXPACT_API_URL: upstream.base, VOXPACT_DATA_DIR: join(dir, 'unused'), VOXPACT_API_KEY: '', VOXPACT_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let err = '';
      proxy.stderr!.on('data', (d) => {
        err += d;
        const m = /listening on (http:\/\/\S+) /.exec(err);
        if (m) resolve(m[1]);
      });
      proxy.on('exit', (code) => reject(new Error(`the proxy exited ${code}: ${err}`)));
    });
  });
  afterAll(async () => {
    for (const c of clients) await c.close().catch(() => {});
    proxy?.kill('SIGTERM');
    await upstream?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function connect(key: string) {
    const client = new Client({ name: 'vitest-proxy', version: '1.0.0' }, eraOptions());
    const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${key}` } } });
    await client.connect(transport);
    clients.push(client);
    return { client, transport };
  }
  const call = async (c: Client, name: string, args: Record<string, unknown> = {}) => {
    const r = await c.callTool({ name, arguments: args });
    return { isError: !!r.isError, data: r.structuredContent as Any };
  };

  it('serves each agent its own session, proxied upstream as that agent', async () => {
    expect((await (await fetch(`${url}/health`)).json()).data).toMatchObject({ ok: true, backend: 'hosted' });
    const [b, w] = await Promise.all([connect(buyer.key), connect(worker.key)]);
    expect((await call(b.client, 'get_my_agent')).data.id).toBe(buyer.id);
    expect((await call(w.client, 'get_my_agent')).data.id).toBe(worker.id);
    expect((await b.client.listTools()).tools.length).toBe(selectTools().length); // the default listing

    const job = (await call(b.client, 'create_job', { title: 'Through the proxy', task_spec: task('x'), amount: 6, worker_agent_id: worker.id })).data;
    expect(job).toMatchObject({ status: 'funded', buyer_agent_id: buyer.id, worker_agent_id: worker.id });
    expect((await call(w.client, 'accept_job', { job_id: job.id })).data.status).toBe('accepted');
    // The upstream marketplace holds it, as the buyer sees it.
    expect((await buyer.mp.getJob(job.id)).status).toBe('accepted');
    // Tool errors come back as tool errors.
    const again = await call(w.client, 'accept_job', { job_id: job.id });
    expect(again).toMatchObject({ isError: true, data: { error: { code: 'invalid_status' } } });
    upstream.engine.checkInvariants();
    expect(existsSync(join(dir, 'unused'))).toBe(false);
  });

  it('refuses a key the API refuses (401), and answers another agent on a session like an unknown session (404)', async () => {
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'x', version: '1' } } };
    const post = (key: string | null, body: unknown, headers: Record<string, string> = {}) => fetch(`${url}/mcp`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...(key ? { Authorization: `Bearer ${key}` } : {}), ...headers },
    });
    expect((await post('vxp_live_not_a_key', init)).status).toBe(401);
    expect((await post(null, init)).status).toBe(401);

    if (MODERN) return; // the rest is about 2025 sessions; 2026-07-28 requests have none
    const { transport } = await connect(buyer.key);
    const sid = transport.sessionId!;
    const list = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };
    const headers = { 'mcp-session-id': sid, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION };
    expect((await post(worker.key, list, headers)).status).toBe(404);
    expect((await post(null, list, headers)).status).toBe(401);
    expect((await post(buyer.key, list, headers)).status).toBe(200);
  });
});
