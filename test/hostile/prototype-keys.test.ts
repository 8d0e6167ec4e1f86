/**
 * Prototype-pollution and prototype-lookup inputs over real stdio. Any place that looks a user
 * string up in a plain object (`TABLE[input]`) answers for 'constructor', '__proto__',
 * 'hasOwnProperty' … unless it checks own keys; every such input must be a clear tool error
 * or a correct result, and own `__proto__` keys in JSON arguments must neither pollute nor crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostJobInput } from '../../src/schemas.js';
import { type McpSession, type McpWorld, cliBuilt, mcpWorld, state } from '../fixtures/mcp.js';

const PROTO_NAMES = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype'];

let w: McpWorld;
let s: McpSession;
let ws: McpSession;
let jobId: string;

beforeAll(async () => {
  if (!cliBuilt()) throw new Error('dist/src/cli.js is missing: run `npx tsc -p tsconfig.json` (npm test builds first)');
  w = await mcpWorld('proto');
  const buyer = w.agent('Proto Buyer');
  const worker = w.agent('Proto Worker');
  const job = await buyer.mp.postJob(PostJobInput.parse({ title: 'Proto job', task_spec: { description: 'x' }, amount: 10, worker_agent_id: worker.id }));
  jobId = job.id;
  await worker.mp.acceptJob(job.id);
  await worker.mp.startJob(job.id);
  s = await w.connect(buyer.key, { args: ['--toolsets', 'all'] });
  ws = await w.connect(worker.key, { args: ['--toolsets', 'all'] });
});
afterAll(async () => w?.close());

function expectClear(r: Awaited<ReturnType<McpSession['call']>>, what: string) {
  expect(r.protocolError, what).toBeUndefined();
  if (r.isError) {
    expect(r.code, `${what}: ${r.text}`).toMatch(/^[a-z_]+$/);
    expect(r.code, `${what}: ${r.text}`).not.toBe('internal_error');
  }
}

describe('prototype keys', () => {
  it('save_payment_method with a prototype property name is an unknown card, not a crash', async () => {
    for (const name of PROTO_NAMES) {
      const before = state(w.db);
      const r = await s.call('save_payment_method', { payment_method_id: name });
      expectClear(r, name);
      expect(r.isError, name).toBe(true);
      expect(r.code).toBe('invalid_payment_method');
      expect(state(w.db)).toBe(before);
    }
  });

  it('a deliverable file named *.constructor gets a real content type (or a clear refusal)', async () => {
    for (const ext of ['constructor', 'hasownproperty', 'valueof', 'tostring']) {
      const r = await s.call('upload_file', { job_id: jobId, purpose: 'input', filename: `notes.${ext}`, content: 'hello' });
      expectClear(r, ext);
      if (!r.isError) expect(typeof r.data.uploaded.content_type).toBe('string');
      else expect(r.code, r.text).toBe('validation_error');
      // Without content the type comes from the filename alone (a presigned upload).
      const u = await s.call('upload_file', { job_id: jobId, purpose: 'input', filename: `big.${ext}`, file_size_bytes: 1000 });
      expectClear(u, `upload url for big.${ext}`);
      if (!u.isError) expect(typeof u.data.upload.content_type).toBe('string');
      const b = await s.call('upload_file', { job_id: jobId, purpose: 'input', filename: `bin.${ext}`, content_base64: 'AAECAwQ=' });
      expectClear(b, `base64 bin.${ext}`);
    }
  });

  it('own __proto__ / constructor keys in arguments and in task_spec neither crash nor pollute', async () => {
    const args = JSON.parse(`{"title":"Proto pollution","task_spec":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"description":"x"},
      "amount":5,"job_type":"open","__proto__":{"isAdmin":true}}`);
    const r = await s.call('create_job', args);
    expectClear(r, 'create_job with __proto__');
    // Refused as an unknown key, or dropped by the JSON-RPC layer (which rebuilds the object): never acted on.
    if (!r.isError) expect(JSON.stringify(r.data)).not.toMatch(/isAdmin/);
    delete args.__proto__;
    const ok = await s.call('create_job', args);
    expectClear(ok, 'create_job with __proto__ in task_spec');
    expect(ok.isError, ok.text).toBe(false);
    const stored = (await s.call('get_job_status', { job_id: ok.data.id })).data; // create_job answers what changed, not the task_spec
    expect(stored.task_spec.description).toBe('x');
    expect(Object.getPrototypeOf(stored.task_spec)).toBe(Object.prototype);
    // The server still works and nothing acquired a polluted prototype.
    const me = await s.call('get_my_agent', {});
    expect(me.isError).toBe(false);
    expect(JSON.stringify(me.data)).not.toMatch(/polluted|isAdmin/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('list_jobs status filter with prototype names is a clear validation error', async () => {
    for (const name of PROTO_NAMES) {
      const r = await s.call('list_jobs', { status: name });
      expectClear(r, name);
      expect(r.isError).toBe(true);
    }
  });
});
