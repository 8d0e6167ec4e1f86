/** The monthly spending cap (a safety rail for autonomous agents) and idempotent retries. */
import { describe, expect, it } from 'vitest';
import { PostJobInput, UpdateAgentInput } from '../../src/schemas.js';
import { HOUR_MS, MINUTE_MS, newMarket, refused } from '../helpers/market.js';

const limit = (v: number | null) => UpdateAgentInput.parse({ monthly_spending_limit: v });

describe('monthly_spending_limit', () => {
  it('direct post: refused over the cap with monthly_limit_exceeded (402), saying how much is left; nothing changes', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    const me = await buyer.mp.updateMyAgent(limit(50));
    expect(me).toMatchObject({ monthly_spending_limit: 50, spent_this_month: 0, left_this_month: 50 });
    await m.directJob(buyer, worker, { amount: 30 });
    const before = m.cheapState();
    const e = await refused(m.directJob(buyer, worker, { amount: 20.01 }), 'monthly_limit_exceeded', { status: 402 });
    expect(e.message).toMatch(/20\.01 EUR needed, 20\.00 EUR left of 50\.00 EUR this month/);
    expect(e.details).toMatchObject({ left_this_month: 20, monthly_spending_limit: 50, spent_this_month: 30 });
    expect(m.cheapState()).toBe(before);
    // Exactly what is left is fine; then nothing is left.
    await m.directJob(buyer, worker, { amount: 20 });
    expect(await buyer.mp.getMyAgent()).toMatchObject({ spent_this_month: 50, left_this_month: 0 });
    const e2 = await refused(m.directJob(buyer, worker, { amount: 5 }), 'monthly_limit_exceeded', { status: 402 });
    expect(e2.message).toMatch(/0\.00 EUR left/);
    const d = await buyer.mp.getDashboard();
    expect(d.spending).toEqual({ month: '2026-01', spent: 50, limit: 50, left: 0 });
  });

  it('accept_bid: refused over the cap, the job stays open and nothing is captured', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const w = m.worker();
    await buyer.mp.updateMyAgent(limit(15));
    const j = await m.openJob(buyer, { amount: 40 }); // posting an open job spends nothing
    const b = await m.bid(w, j.id, 15.01);
    const e = await refused(buyer.mp.acceptBid(b.id), 'monthly_limit_exceeded', { status: 402, message: /15\.00 EUR left/ });
    expect(e.details.left_this_month).toBe(15);
    expect((await buyer.mp.getJob(j.id)).status).toBe('open');
    expect((await buyer.mp.listBids(j.id)).items[0].status).toBe('active');
    expect(m.txns(j.id)).toEqual([]);
    m.ownerSets(buyer, { monthly_spending_limit: 15.01 }); // raising: the owner's own step
    expect((await buyer.mp.acceptBid(b.id)).job.status).toBe('accepted');
  });

  it('resets on the 1st of the next month (UTC)', async () => {
    const m = newMarket({ start: '2026-01-31T22:00:00Z' });
    const buyer = m.buyer();
    const worker = m.worker();
    await buyer.mp.updateMyAgent(limit(20));
    await m.directJob(buyer, worker, { amount: 20 });
    m.clock.set(Date.parse('2026-01-31T23:59:59.999Z'));
    await refused(m.directJob(buyer, worker, { amount: 5 }), 'monthly_limit_exceeded');
    m.clock.set(Date.parse('2026-02-01T00:00:00.000Z'));
    expect(await buyer.mp.getMyAgent()).toMatchObject({ spent_this_month: 0, left_this_month: 20 });
    await m.directJob(buyer, worker, { amount: 20 });
    await refused(m.directJob(buyer, worker, { amount: 5 }), 'monthly_limit_exceeded');
    expect((await buyer.mp.getDashboard()).spending.month).toBe('2026-02');
  });

  it('a refund gives the budget back; a cancellation fee does not', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    await buyer.mp.updateMyAgent(limit(40));
    const a = await m.directJob(buyer, worker, { amount: 40 });
    await refused(m.directJob(buyer, worker, { amount: 5 }), 'monthly_limit_exceeded');
    await m.cancel(buyer, a.id);
    expect(await buyer.mp.getMyAgent()).toMatchObject({ spent_this_month: 0, left_this_month: 40 });
    const b = await m.directJob(buyer, worker, { amount: 40 });
    await worker.mp.acceptJob(b.id);
    await m.cancel(buyer, b.id); // 5 % fee = 2.00 stays spent
    expect(await buyer.mp.getMyAgent()).toMatchObject({ spent_this_month: 2, left_this_month: 38 });
    await refused(m.directJob(buyer, worker, { amount: 38.01 }), 'monthly_limit_exceeded', { message: /38\.00 EUR left/ });
    await m.directJob(buyer, worker, { amount: 38 });
  });

  it('a pending_payment job retried under the cap is left pending when over it', async () => {
    const m = newMarket();
    const buyer = m.buyer({ card: 'pm_card_chargeDeclined' });
    const worker = m.worker();
    const j = await m.directJob(buyer, worker, { amount: 30 }); // declined: nothing spent, no cap check needed
    expect(j.status).toBe('pending_payment');
    await buyer.mp.updateMyAgent(limit(20));
    const s = await buyer.mp.savePaymentMethod('pm_card_visa', { make_default: true });
    expect(s.retried_jobs).toEqual([]);
    expect((await buyer.mp.getJob(j.id)).status).toBe('pending_payment');
    m.ownerSets(buyer, { monthly_spending_limit: 30 });
    await buyer.mp.savePaymentMethod('pm_card_mastercard', { make_default: true });
    expect((await buyer.mp.getJob(j.id)).status).toBe('funded');
  });

  it('null = unlimited; 0 = nothing may be spent; activation fees do not count', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    await buyer.mp.updateMyAgent(limit(0));
    await refused(m.directJob(buyer, worker, { amount: 5 }), 'monthly_limit_exceeded');
    const me = m.ownerSets(buyer, { monthly_spending_limit: null, confirm_above: 1000 });
    expect(me).toMatchObject({ monthly_spending_limit: null, left_this_month: null });
    await m.directJob(buyer, worker, { amount: 900 });
    await m.directJob(buyer, worker, { amount: 1000 });
    expect((await buyer.mp.getMyAgent()).spent_this_month).toBe(1900);
    // An agent activated with the 5.00 fee has spent nothing this month.
    const second = m.admin.createLocalAgent({ name: 'second', owner_email: buyer.email, card: 'pm_card_visa' });
    expect((await m.as(second.agent_id).getMyAgent()).spent_this_month).toBe(0);
  });
});

