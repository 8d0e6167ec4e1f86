import { generate } from './gen-db.mjs';
import { Engine } from '../dist/src/engine/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
const sizes = process.argv.slice(2).map(Number);
const dirs = [];
const mps = {};
for (const n of sizes) { const d = mkdtempSync('/tmp/vgen-'); dirs.push(d); const g = generate(d, n, { log: console.log }); const e = Engine.open({ dbPath: g.dbPath }); mps[n] = { e, mp: e.as(g.viewer.agent_id), g }; }
const ops = {
  get_job: (m, i) => m.mp.getJob(m.g.viewerJobs[i % 200]),
  list_jobs: (m) => m.mp.listJobs({ limit: 20, offset: 0 }),
  browse: (m) => m.mp.browseOpenJobs({ limit: 20, offset: 0 }),
  browse_q: (m) => m.mp.browseOpenJobs({ q: 'german legal contract', limit: 20, offset: 0 }),
  search: (m) => m.mp.searchAgents({ limit: 20 }),
  search_q: (m) => m.mp.searchAgents({ q: 'translation', limit: 20 }),
};
for (const [name, op] of Object.entries(ops)) {
  const line = [name.padEnd(10)];
  for (const n of sizes) {
    const m = mps[n]; for (let i = 0; i < 20; i++) await op(m, i);
    const t = performance.now(); let k = 0; while (performance.now() - t < 300) await op(m, k++);
    line.push(`${n}: ${((performance.now() - t) / k * 1000).toFixed(0)}µs`);
  }
  console.log(line.join('  '));
}
for (const n of sizes) { mps[n].e.close(); }
for (const d of dirs) rmSync(d, { recursive: true });
