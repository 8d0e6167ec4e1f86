// A/B lifecycles/s with synchronous=FULL for pragma variants, interleaved in one process
import { mkdtempSync, rmSync } from 'node:fs';
import { Engine } from '../dist/src/engine/index.js';
const mk = (pragmas) => {
  const d = mkdtempSync('/tmp/vlife-');
  const engine = Engine.open({ dataDir: d });
  for (const p of pragmas) engine.db.pragma(p);
  const buyer = engine.createLocalAgent({ name: 'bench-buyer', owner_email: 'buyer@bench.test', card: 'pm_card_visa' });
  const worker = engine.createLocalAgent({ name: 'bench-worker', owner_email: 'worker@bench.test', capabilities: ['summarization'] });
  const B = engine.as(buyer.agent_id), W = engine.as(worker.agent_id);
  const post = { title: 'Benchmark lifecycle job', task_spec: { description: 'Summarise' }, amount: 12.5, job_type: 'direct', worker_agent_id: worker.agent_id, deadline_hours: 72, max_revisions: 2 };
  return { d, engine, run: async () => { const j = await B.postJob(post); await W.acceptJob(j.id); await W.startJob(j.id); await W.deliverJob(j.id, { content: 'The summary.', content_type: 'text/plain' }); await B.approveJob(j.id); } };
};
const variants = { base: mk([]), ckpt10k: mk(['wal_autocheckpoint = 10000']), ckpt4k: mk(['wal_autocheckpoint = 4000']) };
for (const v of Object.values(variants)) for (let i = 0; i < 100; i++) await v.run();
const res = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let r = 0; r < 9; r++) for (const [k, v] of Object.entries(variants)) { const t = performance.now(); for (let i = 0; i < 100; i++) await v.run(); res[k].push(100 / (performance.now() - t) * 1000); }
for (const [k, xs] of Object.entries(res)) { xs.sort((a, b) => a - b); console.log(k.padEnd(8), 'lifecycles/s median', xs[4].toFixed(0), 'max', xs[8].toFixed(0)); }
for (const v of Object.values(variants)) { v.engine.close(); rmSync(v.d, { recursive: true }); }
