import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, POSTGRES_AFTER, postgresDdl } from './migrations.js';
import { PgDatabase, isPostgresUrl } from './pg.js';

export type Dialect = 'sqlite' | 'postgres';
/**
 * The marketplace database: better-sqlite3's interface, on SQLite or (PgDatabase, src/engine/pg.ts)
 * on PostgreSQL. `dialect` says which, for the few places whose SQL differs.
 */
export type DB = Database.Database & { readonly dialect: Dialect };

/**
 * Open (and migrate) the marketplace database: a file path (SQLite), ':memory:', or a
 * `postgres://` URL (PostgreSQL, docs/scaling.md).
 */
export function openDb(location: string, opts: { migrate?: boolean } = {}): DB {
  const db = isPostgresUrl(location) ? new PgDatabase(location) as unknown as DB : openSqlite(location);
  if (opts.migrate !== false) migrateDb(db);
  return db;
}

/** Bring a database's schema up to this code's version (several processes may try at once: one does it). */
export function migrateDb(db: DB) {
  if (db.dialect === 'postgres') migratePostgres(db as unknown as PgDatabase);
  else migrate(db);
}

/** Where a database is: its file, or its PostgreSQL URL (with the password: for opening another connection). */
export const locationOf = (db: DB): string => db.dialect === 'postgres' ? (db as unknown as PgDatabase).url : db.name;

/** The schema version a database is at, and the version this code knows. */
export function schemaVersion(db: DB): { at: number; latest: number } {
  const pg = db as unknown as PgDatabase;
  const at = db.dialect === 'sqlite' ? (db.pragma('user_version', { simple: true }) as number)
    : pg.query<{ t: string | null }>("SELECT to_regclass('voxpact_schema')::text t")[0].t === null ? 0
    : pg.query<{ version: number }>('SELECT version FROM voxpact_schema')[0]?.version ?? 0;
  return { at, latest: MIGRATIONS.length };
}

function migratePostgres(db: PgDatabase) {
  db.transaction(() => {
    db.exec(`SELECT pg_advisory_xact_lock(${0x766f786d})`); // "voxm": one migrating process at a time
    db.exec('CREATE TABLE IF NOT EXISTS voxpact_schema (version INTEGER NOT NULL); INSERT INTO voxpact_schema SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM voxpact_schema)');
    const version = db.query<{ version: number }>('SELECT version FROM voxpact_schema')[0].version;
    if (version > MIGRATIONS.length) throw new Error(`the database at ${db.name} is at schema version ${version}, newer than this server's ${MIGRATIONS.length}: upgrade voxpact-mcp`);
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.exec(postgresDdl(MIGRATIONS[v]));
      if (POSTGRES_AFTER[v]) db.exec(POSTGRES_AFTER[v]);
      db.exec(`UPDATE voxpact_schema SET version = ${v + 1}`);
    }
  }).deferred();
}

/**
 * SQLite: WAL lets several processes — two stdio servers
 * started by two clients — read while one writes; synchronous=FULL makes a committed payment
 * survive power loss; the busy timeout makes writers queue instead of failing.
 */
function openSqlite(path: string): DB {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = Object.defineProperty(new Database(path), 'dialect', { value: 'sqlite' }) as DB;
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // The commit that takes the WAL past this many pages also checkpoints it (copies the pages
  // into the database file, fsyncs it). A job lifecycle writes ~100 pages, so at SQLite's
  // default of 1000 one lifecycle in ten paid for a checkpoint (~6 % of all fsyncs); at 4000
  // (a 16 MiB WAL, still one wal-index hash segment) the same pages are copied less often.
  db.pragma('wal_autocheckpoint = 4000');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  cacheStatements(db);
  return db;
}

/** Distinct SQL texts kept prepared per connection (SQL built from variable parts has few shapes). */
const STATEMENT_CACHE_MAX = 500;

