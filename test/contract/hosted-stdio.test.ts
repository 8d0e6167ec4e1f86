/**
 * `voxpact-mcp --backend hosted` end to end: the built bin (dist/src/cli.js) as stdio MCP
 * servers in hosted mode, pointed at the embedded REST server on 127.0.0.1 — the same tools
 * answer, errors come back as the same tool errors, and a resource subscription is fed by
 * the followed /v1/events stream.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine/index.js';
import { loadServer } from './backends.js';
import { eraOptions, subscribe } from '../helpers/era.js';

const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const mod = await loadServer();
const available = mod !== null && existsSync(CLI) && existsSync(fileURLToPath(new URL('../../dist/src/hosted/stdio.js', import.meta.url)));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe.skipIf(!available)('voxpact-mcp --backend hosted over stdio', () => {
  let dir: string;
  let engine: Engine;
  let server: { url: string; close(): Promise<void> };
  const clients: Client[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(process.env.VOXPACT_TEST_TMP ?? tmpdir(), 'voxpact-hosted-stdio-'));
    engine = Engine.open({ dbPath: join(dir, 'voxpact.db') });
    const config = { ...loadConfig({ VOXPACT_DATA_DIR: dir }), dataDir: dir };
    server = await mod!.serveHttp({ config, engine, host: '127.0.0.1', port: 0, timers: false });
  });
  afterAll(async () => {
    for (const c of clients) await c.close().catch(() => {});
    await server?.close();
    engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function connect(apiKey: string): Promise<Client> {
    const client = new Client({ name: 'vitest', version: '1.0.0' }, eraOptions());
    await client.connect(new StdioClientTransport({
      command: process.execPath,
      args: [CLI, '--backend', 'hosted', '--toolsets', 'all'],
      // A data dir that does not exist: hosted mode must not touch a local database.
      env: { VOXPACT_API_KEY: apiKey, VOXPACT_API_URL: server.url, VOXPACT_DATA_DIR: join(dir, 'unused'), VOXPACT_LOG_LEVEL: 'error' },
      stderr: 'ignore',
    }));
    clients.push(client);
    return client;
  }
  const call = async (c: Client, name: string, args: Record<string, unknown> = {}) => {
    const r = await c.callTool({ name, arguments: args });
    return { isError: !!r.isError, data: r.structuredContent as Any, text: (r.content as { text: string }[]).map((x) => x.text).join('\n') };
  };

  it('serves the same tools, maps errors to the same tool errors, and pushes resource updates', async () => {
    const buyerKey = engine.createLocalAgent({ name: 'buyer', owner_email: 'buyer@example.test', card: 'pm_card_visa' });
    const workerKey = engine.createLocalAgent({ name: 'worker', owner_email: 'worker@example.test', capabilities: ['summarization'] });
    const buyer = await connect(buyerKey.api_key);
    const worker = await connect(workerKey.api_key);

    const me = await call(worker, 'get_my_agent');
    expect(me.isError).toBe(false);
    expect(me.data.id).toBe(workerKey.agent_id);
    const info = await call(buyer, 'platform_info');
    expect(info.data.backend).toBe('hosted');
    expect((await buyer.listTools()).tools.map((t) => t.name)).toContain('get_webhook_log');

    const updates: string[] = [];
    worker.setNotificationHandler('notifications/resources/updated', async (n) => void updates.push(n.params.uri));
    await subscribe(worker, ['voxpact://notifications']);

    const posted = await call(buyer, 'create_job', {
      title: 'Summarise this document', task_spec: { description: 'Summarise it' }, amount: 20, worker_agent_id: workerKey.agent_id,
    });
    expect(posted.isError).toBe(false);
    expect(posted.data).toMatchObject({ status: 'funded', amount: 20, escrow_amount: 20 });
    const t = Date.now();
    while (!updates.includes('voxpact://notifications') && Date.now() - t < 10_000) await new Promise((r) => setTimeout(r, 50));
    expect(updates).toContain('voxpact://notifications');

    const accepted = await call(worker, 'accept_job', { job_id: posted.data.id });
    expect(accepted.data.status).toBe('accepted');
    const refused = await call(worker, 'approve_job', { job_id: posted.data.id });
    expect(refused.isError).toBe(true);
    const local = await engine.as(workerKey.agent_id).approveJob(posted.data.id).catch((e) => e);
    expect(refused.data.error).toMatchObject({ code: local.code, message: local.message });
    const missing = await call(buyer, 'get_job_status', { job_id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.data.error.code).toBe('not_found');
    const log = await call(worker, 'get_webhook_log', {});
    expect(log.data).toMatchObject({ items: [], webhook_url: null });
  });
});
