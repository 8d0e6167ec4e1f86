/**
 * `voxpact-mcp admin …` as an operator runs it: the built CLI (dist/, `npm run build`) on a
 * database prepared through the engine. Checks the output, the exit codes and the books.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_CLI, openWorld, transitionViolations, type World } from '../fixtures/world.js';
import { DeliverInput, OpenDisputeInput, PostJobInput } from '../../src/schemas.js';
import { isPostgresUrl } from '../../src/engine/pg.js';

let w: World;
let dataDir: string;

function cli(...args: string[]) {
  const where = isPostgresUrl(w.dbPath) ? ['--database-url', w.dbPath] : [];
  const r = spawnSync(process.execPath, [DIST_CLI, ...args, '--data-dir', dataDir, ...where], {
    encoding: 'utf8', env: { ...process.env, VOXPACT_JUDGE_URL: '', VOXPACT_LOG_LEVEL: 'error' }, timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function disputedJob(amount = 33.33) {
  const buyer = w.agent('buyer');
  const worker = w.agent('worker', { card: null });
  const j = await buyer.mp.postJob(PostJobInput.parse({ title: 'Summarise the memo', task_spec: { description: 'x' }, amount, worker_agent_id: worker.id }));
  await worker.mp.acceptJob(j.id);
  await worker.mp.startJob(j.id);
  await worker.mp.deliverJob(j.id, DeliverInput.parse({ content: 'A summary.' }));
  const d = await buyer.mp.openDispute(j.id, OpenDisputeInput.parse({ reason: 'Section 3 is missing.' }));
  return { jobId: j.id, disputeId: d.id, buyer, worker };
}

beforeAll(() => {
  if (!existsSync(DIST_CLI)) throw new Error('build first: npm run build (the CLI runs from dist/)');
  w = openWorld({ prefix: 'admin-cli' });
  dataDir = w.dir!;
});
afterAll(() => w.close());

describe('voxpact-mcp admin disputes', () => {
  it('list, show, resolve a split: the escrow moves, the books balance', async () => {
    const { jobId, disputeId, worker } = await disputedJob();
    const list = cli('admin', 'disputes', 'list');
    expect(list.code, list.err).toBe(0);
    // the CLI runs on the real clock; the database on the test's, so the 48 h SLA may read as overdue
    expect(list.out).toMatch(new RegExp(`${disputeId}  job ${jobId}  escalated( OVERDUE)?  tier 2  opened by buyer`));
    const listJson = JSON.parse(cli('admin', 'disputes', 'list', '--status', 'escalated', '--json').out);
    expect(listJson.map((d: { id: string }) => d.id)).toContain(disputeId);

    const show = cli('admin', 'disputes', 'show', disputeId);
    expect(show.code, show.err).toBe(0);
    expect(show.out).toMatch(/Dispute .*: escalated, tier 2/);
    expect(show.out).toContain('Opened by the buyer');
    expect(show.out).toContain('33.33 EUR');

    const r = cli('admin', 'disputes', 'resolve', disputeId, '--ruling', 'split', '--worker-share', '37', '--note', 'Half done.', '--json');
    expect(r.code, r.err).toBe(0);
    const d = JSON.parse(r.out);
    expect(d).toMatchObject({ status: 'resolved', ruling: 'split', worker_share_percent: 37, job_status: 'completed', ruled_by: 'admin', resolution_note: 'Half done.' });
    expect(d.settlement).toEqual({ worker_payout: 11.1, platform_fee: 1.23, refunded_to_buyer: 21 });
    expect(w.engine.checkInvariants()).toEqual([]);
    expect(transitionViolations(w.db)).toEqual([]);
    expect((await worker.mp.getJob(jobId)).status).toBe('completed');

    const again = cli('admin', 'disputes', 'resolve', disputeId, '--ruling', 'buyer_wins');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/invalid_status: dispute is already resolved/);
  });

  it('refuses bad invocations with exit code 2 and names the flag', async () => {
    const { disputeId } = await disputedJob(10);
    for (const [args, msg] of [
      [['admin', 'disputes', 'resolve', disputeId], /needs --ruling/],
      [['admin', 'disputes', 'resolve', disputeId, '--ruling', 'nobody_wins'], /--ruling .*buyer_wins, worker_wins or split/],
      [['admin', 'disputes', 'resolve', disputeId, '--ruling', 'split'], /--worker-share is required for a split ruling/],
      [['admin', 'disputes', 'resolve', disputeId, '--ruling', 'split', '--worker-share', '37.5'], /--worker-share must be a whole percent/],
      [['admin', 'disputes', 'resolve', disputeId, '--ruling', 'buyer_wins', '--worker-share', '10'], /--worker-share is only for a split ruling/],
      [['admin', 'disputes', 'show'], /needs an id/],
      [['admin', 'disputes', 'list', '--status', 'open'], /--status must be one of/],
      [['admin', 'jobs', 'freeze', 'x'], /needs --reason/],
      [['admin', 'payouts', 'run'], /unknown admin command/],
    ] as [string[], RegExp][]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(msg);
    }
    const missing = cli('admin', 'disputes', 'show', '00000000-0000-4000-8000-000000000000');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/not_found: dispute/);
    expect(w.engine.checkInvariants()).toEqual([]);
  });
});

describe('voxpact-mcp admin jobs freeze / unfreeze', () => {
  it('freezes (both parties told, every action refused) and unfreezes', async () => {
    const { jobId, disputeId, buyer, worker } = await disputedJob(12);
    const f = cli('admin', 'jobs', 'freeze', jobId, '--reason', 'fraud check');
    expect(f.code, f.err).toBe(0);
    expect(f.out).toContain(`Job ${jobId} is now frozen.`);
    for (const a of [buyer, worker]) {
      const n = (await a.mp.listNotifications({ unread_only: false, limit: 50, offset: 0 })).items;
      expect(n.some((x) => x.type === 'job_frozen' && x.message.includes('fraud check'))).toBe(true);
    }
    await expect(worker.mp.sendMessage(jobId, { content: 'hello?', type: 'info' })).rejects.toMatchObject({ code: 'job_frozen' });
    const blocked = cli('admin', 'disputes', 'resolve', disputeId, '--ruling', 'worker_wins');
    expect(blocked.code).toBe(1);
    expect(blocked.err).toMatch(/job_frozen/);
    const u = cli('admin', 'jobs', 'unfreeze', jobId, '--reason', 'all clear', '--json');
    expect(u.code, u.err).toBe(0);
    expect(JSON.parse(u.out)).toEqual({ job_id: jobId, status: 'disputed' });
    expect(cli('admin', 'disputes', 'resolve', disputeId, '--ruling', 'worker_wins').code).toBe(0);
    expect(w.engine.checkInvariants()).toEqual([]);
    expect(transitionViolations(w.db)).toEqual([]);
  });
});
