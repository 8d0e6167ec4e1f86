/**
 * Idempotency through the MCP tools over real stdio: the money-moving tools take
 * idempotency_key and say so to the LLM; the same call sent twice — even at once by two server
 * processes of the same agent on one database — moves money once; a reused key with other
 * arguments is a clear tool error naming the field; after 24 h the key is forgotten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLS } from '../../tools/index.js';
import { toolListing } from '../../src/tool.js';
import { PostJobInput } from '../../src/schemas.js';
import { type McpWorld, cliBuilt, mcpWorld } from '../fixtures/mcp.js';

/** The list: every money-moving or creating operation. */
const MONEY_TOOLS = ['create_job', 'submit_bid', 'accept_bid', 'approve_job', 'cancel_job', 'open_dispute', 'deliver_job', 'upload_file'];

let w: McpWorld;
let buyer: ReturnType<McpWorld['agent']>;
let worker: ReturnType<McpWorld['agent']>;

beforeAll(() => {
  if (!cliBuilt()) throw new Error('dist/src/cli.js is missing: run `npx tsc -p tsconfig.json` (npm test builds first)');
});
beforeAll(async () => {
  w = await mcpWorld('idem-mcp');
  buyer = w.agent('Idem MCP Buyer');
  worker = w.agent('Idem MCP Worker');
});
afterAll(async () => w?.close());

const count = (sql: string, ...a: unknown[]) => (w.db.prepare(sql).get(...a) as { n: number }).n;
const postArgs = (key: string, extra: Record<string, unknown> = {}) => ({
  title: 'Idempotent translation', task_spec: { description: 'EN→FR', pages: 2 }, amount: 15, worker_agent_id: worker.id, idempotency_key: key, ...extra,
});

