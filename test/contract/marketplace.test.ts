/**
 * The contract: one set of marketplace scenarios, written once against the Marketplace
 * interface, run against both backends — embedded in process, and hosted (HostedMarketplace
 * over a real socket to the embedded REST server). Each scenario asserts its amounts, statuses
 * and error codes, and records a transcript of every answer; the last test requires the two
 * transcripts of each scenario to be equal (ids aside), answers and errors alike.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { VoxError } from '../../src/errors.js';
import { CancelInput, CounterBidInput, DeliverInput, PostJobInput, RevisionInput, SubmitBidInput } from '../../src/schemas.js';
import { type BackendName, type Party, type World, loadServer, openWorld } from './backends.js';
import { TRANSCRIPTS, normalise, recorder } from './transcript.js';

const hostedAvailable = (await loadServer()) !== null;
const BACKENDS: BackendName[] = hostedAvailable ? ['embedded', 'hosted'] : ['embedded'];

const direct = (worker: Party, extra: Record<string, unknown> = {}) =>
  PostJobInput.parse({ title: 'Summarise this document', task_spec: { description: 'Summarise the attached report in 200 words' }, amount: 20, worker_agent_id: worker.id, ...extra });
const open = (extra: Record<string, unknown> = {}) =>
  PostJobInput.parse({ title: 'Translate this article', task_spec: { description: 'English to French, 2000 words' }, amount: 30, job_type: 'open', ...extra });
const deliver = (content = 'Here is the summary of the report.') => DeliverInput.parse({ content });
const feedback = 'Please add more detail on section 3';

describe.each(BACKENDS)('%s backend', (backend) => {
  let world: World;
  afterEach(async () => {
    await world?.close();
  });
  const start = async (scenario: string) => {
    world = await openWorld(backend);
    return recorder(backend, scenario);
  };

  it('a direct job from posting to payout', async () => {
    const r = await start('direct');
    const buyer = await world.agent('buyer');
    const worker = await world.agent('worker', { card: null });
    const posted = await r.ok('post', () => buyer.mp.postJob(direct(worker)));
    expect(posted).toMatchObject({ status: 'funded', amount: 20, escrow_amount: 20, your_role: 'buyer', worker_agent_id: worker.id });
    await r.ok('worker sees it', () => worker.mp.getJob(posted.id));
    await r.ok('worker lists', () => worker.mp.listJobs({ role: 'worker', limit: 20, offset: 0 }));
    expect((await r.ok('accept', () => worker.mp.acceptJob(posted.id))).status).toBe('accepted');
    expect((await r.ok('start', () => worker.mp.startJob(posted.id))).status).toBe('in_progress');
    const d = await r.ok('deliver', () => worker.mp.deliverJob(posted.id, deliver()));
    expect(d.job.status).toBe('delivered');
    expect(d.deliverable).toMatchObject({ revision_number: 1, content: 'Here is the summary of the report.' });
    await r.ok('preview', () => buyer.mp.getDeliverablePreview(posted.id));
    const done = await r.ok('approve', () => buyer.mp.approveJob(posted.id));
    expect(done).toMatchObject({ status: 'completed', escrow_amount: 0, platform_fee: 2, worker_payout: 18 });
    const payouts = await r.ok('payouts', () => worker.mp.getPayouts());
    expect(payouts).toMatchObject({ total_earned: 18, total_jobs: 1 });
    expect(payouts.payouts[0]).toMatchObject({ gross_eur: 20, platform_fee_eur: 2, net_eur: 18, kind: 'release' });
    const tr = await r.ok('transitions', () => buyer.mp.getJobTransitions(posted.id));
    expect(tr.items.map((t) => t.action)).toEqual(['post_direct', 'accept', 'start', 'deliver', 'approve']);
    await r.ok('full deliverable', () => buyer.mp.getDeliverable(posted.id));
    await r.ok('review', () => buyer.mp.leaveReview(posted.id, { rating: 5, comment: 'Great' }));
    const me = await r.ok('worker profile', () => worker.mp.getMyAgent());
    expect(me).toMatchObject({ completed_jobs: 1, average_rating: 5 });
    await r.ok('notifications', () => worker.mp.listNotifications({ unread_only: false, limit: 50, offset: 0 }));
    await r.ok('dashboard', () => buyer.mp.getDashboard());
    await r.fails('approve twice', () => buyer.mp.approveJob(posted.id));
  });

  it('an open job: bids, a counter-offer, accepting a bid', async () => {
    const r = await start('open');
    const buyer = await world.agent('buyer');
    const a = await world.agent('bidder-a', { card: null });
    const b = await world.agent('bidder-b', { card: null });
    const job = await r.ok('post open', () => buyer.mp.postJob(open()));
    expect(job).toMatchObject({ status: 'open', amount: 30, escrow_amount: 0, job_type: 'open' });
    const browse = await r.ok('browse', () => a.mp.browseOpenJobs({ q: 'translate', limit: 20, offset: 0 }));
    expect(browse.items.map((j) => j.id)).toContain(job.id);
    const bidA = await r.ok('bid a', () => a.mp.submitBid(job.id, SubmitBidInput.parse({ proposed_price: 25, estimated_hours: 3, message: 'Native speaker' })));
    await r.ok('bid b', () => b.mp.submitBid(job.id, SubmitBidInput.parse({ proposed_price: 28 })));
    const tooSoon = await r.fails('bid b again within 5 minutes', () => b.mp.submitBid(job.id, SubmitBidInput.parse({ proposed_price: 27 })));
    expect(tooSoon).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(tooSoon.details.retry_after_s).toBe(300);
    await r.fails('bid above budget', () => a.mp.submitBid(job.id, SubmitBidInput.parse({ proposed_price: 31 })));
    const bids = await r.ok('buyer lists bids', () => buyer.mp.listBids(job.id));
    expect(bids.count).toBe(2);
    expect((await r.ok('b sees own bid only', () => b.mp.listBids(job.id))).count).toBe(1);
    const countered = await r.ok('counter a', () => buyer.mp.counterBid(bidA.id, CounterBidInput.parse({ counter_price: 22, message: 'How about 22?' })));
    expect(countered).toMatchObject({ status: 'countered', counter_price: 22 });
    const takes = await r.ok('a takes the counter', () => a.mp.submitBid(job.id, SubmitBidInput.parse({ proposed_price: 22 })));
    await r.fails('a accepts its own bid', () => a.mp.acceptBid(takes.id));
    const accepted = await r.ok('accept a', () => buyer.mp.acceptBid(takes.id));
    expect(accepted.job).toMatchObject({ status: 'accepted', amount: 22, escrow_amount: 22, worker_agent_id: a.id });
    expect(accepted.bid.status).toBe('accepted');
    const bSees = await r.ok('b after accept', () => b.mp.listBids(job.id));
    expect(bSees.items[0].status).toBe('rejected');
    await r.fails('accept again', () => buyer.mp.acceptBid(takes.id));
    await r.ok('a starts', () => a.mp.startJob(job.id));
  });

  it('a revision, then approval', async () => {
    const r = await start('revision');
    const buyer = await world.agent('buyer');
    const worker = await world.agent('worker', { card: null });
    const job = await r.ok('post', () => buyer.mp.postJob(direct(worker, { max_revisions: 1 })));
    await r.ok('accept', () => worker.mp.acceptJob(job.id));
    await r.ok('start', () => worker.mp.startJob(job.id));
    await r.ok('deliver 1', () => worker.mp.deliverJob(job.id, deliver('First draft.')));
    await r.fails('buyer reads the full deliverable before paying', () => buyer.mp.getDeliverable(job.id));
    const rev = await r.ok('revision', () => buyer.mp.requestRevision(job.id, RevisionInput.parse({ feedback }).feedback));
    expect(rev).toMatchObject({ status: 'revision_requested', revision_count: 1 });
    await r.fails('approve while in revision', () => buyer.mp.approveJob(job.id));
    const d2 = await r.ok('deliver 2', () => worker.mp.deliverJob(job.id, deliver('Second draft, with section 3.')));
    expect(d2.deliverable.revision_number).toBe(2);
    const tooMany = await r.fails('a second revision', () => buyer.mp.requestRevision(job.id, feedback));
    expect(tooMany.code).toBe('max_revisions_reached');
    const done = await r.ok('approve', () => buyer.mp.approveJob(job.id, { idempotency_key: 'approve-1' }));
    expect(done).toMatchObject({ status: 'completed', worker_payout: 18 });
    const again = await r.ok('approve retried with the same key', () => buyer.mp.approveJob(job.id, { idempotency_key: 'approve-1' }));
    expect(again).toEqual(done);
    const full = await r.ok('full deliverable', () => buyer.mp.getDeliverable(job.id));
    expect(full.content).toBe('Second draft, with section 3.');
  });

  it('cancellation fees by status', async () => {
    const r = await start('cancel');
    const buyer = await world.agent('buyer');
    const worker = await world.agent('worker', { card: null });
    const funded = await r.ok('post 1', () => buyer.mp.postJob(direct(worker)));
    const c1 = await r.ok('cancel funded', () => buyer.mp.cancelJob(funded.id, CancelInput.parse({ reason: 'No longer needed' })));
    expect(c1).toMatchObject({ status: 'cancelled', escrow_amount: 0 });
    expect(c1.cancellation_fee ?? 0).toBe(0);
    const accepted = await r.ok('post 2', () => buyer.mp.postJob(direct(worker)));
    await r.ok('accept 2', () => worker.mp.acceptJob(accepted.id));
    const c2 = await r.ok('cancel accepted', () => buyer.mp.cancelJob(accepted.id, { reason: 'Changed plans', idempotency_key: 'cancel-2' }));
    expect(c2).toMatchObject({ status: 'cancelled', cancellation_fee: 1, escrow_amount: 0 });
    const inProgress = await r.ok('post 3', () => buyer.mp.postJob(direct(worker)));
    await r.ok('accept 3', () => worker.mp.acceptJob(inProgress.id));
    await r.ok('start 3', () => worker.mp.startJob(inProgress.id));
    const c3 = await r.ok('cancel in progress', () => buyer.mp.cancelJob(inProgress.id, {}));
    expect(c3).toMatchObject({ status: 'cancelled', cancellation_fee: 5, worker_payout: 5 });
    const payouts = await r.ok('worker payouts', () => worker.mp.getPayouts());
    expect(payouts.total_earned).toBe(5);
    expect(payouts.payouts[0]).toMatchObject({ kind: 'cancellation_compensation', net_eur: 5 });
    await r.fails('cancel again', () => buyer.mp.cancelJob(inProgress.id, {}));
    const declined = await r.ok('post 4', () => buyer.mp.postJob(direct(worker)));
    const w = await r.ok('worker declines a funded job', () => worker.mp.cancelJob(declined.id, { reason: 'Too busy' }));
    expect(w).toMatchObject({ status: 'cancelled', escrow_amount: 0 });
    await r.ok('buyer spending', () => buyer.mp.getMyAgent());
  });

  it('the monthly spending cap answers 402 with the amount left', async () => {
    const r = await start('cap');
    const buyer = await world.agent('buyer');
    const worker = await world.agent('worker', { card: null });
    const me = await r.ok('set cap', () => buyer.mp.updateMyAgent({ monthly_spending_limit: 25 }));
    expect(me).toMatchObject({ monthly_spending_limit: 25, left_this_month: 25 });
    await r.ok('post 20', () => buyer.mp.postJob(direct(worker)));
    const e = await r.fails('post 10 over the cap', () => buyer.mp.postJob(direct(worker, { amount: 10 })));
    expect(e).toMatchObject({ code: 'monthly_limit_exceeded', status: 402 });
    expect(e.details).toMatchObject({ left_this_month: 5, monthly_spending_limit: 25, spent_this_month: 20 });
    expect(e.message).toMatch(/5\.00 EUR left of 25\.00 EUR/);
    await r.ok('post 5 fits', () => buyer.mp.postJob(direct(worker, { amount: 5 })));
    const after = await r.ok('profile', () => buyer.mp.getMyAgent());
    expect(after).toMatchObject({ spent_this_month: 25, left_this_month: 0 });
    const open1 = await r.ok('post open', () => buyer.mp.postJob(open({ amount: 10 })));
    const bid = await r.ok('bid', () => worker.mp.submitBid(open1.id, SubmitBidInput.parse({ proposed_price: 6 })));
    const e2 = await r.fails('accept over the cap', () => buyer.mp.acceptBid(bid.id));
    expect(e2.code).toBe('monthly_limit_exceeded');
    // Lifting the cap needs the owner (src/engine/policy.ts); the link differs by backend (a path / a URL), so only the code is compared.
    const lift = await buyer.mp.updateMyAgent({ monthly_spending_limit: null }).then(() => null, (e: VoxError) => e);
    r.note('lift cap asks the owner', { code: lift?.code, status: lift?.status });
    world.engine.decideApproval(world.engine.identity.ownerOf(buyer.id)!, String(lift!.details.approval_id), 'approved');
    await r.ok('lift cap, approved', () => buyer.mp.updateMyAgent({ monthly_spending_limit: null, approval_id: String(lift!.details.approval_id) }));
    await r.ok('accept now', () => buyer.mp.acceptBid(bid.id));
  });

  it('a declined card leaves the job pending_payment; saving a working card charges it', async () => {
    const r = await start('declined');
    const buyer = await world.agent('buyer', { card: 'pm_card_chargeDeclined' });
    const worker = await world.agent('worker', { card: null });
    const job = await r.ok('post', () => buyer.mp.postJob(direct(worker)));
    expect(job).toMatchObject({ status: 'pending_payment', escrow_amount: 0 });
    expect(job.payment_error).toMatch(/card_declined/);
    await r.fails('worker cannot accept an unpaid job', () => worker.mp.acceptJob(job.id));
    await r.ok('setup', () => buyer.mp.setupPaymentMethod());
    const saved = await r.ok('save visa', () => buyer.mp.savePaymentMethod('pm_card_visa', { make_default: true }));
    expect(saved).toMatchObject({ brand: 'visa', last4: '4242', is_default: true, retried_jobs: [job.id] });
    const after = await r.ok('job', () => buyer.mp.getJob(job.id));
    expect(after).toMatchObject({ status: 'funded', escrow_amount: 20, payment_error: null });
    const cards = await r.ok('cards', () => buyer.mp.listPaymentMethods());
    expect(cards.count).toBe(2);
    const old = cards.items.find((c) => !c.is_default)!;
    await r.ok('delete old card', () => buyer.mp.deletePaymentMethod(old.id));
    await r.fails('save an unknown card', () => buyer.mp.savePaymentMethod('pm_card_unknown'));
    const e = await r.fails('worker without a card posts', () => worker.mp.postJob(direct(buyer)));
    expect(e).toMatchObject({ code: 'payment_method_required', status: 402 });
  });

  it('authorization: an unrelated agent gets not_found, a party the wrong role forbidden', async () => {
    const r = await start('authz');
    const buyer = await world.agent('buyer');
    const worker = await world.agent('worker', { card: null });
    const stranger = await world.agent('stranger');
    const job = await r.ok('post', () => buyer.mp.postJob(direct(worker)));
    for (const [step, fn] of [
      ['get', () => stranger.mp.getJob(job.id)],
      ['transitions', () => stranger.mp.getJobTransitions(job.id)],
      ['accept', () => stranger.mp.acceptJob(job.id)],
      ['approve', () => stranger.mp.approveJob(job.id)],
      ['cancel', () => stranger.mp.cancelJob(job.id, {})],
      ['bids', () => stranger.mp.listBids(job.id)],
      ['preview', () => stranger.mp.getDeliverablePreview(job.id)],
      ['review', () => stranger.mp.leaveReview(job.id, { rating: 1 })],
    ] as const) {
      const e = await r.fails(`stranger ${step}`, fn);
      expect(e, step).toMatchObject({ code: 'not_found', status: 404 });
    }
    const missing = await r.fails('a job that does not exist', () => buyer.mp.getJob('00000000-0000-4000-8000-000000000000'));
    expect(missing.code).toBe('not_found');
    expect((await r.fails('buyer accepts its own job', () => buyer.mp.acceptJob(job.id))).code).toBe('forbidden');
    expect((await r.fails('worker approves', () => worker.mp.approveJob(job.id))).code).toBe('forbidden');
    const openJob = await r.ok('post open', () => buyer.mp.postJob(open()));
    const bid = await r.ok('worker bids', () => worker.mp.submitBid(openJob.id, SubmitBidInput.parse({ proposed_price: 20 })));
    expect((await r.fails('stranger accepts the bid', () => stranger.mp.acceptBid(bid.id))).code).toBe('not_found');
    expect((await r.fails('stranger counters the bid', () => stranger.mp.counterBid(bid.id, { counter_price: 10 }))).code).toBe('not_found');
    expect((await r.fails('the bidder accepts its bid', () => worker.mp.acceptBid(bid.id))).code).toBe('forbidden');
    await r.ok('stranger sees the open job', () => stranger.mp.getJob(openJob.id));
    expect((await r.ok('stranger sees no bids', () => stranger.mp.listBids(openJob.id))).count).toBe(0);
    await r.ok('public profile', () => stranger.mp.getAgent(worker.id));
    await r.fails('unknown agent', () => stranger.mp.getAgent('ag_0000000000000000000000000X'));
  });

  it('webhook log and platform info', async () => {
    const r = await start('account');
    const buyer = await world.agent('buyer');
    const log = await r.ok('webhook log', () => buyer.mp.getWebhookLog(10, 0));
    expect(log).toMatchObject({ items: [], count: 0, total: 0, webhook_url: null, webhook_disabled_at: null, pending_deliveries: 0 });
    const p = await buyer.mp.getPlatformInfo();
    expect(p.backend).toBe(backend);
    const { backend: _b, ...rest } = p;
    r.note('platform info (backend aside)', rest);
    await r.ok('search', () => buyer.mp.searchAgents({ q: 'buyer', limit: 5 }));
    await r.ok('trust history', () => buyer.mp.getTrustHistory(10, 0));
  });
});

describe.skipIf(!hostedAvailable)('both backends agree', () => {
  it('every scenario gave the same answers and the same errors, embedded and hosted', () => {
    const embedded = TRANSCRIPTS.get('embedded')!;
    const hosted = TRANSCRIPTS.get('hosted')!;
    expect([...hosted.keys()].sort()).toEqual([...embedded.keys()].sort());
    let total = 0;
    for (const [scenario, steps] of embedded) {
      expect(steps.length, scenario).toBeGreaterThan(3);
      total += steps.length;
      // Equal, not a subset: the REST API answers exactly the published schema, so an embedded
      // answer with an extra internal field (a leaked column) fails here.
      expect(normalise(hosted.get(scenario)!), scenario).toEqual(normalise(steps));
    }
    expect(total).toBeGreaterThan(100);
  });
});
