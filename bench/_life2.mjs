// A/B: CPU per lifecycle (sync OFF), min over rounds; variant set by argv
import { mkdtempSync, rmSync } from 'node:fs';
import { Engine } from '../dist/src/engine/index.js';
const variant = process.argv[2] ?? 'base';
const d = mkdtempSync('/tmp/vlife-');
const engine = Engine.open({ dataDir: d });
engine.db.pragma('synchronous = OFF');
if (variant === 'cache') engine.db.pragma('cache_size = -16000');
if (variant === 'mmap') engine.db.pragma('mmap_size = 268435456');
const buyer = engine.createLocalAgent({ name: 'bench-buyer', owner_email: 'buyer@bench.test', card: 'pm_card_visa' });
const worker = engine.createLocalAgent({ name: 'bench-worker', owner_email: 'worker@bench.test', capabilities: ['summarization'] });
const B = engine.as(buyer.agent_id), W = engine.as(worker.agent_id);
const post = { title: 'Benchmark lifecycle job', task_spec: { description: 'Summarise' }, amount: 12.5, job_type: 'direct', worker_agent_id: worker.agent_id, deadline_hours: 72, max_revisions: 2 };
const lifecycle = async () => { const j = await B.postJob(post); await W.acceptJob(j.id); await W.startJob(j.id); await W.deliverJob(j.id, { content: 'The summary.', content_type: 'text/plain' }); await B.approveJob(j.id); };
for (let i = 0; i < +(process.argv[3] ?? 500); i++) await lifecycle(); // grow the db first
const res = [];
for (let r = 0; r < 7; r++) { const c0 = process.cpuUsage(); for (let i = 0; i < 100; i++) await lifecycle(); const c = process.cpuUsage(c0); res.push((c.user + c.system) / 100); }
res.sort((a, b) => a - b);
console.log(variant.padEnd(6), 'cpu µs/lifecycle min', res[0].toFixed(0), 'median', res[3].toFixed(0));
engine.close(); rmSync(d, { recursive: true });
