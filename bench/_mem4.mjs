import { marketDir, postJobArgs } from './lib/setup.mjs';
import { StdioPeer } from './lib/rpc.mjs';
import { inFlight, sequential } from './lib/load.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
const d = mkdtempSync('/tmp/vmem-'); const m = marketDir(d);
const script = process.argv[2]; const depth = +(process.argv[3] ?? 16);
const vox = new StdioPeer(process.execPath, ['--trace-gc-nvp', script], { env: { ...process.env, VOXPACT_DATA_DIR: d, VOXPACT_API_KEY: m.buyer.api_key } });
await vox.initialize(); await vox.request('tools/list', {});
const job = (await vox.call('post_job', postJobArgs(m.worker.agent_id))).structuredContent;
const mark = (vox.stdoutNoise ?? '').length;
await inFlight(() => vox.call('get_job', { job_id: job.id }), 10000, depth);
const lines = (vox.stdoutNoise ?? '').slice(mark).split('\n').filter((l) => l.includes('gc='));
let promoted = 0, scav = 0, mc = 0, allocated = 0;
for (const l of lines) { const g = / gc=(\S+)/.exec(l)[1]; if (g === 's') { scav++; promoted += +(/promoted=(\d+)/.exec(l)?.[1] ?? 0); } else mc++; allocated += +(/allocated=(\d+)/.exec(l)?.[1] ?? 0); }
console.log(script.split('/').pop().padEnd(18), 'depth', depth, 'scavenges', scav, 'MCs', mc, 'promoted MB', (promoted / 2 ** 20).toFixed(1), 'allocated MB', (allocated / 2 ** 20).toFixed(1), 'peak RSS', vox.peakRssMiB().toFixed(1));
await vox.close(); rmSync(d, { recursive: true });
