/**
 * Which store the engine suites run on. The `postgres` vitest project sets VOXPACT_TEST_STORE
 * and its global setup (test/helpers/pg-cluster.ts) a cluster in VOXPACT_TEST_PG_URL; every
 * database a test opens through `freshDatabase` is then a new PostgreSQL database (a copy of a
 * migrated template), and a `postgres://` URL stands where a file path would: Engine.open,
 * child processes and the CLI take either.
 */
import { join } from 'node:path';
import { PgDatabase } from '../../src/engine/pg.js';
import type { DB } from '../../src/engine/db.js';

export const STORE: 'sqlite' | 'postgres' = process.env.VOXPACT_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = STORE === 'postgres';

let admin: PgDatabase | null = null;
let n = 0;

/** The URL of database `name` on the test cluster. */
export function pgUrl(name: string): string {
  const base = process.env.VOXPACT_TEST_PG_URL;
  if (!base) throw new Error('VOXPACT_TEST_PG_URL is not set: the postgres project starts a cluster in its global setup (test/helpers/pg-cluster.ts)');
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new, migrated, empty PostgreSQL database on the test cluster. */
export function freshPgDatabase(): string {
  admin ??= new PgDatabase(pgUrl('postgres'));
  const name = `t${process.pid}_${++n}_${Date.now().toString(36)}`;
  admin.exec(`CREATE DATABASE ${name} TEMPLATE voxpact_template`);
  return pgUrl(name);
}

/** Where a test's marketplace database lives: a file in `dir` (SQLite), or a fresh PostgreSQL database. */
export function freshDatabase(dir: string, file = 'voxpact.db'): string {
  return onPostgres ? freshPgDatabase() : join(dir, file);
}

/** Drop a test database made by freshPgDatabase (its connections are closed by force). */
export function dropDatabase(location: string) {
  if (!location.startsWith('postgres')) return;
  admin ??= new PgDatabase(pgUrl('postgres'));
  admin.exec(`DROP DATABASE IF EXISTS ${new URL(location).pathname.slice(1)} WITH (FORCE)`);
}

/** The tables of a database (not the full-text index tables, which mirror the tables they index). */
export function tablesOf(db: DB): string[] {
  const rows = db.dialect === 'postgres'
    ? db.prepare("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('voxpact_schema', 'rate_hits')").all()
    : db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'").all();
  return (rows as { name: string }[]).map((r) => r.name).filter((t) => !/_fts(_\w+)?$/.test(t)).sort();
}
