/**
 * The AWS SDK loads only when S3 is configured: a child process on the built engine records every
 * module the ESM loader resolves (test/files/fixtures/record-imports.mjs). With local files it
 * uploads, signs a URL and downloads through the loopback listener without loading @aws-sdk;
 * with VOXPACT_S3_BUCKET set, creating the store loads it (the control).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

function run(mode: 'local' | 's3') {
  const dir = mkdtempSync(join(tmpdir(), 'voxpact-imports-'));
  const logFile = join(dir, 'imports.log');
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, VOXPACT_IMPORT_LOG: logFile, VOXPACT_LOG_LEVEL: 'error' };
    for (const k of Object.keys(env)) if (k.startsWith('VOXPACT_S3_')) delete env[k];
    if (mode === 's3') Object.assign(env, { VOXPACT_S3_BUCKET: 'b', VOXPACT_S3_ENDPOINT: 'http://127.0.0.1:9', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' });
    const out = execFileSync(process.execPath, ['--import', join(FIXTURES, 'record-imports.mjs'), join(FIXTURES, 'engine-files.mjs'), DIST, mode], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    return { result: JSON.parse(out.toString().trim().split('\n').pop()!), imports: readFileSync(logFile, 'utf8').split('\n').filter(Boolean) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('lazy AWS SDK', () => {
  it('a local-disk engine never loads @aws-sdk, even while uploading and serving files', () => {
    const { result, imports } = run('local');
    expect(result).toEqual({ kind: 'local', downloaded: '# hi' });
    expect(imports.some((u) => u.includes('/dist/src/files/local.js'))).toBe(true); // the recorder works
    expect(imports.some((u) => u.includes('@hono/node-server'))).toBe(true); // the listener was started
    expect(imports.filter((u) => /@aws-sdk|@smithy|\/dist\/src\/files\/s3\.js/.test(u))).toEqual([]);
  }, 30_000);

  it('with VOXPACT_S3_BUCKET the S3 store is created and the SDK is loaded', () => {
    const { result, imports } = run('s3');
    expect(result).toEqual({ kind: 's3', s3: true });
    expect(imports.some((u) => u.includes('@aws-sdk/client-s3'))).toBe(true);
    expect(imports.some((u) => u.includes('@aws-sdk/s3-request-presigner'))).toBe(true);
  }, 30_000);
});
