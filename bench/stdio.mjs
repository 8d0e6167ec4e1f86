// stdio round trips: a read tool (get_job_status), a write that moves money (create_job direct →
// funded: a card capture into escrow, fsync'd) and tools/list, one at a time and 16 in
// flight, against the minimal server's echo tool. Both servers run side by side; the batches
// alternate between them.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { interleave, row, summarize } from './lib/stats.mjs';
import { inFlight, sequential } from './lib/load.mjs';
import { marketDir, postJobArgs, startMinimalStdio, startVoxStdio } from './lib/setup.mjs';

export async function run({ quick, tmp, log }) {
  const m = marketDir(tmp('stdio-'));
  const vox = startVoxStdio(m.dir, m.buyer.api_key);
  const min = startMinimalStdio();
  await Promise.all([vox.initialize(), min.initialize()]);
  const job = (await vox.call('create_job', postJobArgs(m.worker.agent_id))).structuredContent;
  if (job.status !== 'funded') throw new Error(`create_job gave a ${job.status} job, not funded`);

  // The floor of any write that must survive power loss: one raw write transaction at the
  // engine's pragmas (WAL, synchronous=FULL), in this process, on the same disk.
  const raw = new Database(join(m.dir, 'raw-floor.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const ins = raw.prepare('INSERT INTO t (v) VALUES (?)');
  const rawTx = raw.transaction(() => ins.run('x'));
  const ops = {
    echo: () => min.call('echo', { text: 'benchmark' }),
    fsync: async () => rawTx.immediate(),
    get_job_status: () => vox.call('get_job_status', { job_id: job.id }),
    create_job: () => vox.call('create_job', postJobArgs(m.worker.agent_id)),
    'tools/list': () => vox.request('tools/list', {}),
  };
  const n = { fsync: quick ? 100 : 250, echo: quick ? 200 : 500, get_job_status: quick ? 200 : 500, create_job: quick ? 100 : 250, 'tools/list': quick ? 50 : 100 };
  for (const [k, op] of Object.entries(ops)) for (let i = 0; i < 50; i++) await op(i); // warm-up
  const rows = [];
  for (const [mode, drive] of [['1 at a time', sequential], ['16 in flight', (c, k) => inFlight(c, k, 16)]]) {
    const s = await interleave(quick ? 7 : 15, Object.fromEntries(Object.entries(ops).map(([k, op]) => [k, () => drive(op, n[k])])));
    const echo = summarize(s.echo);
    const base = `minimal server's echo, ${mode}`;
    const unit = mode === '1 at a time' ? 'µs/call' : 'µs/call (1/throughput)';
    rows.push(row({ group: 'stdio', name: `get_job_status, ${mode}`, unit, better: 'lower', target: 1.3, value: summarize(s.get_job_status), base: echo, baseName: base }));
    rows.push(row({ group: 'stdio', name: `create_job direct → funded, ${mode}`, unit, better: 'lower', target: 2.0, value: summarize(s.create_job), base: echo, baseName: base }));
    rows.push(row({ group: 'stdio', name: `tools/list, ${mode}`, unit, better: 'lower', value: summarize(s['tools/list']), base: echo, baseName: base }));
    if (mode === '1 at a time') {
      rows.push(row({ group: 'stdio', name: 'floor of a durable write: one raw write transaction (WAL, synchronous=FULL), in-process', unit, better: 'lower', value: summarize(s.fsync), base: echo, baseName: base }));
    }
  }
  raw.close();
  log(`stdio: batches of ${Object.entries(n).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  await Promise.all([vox.close(), min.close()]);
  return rows;
}
