/**
 * Compiled engine for child processes (plain `node` cannot import the TypeScript sources).
 * Uses dist/src when `npm run build` / `npx tsc` is newer than every source file; otherwise
 * compiles just the engine's module graph into test-artifacts/engine-dist (gitignored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'src');

function sources(): string[] {
  const out: string[] = [];
  for (const dir of [SRC, join(SRC, 'engine')]) {
    for (const f of readdirSync(dir)) if (f.endsWith('.ts') && !f.endsWith('.d.ts')) out.push(join(dir, f));
  }
  return out;
}

function freshIn(outDir: string, files: string[]): boolean {
  return files.every((f) => {
    const js = join(outDir, relative(SRC, f)).replace(/\.ts$/, '.js');
    return existsSync(js) && statSync(js).mtimeMs >= statSync(f).mtimeMs;
  });
}

export function engineDist(): string {
  const files = sources();
  const dist = join(ROOT, 'dist', 'src');
  if (freshIn(dist, files)) return dist;
  const out = join(ROOT, 'test-artifacts', 'engine-dist');
  if (freshIn(out, [join(SRC, 'engine', 'index.ts'), ...files.filter((f) => f.includes('/engine/'))]) && freshIn(out, files.filter((f) => existsSync(join(out, relative(SRC, f)).replace(/\.ts$/, '.js'))))) return out;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, join(SRC, 'engine', 'index.ts'), '--outDir', out, '--rootDir', SRC,
    '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--esModuleInterop', '--skipLibCheck', '--strict'], { cwd: ROOT, encoding: 'utf8' });
  if (!existsSync(join(out, 'engine', 'index.js'))) throw new Error(`could not compile the engine for child processes:\n${r.stdout}\n${r.stderr}`);
  return out;
}
