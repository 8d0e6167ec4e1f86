import { mkdtempSync, rmSync } from 'node:fs';
import { marketDir, postJobArgs } from './lib/setup.mjs';
import { Engine } from '../dist/src/engine/index.js';
const d = mkdtempSync('/tmp/vmi-'); const m = marketDir(d);
const engine = Engine.open({ dataDir: d });
const mp = engine.as(m.buyer.agent_id);
const job = await mp.postJob({ ...postJobArgs(m.worker.agent_id), job_type: 'direct', deadline_hours: 72, max_revisions: 2 });
const db = engine.db;
const st = db.prepare("SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents FROM jobs j LEFT JOIN balances b ON b.account = 'escrow:' || j.id WHERE j.id = ?");
const tests = {
  'mp.getJob': () => mp.getJob(job.id),
  'raw stmt get': () => st.get(job.id),
  'deferred tx noop': () => db.transaction(() => 1).deferred(),
  'db.transaction create': () => db.transaction(() => 1),
  'prepare (cached)': () => db.prepare("SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents FROM jobs j LEFT JOIN balances b ON b.account = 'escrow:' || j.id WHERE j.id = ?"),
};
for (let r = 0; r < 3; r++) {
  const line = [];
  for (const [k, f] of Object.entries(tests)) {
    const N = 20000; const c0 = process.cpuUsage();
    for (let i = 0; i < N; i++) await f();
    const c = process.cpuUsage(c0); line.push(`${k}: ${((c.user + c.system) / N).toFixed(2)}µs`);
  }
  console.log(line.join(' | '));
}
engine.close(); rmSync(d, { recursive: true });
