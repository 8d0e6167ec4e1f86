// Streamable HTTP: the stdio figures again over `voxpact-mcp --transport http` (MCP at /mcp,
// Bearer API key per session), with several authenticated sessions (one agent each), against
// the SDK's own minimal streamable-HTTP server (bench/minimal-server.mjs --http: express via
// createMcpExpressApp, a transport per session, the echo tool, a bearer-token check).
// create_job over HTTP shares the REST limit of POST /v1/jobs (30 per hour per agent), so the
// money-moving calls rotate over enough buyer agents to stay under it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { interleave, row, summarize } from './lib/stats.mjs';
import { inFlight, sequential } from './lib/load.mjs';
import { HttpSession, newPool } from './lib/rpc.mjs';
import { CLI, MINIMAL, marketDir, postJobArgs } from './lib/setup.mjs';

const SESSIONS = 8;
const POSTS_PER_AGENT_PER_HOUR = 30;

function startServer(args, env, ready) {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (c) => {
      out += c;
      const url = ready(out);
      if (url) resolve({ child, url });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`server did not listen within 30 s:\n${out.slice(-2000)}`)), 30_000).unref();
  });
}

async function stop(child) {
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode != null ? r() : child.once('exit', r)));
}

/** Whether this build has the HTTP transport at all. */
export async function available() {
  const { execFileSync } = await import('node:child_process');
  if (!existsSync(CLI)) return false;
  try {
    return /--transport\s+http/.test(execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

export async function run({ quick, tmp, log }) {
  if (!(await available())) {
    log('http: voxpact-mcp has no --transport http in this build; skipped');
    return [];
  }
  const samples = quick ? 7 : 15;
  const postN = { seq: quick ? 10 : 20, par: quick ? 32 : 48 };
  const budget = 50 /* warm-up */ + samples * (postN.seq + postN.par) + 2 * samples; // interleave may run a variant once more
  const extraBuyers = Math.ceil(budget / (POSTS_PER_AGENT_PER_HOUR - 2));
  const m = marketDir(tmp('http-'), { extraBuyers });
  const env = { ...process.env, VOXPACT_DATA_DIR: m.dir };
  delete env.VOXPACT_API_KEY;
  const vox = await startServer([CLI, '--transport', 'http', '--host', '127.0.0.1', '--port', '0'], env, (o) => /listening on (http:\/\/[^\s]+)/.exec(o)?.[1]);
  const token = 'bench-token';
  const min = await startServer([MINIMAL, '--http'], { ...process.env, PORT: '0', BENCH_TOKEN: token }, (o) => {
    const p = /"listening":(\d+)/.exec(o)?.[1];
    return p && `http://127.0.0.1:${p}`;
  });
  const voxPool = newPool(vox.url);
  const minPool = newPool(min.url);
  try {
    // Read sessions: SESSIONS agents. Money sessions: one per buyer, each used ≤ 28 times.
    const readers = await Promise.all(m.buyers.slice(0, SESSIONS).map(async (b) => {
      const s = new HttpSession(voxPool, '/mcp', { authorization: `Bearer ${b.api_key}` });
      await s.initialize();
      return s;
    }));
    const payers = await Promise.all(m.buyers.map(async (b) => {
      const s = new HttpSession(voxPool, '/mcp', { authorization: `Bearer ${b.api_key}` });
      await s.initialize();
      return { s, used: 0 };
    }));
    const echoes = await Promise.all(Array.from({ length: SESSIONS }, async () => {
      const s = new HttpSession(minPool, '/mcp', { authorization: `Bearer ${token}` });
      await s.initialize();
      return s;
    }));
    const jobs = await Promise.all(readers.map(async (s) => (await s.call('create_job', postJobArgs(m.worker.agent_id))).structuredContent.id));
    let payer = 0;
    const pay = () => {
      for (let k = 0; k < payers.length; k++) {
        const p = payers[(payer++) % payers.length];
        if (p.used < POSTS_PER_AGENT_PER_HOUR - 2) {
          p.used++;
          return p.s.call('create_job', postJobArgs(m.worker.agent_id));
        }
      }
      throw new Error('http bench ran out of create_job budget (rate limit)');
    };
    const ops = {
      echo: (i) => echoes[i % SESSIONS].call('echo', { text: 'benchmark' }),
      get_job_status: (i) => readers[i % SESSIONS].call('get_job_status', { job_id: jobs[i % SESSIONS] }),
      create_job: () => pay(),
      'tools/list': (i) => readers[i % SESSIONS].request('tools/list', {}),
    };
    const n = { echo: quick ? 200 : 400, get_job_status: quick ? 200 : 400, 'tools/list': quick ? 50 : 100 };
    for (const k of ['echo', 'get_job_status', 'tools/list']) for (let i = 0; i < 30; i++) await ops[k](i);
    for (let i = 0; i < 10; i++) await ops.create_job(i);
    const rows = [];
    for (const [mode, drive, pn] of [['1 at a time', sequential, postN.seq], ['16 in flight', (c, k) => inFlight(c, k, 16), postN.par]]) {
      const s = await interleave(samples, {
        echo: () => drive(ops.echo, n.echo),
        get_job_status: () => drive(ops.get_job_status, n.get_job_status),
        create_job: () => drive(ops.create_job, pn),
        'tools/list': () => drive(ops['tools/list'], n['tools/list']),
      });
      const echo = summarize(s.echo);
      const base = `bare SDK HTTP server's echo, ${mode}`;
      if (mode === '1 at a time') {
        rows.push(row({ group: 'http', name: `get_job_status, ${mode}`, unit: 'µs/call', better: 'lower', target: 1.3, value: summarize(s.get_job_status), base: echo, baseName: base }));
        rows.push(row({ group: 'http', name: `create_job direct → funded, ${mode}`, unit: 'µs/call', better: 'lower', target: 2.0, value: summarize(s.create_job), base: echo, baseName: base }));
        rows.push(row({ group: 'http', name: `tools/list, ${mode}`, unit: 'µs/call', better: 'lower', value: summarize(s['tools/list']), base: echo, baseName: base }));
      } else {
        // throughput: calls per second, higher is better
        const tp = (xs) => summarize(xs.map((us) => 1e6 / us));
        rows.push(row({ group: 'http', name: `get_job_status throughput, ${mode}, ${SESSIONS} sessions`, unit: 'calls/s', better: 'higher', target: 0.8, value: tp(s.get_job_status), base: tp(s.echo), baseName: base }));
        rows.push(row({ group: 'http', name: `create_job throughput, ${mode}, ${m.buyers.length} sessions`, unit: 'calls/s', better: 'higher', value: tp(s.create_job), base: tp(s.echo), baseName: base }));
        rows.push(row({ group: 'http', name: `tools/list throughput, ${mode}`, unit: 'calls/s', better: 'higher', value: tp(s['tools/list']), base: tp(s.echo), baseName: base }));
      }
    }
    log(`http: ${SESSIONS} read sessions, ${payers.length} paying sessions; batches of ${n.get_job_status} calls (${postN.seq}/${postN.par} create_job)`);
    await Promise.all([...readers, ...payers.map((p) => p.s), ...echoes].map((s) => s.close()));
    return rows;
  } finally {
    await voxPool.close().catch(() => {});
    await minPool.close().catch(() => {});
    await Promise.all([stop(vox.child), stop(min.child)]);
  }
}