describe('idempotency', () => {
  it('post_job with the same idempotency_key twice → same job, charged once', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    const input = PostJobInput.parse({ title: 'Summarise this', task_spec: { description: 'x' }, amount: 25, worker_agent_id: worker.id, idempotency_key: 'k-1' });
    const a = await buyer.mp.postJob(input);
    m.advance(MINUTE_MS);
    const b = await buyer.mp.postJob(input);
    expect(b.id).toBe(a.id);
    expect(b).toEqual(a);
    expect(m.db.prepare("SELECT COUNT(*) n FROM jobs").get()).toEqual({ n: 1 });
    expect(m.db.prepare("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'capture'").get()).toEqual({ n: 1 });
    expect(m.balance(`funding:${buyer.id}`)).toBe(-2500);
    expect(m.notificationsOf(worker.id)).toHaveLength(1);
  });

  it('same key, different arguments → idempotency_key_reused; other agents have their own keys', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const other = m.buyer();
    const worker = m.worker();
    const base = { title: 'Summarise this', task_spec: { description: 'x' }, worker_agent_id: worker.id, idempotency_key: 'k-2' };
    const a = await buyer.mp.postJob(PostJobInput.parse({ ...base, amount: 25 }));
    const e = await refused(buyer.mp.postJob(PostJobInput.parse({ ...base, amount: 26 })), 'idempotency_key_reused', { status: 422 });
    expect(e.details.field).toBe('idempotency_key');
    // the same key for another operation is reuse too
    await refused(buyer.mp.cancelJob(a.id, { idempotency_key: 'k-2' }), 'idempotency_key_reused');
    const c = await other.mp.postJob(PostJobInput.parse({ ...base, amount: 26 }));
    expect(c.id).not.toBe(a.id);
    expect(m.db.prepare("SELECT COUNT(*) n FROM ledger_txns WHERE kind = 'capture'").get()).toEqual({ n: 2 });
  });

  it('approve and cancel retried with a key move money once', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    const id = await m.deliveredJob(buyer, worker);
    const a = await buyer.mp.approveJob(id, { idempotency_key: 'approve-1' });
    const b = await buyer.mp.approveJob(id, { idempotency_key: 'approve-1' });
    expect(b).toEqual(a);
    expect(m.kinds(id)).toEqual(['capture', 'release', 'payout']);
    // without the key the retry is refused (not repeated)
    await refused(buyer.mp.approveJob(id), 'invalid_status');
    const j = await m.directJob(buyer, worker);
    await worker.mp.acceptJob(j.id);
    const c1 = await buyer.mp.cancelJob(j.id, { reason: 'nope', idempotency_key: 'cancel-1' });
    const c2 = await buyer.mp.cancelJob(j.id, { reason: 'nope', idempotency_key: 'cancel-1' });
    expect(c2).toEqual(c1);
    expect(m.kinds(j.id)).toEqual(['capture', 'cancel_settlement']);
  });

  it('a refused first attempt stores nothing: the retry with the same key runs for real', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    await buyer.mp.updateMyAgent(limit(10));
    const input = PostJobInput.parse({ title: 'Summarise this', task_spec: {}, amount: 20, worker_agent_id: worker.id, idempotency_key: 'k-3' });
    await refused(buyer.mp.postJob(input), 'monthly_limit_exceeded');
    m.ownerSets(buyer, { monthly_spending_limit: null });
    expect((await buyer.mp.postJob(input)).status).toBe('funded');
  });

  it('keys expire after 24 h', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    const input = PostJobInput.parse({ title: 'Summarise this', task_spec: {}, amount: 20, worker_agent_id: worker.id, idempotency_key: 'k-4' });
    const a = await buyer.mp.postJob(input);
    m.advance(24 * HOUR_MS + 1);
    const b = await buyer.mp.postJob(input);
    expect(b.id).not.toBe(a.id);
  });
});
