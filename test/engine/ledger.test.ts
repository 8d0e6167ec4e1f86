/**
 * The ledger's own guards (post refuses what would break the books; checkInvariants finds
 * every kind of damage) and the test harness that relies on them (it must notice damage).
 */
import { describe, expect, it } from 'vitest';
import { LedgerError, acct, post } from '../../src/engine/ledger.js';
import { newMarket } from '../helpers/market.js';

describe('ledger.post', () => {
  it('refuses unbalanced, empty, fractional and negative-balance transactions, and a repeated ref', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    const j = await m.directJob(buyer, worker, { amount: 10 });
    const tx = (fn: () => void) => () => m.db.transaction(fn).immediate();
    const before = m.snapshot();
    expect(tx(() => post(m.db, { kind: 'payout', ref: 'a', at: 0, entries: [{ account: acct.escrow(j.id), amount_cents: -100 }, { account: acct.fees, amount_cents: 99 }] })))
      .toThrow(/does not balance/);
    expect(tx(() => post(m.db, { kind: 'payout', ref: 'b', at: 0, entries: [{ account: acct.fees, amount_cents: 0 }] }))).toThrow(/moves nothing/);
    expect(tx(() => post(m.db, { kind: 'payout', ref: 'c', at: 0, entries: [{ account: acct.fees, amount_cents: 0.5 }, { account: acct.funding(buyer.id), amount_cents: -0.5 }] })))
      .toThrow(/non-integer/);
    expect(tx(() => post(m.db, { kind: 'payout', ref: 'd', at: 0, entries: [{ account: acct.escrow(j.id), amount_cents: -1001 }, { account: acct.funding(buyer.id), amount_cents: 1001 }] })))
      .toThrow(/would take escrow:.* negative/);
    expect(tx(() => post(m.db, { kind: 'payout', ref: 'e', at: 0, entries: [{ account: acct.payable(worker.id), amount_cents: -1 }, { account: acct.payout(worker.id), amount_cents: 1 }] })))
      .toThrow(LedgerError);
    expect(tx(() => post(m.db, { kind: 'capture', ref: `capture:${j.id}`, at: 0, entries: [{ account: acct.funding(buyer.id), amount_cents: -1000 }, { account: acct.escrow(j.id), amount_cents: 1000 }] })))
      .toThrow(/UNIQUE|unique constraint/);
    expect(m.snapshot()).toBe(before);
    expect(m.engine.checkInvariants()).toEqual([]);
  });
});

describe('checkInvariants', () => {
  it('finds each kind of damage', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    const worker = m.worker();
    const j = await m.directJob(buyer, worker, { amount: 10 });
    expect(m.engine.checkInvariants()).toEqual([]);
    const damage = (sql: string, ...args: unknown[]) => m.db.prepare(sql).run(...args);

    damage("UPDATE balances SET balance_cents = balance_cents + 1 WHERE account = ?", `escrow:${j.id}`);
    expect(m.engine.checkInvariants()).toEqual(expect.arrayContaining([
      `balance of escrow:${j.id} is 1001 but its entries sum to 1000`,
      `job ${j.id} is 'funded' with escrow 1001, expected 1000`,
    ]));
    damage("UPDATE balances SET balance_cents = balance_cents - 1 WHERE account = ?", `escrow:${j.id}`);
    expect(m.engine.checkInvariants()).toEqual([]);

    const t = (m.db.prepare("INSERT INTO ledger_txns (kind, ref, created_at) VALUES ('payout', 'x', 0) RETURNING id").get() as { id: number }).id;
    damage('INSERT INTO ledger_entries (txn_id, account, amount_cents, created_at) VALUES (?, ?, 5, 0)', t, 'platform:fees');
    damage("INSERT INTO balances (account, balance_cents) VALUES ('platform:fees', 5)");
    expect(m.engine.checkInvariants()).toEqual(expect.arrayContaining(['all entries sum to 5, not 0', `transaction ${t} sums to 5`]));
    damage('DELETE FROM ledger_entries WHERE txn_id = ?', t);
    damage('DELETE FROM ledger_txns WHERE id = ?', t);
    damage("DELETE FROM balances WHERE account = 'platform:fees'");
    expect(m.engine.checkInvariants()).toEqual([]);

    damage("UPDATE jobs SET status = 'cancelled' WHERE id = ?", j.id);
    expect(m.engine.checkInvariants()).toEqual([`job ${j.id} is 'cancelled' with escrow 1000, expected 0`]);
    damage("UPDATE jobs SET status = 'funded' WHERE id = ?", j.id);

    damage("INSERT INTO balances (account, balance_cents) VALUES ('payable:ghost', -3), ('escrow:ghost', 3)");
    const t2 = (m.db.prepare("INSERT INTO ledger_txns (kind, ref, created_at) VALUES ('payout', 'y', 0) RETURNING id").get() as { id: number }).id;
    damage("INSERT INTO ledger_entries (txn_id, account, amount_cents, created_at) VALUES (?, 'payable:ghost', -3, 0), (?, 'escrow:ghost', 3, 0)", t2, t2);
    expect(m.engine.checkInvariants()).toEqual(['payable:ghost is negative (-3)', 'escrow:ghost holds money but has no job']);
  });
});

describe('the checking harness', () => {
  it('fails a call when the books are broken after it', async () => {
    const m = newMarket();
    const buyer = m.buyer();
    m.db.prepare("INSERT INTO balances (account, balance_cents) VALUES ('platform:fees', 7)").run();
    await expect(buyer.mp.getMyAgent()).rejects.toThrow(/ledger invariants after buyer\.getMyAgent/);
    m.db.prepare("DELETE FROM balances WHERE account = 'platform:fees'").run();
    await expect(buyer.mp.getMyAgent()).resolves.toBeTruthy();
  });

  it('fails a refused call that changed something', async () => {
    const m = newMarket();
    m.buyer();
    expect(() => m.guarded('sneaky', () => {
      m.db.prepare("INSERT INTO mail (id, to_email, subject, body, created_at) VALUES ('m1', 'a@b.c', 's', 'b', 0)").run();
      throw new Error('refused');
    })).toThrow(/sneaky was refused \(refused\) but changed: mail/);
    await expect(m.guarded('sneaky async', async () => {
      m.db.prepare("UPDATE agents SET trust_score = 1").run();
      throw new Error('nope');
    })).rejects.toThrow(/but changed: agents/);
  });
});
