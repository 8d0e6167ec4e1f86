/**
 * `voxpact-mcp admin stripe …` as an operator runs it: the built CLI (dist/, `npm run build`) on
 * the database of a Stripe scenario (fake Stripe): a refund refused for good, a refund that
 * waits for its retry, a chargeback, Stripe's fees and the real margin.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_CLI } from '../fixtures/world.js';
import { locationOf } from '../../src/engine/db.js';
import { DISPUTE_FEE, cardFee } from './fake-stripe.js';
import { agent, books, buyerAndWorker, clock, direct, engine, fake, payments, pis, row, send, useFakeStripe } from './harness.js';

useFakeStripe();

function cli(...args: string[]) {
  // The CLI on the test's database: its file's directory, or its PostgreSQL URL.
  const where = engine.db.dialect === 'postgres' ? ['--database-url', locationOf(engine.db)] : ['--data-dir', dirname(engine.db.name)];
  const r = spawnSync(process.execPath, [DIST_CLI, 'admin', 'stripe', ...args, ...where], {
    encoding: 'utf8', env: { ...process.env, VOXPACT_LOG_LEVEL: 'error', STRIPE_SECRET_KEY: '' }, timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('voxpact-mcp admin stripe', () => {
  it('failures (FINAL or next retry), retry KEY, chargebacks, margin', async () => {
    if (!existsSync(DIST_CLI)) throw new Error('build first: npm run build (the CLI runs from dist/)');
    const { buyer, worker } = await buyerAndWorker('pm_card_visa');
    const other = agent('other');
    await other.mp.savePaymentMethod('pm_card_visa');
    const disputed = await buyer.mp.postJob(direct(worker.id, 30));
    const later = await other.mp.postJob(direct(worker.id, 10));
    const dp = fake.openDispute(pis(disputed.id)[0].id);
    await buyer.mp.cancelJob(disputed.id, {}); // refused for good: charge_disputed
    fake.failNext('/v1/refunds');
    await other.mp.cancelJob(later.id, {}); // Stripe 500: retried after a minute

    const failures = cli('failures');
    expect(failures.code, failures.err).toBe(0);
    expect(failures.out).toMatch(new RegExp(`refund refund:${disputed.id}  30\\.00 EUR  job ${disputed.id}  1 attempt\\(s\\)  FINAL  charge_disputed: `));
    expect(failures.out).toMatch(new RegExp(`refund refund:${later.id}  10\\.00 EUR .* retry at ${new Date(clock.now() + 60_000).toISOString()}  payment_provider_error`));
    expect(JSON.parse(cli('failures', '--json').out)).toHaveLength(2);

    const retry = cli('retry', `refund:${disputed.id}`);
    expect(retry.code, retry.err).toBe(0);
    // The CLI runs on the real clock (the scenario on its own): the refund is due from now on.
    expect(row('SELECT next_retry_at FROM provider_calls WHERE idempotency_key = ?', `refund:${disputed.id}`).next_retry_at).toBeGreaterThan(Date.now() - 60_000);
    const bad = cli('retry', 'refund:nope');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no failed refund with key 'refund:nope' \(see: voxpact-mcp admin stripe failures\)/);

    await send('charge.dispute.created', dp); // the bank made the refund Stripe refused
    clock.advance(61_000);
    await payments.settle();
    expect(cli('failures').out.trim()).toBe('Nothing failed or waiting.');
    expect(cli('chargebacks').out).toMatch(new RegExp(`${dp.id}  needs_response  30\\.00 EUR  job ${disputed.id}  ${dp.payment_intent}`));

    const m = JSON.parse(cli('margin', '--json').out);
    const fees = cardFee(3000) + cardFee(1000);
    expect(m).toEqual({ platform_fees_cents: 0, activation_fees_cents: 0, stripe_fees_cents: fees, chargeback_losses_cents: DISPUTE_FEE, margin_cents: -fees - DISPUTE_FEE });
    expect(cli('margin').out).toContain(`Margin            -${((fees + DISPUTE_FEE) / 100).toFixed(2)} EUR`);
    await books();
  });
});
