// Fills a marketplace database with `jobs` jobs, fast: the real schema (Engine.open runs the
// migrations), two real agents made through the engine (the viewer the growth figures are
// measured as, and a second one), then everything else with batched INSERTs in one
// transaction, then ANALYZE. The viewer always has the same 200 jobs (100 as buyer, 100 as
// worker) and bids on 20 open jobs, so the figures measure the size of the database, not the
// size of one agent's history.
//
// Model (per N jobs): agents max(200, N/50); 1 % of jobs (at least 100) open for bids (bid window still
// running, indexed for search, 0–3 bids each); of the others 10 % with money in escrow, 70 %
// completed, 20 % cancelled. Titles and descriptions draw from a 400-word vocabulary.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Engine } from '../dist/src/engine/index.js';

const HOUR = 3_600_000;
const CAPS = ['translation', 'summarization', 'legal', 'code-review', 'python', 'typescript', 'research', 'copywriting', 'seo', 'data-cleaning',
  'ocr', 'transcription', 'german', 'french', 'spanish', 'image-tagging', 'sql', 'design', 'marketing', 'finance', 'math', 'qa-testing',
  'scraping', 'classification', 'sentiment', 'audio', 'video', 'chemistry', 'biology', 'medical', 'tax', 'accounting', 'rust', 'go',
  'java', 'kotlin', 'swift', 'devops', 'security', 'pdf'];
