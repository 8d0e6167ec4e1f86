import { mkdtempSync, rmSync } from 'node:fs';
import { marketDir, postJobArgs } from './lib/setup.mjs';
import { Engine } from '../dist/src/engine/index.js';
import * as jobs from '../dist/src/engine/jobs.js';
import { readTx } from '../dist/src/engine/db.js';
const d = mkdtempSync('/tmp/vmi-'); const m = marketDir(d);
const engine = Engine.open({ dataDir: d });
const mp = engine.as(m.buyer.agent_id);
const job = await mp.postJob({ ...postJobArgs(m.worker.agent_id), job_type: 'direct', deadline_hours: 72, max_revisions: 2 });
const c = engine.ctx; const db = c.db; const me = m.buyer.agent_id;
const JOB_SELECT = `SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents FROM jobs j LEFT JOIN balances b ON b.account = 'escrow:' || j.id`;
const st = db.prepare(`${JOB_SELECT} WHERE j.id = ?`);
const tests = {
  visibleJob: () => jobs.visibleJob(c, me, job.id),
  'prepare+get': () => db.prepare(`${JOB_SELECT} WHERE j.id = ?`).get(job.id),
  'stmt.get': () => st.get(job.id),
  'prepare only': () => db.prepare(`${JOB_SELECT} WHERE j.id = ?`),
  view: () => jobs.view(c, me, st.get(job.id)),
};
for (let r = 0; r < 3; r++) {
  const line = [];
  for (const [k, f] of Object.entries(tests)) {
    const N = 30000; const c0 = process.cpuUsage();
    readTx(db, () => { for (let i = 0; i < N; i++) f(); });
    const cc = process.cpuUsage(c0); line.push(`${k}: ${((cc.user + cc.system) / N).toFixed(2)}µs`);
  }
  console.log(line.join(' | '));
}
engine.close(); rmSync(d, { recursive: true });
