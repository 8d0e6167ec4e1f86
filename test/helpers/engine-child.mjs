// A second (third, …) process on the same database file, for the concurrency tests.
// Run as `node --import ./ts-register.mjs engine-child.mjs '<json>'` (imports src/*.ts).
// argv[2]: JSON { src, dbPath, now, ops: [{ op: 'acceptBid', agentId, bidId } | { op: 'runTimers' }] }
// Prints "ready" once the engine is open, waits for "go" on stdin, runs the ops, prints the
// results as one JSON line and exits.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const o = JSON.parse(process.argv[2]);
const { Engine } = await import(pathToFileURL(join(o.src, 'engine', 'index.ts')).href);
const { ManualClock } = await import(pathToFileURL(join(o.src, 'clock.ts')).href);
const engine = Engine.open({ dbPath: o.dbPath, clock: new ManualClock(o.now) });

process.stdout.write('ready\n');
await new Promise((resolve) => {
  let buf = '';
  process.stdin.on('data', (d) => {
    buf += d;
    if (buf.includes('go')) resolve();
  });
});

const results = [];
for (const op of o.ops) {
  if (op.op === 'acceptBid') {
    try {
      const r = await engine.as(op.agentId).acceptBid(op.bidId);
      results.push({ op: op.op, bidId: op.bidId, ok: true, status: r.job.status, worker: r.job.worker_agent_id });
    } catch (e) {
      results.push({ op: op.op, bidId: op.bidId, ok: false, code: e.code ?? String(e), message: e.message });
    }
  } else if (op.op === 'runTimers') {
    results.push({ op: op.op, ok: true, ...engine.runTimers() });
  }
}
engine.close();
process.stdout.write(JSON.stringify({ pid: process.pid, results }) + '\n');
process.stdin.destroy();
