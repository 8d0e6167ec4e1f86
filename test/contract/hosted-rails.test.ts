/**
 * The hosted proxy's own env rails (src/hosted/rails.ts) in front of a real upstream (the
 * embedded REST server over a socket): the upstream cannot know them, so the proxy refuses above
 * its maximum and asks its human above its threshold; an upstream approval_id passes on to the
 * upstream, which checks it — a made-up one never passes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VoxError } from '../../src/errors.js';
import { PostJobInput } from '../../src/schemas.js';
import { type World, openWorld } from './backends.js';

let world: World;
afterEach(() => world?.close());
const caught = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: VoxError) => e);
const captures = () => (world.engine.db.prepare("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'capture'").get() as { n: number }).n;

describe('hosted proxy with VOXPACT_MAX_JOB_EUR=30, VOXPACT_CONFIRM_ABOVE_EUR=10', () => {
  it('refuses above its maximum, asks its human above its threshold, and its approval is bound to the call', async () => {
    world = await openWorld('hosted', { hosted: { rails: { maxJobCents: 3000, confirmAboveCents: 1000 } } });
    const buyer = await world.agent('buyer');
    const worker = await world.agent('worker', { card: null });
    const job = (amount: number, extra: object = {}) => PostJobInput.parse({ title: 'Proofread', task_spec: { description: 'x' }, amount, worker_agent_id: worker.id, ...extra });

    expect(await caught(buyer.mp.postJob(job(31)))).toMatchObject({ code: 'spending_rail_exceeded', status: 403 });
    const e = await caught(buyer.mp.postJob(job(12)));
    expect(e).toMatchObject({ code: 'approval_required', details: { approval_url: null, status: 'pending' } });
    expect(String(e.details.summary)).toMatch(new RegExp(`^Pay into escrow for a direct job: 12\\.00 EUR for your job “Proofread” to agent ${worker.id} \\(trust 50, silver tier, 0 jobs done; name it chose itself: “worker”\\)\\. Why a human decides: 12\\.00 EUR is above this MCP server's confirmation threshold of 10\\.00 EUR`));
    const id = String(e.details.approval_id);
    expect(await caught(buyer.mp.postJob(job(12, { approval_id: id })))).toMatchObject({ code: 'approval_pending' });
    // A made-up id is forwarded upstream, which knows no such approval.
    expect(await caught(buyer.mp.postJob(job(12, { approval_id: '00000000-0000-4000-8000-000000000000' })))).toMatchObject({ code: 'not_found' });
    await buyer.mp.approveByClient!(id);
    expect(await caught(buyer.mp.postJob(job(13, { approval_id: id })))).toMatchObject({ code: 'approval_mismatch' });
    expect(captures()).toBe(0);
    expect(await buyer.mp.postJob(job(12, { approval_id: id }))).toMatchObject({ status: 'funded', escrow_amount: 12 });
    expect(captures()).toBe(1);
    // Used once: the same id again is the upstream's to judge, and it knows none.
    expect(await caught(buyer.mp.postJob(job(12, { approval_id: id })))).toMatchObject({ code: 'not_found' });
    expect(await buyer.mp.getPlatformInfo()).toMatchObject({ spending_rails: { max_job_amount: 30, confirm_above: 10 } });
  });
});