// A deterministic vocabulary: a few hundred pronounceable words, some of them real.
const REAL = ['translate', 'contract', 'german', 'legal', 'summary', 'report', 'article', 'review', 'python', 'script', 'data', 'clean',
  'invoice', 'extract', 'table', 'product', 'description', 'blog', 'post', 'research', 'paper', 'market', 'analysis', 'code', 'bug',
  'fix', 'test', 'write', 'email', 'campaign', 'slides', 'deck', 'video', 'transcript', 'podcast', 'image', 'label', 'dataset', 'model', 'api'];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function generate(dir, jobs, { seed = 7, log = () => {} } = {}) {
  const dbPath = join(dir, 'voxpact.db');
  const t0 = performance.now();
  const engine = Engine.open({ dbPath });
  const viewer = engine.createLocalAgent({ name: 'bench-viewer', owner_email: 'viewer@bench.test', capabilities: ['translation', 'legal', 'german'], card: 'pm_card_visa' });
  const other = engine.createLocalAgent({ name: 'bench-other', owner_email: 'other@bench.test', capabilities: ['translation', 'legal', 'german'], card: 'pm_card_visa' });
  engine.close();

  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const syll = ['ka', 'lo', 'mi', 'ra', 'te', 'su', 'no', 'vi', 'de', 'pa', 'zu', 'fe', 'go', 'ri', 'ba', 'xo'];
  const vocab = [...REAL];
  while (vocab.length < 400) vocab.push(pick(syll) + pick(syll) + pick(syll));
  const words = (n) => Array.from({ length: n }, () => pick(vocab)).join(' ');
  // Jobs outside the search index draw from pools of texts (building a fresh sentence per row
  // is most of the generation time at 1M jobs); open jobs, which are searched, get fresh ones.
  const titlePool = Array.from({ length: 4096 }, () => words(5));
  const descPool = Array.from({ length: 4096 }, () => words(20));
  const specPool = descPool.map((d) => JSON.stringify({ description: d }));
  const capsJson = CAPS.map((c) => JSON.stringify([c]));

  const db = new Database(dbPath);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576'); // 1 GiB: the whole 1M-job file stays in memory while it is built
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');
  const now = Date.now();
  const start = now - 365 * 24 * HOUR;
  const nAgents = Math.max(200, Math.floor(jobs / 50));

  const insOwner = db.prepare('INSERT INTO owners (id, email, created_at) VALUES (?, ?, ?)');
  const insAgent = db.prepare(`INSERT INTO agents (id, owner_id, name, description, capabilities, status, trust_score, completed_jobs, rating_sum, rating_count, created_at, activated_at)
    VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`);
  const insAgentFts = db.prepare('INSERT INTO agents_fts (rowid, name, description, capabilities) VALUES (?, ?, ?, ?)');
  const insAgentCap = db.prepare('INSERT OR IGNORE INTO agent_capabilities (agent_id, capability) VALUES (?, ?)');
  const insJob = db.prepare(`INSERT INTO jobs (id, buyer_id, worker_id, job_type, status, title, task_spec, amount_cents, budget_cents, deadline_hours, deadline_at,
      bid_window_hours, bid_window_closes_at, required_capabilities, max_revisions, platform_fee_cents, worker_payout_cents, bid_count, created_at, updated_at, funded_at, completed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 72, ?, ?, ?, ?, 2, ?, ?, ?, ?, ?, ?, ?)`);
  const insJobCap = db.prepare('INSERT OR IGNORE INTO job_capabilities (job_id, capability) VALUES (?, ?)');
  const insJobFts = db.prepare('INSERT INTO jobs_fts (rowid, title, description, capabilities) VALUES (?, ?, ?, ?)');
  const insBalance = db.prepare('INSERT INTO balances (account, balance_cents) VALUES (?, ?)');
  const insBid = db.prepare(`INSERT INTO bids (id, job_id, worker_id, proposed_price_cents, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'active', ?, ?)`);

  // Secondary indexes of the bulk tables are dropped and rebuilt from their own CREATE INDEX
  // text after the load (a sort-based build instead of a million random B-tree inserts), and
  // job ids are handed out in sorted order so the primary key index grows at its end.
  const rebuilt = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('jobs', 'bids')`).all();
  for (const ix of rebuilt) db.exec(`DROP INDEX ${ix.name}`);
  const ids = Array.from({ length: jobs }, () => randomUUID()).sort();
  let nextId = 0;
  const agentIds = [];
  db.transaction(() => {
    for (let i = 0; i < nAgents; i++) {
      const owner = `own_bench${i}`;
      insOwner.run(owner, `agent${i}@bench.test`, start);
      const id = `ag_BENCH${String(i).padStart(10, '0')}${'0'.repeat(10)}`;
      const caps = [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(CAPS)))];
      const name = `${pick(vocab)}-${pick(vocab)}-bot`;
      const desc = words(12);
      const trust = Math.round(r() * 1000) / 10;
      const done = Math.floor(r() * 200);
      const { lastInsertRowid: rowid } = insAgent.run(id, owner, name, desc, JSON.stringify(caps), trust, done, done * 4, done, start + i, start + i);
      insAgentFts.run(rowid, name, desc, caps.join(' '));
      for (const c of caps) insAgentCap.run(id, c);
      agentIds.push(id);
    }

    // The viewer's jobs: 100 as buyer, 100 as worker, spread over the year, all completed
    // but 10 in escrow.
    const viewerJobs = [];
    const stamp = (i, n) => start + Math.floor(((i + 0.5) / n) * (now - start - 72 * HOUR));
    let k = 0;
    const capBuckets = CAPS.map(() => []);
    const addJob = (o) => {
      const id = ids[nextId++];
      const amount = 500 + Math.floor(r() * 200) * 100;
      const ci = Math.floor(r() * CAPS.length);
      const caps = [CAPS[ci]];
      const isOpen = o.status === 'open';
      const held = ['funded', 'accepted', 'in_progress', 'delivered'].includes(o.status);
      const done = o.status === 'completed';
      const fee = done ? Math.floor((amount * 10 + 50) / 100) : null;
      const pi = Math.floor(r() * 4096);
      const title = isOpen ? words(5) : titlePool[pi];
      const desc = isOpen ? words(20) : descPool[pi];
      const windowCloses = isOpen ? now + HOUR + Math.floor(r() * 47 * HOUR) : null; // ms resolution, as real posting times
      const created = isOpen ? windowCloses - 48 * HOUR : o.created;
      const { lastInsertRowid: rowid } = insJob.run(id, o.buyer, isOpen ? null : o.worker, isOpen ? 'open' : 'direct', o.status, title, isOpen ? JSON.stringify({ description: desc }) : specPool[pi],
        amount, amount, isOpen ? null : created + 72 * HOUR, isOpen ? 48 : null, windowCloses, capsJson[ci],
        fee, done ? amount - fee : null, 0, created, created, isOpen ? null : created, done ? created + 24 * HOUR : null);
      capBuckets[ci].push(id); // inserted per capability at the end: appends, not random inserts
      if (held) insBalance.run(`escrow:${id}`, amount);
      if (isOpen) insJobFts.run(rowid, title, desc, caps.join(' '));
      return { id, amount, rowid, created };
    };
    for (let i = 0; i < 200; i++) {
      const asBuyer = i % 2 === 0;
      const status = i % 20 === 0 ? 'in_progress' : 'completed';
      const j = addJob({ buyer: asBuyer ? viewer.agent_id : pick(agentIds), worker: asBuyer ? pick(agentIds) : viewer.agent_id, status, created: stamp(i, 200) });
      viewerJobs.push(j.id);
      k++;
    }
    const openJobs = [];
    const rest = jobs - 200;
    // At least 100 open jobs, so every size has more than one page of them to browse.
    const openShare = Math.max(0.01, Math.min(0.5, 100 / rest));
    for (let i = 0; i < rest; i++) {
      const x = r();
      const y = (x - openShare) / (1 - openShare); // the other jobs share the rest alike at every size
      const status = x < openShare ? 'open' : y < 0.03 ? 'funded' : y < 0.05 ? 'accepted' : y < 0.08 ? 'in_progress' : y < 0.1 ? 'delivered' : y < 0.8 ? 'completed' : 'cancelled';
      const buyer = pick(agentIds);
      let worker = pick(agentIds);
      if (worker === buyer) worker = agentIds[(agentIds.indexOf(buyer) + 1) % agentIds.length];
      const j = addJob({ buyer, worker, status, created: stamp(i, rest) });
      if (status === 'open') openJobs.push(j);
    }
    CAPS.forEach((c, ci) => { for (const id of capBuckets[ci].sort()) insJobCap.run(id, c); });
    // Bids on open jobs; the viewer bids on 20 of them.
    let bidsTotal = 0;
    openJobs.forEach((j, idx) => {
      const n = Math.floor(r() * 4);
      const bidders = new Set(Array.from({ length: n }, () => pick(agentIds)));
      if (idx < 20) bidders.add(viewer.agent_id);
      for (const w of bidders) insBid.run(randomUUID(), j.id, w, Math.max(500, j.amount - 100), j.created + HOUR, j.created + HOUR);
      db.prepare('UPDATE jobs SET bid_count = ? WHERE id = ?').run(bidders.size, j.id);
      bidsTotal += bidders.size;
    });
    db.prepare("INSERT INTO changes (agent_id, job_id, type, created_at) VALUES (?, NULL, 'bench', ?)").run(viewer.agent_id, now);
    generate.last = { viewerJobs, openJobs: openJobs.length, bids: bidsTotal, agents: nAgents + 2 };
  })();
  for (const ix of rebuilt) db.exec(ix.sql);
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.close();
  const info = generate.last;
  log(`generated ${jobs.toLocaleString('en-US')} jobs, ${info.agents} agents, ${info.openJobs} open jobs, ${info.bids} bids in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { dbPath, viewer, other, viewerJobs: info.viewerJobs, openJobs: info.openJobs, agents: info.agents };
}
