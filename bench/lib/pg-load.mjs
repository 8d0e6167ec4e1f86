// Moves a database made by bench/gen-db.mjs (SQLite) into an empty PostgreSQL database, fast, so
// both stores are measured on the same generated marketplace. `voxpact-mcp db copy` cannot be
// used: it refuses a source whose ledger is not exact, and the generated escrow balances have no
// ledger entries behind them (the growth reads never look at the ledger); it also inserts 200
// rows per statement. Here: the schema by the engine's own migrations (openDb), every table's
// rows with COPY … FROM STDIN (triggers and foreign-key checks off for the load, the secondary
// indexes of the big tables dropped and rebuilt from their own definitions after, as gen-db does
// on SQLite), identity counters moved past the copied rows, the full-text rows written by the
// engine's own indexing functions (SQLite's FTS5 tables are contentless: they cannot be read
// back), then VACUUM ANALYZE (a settled database: statistics and visibility map, as autovacuum
// leaves a live one) and a CHECKPOINT.
import Database from 'better-sqlite3';
import { openDb, writeTx } from '../../dist/src/engine/db.js';
import { indexAgent } from '../../dist/src/engine/accounts.js';
import { indexOpenJob } from '../../dist/src/engine/jobs.js';
import { systemClock } from '../../dist/src/clock.js';

/**
 * Close a PostgreSQL connection and let the event loop turn twice before dropping it: libpq's
 * binding (1.11) closes the connection's uv_poll handle in `finish()` and unrefs its object at
 * once; if a GC collects the object before libuv has run the handle's close, node aborts
 * (uv__finish_close assertion). Synchronous code that closes a connection and goes on
 * allocating (the next database's load) hits that.
 */
export async function closePg(db) {
  db.close();
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
  return db;
}

const NOT_COPIED = new Set(['agents_fts', 'jobs_fts']);
/** Tables with more rows than this get their secondary indexes rebuilt after the load. */
const REBUILD_ABOVE = 20_000;

/** One value in COPY's text format. */
function copyText(v) {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function check(pq, what) {
  const st = pq.resultStatus();
  if (st === 'PGRES_FATAL_ERROR' || st === 'PGRES_BAD_RESPONSE') throw new Error(`${what}: ${pq.resultErrorMessage() || pq.errorMessage()}`);
}

/** Stream `rows` (arrays) into `table (cols)` with one COPY. */
function copyRows(pq, table, cols, rows) {
  pq.exec(`COPY "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) FROM STDIN`);
  if (pq.resultStatus() !== 'PGRES_COPY_IN') throw new Error(`COPY ${table}: ${pq.resultErrorMessage() || pq.errorMessage()}`);
  let buf = '';
  let n = 0;
  for (const r of rows) {
    buf += r.map(copyText).join('\t') + '\n';
    n++;
    if (buf.length > 1 << 20) {
      if (pq.putCopyData(Buffer.from(buf)) !== 1) throw new Error(`COPY ${table}: ${pq.errorMessage()}`);
      buf = '';
    }
  }
  if (buf && pq.putCopyData(Buffer.from(buf)) !== 1) throw new Error(`COPY ${table}: ${pq.errorMessage()}`);
  if (pq.putCopyEnd() !== 1) throw new Error(`COPY ${table}: ${pq.errorMessage()}`);
  while (pq.getResult()) check(pq, `COPY ${table}`);
  return n;
}

export async function loadFromSqlite(sqlitePath, url, { log = () => {} } = {}) {
  const t0 = performance.now();
  const src = new Database(sqlitePath, { readonly: true });
  const db = openDb(url); // the engine's migrations: the same schema a server would make
  const pq = db.pq;
  db.exec("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET session_replication_role = replica");
  const pgTables = new Set(db.query("SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'").map((r) => r.name));
  const pgCols = (t) => db.query('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND is_generated = \'NEVER\'', [t]).map((r) => r.name);
  const tables = src.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid").all()
    .filter((t) => !NOT_COPIED.has(t.name) && !/_fts_/.test(t.name) && pgTables.has(t.name));
  const counts = {};
  db.exec('BEGIN');
  for (const { name, sql } of tables) {
    const n = src.prepare(`SELECT COUNT(*) n FROM "${name}"`).get().n;
    if (!n) continue;
    const cols = src.prepare('SELECT name, pk, type FROM pragma_table_xinfo(?) WHERE hidden = 0').all(name);
    const integerPk = cols.filter((c) => c.pk).length === 1 && cols.some((c) => c.pk && /^INTEGER$/i.test(c.type));
    const target = pgCols(name);
    const withRowid = !/WITHOUT ROWID/i.test(sql) && !integerPk && target.includes('rowid');
    const names = [...cols.map((c) => c.name).filter((c) => target.includes(c)), ...(withRowid ? ['rowid'] : [])];
    // Secondary indexes (not those behind a primary key or unique constraint) of a big table: rebuilt after.
    const rebuild = n > REBUILD_ABOVE ? db.query(`SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`, [name]) : [];
    for (const ix of rebuild) db.exec(`DROP INDEX "${ix.name}"`);
    const read = src.prepare(`SELECT ${names.map((c) => `"${c}"`).join(', ')} FROM "${name}"${withRowid ? ' ORDER BY rowid' : ''}`).raw(true);
    counts[name] = copyRows(pq, name, names, read.iterate());
    for (const ix of rebuild) db.exec(ix.def);
  }
  db.exec('COMMIT');
  db.exec('SET session_replication_role = origin');
  // Identity counters continue after the copied rows (as `db copy` leaves them).
  for (const { t, c } of db.query("SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
    db.query(`SELECT setval(pg_get_serial_sequence('"${t}"', '${c}'), COALESCE((SELECT MAX("${c}") FROM "${t}"), 0) + 1, false)`);
  }
  // The full-text rows, by the engine's own rules: the agents and open jobs gen-db indexed.
  const ctx = { db, clock: systemClock() };
  const agents = src.prepare('SELECT id FROM agents WHERE rowid IN (SELECT rowid FROM agents_fts)').pluck().all();
  const open = src.prepare('SELECT id FROM jobs WHERE rowid IN (SELECT rowid FROM jobs_fts)').pluck().all();
  writeTx(db, () => {
    db.prepare('DELETE FROM agents_fts').run();
    db.prepare('DELETE FROM jobs_fts').run();
    for (const id of agents) indexAgent(ctx, id);
    for (const id of open) indexOpenJob(ctx, id);
  });
  db.exec('VACUUM ANALYZE');
  // Write the pages the load dirtied out now, not in the checkpoint the load's WAL
  // would bring on minutes later, in the middle of the measurements that follow.
  db.exec('CHECKPOINT');
  src.close();
  await closePg(db);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  log(`  loaded into PostgreSQL: ${rows.toLocaleString('en-US')} rows of ${Object.keys(counts).length} tables, full-text rows for ${agents.length} agents and ${open.length} open jobs, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return counts;
}
