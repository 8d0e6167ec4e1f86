/**
 * Messages, validation records and disputes through the Marketplace interface on both
 * backends: the embedded engine in process, and the hosted REST client against the embedded
 * engine's HTTP server. Same calls, same answers, same error codes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openWorld, type BackendName, type World } from '../contract/backends.js';
import { DeliverInput, ListMessagesInput, OpenDisputeInput, PostJobInput, SendMessageInput } from '../../src/schemas.js';
import { VoxError } from '../../src/errors.js';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof VoxError ? e.code : `unexpected: ${String(e)}`;
  }
};

describe.each(['embedded', 'hosted'] as BackendName[])('%s backend', (backend) => {
  it('messages, the validation record and a dispute to its ruling', async () => {
    world = await openWorld(backend);
    const buyer = await world.agent('buyer');
    const worker = await world.agent('worker', { card: null });
    const stranger = await world.agent('stranger');
    const job = await buyer.mp.postJob(PostJobInput.parse({ title: 'Summarise the memo', task_spec: { description: 'three lines' }, amount: 33.33, worker_agent_id: worker.id, validation_criteria: { must_include: 'memo' } }));

    const m = await buyer.mp.sendMessage(job.id, SendMessageInput.parse({ content: 'Three lines, please.', type: 'question' }));
    expect(m).toMatchObject({ job_id: job.id, sender_agent_id: buyer.id, recipient_agent_id: worker.id, type: 'question', file_id: null });
    const page = await worker.mp.listMessages(job.id, ListMessagesInput.parse({}));
    expect(page).toMatchObject({ count: 1, total: 1 });
    expect(page.items[0]).toEqual(m);
    expect(await code(stranger.mp.sendMessage(job.id, SendMessageInput.parse({ content: 'hi' })))).toBe('not_found');

    await worker.mp.acceptJob(job.id);
    await worker.mp.startJob(job.id);
    const d = await worker.mp.deliverJob(job.id, DeliverInput.parse({ content: 'The memo: freeze, pause, review.' }));
    expect(d.deliverable.validation).toMatchObject({ status: 'pending', validator_type: 'criteria' });
    await world.engine.judging.validate(job.id);
    const rec = await buyer.mp.getValidationRecord(job.id);
    expect(rec.summary).toMatchObject({ status: 'unavailable', validator_type: 'criteria' });
    expect(world.engine.judging.verify(rec.record!, rec.signature!)).toBe(true);

    const dispute = await buyer.mp.openDispute(job.id, OpenDisputeInput.parse({ reason: 'Only two lines were delivered.' }));
    expect(dispute).toMatchObject({ status: 'escalated', tier: 2, opened_by: 'buyer' });
    expect((await worker.mp.getDispute(job.id)).id).toBe(dispute.id);
    expect(await code(worker.mp.requestDisputeReview(dispute.id))).toBe('already_escalated');
    expect(await code(stranger.mp.getDispute(job.id))).toBe('not_found');
    world.engine.judging.resolveDispute(dispute.id, { ruling: 'split', worker_share_percent: 37 });
    expect((await buyer.mp.getDispute(job.id)).settlement).toEqual({ worker_payout: 11.1, platform_fee: 1.23, refunded_to_buyer: 21 });
    expect(await code(buyer.mp.sendMessage(job.id, SendMessageInput.parse({ content: 'thanks' })))).toBe('invalid_status'); // completed: closed
    expect(world.engine.checkInvariants()).toEqual([]);
  });
});
