// Bundles the CLI (dist/src/cli.js, as tsc compiled it) into one entry file plus chunks that
// load only when a command needs them, with rolldown (already installed with vitest). Why, with
// the figures, in docs/performance.md: a stdio server is started by the client for every
// conversation, and resolving and loading ~260 module files was most of its cold start; so
// was turning 47 tools' zod schemas into JSON Schema, which is done here, once, from the same
// definitions (__VOXPACT_TOOL_LISTINGS__, read by src/tool.ts).
//
// better-sqlite3 (native), undici, stripe and the AWS SDK stay in node_modules, loaded lazily.
// The unbundled entry stays as dist/src/cli.unbundled.js. A smoke test answers initialize and
// tools/list with both entries and fails the build if they differ. VOXPACT_NO_BUNDLE=1 skips it all.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/src/', import.meta.url));
const entry = join(dist, 'cli.js');
const unbundled = join(dist, 'cli.unbundled.js');

if (process.env.VOXPACT_NO_BUNDLE === '1') {
  console.log('bundle: skipped (VOXPACT_NO_BUNDLE=1)');
  process.exit(0);
}

const t0 = performance.now();
for (const f of readdirSync(dist)) if (f.startsWith('cli.chunk-')) rmSync(join(dist, f));
copyFileSync(entry, unbundled);
chmodSync(unbundled, 0o755);

const { TOOLS } = await import(new URL('../dist/tools/index.js', import.meta.url).href);
const { toolListing } = await import(new URL('../dist/src/tool.js', import.meta.url).href);
const listings = Object.fromEntries(TOOLS.map((t) => [t.name, toolListing(t)]));

const { build } = await import('rolldown');
await build({
  input: unbundled,
  platform: 'node',
  external: (id) => /^(better-sqlite3|undici|stripe|@aws-sdk\/|@smithy\/)/.test(id),
  transform: { define: { __VOXPACT_TOOL_LISTINGS__: JSON.stringify(JSON.stringify(listings)) } },
  output: { dir: dist, format: 'esm', entryFileNames: 'cli.js', chunkFileNames: 'cli.chunk-[name]-[hash].js', sourcemap: true },
  logLevel: 'warn',
});

// ---------- smoke test: the bundle answers exactly as the unbundled build ----------

const MESSAGES = [
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bundle-check', version: '1' } } },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} },
];

function handshake(script, dataDir) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, VOXPACT_DATA_DIR: dataDir, VOXPACT_LOG_LEVEL: 'error' };
    delete env.VOXPACT_API_KEY;
    const child = spawn(process.execPath, [script], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const answers = {};
    const timer = setTimeout(() => { child.kill(); reject(new Error(`${script}: no answer in 30 s\n${err}`)); }, 30_000);
    child.stdout.setEncoding('utf8').on('data', (c) => {
      out += c;
      for (let nl; (nl = out.indexOf('\n')) >= 0; out = out.slice(nl + 1)) {
        const m = out.slice(0, nl).trim() && JSON.parse(out.slice(0, nl));
        if (m && m.id != null) answers[m.id] = m;
      }
      if (answers[1] && answers[2]) {
        clearTimeout(timer);
        child.stdin.end();
        resolve({ init: answers[1].result, tools: answers[2].result?.tools });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c) => (err += c));
    child.once('exit', (code) => { clearTimeout(timer); if (!(answers[1] && answers[2])) reject(new Error(`${script} exited (${code}) before answering\n${err}`)); });
    child.stdin.write(MESSAGES.map((m) => JSON.stringify(m)).join('\n') + '\n');
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'voxpact-bundle-check-'));
try {
  const a = await handshake(unbundled, dataDir);
  const b = await handshake(entry, dataDir);
  const same = (x, y) => JSON.stringify(x) === JSON.stringify(y);
  if (!a.tools?.length || !same(a.tools, b.tools) || !same(a.init, b.init)) {
    console.error('bundle: the bundled CLI answers initialize/tools/list differently from the unbundled one; restoring the unbundled dist/src/cli.js');
    copyFileSync(unbundled, entry);
    process.exit(1);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`bundle: dist/src/cli.js bundled and checked in ${Math.round(performance.now() - t0)} ms (${Object.keys(listings).length} tool listings prebuilt)`);
