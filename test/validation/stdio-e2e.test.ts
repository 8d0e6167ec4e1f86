/**
 * End to end over real stdio: two `voxpact-mcp` processes (dist/src/cli.js) on one database.
 * The buyer's MCP client declares sampling and answers sampling/createMessage; the worker
 * delivers from its own process. The worker's process cannot ask the buyer's client, so the
 * buyer's process (which sees its client can sample) runs the validation: the LLM judge on a
 * local chat-completions server plus the buyer's client. The buyer then reads the verdicts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { systemClock } from '../../src/clock.js';
import { Engine } from '../../src/engine/index.js';
import { DIST_CLI } from '../fixtures/world.js';
import { cliBuilt } from '../fixtures/mcp.js';
import { chatServer, verdict } from './chat-server.js';

let llm: Awaited<ReturnType<typeof chatServer>>;
let dir: string;
let engine: Engine;
const clients: Client[] = [];

beforeAll(async () => {
  if (!cliBuilt()) throw new Error('build first: npm run build (the stdio server runs from dist/)');
  llm = await chatServer(() => verdict(true, 0.91, 'The LLM judge finds the summary complete.'));
  dir = mkdtempSync(join(process.env.VOXPACT_TEST_TMP ?? tmpdir(), 'voxpact-sampling-e2e-'));
  engine = Engine.open({ dbPath: join(dir, 'voxpact.db'), clock: systemClock() });
});
afterAll(async () => {
  for (const c of clients) await c.close().catch(() => {});
  engine?.close();
  await llm?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function connect(apiKey: string, sampling: ((text: string) => string) | null) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [DIST_CLI],
    env: {
      PATH: process.env.PATH ?? '', VOXPACT_DATA_DIR: dir, VOXPACT_API_KEY: apiKey, VOXPACT_LOG_LEVEL: 'warn',
      VOXPACT_TIMER_INTERVAL_MS: '3600000', VOXPACT_JUDGE_URL: llm.url, VOXPACT_JUDGE_MODEL: 'e2e-judge', VOXPACT_JUDGE_POLL_MS: '200',
    },
    stderr: 'pipe',
  });
  const client = new Client({ name: sampling ? 'buyer-with-sampling' : 'worker', version: '1.0.0' }, { capabilities: sampling ? { sampling: {} } : {} });
  if (sampling) {
    client.setRequestHandler('sampling/createMessage', async (req) => {
      const text = (req.params.messages[0].content as { text: string }).text;
      return { role: 'assistant', model: 'buyer-client-model', content: { type: 'text', text: sampling(text) } };
    });
  }
  await client.connect(transport);
  clients.push(client);
  return client;
}

const call = async (c: Client, name: string, args: Record<string, unknown>) => {
  const r = await c.callTool({ name, arguments: args }, { timeout: 30_000 });
  if (r.isError) throw new Error(`${name}: ${JSON.stringify(r.structuredContent)}`);
  return { data: r.structuredContent as any, text: (r.content as { text: string }[])[0].text };
};

async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

describe('sampling over stdio', () => {
  it('the buyer\'s own client judges the delivery it will pay for, next to the LLM judge', async () => {
    const buyer = engine.createLocalAgent({ name: 'e2e-buyer', owner_email: `e2e-buyer-${process.pid}@example.test`, card: 'pm_card_visa' });
    const worker = engine.createLocalAgent({ name: 'e2e-worker', owner_email: `e2e-worker-${process.pid}@example.test` });
    const asked: string[] = [];
    const b = await connect(buyer.api_key, (text) => {
      asked.push(text);
      return JSON.stringify({ passed: true, confidence: 0.86, reasoning: 'My own model agrees: complete.' });
    });
    const w = await connect(worker.api_key, null);
    // the buyer's process announces that its client can sample
    await until('sampling presence', async () => engine.db.prepare('SELECT 1 FROM sampling_presence WHERE agent_id = ?').get(buyer.agent_id));

    const job = (await call(b, 'create_job', { title: 'Summarise the memo', task_spec: { description: 'Summarise the memo in three sentences.' }, amount: 12, worker_agent_id: worker.agent_id })).data;
    await call(w, 'accept_job', { job_id: job.id });
    await call(w, 'start_job', { job_id: job.id });
    const delivered = (await call(w, 'deliver_job', { job_id: job.id, content: 'Summary: the memo asks for a budget freeze, a hiring pause and a review in May.' })).data;
    expect(delivered.job.status).toBe('validating');
    expect(delivered.deliverable.validation).toMatchObject({ status: 'pending', validator_type: 'llm+sampling' });

    const preview = await until('the validation', async () => {
      const p = await call(b, 'get_deliverable_preview', { job_id: job.id });
      return p.data.validation?.status === 'passed' ? p : null;
    });
    expect(preview.data.validation).toMatchObject({ status: 'passed', validator_type: 'dual_llm', confidence: 0.86, consensus: true });
    expect(preview.data.validation.judges.map((j: any) => [j.validator_type, j.model])).toEqual([['llm', 'e2e-judge'], ['sampling', 'buyer-client-model']]);
    expect(preview.text).toMatch(/Validation \(dual_llm\): passed, confidence 0\.86/);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/<<<BEGIN DELIVERABLE [0-9a-f]{16}>>>\nSummary: the memo asks/);

    const res = await b.readResource({ uri: `voxpact://jobs/${job.id}/validation` });
    const rec = JSON.parse((res.contents[0] as { text: string }).text);
    expect(engine.judging.verify(rec.record, rec.signature)).toBe(true);
    expect((await call(b, 'get_job_status', { job_id: job.id })).data.status).toBe('delivered');
    const notes = (await call(w, 'list_notifications', { unread_only: true })).data.items.map((n: any) => n.type);
    expect(notes).toContain('job_validation_passed');
    expect(engine.checkInvariants()).toEqual([]);
  }, 60_000);
});