/**
 * better-sqlite3 statements are reusable, and preparing costs more than running most of ours:
 * `db.prepare(sql)` answers from a per-connection cache keyed by the SQL text (oldest dropped
 * beyond STATEMENT_CACHE_MAX). A statement is shared by every caller of the same SQL: each one
 * gets it back in the default row mode (a `pluck()`/`raw()`/`expand()` of an earlier caller is
 * undone), but never `bind()` one or hold an `iterate()` open across another use of its SQL.
 */
function cacheStatements(db: DB) {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let stmt = cache.get(sql);
    if (stmt === undefined) {
      stmt = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_MAX) cache.delete(cache.keys().next().value as string);
      cache.set(sql, stmt);
    } else if (stmt.reader) {
      stmt.pluck(false).raw(false).expand(false);
    }
    return stmt;
  }) as DB['prepare'];
}

/**
 * Rows as objects made in JS. better-sqlite3 builds a row object through V8's API one property
 * at a time (a name lookup and a hidden-class transition per column): for a 33-column job row
 * that costs more than the query itself, and it was ~9 % of a stdio `get_job` call's CPU. These
 * read the statement in raw mode (arrays) and make each array an object with one object literal
 * compiled from the statement's column names: the same keys in the same order (a later column of
 * the same name wins, as in better-sqlite3), about half the cost, and objects that share a shape.
 * For the wide rows read on every call (jobs); the statement comes from `db.prepare` as usual.
 */
export function getRow<T>(stmt: Database.Statement, ...params: unknown[]): T | undefined {
  const r = stmt.raw(true).get(...params) as unknown[] | undefined;
  return r === undefined ? undefined : (rowBuilder(stmt, r.length)(r) as T);
}

export function allRows<T>(stmt: Database.Statement, ...params: unknown[]): T[] {
  const rows = stmt.raw(true).all(...params) as unknown[][];
  return rows.length ? (rows.map(rowBuilder(stmt, rows[0].length)) as T[]) : [];
}

type RowBuilder = ((r: unknown[]) => unknown) & { width: number };
const rowBuilders = new WeakMap<Database.Statement, RowBuilder>();
function rowBuilder(stmt: Database.Statement, width: number): RowBuilder {
  let build = rowBuilders.get(stmt);
  // A `*` gains columns when another process migrates the schema: rebuild from the new columns.
  if (build?.width !== width) {
    const names = stmt.columns().map((c) => c.name);
    if (names.includes('__proto__')) throw new Error('a column named __proto__ cannot be read as an object key');
    // The names are quoted by JSON.stringify: column names are data here, never code.
    build = Object.assign(new Function('r', `return { ${names.map((n, i) => `${JSON.stringify(n)}: r[${i}]`).join(', ')} };`) as (r: unknown[]) => unknown, { width: names.length });
    rowBuilders.set(stmt, build);
  }
  return build;
}

function migrate(db: DB) {
  if ((db.pragma('user_version', { simple: true }) as number) > MIGRATIONS.length) throw new Error(`the database at ${db.name} is at schema version ${db.pragma('user_version', { simple: true })}, newer than this server's ${MIGRATIONS.length}: upgrade voxpact-mcp`);
  // BEGIN IMMEDIATE so two processes opening a fresh file do not both migrate it.
  const run = db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    }
  });
  run.immediate();
}

/**
 * One transaction function per connection, reused for every operation: building one with
 * `db.transaction(fn)` costs more than a short read. It runs the function it is given; nested
 * calls become savepoints as with any better-sqlite3 transaction.
 */
const runners = new WeakMap<DB, Database.Transaction<(fn: () => unknown) => unknown>>();
function runner(db: DB) {
  let r = runners.get(db);
  if (!r) runners.set(db, (r = db.transaction((fn: () => unknown) => fn())));
  return r;
}

/** Run `fn` as one write transaction (BEGIN IMMEDIATE: take the write lock up front). */
export function writeTx<T>(db: DB, fn: () => T): T {
  return runner(db).immediate(fn) as T;
}

/** Run `fn` as one deferred (read) transaction: one consistent WAL snapshot for all its queries. */
export function readTx<T>(db: DB, fn: () => T): T {
  return runner(db).deferred(fn) as T;
}
