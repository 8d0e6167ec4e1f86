/**
 * The engine's PostgreSQL store: the same synchronous statement interface the engine uses on
 * SQLite (better-sqlite3's `prepare / run / get / all / raw / columns`, `exec`, `transaction`),
 * over one libpq connection per process (the `libpq` package: Node bindings of PostgreSQL's own
 * client library, with synchronous calls). Keeping the interface synchronous is what lets one
 * engine serve both stores: every rule, transition and ledger posting is the same code, and a
 * transaction is still one uninterrupted function call, never interleaved with another request
 * of the same process.
 *
 * Concurrency between processes (docs/scaling.md): a write transaction (`immediate`, as the
 * engine's `writeTx` asks for) takes one transaction-scoped advisory lock before its first
 * statement, so writers run one at a time across every server on the database, as they do on
 * SQLite (BEGIN IMMEDIATE) — each reads the state the previous one committed, and every
 * one-winner race and ledger invariant reasoned about for SQLite holds unchanged. Reads
 * (`deferred`) run at REPEATABLE READ: one snapshot, never waiting for a writer. A server killed
 * mid-transaction drops its connection; PostgreSQL rolls the transaction back and frees the lock.
 *
 * The engine's SQL is written once, in the subset both dialects share; `translate` turns the
 * few SQLite spellings left (placeholders, casts) into PostgreSQL's when a statement is first
 * prepared. Where the dialects really differ (full-text search, the schema's DDL) the two
 * versions sit side by side at the place that needs them (`db.dialect`).
 */
import { createRequire } from 'node:module';

/** The part of libpq's binding used here (node_modules/libpq/index.js). */
type PQ = {
  connectSync(url: string): void;
  exec(sql: string): void;
  execParams(sql: string, params: (string | null)[]): void;
  prepare(name: string, sql: string, nParams: number): void;
  execPrepared(name: string, params: (string | null)[]): void;
  resultStatus(): string;
  resultErrorMessage(): string;
  resultErrorFields(): { sqlState?: string; messagePrimary?: string; detail?: string; constraint?: string } | undefined;
  errorMessage(): string;
  ntuples(): number;
  transactionStatus(): number;
  nfields(): number;
  fname(i: number): string;
  ftype(i: number): number;
  getvalue(r: number, c: number): string;
  getisnull(r: number, c: number): boolean;
  cmdTuples(): string;
  finish(): void;
  escapeIdentifier(s: string): string;
};

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

/** The advisory lock every write transaction takes (one writer at a time, as on SQLite). */
export const WRITE_LOCK = 0x766f7870; // "voxp"

/** A PostgreSQL error, with its SQLSTATE (`code`) as PostgreSQL reports it. */
export class PgError extends Error {
  declare readonly sql: string;
  constructor(message: string, readonly code: string | undefined, sql = '') {
    super(message);
    Object.defineProperty(this, 'sql', { value: sql, enumerable: false }); // long: kept out of logs and test reports
  }
}

let loaded: (new () => PQ) | null = null;
function libpq(): new () => PQ {
  if (loaded) return loaded;
  try {
    loaded = createRequire(import.meta.url)('libpq') as new () => PQ;
    return loaded;
  } catch (e) {
    throw new Error(`VOXPACT_DATABASE_URL is a PostgreSQL URL, but the libpq package is not installed (${(e as Error).message.split('\n')[0]}). ` +
      'Install Debian\'s libpq-dev (the client library headers) and run npm install again: libpq is an optional dependency built against it (docs/scaling.md).');
  }
}

type Run = { changes: number; lastInsertRowid: number };
type Column = { name: string };

/** A statement: translated once, prepared on the server once per connection, run many times. */
export class PgStatement {
  readonly text: string;
  /** For each $n: the index of the positional argument, or the name of a named one. */
  private readonly slots: (number | string)[];
  /** The connection generation it was prepared on (PgDatabase.generation; 0: not prepared). */
  private prepared = 0;
  private rawMode = false;
  private cols: Column[] = [];
  /** Whether it returns rows (known once it has run; a SELECT or a RETURNING). */
  reader: boolean;

  constructor(private readonly db: PgDatabase, readonly source: string, private readonly name: string) {
    const t = translate(source);
    this.text = t.text;
    this.slots = t.slots;
    this.reader = /^\s*(SELECT|WITH|VALUES)\b|\bRETURNING\b/i.test(source);
    this.readOnly = /^\s*SELECT\b/i.test(source) && !/\bFOR\s+UPDATE\b/i.test(source);
  }

  /** A plain SELECT: sending it twice does nothing twice. */
  private readonly readOnly: boolean;

