import { marketDir, postJobArgs } from './lib/setup.mjs';
import { StdioPeer } from './lib/rpc.mjs';
const script = process.env.BENCH_CLI ?? '/work/main/dist/src/cli.js';
const startVoxStdio = (dir, key, extra) => new StdioPeer(process.execPath, [...(process.env.BENCH_FLAGS ? process.env.BENCH_FLAGS.split(' ') : []), script], { env: { ...process.env, VOXPACT_DATA_DIR: dir, VOXPACT_API_KEY: key, ...extra } });
import { inFlight } from './lib/load.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
const d = mkdtempSync('/tmp/vmem-'); const m = marketDir(d);
const extra = process.argv[2] ? { NODE_OPTIONS: process.argv[2] } : {};
for (const mix of (process.env.MIXES ?? 'get_job,list_jobs,get_my_agent,list_notifications,post_job').split(',')) {
  const vox = startVoxStdio(d, m.buyer.api_key, extra);
  await vox.initialize(); await vox.request('tools/list', {});
  const a = vox.peakRssMiB();
  const job = (await vox.call('post_job', postJobArgs(m.worker.agent_id))).structuredContent;
  const op = { get_job: () => vox.call('get_job', { job_id: job.id }), list_jobs: () => vox.call('list_jobs', {}), get_my_agent: () => vox.call('get_my_agent', {}), list_notifications: () => vox.call('list_notifications', {}), post_job: () => vox.call('post_job', postJobArgs(m.worker.agent_id)) }[mix];
  const n = mix === 'post_job' ? 2000 : 10000;
  await inFlight(op, n, 16);
  console.log(mix.padEnd(20), 'after list', a.toFixed(1), 'after', n, 'calls', vox.peakRssMiB().toFixed(1), 'now', vox.rssMiB().toFixed(1));
  if (process.env.SHOWGC) { const l = (vox.stdoutNoise ?? '').split('\n').filter((x) => /Mark|Scav/.test(x)); console.log(l.filter((x) => /Mark/.test(x)).map((x) => x.replace(/^.*?ms: /, '').slice(0, 60)).join('\n')); console.log('scavenges', l.filter((x) => /Scav/.test(x)).length, l.filter((x) => /Scav/.test(x)).slice(-1)[0]?.replace(/^.*?ms: /, '').slice(0, 60)); }
  await vox.close();
}
rmSync(d, { recursive: true });
