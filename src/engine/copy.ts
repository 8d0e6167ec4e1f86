/**
 * Move a marketplace from one database into another, empty one — in practice an SQLite file into
 * PostgreSQL (`voxpact-mcp db copy --to postgres://…`, docs/scaling.md). Both are first brought
 * to the same schema version; the source's ledger must be exact before anything is written;
 * every row of every table is copied in one transaction of the target, with its rowid (ties in
 * ordering and the full-text rows depend on it); the full-text index is rebuilt by the engine's
 * own indexing functions (SQLite's index is contentless: it cannot be read back); identity
 * counters continue after the copied rows; then the target's ledger is checked and its row counts
 * and balances compared with the source's. Anything wrong: the transaction rolls back and the
 * target stays empty.
 */
import type { Clock } from '../clock.js';
import type { DB } from './db.js';
import { schemaVersion, writeTx } from './db.js';
import { checkInvariants } from './ledger.js';
import { indexAgent } from './accounts.js';
import { indexOpenJob } from './jobs.js';

export type CopyReport = { tables: Record<string, number>; rows: number; ledger: { before: string[]; after: string[] }; balances: number };

/** Tables that are indexes of others, rebuilt rather than copied; the store's own bookkeeping. */
const NOT_COPIED = new Set(['agents_fts', 'jobs_fts', 'voxpact_schema']);
/** Rows per INSERT statement. */
const BATCH = 200;

function tablesInOrder(db: DB): string[] {
  // Creation order: a table is created after the tables its foreign keys name.
  const rows = db.dialect === 'sqlite'
    ? db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid").all()
    : db.prepare("SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.oid").all();
  return (rows as { name: string }[]).map((r) => r.name).filter((t) => !NOT_COPIED.has(t) && !/_fts_/.test(t));
}

/** Columns of `table` a copy writes: not generated ones. `rowid`: the table has one (SQLite's implicit, PostgreSQL's column). */
function columnsOf(db: DB, table: string): { cols: string[]; rowid: boolean } {
  if (db.dialect === 'sqlite') {
    const cols = (db.prepare(`SELECT name, pk, type FROM pragma_table_xinfo(?) WHERE hidden = 0`).all(table) as { name: string; pk: number; type: string }[]);
    const withoutRowid = /WITHOUT ROWID/i.test((db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(table) as { sql: string }).sql);
    const integerPk = cols.filter((c) => c.pk).length === 1 && cols.some((c) => c.pk && /^INTEGER$/i.test(c.type));
    return { cols: cols.map((c) => c.name), rowid: !withoutRowid && !integerPk };
  }
  const cols = db.prepare(`SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position`).all(table) as { name: string }[];
  return { cols: cols.map((c) => c.name).filter((c) => c !== 'rowid'), rowid: cols.some((c) => c.name === 'rowid') };
}

const balancesOf = (db: DB) => JSON.stringify(db.prepare('SELECT account, balance_cents FROM balances ORDER BY account').all());

/**
 * Copy everything in `source` into `target` (a PostgreSQL database, empty, both at this code's
 * schema version). `clock`: the engine context's, for the indexing functions. `say` hears progress.
 */
export function copyDatabase(source: DB, target: DB, clock: Clock, say: (line: string) => void = () => {}): CopyReport {
  if (target.dialect !== 'postgres') throw new Error('the target of a copy is a PostgreSQL database (postgres://…)');
  const sv = schemaVersion(source), tv = schemaVersion(target);
  if (sv.at !== sv.latest || tv.at !== tv.latest) throw new Error(`both databases must be at schema version ${sv.latest} (source ${sv.at}, target ${tv.at}): open each once with this version (voxpact-mcp db migrate)`);
  const before = checkInvariants(source);
  if (before.length) throw new Error(`the source's ledger is not exact; nothing was copied:\n  ${before.join('\n  ')}`);
  const tables = tablesInOrder(source);
  const targetTables = new Set(tablesInOrder(target));
  for (const t of ['agents', 'jobs', 'ledger_txns']) {
    if (target.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get()) throw new Error(`the target is not empty (its ${t} table has rows): copy into a new database`);
  }
  const report: CopyReport = { tables: {}, rows: 0, ledger: { before, after: [] }, balances: 0 };
  writeTx(target, () => {
    // The webhook outbox trigger would queue a delivery for every copied event: the copy brings
    // the deliveries themselves.
    target.exec('ALTER TABLE events DISABLE TRIGGER events_webhook_outbox');
    for (const table of tables) {
      if (!targetTables.has(table)) throw new Error(`the target has no table ${table}`);
      const s = columnsOf(source, table), t = columnsOf(target, table);
      const missing = s.cols.filter((c) => !t.cols.includes(c));
      if (missing.length) throw new Error(`the target's ${table} has no column ${missing.join(', ')}`);
      const cols = [...s.cols, ...(s.rowid && t.rowid ? ['rowid'] : [])];
      const read = source.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}"${s.rowid ? ' ORDER BY rowid' : ''}`).raw(true);
      const tuple = `(${cols.map(() => '?').join(', ')})`;
      const insert = (chunk: unknown[][]) =>
        target.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`).run(...chunk.flat());
      let n = 0, chunk: unknown[][] = [];
      // SQLite streams the rows (a table may not fit in memory); another PostgreSQL reads them whole.
      for (const row of (source.dialect === 'sqlite' ? read.iterate() : read.all()) as Iterable<unknown[]>) {
        chunk.push(row);
        if (chunk.length === BATCH) (insert(chunk), (n += chunk.length), (chunk = []));
      }
      if (chunk.length) (insert(chunk), (n += chunk.length));
      report.tables[table] = n;
      report.rows += n;
      say(`  ${table}: ${n}`);
    }
    target.exec('ALTER TABLE events ENABLE TRIGGER events_webhook_outbox');
    // Identity counters continue after the copied rows.
    const ids = target.prepare(`SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`).all() as { t: string; c: string }[];
    for (const { t, c } of ids) target.prepare(`SELECT setval(pg_get_serial_sequence('"${t}"', '${c}'), COALESCE((SELECT MAX("${c}") FROM "${t}"), 0) + 1, false)`).get();
    // The full-text rows, by the engine's own rules: every active agent; every job on the open board.
    const ctx = { db: target, clock };
    const agents = source.prepare("SELECT id FROM agents WHERE rowid IN (SELECT rowid FROM agents_fts)").all() as { id: string }[];
    for (const a of agents) indexAgent(ctx, a.id);
    const open = source.prepare('SELECT id FROM jobs WHERE rowid IN (SELECT rowid FROM jobs_fts)').all() as { id: string }[];
    target.prepare('DELETE FROM jobs_fts').run();
    for (const j of open) indexOpenJob(ctx, j.id);
    say(`  full-text index: ${agents.length} agents, ${open.length} open jobs`);

    report.ledger.after = checkInvariants(target);
    if (report.ledger.after.length) throw new Error(`the copy's ledger is not exact; nothing was copied:\n  ${report.ledger.after.join('\n  ')}`);
    if (balancesOf(source) !== balancesOf(target)) throw new Error('the copy\'s balances differ from the source\'s; nothing was copied');
    for (const table of tables) {
      const n = (target.prepare(`SELECT COUNT(*) n FROM "${table}"`).get() as { n: number }).n;
      if (n !== report.tables[table]) throw new Error(`the copy's ${table} has ${n} rows, the source ${report.tables[table]}; nothing was copied`);
    }
    report.balances = (target.prepare('SELECT COUNT(*) n FROM balances').get() as { n: number }).n;
  });
  return report;
}
