// One "server process" of the postgres section's concurrency figures: opens the engine on the
// PostgreSQL URL it is given (its own connection, as every server has), makes its own buyer
// and worker, warms up, says `ready`, then for each `go <ms> <what>` line on stdin runs `what`
// for that long and answers `{"n": calls, "ms": elapsed}`: `lifecycle`, the engine section's
// lifecycle (bench/engine.mjs: five write transactions), or `read`, get_job of one of its own
// completed jobs by its buyer (one read transaction). `exit` (or the end of stdin) closes it.
import { createInterface } from 'node:readline';
import { Engine } from '../../dist/src/engine/index.js';
import { lifecycleOn } from '../engine.mjs';

const [url, tag, dataDir] = process.argv.slice(2);
const engine = Engine.open({ dbPath: url, dataDir });
const lifecycle = lifecycleOn(engine, tag);
let job;
for (let i = 0; i < 10; i++) job = await lifecycle();
const buyer = engine.as(job.buyer_agent_id);
const ops = { lifecycle, read: () => buyer.getJob(job.id) };
for (let i = 0; i < 50; i++) await ops.read();
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  const [cmd, arg, what] = line.trim().split(' ');
  if (cmd === 'go') {
    const op = ops[what];
    if (!op) throw new Error(`unknown operation '${what}'`);
    const ms = Number(arg);
    let n = 0;
    const t = performance.now();
    while (performance.now() - t < ms) {
      await op();
      n++;
    }
    process.stdout.write(JSON.stringify({ n, ms: performance.now() - t }) + '\n');
  } else if (cmd === 'exit') break;
}
const bad = engine.checkInvariants();
engine.close();
if (bad.length) {
  process.stderr.write(`ledger invariants broken: ${bad.join('; ')}\n`);
  process.exitCode = 1;
}
// Let libuv finish closing the connection's handle before the process goes (see bench/lib/pg-load.mjs closePg).
await new Promise((resolve) => setImmediate(resolve));
