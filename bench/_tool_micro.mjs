import { mkdtempSync, rmSync } from 'node:fs';
import { marketDir, postJobArgs } from './lib/setup.mjs';
import { Engine } from '../dist/src/engine/index.js';
import { runTool } from '../dist/src/tool.js';
import { TOOLS } from '../dist/tools/index.js';
import { loadConfig } from '../dist/src/config.js';
import { z } from 'zod';
const d = mkdtempSync('/tmp/vmi-'); const m = marketDir(d);
const engine = Engine.open({ dataDir: d });
const mp = engine.as(m.buyer.agent_id);
const job = await mp.postJob({ ...postJobArgs(m.worker.agent_id), job_type: 'direct', deadline_hours: 72, max_revisions: 2 });
const def = TOOLS.find((t) => t.name === 'get_job');
const ctx = { mp, config: { ...loadConfig({}), dataDir: d }, server: null };
const input = z.strictObject(def.input);
const out = await def.handler(ctx, { job_id: job.id });
const tests = {
  'runTool get_job': () => runTool(def, ctx, { job_id: job.id }),
  'handler only': () => def.handler(ctx, { job_id: job.id }),
  'mp.getJob': () => mp.getJob(job.id),
  'input parse': () => input.safeParse({ job_id: job.id }),
  'output parse': () => def.output.safeParse(out.structured),
};
for (let r = 0; r < 3; r++) {
  const line = [];
  for (const [k, f] of Object.entries(tests)) {
    const N = 10000; const c0 = process.cpuUsage();
    for (let i = 0; i < N; i++) await f();
    const c = process.cpuUsage(c0); line.push(`${k}: ${((c.user + c.system) / N).toFixed(1)}µs`);
  }
  console.log(line.join(' | '));
}
engine.close(); rmSync(d, { recursive: true });
