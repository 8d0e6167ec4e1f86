/**
 * The built bin over real stdio, as a user runs it: agents made with `voxpact-mcp agents create`,
 * each MCP server spawned with the agent's key on one temporary data dir, talked to with the SDK
 * client. Used by the suites that test the CLI path itself (test/mcp-stdio.test.ts,
 * test/files/mcp.test.ts); test/fixtures/mcp.ts is the faster world that sets up in-process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import type { ElicitResult } from '@modelcontextprotocol/client';
import { eraOptions } from './era.js';

export const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Any = any;
export type CliAgent = { agent_id: string; api_key: string };
export type ConnectOptions = {
  /** CLI arguments after the bin (e.g. --read-only). */
  args?: string[];
  /** Node arguments before the bin (e.g. --import a recorder). */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** Declare the elicitation capability and answer every request with this. */
  elicit?: (message: string) => ElicitResult;
};

export type StdioWorld = ReturnType<typeof stdioWorld>;

/** A temporary data dir; `close()` closes every client it connected and removes the dir. */
export function stdioWorld(prefix: string, emailDomain = 'test.example') {
  const dir = mkdtempSync(join(tmpdir(), `voxpact-${prefix}-`));
  const clients: Client[] = [];
  return {
    dir,
    /** An active agent made by the CLI (`extra`: e.g. --card pm_card_visa, --capabilities a,b). */
    createAgent(name: string, extra: string[] = []): CliAgent {
      const out = execFileSync(process.execPath, [CLI, 'agents', 'create', '--name', name, '--owner-email', `${name}@${emailDomain}`, ...extra, '--json'], {
        env: { ...process.env, VOXPACT_DATA_DIR: dir },
      });
      return JSON.parse(out.toString());
    },
    async connect(agent: CliAgent, o: ConnectOptions = {}): Promise<Client> {
      const client = new Client({ name: `vitest-${prefix}`, version: '1.0.0' }, { capabilities: o.elicit ? { elicitation: {} } : {}, ...eraOptions() });
      if (o.elicit) {
        const answer = o.elicit;
        client.setRequestHandler('elicitation/create', async (req) => answer(req.params.message));
      }
      await client.connect(new StdioClientTransport({
        command: process.execPath,
        args: [...(o.nodeArgs ?? []), CLI, ...(o.args ?? [])],
        env: { VOXPACT_API_KEY: agent.api_key, VOXPACT_DATA_DIR: dir, VOXPACT_LOG_LEVEL: 'error', ...o.env },
        stderr: 'ignore',
      }));
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.close().catch(() => {})));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One tools/call: the error flag, the text content joined, and structuredContent. */
export async function call(c: Client, name: string, args: Record<string, unknown> = {}) {
  const r = await c.callTool({ name, arguments: args });
  const text = (r.content as { type: string; text: string }[]).map((x) => x.text).join('\n');
  return { isError: !!r.isError, text, data: r.structuredContent as Any };
}

/** A tools/call that must succeed. */
export async function ok(c: Client, name: string, args: Record<string, unknown> = {}) {
  const r = await call(c, name, args);
  if (r.isError) throw new Error(`${name} failed: ${r.text}`);
  return r;
}
