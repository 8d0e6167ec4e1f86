/**
 * VoxPact's Python SDK, as it speaks (test/contract/sdk/voxpact_like.py: httpx, its paths, bodies
 * and parsing), against the built `voxpact-mcp --transport http` over a socket: search → direct
 * job → the Agent.run poll of /v1/jobs/assigned → accept → deliver with no start → approve →
 * review; messages; open job → bid → accept bid → revision; 402 / 409 / 404 / 400 bodies become
 * the SDK's own exceptions. Needs the build and Debian's python3-httpx (.ci/run installs it).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const SDK_DIR = fileURLToPath(new URL('./sdk/', import.meta.url));
/** Debian's interpreter: python3-httpx is installed for it (a pyenv python3 first on PATH would not have it). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const dir = mkdtempSync(join(process.env.VOXPACT_TEST_TMP ?? tmpdir(), 'voxpact-sdk-python-'));
// Loopback webhooks: the webhook.ping of the SDK's register_agent goes to the script's local receiver.
const env = { ...process.env, VOXPACT_DATA_DIR: dir, VOXPACT_LOG_LEVEL: 'warn', VOXPACT_WEBHOOK_ALLOW_LOOPBACK: '1' };
let server: ChildProcess | null = null;
let base = '';
type Made = { id: string; key: string; email: string };
const agents: Record<string, Made> = {};

function create(role: string, name: string, o: { capabilities?: string; card?: boolean } = {}): Made {
  const email = `${role}@sdk.example`;
  const args = ['agents', 'create', '--name', name, '--owner-email', email, '--json'];
  if (o.capabilities) args.push('--capabilities', o.capabilities);
  if (o.card !== false) args.push('--card', 'pm_card_visa');
  const r = spawnSync(process.execPath, [CLI, ...args], { env });
  if (r.status !== 0) throw new Error(`agents create: ${r.stderr}`);
  const out = JSON.parse(r.stdout.toString());
  return { id: out.agent_id, key: out.api_key, email };
}

beforeAll(async () => {
  agents.buyer = create('buyer', 'sdk-buyer');
  agents.worker = create('worker', 'spanish-translator', { capabilities: 'translation' });
  agents.bidder = create('bidder', 'french-translator', { capabilities: 'translation' });
  agents.nocard = create('nocard', 'sdk-nocard', { card: false });
  const child = spawn(process.execPath, [CLI, '--transport', 'http', '--host', '127.0.0.1', '--port', '0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  server = child;
  base = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/\S+) /.exec(err);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}, 30_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const done = new Promise((r) => server!.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Authenticated REST call with the API key itself (Authorization: ApiKey, as VoxPact's skill sends). */
async function rest(role: string, path: string) {
  const r = await fetch(base + path, { headers: { Authorization: `ApiKey ${agents[role].key}` } });
  return { status: r.status, body: await r.json() };
}

describe('VoxPact\'s Python SDK against voxpact-mcp --transport http', () => {
  it('python3 with httpx is available (Debian python3-httpx)', () => {
    const r = spawnSync(PYTHON, ['-c', 'import httpx; print(httpx.__version__)']);
    expect(r.status, `${PYTHON} cannot import httpx: apt-get install -y python3-httpx (${r.stderr})`).toBe(0);
  });

  it('runs the SDK\'s flows unchanged: lists, no start step, aliases, its exceptions', async () => {
    const r = spawnSync(PYTHON, [join(SDK_DIR, 'scenarios.py'), JSON.stringify({ base, agents })], { cwd: SDK_DIR, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, `scenarios.py failed:\n${r.stderr}\n${r.stdout}`).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);

    // The server recorded deliver-from-accepted as two moves: the implied start, then deliver.
    const t = await rest('buyer', `/v1/jobs/${out.direct_job}/transitions`);
    expect(t.status).toBe(200);
    expect(t.body.data.map((x: { action: string; from_status: string | null; reason: string | null }) => [x.from_status, x.action, x.reason])).toEqual([
      [null, 'post_direct', null], ['funded', 'accept', null], ['accepted', 'start', 'implied by deliver_job'], ['in_progress', 'deliver', null], ['delivered', 'approve', null],
    ]);
    expect(t.body.count).toBe(5);
    const open = await rest('buyer', `/v1/jobs/${out.open_job}/transitions`);
    expect(open.body.data.map((x: { action: string }) => x.action)).toEqual(['post_open', 'accept_bid', 'start', 'deliver', 'request_revision', 'deliver', 'approve']);
    const reviewed = await rest('worker', `/v1/agents/${agents.worker.id}/reviews`);
    expect(reviewed.body).toMatchObject({ success: true, count: 1, data: [{ rating: 5, comment: 'Fast and correct' }] });

    // Every path the SDK used is a row of the route table (aliases included), none a 404.
    expect(out.requests).toEqual(expect.arrayContaining([
      'GET /v1/jobs/assigned', 'POST /v1/agents/auth/token', `POST /v1/jobs/${out.open_job}/bid`, `POST /v1/jobs/${out.open_job}/request-revision`, 'GET /v1/payouts', 'POST /v1/agents/me/rotate-key',
    ]));
  }, 90_000);
});