  raw(on = true) { this.rawMode = on; return this; }
  /** The first column's value instead of the row (better-sqlite3's pluck). */
  pluck(on = true) { this.plucked = on; return this; }
  private plucked = false;
  expand(on = true) { if (on) throw new Error('expand() is not supported on PostgreSQL'); return this; }
  columns(): Column[] { return this.cols; }

  run(...args: unknown[]): Run {
    this.execute(args);
    return { changes: Number(this.db.pq.cmdTuples() || 0), lastInsertRowid: NaN };
  }

  get(...args: unknown[]): unknown {
    this.execute(args);
    return this.db.pq.ntuples() ? this.row(0) : undefined;
  }

  all(...args: unknown[]): unknown[] {
    this.execute(args);
    const n = this.db.pq.ntuples();
    const rows = new Array(n);
    for (let r = 0; r < n; r++) rows[r] = this.row(r);
    return rows;
  }

  /** Reset by the statement cache each time it hands the statement out (as on SQLite). */
  reset() { this.rawMode = false; this.plucked = false; }

  private bind(args: unknown[]): (string | null)[] {
    const named = args.length === 1 && isPlainObject(args[0]) ? args[0] as Record<string, unknown> : null;
    return this.slots.map((s) => toParam(typeof s === 'number' ? args[s] : named ? named[s] : undefined));
  }

  private execute(args: unknown[], retried = false): void {
    const db = this.db;
    const params = this.bind(args);
    // Outside a transaction, a statement that failed because the connection was lost is sent
    // again on a new one when that cannot do anything twice: its preparation, or a lone read.
    const again = () => !retried && !db.inTransaction && !db.reconnectIfLost();
    if (this.prepared !== db.generation) {
      try {
        db.pq.prepare(this.name, this.text, params.length);
        db.check(this.text);
      } catch (e) {
        if (again()) return this.execute(args, true);
        throw e;
      }
      this.prepared = db.generation;
    }
    const pq = db.pq;
    pq.execPrepared(this.name, params);
    const status = pq.resultStatus();
    if (status !== 'PGRES_TUPLES_OK' && status !== 'PGRES_COMMAND_OK') {
      const e = db.error(this.text);
      // Another process changed a table under a prepared `SELECT *`: prepare it again, once.
      if (e.code === '0A000' && /cached plan must not change result type/.test(e.message) && !retried) {
        this.prepared = 0;
        db.dropPrepared(this.name);
        return this.execute(args, true);
      }
      if (this.readOnly && again()) return this.execute(args, true);
      throw e;
    }
    const nf = pq.nfields();
    if (nf !== this.cols.length || (nf && this.cols[0].name !== pq.fname(0))) {
      this.cols = Array.from({ length: nf }, (_, i) => ({ name: pq.fname(i) }));
      this.types = Array.from({ length: nf }, (_, i) => pq.ftype(i));
    }
    this.reader = nf > 0;
  }

  private types: number[] = [];

  private row(r: number): unknown {
    const pq = this.db.pq;
    const n = this.types.length;
    if (this.plucked) return pq.getisnull(r, 0) ? null : fromText(pq.getvalue(r, 0), this.types[0]);
    if (this.rawMode) {
      const a = new Array(n);
      for (let c = 0; c < n; c++) a[c] = pq.getisnull(r, c) ? null : fromText(pq.getvalue(r, c), this.types[c]);
      return a;
    }
    const o: Record<string, unknown> = {};
    for (let c = 0; c < n; c++) o[this.cols[c].name] = pq.getisnull(r, c) ? null : fromText(pq.getvalue(r, c), this.types[c]);
    return o;
  }
}

const isPlainObject = (v: unknown) => v !== null && typeof v === 'object' && !Buffer.isBuffer(v) && !Array.isArray(v) && !(v instanceof Uint8Array);

function toParam(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`cannot store ${v} in PostgreSQL`);
    return String(v);
  }
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Uint8Array) return `\\x${Buffer.from(v).toString('hex')}`;
  throw new TypeError(`cannot bind a ${typeof v} to a PostgreSQL parameter`);
}

/**
 * Values as SQLite gives them to the engine: integers and decimals as numbers (BIGINT counts and
 * SUMs included: cents and epoch milliseconds are far below 2^53), booleans as 1/0 (SQLite has no
 * booleans, and the engine compares with 1), bytea as a Buffer, everything else as text.
 */
function fromText(v: string, type: number): unknown {
  switch (type) {
    case 20: case 21: case 23: case 26: case 700: case 701: case 1700: return Number(v);
    case 16: return v === 't' ? 1 : 0;
    case 17: return Buffer.from(v.slice(2), 'hex');
    default: return v;
  }
}

/**
 * SQLite spellings → PostgreSQL's, outside quoted text: `?` and `@name` placeholders become $n
 * (a name used twice is one $n); `CAST(… AS INTEGER/REAL)` become BIGINT / DOUBLE PRECISION (our
 * integers are 64-bit); a placeholder tested only for NULL gets a type (`$n::text IS NULL`:
 * PostgreSQL cannot infer one from `IS NULL`).
 */
