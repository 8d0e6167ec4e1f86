/**
 * Idempotency through the engine: an LLM agent retries after a timeout, or sends the same call
 * twice. Same key + same arguments → the first answer, money moved once (ledger); same key +
 * other arguments → `idempotency_key_reused` naming the field; keys live 24 h (ManualClock).
 * The two-process race on one key is in test/races/idempotency.race.test.ts; the MCP tools in
 * test/hostile/idempotency.mcp.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VoxError } from '../../src/errors.js';
import { CancelInput, DeliverInput, PostJobInput, SubmitBidInput, UpdateAgentInput } from '../../src/schemas.js';
import { HOUR, allViolations, fingerprint, openWorld, type World } from '../fixtures/world.js';

let w: World;
afterEach(() => w?.close());

const txns = (w: World, kind: string, jobId?: string) =>
  (w.db.prepare(`SELECT COUNT(*) n FROM ledger_txns WHERE kind = ? ${jobId ? 'AND job_id = ?' : ''}`).get(...(jobId ? [kind, jobId] : [kind])) as { n: number }).n;
const count = (w: World, table: string) => (w.db.prepare(`SELECT COUNT(*) n FROM ${table}`).get() as { n: number }).n;

async function refusal(p: Promise<unknown>): Promise<VoxError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof VoxError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

function setup() {
  w = openWorld({ prefix: 'idem' });
  const buyer = w.agent('Idem Buyer');
  const worker = w.agent('Idem Worker');
  const direct = (extra: Record<string, unknown> = {}) => PostJobInput.parse({
    title: 'Translate the manual', task_spec: { description: 'EN→DE', pages: 3 }, amount: 25, worker_agent_id: worker.id, ...extra,
  });
  /** A direct job walked to `delivered`. */
  async function delivered() {
    const j = await buyer.mp.postJob(direct());
    await worker.mp.acceptJob(j.id);
    await worker.mp.startJob(j.id);
    await worker.mp.deliverJob(j.id, DeliverInput.parse({ content: 'Das Handbuch.' }));
    return j;
  }
  return { buyer, worker, direct, delivered };
}

