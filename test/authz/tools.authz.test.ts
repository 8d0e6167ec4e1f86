/**
 * Authorization matrix: every MCP tool × {buyer, worker, sibling (another agent of the BUYER'S
 * owner, not a party), stranger (an agent of another owner)} over real stdio, plus anonymous
 * (a server started with a bad key refuses to start). Generated from the tool table
 * (tools/index.ts): a tool without an entry in EXPECTATIONS fails, so a new tool cannot skip it.
 *
 * Each cell prepares fresh state (through the engine, on the servers' database), calls the tool
 * as that role and compares the outcome: 'ok', or the error code. A refusal changes nothing.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLS } from '../../tools/index.js';
import { DeliverInput, PostJobInput, SubmitBidInput } from '../../src/schemas.js';
import { type McpSession, type McpWorld, cliBuilt, mcpWorld, state } from '../fixtures/mcp.js';
import { DIST_CLI } from '../fixtures/world.js';

type Role = 'buyer' | 'worker' | 'sibling' | 'stranger';
const ROLES: Role[] = ['buyer', 'worker', 'sibling', 'stranger'];
/** 'ok', or the error code the role must get. */
type Expect = string;
type Args = Record<string, unknown>;
type Entry = { prepare: () => Promise<Args>; expect: Record<Role, Expect>; note?: string };

let w: McpWorld;
const A = {} as Record<Role, ReturnType<McpWorld['agent']>>;
const S = {} as Record<Role, McpSession>;
const stats = { cells: 0, tools: 0 };

// ---------- fixtures: fresh objects per cell ----------
const direct = () => A.buyer.mp.postJob(PostJobInput.parse({ title: 'Authz direct job', task_spec: { description: 'authz' }, amount: 10, worker_agent_id: A.worker.id }));
async function funded() { return (await direct()).id; }
async function accepted() { const id = await funded(); await A.worker.mp.acceptJob(id); return id; }
async function inProgress() { const id = await accepted(); await A.worker.mp.startJob(id); return id; }
async function delivered() { const id = await inProgress(); await A.worker.mp.deliverJob(id, DeliverInput.parse({ content: 'authz delivery' })); return id; }
async function disputed() { const id = await delivered(); await A.buyer.mp.openDispute(id, { reason: 'Not what was asked for.', evidence_items: [] }); return id; }
async function completed() { const id = await delivered(); await A.buyer.mp.approveJob(id); return id; }
async function openJob() { return (await A.buyer.mp.postJob(PostJobInput.parse({ title: 'Authz open job', task_spec: { description: 'authz' }, amount: 30, job_type: 'open' }))).id; }
async function bid() { const job = await openJob(); return (await A.worker.mp.submitBid(job, SubmitBidInput.parse({ proposed_price: 20 }))).id; }
async function inputFile() {
  const job = await funded();
  const f = await A.buyer.mp.uploadFile(job, { purpose: 'input', filename: 'spec.md', content: '# spec' } as any);
  return { job_id: job, file_id: f.file_id ?? (f as any).id };
}
async function pendingUpload() {
  const job = await funded();
  const u = await A.buyer.mp.requestUpload(job, { purpose: 'input', filename: 'big.pdf', content_type: 'application/pdf', file_size_bytes: 1000 } as any);
  return { job_id: job, file_id: u.file_id };
}
const same = (e: Expect): Record<Role, Expect> => ({ buyer: e, worker: e, sibling: e, stranger: e });
const parties = (buyer: Expect, worker: Expect, others = 'not_found'): Record<Role, Expect> => ({ buyer, worker, sibling: others, stranger: others });
const none = async () => ({});

/**
 * What each role may do. Non-parties get not_found (the same answer as for a job that does not
 * exist: nothing leaks); the wrong party gets forbidden.
 */
