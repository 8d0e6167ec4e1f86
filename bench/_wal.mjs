import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { Engine } from '../dist/src/engine/index.js';
const d = mkdtempSync('/tmp/vwal-');
const engine = Engine.open({ dataDir: d });
engine.db.pragma('wal_autocheckpoint = 0');
const buyer = engine.createLocalAgent({ name: 'bench-buyer', owner_email: 'buyer@bench.test', card: 'pm_card_visa' });
const worker = engine.createLocalAgent({ name: 'bench-worker', owner_email: 'worker@bench.test', capabilities: ['summarization'] });
const B = engine.as(buyer.agent_id), W = engine.as(worker.agent_id);
const post = { title: 'Benchmark lifecycle job', task_spec: { description: 'Summarise' }, amount: 12.5, job_type: 'direct', worker_agent_id: worker.agent_id, deadline_hours: 72, max_revisions: 2 };
const steps = { post: 0, accept: 0, start: 0, deliver: 0, approve: 0 };
const wal = () => statSync(d + '/voxpact.db-wal').size;
for (let i = 0; i < 200; i++) {
  let w = wal(); const j = await B.postJob(post); steps.post += wal() - w;
  w = wal(); await W.acceptJob(j.id); steps.accept += wal() - w;
  w = wal(); await W.startJob(j.id); steps.start += wal() - w;
  w = wal(); await W.deliverJob(j.id, { content: 'The summary.', content_type: 'text/plain' }); steps.deliver += wal() - w;
  w = wal(); await B.approveJob(j.id); steps.approve += wal() - w;
}
console.log('WAL frames (4 KiB pages) written per operation:', Object.entries(steps).map(([k, v]) => `${k} ${(v / 200 / 4120).toFixed(1)}`).join(', '));
engine.close(); rmSync(d, { recursive: true });
