/**
 * Hostile credentials, signed file URLs and file names against the REAL HTTP server (the
 * compiled bin, `--transport http --port 0`, over sockets). The REST and files suites test each
 * rule in-process; this is the list end to end, with a second server process on the
 * same database whose clock runs ahead (VOXPACT_CLOCK_OFFSET) to make tokens and URLs expire.
 *
 *  - JWT: expired, wrong signature, another secret, alg none, HS384 with the real secret,
 *    owner token on agent routes (and the reverse), a token issued before a key rotation.
 *  - Signed URLs: tampered (expiry, file, key, size), expired, replayed for another file,
 *    replayed after the upload was confirmed or the file deleted.
 *  - File names: ../, NUL, reserved device names, bidi tricks, header injection — refused or made safe.
 *  - Idempotency-Key on REST: the same POST twice (at once) is one job and one charge.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostJobInput } from '../../src/schemas.js';
import { errorOf } from '../api/helpers.js';
import { type McpWorld, cliBuilt, mcpWorld } from '../fixtures/mcp.js';
import { DIST_CLI } from '../fixtures/world.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
let w: McpWorld;
const procs: ChildProcess[] = [];
let base: string; // the server on real time
let later: string; // a second server on the same database, 2 hours ahead
let buyer: ReturnType<McpWorld['agent']>;
let worker: ReturnType<McpWorld['agent']>;
let token: string;

async function serve(env: Record<string, string> = {}): Promise<string> {
  const p = spawn(process.execPath, [DIST_CLI, '--transport', 'http', '--host', '127.0.0.1', '--port', '0'], {
    env: { PATH: process.env.PATH ?? '', VOXPACT_DATA_DIR: w.dir, VOXPACT_LOG_LEVEL: 'warn', VOXPACT_TIMER_INTERVAL_MS: '3600000', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  procs.push(p);
  let err = '';
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`HTTP server did not start: ${err}`)), 20_000);
    p.stderr!.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/[^\s]+)/.exec(err);
      if (m) (clearTimeout(t), resolve(m[1]));
    });
    p.on('exit', (code) => reject(new Error(`HTTP server exited ${code}: ${err}`)));
  });
}

async function req(url: string, o: { method?: string; token?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {}) {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(url, { method: o.method ?? (o.body !== undefined ? 'POST' : 'GET'), headers, body: o.raw ?? (o.body !== undefined ? JSON.stringify(o.body) : undefined) });
  const text = await r.text();
  let json: Json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, json, text, headers: r.headers };
}
/** A refusal's code: REST bodies through the one accessor (errorOf), other surfaces (signed file URLs) as they answer. */
const code = (r: { json: Json }) => errorOf(r.json)?.code ?? r.json?.error?.code;
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

async function agentToken(apiKey: string, origin = base) {
  const r = await req(`${origin}/v1/agents/auth/token`, { body: { api_key: apiKey } });
  expect(r.status, r.text).toBe(200);
  return r.json.data.token as string;
}

beforeAll(async () => {
  if (!cliBuilt()) throw new Error('dist/src/cli.js is missing: run `npx tsc -p tsconfig.json` (npm test builds first)');
  w = await mcpWorld('creds');
  buyer = w.agent('Creds Buyer');
  worker = w.agent('Creds Worker');
  [base, later] = await Promise.all([serve(), serve({ VOXPACT_CLOCK_OFFSET: '2h' })]);
  token = await agentToken(buyer.key);
});
afterAll(async () => {
  for (const p of procs) p.kill('SIGTERM');
  await w?.close();
});

