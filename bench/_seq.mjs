import { marketDir, postJobArgs, startVoxStdio, startMinimalStdio } from './lib/setup.mjs';
import { sequential } from './lib/load.mjs';
import { StdioPeer } from './lib/rpc.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
const d = mkdtempSync('/tmp/vseq-'); const m = marketDir(d);
const pre = process.env.STRACE ? ['strace', ['-f', '-tt', '-o', '/tmp/seq.strace', process.execPath]] : null;
const vox = pre ? new StdioPeer(pre[0], [...pre[1], process.env.VOXPACT_BENCH_CLI ?? '/work/main/dist/src/cli.js'], { env: { ...process.env, VOXPACT_DATA_DIR: d, VOXPACT_API_KEY: m.buyer.api_key } }) : startVoxStdio(d, m.buyer.api_key);
const min = startMinimalStdio();
await vox.initialize(); await min.initialize();
const job = (await vox.call('post_job', postJobArgs(m.worker.agent_id))).structuredContent;
for (let r = 0; r < 5; r++) {
  const e = await sequential(() => min.call('echo', { text: 'benchmark' }), 300);
  const g = await sequential(() => vox.call('get_job', { job_id: job.id }), 300);
  const p = await sequential(() => vox.request('ping', {}), 300);
  console.log('echo', e.toFixed(0), 'get_job', g.toFixed(0), 'vox ping', p.toFixed(0));
}
await vox.close(); await min.close(); rmSync(d, { recursive: true });
