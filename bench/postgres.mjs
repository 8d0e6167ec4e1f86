// PostgreSQL: the engine's figures on its second store (src/engine/pg.ts), each against a
// baseline from the same run. Its own throwaway cluster, durable as in production
// (bench/lib/pg-cluster.mjs), or VOXPACT_BENCH_PG_URL (a superuser URL: databases are made and
// dropped); without PostgreSQL, a note and no rows.
//
// - Lifecycles/s in-process: the engine section's lifecycle (bench/engine.mjs) on PostgreSQL,
//   against raw transactions of the same shape through the same libpq connection: one
//   lifecycle's round trips are recorded (BEGIN, the advisory lock, every statement, COMMIT) and
//   replayed as plain statements of the same kind (SELECT one row by key, INSERT, UPDATE by key)
//   on a table of their own per engine table touched (a key, a payload, a counter, a time; one
//   index besides the primary key): same transactions, same round trips, same commits. The
//   ratio is what the engine adds: its own CPU, its wider rows and indexes, its triggers and
//   foreign keys. The same lifecycles on SQLite, interleaved, beside it.
// - Reads at 1k and 1M jobs (quick: 100k): the growth section's tools (bench/growth.mjs) on the
//   database gen-db.mjs makes, loaded into PostgreSQL (bench/lib/pg-load.mjs); each against
//   itself at 1k, and against SQLite on the same generated database.
// - Lifecycles/s and get_job calls/s of 3 processes on one database against 1
//   (bench/lib/pg-worker.mjs): writers share one lock, readers do not.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Engine } from '../dist/src/engine/index.js';
import { PgDatabase } from '../dist/src/engine/pg.js';
import { lifecycleOn, lifecycleSampling } from './engine.mjs';
import { generate } from './gen-db.mjs';
import { OPS, label, sample } from './growth.mjs';
import { startCluster } from './lib/pg-cluster.mjs';
import { closePg, loadFromSqlite } from './lib/pg-load.mjs';
import { interleave, row, summarize, fmt } from './lib/stats.mjs';

const WORKER = fileURLToPath(new URL('./lib/pg-worker.mjs', import.meta.url));
// Closed engines and connections are kept referenced until the section ends and the event loop
// has turned: libpq's binding must finish closing a connection's handle before its object may be
// collected (see closePg in bench/lib/pg-load.mjs).
const closed = [];
const close = (x) => (x.close(), closed.push(x));