describe('JWTs', () => {
  it('a fresh agent token works (the baseline)', async () => {
    const r = await req(`${base}/v1/agents/me`, { token });
    expect(r.status).toBe(200);
    expect(r.json.data.id).toBe(buyer.id);
  });

  it('expired (the same database, 2 hours later) → 401 token_expired', async () => {
    const r = await req(`${later}/v1/agents/me`, { token });
    expect(r.status).toBe(401);
    expect(code(r)).toBe('token_expired');
  });

  it('wrong signature, another secret, alg none, HS384 with the real secret → 401 invalid_token', async () => {
    const [h, p, s] = token.split('.');
    const flipped = `${h}.${p}.${s.slice(0, -2)}${s.slice(-2) === 'AA' ? 'BB' : 'AA'}`;
    const { SignJWT } = await import('jose');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const otherSecret = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode('x'.repeat(32)));
    const realSecret = Buffer.from((w.db.prepare("SELECT value FROM secrets WHERE name = 'jwt_hs256'").get() as { value: string }).value, 'base64url');
    const hs384 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS384', typ: 'JWT' }).sign(new Uint8Array(realSecret));
    const forged = [
      flipped,
      otherSecret,
      `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`,
      `${b64({ alg: 'none', typ: 'JWT' })}.${p}.${s}`,
      `${b64({ alg: 'NONE' })}.${p}.`,
      hs384,
      `${h}.${b64({ ...claims, sub: worker.id })}.${s}`, // another subject under the old signature
      `${h}.${p}`, 'a.b.c', '....', `${token}x`,
    ];
    for (const t of forged) {
      const r = await req(`${base}/v1/agents/me`, { token: t });
      expect(r.status, `${t.slice(0, 40)}…: ${r.text}`).toBe(401);
      expect(['invalid_token', 'unauthorized']).toContain(code(r));
    }
  });

  it('an API key is not a /v1 bearer; a bad key or JWT on /mcp is refused with 401', async () => {
    expect((await req(`${base}/v1/agents/me`, { token: buyer.key })).status).toBe(401);
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } };
    for (const bad of ['vxp_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA000000', `${token.slice(0, -3)}abc`, 'garbage']) {
      const r = await req(`${base}/mcp`, { token: bad, body: init, headers: { accept: 'application/json, text/event-stream' } });
      expect(r.status, r.text).toBe(401);
    }
  });

  it('an owner token on agent routes → 403 wrong_scope, and an agent token on owner routes too', async () => {
    expect((await req(`${base}/v1/owners/auth/magic-link`, { body: { email: buyer.owner } })).status).toBe(200);
    const mail = w.engine.outbox().filter((m) => m.to === buyer.owner.toLowerCase() && /sign-in/i.test(m.subject)).at(-1)!;
    const codeNum = /code: (\d{6})/.exec(mail.body)![1];
    const v = await req(`${base}/v1/owners/auth/verify`, { body: { email: buyer.owner, code: codeNum } });
    expect(v.status, v.text).toBe(200);
    const owner = v.json.data.token as string;
    for (const path of ['/v1/agents/me', '/v1/jobs', '/v1/dashboard', '/v1/payment-methods']) {
      const r = await req(`${base}${path}`, { token: owner });
      expect(r.status, path).toBe(403);
      expect(code(r)).toBe('wrong_scope');
    }
    const r = await req(`${base}/v1/owners/me/agents`, { token });
    expect(r.status).toBe(403);
    expect(code(r)).toBe('wrong_scope');
    expect((await req(`${base}/v1/owners/me/agents`, { token: owner })).status).toBe(200);
  });

  it('a token issued before a key rotation → 401 token_revoked; the old key is dead everywhere', async () => {
    const t = await agentToken(worker.key);
    expect((await req(`${base}/v1/agents/me`, { token: t })).status).toBe(200);
    const rot = await req(`${base}/v1/agents/rotate-key`, { token: t, body: {} });
    expect(rot.status, rot.text).toBe(200);
    const after = await req(`${base}/v1/agents/me`, { token: t });
    expect(after.status).toBe(401);
    expect(code(after)).toBe('token_revoked');
    expect((await req(`${base}/v1/agents/auth/token`, { body: { api_key: worker.key } })).status).toBe(401);
    // The rotated worker gets a new key from its mail for the next tests.
    const mail = w.engine.outbox().filter((m) => m.to === worker.owner.toLowerCase() && /API key/.test(m.subject)).at(-1)!;
    worker = { ...worker, key: /(vxp_live_\w+)/.exec(mail.body)![1] };
    expect((await req(`${base}/v1/agents/me`, { token: await agentToken(worker.key) })).status).toBe(200);
  });
});

