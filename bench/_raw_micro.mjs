import { mkdtempSync, rmSync } from 'node:fs';
import { marketDir, postJobArgs } from './lib/setup.mjs';
import { Engine } from '../dist/src/engine/index.js';
const d = mkdtempSync('/tmp/vmi-'); const m = marketDir(d);
const engine = Engine.open({ dataDir: d });
const mp = engine.as(m.buyer.agent_id);
const job = await mp.postJob({ ...postJobArgs(m.worker.agent_id), job_type: 'direct', deadline_hours: 72, max_revisions: 2 });
const db = engine.db;
const sql = "SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents FROM jobs j LEFT JOIN balances b ON b.account = 'escrow:' || j.id WHERE j.id = ?";
const obj = db.prepare(sql);
const Database = (await import('better-sqlite3')).default;
const raw = Object.getPrototypeOf(db).prepare.call(db, sql).raw(true);
const cols = raw.columns().map((c) => c.name);
console.log(cols.length, 'columns');
const build = new Function('r', `return {${cols.map((c, i) => `${JSON.stringify(c)}: r[${i}]`).join(', ')}};`);
const loop = (r) => { const o = {}; for (let i = 0; i < cols.length; i++) o[cols[i]] = r[i]; return o; };
const inTx = db.transaction((f) => f());
const tests = { object: () => obj.get(job.id), 'raw only': () => raw.get(job.id), 'raw+codegen': () => build(raw.get(job.id)), 'raw+loop': () => loop(raw.get(job.id)) };
for (let r = 0; r < 3; r++) {
  const line = [];
  for (const [k, f] of Object.entries(tests)) {
    const N = 50000; const c0 = process.cpuUsage();
    inTx.deferred(() => { for (let i = 0; i < N; i++) f(); });
    const c = process.cpuUsage(c0); line.push(`${k}: ${((c.user + c.system) / N).toFixed(2)}µs`);
  }
  console.log(line.join(' | '));
}
console.log(JSON.stringify(build(raw.get(job.id))) === JSON.stringify(obj.get(job.id)));
engine.close(); rmSync(d, { recursive: true });
