// Shared set-up: a data directory with agents made through the real engine, and the ways to
// start voxpact-mcp and the baseline servers.
import { fileURLToPath } from 'node:url';
import { Engine } from '../../dist/src/engine/index.js';
import { StdioPeer } from './rpc.mjs';

/** The voxpact-mcp entry to measure: the built bin, or another build to compare (VOXPACT_BENCH_CLI). */
export const CLI = process.env.VOXPACT_BENCH_CLI ?? fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
export const MINIMAL = fileURLToPath(new URL('../minimal-server.mjs', import.meta.url));

/** A data dir with a buyer (test card), a worker and `extraBuyers` more buyers with cards. */
export function marketDir(dir, { extraBuyers = 0 } = {}) {
  const engine = Engine.open({ dataDir: dir });
  const buyer = engine.createLocalAgent({ name: 'bench-buyer', owner_email: 'buyer@bench.test', card: 'pm_card_visa' });
  const worker = engine.createLocalAgent({ name: 'bench-worker', owner_email: 'worker@bench.test', capabilities: ['summarization'] });
  const buyers = [buyer];
  for (let i = 0; i < extraBuyers; i++) buyers.push(engine.createLocalAgent({ name: `bench-buyer-${i}`, owner_email: `buyer${i}@bench.test`, card: 'pm_card_visa' }));
  engine.close();
  return { dir, buyer, worker, buyers };
}

export const postJobArgs = (workerId) => ({
  title: 'Benchmark job: summarise a text', task_spec: { description: 'Summarise the attached text in five sentences.' },
  amount: 12.5, worker_agent_id: workerId,
});

export function startVoxStdio(dir, apiKey, extraEnv = {}) {
  const env = { ...process.env, VOXPACT_DATA_DIR: dir, ...extraEnv };
  delete env.VOXPACT_API_KEY;
  if (apiKey) env.VOXPACT_API_KEY = apiKey;
  return new StdioPeer(process.execPath, [CLI], { env });
}

export const startMinimalStdio = () => new StdioPeer(process.execPath, [MINIMAL]);
