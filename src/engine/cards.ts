/** Saved cards (per owner, shared by the owner's agents), captures into escrow, the monthly cap. */
import { VoxError, notFound } from '../errors.js';
import { formatEur } from '../money.js';
import { type Ctx, changed } from './context.js';
import { timeUuid, token } from './ids.js';
import { acct, post } from './ledger.js';
import { chargeCard, testCard } from './payments.js';
import { paymentMethodView } from './views.js';
import { type Spend, gateSpend } from './policy.js';

const ownerOf = (ctx: Ctx, agentId: string) =>
  (ctx.db.prepare('SELECT owner_id FROM agents WHERE id = ?').get(agentId) as { owner_id: string }).owner_id;

export function setupIntent(ctx: Ctx, agentId: string) {
  const id = token('seti', 24);
  const secret = `${id}_secret_${token('s', 24).slice(2)}`;
  ctx.db.prepare('INSERT INTO setup_intents (id, agent_id, client_secret, created_at) VALUES (?, ?, ?, ?)').run(id, agentId, secret, ctx.clock.now());
  return { setup_intent_id: id, client_secret: secret };
}

/** Save a card for the agent's owner. The first card (or make_default) becomes the default. */
export function saveCard(ctx: Ctx, agentId: string, paymentMethodId: string, makeDefault = false) {
  const info = ctx.payments?.cardInfo(paymentMethodId);
  const card = info ?? testCard(paymentMethodId);
  const owner = ownerOf(ctx, agentId);
  const hasDefault = ctx.db.prepare('SELECT 1 FROM payment_methods WHERE owner_id = ? AND is_default = 1 AND deleted_at IS NULL').get(owner);
  const isDefault = makeDefault || !hasDefault;
  if (isDefault) ctx.db.prepare('UPDATE payment_methods SET is_default = 0 WHERE owner_id = ?').run(owner);
  const id = token('pm', 24);
  const now = new Date(ctx.clock.now());
  ctx.db.prepare('INSERT INTO payment_methods (id, owner_id, test_token, brand, last4, exp_month, exp_year, is_default, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, owner, paymentMethodId, card.brand, card.last4, info?.exp_month ?? 12, info?.exp_year ?? now.getUTCFullYear() + 3, isDefault ? 1 : 0, now.getTime());
  changed(ctx, agentId, null, 'payment_method');
  return paymentMethodView(ctx.db.prepare('SELECT * FROM payment_methods WHERE id = ?').get(id) as any);
}

export function listCards(ctx: Ctx, agentId: string) {
  const rows = ctx.db.prepare('SELECT * FROM payment_methods WHERE owner_id = ? AND deleted_at IS NULL ORDER BY is_default DESC, created_at').all(ownerOf(ctx, agentId)) as any[];
  return rows.map(paymentMethodView);
}

export function deleteCard(ctx: Ctx, agentId: string, id: string) {
  const owner = ownerOf(ctx, agentId);
  const row = ctx.db.prepare('SELECT * FROM payment_methods WHERE id = ? AND owner_id = ? AND deleted_at IS NULL').get(id, owner) as { is_default: number } | undefined;
  if (!row) throw notFound('payment method', id);
  ctx.db.prepare('UPDATE payment_methods SET deleted_at = ?, is_default = 0 WHERE id = ?').run(ctx.clock.now(), id);
  if (row.is_default) {
    // The newest remaining card takes over, so captures keep working.
    ctx.db.prepare(`UPDATE payment_methods SET is_default = 1 WHERE id = (SELECT id FROM payment_methods WHERE owner_id = ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1)`).run(owner);
  }
  changed(ctx, agentId, null, 'payment_method');
  return { id, deleted: true as const };
}

export function defaultCard(ctx: Ctx, agentId: string) {
  return ctx.db.prepare('SELECT * FROM payment_methods WHERE owner_id = ? AND is_default = 1 AND deleted_at IS NULL').get(ownerOf(ctx, agentId)) as
    { id: string; test_token: string; brand: string; last4: string } | undefined;
}

/** Start of the current calendar month in UTC. */
export function monthStart(nowMs: number): number {
  const d = new Date(nowMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/**
 * Spent this month = job captures this calendar month (UTC), net of refunds of those same
 * captures. A refund of last month's capture gives back no budget this month, so the cap
 * bounds what leaves the card within one month. Activation fees do not count.
 */
export function spentThisMonthCents(ctx: Ctx, agentId: string): number {
  const start = monthStart(ctx.clock.now());
  const r = ctx.db.prepare(`SELECT COALESCE(SUM(e.amount_cents), 0) s FROM ledger_entries e JOIN ledger_txns t ON t.id = e.txn_id
      WHERE e.account = ? AND e.created_at >= ? AND t.kind <> 'activation_fee'
        AND (t.kind = 'capture' OR EXISTS (SELECT 1 FROM ledger_txns c WHERE c.job_id = t.job_id AND c.kind = 'capture' AND c.created_at >= ?))`)
    .get(acct.funding(agentId), start, start) as { s: number };
  return Math.max(0, -r.s);
}

/** Refuse a capture that would take the agent over its monthly cap; say how much is left. */
export function checkMonthlyLimit(ctx: Ctx, agentId: string, amountCents: number) {
  const row = ctx.db.prepare('SELECT monthly_spending_limit_cents l FROM agents WHERE id = ?').get(agentId) as { l: number | null };
  // Through an OAuth connection, its cap bounds the agent's month too (never above the agent's own).
  const own = row.l, conn = ctx.connection?.monthlyCapCents ?? null;
  row.l = own == null ? conn : conn == null ? own : Math.min(own, conn);
  if (row.l == null) return;
  const spent = spentThisMonthCents(ctx, agentId);
  const left = Math.max(0, row.l - spent);
  if (amountCents > left) {
    throw new VoxError('monthly_limit_exceeded',
      `monthly spending limit reached: ${formatEur(amountCents)} needed, ${formatEur(left)} left of ${formatEur(row.l)} this month (resets on the 1st, UTC)`,
      402, { left_this_month: left / 100, monthly_spending_limit: row.l / 100, spent_this_month: spent / 100 });
  }
}

export type CaptureOutcome = { ok: true } | { ok: false; code: string; message: string; payment_intent_id: string };

/**
 * Charge the buyer's default card into the job's escrow. The cap and a missing card refuse
 * (nothing changes); a decline is returned so the caller decides (pending_payment, or refuse).
 * `spend`: the call's spending-policy gate (a retried payment of a job already posted has none: it passed at posting).
 */
export function capture(ctx: Ctx, buyerId: string, jobId: string, amountCents: number, ref: string, spend?: Omit<Spend, 'amountCents' | 'capture'>): CaptureOutcome {
  checkMonthlyLimit(ctx, buyerId, amountCents);
  const card = defaultCard(ctx, buyerId);
  if (!card) throw new VoxError('payment_method_required', 'no saved card: call setup_payment_method and save_payment_method first', 402);
  // Every check that could refuse has passed: only now may a human be asked (src/engine/policy.ts).
  if (spend) gateSpend(ctx, buyerId, { ...spend, amountCents, capture: true });
  // An external provider (src/payments) charged before the transaction; the embedded network answers here.
  const hooked = ctx.payments?.capture({ buyerId, jobId, amountCents, ref, paymentMethod: card.test_token });
  const res = hooked ?? chargeCard(card.test_token);
  const now = ctx.clock.now();
  const chargeId = hooked?.payment_intent_id ?? `pi_${timeUuid(now).replace(/-/g, '')}`;
  // One row per PaymentIntent: a provider confirms the same one again after a decline (src/payments), so its row follows the last attempt.
  ctx.db.prepare(`INSERT INTO charges (id, agent_id, job_id, payment_method_id, amount_cents, purpose, status, error_code, created_at) VALUES (?, ?, ?, ?, ?, 'escrow', ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET payment_method_id = excluded.payment_method_id, status = excluded.status, error_code = excluded.error_code`)
    .run(chargeId, buyerId, jobId, card.id, amountCents, res.ok ? 'succeeded' : 'failed', res.ok ? null : res.code, now);
  if (!res.ok) return { ...res, payment_intent_id: chargeId };
  post(ctx.db, { kind: 'capture', job_id: jobId, agent_id: buyerId, ref, at: now, entries: [
    { account: acct.funding(buyerId), amount_cents: -amountCents },
    { account: acct.escrow(jobId), amount_cents: amountCents },
  ] });
  return { ok: true };
}
