/** Reviews, trust score movements and history, notifications. */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { TRUST } from '../../src/limits.js';
import { NotificationsInput, ReviewInput } from '../../src/schemas.js';
import { newMarket, refused } from '../helpers/market.js';

describe('reviews', () => {
  it('rating 1–5 (ReviewInput), integer', () => {
    for (const r of [0, 6, 2.5, -1, NaN]) expect(ReviewInput.safeParse({ rating: r }).success, String(r)).toBe(false);
    for (const r of [1, 2, 3, 4, 5]) expect(ReviewInput.safeParse({ rating: r }).success).toBe(true);
    expect(ReviewInput.safeParse({ rating: 5, comment: 'x'.repeat(2001) }).success).toBe(false);
  });

  it('only after completion, once per party, each rating the other', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    const stranger = m.stranger();
    const id = await m.deliveredJob(buyer, worker);
    await refused(m.review(buyer, id, 5), 'invalid_status', { status: 409, message: "job is 'delivered'; leave_review needs 'completed'" });
    await buyer.mp.approveJob(id);
    const r = await m.review(buyer, id, 5, 'Excellent work');
    expect(r).toMatchObject({ job_id: id, reviewer_agent_id: buyer.id, rating: 5, comment: 'Excellent work' });
    await refused(m.review(buyer, id, 4), 'already_reviewed', { status: 409 });
    await refused(m.review(stranger, id, 1), 'not_found', { status: 404 });
    await m.review(worker, id, 4);
    await refused(m.review(worker, id, 4), 'already_reviewed');
    const wr = await stranger.mp.listAgentReviews(worker.id, 10, 0);
    expect(wr.items).toEqual([expect.objectContaining({ reviewer_agent_id: buyer.id, rating: 5 })]);
    const br = await stranger.mp.listAgentReviews(buyer.id, 10, 0);
    expect(br.items).toEqual([expect.objectContaining({ reviewer_agent_id: worker.id, rating: 4 })]);
    expect((await stranger.mp.getAgent(worker.id)).average_rating).toBe(5);
    expect(m.notificationsOf(worker.id).map((n) => n.type)).toContain('review_received');
    // A cancelled job cannot be reviewed.
    const c = await m.directJob(buyer, worker);
    await m.cancel(buyer, c.id);
    await refused(m.review(buyer, c.id, 1), 'invalid_status');
  });

  it.each([1, 2, 3, 4, 5])('a %i/5 rating moves the reviewee by TRUST.rating_delta', async (rating) => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    const id = (await m.completedJob(buyer, worker)).id;
    expect(m.trust(worker.id)).toBe(50 + TRUST.completed_worker);
    expect(m.trust(buyer.id)).toBe(50 + TRUST.completed_buyer);
    const before = (await worker.mp.getTrustHistory(50, 0)).total;
    await m.review(buyer, id, rating);
    const delta = TRUST.rating_delta[rating];
    expect(m.trust(worker.id)).toBe(51 + delta);
    const h = await worker.mp.getTrustHistory(50, 0);
    if (delta === 0) {
      expect(h.total).toBe(before);
    } else {
      expect(h.total).toBe(before! + 1);
      expect(h.items[0]).toMatchObject({ old_score: 51, new_score: 51 + delta, delta, reason: `${rating}/5 rating received`, job_id: id });
    }
    expect(TRUST.rating_delta).toEqual({ 1: -2, 2: -1, 3: 0, 4: 0.5, 5: 1 });
  });
});

describe('trust', () => {
  it('completion: worker +1, buyer +0.5, each with a history entry and a trust.updated notification', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    const j = await m.completedJob(buyer, worker);
    const wh = (await worker.mp.getTrustHistory(10, 0)).items;
    const bh = (await buyer.mp.getTrustHistory(10, 0)).items;
    expect(wh).toEqual([expect.objectContaining({ old_score: 50, new_score: 51, delta: 1, reason: 'job completed', job_id: j.id })]);
    expect(bh).toEqual([expect.objectContaining({ old_score: 50, new_score: 50.5, delta: 0.5, reason: 'job completed', job_id: j.id })]);
    expect(wh[0].triggered_at).toBe(new Date(m.clock.now()).toISOString());
    const evt = m.db.prepare("SELECT payload FROM events WHERE agent_id = ? AND event = 'trust.updated'").get(worker.id) as { payload: string };
    expect(JSON.parse(evt.payload)).toMatchObject({ agent_id: worker.id, new_score: 51, old_score: 50, reason: 'job completed' });
    expect((await worker.mp.getDashboard()).trust_history[0]).toMatchObject({ new_score: 51, delta: 1 });
  });

  it('clamped to 0–100; the history records the delta actually applied; no entry when nothing moves', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    m.setTrust(worker.id, 99.5);
    const a = await m.completedJob(buyer, worker);
    expect(m.trust(worker.id)).toBe(100);
    expect((await worker.mp.getTrustHistory(1, 0)).items[0]).toMatchObject({ old_score: 99.5, new_score: 100, delta: 0.5 });
    await m.review(buyer, a.id, 5); // already 100
    expect(m.trust(worker.id)).toBe(100);
    expect((await worker.mp.getTrustHistory(50, 0)).total).toBe(1);

    m.setTrust(worker.id, 1);
    const b = await m.completedJob(buyer, worker); // → 2
    m.setTrust(worker.id, 1.5);
    await m.review(buyer, b.id, 1); // −2 → 0, not −0.5
    expect(m.trust(worker.id)).toBe(0);
    expect((await worker.mp.getTrustHistory(1, 0)).items[0]).toMatchObject({ old_score: 1.5, new_score: 0, delta: -1.5, reason: '1/5 rating received' });
    expect((await worker.mp.getMyAgent()).level).toBe('bronze');
    // At 0 a further penalty records nothing.
    const c = await m.directJob(buyer, worker, { amount: 5 });
    await worker.mp.acceptJob(c.id);
    const n = (await worker.mp.getTrustHistory(50, 0)).total;
    await m.cancel(worker, c.id);
    expect(m.trust(worker.id)).toBe(0);
    expect((await worker.mp.getTrustHistory(50, 0)).total).toBe(n);
  });
});

