import { describe, expect, it } from 'vitest';
import { MIN_AMOUNT_CENTS, eur, eurToCents, percentOf } from '../../src/money.js';
import { TIERS, tierOf } from '../../src/limits.js';
import { PostJobInput, SubmitBidInput, UpdateAgentInput } from '../../src/schemas.js';
import { newMarket } from '../helpers/market.js';

describe('eurToCents', () => {
  it.each([
    [5, 500], [5.0, 500], [4.99, 499], [19.99, 1999], [33.33, 3333], [99.99, 9999], [0.01, 1], [0, 0],
    [1.1, 110], [2.675, 'x'], [1234567.89, 123456789],
  ])('%s EUR', (v, expected) => {
    if (expected === 'x') expect(typeof eurToCents(v)).toBe('string');
    else expect(eurToCents(v)).toBe(expected);
  });

  it('tolerates binary float noise of 2-decimal sums (0.1 + 0.2 style)', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(eurToCents(0.1 + 0.2)).toBe(30);
    expect(eurToCents(1.1 + 2.2)).toBe(330);
    expect(eurToCents(4.35 * 100 / 100)).toBe(435);
    expect(eurToCents(0.07 * 3)).toBe(21); // 0.21000000000000002
    expect(eurToCents(19.99 + 0.01)).toBe(2000);
  });

  it('refuses a third decimal, never rounds it away', () => {
    for (const v of [5.001, 4.999, 1.005, 0.001, 12.345, 99.995, 5.0049]) {
      const r = eurToCents(v);
      expect(typeof r, `${v} → ${r}`).toBe('string');
      expect(r).toMatch(/at most 2 decimals/);
    }
  });

  it('refuses NaN, ±Infinity, -0 and amounts beyond safe integers', () => {
    for (const v of [NaN, Infinity, -Infinity, -0, 1e308, 1e17, Number.MAX_VALUE]) {
      expect(typeof eurToCents(v), String(v)).toBe('string');
    }
    expect(eurToCents(-0)).toMatch(/-0/);
  });

  // BUG (src/money.ts eurToCents): the float-noise tolerance is relative to the amount
  // (1e-6 × |eur| cents), so from ~10 000 EUR up a third decimal is silently rounded away:
  // 1 000 000.001 → 100 000 000 cents. DESIGN.md: "anything finer … is rejected, never
  // rounded silently". Fix: compare in cents with a float-precision tolerance, e.g.
  //   Math.abs(cents - eur * 100) > Math.max(1e-6, Math.abs(eur * 100) * 1e-12)
  it('refuses a third decimal on large amounts too (no silent rounding)', () => {
    for (const v of [1_000_000.001, 400_000.004, 123_456.785, 20_000.001]) {
      expect(typeof eurToCents(v), `${v} → ${eurToCents(v)}`).toBe('string');
    }
  });
});

describe('eur() zod field', () => {
  const amount = eur({ min_cents: MIN_AMOUNT_CENTS });
  it('accepts 5.00 and above with ≤ 2 decimals', () => {
    for (const v of [5, 5.0, 5.01, 20, 33.33, 0.1 + 4.9]) expect(amount.safeParse(v).success, String(v)).toBe(true);
  });
  it('refuses 4.99, 5.001, non-numbers and non-finite values', () => {
    for (const v of [4.99, 0, -5, 5.001, NaN, Infinity, -Infinity, -0, 1e308, '5.00', null, undefined]) {
      const r = amount.safeParse(v);
      expect(r.success, String(v)).toBe(false);
    }
    const r = amount.safeParse(4.99);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toMatch(/at least 5\.00 EUR/);
  });
  it('positive option refuses 0', () => {
    expect(eur({ positive: true }).safeParse(0).success).toBe(false);
    expect(eur({ positive: true }).safeParse(0.01).success).toBe(true);
  });
  it('is what the request schemas use', () => {
    const base = { title: 'Summarise this', task_spec: { description: 'x' }, worker_agent_id: 'ag_0123456789abcdef' };
    expect(PostJobInput.safeParse({ ...base, amount: 5 }).success).toBe(true);
    expect(PostJobInput.safeParse({ ...base, amount: 4.99 }).success).toBe(false);
    expect(PostJobInput.safeParse({ ...base, amount: 5.001 }).success).toBe(false);
    expect(PostJobInput.safeParse({ ...base, amount: NaN }).success).toBe(false);
    expect(SubmitBidInput.safeParse({ proposed_price: 4.99 }).success).toBe(false);
    expect(SubmitBidInput.safeParse({ proposed_price: 5 }).success).toBe(true);
    expect(UpdateAgentInput.safeParse({ monthly_spending_limit: 0 }).success).toBe(true);
    expect(UpdateAgentInput.safeParse({ monthly_spending_limit: null }).success).toBe(true);
    expect(UpdateAgentInput.safeParse({ monthly_spending_limit: -1 }).success).toBe(false);
    expect(UpdateAgentInput.safeParse({ monthly_spending_limit: 10.005 }).success).toBe(false);
  });
  it('PostJobInput applies the defaults the engine relies on', () => {
    const p = PostJobInput.parse({ title: 'Summarise this', task_spec: {}, amount: 5, worker_agent_id: 'ag_0123456789abcdef' });
    expect(p.job_type).toBe('direct');
    expect(p.deadline_hours).toBe(72);
    expect(p.max_revisions).toBe(2);
  });
});

