/**
 * The MCP protocol across real processes: two `voxpact-mcp --transport http` servers on one data
 * directory (as behind a load balancer), and stdio servers, spawned from the built bin. Spending
 * confirmations (declined, accepted, replayed, tampered, answered by another process), a
 * subscription that hears a change made through another process, and the protocol hygiene of both
 * revisions. Runs with 2025-11-25 and with 2026-07-28 clients (vitest.config.ts); the raw 2026
 * requests run in the 2026 project only.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/index.js';
import { DIST_CLI } from './fixtures/world.js';
import { MODERN, eraOptions, subscribe } from './helpers/era.js';
import { freshDatabase, onPostgres } from './helpers/store.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
type Agent = { agent_id: string; api_key: string };

const dir = mkdtempSync(join(tmpdir(), 'voxpact-protocol-'));
// The database both servers share: <dir>/voxpact.db, or in the postgres project a PostgreSQL database.
const dbPath = freshDatabase(dir);
const env = { ...process.env, VOXPACT_DATA_DIR: dir, VOXPACT_DATABASE_URL: onPostgres ? dbPath : '', VOXPACT_LOG_LEVEL: 'error', VOXPACT_CONFIRM_ABOVE_EUR: '10' };
const children: ChildProcess[] = [];
const clients: Client[] = [];
let A: string; // two servers on one database
let B: string;
let buyer: Agent;
let worker: Agent;

const freePort = () => new Promise<number>((res) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as AddressInfo;
    s.close(() => res(port));
  });
});

async function startHttp(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [DIST_CLI, '--transport', 'http', '--port', String(port)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return url;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the HTTP server did not start');
}

const createAgent = (name: string, extra: string[] = []): Agent =>
  JSON.parse(execFileSync(process.execPath, [DIST_CLI, 'agents', 'create', '--name', name, '--owner-email', `${name}@protocol.example`, ...extra, '--json'], { env }).toString());

/** A 2026-07-28 request as the spec writes it: the envelope in _meta and the standard headers. */
async function modern(url: string, key: string, method: string, params: Record<string, unknown>, caps: Record<string, unknown> = { elicitation: { form: {} } }) {
  const body = {
    jsonrpc: '2.0', id: Math.floor(Math.random() * 1e9), method,
    params: {
      ...params,
      _meta: {
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientCapabilities': caps,
        'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
      },
    },
  };
  const name = (params.name ?? params.uri) as string | undefined;
  const r = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: `Bearer ${key}`,
      'MCP-Protocol-Version': '2026-07-28', 'Mcp-Method': method, ...(name ? { 'Mcp-Name': name } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  // JSON, or an SSE stream whose last data line is the answer
  const json = r.headers.get('content-type')?.includes('text/event-stream')
    ? JSON.parse(text.split('\n').filter((l) => l.startsWith('data:')).pop()!.slice(5))
    : JSON.parse(text);
  return { status: r.status, ...json } as { status: number; result?: Any; error?: Any };
}

async function connectHttp(url: string, key: string, elicit?: (message: string) => Any): Promise<Client> {
  const client = new Client({ name: 'vitest-protocol', version: '1' }, { capabilities: elicit ? { elicitation: {} } : {}, ...eraOptions() });
  if (elicit) client.setRequestHandler('elicitation/create', async (req) => elicit(req.params.message));
  await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
  clients.push(client);
  return client;
}

/** The buyer's jobs and the ledger, read from the database both servers share. */
function ledger() {
  const engine = Engine.open({ dbPath });
  try {
    engine.checkInvariants();
    const jobs = engine.db.prepare('SELECT id, status, amount_cents FROM jobs WHERE buyer_id = ? ORDER BY created_at').all(buyer.agent_id) as Any[];
    return { jobs };
  } finally {
    engine.close();
  }
}

const bigJob = (title: string) => ({ title, task_spec: { description: 'Summarise the report' }, amount: 25, worker_agent_id: worker.agent_id });

beforeAll(async () => {
  buyer = createAgent('proto-buyer', ['--card', 'pm_card_visa']);
  worker = createAgent('proto-worker', ['--capabilities', 'summarization']);
  [A, B] = await Promise.all([startHttp(), startHttp()]);
});

afterAll(async () => {
  for (const c of clients) await c.close().catch(() => {});
  for (const c of children) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('spending confirmation through the MCP client', () => {
  it('declined: nothing is charged; accepted: the job is funded once, with the server\'s own question', async () => {
    const before = ledger().jobs.length;
    const asked: string[] = [];
    const no = await connectHttp(A, buyer.api_key, (m) => (asked.push(m), { action: 'decline' }));
    const r1 = await no.callTool({ name: 'create_job', arguments: bigJob('Declined job') });
    expect(r1.isError).toBe(true);
    expect((r1.structuredContent as Any).error.code).toBe('confirmation_declined');
    expect(ledger().jobs.length).toBe(before);

    const yes = await connectHttp(B, buyer.api_key, (m) => (asked.push(m), { action: 'accept', content: { confirm: true } }));
    const r2 = await yes.callTool({ name: 'create_job', arguments: bigJob('Accepted job') });
    expect(r2.isError, JSON.stringify(r2.content)).toBeFalsy();
    expect((r2.structuredContent as Any).status).toBe('funded');
    expect(ledger().jobs.length).toBe(before + 1);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toMatch(/^Pay into escrow for a direct job: 25\.00 EUR for your job “Accepted job” to agent /);
  });

  describe.runIf(MODERN)('the 2026-07-28 round trip, by hand', () => {
    const post = (url: string, extra: Record<string, unknown> = {}, args = bigJob('By hand')) =>
      modern(url, buyer.api_key, 'tools/call', { name: 'create_job', arguments: args, ...extra });
    const yes = { confirm: { action: 'accept', content: { confirm: true } } };

    it('asks with a signed requestState; another process takes the answer; a replay is refused and charges nothing', async () => {
      const before = ledger().jobs.length;
      const first = await post(A);
      expect(first.result.resultType).toBe('input_required');
      expect(first.result.inputRequests.confirm.params.message).toMatch(/^Pay into escrow for a direct job: 25\.00 EUR/);
      const state = first.result.requestState as string;
      expect(ledger().jobs.length).toBe(before); // asking charged nothing

      const done = await post(B, { requestState: state, inputResponses: yes });
      expect(done.result.isError).toBeFalsy();
      expect(done.result.structuredContent.status).toBe('funded');
      expect(ledger().jobs.length).toBe(before + 1);

      for (const url of [A, B]) {
        const again = await post(url, { requestState: state, inputResponses: yes });
        expect(again.result.isError).toBe(true);
        expect(again.result.structuredContent.error.code).toBe('confirmation_replayed');
      }
      expect(ledger().jobs.length).toBe(before + 1);
    });

    it('a tampered state, a state for other arguments, or a declined answer is refused and charges nothing', async () => {
      const before = ledger().jobs.length;
      const state = (await post(A)).result.requestState as string;
      const [head, body, mac] = state.split('.');
      const forged = JSON.parse(Buffer.from(body, 'base64url').toString());
      forged.p.amount = 500; // claim another amount under the old signature
      const tampered = [head, Buffer.from(JSON.stringify(forged)).toString('base64url'), mac].join('.');
      const t = await post(B, { requestState: tampered, inputResponses: yes });
      expect(t.result.structuredContent.error.code).toBe('confirmation_invalid');
      expect(t.result.structuredContent.error.message).toMatch(/not issued by this server or was altered/);

      const other = await post(B, { requestState: state, inputResponses: yes }, { ...bigJob('By hand'), amount: 90 });
      expect(other.result.structuredContent.error.code).toBe('confirmation_invalid');

      const fresh = (await post(A)).result.requestState as string;
      const declined = await post(A, { requestState: fresh, inputResponses: { confirm: { action: 'decline' } } });
      expect(declined.result.structuredContent.error.code).toBe('confirmation_declined');
      expect(ledger().jobs.length).toBe(before);
    });

    it('a client that cannot ask its human is told so, without a question it could not answer', async () => {
      const r = await modern(A, buyer.api_key, 'tools/call', { name: 'create_job', arguments: bigJob('No elicitation') }, {});
      expect(r.result.isError).toBe(true);
      // The engine's refusal, with the owner's approval link instead of a question.
      expect(r.result.structuredContent.error.code).toBe('approval_required');
    });
  });
});

describe('subscriptions across processes', () => {
  it('a client of one server hears a change made through the other', async () => {
    const w = await connectHttp(A, worker.api_key);
    const updates: string[] = [];
    w.setNotificationHandler('notifications/resources/updated', (n) => void updates.push(n.params.uri));
    await subscribe(w, ['voxpact://notifications']);
    const b = await connectHttp(B, buyer.api_key);
    const job = await b.callTool({ name: 'create_job', arguments: { ...bigJob('Small'), amount: 6 } });
    expect(job.isError).toBeFalsy();
    await expect.poll(() => updates, { timeout: 8000 }).toContain('voxpact://notifications');
  });
});

describe('protocol hygiene', () => {
  it('errors carry one prefix and a precise code: unknown tool, tools/call without a name, unknown resource', async () => {
    const c = await connectHttp(A, buyer.api_key);
    const unknown = await c.callTool({ name: 'no_such_tool', arguments: {} }).catch((e) => e);
    expect(unknown.message.match(/MCP error/g) ?? []).toHaveLength(unknown.message.includes('MCP error') ? 1 : 0);
    expect(unknown.message).toMatch(/unknown tool 'no_such_tool'/);
    const missing = await c.readResource({ uri: 'voxpact://jobs/00000000-0000-4000-8000-000000000000' }).catch((e) => e);
    const nowhere = await c.readResource({ uri: 'voxpact://nowhere' }).catch((e) => e);
    expect(missing.code).toBe(nowhere.code); // one code for "no such resource"
  });

  it.runIf(MODERN)('a 2026 tools/call without a name is invalid params (-32602), not an internal error', async () => {
    const r = await modern(A, buyer.api_key, 'tools/call', { arguments: {} });
    expect(r.error.code).toBe(-32602);
  });

  it('a POST that is not JSON gets -32700 with id null', async () => {
    const r = await fetch(`${A}/mcp`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: `Bearer ${buyer.api_key}` }, body: '{"jsonrpc": "2.0", "id": 1, "method":' });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: { code: -32700 }, id: null });
  });

  it.skipIf(MODERN)('one agent\'s log lines never reach another agent\'s session', async () => {
    const a = await connectHttp(A, buyer.api_key);
    const heard: Any[] = [];
    a.setNotificationHandler('notifications/message', (n) => void heard.push(n.params));
    await a.setLoggingLevel('debug');
    const w = await connectHttp(A, worker.api_key);
    await w.callTool({ name: 'get_job_status', arguments: { job_id: '00000000-0000-4000-8000-000000000000' } });
    await w.callTool({ name: 'no_such_tool', arguments: {} }).catch(() => {});
    await a.callTool({ name: 'get_my_agent', arguments: {} });
    await new Promise((r) => setTimeout(r, 300));
    expect(JSON.stringify(heard)).not.toContain(worker.agent_id);
  });

  it.skipIf(MODERN)('a 2025 stream that dropped resumes with Last-Event-ID: what was sent meanwhile is replayed', async () => {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: `Bearer ${worker.api_key}`, 'MCP-Protocol-Version': '2025-11-25' };
    const rpc = async (sid: string | null, body: unknown) => fetch(`${A}/mcp`, { method: 'POST', headers: { ...headers, ...(sid ? { 'Mcp-Session-Id': sid } : {}) }, body: JSON.stringify(body) });
    const init = await rpc(null, { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    const sid = init.headers.get('mcp-session-id')!;
    await init.text();
    await (await rpc(sid, { jsonrpc: '2.0', method: 'notifications/initialized' })).text();
    await (await rpc(sid, { jsonrpc: '2.0', id: 2, method: 'resources/subscribe', params: { uri: 'voxpact://notifications' } })).text();

    const readEvents = async (lastEventId: string | null, want: number) => {
      const ctl = new AbortController();
      const r = await fetch(`${A}/mcp`, { headers: { ...headers, 'Mcp-Session-Id': sid, Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) }, signal: ctl.signal });
      const reader = r.body!.getReader();
      let buf = '';
      const events: { id: string; data: Any }[] = [];
      const deadline = Date.now() + 8000;
      while (events.length < want && Date.now() < deadline) {
        const { value, done } = await Promise.race([reader.read(), new Promise<{ value: undefined; done: true }>((res) => setTimeout(() => res({ value: undefined, done: true }), 8000))]);
        if (done) break;
        buf += new TextDecoder().decode(value);
        for (const block of buf.split('\n\n').slice(0, -1)) {
          const id = /^id: ?(.*)$/m.exec(block)?.[1];
          const data = /^data: ?(.*)$/m.exec(block)?.[1];
          if (id && data) events.push({ id, data: JSON.parse(data) });
        }
        buf = buf.slice(buf.lastIndexOf('\n\n') + 2);
      }
      ctl.abort();
      return events;
    };
    const b = await connectHttp(B, buyer.api_key);
    const post = async () => expect((await b.callTool({ name: 'create_job', arguments: { ...bigJob('Resume me'), amount: 6 } })).isError).toBeFalsy();

    const live = readEvents(null, 1);
    await new Promise((r) => setTimeout(r, 300));
    await post();
    const [first] = await live;
    expect(first.data).toMatchObject({ method: 'notifications/resources/updated', params: { uri: 'voxpact://notifications' } });
    // The stream is gone now; a change happens meanwhile; the client comes back with the last id it saw.
    await post();
    await new Promise((r) => setTimeout(r, 1000));
    const replayed = await readEvents(first.id, 1);
    expect(replayed[0]?.data).toMatchObject({ method: 'notifications/resources/updated', params: { uri: 'voxpact://notifications' } });
    expect(replayed[0].id).not.toBe(first.id);
  });
});

