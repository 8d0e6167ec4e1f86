/**
 * The operator's database commands (docs/scaling.md):
 *   voxpact-mcp db migrate            bring the marketplace database's schema up to date
 *   voxpact-mcp db copy --to URL      move an SQLite marketplace into an empty PostgreSQL database
 *   voxpact-mcp ledger check          the ledger invariants; each violation printed, exit 1 on any
 * On the configured database: VOXPACT_DATABASE_URL / --database-url (PostgreSQL), else
 * <data dir>/voxpact.db.
 */
import { join } from 'node:path';
import type { Config } from './config.js';
import { systemClock } from './clock.js';
import { openDb, migrateDb, schemaVersion, type DB } from './engine/db.js';
import { checkInvariants } from './engine/ledger.js';
import { isPostgresUrl, redact } from './engine/pg.js';

type Flags = { to?: string; from?: string; json?: boolean };

const label = (location: string) => (isPostgresUrl(location) ? redact(location) : location);

function ledgerFigures(db: DB) {
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    transactions: one('SELECT COUNT(*) n FROM ledger_txns'),
    entries: one('SELECT COUNT(*) n FROM ledger_entries'),
    accounts: one('SELECT COUNT(*) n FROM balances'),
    escrow_cents: one("SELECT COALESCE(SUM(balance_cents), 0) n FROM balances WHERE account LIKE 'escrow:%'"),
  };
}

export async function runDb(cmd: string, v: Flags, config: Config, usage: (msg: string) => Error): Promise<void> {
  const here = config.databaseUrl ?? join(config.dataDir, 'voxpact.db');
  switch (cmd) {
    case 'db migrate': {
      const db = openDb(here, { migrate: false });
      try {
        const before = schemaVersion(db).at;
        migrateDb(db);
        const { at, latest } = schemaVersion(db);
        const r = { database: label(here), from: before, to: at, latest };
        return console.log(v.json ? JSON.stringify(r) : before === at
          ? `${r.database}: schema at version ${at}, the latest; nothing to do`
          : `${r.database}: schema migrated from version ${before} to ${at}`);
      } finally {
        db.close();
      }
    }
    case 'db copy': {
      if (!v.to) throw usage('db copy needs --to postgres://user:password@host:5432/database (an empty database)');
      if (!isPostgresUrl(v.to)) throw usage(`--to must be a PostgreSQL URL (postgres://…); got '${v.to}'`);
      const from = v.from ?? join(config.dataDir, 'voxpact.db');
      if (isPostgresUrl(from)) throw usage('--from is the SQLite file to copy (default: <data dir>/voxpact.db)');
      const { existsSync } = await import('node:fs');
      if (!existsSync(from)) throw usage(`--from: no SQLite database at ${from}`);
      const { copyDatabase } = await import('./engine/copy.js');
      const source = openDb(from), target = openDb(v.to);
      try {
        const say = v.json ? () => {} : (line: string) => console.log(line);
        say(`copying ${from} → ${label(v.to)}`);
        say(`  source ledger: exact (${JSON.stringify(ledgerFigures(source))})`);
        const r = copyDatabase(source, target, systemClock(), say);
        const after = ledgerFigures(target);
        if (v.json) return console.log(JSON.stringify({ ...r, ledger_figures: after }));
        console.log(`copied ${r.rows} rows of ${Object.keys(r.tables).length} tables; target ledger: exact (${JSON.stringify(after)}), balances identical`);
        console.log(`Next: VOXPACT_DATABASE_URL=${label(v.to)} on every server (docs/scaling.md).`);
        return;
      } finally {
        source.close();
        target.close();
      }
    }
    case 'ledger check': {
      const db = openDb(here, { migrate: false });
      try {
        const { at, latest } = schemaVersion(db);
        if (at !== latest) throw new Error(`${label(here)} is at schema version ${at}, this voxpact-mcp checks version ${latest}: run voxpact-mcp db migrate first`);
        const bad = checkInvariants(db);
        const figures = ledgerFigures(db);
        if (v.json) console.log(JSON.stringify({ database: label(here), ok: bad.length === 0, violations: bad, ...figures }));
        else if (bad.length) for (const b of bad) console.log(`VIOLATION ${b}`);
        else console.log(`${label(here)}: ledger exact — ${figures.transactions} transactions, ${figures.entries} entries, ${figures.accounts} accounts, ${(figures.escrow_cents / 100).toFixed(2)} EUR in escrow`);
        if (bad.length) {
          if (!v.json) console.error(`${bad.length} violation(s) of the ledger invariants in ${label(here)}`);
          process.exitCode = 1;
        }
        return;
      } finally {
        db.close();
      }
    }
    default:
      throw usage(`unknown command '${cmd}' (db migrate, db copy --to URL, ledger check)`);
  }
}
