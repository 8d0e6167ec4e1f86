/** `voxpact-mcp --transport http` from the built bin (npm test builds first). */
import { type ChildProcess, spawn } from 'node:child_process';
import { DIST_CLI } from '../fixtures/world.js';

/** Start one server with `args`; resolves with the URL it prints once it listens, rejects if it exits first. */
export function spawnHttpServer(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [DIST_CLI, '--transport', 'http', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/\S+) /.exec(err);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${err}`)));
  });
}
