/** The database layer's row helpers: getRow / allRows give the objects better-sqlite3 itself gives. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { allRows, getRow, openDb } from '../../src/engine/db.js';

function table() {
  const db = openDb(':memory:');
  db.exec(`CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER, x REAL, s TEXT, b BLOB);
    INSERT INTO t VALUES ('a', 1, 1.5, 'one', x'00ff'), ('b', NULL, NULL, NULL, NULL), ('c', 3, -2, '{"k":1}', NULL);`);
  return db;
}

describe('getRow / allRows', () => {
  it('the same objects as better-sqlite3: keys in order, values of every type, a later column of the same name wins', () => {
    const db = table();
    for (const sql of ['SELECT * FROM t ORDER BY id', 'SELECT t.*, 7 AS n, s AS "odd name" FROM t ORDER BY id', "SELECT id, 'x' AS id FROM t ORDER BY id"]) {
      const own = db.prepare(sql).all();
      const ours = allRows(db.prepare(sql));
      expect(ours).toEqual(own);
      ours.forEach((r, i) => expect(Object.keys(r as object)).toEqual(Object.keys(own[i] as object)));
      // The statement cache hands the statement back in its default mode afterwards.
      expect(db.prepare(sql).get()).toEqual(own[0]);
    }
    const sql = 'SELECT * FROM t WHERE id = ?';
    expect(getRow(db.prepare(sql), 'c')).toEqual(db.prepare(sql).get('c'));
    expect(getRow(db.prepare(sql), 'nope')).toBeUndefined();
    expect(allRows(db.prepare(sql), 'nope')).toEqual([]);
  });

  it('a `*` that gains a column (another process migrated the schema) is read with the new column', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'voxpact-db-')), 'x.db');
    const db = openDb(path);
    db.exec(`CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER); INSERT INTO t VALUES ('a', 1);`);
    const sql = "SELECT t.*, 'end' AS tail FROM t WHERE id = ?";
    expect(getRow(db.prepare(sql), 'a')).toEqual({ id: 'a', n: 1, tail: 'end' });
    const other = new Database(path);
    other.exec("ALTER TABLE t ADD COLUMN extra TEXT DEFAULT 'new'");
    other.close();
    expect(getRow(db.prepare(sql), 'a')).toEqual({ id: 'a', n: 1, extra: 'new', tail: 'end' });
    db.close();
  });
});
