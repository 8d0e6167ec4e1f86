// Cold start: spawn → `initialize` answered and → `tools/list` answered, for voxpact-mcp
// (embedded, zero-config: a fresh data dir, where it creates the database and its local
// agent, and an existing one) against the minimal one-tool server on the same SDK, with
// `node -e 0` (spawn → exit) as the floor. Interleaved: every round runs each variant once.
import { spawn } from 'node:child_process';
import { row, summarize, interleave } from './lib/stats.mjs';
import { existsSync } from 'node:fs';
import { StdioPeer } from './lib/rpc.mjs';
import { CLI, startMinimalStdio, startVoxStdio } from './lib/setup.mjs';

/** The build before bundling (scripts/bundle.mjs keeps it), to show what the bundle is worth. */
const UNBUNDLED = CLI.replace(/cli\.js$/, 'cli.unbundled.js');

async function handshake(peer) {
  await peer.initialize();
  const init = performance.now() - peer.t0;
  const l = await peer.request('tools/list', {});
  const list = performance.now() - peer.t0;
  if (!l.tools?.length) throw new Error('tools/list answered no tools');
  await peer.close();
  return { init, list };
}

function nodeFloor() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const c = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    c.once('error', reject);
    c.once('exit', () => resolve(performance.now() - t0));
  });
}

export async function run({ quick, tmp, log }) {
  const runs = quick ? 15 : 20;
  const existing = tmp('cold-existing-');
  await handshake(startVoxStdio(existing)); // creates the database and the local agent once
  for (let i = 0; i < 2; i++) { await handshake(startMinimalStdio()); await handshake(startVoxStdio(existing)); await nodeFloor(); } // warm the file cache
  const variants = {
    floor: nodeFloor,
    minimal: () => handshake(startMinimalStdio()),
    existing: () => handshake(startVoxStdio(existing)),
    fresh: () => handshake(startVoxStdio(tmp('cold-fresh-'))),
  };
  if (existsSync(UNBUNDLED)) {
    variants.unbundled = () => {
      const env = { ...process.env, VOXPACT_DATA_DIR: existing };
      delete env.VOXPACT_API_KEY;
      return handshake(new StdioPeer(process.execPath, [UNBUNDLED], { env }));
    };
  }
  const s = await interleave(runs, variants);
  const pick = (xs, k) => summarize(xs.map((x) => x[k]));
  const minInit = pick(s.minimal, 'init');
  const minList = pick(s.minimal, 'list');
  log(`cold start: ${runs} runs of each variant, interleaved`);
  const base = 'minimal one-tool SDK server';
  return [
    row({ group: 'cold start', name: 'spawn → initialize, existing data dir', unit: 'ms', better: 'lower', value: pick(s.existing, 'init'), base: minInit, baseName: base }),
    row({ group: 'cold start', name: 'spawn → tools/list, existing data dir', unit: 'ms', better: 'lower', target: 1.0, value: pick(s.existing, 'list'), base: minList, baseName: base }),
    row({ group: 'cold start', name: 'spawn → initialize, fresh data dir (creates db + local agent)', unit: 'ms', better: 'lower', value: pick(s.fresh, 'init'), base: minInit, baseName: base }),
    row({ group: 'cold start', name: 'spawn → tools/list, fresh data dir', unit: 'ms', better: 'lower', target: 1.0, value: pick(s.fresh, 'list'), base: minList, baseName: base }),
    ...(s.unbundled ? [row({ group: 'cold start', name: 'spawn → tools/list, existing data dir, unbundled build (before scripts/bundle.mjs)', unit: 'ms', better: 'lower', value: pick(s.unbundled, 'list'), base: minList, baseName: base })] : []),
    row({ group: 'cold start', name: 'floor: `node -e 0` spawn → exit', unit: 'ms', better: 'lower', value: summarize(s.floor), base: minList, baseName: `${base} → tools/list` }),
  ];
}
