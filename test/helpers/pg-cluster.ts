/**
 * Vitest global setup of the `postgres` project: a PostgreSQL cluster for the run. With
 * VOXPACT_TEST_PG_URL already set (a server of your own, a superuser URL), that one; otherwise a
 * throwaway cluster of Debian's PostgreSQL (`apt-get install postgresql`, as .ci/run does) made
 * with initdb in a temporary directory, on a free loopback port, removed at the end. It is a test
 * cluster: fsync is off (a crash of the machine, not of a server process, loses it: nothing
 * here survives the run anyway). A template database is migrated once; each test database is a
 * copy of it (test/helpers/store.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgDatabase } from '../../src/engine/pg.js';
import { openDb } from '../../src/engine/db.js';

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length) throw new Error('PostgreSQL is not installed: apt-get install postgresql (Debian), or set VOXPACT_TEST_PG_URL to a server of yours');
  return join(root, versions[0], 'bin');
}

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  }).on('error', reject);
});

export default async function setup() {
  let stop = () => {};
  if (!process.env.VOXPACT_TEST_PG_URL) {
    const bin = pgBin();
    const dir = mkdtempSync(join(process.env.VOXPACT_TEST_TMP ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir()), 'voxpact-pg-'));
    const data = join(dir, 'data');
    // PostgreSQL will not run as root: as root, the cluster belongs to the postgres user.
    const asRoot = process.getuid?.() === 0;
    const as = (cmd: string, args: string[]) => asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const : [cmd, args] as const;
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString()), gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      chownSync(dir, uid, gid);
      chmodSync(dir, 0o700);
    }
    const run = (cmd: string, args: string[]) => {
      const [c, a] = as(cmd, args);
      const r = spawnSync(c, a, { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
    };
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const port = await freePort();
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB`, 'start']);
    process.env.VOXPACT_TEST_PG_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
    stop = () => {
      try { run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']); } catch { /* already down */ }
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const url = new URL(process.env.VOXPACT_TEST_PG_URL);
  const admin = new PgDatabase(url.toString());
  admin.exec('DROP DATABASE IF EXISTS voxpact_template WITH (FORCE)').exec('CREATE DATABASE voxpact_template');
  url.pathname = '/voxpact_template';
  openDb(url.toString()).close();
  admin.close();
  return stop;
}