describe('idempotency_key (engine)', () => {
  it('post_job: a retry with the same key returns the first job and charges the card once', async () => {
    const { buyer, direct } = setup();
    const first = await buyer.mp.postJob(direct({ idempotency_key: 'post-1' }));
    const before = fingerprint(w.db);
    const again = await buyer.mp.postJob(direct({ idempotency_key: 'post-1' }));
    expect(again).toEqual(JSON.parse(JSON.stringify(first)));
    expect(fingerprint(w.db)).toBe(before);
    expect(count(w, 'jobs')).toBe(1);
    expect(txns(w, 'capture')).toBe(1);
    expect(w.engine.ledgerSummary().escrow).toBe(25);
    expect(allViolations(w.engine)).toEqual([]);
  });

  it('the same key with other arguments is refused, naming idempotency_key, and changes nothing', async () => {
    const { buyer, direct } = setup();
    await buyer.mp.postJob(direct({ idempotency_key: 'post-2' }));
    const before = fingerprint(w.db);
    const e = await refusal(buyer.mp.postJob(direct({ idempotency_key: 'post-2', amount: 26 })));
    expect(e.code).toBe('idempotency_key_reused');
    expect(e.details.field).toBe('idempotency_key');
    expect(e.message).toMatch(/post_job/);
    expect(fingerprint(w.db)).toBe(before);
    // Another operation with a used key is "other arguments" too.
    const job = (await buyer.mp.listJobs({ limit: 1, offset: 0 })).items[0];
    const e2 = await refusal(buyer.mp.cancelJob(job.id, { idempotency_key: 'post-2' }));
    expect(e2.code).toBe('idempotency_key_reused');
    expect(fingerprint(w.db)).toBe(before);
  });

  it('the same arguments in another key order are the same request (an LLM may reorder JSON on a retry)', async () => {
    const { buyer, worker } = setup();
    const a = PostJobInput.parse({ title: 'Summarise the report', task_spec: { description: 'short', lang: 'en', input_url: 'https://example.com/r.pdf' }, amount: 12.5, worker_agent_id: worker.id, idempotency_key: 'order-1' });
    const b = PostJobInput.parse({ idempotency_key: 'order-1', worker_agent_id: worker.id, amount: 12.5, task_spec: { input_url: 'https://example.com/r.pdf', lang: 'en', description: 'short' }, title: 'Summarise the report' });
    const first = await buyer.mp.postJob(a);
    const again = await buyer.mp.postJob(b);
    expect(again.id).toBe(first.id);
    expect(count(w, 'jobs')).toBe(1);
  });

  it('keys belong to one agent: another agent may use the same key', async () => {
    const { buyer, worker, direct } = setup();
    const other = w.agent('Idem Other Buyer');
    const a = await buyer.mp.postJob(direct({ idempotency_key: 'shared' }));
    const b = await other.mp.postJob(PostJobInput.parse({ title: 'Other job here', task_spec: { description: 'x' }, amount: 25, worker_agent_id: worker.id, idempotency_key: 'shared' }));
    expect(b.id).not.toBe(a.id);
    expect(txns(w, 'capture')).toBe(2);
  });

  it('a key lives 24 hours: replayed at 24 h − 1 ms, a new request at 24 h', async () => {
    const { buyer, direct } = setup();
    const first = await buyer.mp.postJob(direct({ idempotency_key: 'ttl' }));
    w.clock.advance(24 * HOUR - 1);
    expect((await buyer.mp.postJob(direct({ idempotency_key: 'ttl' }))).id).toBe(first.id);
    expect(count(w, 'jobs')).toBe(1);
    w.clock.advance(1);
    const later = await buyer.mp.postJob(direct({ idempotency_key: 'ttl' }));
    expect(later.id).not.toBe(first.id);
    expect(txns(w, 'capture')).toBe(2);
    // …and the fresh answer is what the key replays from now on.
    expect((await buyer.mp.postJob(direct({ idempotency_key: 'ttl' }))).id).toBe(later.id);
    // After 24 h the same key with other arguments is a new request, not a conflict.
    w.clock.advance(24 * HOUR + 1);
    w.engine.runTimers(); // housekeeping drops expired keys
    expect(count(w, 'idempotency')).toBe(0);
    const third = await buyer.mp.postJob(direct({ idempotency_key: 'ttl', amount: 30 }));
    expect(third.amount).toBe(30);
    expect(allViolations(w.engine)).toEqual([]);
  });

  it('a refused first call stores nothing: the retry with the same key runs for real', async () => {
    const { buyer, direct } = setup();
    await buyer.mp.updateMyAgent(UpdateAgentInput.parse({ monthly_spending_limit: 10 }));
    const e = await refusal(buyer.mp.postJob(direct({ idempotency_key: 'capped' })));
    expect(e.code).toBe('monthly_limit_exceeded');
    expect(count(w, 'idempotency')).toBe(0);
    w.engine.updateAgentAsOwner(w.engine.identity.ownerOf(buyer.id)!, buyer.id, UpdateAgentInput.parse({ monthly_spending_limit: null })); // lifting the cap is the owner's step
    const job = await buyer.mp.postJob(direct({ idempotency_key: 'capped' }));
    expect(job.status).toBe('funded');
    expect(txns(w, 'capture')).toBe(1);
  });

  it('approve_job: retry returns the first answer; the escrow is released once', async () => {
    const { buyer, delivered } = setup();
    const j = await delivered();
    const first = await buyer.mp.approveJob(j.id, { idempotency_key: 'approve-1' });
    const before = fingerprint(w.db);
    expect(await buyer.mp.approveJob(j.id, { idempotency_key: 'approve-1' })).toEqual(JSON.parse(JSON.stringify(first)));
    expect(fingerprint(w.db)).toBe(before);
    expect(txns(w, 'release', j.id)).toBe(1);
    // Without the key a second approve is a plain invalid_status, not a second release.
    expect((await refusal(buyer.mp.approveJob(j.id))).code).toBe('invalid_status');
    expect(txns(w, 'release', j.id)).toBe(1);
    expect(allViolations(w.engine)).toEqual([]);
  });

  it('cancel_job: retry returns the first answer; the refund happens once', async () => {
    const { buyer, direct } = setup();
    const j = await buyer.mp.postJob(direct());
    const first = await buyer.mp.cancelJob(j.id, CancelInput.parse({ reason: 'no longer needed', idempotency_key: 'cancel-1' }));
    const again = await buyer.mp.cancelJob(j.id, CancelInput.parse({ reason: 'no longer needed', idempotency_key: 'cancel-1' }));
    expect(again).toEqual(JSON.parse(JSON.stringify(first)));
    expect(txns(w, 'refund', j.id)).toBe(1);
    const e = await refusal(buyer.mp.cancelJob(j.id, CancelInput.parse({ reason: 'another reason', idempotency_key: 'cancel-1' })));
    expect(e.code).toBe('idempotency_key_reused');
  });

  it('deliver_job: retry returns the first deliverable; one revision is recorded', async () => {
    const { buyer, worker, direct } = setup();
    const j = await buyer.mp.postJob(direct());
    await worker.mp.acceptJob(j.id);
    await worker.mp.startJob(j.id);
    const input = DeliverInput.parse({ content: 'Fertig.', idempotency_key: 'deliver-1' });
    const first = await worker.mp.deliverJob(j.id, input);
    const again = await worker.mp.deliverJob(j.id, input);
    expect(again).toEqual(JSON.parse(JSON.stringify(first)));
    expect(count(w, 'deliverables')).toBe(1);
    expect((w.db.prepare("SELECT COUNT(*) n FROM timers WHERE kind = 'auto_release'").get() as { n: number }).n).toBe(1);
    const e = await refusal(worker.mp.deliverJob(j.id, DeliverInput.parse({ content: 'Anders.', idempotency_key: 'deliver-1' })));
    expect(e.code).toBe('idempotency_key_reused');
  });

  it('submit_bid and accept_bid: retries return the first bid / acceptance; one capture', async () => {
    const { buyer, worker } = setup();
    const open = await buyer.mp.postJob(PostJobInput.parse({ title: 'Open translation', task_spec: { description: 'x' }, amount: 40, job_type: 'open' }));
    const bidInput = SubmitBidInput.parse({ proposed_price: 30, message: 'fast', idempotency_key: 'bid-1' });
    const bid = await worker.mp.submitBid(open.id, bidInput);
    // Without the key this would be rate limited (one bid per 5 minutes): the key replays instead.
    expect(await worker.mp.submitBid(open.id, bidInput)).toEqual(JSON.parse(JSON.stringify(bid)));
    expect(count(w, 'bids')).toBe(1);
    const acc = await buyer.mp.acceptBid(bid.id, { idempotency_key: 'accept-1' });
    expect(await buyer.mp.acceptBid(bid.id, { idempotency_key: 'accept-1' })).toEqual(JSON.parse(JSON.stringify(acc)));
    expect(txns(w, 'capture', open.id)).toBe(1);
    expect(w.engine.ledgerSummary().escrow).toBe(30);
    expect(allViolations(w.engine)).toEqual([]);
  });

  it('a key that failed with idempotency_key_reused is still bound to its first request', async () => {
    const { buyer, direct } = setup();
    const first = await buyer.mp.postJob(direct({ idempotency_key: 'sticky' }));
    await refusal(buyer.mp.postJob(direct({ idempotency_key: 'sticky', title: 'Something else entirely' })));
    expect((await buyer.mp.postJob(direct({ idempotency_key: 'sticky' }))).id).toBe(first.id);
  });
});
