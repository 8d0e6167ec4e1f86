/**
 * One migration list, two stores: the PostgreSQL schema the translated migrations make has the
 * tables, columns and indexes of SQLite's; `db migrate` reports what it did; a database newer
 * than the code is refused. Runs in the `postgres` project.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/engine/db.js';
import { MIGRATIONS } from '../../src/engine/migrations.js';
import { freshPgDatabase, pgUrl } from '../helpers/store.js';
import { PgDatabase } from '../../src/engine/pg.js';
import { DIST_CLI } from '../fixtures/world.js';

const cli = (args: string[], url: string) => spawnSync(process.execPath, [DIST_CLI, ...args], { encoding: 'utf8', env: { ...process.env, VOXPACT_DATABASE_URL: url } });

function emptyPgDatabase(): string {
  const admin = new PgDatabase(pgUrl('postgres'));
  const name = `m${process.pid}_${Date.now().toString(36)}`;
  admin.exec(`CREATE DATABASE ${name}`);
  admin.close();
  return pgUrl(name);
}

describe('migrations on both stores', () => {
  it('the same tables, columns and indexes (SQLite rowid is a column on PostgreSQL; full-text tables differ by design)', () => {
    const lite = openDb(join(mkdtempSync(join(tmpdir(), 'voxpact-mig-')), 'voxpact.db'));
    const pg = openDb(freshPgDatabase());
    const liteCols = lite.prepare(`SELECT m.name t, c.name c FROM sqlite_master m JOIN pragma_table_info(m.name) c
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '%_fts%' ORDER BY 1, 2`).all();
    const pgCols = pg.prepare(`SELECT table_name t, column_name c FROM information_schema.columns WHERE table_schema = 'public'
      AND table_name NOT LIKE '%_fts' AND table_name NOT IN ('voxpact_schema', 'rate_hits') AND column_name <> 'rowid' ORDER BY 1, 2`).all();
    expect(pgCols).toEqual(liteCols);
    const liteIdx = (lite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY 1").pluck().all() as string[]);
    const pgIdx = new Set(pg.prepare("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'").pluck().all() as string[]);
    expect(liteIdx.filter((i) => !pgIdx.has(i))).toEqual([]);
    // Cents and epoch milliseconds do not fit 32 bits: every integer column is 64-bit.
    expect(pg.prepare("SELECT COUNT(*) n FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'integer' AND table_name <> 'voxpact_schema'").get()).toEqual({ n: 0 });
    lite.close();
    pg.close();
  });

  it('db migrate takes an empty database to the latest version, then has nothing to do', () => {
    const url = emptyPgDatabase();
    const first = cli(['db', 'migrate', '--json'], url);
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ from: 0, to: MIGRATIONS.length, latest: MIGRATIONS.length });
    expect(first.stdout).not.toContain(':postgres@'); // no password in what it prints (there is none here, but the URL is redacted)
    const again = cli(['db', 'migrate'], url);
    expect(again.stdout).toMatch(new RegExp(`schema at version ${MIGRATIONS.length}, the latest; nothing to do`));
  });

  it('a database migrated by a newer voxpact-mcp is refused, not written to', () => {
    const url = freshPgDatabase();
    const db = new PgDatabase(url);
    db.exec(`UPDATE voxpact_schema SET version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDb(url)).toThrow(/newer than this server's/);
    const r = cli(['ledger', 'check'], url);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/schema version/);
  });
});
