/**
 * `stripe` loads only when STRIPE_SECRET_KEY is configured: a child process on the built code
 * records every module the ESM loader resolves (test/files/fixtures/record-imports.mjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const RECORDER = fileURLToPath(new URL('../files/fixtures/record-imports.mjs', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/engine-payments.mjs', import.meta.url));

function run(stripeKey: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'voxpact-stripe-imports-'));
  const logFile = join(dir, 'imports.log');
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, VOXPACT_IMPORT_LOG: logFile, VOXPACT_LOG_LEVEL: 'error' };
    for (const k of Object.keys(env)) if (k.startsWith('STRIPE_')) delete env[k];
    if (stripeKey) Object.assign(env, { STRIPE_SECRET_KEY: stripeKey, STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: '9', STRIPE_API_PROTOCOL: 'http' });
    const out = execFileSync(process.execPath, ['--import', RECORDER, FIXTURE, DIST, join(dir, 'voxpact.db')], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    return { result: JSON.parse(out.toString().trim().split('\n').pop()!), imports: readFileSync(logFile, 'utf8').split('\n').filter(Boolean) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('lazy stripe', () => {
  it('without STRIPE_SECRET_KEY the server, REST app and tools never load stripe', () => {
    const { result, imports } = run(undefined);
    expect(result).toEqual({ status: true });
    expect(imports.some((u) => u.includes('/dist/src/stdio.js'))).toBe(true); // the recorder works
    expect(imports.filter((u) => /node_modules\/stripe\/|\/dist\/src\/payments\/stripe\.js/.test(u))).toEqual([]);
  }, 30_000);

  it('with STRIPE_SECRET_KEY the Stripe provider is created and the package is loaded', () => {
    const { result, imports } = run('sk_test_lazy');
    expect(result).toEqual({ status: 'stripe' });
    expect(imports.some((u) => /node_modules\/stripe\//.test(u))).toBe(true);
  }, 30_000);
});
