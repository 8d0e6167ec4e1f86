import { mkdtempSync, rmSync } from 'node:fs';
import { marketDir, postJobArgs } from './lib/setup.mjs';
import { Engine } from '../dist/src/engine/index.js';
import { Session } from 'node:inspector/promises';
const d = mkdtempSync('/tmp/vmi-'); const m = marketDir(d);
const engine = Engine.open({ dataDir: d });
if (process.argv.includes('--normal')) engine.db.pragma('synchronous = NORMAL');
const mp = engine.as(m.buyer.agent_id);
const args = { ...postJobArgs(m.worker.agent_id), job_type: 'direct', deadline_hours: 72, max_revisions: 2 };
for (let i = 0; i < 200; i++) await mp.postJob(args);
const prof = process.argv.includes('--prof');
let s; if (prof) { s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 50 }); await s.post('Profiler.start'); }
for (let r = 0; r < 3; r++) {
  const N = 1000; const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < N; i++) await mp.postJob(args);
  const c = process.cpuUsage(c0);
  console.log(`postJob: user ${(c.user / N).toFixed(0)}µs sys ${(c.system / N).toFixed(0)}µs wall ${((performance.now() - t0) / N * 1000).toFixed(0)}µs`);
}
if (prof) { const { profile } = await s.post('Profiler.stop'); const fs = await import('node:fs'); fs.mkdirSync('/tmp/pprof', { recursive: true }); fs.writeFileSync(`/tmp/pprof/p-${Date.now()}.cpuprofile`, JSON.stringify(profile)); }
engine.close(); rmSync(d, { recursive: true });
