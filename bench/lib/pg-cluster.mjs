// A PostgreSQL server for the `postgres` section: VOXPACT_BENCH_PG_URL (a superuser URL of a
// server of yours), or a throwaway cluster of the installed PostgreSQL made with initdb in a
// temporary directory on the same disk as the SQLite databases, on a free loopback port, stopped
// and removed at the end (also when the run is interrupted). Unlike the tests' cluster
// (test/helpers/pg-cluster.ts: fsync off) this one is durable, as in production: fsync,
// synchronous_commit and full_page_writes on, so a commit waits for its WAL flush as an SQLite
// commit at synchronous=FULL waits for its fsync.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed PostgreSQL's bin directory (Debian's layout), or null. */
export function pgBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.length ? join(root, versions[0], 'bin') : null;
}

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  }).on('error', reject);
});

/**
 * Start a cluster, or use VOXPACT_BENCH_PG_URL. Returns { url (a superuser's), urlOf(name) (the
 * same for database `name`), own (whether the cluster is ours), stop() } or { unavailable: reason }.
 */
export async function startCluster({ log = () => {} } = {}) {
  if (process.env.VOXPACT_BENCH_PG_URL) {
    const url = process.env.VOXPACT_BENCH_PG_URL;
    return { url, urlOf: (db) => withDb(url, db), own: false, stop: () => {} };
  }
  const bin = pgBin();
  if (!bin) return { unavailable: 'PostgreSQL is not installed (apt-get install postgresql, or set VOXPACT_BENCH_PG_URL): not measured' };
  // Not /dev/shm: the WAL flush is part of what is measured, on the disk SQLite's files use.
  const dir = mkdtempSync(join(tmpdir(), 'voxpact-bench-pg-'));
  const data = join(dir, 'data');
  // PostgreSQL will not run as root: as root, the cluster belongs to the postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString()), gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd, args) => {
    const [c, a] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const r = spawnSync(c, a, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  let up = false;
  const stop = () => {
    if (up) {
      up = false;
      try { run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']); } catch { /* already down */ }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop); // an interrupted run (bench/run.mjs exits on SIGINT/SIGTERM) stops it too
  const t = performance.now();
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  // Durable (the defaults, spelled out); shared_buffers large enough to hold the 1M-job
  // database, as a server sized for it would be; max_wal_size so the bulk load does not
  // checkpoint every few seconds.
  const settings = { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on', wal_level: 'replica', shared_buffers: '1GB', max_wal_size: '8GB' };
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`).join(' ')}`, 'start']);
  up = true;
  const version = run(join(bin, 'postgres'), ['--version']).trim();
  log(`postgres: started ${version} (${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ')}) on 127.0.0.1:${port} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return { url, urlOf: (db) => withDb(url, db), own: true, stop: () => { process.off('exit', stop); stop(); } };
}

function withDb(url, db) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