export async function run({ quick, tmp, log }) {
  const cluster = await startCluster({ log });
  if (cluster.unavailable) return { rows: [], notes: [`postgres: ${cluster.unavailable}`] };
  let admin;
  try {
    admin = new PgDatabase(cluster.url);
  } catch (e) {
    cluster.stop();
    return { rows: [], notes: [`postgres: not measured: ${e.message.split('\n')[0]}`] };
  }
  const prefix = `voxpact_bench_${process.pid}`;
  const made = [];
  const database = (name) => {
    const db = `${prefix}_${name}`;
    admin.exec(`DROP DATABASE IF EXISTS ${db}`).exec(`CREATE DATABASE ${db}`);
    made.push(db);
    return cluster.urlOf(db);
  };
  const server = admin.query("SELECT current_setting('server_version') v, current_setting('fsync') f, current_setting('synchronous_commit') s, current_setting('shared_buffers') b")[0];
  const notes = [`postgres: PostgreSQL ${server.v} (fsync=${server.f}, synchronous_commit=${server.s}, shared_buffers=${server.b}), ${cluster.own ? 'a throwaway cluster on this machine\'s disk, over loopback TCP' : 'VOXPACT_BENCH_PG_URL'}; one libpq connection per process`];
  const rows = [];
  try {
    rows.push(...await lifecycles({ quick, tmp, log, url: database('lifecycle'), notes, own: cluster.own }));
    rows.push(...await reads({ quick, tmp, log, database, notes }));
    rows.push(...await concurrent({ quick, tmp, log, url: database('concurrent'), notes }));
  } finally {
    for (const db of made) try { admin.exec(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`); } catch { /* the cluster is going anyway */ }
    await closePg(admin);
    closed.length = 0;
    cluster.stop();
  }
  return { rows, notes };
}

// ── lifecycles: engine on PostgreSQL / raw transactions of the same shape / engine on SQLite ──

/** Record the round trips one call of `fn` makes on the libpq connection `pq`. */
async function record(pq, fn) {
  const names = new Map();
  const trips = [];
  const wrap = (m, f) => (pq[m] = (...a) => {
    if (m === 'prepare') names.set(a[0], a[1]);
    else trips.push(m === 'exec' ? { exec: a[0] } : { sql: names.get(a[0]) ?? a[0] });
    return f.apply(pq, a);
  });
  const methods = ['exec', 'execParams', 'execPrepared', 'prepare'];
  for (const m of methods) wrap(m, pq[m]);
  try {
    await fn();
  } finally {
    for (const m of methods) delete pq[m]; // back to the prototype's
  }
  return trips;
}

/**
 * The raw replay of a recorded lifecycle: per statement its kind and table, and the key it
 * works on (the lifecycle's own rows once it has inserted into that table, else a seeded row).
 */
function rawPlan(trips, engineStatements) {
  const sqlOf = new Map([...engineStatements].map((s) => [s.name, s.text]));
  const steps = [];
  const inserted = new Set();
  const tables = new Set();
  const counts = { SELECT: 0, INSERT: 0, UPDATE: 0, DELETE: 0 };
  let txs = 0;
  for (const t of trips) {
    if (t.exec !== undefined) {
      const s = t.exec.trim();
      if (/^BEGIN/i.test(s)) (steps.push({ exec: 'BEGIN' }), txs++);
      else if (/^COMMIT/i.test(s)) steps.push({ exec: 'COMMIT' });
      else if (/pg_advisory_xact_lock/.test(s)) steps.push({ exec: 'SELECT pg_advisory_xact_lock(1651405172)' }); // another key: "bent"
      else throw new Error(`postgres: unexpected plain statement in a lifecycle: ${s.slice(0, 80)}`);
      continue;
    }
    const sql = sqlOf.get(t.sql) ?? t.sql;
    const kind = /^\s*(WITH|SELECT)\b/i.test(sql) ? 'SELECT' : /^\s*INSERT\b/i.test(sql) ? 'INSERT' : /^\s*UPDATE\b/i.test(sql) ? 'UPDATE' : /^\s*DELETE\b/i.test(sql) ? 'DELETE' : null;
    if (!kind) throw new Error(`postgres: unexpected statement in a lifecycle: ${sql.slice(0, 80)}`);
    const table = (kind === 'INSERT' ? /INSERT\s+INTO\s+"?(\w+)/i : kind === 'UPDATE' ? /UPDATE\s+"?(\w+)/i : /\bFROM\s+"?(\w+)/i).exec(sql)?.[1] ?? 'misc';
    counts[kind]++;
    tables.add(table);
    steps.push({ kind, table, returning: /\bRETURNING\b/i.test(sql), own: inserted.has(table) });
    if (kind === 'INSERT') inserted.add(table);
  }
  return { steps, tables: [...tables], counts, txs, trips: trips.length };
}

async function lifecycles({ quick, tmp, log, url, notes, own }) {
  const pg = Engine.open({ dbPath: url, dataDir: tmp('postgres-data-') });
  const sq = Engine.open({ dataDir: tmp('postgres-sqlite-') });
  const pgLifecycle = lifecycleOn(pg);
  const sqLifecycle = lifecycleOn(sq);
  const { perSample: n, samples: rounds, warmup } = lifecycleSampling(quick);
  for (let i = 0; i < warmup; i++) (await pgLifecycle(), await sqLifecycle());

  // The shape of one lifecycle on PostgreSQL, and its replay as raw statements.
  const pq = pg.db.pq;
  const trips = await record(pq, pgLifecycle);
  const plan = rawPlan(trips, pg.db.statements.values());
  const payload = 'x'.repeat(200);
  for (const t of plan.tables) {
    pq.exec(`CREATE TABLE bench_raw_${t} (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, k TEXT NOT NULL, v TEXT, n BIGINT NOT NULL, at BIGINT NOT NULL);
      CREATE INDEX bench_raw_${t}_k ON bench_raw_${t}(k); INSERT INTO bench_raw_${t} (k, v, n, at) VALUES ('seed', '${payload}', 0, 0)`);
    checkPq(pq, 'raw tables');
  }
  const prepared = new Map();
  const stmtName = (s) => {
    const sql = s.kind === 'SELECT' ? `SELECT id, k, v, n, at FROM bench_raw_${s.table} WHERE k = $1 LIMIT 1`
      : s.kind === 'INSERT' ? `INSERT INTO bench_raw_${s.table} (k, v, n, at) VALUES ($1, $2, 0, $3)${s.returning ? ' RETURNING id' : ''}`
      : s.kind === 'UPDATE' ? `UPDATE bench_raw_${s.table} SET n = n + 1, at = $2 WHERE k = $1`
      : `DELETE FROM bench_raw_${s.table} WHERE k = $1`;
    let name = prepared.get(sql);
    if (!name) {
      name = `bench_raw_${prepared.size + 1}`;
      pq.prepare(name, sql, (sql.match(/\$\d/g) ?? []).length);
      checkPq(pq, sql);
      prepared.set(sql, name);
    }
    return name;
  };
  const steps = plan.steps.map((s) => (s.exec ? s : { ...s, name: stmtName(s) }));
  const rawLifecycle = () => {
    const key = randomUUID();
    const at = String(Date.now());
    for (const s of steps) {
      if (s.exec) pq.exec(s.exec);
      else {
        const k = s.own ? key : 'seed';
        pq.execPrepared(s.name, s.kind === 'INSERT' ? [key, payload, at] : s.kind === 'UPDATE' ? [k, at] : [k]);
      }
      checkPq(pq, s.exec ?? s.name);
    }
  };
  for (let i = 0; i < warmup; i++) rawLifecycle();

  // One round trip, for the notes: the floor under every statement.
  pq.prepare('bench_rtt', 'SELECT 1', 0);
  const rtt = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (let i = 0; i < 400; i++) pq.execPrepared('bench_rtt', []);
    rtt.push(((performance.now() - t) / 400) * 1000);
  }
  pq.exec('SELECT pg_backend_pid()');
  const backend = Number(pq.getvalue(0, 0));
  const cpu = { client: 0, server: 0, wall: 0, n: 0 };
  // CPU time of this connection's backend (utime + stime, in 10 ms ticks): only for our own cluster.
  const serverTicks = () => {
    if (!own) return NaN;
    try { const f = readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1].split(' '); return Number(f[11]) + Number(f[12]); } catch { return NaN; }
  };

  const samples = await interleave(rounds, {
    pg: async () => {
      const c0 = process.cpuUsage(), s0 = serverTicks(), t = performance.now();
      for (let i = 0; i < n; i++) await pgLifecycle();
      const wall = performance.now() - t, c = process.cpuUsage(c0);
      Object.assign(cpu, { client: cpu.client + (c.user + c.system) / 1000, server: cpu.server + (serverTicks() - s0) * 10, wall: cpu.wall + wall, n: cpu.n + n });
      return (n / wall) * 1000;
    },
    raw: async () => {
      const t = performance.now();
      for (let i = 0; i < n; i++) rawLifecycle();
      return (n / (performance.now() - t)) * 1000;
    },
    sqlite: async () => {
      const t = performance.now();
      for (let i = 0; i < n; i++) await sqLifecycle();
      return (n / (performance.now() - t)) * 1000;
    },
  });
  for (const e of [pg, sq]) {
    const bad = e.checkInvariants();
    if (bad.length) throw new Error(`ledger invariants broken after the postgres lifecycles: ${bad.join('; ')}`);
  }
  close(pg);
  close(sq);

  const c = plan.counts;
  const shape = `${plan.txs} write tx, ${plan.trips} round trips per lifecycle (BEGIN, advisory lock and COMMIT per tx; ${c.SELECT} SELECT, ${c.INSERT} INSERT, ${c.UPDATE} UPDATE${c.DELETE ? `, ${c.DELETE} DELETE` : ''})`;
  log(`postgres: ${n} lifecycles per sample; ${shape} on ${plan.tables.length} tables`);
  const ms = (x) => fmt(x / cpu.n);
  notes.push(`postgres lifecycles: ${shape}, replayed raw on ${plan.tables.length} tables (${plan.tables.join(', ')}) with a key index each; one round trip (a prepared SELECT 1) ${fmt(summarize(rtt).median)} µs, i.e. ≥ ${fmt((summarize(rtt).median * plan.trips) / 1000)} ms of a lifecycle is waiting for round trips; per lifecycle ${ms(cpu.wall)} ms wall, ${ms(cpu.client)} ms CPU in this process (engine + libpq), ${Number.isFinite(cpu.server) ? `${ms(cpu.server)} ms CPU in its PostgreSQL backend` : 'backend CPU not readable'}`);
  const pgs = summarize(samples.pg);
  return [
    row({ group: 'postgres', name: 'lifecycles/s in-process on PostgreSQL (post → accept → start → deliver → approve)', unit: '1/s', better: 'higher', target: null,
      value: pgs, base: summarize(samples.raw), baseName: `raw libpq, same connection, same shape: ${shape}` }),
    row({ group: 'postgres', name: 'lifecycles/s in-process: PostgreSQL against SQLite', unit: '1/s', better: 'higher', target: null,
      value: pgs, base: summarize(samples.sqlite), baseName: 'the same lifecycles on SQLite (WAL, synchronous=FULL), interleaved' }),
  ];
}

function checkPq(pq, what) {
  const st = pq.resultStatus();
  if (st !== 'PGRES_COMMAND_OK' && st !== 'PGRES_TUPLES_OK') throw new Error(`postgres raw statement failed (${what}): ${pq.resultErrorMessage() || pq.errorMessage()}`);
}

// ── reads at 1k and 1M jobs ──

async function reads({ quick, tmp, log, database, notes }) {
  const sizes = quick ? [1_000, 100_000] : [1_000, 1_000_000];
  const dbs = {};
  for (const n of sizes) {
    const t = performance.now();
    const g = generate(tmp(`postgres-${label(n)}-`), n, { log });
    const url = database(`jobs_${label(n).toLowerCase()}`);
    await loadFromSqlite(g.dbPath, url, { log });
    const pg = Engine.open({ dbPath: url, dataDir: tmp('postgres-data-') });
    const sq = Engine.open({ dbPath: g.dbPath });
    dbs[n] = { pg: { g, engine: pg, mp: pg.as(g.viewer.agent_id), i: 0 }, sq: { g, engine: sq, mp: sq.as(g.viewer.agent_id), i: 0 } };
    notes.push(`postgres ${label(n)} jobs: generated (gen-db.mjs) and loaded into PostgreSQL in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const [small, big] = sizes;
  const rows = [];
  for (const [name, op] of Object.entries(OPS)) {
    for (const n of sizes) for (const s of ['pg', 'sq']) for (let i = 0; i < 20; i++) await op(dbs[n][s], dbs[n][s].i++);
    const samples = await interleave(quick ? 7 : 15, {
      pgSmall: () => sample(op, dbs[small].pg, quick ? 15 : 30),
      pgBig: () => sample(op, dbs[big].pg, quick ? 15 : 30),
      sqBig: () => sample(op, dbs[big].sq, quick ? 15 : 30),
    });
    const pgBig = summarize(samples.pgBig);
    rows.push(row({ group: 'postgres', name: `${name} @ ${label(big)} jobs on PostgreSQL`, unit: 'µs', better: 'lower', target: big >= 1_000_000 ? 1.5 : null,
      value: pgBig, base: summarize(samples.pgSmall), baseName: `same on PostgreSQL @ ${label(small)} jobs` }));
    rows.push(row({ group: 'postgres', name: `${name} @ ${label(big)} jobs: PostgreSQL against SQLite`, unit: 'µs', better: 'lower', target: null,
      value: pgBig, base: summarize(samples.sqBig), baseName: `same on SQLite @ ${label(big)} jobs (the same generated database)` }));
  }
  for (const n of sizes) for (const s of ['pg', 'sq']) close(dbs[n][s].engine);
  return rows;
}

// ── several server processes on one database ──

class Worker {
  constructor(url, tag, dataDir) {
    this.child = spawn(process.execPath, [WORKER, url, tag, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.setEncoding('utf8').on('data', (c) => { this.stderr += c; });
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
  }
  async next() {
    const r = await this.lines.next();
    if (r.done) throw new Error(`postgres worker exited: ${this.stderr.slice(-2000)}`);
    return r.value;
  }
  async go(ms, what) {
    this.child.stdin.write(`go ${ms} ${what}\n`);
    return JSON.parse(await this.next());
  }
  async close() {
    this.child.stdin.end('exit\n');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    const code = await this.exited;
    clearTimeout(t);
    if (code !== 0) throw new Error(`postgres worker failed (${code}): ${this.stderr.slice(-2000)}`);
  }
}

async function concurrent({ quick, tmp, log, url, notes }) {
  const K = 3;
  close(Engine.open({ dbPath: url, dataDir: tmp('postgres-data-') })); // migrated once, before the workers
  const workers = Array.from({ length: K }, (_, i) => new Worker(url, `proc${i}`, tmp(`postgres-proc${i}-`)));
  try {
    for (const w of workers) if ((await w.next()) !== 'ready') throw new Error('postgres worker did not start');
    const ms = quick ? 1000 : 2000;
    const rate = (rs) => rs.reduce((a, r) => a + (r.n / r.ms) * 1000, 0);
    const rows = [];
    for (const [what, name, unit] of [['lifecycle', 'lifecycles/s', '1/s'], ['read', 'get_job calls/s', 'calls/s']]) {
      const samples = await interleave(quick ? 5 : 9, {
        one: async () => rate([await workers[0].go(ms, what)]),
        three: async () => rate(await Promise.all(workers.map((w) => w.go(ms, what)))),
      });
      rows.push(row({ group: 'postgres', name: `${name}, ${K} processes on one PostgreSQL database${what === 'lifecycle' ? ' (writers serialize on one advisory lock)' : ' (reads take no lock)'}`,
        unit, better: 'higher', target: null, value: summarize(samples.three), base: summarize(samples.one), baseName: '1 process on the same database' }));
    }
    log(`postgres: ${K} processes, ${ms} ms per sample`);
    notes.push(`postgres ${K} processes: every write transaction takes the same advisory lock (src/engine/pg.ts), so writers on one database run one at a time whatever the number of servers; the engine does an operation's work inside its transaction, so for lifecycles ${K} processes add little but waiting for the lock. Reads (REPEATABLE READ snapshots) take no lock and run side by side. On this ${availableParallelism()}-CPU machine the ${K} processes and their ${K} backends share the cores`);
    return rows;
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}