const EXPECTATIONS: Record<string, Entry> = {
  // account: the caller's own data, or public
  register_agent: { prepare: async () => ({ name: 'authz-new', owner_email: 'authz-new@example.test', webhook_url: 'https://127.0.0.1:1/hook' }), expect: same('webhook_verification_failed'), note: 'public; the loopback ping is refused for everyone alike' },
  search_agents: { prepare: none, expect: same('ok') },
  platform_info: { prepare: none, expect: same('ok') },
  get_dashboard: { prepare: none, expect: same('ok') },
  get_my_agent: { prepare: none, expect: same('ok') },
  update_my_agent: { prepare: async () => ({ description: 'updated by authz' }), expect: same('ok') },
  get_agent_profile: { prepare: async () => ({ agent_id: A.worker.id }), expect: same('ok') },
  list_agent_reviews: { prepare: async () => ({ agent_id: A.worker.id }), expect: same('ok') },
  get_trust_history: { prepare: none, expect: same('ok') },
  get_webhook_log: { prepare: none, expect: same('ok') },
  // jobs
  create_job: { prepare: async () => ({ title: 'Authz posted job', task_spec: { description: 'x' }, amount: 5, worker_agent_id: A.worker.id }),
    expect: { buyer: 'ok', worker: 'validation_error', sibling: 'ok', stranger: 'ok' }, note: 'the worker cannot hire itself' },
  list_jobs: { prepare: none, expect: same('ok') },
  get_job_status: { prepare: async () => ({ job_id: await funded() }), expect: parties('ok', 'ok') },
  get_open_jobs: { prepare: none, expect: same('ok') },
  get_job_transitions: { prepare: async () => ({ job_id: await funded() }), expect: parties('ok', 'ok') },
  accept_job: { prepare: async () => ({ job_id: await funded() }), expect: parties('forbidden', 'ok') },
  start_job: { prepare: async () => ({ job_id: await accepted() }), expect: parties('forbidden', 'ok') },
  deliver_job: { prepare: async () => ({ job_id: await inProgress(), content: 'delivered by authz' }), expect: parties('forbidden', 'ok') },
  get_deliverable_preview: { prepare: async () => ({ job_id: await delivered() }), expect: parties('ok', 'ok') },
  get_deliverable: { prepare: async () => ({ job_id: await delivered() }), expect: parties('invalid_status', 'ok'), note: 'the buyer reads the full deliverable once it has paid' },
  approve_job: { prepare: async () => ({ job_id: await delivered() }), expect: parties('ok', 'forbidden') },
  request_revision: { prepare: async () => ({ job_id: await delivered(), feedback: 'Please add a summary.' }), expect: parties('ok', 'forbidden') },
  cancel_job: { prepare: async () => ({ job_id: await funded(), reason: 'authz' }), expect: parties('ok', 'ok'), note: 'the worker declines (withdraw)' },
  // bidding
  submit_bid: { prepare: async () => ({ job_id: await openJob(), proposed_price: 15 }),
    expect: { buyer: 'forbidden', worker: 'ok', sibling: 'ok', stranger: 'ok' }, note: 'open jobs are public; an agent of the buyer\'s own owner is not stopped from bidding (reported)' },
  list_bids: { prepare: async () => ({ job_id: jobOfBid(await bid()) }), expect: same('ok'), note: 'the buyer sees all bids, others only their own' },
  accept_bid: { prepare: async () => ({ bid_id: await bid() }), expect: parties('ok', 'forbidden') },
  counter_bid: { prepare: async () => ({ bid_id: await bid(), counter_price: 18 }), expect: parties('ok', 'forbidden') },
  // disputes & reviews
  leave_review: { prepare: async () => ({ job_id: await completed(), rating: 5, comment: 'great' }), expect: parties('ok', 'ok') },
  open_dispute: { prepare: async () => ({ job_id: await delivered(), reason: 'The delivery misses section 3.' }), expect: parties('ok', 'ok') },
  get_dispute: { prepare: async () => ({ job_id: await disputed() }), expect: parties('ok', 'ok') },
  request_dispute_review: { prepare: async () => ({ dispute_id: (await A.buyer.mp.getDispute(await disputed())).id }),
    expect: parties('already_escalated', 'already_escalated'), note: 'without an AI arbiter a dispute goes straight to a human: the parties pass authorization and are told so' },
  // messages: between the buyer and the assigned worker only
  send_message: { prepare: async () => ({ job_id: await funded(), content: 'When can you start?' }), expect: parties('ok', 'ok') },
  list_messages: { prepare: async () => ({ job_id: await funded() }), expect: parties('ok', 'ok') },
  // notifications
  list_notifications: { prepare: none, expect: same('ok') },
  mark_notifications_read: { prepare: async () => ({ notification_ids: [await buyerNotification()] }), expect: { buyer: 'ok', worker: 'not_found', sibling: 'not_found', stranger: 'not_found' } },
  // payments: cards belong to the OWNER (reference: "saved payment methods for this owner")
  list_payment_methods: { prepare: none, expect: same('ok') },
  setup_payment_method: { prepare: none, expect: same('ok') },
  save_payment_method: { prepare: async () => ({ payment_method_id: 'pm_card_mastercard' }), expect: same('ok') },
  delete_payment_method: { prepare: async () => ({ payment_method_id: (await A.buyer.mp.savePaymentMethod('pm_card_amex')).id }),
    expect: { buyer: 'ok', worker: 'not_found', sibling: 'ok', stranger: 'not_found' }, note: 'the sibling shares the owner\'s cards' },
  get_payouts: { prepare: none, expect: same('ok') },
  connect_onboard: { prepare: none, expect: same('ok'), note: 'embedded: payouts settle at once, nothing to onboard' },
  connect_status: { prepare: none, expect: same('ok') },
  // files
  upload_file: { prepare: async () => ({ job_id: await funded(), purpose: 'input', filename: 'notes.md', content: 'notes' }), expect: parties('ok', 'forbidden') },
  confirm_upload: { prepare: pendingUpload, expect: parties('upload_incomplete', 'forbidden'), note: 'the buyer passes authorization and is told the bytes are missing' },
  list_files: { prepare: async () => ({ job_id: await funded() }), expect: parties('ok', 'ok') },
  get_file_download_url: { prepare: inputFile, expect: parties('ok', 'ok') },
  preview_file: { prepare: inputFile, expect: parties('ok', 'ok') },
  delete_file: { prepare: inputFile, expect: parties('ok', 'forbidden') },
};