describe('trust between agents of one owner', () => {
  it('is not earned: the job pays as any other, gains nothing; reviews between them are kept but count nowhere; a job for another owner still counts', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const sibling = m.worker(['translation'], { email: buyer.email, card: 'pm_card_visa' }); // pays the 5.00 EUR activation
    const j = await m.completedJob(buyer, sibling);
    expect((await buyer.mp.getJob(j.id)).status).toBe('completed');
    expect(m.balance(`payout:${sibling.id}`)).toBeGreaterThan(0); // the money moved as usual
    await m.review(buyer, j.id, 5);
    await m.review(sibling, j.id, 1);
    expect([m.trust(buyer.id), m.trust(sibling.id)]).toEqual([50, 50]);
    expect((await sibling.mp.getTrustHistory(10, 0)).total).toBe(0);
    // Shown, but not in the average rating.
    expect((await buyer.mp.listAgentReviews(sibling.id, 10, 0)).items).toEqual([expect.objectContaining({ reviewer_agent_id: buyer.id, rating: 5 })]);
    expect((await buyer.mp.getAgent(sibling.id)).average_rating).toBeNull();

    const other = m.buyer();
    const k = await m.completedJob(other, sibling);
    expect(m.trust(sibling.id)).toBe(50 + TRUST.completed_worker);
    await m.review(other, k.id, 4);
    expect((await other.mp.getAgent(sibling.id)).average_rating).toBe(4);
    expect(m.trust(sibling.id)).toBe(50 + TRUST.completed_worker + TRUST.rating_delta[4]);
  });
});

describe('notifications', () => {
  const list = (mp: any, o: Record<string, unknown> = {}) => mp.listNotifications(NotificationsInput.parse(o));

  it('unread count, mark one, mark all (returns the count); another agent’s notification is not_found', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    const j = await m.directJob(buyer, worker);
    await worker.mp.acceptJob(j.id);
    await worker.mp.startJob(j.id);
    await m.deliver(worker, j.id);
    const n = await list(buyer.mp);
    expect(n.unread_count).toBe(2); // job_accepted, job_delivered
    expect(n.items.map((x: any) => x.type)).toEqual(['job_delivered', 'job_accepted']); // newest first
    expect(n.items.every((x: any) => x.read === false && x.job_id === j.id)).toBe(true);

    const one = await buyer.mp.markNotificationRead(n.items[1].id);
    expect(one).toMatchObject({ id: n.items[1].id, read: true });
    expect((await list(buyer.mp)).unread_count).toBe(1);
    expect((await list(buyer.mp, { unread_only: true })).items.map((x: any) => x.type)).toEqual(['job_delivered']);
    // Marking it again is harmless.
    expect((await buyer.mp.markNotificationRead(n.items[1].id)).read).toBe(true);
    expect((await list(buyer.mp)).unread_count).toBe(1);

    const wn = await list(worker.mp);
    await refused(buyer.mp.markNotificationRead(wn.items[0].id), 'not_found', { status: 404 });
    await refused(buyer.mp.markNotificationRead(randomUUID()), 'not_found', { status: 404 });
    expect((await list(worker.mp)).unread_count).toBe(wn.unread_count);

    expect(await buyer.mp.markAllNotificationsRead()).toEqual({ marked: 1 });
    expect(await buyer.mp.markAllNotificationsRead()).toEqual({ marked: 0 });
    expect((await list(buyer.mp)).unread_count).toBe(0);
    expect(await worker.mp.markAllNotificationsRead()).toEqual({ marked: wn.unread_count });
    expect((await buyer.mp.getDashboard()).unread_notifications).toBe(0);
    // New events are unread again.
    await buyer.mp.approveJob(j.id);
    expect((await list(buyer.mp)).unread_count).toBeGreaterThan(0);
  });

  it('limit and offset page through, unread_count counts all', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const ws = [m.worker(), m.worker(), m.worker()];
    const j = await m.openJob(buyer);
    for (const w of ws) await m.bid(w, j.id, 10);
    const p = await list(buyer.mp, { limit: 2, offset: 1 });
    expect(p.count).toBe(2);
    expect(p.unread_count).toBe(3);
    expect(NotificationsInput.safeParse({ limit: 51 }).success).toBe(false);
  });
});
