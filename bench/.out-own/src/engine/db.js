import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations.js';
/**
 * Open (and migrate) the marketplace database. WAL lets several processes — two stdio servers
 * started by two clients — read while one writes; synchronous=FULL makes a committed payment
 * survive power loss; the busy timeout makes writers queue instead of failing.
 */
export function openDb(path) {
    if (path !== ':memory:')
        mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    migrate(db);
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
function cacheStatements(db) {
    const prepare = db.prepare.bind(db);
    const cache = new Map();
    db.prepare = ((sql) => {
        let stmt = cache.get(sql);
        if (stmt === undefined) {
            stmt = prepare(sql);
            if (cache.size >= STATEMENT_CACHE_MAX)
                cache.delete(cache.keys().next().value);
            cache.set(sql, stmt);
        }
        else if (stmt.reader) {
            stmt.pluck(false).raw(false).expand(false);
        }
        return stmt;
    });
}
function migrate(db) {
    // BEGIN IMMEDIATE so two processes opening a fresh file do not both migrate it.
    const run = db.transaction(() => {
        const version = db.pragma('user_version', { simple: true });
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
const runners = new WeakMap();
function runner(db) {
    let r = runners.get(db);
    if (!r)
        runners.set(db, (r = db.transaction((fn) => fn())));
    return r;
}
/** Run `fn` as one write transaction (BEGIN IMMEDIATE: take the write lock up front). */
export function writeTx(db, fn) {
    return runner(db).immediate(fn);
}
/** Run `fn` as one deferred (read) transaction: one consistent WAL snapshot for all its queries. */
export function readTx(db, fn) {
    return runner(db).deferred(fn);
}
//# sourceMappingURL=db.js.map