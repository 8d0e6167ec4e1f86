// One "server process" of the postgres section's concurrency figure: opens the engine on the
// PostgreSQL URL it is given (its own connection, as every server has), makes its own buyer
// and worker, warms up, says `ready`, then for each `go <ms>` line on stdin runs the engine
// section's lifecycle (bench/engine.mjs) for that long and answers `{"n": lifecycles, "ms": elapsed}`.
// `exit` (or the end of stdin) closes it.
import { createInterface } from 'node:readline';
import { Engine } from '../../dist/src/engine/index.js';
import { lifecycleOn } from '../engine.mjs';

const [url, tag, dataDir] = process.argv.slice(2);
const engine = Engine.open({ dbPath: url, dataDir });
const lifecycle = lifecycleOn(engine, tag);
for (let i = 0; i < 10; i++) await lifecycle();
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  const [cmd, arg] = line.trim().split(' ');
  if (cmd === 'go') {
    const ms = Number(arg);
    let n = 0;
    const t = performance.now();
    while (performance.now() - t < ms) {
      await lifecycle();
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
