import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { marketDir, postJobArgs } from './lib/setup.mjs';
import { Engine } from '../dist/src/engine/index.js';
const d = mkdtempSync('/tmp/vmi-'); const m = marketDir(d);
const engine = Engine.open({ dataDir: d });
engine.db.pragma('synchronous = OFF');
const mp = engine.as(m.buyer.agent_id);
const W = engine.as(m.worker.agent_id);
const args = { ...postJobArgs(m.worker.agent_id), job_type: 'direct', deadline_hours: 72, max_revisions: 2 };
const n0 = +process.argv[2] || 2000;
for (let i = 0; i < n0; i++) await mp.postJob(args);
const P = Object.getPrototypeOf(engine.db.prepare('SELECT 1'));
const acc = new Map();
for (const k of ['run', 'get', 'all']) { const orig = P[k]; P[k] = function (...a) { const t = performance.now(); try { return orig.apply(this, a); } finally { const e = acc.get(this.source) ?? [0, 0]; e[0] += performance.now() - t; e[1]++; acc.set(this.source, e); } }; }
const N = 200;
for (let i = 0; i < N; i++) { const j = await mp.postJob(args); if (process.argv[3]) { await W.acceptJob(j.id); await W.startJob(j.id); await W.deliverJob(j.id, { content: 'x', content_type: 'text/plain' }); await mp.approveJob(j.id); } }
const rows = [...acc].sort((a, b) => b[1][0] - a[1][0]).slice(0, +process.env.TOP || 25);
const tot=[...acc].reduce((a,[,v])=>a+v[0],0); console.log('total SQL µs per lifecycle', (tot/N*1000).toFixed(0));
for (const [sql, [t, c]] of rows) console.log((t / N * 1000).toFixed(1).padStart(7), 'µs/op', String(c / N).padStart(4), 'x', sql.replace(/\s+/g, ' ').slice(0, 150));
engine.close(); rmSync(d, { recursive: true });
