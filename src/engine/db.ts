import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations.js';

export type DB = Database.Database;

/**
 * Open (and migrate) the marketplace database. WAL lets several processes — two stdio servers
 * started by two clients — read while one writes; synchronous=FULL makes a committed payment
 * survive power loss; the busy timeout makes writers queue instead of failing.
 */
export function openDb(path: string): DB {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: DB) {
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

/** Run `fn` as one write transaction (BEGIN IMMEDIATE: take the write lock up front). */
export function writeTx<T>(db: DB, fn: () => T): T {
  return db.transaction(fn).immediate();
}