describe('percentOf (half-up, integer arithmetic)', () => {
  it.each([
    [505, 10, 51], // 50.5 → 51
    [505, 12, 61], // 60.6
    [505, 8, 40], // 40.4
    [505, 6, 30], // 30.3
    [725, 6, 44], // 43.5 → 44
    [1, 50, 1], // 0.5 → 1
    [1, 49, 0],
    [10, 5, 1], // 0.5 → 1
    [3333, 25, 833], // 833.25
    [3333, 5, 167], // 166.65
    [9999, 12, 1200], // 1199.88
    [0, 12, 0],
    [2_500_000, 6, 150_000],
  ])('%i cents × %i percent = %i', (c, p, expected) => expect(percentOf(c, p)).toBe(expected));
});

describe('tiers', () => {
  it.each([
    [0, 'bronze', 12], [39, 'bronze', 12], [39.9, 'bronze', 12], [40, 'silver', 10], [69, 'silver', 10], [69.9, 'silver', 10],
    [70, 'gold', 8], [89, 'gold', 8], [90, 'platinum', 6], [100, 'platinum', 6],
  ])('score %s → %s (%i percent)', (score, tier, fee) => {
    expect(tierOf(score).tier).toBe(tier);
    expect(tierOf(score).fee_percent).toBe(fee);
  });
  it('match the reference', () => {
    expect(TIERS.map((t) => [t.tier, t.min_score, t.fee_percent])).toEqual([
      ['platinum', 90, 6], ['gold', 70, 8], ['silver', 40, 10], ['bronze', 0, 12],
    ]);
  });
});

describe('platform fee at release', () => {
  // amount EUR → fee cents at 12 / 10 / 8 / 6 %, computed by hand (half-up).
  const TABLE: [number, number, number, number, number][] = [
    [5.05, 61, 51, 40, 30],
    [33.33, 400, 333, 267, 200],
    [99.99, 1200, 1000, 800, 600],
    [7.25, 87, 73, 58, 44], // 87.0, 72.5 → 73, 58.0, 43.5 → 44
    [5, 60, 50, 40, 30],
  ];
  const SCORES: [number, number][] = [[39, 1], [40, 2], [69, 2], [70, 3], [89, 3], [90, 4]]; // score → column

  it.each(TABLE)('%s EUR at every tier boundary: exact to the cent, payout + fee = amount', async (amount, ...fees) => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    m.ownerSets(buyer, { confirm_above: 1000 }); // these approvals ask no human (src/engine/policy.ts)
    for (const [score, col] of SCORES) {
      const id = await m.deliveredJob(buyer, worker, { amount });
      m.setTrust(worker.id, score); // the tier at release decides
      const done = await buyer.mp.approveJob(id);
      const fee = fees[col - 1];
      const amountCents = Math.round(amount * 100);
      expect(done.status).toBe('completed');
      expect(Math.round(done.platform_fee! * 100), `score ${score}`).toBe(fee);
      expect(Math.round(done.worker_payout! * 100)).toBe(amountCents - fee);
      expect(done.escrow_amount).toBe(0);
      const [capture, release, payout] = m.txns(id);
      expect(capture.kind).toBe('capture');
      expect(release).toMatchObject({ kind: 'release', entries: { [`escrow:${id}`]: -amountCents, [`payable:${worker.id}`]: amountCents - fee, 'platform:fees': fee } });
      expect(payout).toMatchObject({ kind: 'payout', entries: { [`payable:${worker.id}`]: -(amountCents - fee), [`payout:${worker.id}`]: amountCents - fee } });
      expect(m.balance(`payable:${worker.id}`)).toBe(0);
    }
    const payouts = await worker.mp.getPayouts();
    expect(payouts.total_jobs).toBe(SCORES.length);
    for (const p of payouts.payouts) expect(Math.round((p.net_eur + p.platform_fee_eur) * 100)).toBe(Math.round(p.gross_eur * 100));
    const totalFees = SCORES.reduce((s, [, col]) => s + fees[col - 1], 0);
    expect(m.balance('platform:fees')).toBe(totalFees);
  });

  it('the tier moves with trust: 69 → job completed (+1) → 70 = gold fee on the next job', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    m.setTrust(worker.id, 69);
    const first = await m.completedJob(buyer, worker, { amount: 10 });
    expect(first.platform_fee).toBe(1); // silver 10 %
    expect(m.trust(worker.id)).toBe(70);
    expect((await worker.mp.getMyAgent()).level).toBe('gold');
    expect((await worker.mp.getMyAgent()).platform_fee_percent).toBe(8);
    const second = await m.completedJob(buyer, worker, { amount: 10 });
    expect(second.platform_fee).toBe(0.8); // gold 8 %
    // A 5/5 review takes 89 → 90: platinum.
    m.setTrust(worker.id, 88.5);
    const third = await m.completedJob(buyer, worker, { amount: 10 }); // +1 → 89.5
    expect(third.platform_fee).toBe(0.8);
    await m.review(buyer, third.id, 5); // +1 → 90.5
    expect(m.trust(worker.id)).toBe(90.5);
    const fourth = await m.completedJob(buyer, worker, { amount: 10 });
    expect(fourth.platform_fee).toBe(0.6); // platinum 6 %
    // And down again: 40 → worker withdraws accepted work (−3) → 37 → bronze 12 %.
    m.setTrust(worker.id, 40);
    const j = await m.directJob(buyer, worker, { amount: 10 });
    await worker.mp.acceptJob(j.id);
    await m.cancel(worker, j.id, 'cannot do it');
    expect(m.trust(worker.id)).toBe(37);
    const fifth = await m.completedJob(buyer, worker, { amount: 10 });
    expect(fifth.platform_fee).toBe(1.2);
  });
});
