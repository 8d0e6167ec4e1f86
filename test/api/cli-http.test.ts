/**
 * `voxpact-mcp --transport http`: the built bin listens (URL printed on stderr), serves /health,
 * REST and /mcp, and stops cleanly on SIGTERM and SIGINT. Needs the build (npm test builds first).
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnHttpServer } from '../helpers/http-server.js';

const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'voxpact-cli-http-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = (args: string[]) => spawnHttpServer(args, { ...process.env, VOXPACT_DATA_DIR: dir, VOXPACT_LOG_LEVEL: 'warn' });

const exited = (child: ChildProcess) => new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

describe('voxpact-mcp --transport http', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`listens on the printed URL and stops on ${signal}`, async () => {
      const { child, url } = await start(['--host', '127.0.0.1', '--port', '0']);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', data: { ok: true } });
      expect((await fetch(`${url}/v1/platform`)).status).toBe(200);
      const refused = await fetch(`${url}/mcp`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_my_agent', arguments: {} } }),
      });
      expect(refused.status).toBe(401);
      // OAuth (docs/oauth.md): the 401 points at the protected-resource metadata, which names this server as its authorization server.
      expect(refused.headers.get('www-authenticate')).toContain(`resource_metadata="${url}/.well-known/oauth-protected-resource/mcp"`);
      expect(await (await fetch(`${url}/.well-known/oauth-protected-resource/mcp`)).json()).toMatchObject({ resource: `${url}/mcp`, authorization_servers: [url] });
      // an open event stream must not keep the server from stopping
      const agent = JSON.parse(spawnSync(process.execPath, [CLI, 'agents', 'create', '--name', `cli-${signal}`, '--owner-email', `${signal}@test.example`, '--json'], { env: { ...process.env, VOXPACT_DATA_DIR: dir } }).stdout.toString());
      const stream = await fetch(`${url}/v1/events?token=${agent.api_key}`);
      expect(stream.status).toBe(200);
      const done = exited(child);
      child.kill(signal);
      expect(await done).toBe(0);
    });
  }

  it('refuses a bad port as a usage error', () => {
    const r = spawnSync(process.execPath, [CLI, '--transport', 'http', '--port', 'eighty'], { env: { ...process.env, VOXPACT_DATA_DIR: dir } });
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toMatch(/--port must be a port number/);
  });
});
