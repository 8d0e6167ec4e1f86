// Engine: complete job lifecycles per second in-process (post direct → accept → start →
// deliver → approve: five write transactions, each fsync'd), against the raw better-sqlite3
// ceiling: the same number of write transactions (BEGIN IMMEDIATE, one INSERT, COMMIT) on a
// database with the same pragmas (WAL, synchronous=FULL, foreign keys, busy timeout).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Engine } from '../dist/src/engine/index.js';
import { interleave, row, summarize } from './lib/stats.mjs';

const TX_PER_LIFECYCLE = 5;

/**
 * The measured lifecycle on an open engine (either store): a buyer with a test card and a worker,
 * made once, and `lifecycle()`, one job through post direct → accept → start → deliver → approve,
 * which returns the completed job. Shared with bench/postgres.mjs, which runs it on PostgreSQL.
 */
export function lifecycleOn(engine, tag = 'bench') {
  const buyer = engine.createLocalAgent({ name: `${tag}-buyer`, owner_email: `buyer@${tag}.test`, card: 'pm_card_visa' });
  const worker = engine.createLocalAgent({ name: `${tag}-worker`, owner_email: `worker@${tag}.test`, capabilities: ['summarization'] });
  const B = engine.as(buyer.agent_id);
  const W = engine.as(worker.agent_id);
  const post = { title: 'Benchmark lifecycle job', task_spec: { description: 'Summarise the attached text' }, amount: 12.5, job_type: 'direct',
    worker_agent_id: worker.agent_id, deadline_hours: 72, max_revisions: 2 };
  return async () => {
    const j = await B.postJob(post);
    await W.acceptJob(j.id);
    await W.startJob(j.id);
    await W.deliverJob(j.id, { content: 'The summary.', content_type: 'text/plain' });
    const done = await B.approveJob(j.id);
    if (done.status !== 'completed') throw new Error(`lifecycle ended in ${done.status}`);
    return done;
  };
}

/** Lifecycles per sample and samples, as the engine section runs them. */
export const lifecycleSampling = (quick) => ({ perSample: quick ? 40 : 150, samples: quick ? 7 : 15, warmup: 10 });

export async function run({ quick, tmp, log }) {
  const dir = tmp('engine-');
  const engine = Engine.open({ dataDir: dir });
  const lifecycle = lifecycleOn(engine);

  const raw = new Database(join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('foreign_keys = ON');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, job TEXT NOT NULL, step INTEGER NOT NULL, at INTEGER NOT NULL)');
  const ins = raw.prepare('INSERT INTO t (job, step, at) VALUES (?, ?, ?)');
  const rawTx = raw.transaction((step) => ins.run('job', step, Date.now()));

  const { perSample: n, samples: rounds, warmup } = lifecycleSampling(quick);
  for (let i = 0; i < warmup; i++) await lifecycle(); // warm-up: JIT, statement caches, file growth
  for (let i = 0; i < 50; i++) rawTx.immediate(i);
  const samples = await interleave(rounds, {
    engine: async () => {
      const t = performance.now();
      for (let i = 0; i < n; i++) await lifecycle();
      return (n / (performance.now() - t)) * 1000;
    },
    raw: async () => {
      const t = performance.now();
      for (let i = 0; i < n * TX_PER_LIFECYCLE; i++) rawTx.immediate(i % TX_PER_LIFECYCLE);
      return (n / (performance.now() - t)) * 1000; // in lifecycle-equivalents (5 transactions)
    },
  });
  const bad = engine.checkInvariants();
  if (bad.length) throw new Error(`ledger invariants broken after the engine benchmark: ${bad.join('; ')}`);
  engine.close();
  raw.close();
  log(`engine: ${n} lifecycles per sample`);
  return [row({
    group: 'engine', name: 'lifecycles/s in-process (post → accept → start → deliver → approve)', unit: '1/s', better: 'higher', target: 0.5,
    value: summarize(samples.engine), base: summarize(samples.raw), baseName: 'raw better-sqlite3, 5 write tx per lifecycle, same pragmas',
  })];
}
