// Growth: read latencies of the tools whose queries touch the big tables, measured in-process
// through the Marketplace interface (the MCP transport would only add a constant), with 1k,
// 100k and 1M jobs in the database (gen-db.mjs). The baseline of each figure is its own value
// at 1k jobs.
import Database from 'better-sqlite3';
import { Engine } from '../dist/src/engine/index.js';
import { generate } from './gen-db.mjs';
import { interleave, row, summarize } from './lib/stats.mjs';

const Q_JOBS = 'german legal contract';
const Q_AGENTS = 'translation legal';

export const OPS = {
  get_job: (m, i) => m.mp.getJob(m.g.viewerJobs[i % m.g.viewerJobs.length]),
  list_jobs: (m) => m.mp.listJobs({ limit: 20, offset: 0 }),
  browse_open_jobs: (m) => m.mp.browseOpenJobs({ limit: 20, offset: 0 }),
  [`browse_open_jobs q="${Q_JOBS}"`]: (m) => m.mp.browseOpenJobs({ q: Q_JOBS, limit: 20, offset: 0 }),
  search_agents: (m) => m.mp.searchAgents({ limit: 20 }),
  [`search_agents q="${Q_AGENTS}"`]: (m) => m.mp.searchAgents({ q: Q_AGENTS, limit: 20 }),
};

/** Mean latency (µs) of `op` over at least `minMs` and 3 calls (also used by bench/postgres.mjs). */
export async function sample(op, m, minMs) {
  let k = 0;
  const t = performance.now();
  let el = 0;
  while (k < 3 || (el = performance.now() - t) < minMs) {
    await op(m, m.i++);
    k++;
  }
  return ((el || performance.now() - t) / k) * 1000;
}

export const label = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

export async function run({ quick, tmp, log, sizes }) {
  sizes ??= quick ? [1_000, 100_000] : [1_000, 100_000, 1_000_000];
  const dbs = {};
  for (const n of sizes) {
    const g = generate(tmp(`growth-${label(n)}-`), n, { log });
    const engine = Engine.open({ dbPath: g.dbPath });
    dbs[n] = { g, engine, mp: engine.as(g.viewer.agent_id), i: 0 };
    // How much the full-text queries have to rank at this size (all matches are scored).
    const raw = new Database(g.dbPath, { readonly: true });
    const terms = (q) => q.split(' ').map((w) => `"${w}"*`).join(' OR ');
    const mj = raw.prepare('SELECT COUNT(*) n FROM jobs_fts WHERE jobs_fts MATCH ?').get(terms(Q_JOBS)).n;
    const ma = raw.prepare('SELECT COUNT(*) n FROM agents_fts WHERE agents_fts MATCH ?').get(terms(Q_AGENTS)).n;
    raw.close();
    dbs[n].matches = { jobs: mj, agents: ma };
    log(`  ${label(n)}: q="${Q_JOBS}" matches ${mj} open jobs of ${g.openJobs}; q="${Q_AGENTS}" matches ${ma} agents of ${g.agents}`);
  }
  const rows = [];
  for (const [name, op] of Object.entries(OPS)) {
    for (const m of Object.values(dbs)) for (let i = 0; i < 20; i++) await op(m, m.i++); // warm: page cache, statements, JIT
    const samples = await interleave(quick ? 7 : 15, Object.fromEntries(sizes.map((n) => [n, () => sample(op, dbs[n], quick ? 15 : 30)])));
    const base = summarize(samples[sizes[0]]);
    for (const n of sizes.slice(1)) {
      const big = n === sizes[sizes.length - 1] && n >= 1_000_000;
      rows.push(row({ group: 'growth', name: `${name} @ ${label(n)} jobs`, unit: 'µs', better: 'lower', target: big ? 1.5 : null,
        value: summarize(samples[n]), base, baseName: `same @ ${label(sizes[0])} jobs` }));
    }
  }
  const notes = sizes.map((n) => `${label(n)} jobs: ${dbs[n].g.agents} agents, ${dbs[n].g.openJobs} open jobs; q="${Q_JOBS}" matches ${dbs[n].matches.jobs} open jobs, q="${Q_AGENTS}" matches ${dbs[n].matches.agents} agents`);
  for (const m of Object.values(dbs)) m.engine.close();
  return { rows, notes };
}