function jobOfBid(bidId: string) {
  return (w.db.prepare('SELECT job_id FROM bids WHERE id = ?').get(bidId) as { job_id: string }).job_id;
}
async function buyerNotification() {
  await accepted(); // job.accepted reaches the buyer
  return (w.db.prepare('SELECT id FROM notifications WHERE agent_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(A.buyer.id) as { id: string }).id;
}

beforeAll(async () => {
  if (!cliBuilt()) throw new Error('dist/src/cli.js is missing: run `npx tsc -p tsconfig.json` (npm test builds first)');
  w = await mcpWorld('authz');
  A.buyer = w.agent('Authz Buyer');
  A.sibling = w.agent('Authz Sibling', { owner: A.buyer.owner }); // pays the 5.00 EUR activation with its card
  A.worker = w.agent('Authz Worker');
  A.stranger = w.agent('Authz Stranger');
  // Platinum worker: the matrix leaves many jobs active and the tier caps concurrent work.
  w.db.prepare('UPDATE agents SET trust_score = 95 WHERE id = ?').run(A.worker.id);
  for (const r of ROLES) S[r] = await w.connect(A[r].key, { args: ['--toolsets', 'all'] });
});
afterAll(async () => {
  console.log(`[authz] ${stats.cells} cells checked (${stats.tools} tools × ${ROLES.length} roles) + anonymous (malformed, unknown, rotated key)`);
  await w?.close();
});

describe('authorization matrix (tools × roles)', () => {
  it('has an entry for every tool of the tool table', () => {
    const missing = TOOLS.map((t) => t.name).filter((n) => !EXPECTATIONS[n]);
    expect(missing, 'tools without authorization expectations: add them to EXPECTATIONS in test/authz/tools.authz.test.ts').toEqual([]);
    const stale = Object.keys(EXPECTATIONS).filter((n) => !TOOLS.some((t) => t.name === n));
    if (stale.length) console.log(`[authz] expectations for tools not in this build: ${stale.join(', ')}`);
  });

  for (const def of TOOLS) {
    it(`${def.name}: ${EXPECTATIONS[def.name] ? ROLES.map((r) => `${r} → ${EXPECTATIONS[def.name].expect[r]}`).join(', ') : 'NO ENTRY'}`, async () => {
      const entry = EXPECTATIONS[def.name];
      expect(entry, `no authorization expectations for ${def.name}`).toBeTruthy();
      stats.tools++;
      const got: Record<string, string> = {};
      for (const role of ROLES) {
        const args = await entry.prepare();
        const before = state(w.db);
        const r = await S[role].call(def.name, args);
        stats.cells++;
        expect(r.protocolError, `${def.name} as ${role}`).toBeUndefined();
        got[role] = r.isError ? r.code ?? 'error' : 'ok';
        if (r.isError) expect(state(w.db), `${def.name} as ${role} was refused (${r.code}) but changed the database`).toBe(before);
      }
      expect(got, `${def.name}${entry.note ? ` (${entry.note})` : ''}`).toEqual(entry.expect);
      expect(w.engine.checkInvariants()).toEqual([]);
    });
  }
});

describe('anonymous: a server with a bad key refuses to start', () => {
  const start = (key: string) => new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    const p = spawn(process.execPath, [DIST_CLI], { env: { PATH: process.env.PATH ?? '', VOXPACT_DATA_DIR: w.dir, VOXPACT_API_KEY: key }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    p.stderr.on('data', (d) => (stderr += d));
    p.stdout.on('data', (d) => (stdout += d));
    const t = setTimeout(() => p.kill('SIGKILL'), 15_000);
    p.on('close', (code) => (clearTimeout(t), resolve({ code, stderr, stdout })));
  });

  it.each([
    ['malformed', 'not-a-key'],
    ['well-formed, never issued', 'vxp_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA000000'],
  ])('%s key → exits non-zero before serving, saying why', async (_what, key) => {
    const r = await start(key);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull(); // it exited by itself
    expect(r.stdout).toBe(''); // not one MCP message
    expect(r.stderr).toMatch(/VOXPACT_API_KEY|API key/);
  });

  it('a rotated (revoked) key → exits non-zero', async () => {
    const a = w.agent('Authz Rotated');
    w.engine.rotateKey(a.id);
    const r = await start(a.key);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/VOXPACT_API_KEY|API key/);
  });
});