export function translate(sql: string): { text: string; slots: (number | string)[] } {
  const slots: (number | string)[] = [];
  const byName = new Map<string, number>();
  let positional = 0;
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'" || ch === '"') {
      const end = closing(sql, i, ch);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end - 1;
    } else if (ch === '?') {
      slots.push(positional++);
      out += `$${slots.length}`;
    } else if (ch === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      let j = i + 1;
      while (j < sql.length && /\w/.test(sql[j])) j++;
      const name = sql.slice(i + 1, j);
      let n = byName.get(name);
      if (n === undefined) {
        slots.push(name);
        byName.set(name, (n = slots.length));
      }
      out += `$${n}`;
      i = j - 1;
    } else {
      out += ch;
    }
  }
  const text = aliasSubqueries(out)
    .replace(/\bAS\s+INTEGER\s*\)/gi, 'AS BIGINT)')
    .replace(/\bAS\s+REAL\s*\)/gi, 'AS DOUBLE PRECISION)')
    .replace(/(\$\d+)(\s+IS\s+(NOT\s+)?NULL\b)/gi, '$1::text$2')
    // SQLite's `a IS b` / `a IS NOT b` compare NULLs as equal values: PostgreSQL spells it so.
    .replace(/\bIS\s+NOT\s+(?!NULL\b|DISTINCT\b|TRUE\b|FALSE\b)/gi, 'IS DISTINCT FROM ')
    .replace(/\bIS\s+(?!NOT\b|NULL\b|DISTINCT\b|TRUE\b|FALSE\b)/gi, 'IS NOT DISTINCT FROM ');
  return { text, slots };
}

/** Words that may follow a subquery in FROM where an alias would be: PostgreSQL before 16 needs one there. */
const AFTER_SUBQUERY = /^\s*($|\)|,|ORDER\b|WHERE\b|GROUP\b|LIMIT\b|OFFSET\b|UNION\b|EXCEPT\b|INTERSECT\b|JOIN\b|LEFT\b|INNER\b|CROSS\b|HAVING\b|WINDOW\b)/i;

/** `FROM (SELECT …)` with no alias gets one (`AS _sN`); the SQL given has no quoted text left to confuse the parentheses. */
function aliasSubqueries(sql: string): string {
  let out = sql;
  let n = 0;
  for (let at = out.search(/\b(FROM|JOIN)\s*\(\s*SELECT\b/i); at !== -1; ) {
    const open = out.indexOf('(', at);
    let depth = 0, close = -1;
    for (let i = open; i < out.length; i++) {
      if (out[i] === '(') depth++;
      else if (out[i] === ')' && --depth === 0) { close = i; break; }
    }
    if (close === -1) break;
    if (AFTER_SUBQUERY.test(out.slice(close + 1))) out = `${out.slice(0, close + 1)} AS _s${++n}${out.slice(close + 1)}`;
    const next = out.slice(open + 1).search(/\b(FROM|JOIN)\s*\(\s*SELECT\b/i);
    at = next === -1 ? -1 : open + 1 + next;
  }
  return out;
}

function closing(sql: string, start: number, quote: string): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) { i++; continue; }
      return i;
    }
  }
  return sql.length - 1;
}

/** Most distinct statements kept prepared on one connection (SQL built from parts has few shapes). */
const STATEMENT_CACHE_MAX = 500;

type TxMode = 'deferred' | 'immediate';
type TxFn<F extends (...a: never[]) => unknown> = F & { deferred: F; immediate: F; exclusive: F };

export class PgDatabase {
  readonly dialect = 'postgres' as const;
  readonly memory = false;
  readonly readonly = false;
  /** The URL without its password (shown in logs and errors). */
  readonly name: string;
  pq!: PQ;
  /** Counts connections made: a statement prepared on an earlier one is prepared again. */
  generation = 0;
  private readonly statements = new Map<string, PgStatement>();
  private depth = 0;
  private locked = false;
  private seq = 0;
  private open = true;

  constructor(readonly url: string, private readonly lockKey = WRITE_LOCK) {
    this.name = redact(url);
    this.connect();
  }

  private connect() {
    const PQ = libpq();
    const pq = new PQ();
    try {
      pq.connectSync(this.url);
    } catch (e) {
      throw new Error(`cannot connect to PostgreSQL at ${this.name}: ${(e as Error).message.trim()}`);
    }
    this.pq = pq;
    this.generation++;
    // A writer that cannot get the lock in 10 s fails, as SQLite's busy timeout does; a process
    // stopped inside a transaction (not killed: its connection stays) lets go after a minute.
    this.exec("SET lock_timeout = '10s'; SET idle_in_transaction_session_timeout = '60s'; SET client_min_messages = warning");
  }

