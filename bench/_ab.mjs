// A/B figures for the optimisations, interleaved rounds, medians (dev script; numbers go to docs/performance.md)
import { mkdtempSync, rmSync } from 'node:fs';
import { z } from 'zod';
import Database from 'better-sqlite3';
import { Engine } from '../dist/src/engine/index.js';
import { postJobArgs } from './lib/setup.mjs';
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const cpu = () => { const c = process.cpuUsage(); return c.user + c.system; };
async function ab(label, variants, n, rounds = 9) {
  const res = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) for (const [k, f] of Object.entries(variants)) { const c0 = cpu(); for (let i = 0; i < n; i++) await f(i); res[k].push((cpu() - c0) / n); }
  console.log(label.padEnd(44), Object.entries(res).map(([k, v]) => `${k} ${med(v).toFixed(1)}µs`).join(' | '));
}
const d = mkdtempSync('/tmp/vab-');
const engine = Engine.open({ dataDir: d });
const buyer = engine.createLocalAgent({ name: 'bench-buyer', owner_email: 'buyer@bench.test', card: 'pm_card_visa' });
const worker = engine.createLocalAgent({ name: 'bench-worker', owner_email: 'worker@bench.test', capabilities: ['summarization'] });
engine.db.pragma('synchronous = OFF'); // CPU only
const B = engine.as(buyer.agent_id), W = engine.as(worker.agent_id);
const post = { ...postJobArgs(worker.agent_id), job_type: 'direct', deadline_hours: 72, max_revisions: 2 };
const job = await B.postJob(post);
const db = engine.db;
const cached = db.prepare;
const uncached = Object.getPrototypeOf(db).prepare;
const lifecycle = async () => { const j = await B.postJob(post); await W.acceptJob(j.id); await W.startJob(j.id); await W.deliverJob(j.id, { content: 'x', content_type: 'text/plain' }); await B.approveJob(j.id); };
for (let i = 0; i < 200; i++) await lifecycle();
// A: statement cache
await ab('A statement cache: get_job (engine)', { cache: async () => { db.prepare = cached; await B.getJob(job.id); }, 'no cache': async () => { db.prepare = uncached; await B.getJob(job.id); } }, 3000);
await ab('A statement cache: lifecycle (engine, sync OFF)', { cache: async () => { db.prepare = cached; await lifecycle(); }, 'no cache': async () => { db.prepare = uncached; await lifecycle(); } }, 60);
db.prepare = cached;
// B: transaction function reused vs built per call
const runner = db.transaction((fn) => fn());
await ab('B read transaction', { reused: () => runner.deferred(() => 1), 'built per call': () => db.transaction(() => 1).deferred() }, 20000);
// C: zod strict input object cached vs built per call
const shape = { job_id: z.string().uuid() }; const strict = z.strictObject(shape);
await ab('C tool input parse', { cached: () => strict.safeParse({ job_id: job.id }), 'built per call': () => z.strictObject(shape).safeParse({ job_id: job.id }) }, 5000);
engine.close(); rmSync(d, { recursive: true });
