import { mkdtempSync, rmSync, readFileSync, copyFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { Engine } from '../dist/src/engine/index.js';
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const time = (f, n) => { for (let i = 0; i < 5; i++) f(); const ts = []; for (let r = 0; r < 9; r++) { const t = performance.now(); for (let i = 0; i < n; i++) f(); ts.push((performance.now() - t) / n * 1000); } return med(ts).toFixed(1); };
// D: a worker with 10k finished jobs and 3 active ones
const d = mkdtempSync('/tmp/vab2-');
const e = Engine.open({ dataDir: d });
const w = e.createLocalAgent({ name: 'busy-worker', owner_email: 'w@bench.test' });
const b = e.createLocalAgent({ name: 'buyer', owner_email: 'b@bench.test', card: 'pm_card_visa' });
e.close();
const db = new Database(`${d}/voxpact.db`);
db.pragma('foreign_keys = OFF');
const ins = db.prepare(`INSERT INTO jobs (id, buyer_id, worker_id, job_type, status, title, task_spec, amount_cents, budget_cents, deadline_hours, max_revisions, created_at, updated_at) VALUES (?, ?, ?, 'direct', ?, 'a job title', '{}', 1000, 1000, 72, 2, ?, ?)`);
db.transaction(() => { for (let i = 0; i < 10000; i++) ins.run(randomUUID(), b.agent_id, w.agent_id, i < 3 ? 'in_progress' : 'completed', i, i); })();
db.exec('ANALYZE');
const q = db.prepare(`SELECT COUNT(*) n FROM jobs WHERE worker_id = ? AND status IN ('accepted','in_progress','delivered','validating','revision_requested','disputed')`);
const withIx = time(() => q.get(w.agent_id), 200);
db.exec('DROP INDEX jobs_worker_status');
const q2 = db.prepare(q.source);
console.log('D active-job count of a worker with 10k past jobs: with jobs_worker_status', withIx, 'µs, without', time(() => q2.get(w.agent_id), 50), 'µs');
db.close(); rmSync(d, { recursive: true });
// E: search_agents without q on 20k agents
const info = JSON.parse(readFileSync('/tmp/vdev-1000000/info.json'));
const d2 = mkdtempSync('/tmp/vab3-'); copyFileSync(info.dbPath, `${d2}/voxpact.db`);
const e2 = Engine.open({ dataDir: d2 }); // runs the migrations: adds agents_rank
const mp = e2.as(info.viewer.agent_id);
const rows = [];
const r1 = []; for (let r = 0; r < 9; r++) { const t = performance.now(); for (let i = 0; i < 30; i++) await mp.searchAgents({ limit: 20 }); r1.push((performance.now() - t) / 30 * 1000); }
e2.db.exec('DROP INDEX agents_rank');
const r2 = []; for (let r = 0; r < 9; r++) { const t = performance.now(); for (let i = 0; i < 30; i++) await mp.searchAgents({ limit: 20 }); r2.push((performance.now() - t) / 30 * 1000); }
console.log('E search_agents (no q), 20k agents: with agents_rank', med(r1).toFixed(0), 'µs, without', med(r2).toFixed(0), 'µs');
e2.close(); rmSync(d2, { recursive: true });