describe('signed file URLs', () => {
  let jobId: string;
  let filesBuyerKey = '';
  let as = { mp: null as unknown as ReturnType<McpWorld['agent']>['mp'], token: '', origin: '' };
  /** A fresh job per test (a job takes at most 10 input files, pending ones included). */
  const newJob = async () => (jobId = (await as.mp.postJob(PostJobInput.parse({ title: 'Signed URL job', task_spec: { description: 'x' }, amount: 10, worker_agent_id: worker.id }))).id);
  const uploadUrl = async (filename: string, size = 5, ct = 'text/plain') => {
    const r = await req(`${as.origin}/v1/jobs/${jobId}/files/upload-url`, { token: as.token, body: { purpose: 'input', filename, content_type: ct, file_size_bytes: size } });
    return r;
  };
  const put = (url: string, body: string, ct = 'text/plain', origin?: string) => {
    const u = new URL(url);
    return req(`${origin ?? u.origin}${u.pathname}${u.search}`, { method: 'PUT', raw: body, headers: { 'content-type': ct } });
  };
  const withParam = (url: string, k: string, v: string) => { const u = new URL(url); u.searchParams.set(k, v); return u.toString(); };

  // A buyer of its own per test: upload-url is rate limited to 20 an hour per agent.
  beforeEach(async () => {
    const b = w.agent('Creds Files Buyer');
    filesBuyerKey = b.key;
    as = { mp: b.mp, token: await agentToken(b.key), origin: base };
    await newJob();
  });

  it('tampered (expiry, file, agent, size, content type, key) → 403, nothing stored', async () => {
    const a = (await uploadUrl('a.txt')).json.data;
    const b = (await uploadUrl('b.txt')).json.data;
    const tampered = [
      withParam(a.upload_url, 'exp', String(Date.now() + 86_400_000)),
      withParam(a.upload_url, 'fid', b.file_id),
      withParam(a.upload_url, 'aid', worker.id),
      withParam(a.upload_url, 'max', '999999999'),
      withParam(a.upload_url, 'ct', 'application/pdf'),
      withParam(a.upload_url, 'sig', new URL(b.upload_url).searchParams.get('sig')!),
      // a's signature on b's key: replayed for another file
      new URL(b.upload_url).origin + new URL(b.upload_url).pathname + new URL(a.upload_url).search,
    ];
    for (const u of tampered) {
      const r = await put(u, 'hello');
      expect(r.status, `${u}: ${r.text}`).toBe(403);
    }
    const ok = await put(a.upload_url, 'hello');
    expect(ok.status, ok.text).toBe(200);
  });

  it('expired (30 minutes; the server 2 hours ahead) → 403 url_expired', async () => {
    const a = (await uploadUrl('late.txt')).json.data;
    const r = await put(a.upload_url, 'hello', 'text/plain', later);
    expect(r.status, r.text).toBe(403);
    expect(code(r)).toBe('url_expired');
  });

  it('replayed: an upload URL after its file was confirmed, a download URL for another file or after delete', async () => {
    const a = (await uploadUrl('replay.txt')).json.data;
    expect((await put(a.upload_url, 'first')).status).toBe(200);
    const conf = await req(`${base}/v1/jobs/${jobId}/files/${a.file_id}/confirm`, { token: as.token, body: {} });
    expect(conf.status, conf.text).toBe(200);
    const again = await put(a.upload_url, 'other');
    expect(again.status, again.text).not.toBe(200);
    const dl = (await req(`${base}/v1/jobs/${jobId}/files/${a.file_id}/download-url`, { token: as.token })).json.data;
    const got = await req(dl.download_url);
    expect(got.status).toBe(200);
    expect(got.text).toBe('first');
    // b is another confirmed file: a's download signature on b's key is refused.
    const b = (await uploadUrl('other.txt', 6)).json.data;
    expect((await put(b.upload_url, 'secret')).status).toBe(200);
    const bConf = await req(`${base}/v1/jobs/${jobId}/files/${b.file_id}/confirm`, { token: as.token, body: {} });
    expect(bConf.status, bConf.text).toBe(200);
    const bDl = await req(`${base}/v1/jobs/${jobId}/files/${b.file_id}/download-url`, { token: as.token });
    expect(bDl.status, bDl.text).toBe(200);
    const bUrl = new URL(bDl.json.data.download_url);
    const cross = await req(`${bUrl.origin}${bUrl.pathname}${new URL(dl.download_url).search}`);
    expect(cross.status).toBe(403);
    expect(cross.text).not.toContain('secret');
    // Upload URL used as a download URL (method is signed).
    expect((await req(a.upload_url)).status).toBe(403);
    // After delete the old download URL serves nothing.
    expect((await req(`${base}/v1/jobs/${jobId}/files/${a.file_id}`, { method: 'DELETE', token: as.token })).status).toBe(200);
    const gone = await req(dl.download_url);
    expect(gone.status).toBeGreaterThanOrEqual(400);
    expect(gone.text).not.toBe('first');
  });

  it('file names with ../, NUL, reserved device names, bidi tricks and CR LF are refused or made safe', async () => {
    // upload-url is also limited per IP (20 an hour): this test talks to the other server process.
    as = { ...as, token: await agentToken(filesBuyerKey, later), origin: later };
    const storeRoot = join(w.dir, 'files');
    const names = ['../../../escape.txt', '..\\..\\escape.txt', 'a\u0000b.txt', 'CON', 'NUL.txt', 'aux.txt', 'com1.txt', 'LPT9.md',
      'x\u202Egpj.exe', 'report.pdf.exe', '.', '..', '', 'ok\r\nSet-Cookie: a=b.txt', ' ', 'a/b/c.txt', '/etc/passwd'];
    const outcomes: string[] = [];
    for (const [i, name] of names.entries()) {
      if (i % 8 === 7) await newJob();
      const r = await uploadUrl(name);
      if (r.status !== 201) {
        expect(r.status, `${JSON.stringify(name)}: ${r.text}`).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(errorOf(r.json)?.field ?? 'filename').toMatch(/filename|content_type/);
        outcomes.push(`${JSON.stringify(name)} → ${code(r)}`);
        continue;
      }
      // Accepted: the stored key stays inside this job's folder, and the bytes land inside the store.
      const d = r.json.data;
      expect(d.r2_key ?? d.key ?? '', JSON.stringify(name)).not.toMatch(/(^|\/)\.\.(\/|$)|\\|\u0000/);
      expect((await put(d.upload_url, 'hello')).status, JSON.stringify(name)).toBe(200);
      outcomes.push(`${JSON.stringify(name)} → stored as ${JSON.stringify(d.r2_key ?? d.key)}`);
    }
    // Nothing escaped the store: no escape.txt anywhere above it.
    for (const dir of [w.dir, dirname(w.dir), storeRoot]) expect(existsSync(join(dir, 'escape.txt')), dir).toBe(false);
    expect(readdirSync(dirname(w.dir)).filter((f) => f.includes('escape'))).toEqual([]);
    console.log(`[hostile] file names: ${outcomes.join('; ')}`);
  });
});

