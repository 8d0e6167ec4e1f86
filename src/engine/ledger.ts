/**
 * Double-entry ledger. Every money movement is one transaction whose entries sum to zero.
 *
 * Accounts (balance sign: + means the account holds money):
 *   funding:<agent>   the agent's owner's card. Negative: charged. May go negative.
 *   escrow:<job>      money held for a job. Never negative; equals the job amount while held.
 *   payable:<agent>   a worker's earnings not yet paid out. Never negative.
 *   payout:<agent>    paid out to the worker's bank account (external).
 *   platform:fees     platform fees and cancellation fees. Never negative.
 *   platform:activation  €5.00 activation fees. Never negative.
 *   stripe:fees       what Stripe kept as fees (processing, disputes; external). The platform's
 *                     margin is platform:fees + platform:activation + expense:* (docs/stripe.md).
 *   stripe:disputes   what Stripe withdrew for chargebacks and has not given back (external).
 *   expense:stripe_fees, expense:chargebacks  the platform's costs. Negative: paid or lost.
 */
import type { DB } from './db.js';
import type { JobStatus } from '../schemas.js';

export type Entry = { account: string; amount_cents: number };
export type TxnKind = 'capture' | 'release' | 'refund' | 'cancel_settlement' | 'payout' | 'activation_fee' | 'dispute_split'
  | 'stripe_fee' | 'chargeback' | 'chargeback_reversal' | 'transfer_reversal';

export const acct = {
  funding: (agentId: string) => `funding:${agentId}`,
  escrow: (jobId: string) => `escrow:${jobId}`,
  payable: (agentId: string) => `payable:${agentId}`,
  payout: (agentId: string) => `payout:${agentId}`,
  fees: 'platform:fees',
  activation: 'platform:activation',
  stripeFees: 'stripe:fees',
  stripeDisputes: 'stripe:disputes',
  feeExpense: 'expense:stripe_fees',
  chargebackExpense: 'expense:chargebacks',
};
const MUST_NOT_GO_NEGATIVE = /^(escrow|payable|platform):/;

/** Statuses in which a job's escrow holds its full amount. */
export const HELD_STATUSES: readonly JobStatus[] = [
  'funded', 'accepted', 'in_progress', 'delivered', 'validating', 'revision_requested', 'disputed',
];

export class LedgerError extends Error {}

/**
 * Post one transaction. `ref` makes it happen at most once: a second post with the same ref is
 * refused by the UNIQUE constraint (the caller's transaction rolls back), so a retry never moves
 * money twice. Must run inside the caller's write transaction.
 */
export function post(db: DB, t: { kind: TxnKind; job_id?: string | null; agent_id?: string | null; ref: string; at: number; entries: Entry[] }): number {
  const entries = t.entries.filter((e) => e.amount_cents !== 0);
  for (const e of entries) if (!Number.isSafeInteger(e.amount_cents)) throw new LedgerError(`non-integer cents in ${t.kind}: ${e.amount_cents}`);
  const sum = entries.reduce((s, e) => s + e.amount_cents, 0);
  if (sum !== 0) throw new LedgerError(`ledger transaction ${t.kind} does not balance (sum ${sum})`);
  if (entries.length < 2) throw new LedgerError(`ledger transaction ${t.kind} moves nothing`);
  const txnId = (db.prepare('INSERT INTO ledger_txns (kind, job_id, agent_id, ref, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id')
    .get(t.kind, t.job_id ?? null, t.agent_id ?? null, t.ref, t.at) as { id: number }).id;
  const insert = db.prepare('INSERT INTO ledger_entries (txn_id, account, amount_cents, created_at) VALUES (?, ?, ?, ?)');
  const bump = db.prepare(
    'INSERT INTO balances (account, balance_cents) VALUES (?, ?) ON CONFLICT(account) DO UPDATE SET balance_cents = balances.balance_cents + excluded.balance_cents RETURNING balance_cents',
  );
  for (const e of entries) {
    insert.run(txnId, e.account, e.amount_cents, t.at);
    const { balance_cents } = bump.get(e.account, e.amount_cents) as { balance_cents: number };
    if (balance_cents < 0 && MUST_NOT_GO_NEGATIVE.test(e.account)) {
      throw new LedgerError(`${t.kind} would take ${e.account} negative (${balance_cents})`);
    }
  }
  return txnId;
}

export function balance(db: DB, account: string): number {
  const row = db.prepare('SELECT balance_cents FROM balances WHERE account = ?').get(account) as { balance_cents: number } | undefined;
  return row?.balance_cents ?? 0;
}

/**
 * The invariants of DESIGN.md, checked over the whole database. Returns the violations (empty
 * when the books are right). Tests call it after every operation; `voxpact-mcp ledger check` too.
 */
export function checkInvariants(db: DB): string[] {
  const bad: string[] = [];
  const total = db.prepare('SELECT COALESCE(SUM(amount_cents), 0) s FROM ledger_entries').get() as { s: number };
  if (total.s !== 0) bad.push(`all entries sum to ${total.s}, not 0`);
  for (const r of db.prepare('SELECT txn_id, SUM(amount_cents) s FROM ledger_entries GROUP BY txn_id HAVING SUM(amount_cents) <> 0').all() as { txn_id: number; s: number }[])
    bad.push(`transaction ${r.txn_id} sums to ${r.s}`);
  for (const r of db.prepare(`SELECT * FROM (SELECT b.account, b.balance_cents, COALESCE((SELECT SUM(amount_cents) FROM ledger_entries e WHERE e.account = b.account), 0) s
      FROM balances b) x WHERE balance_cents <> s`).all() as { account: string; balance_cents: number; s: number }[])
    bad.push(`balance of ${r.account} is ${r.balance_cents} but its entries sum to ${r.s}`);
  for (const r of db.prepare(`SELECT account, balance_cents FROM balances WHERE balance_cents < 0
      AND (account LIKE 'escrow:%' OR account LIKE 'payable:%' OR account LIKE 'platform:%')`).all() as { account: string; balance_cents: number }[])
    bad.push(`${r.account} is negative (${r.balance_cents})`);
  const jobs = db.prepare(`SELECT j.id, j.status, j.frozen_from, j.amount_cents, COALESCE(b.balance_cents, 0) escrow
      FROM jobs j LEFT JOIN balances b ON b.account = 'escrow:' || j.id`).all() as { id: string; status: JobStatus; frozen_from: JobStatus | null; amount_cents: number; escrow: number }[];
  for (const j of jobs) {
    const status = j.status === 'frozen' ? j.frozen_from! : j.status;
    const expected = HELD_STATUSES.includes(status) ? j.amount_cents : 0;
    if (j.escrow !== expected) bad.push(`job ${j.id} is '${j.status}' with escrow ${j.escrow}, expected ${expected}`);
  }
  // Every account reachable by a job's escrow is tied to an existing job.
  const orphan = db.prepare(`SELECT account FROM balances WHERE account LIKE 'escrow:%' AND balance_cents <> 0
      AND substr(account, 8) NOT IN (SELECT id FROM jobs)`).all() as { account: string }[];
  for (const o of orphan) bad.push(`${o.account} holds money but has no job`);
  return bad;
}
