/**
 * Every MCP tool fuzzed over real stdio (the compiled bin, the SDK client), with schema-aware
 * random and boundary inputs (generators.ts). The tool list comes from tools/index.ts — the
 * table the server is built from — so a new tool is fuzzed without anyone listing it here.
 *
 * Each call must answer a clear tool error (a snake_case code, the message naming it, never
 * internal_error) or a valid result (the SDK client checks it against the output schema); never
 * a protocol error for an argument object, never a dead session, never an unhandled rejection on
 * the server's stderr; and a refused call changes nothing (money, rows) in the database.
 *
 * Default: 12 cases per tool and session. VOXPACT_LONG=1: 150. Seed: VOXPACT_FUZZ_SEED.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLS } from '../../tools/index.js';
import { toolListing } from '../../src/tool.js';
import { DeliverInput, PostJobInput, SubmitBidInput } from '../../src/schemas.js';
import { type McpSession, type McpWorld, cliBuilt, mcpWorld, state } from '../fixtures/mcp.js';
import { scale } from '../fixtures/world.js';
import { type Pools, argsFor, label } from './generators.js';

const CASES = Number(process.env.VOXPACT_FUZZ_CASES ?? scale(12, 150));
const SEED = Number(process.env.VOXPACT_FUZZ_SEED ?? Date.now() % 1_000_000);
const CRASH_MARKS = /Unhandled|unhandled rejection|uncaught|triggerUncaughtException|FATAL|Maximum call stack|heap out of memory/i;

let w: McpWorld;
let sessions: { who: string; s: McpSession }[];
const pools: Pools = { job: [], bid: [], agent: [], notification: [], pm: [], file: [], dispute: [] };
const totals = { cases: 0, toolErrors: 0, results: 0, protocolErrors: 0 };

beforeAll(() => {
  if (!cliBuilt()) throw new Error('dist/src/cli.js is missing: run `npx tsc -p tsconfig.json` (npm test builds first)');
});

beforeAll(async () => {
  w = await mcpWorld('fuzz');
  const buyer = w.agent('Fuzz Buyer');
  const worker = w.agent('Fuzz Worker', { capabilities: ['translation'] });
  const other = w.agent('Fuzz Other');
  // Jobs in several states so ids are real and checks go deep.
  const direct = (t: string) => buyer.mp.postJob(PostJobInput.parse({ title: `Fuzz ${t}`, task_spec: { description: t }, amount: 12.5, worker_agent_id: worker.id }));
  const funded = await direct('funded');
  const inProgress = await direct('in progress');
  await worker.mp.acceptJob(inProgress.id);
  await worker.mp.startJob(inProgress.id);
  const delivered = await direct('delivered');
  await worker.mp.acceptJob(delivered.id);
  await worker.mp.startJob(delivered.id);
  await worker.mp.deliverJob(delivered.id, DeliverInput.parse({ content: 'fuzz deliverable' }));
  const completed = await direct('completed');
  await worker.mp.acceptJob(completed.id);
  await worker.mp.startJob(completed.id);
  await worker.mp.deliverJob(completed.id, DeliverInput.parse({ content: 'done' }));
  await buyer.mp.approveJob(completed.id);
  const open = await buyer.mp.postJob(PostJobInput.parse({ title: 'Fuzz open job', task_spec: { description: 'bid on me' }, amount: 50, job_type: 'open' }));
  const bid = await worker.mp.submitBid(open.id, SubmitBidInput.parse({ proposed_price: 20, message: 'fuzz bid' }));
  // A file, a message and a dispute, so their ids are real too.
  const file = await buyer.mp.uploadFile(funded.id, { purpose: 'input', filename: 'spec.md', content: '# spec' } as any);
  await buyer.mp.sendMessage(funded.id, { content: 'hello', type: 'info' } as any);
  const disputed = await direct('disputed');
  await worker.mp.acceptJob(disputed.id);
  await worker.mp.startJob(disputed.id);
  await worker.mp.deliverJob(disputed.id, DeliverInput.parse({ content: 'meh' }));
  const dispute = await buyer.mp.openDispute(disputed.id, { reason: 'Not what I asked for.', evidence_items: [] } as any);
  pools.file.push((file as any).file_id ?? (file as any).id);
  pools.dispute.push(dispute.id);
  pools.job.push(funded.id, inProgress.id, delivered.id, completed.id, open.id, disputed.id, '00000000-0000-4000-8000-000000000000');
  pools.bid.push(bid.id);
  pools.agent.push(buyer.id, worker.id, other.id);
  pools.notification.push(...(await buyer.mp.listNotifications({ unread_only: false, limit: 5, offset: 0 })).items.map((n) => n.id));
  pools.pm.push(...(await buyer.mp.listPaymentMethods()).items.map((p) => p.id));
  sessions = [
    { who: 'buyer', s: await w.connect(buyer.key, { agentId: buyer.id, args: ['--toolsets', 'all'] }) },
    { who: 'worker', s: await w.connect(worker.key, { agentId: worker.id, args: ['--toolsets', 'all'] }) },
  ];
});

afterAll(async () => {
  console.log(`[fuzz] ${totals.cases} fuzz cases over ${TOOLS.length} tools (seed ${SEED}): ${totals.toolErrors} clear tool errors, ${totals.results} valid results, ` +
    `${totals.protocolErrors} protocol errors for non-object arguments; sessions alive, no state change on any error`);
  await w?.close();
});

type Failure = { tool: string; who: string; args: string; problem: string };

async function oneCase(tool: string, who: string, s: McpSession, args: unknown, mutations: string[], failures: Failure[], objectArgs = true) {
  const before = state(w.db);
  const r = await s.call(tool, args);
  totals.cases++;
  const fail = (problem: string) => failures.push({ tool, who, args: mutations.join(' ') || label(args), problem });
  if (r.protocolError) {
    totals.protocolErrors++;
    if (objectArgs) fail(`protocol error: ${r.protocolError}`);
  } else if (r.isError) {
    totals.toolErrors++;
    if (!r.code || !/^[a-z][a-z0-9_]*$/.test(r.code)) fail(`tool error without a code: ${r.text.slice(0, 200)}`);
    else if (r.code === 'internal_error') fail(`internal_error: ${r.text.slice(0, 300)}`);
    else if (!r.text.startsWith(`${r.code}:`) || r.text.length < r.code.length + 5) fail(`unclear error text: ${r.text.slice(0, 200)}`);
  } else {
    totals.results++;
    if (!r.data || typeof r.data !== 'object') fail('a result without structuredContent');
  }
  if (r.isError && state(w.db) !== before) fail(`refused (${r.code ?? r.protocolError}) but the database changed`);
  if (s.closed) fail('the session died');
}

describe('fuzzing every tool over stdio', () => {
  it('the server lists exactly the tools of tools/index.ts', async () => {
    const listed = (await sessions[0].s.client.listTools()).tools.map((t) => t.name).sort();
    expect(listed).toEqual(TOOLS.map((t) => t.name).sort());
  });

  it(`every tool, ${CASES} schema-aware hostile cases per session: a clear tool error or a valid result`, async () => {
    const failures: Failure[] = [];
    for (const [i, def] of TOOLS.entries()) {
      const schema = toolListing(def).inputSchema as Parameters<typeof argsFor>[0];
      const samples = fc.sample(argsFor(schema, pools), { numRuns: CASES * sessions.length, seed: SEED + i });
      for (const [k, { args, mutations }] of samples.entries()) {
        const { who, s } = sessions[k % sessions.length];
        await oneCase(def.name, who, s, args, mutations, failures);
      }
      // Arguments that are not an object at all: the SDK may refuse them at the protocol level, the session must live on.
      for (const args of [null, [], 'x', 42, true]) await oneCase(def.name, 'buyer', sessions[0].s, args, [], failures, false);
    }
    for (const { s } of sessions) {
      expect(s.closed, 'a session died').toBe(false);
      const alive = await s.call('platform_info', {});
      expect(alive.isError, alive.text).toBe(false);
      const crash = s.stderr.split('\n').filter((l) => CRASH_MARKS.test(l));
      expect(crash, 'the server printed a crash on stderr').toEqual([]);
    }
    expect(w.engine.checkInvariants()).toEqual([]);
    if (failures.length) console.log(`[fuzz] failures (seed ${SEED}):\n${failures.slice(0, 40).map((f) => `  ${f.tool} as ${f.who} [${f.args}]: ${f.problem}`).join('\n')}`);
    expect(failures.map((f) => `${f.tool}: ${f.problem.slice(0, 120)}`)).toEqual([]);
  }, scale(240_000, 3_600_000));
});