describe('stdio hygiene', () => {
  /** Raw JSON-RPC lines to a stdio server; resolves with the first `n` lines it answers. */
  async function stdio(lines: string[], n: number): Promise<Any[]> {
    const child = spawn(process.execPath, [DIST_CLI], { env: { ...env, VOXPACT_API_KEY: buyer.api_key }, stdio: ['pipe', 'pipe', 'ignore'] });
    children.push(child);
    const out: Any[] = [];
    let buf = '';
    return new Promise((resolve) => {
      const done = () => {
        child.kill();
        resolve(out);
      };
      const timer = setTimeout(done, 8000);
      child.stdout!.on('data', (d) => {
        buf += d;
        for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
          out.push(JSON.parse(buf.slice(0, i)));
          buf = buf.slice(i + 1);
        }
        if (out.length >= n) {
          clearTimeout(timer);
          done();
        }
      });
      for (const l of lines) child.stdin!.write(l + '\n');
    });
  }

  it('malformed JSON gets a parse error; a 2025 request before initialize is refused, not answered', async () => {
    const [parse] = await stdio(['{"jsonrpc":"2.0","id":1,"method":'], 1);
    expect(parse).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
    const [early] = await stdio([JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list', params: {} })], 1);
    expect(early.id).toBe(7);
    expect(early.error).toBeDefined();
    expect(early.result).toBeUndefined();
  });
});
