/** Read models: list_jobs filters, the dashboard, payment methods, payouts, platform info, request size limits. */
import { describe, expect, it } from 'vitest';
import { ListJobsInput, PostJobInput } from '../../src/schemas.js';
import { HOUR_MS, newMarket, refused } from '../helpers/market.js';
import { unpaidExcerpt } from '../../src/engine/preview.js';

describe('list_jobs', () => {
  it('role and status filters, newest first, total', async () => {
    const m = newMarket();
    const a = m.buyer({ capabilities: ['translation'] });
    const b = m.buyer({ capabilities: ['translation'] });
    const j1 = await m.directJob(a, b); // a buys from b
    m.advance(1000);
    const j2 = await m.directJob(b, a); // b buys from a
    m.advance(1000);
    await b.mp.acceptJob(j1.id);
    const ids = async (o: Record<string, unknown>) => (await a.mp.listJobs(ListJobsInput.parse(o))).items.map((j) => j.id);
    expect(await ids({})).toEqual([j2.id, j1.id]);
    expect(await ids({ role: 'buyer' })).toEqual([j1.id]);
    expect(await ids({ role: 'worker' })).toEqual([j2.id]);
    expect(await ids({ status: 'funded' })).toEqual([j2.id]);
    expect(await ids({ status: 'funded, accepted' })).toEqual([j2.id, j1.id]);
    expect(await ids({ status: 'completed' })).toEqual([]);
    const page = await a.mp.listJobs(ListJobsInput.parse({ limit: 1, offset: 1 }));
    expect(page).toMatchObject({ count: 1, total: 2 });
    expect(page.items[0].id).toBe(j1.id);
    await refused(a.mp.listJobs(ListJobsInput.parse({ status: 'funded,bogus' })), 'validation_error', { message: /'bogus'/ });
    expect(ListJobsInput.safeParse({ limit: 51 }).success).toBe(false);
    // A stranger's jobs never show.
    const s = m.stranger();
    expect((await s.mp.listJobs(ListJobsInput.parse({}))).items).toEqual([]);
  });
});

describe('dashboard', () => {
  it('one call: agent, recent jobs, active count, spending, unread, card', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    await buyer.mp.updateMyAgent({ monthly_spending_limit: 100 });
    const j = await m.directJob(buyer, worker, { amount: 30 });
    const done = await m.completedJob(buyer, worker, { amount: 20 });
    const d = await buyer.mp.getDashboard();
    expect(d.agent.id).toBe(buyer.id);
    expect(d.recent_jobs.map((x) => x.id).sort()).toEqual([j.id, done.id].sort());
    expect(d.active_jobs_count).toBe(1);
    expect(d.spending).toEqual({ month: '2026-01', spent: 50, limit: 100, left: 50 });
    expect(d.payment).toEqual({ card_count: 1, default_card: { brand: 'visa', last4: '4242' } });
    expect(d.unread_notifications).toBe((await buyer.mp.listNotifications({ unread_only: true, limit: 50, offset: 0 })).unread_count);
    expect(d.trust_history[0]).toMatchObject({ new_score: 50.5, reason: 'job completed' });
  });
});

describe('payment methods', () => {
  it('setup intent, save, list (default first), delete passes the default on', async () => {
    const m = newMarket();
    const a = m.agent({ card: null });
    const si = await a.mp.setupPaymentMethod();
    expect(si.setup_intent_id).toMatch(/^seti_/);
    expect(si.client_secret).toMatch(new RegExp(`^${si.setup_intent_id}_secret_`));
    const visa = await a.mp.savePaymentMethod('pm_card_visa');
    expect(visa.is_default).toBe(true); // the first card
    m.advance(1000);
    const mc = await a.mp.savePaymentMethod('pm_card_mastercard');
    expect(mc.is_default).toBe(false);
    expect((await a.mp.listPaymentMethods()).items.map((p) => [p.brand, p.is_default])).toEqual([['visa', true], ['mastercard', false]]);
    await a.mp.deletePaymentMethod(visa.id);
    expect((await a.mp.listPaymentMethods()).items.map((p) => [p.brand, p.is_default])).toEqual([['mastercard', true]]);
    await refused(a.mp.deletePaymentMethod(visa.id), 'not_found', { status: 404 });
    // Cards belong to the owner: another owner's card is not found.
    const other = m.buyer();
    const theirs = (await other.mp.listPaymentMethods()).items[0];
    await refused(a.mp.deletePaymentMethod(theirs.id), 'not_found');
    // A job is charged to the remaining default.
    const w = m.worker();
    const j = await m.directJob(a, w);
    expect(m.db.prepare('SELECT payment_method_id FROM charges WHERE job_id = ?').pluck().get(j.id)).toBe(mc.id);
  });
});

describe('platform info', () => {
  it('fees by tier and limits come from src/limits.ts', async () => {
    const m = newMarket();
    const info = await m.agent().mp.getPlatformInfo();
    expect(info.tiers.map((t) => [t.tier, t.min_score, t.max_score, t.platform_fee_percent])).toEqual([
      ['platinum', 90, 100, 6], ['gold', 70, 89, 8], ['silver', 40, 69, 10], ['bronze', 0, 39, 12],
    ]);
    expect(info.currency).toBe('EUR');
    expect(info.limits).toMatchObject({ min_job_amount: 5, min_bid: 5, max_revisions_default: 2, auto_release_hours: 48, active_bids_per_job_max: 100, bid_interval_minutes: 5, activation_fee: 5 });
  });
});

describe('request size limits', () => {
  // BUG (src/schemas.ts:41-42 jsonObject): "must serialise to at most N bytes" is checked with
  // JSON.stringify(o).length, which counts UTF-16 code units, not bytes: 30 000 '€' (90 KB in
  // UTF-8) pass the 64 KB task_spec limit. Fix: Buffer.byteLength(JSON.stringify(o), 'utf8') <= maxBytes.
  it('task_spec is limited to 64 KB of UTF-8', () => {
    const base = { title: 'Summarise this', amount: 5, worker_agent_id: 'ag_0123456789abcdef' };
    expect(PostJobInput.safeParse({ ...base, task_spec: { d: 'x'.repeat(60_000) } }).success).toBe(true);
    expect(PostJobInput.safeParse({ ...base, task_spec: { d: 'x'.repeat(70_000) } }).success).toBe(false);
    expect(PostJobInput.safeParse({ ...base, task_spec: { d: '€'.repeat(30_000) } }).success).toBe(false);
  });
});

describe('deliverables', () => {
  it('numbered per delivery; the buyer reads the preview, the full text only once completed', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    const id = await m.deliveredJob(buyer, worker);
    await refused(m.deliver(worker, id, 'again'), 'invalid_status'); // delivered already
    await m.revise(buyer, id);
    await refused(m.deliver(worker, id, ''), 'validation_error', { message: /content/ });
    const d = await m.deliver(worker, id, 'Second version ✓');
    expect(d.deliverable).toMatchObject({ revision_number: 2, size_bytes: Buffer.byteLength('Second version ✓'), content_type: 'text/plain' });
    expect(d.deliverable.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await worker.mp.getDeliverable(id)).content).toBe('Second version ✓');
    const p = await buyer.mp.getDeliverablePreview(id);
    expect(p).toMatchObject({ preview: unpaidExcerpt('Second version ✓'), content: null, is_partial: true }); // not paid yet: an excerpt
    await refused(buyer.mp.getDeliverable(id), 'invalid_status', { message: /get_deliverable_preview/ });
    m.advanceAndRun(48 * HOUR_MS);
    expect((await buyer.mp.getDeliverable(id)).content).toBe('Second version ✓');
  });
});