describe('idempotency_key in the MCP tools', () => {
  it('every money-moving tool takes idempotency_key and documents it for retries', () => {
    const present = MONEY_TOOLS.filter((n) => TOOLS.some((t) => t.name === n));
    const missingTools = MONEY_TOOLS.filter((n) => !present.includes(n));
    if (missingTools.length) console.log(`[idempotency] not in the tool table yet (not checked): ${missingTools.join(', ')}`);
    const noKey: string[] = [];
    const undocumented: string[] = [];
    for (const name of present) {
      const listing = toolListing(TOOLS.find((t) => t.name === name)!);
      const prop = (listing.inputSchema.properties as Record<string, { description?: string }> | undefined)?.idempotency_key;
      if (!prop) noKey.push(name);
      else expect(prop.description ?? '', `${name}: idempotency_key is not described`).toMatch(/retr(y|ies|ying)/i);
      if (!/idempotency_key/.test(listing.description ?? '')) undocumented.push(name);
    }
    expect({ noKey, undocumented }, 'money-moving tools without an idempotency_key argument / whose description does not tell the LLM to pass it on retries')
      .toEqual({ noKey: [], undocumented: [] });
  });

  it('the same create_job sent at once by two server processes of the buyer: one job, one charge, one answer', async () => {
    const [a, b] = await Promise.all([w.connect(buyer.key), w.connect(buyer.key)]);
    const args = postArgs('mcp-post-1');
    const rs = await Promise.all([a.call('create_job', args), b.call('create_job', args), a.call('create_job', args), b.call('create_job', args)]);
    for (const r of rs) expect(r.isError, r.text).toBe(false);
    expect(new Set(rs.map((r) => r.data.id)).size).toBe(1);
    expect(new Set(rs.map((r) => JSON.stringify(r.data))).size).toBe(1);
    const jobId = rs[0].data.id;
    expect(count("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'capture' AND job_id = ?", jobId)).toBe(1);
    expect(count('SELECT COUNT(*) n FROM jobs WHERE buyer_id = ?', buyer.id)).toBe(1);
    expect(w.engine.checkInvariants()).toEqual([]);
  });

  it('the same key with other arguments is a tool error naming idempotency_key, and nothing moves', async () => {
    const s = await w.connect(buyer.key);
    const before = count('SELECT COUNT(*) n FROM ledger_txns');
    const r = await s.call('create_job', postArgs('mcp-post-1', { amount: 16 }));
    expect(r.isError).toBe(true);
    expect(r.protocolError).toBeUndefined();
    expect(r.code).toBe('idempotency_key_reused');
    expect(r.field).toBe('idempotency_key');
    expect(r.text).toMatch(/idempotency_key/);
    expect(count('SELECT COUNT(*) n FROM ledger_txns')).toBe(before);
  });

  it('approve_job retried with its key: the first answer, one release', async () => {
    const job = await buyer.mp.postJob(PostJobInput.parse({ title: 'Job to approve', task_spec: { description: 'x' }, amount: 20, worker_agent_id: worker.id }));
    await worker.mp.acceptJob(job.id);
    await worker.mp.startJob(job.id);
    await worker.mp.deliverJob(job.id, { content: 'Bonjour.', content_type: 'text/plain' });
    const s = await w.connect(buyer.key);
    const first = await s.call('approve_job', { job_id: job.id, idempotency_key: 'mcp-approve-1' });
    const again = await s.call('approve_job', { job_id: job.id, idempotency_key: 'mcp-approve-1' });
    expect(first.isError, first.text).toBe(false);
    expect(again.data).toEqual(first.data);
    expect(count("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'release' AND job_id = ?", job.id)).toBe(1);
  });

  it('deliver_job with a file, the same key sent at once by two server processes of the worker: one delivery, one answer', async () => {
    const job = await buyer.mp.postJob(PostJobInput.parse({ title: 'File delivery race', task_spec: { description: 'x' }, amount: 20, worker_agent_id: worker.id }));
    await worker.mp.acceptJob(job.id);
    await worker.mp.startJob(job.id);
    const [a, b] = await Promise.all([w.connect(worker.key), w.connect(worker.key)]);
    const args = { job_id: job.id, filename: 'result.md', content: '# Result', idempotency_key: 'mcp-deliver-file-1' };
    const rs = await Promise.all([a.call('deliver_job', args), b.call('deliver_job', args)]);
    for (const r of rs) expect(r.isError, r.text).toBe(false);
    expect(rs[1].data).toEqual(rs[0].data);
    expect(count('SELECT COUNT(*) n FROM deliverables WHERE job_id = ?', job.id)).toBe(1);
  });

  it('upload_file retried with its key (also at once from two processes): one file, one answer; other arguments refused', async () => {
    const job = await buyer.mp.postJob(PostJobInput.parse({ title: 'Upload idempotency', task_spec: { description: 'x' }, amount: 20, worker_agent_id: worker.id }));
    const [a, b] = await Promise.all([w.connect(buyer.key), w.connect(buyer.key)]);
    const args = { job_id: job.id, purpose: 'input', filename: 'spec.md', content: '# Spec', idempotency_key: 'mcp-upload-1' };
    const rs = await Promise.all([a.call('upload_file', args), b.call('upload_file', args), a.call('upload_file', args)]);
    for (const r of rs) expect(r.isError, r.text).toBe(false);
    expect(new Set(rs.map((r) => JSON.stringify(r.data))).size).toBe(1);
    expect(count('SELECT COUNT(*) n FROM files WHERE job_id = ?', job.id)).toBe(1);
    const other = await a.call('upload_file', { ...args, content: '# Another spec' });
    expect(other.code).toBe('idempotency_key_reused');
    expect(other.field).toBe('idempotency_key');
    expect(count('SELECT COUNT(*) n FROM files WHERE job_id = ?', job.id)).toBe(1);
  });

  it('open_dispute retried with its key: one dispute, the first answer; other arguments refused', async () => {
    const job = await buyer.mp.postJob(PostJobInput.parse({ title: 'Dispute idempotency', task_spec: { description: 'x' }, amount: 20, worker_agent_id: worker.id }));
    await worker.mp.acceptJob(job.id);
    await worker.mp.startJob(job.id);
    await worker.mp.deliverJob(job.id, { content: 'meh', content_type: 'text/plain' });
    const [a, b] = await Promise.all([w.connect(buyer.key), w.connect(buyer.key)]);
    const args = { job_id: job.id, reason: 'The delivery is not what was asked.', idempotency_key: 'mcp-dispute-1' };
    const rs = await Promise.all([a.call('open_dispute', args), b.call('open_dispute', args)]);
    for (const r of rs) expect(r.isError, r.text).toBe(false);
    expect(rs[1].data).toEqual(rs[0].data);
    expect(count('SELECT COUNT(*) n FROM disputes WHERE job_id = ?', job.id)).toBe(1);
    const other = await a.call('open_dispute', { ...args, reason: 'A different reason for the dispute.' });
    expect(other.code).toBe('idempotency_key_reused');
    expect(w.engine.checkInvariants()).toEqual([]);
  });

  it('after 24 h the key is forgotten: the same create_job is a new job', async () => {
    const s = await w.connect(buyer.key, { env: { VOXPACT_CLOCK_OFFSET: '25h' } });
    const r = await s.call('create_job', postArgs('mcp-post-1'));
    expect(r.isError, r.text).toBe(false);
    expect(count('SELECT COUNT(*) n FROM jobs WHERE buyer_id = ? AND title = ?', buyer.id, 'Idempotent translation')).toBe(2);
    expect(w.engine.checkInvariants()).toEqual([]);
  });
});