  /**
   * A connection PostgreSQL dropped (a restart, a failover, an administrator's
   * pg_terminate_backend) is made again before the next transaction or lone read, so a server
   * outlives its database's restart. Returns whether the connection was fine.
   */
  reconnectIfLost(): boolean {
    if (this.pq.transactionStatus() !== 4 /* PQTRANS_UNKNOWN: the connection is bad */) return true;
    try { this.pq.finish(); } catch { /* already gone */ }
    this.connect();
    return false;
  }

  get inTransaction() { return this.depth > 0; }

  prepare(sql: string): PgStatement {
    let s = this.statements.get(sql);
    if (s === undefined) {
      if (this.statements.size >= STATEMENT_CACHE_MAX) {
        const [oldSql, old] = this.statements.entries().next().value as [string, PgStatement];
        this.statements.delete(oldSql);
        this.dropPrepared((old as unknown as { name: string }).name);
      }
      s = new PgStatement(this, sql, `s${++this.seq}`);
      this.statements.set(sql, s);
    } else {
      s.reset();
    }
    return s;
  }

  /** Run one or more statements without parameters. */
  exec(sql: string): this {
    this.pq.exec(sql);
    this.check(sql);
    return this;
  }

  /** One query's rows, not cached (administration: migrations, `db copy`). */
  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): T[] {
    const s = new PgStatement(this, sql, '');
    return s.all(...params) as T[];
  }

  transaction<F extends (...a: never[]) => unknown>(fn: F): TxFn<F> {
    const wrap = (mode: TxMode) => ((...a: never[]) => this.runTx(mode, () => fn(...a))) as F;
    return Object.assign(wrap('deferred'), { deferred: wrap('deferred'), immediate: wrap('immediate'), exclusive: wrap('immediate') }) as TxFn<F>;
  }

  private runTx<T>(mode: TxMode, fn: () => T): T {
    if (this.depth > 0) {
      // Nested: a savepoint, as better-sqlite3 makes one. A write nested in a read takes the lock here.
      const sp = `sp${this.depth}`;
      if (mode === 'immediate' && !this.locked) this.lock();
      this.exec(`SAVEPOINT ${sp}`);
      this.depth++;
      try {
        const r = fn();
        this.exec(`RELEASE ${sp}`);
        return r;
      } catch (e) {
        if (this.open) this.exec(`ROLLBACK TO ${sp}; RELEASE ${sp}`);
        throw e;
      } finally {
        this.depth--;
      }
    }
    const begin = mode === 'immediate' ? 'BEGIN' : 'BEGIN ISOLATION LEVEL REPEATABLE READ';
    try {
      this.exec(begin);
    } catch (e) {
      // The connection died while idle: nothing of this transaction was sent, so begin it again on a new one.
      if (this.reconnectIfLost()) throw e;
      this.exec(begin);
    }
    this.depth = 1;
    try {
      if (mode === 'immediate') this.lock();
      const r = fn();
      if (r instanceof Promise) throw new Error('a transaction function must not be async');
      this.exec('COMMIT');
      return r;
    } catch (e) {
      if (this.open) {
        try { this.exec('ROLLBACK'); } catch { /* the connection is gone: PostgreSQL rolled back */ }
      }
      throw e;
    } finally {
      this.depth = 0;
      this.locked = false;
    }
  }

  private lock() {
    this.exec(`SELECT pg_advisory_xact_lock(${this.lockKey})`);
    this.locked = true;
  }

  /** Throw the last result's error, if it was one. */
  check(sql: string) {
    const status = this.pq.resultStatus();
    if (status === 'PGRES_FATAL_ERROR' || status === 'PGRES_BAD_RESPONSE' || status === 'PGRES_NONFATAL_ERROR') throw this.error(sql);
    if (!status && this.pq.errorMessage()) throw this.error(sql);
  }

  error(sql: string): PgError {
    const f = this.pq.resultErrorFields();
    const msg = (this.pq.resultErrorMessage() || this.pq.errorMessage() || 'PostgreSQL error').trim().replace(/^ERROR:\s+/, '');
    return new PgError(`${msg}${process.env.VOXPACT_DEBUG_SQL ? `\n  in: ${sql}` : ''}`, f?.sqlState, sql);
  }

  dropPrepared(name: string) {
    if (name) try { this.pq.exec(`DEALLOCATE ${name}`); } catch { /* already gone */ }
  }

  pragma(): never {
    throw new Error('PRAGMA is SQLite\'s: not on PostgreSQL');
  }

  close() {
    if (!this.open) return;
    this.open = false;
    this.pq.finish();
  }
}

/** A URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
