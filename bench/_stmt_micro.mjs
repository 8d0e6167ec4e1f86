import { mkdtempSync, rmSync } from 'node:fs';
import { marketDir, postJobArgs } from './lib/setup.mjs';
import { Engine } from '../dist/src/engine/index.js';
const d = mkdtempSync('/tmp/vmi-'); const m = marketDir(d);
const engine = Engine.open({ dataDir: d });
const mp = engine.as(m.buyer.agent_id);
const job = await mp.postJob({ ...postJobArgs(m.worker.agent_id), job_type: 'direct', deadline_hours: 72, max_revisions: 2 });
const db = engine.db;
const S = (sql) => db.prepare(sql);
const tests = {
  'full': [S("SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents FROM jobs j LEFT JOIN balances b ON b.account = 'escrow:' || j.id WHERE j.id = ?"), job.id],
  'j.* only': [S("SELECT j.* FROM jobs j WHERE j.id = ?"), job.id],
  'id only': [S("SELECT j.id FROM jobs j WHERE j.id = ?"), job.id],
  'select 1': [S("SELECT 1"), undefined],
  'balance only': [S("SELECT balance_cents FROM balances WHERE account = ?"), 'escrow:' + job.id],
};
const inTx = db.transaction((f) => f());
for (let r = 0; r < 2; r++) {
  for (const tx of [false, true]) {
    const line = [tx ? 'IN TX ' : 'NO TX '];
    for (const [k, [st, arg]] of Object.entries(tests)) {
      const N = 20000; const c0 = process.cpuUsage();
      const run = () => { for (let i = 0; i < N; i++) arg === undefined ? st.get() : st.get(arg); };
      tx ? inTx.deferred(run) : run();
      const c = process.cpuUsage(c0); line.push(`${k}: ${((c.user + c.system) / N).toFixed(2)}µs`);
    }
    console.log(line.join(' | '));
  }
}
engine.close(); rmSync(d, { recursive: true });