describe('Idempotency-Key on the REST API', () => {
  it('the same POST /v1/jobs twice → one job, one charge; another body with the key → 422 idempotency_key_reused', async () => {
    const b = w.agent('Creds Idem Buyer');
    const t = await agentToken(b.key);
    const body = { title: 'REST idempotent job', task_spec: { description: 'x' }, amount: 7.5, worker_agent_id: worker.id };
    const headers = { 'idempotency-key': 'rest-key-1' };
    const [r1, r2] = await Promise.all([req(`${base}/v1/jobs`, { token: t, body, headers }), req(`${base}/v1/jobs`, { token: t, body, headers })]);
    expect(r1.status, r1.text).toBe(201);
    expect(r2.status, r2.text).toBe(201);
    expect(r2.json.data.id).toBe(r1.json.data.id);
    const n = (sql: string, ...a: unknown[]) => (w.db.prepare(sql).get(...a) as { n: number }).n;
    expect(n('SELECT COUNT(*) n FROM jobs WHERE buyer_id = ?', b.id)).toBe(1);
    expect(n("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'capture' AND agent_id = ?", b.id)).toBe(1);
    const r3 = await req(`${base}/v1/jobs`, { token: t, body: { ...body, amount: 8 }, headers });
    expect(r3.status).toBe(422);
    expect(code(r3)).toBe('idempotency_key_reused');
    expect(n('SELECT COUNT(*) n FROM jobs WHERE buyer_id = ?', b.id)).toBe(1);
    expect(w.engine.checkInvariants()).toEqual([]);
  });
});
