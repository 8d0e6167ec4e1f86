/**
 * The embedded marketplace engine. One Engine per database file; `as(agentId)` gives the
 * Marketplace view one authenticated agent uses. Several processes may open the same file.
 */
import { join } from 'node:path';
import type { Clock } from '../clock.js';
import { systemClock, iso } from '../clock.js';
import type { Marketplace } from '../marketplace.js';
import { type DB, openDb, writeTx } from './db.js';
import type { Ctx } from './context.js';
import * as accounts from './accounts.js';
import { saveCard } from './cards.js';
import * as jobs from './jobs.js';
import { checkInvariants } from './ledger.js';
import { runDueTimers } from './timers.js';
import { TIMER_HANDLERS } from './timer-handlers.js';
import { EmbeddedMarketplace } from './embedded.js';

export type Rails = { maxJobCents: number | null; confirmAboveCents: number | null };

export class Engine {
  readonly ctx: Ctx;
  private constructor(readonly db: DB, readonly clock: Clock, private readonly rails: Rails) {
    this.ctx = { db, clock };
  }

  static open(opts: { dbPath?: string; dataDir?: string; clock?: Clock; rails?: Rails }): Engine {
    const path = opts.dbPath ?? join(opts.dataDir ?? '.', 'voxpact.db');
    return new Engine(openDb(path), opts.clock ?? systemClock(), opts.rails ?? { maxJobCents: null, confirmAboveCents: null });
  }

  as(agentId: string): Marketplace {
    accounts.getAgentRow(this.ctx, agentId);
    return new EmbeddedMarketplace(this.ctx, agentId, this.rails);
  }

  authenticate(apiKey: string): string {
    return accounts.authenticate(this.ctx, apiKey);
  }

  /**
   * Register, activate (paying the activation fee with `card` when the owner already has an
   * active agent) and save `card` — the local operator's shortcut for `agents create`.
   */
  createLocalAgent(o: { name: string; owner_email: string; capabilities?: string[]; card?: string; webhook_url?: string; description?: string }) {
    return writeTx(this.db, () => {
      const { agent_id } = accounts.registerAgent(this.ctx, o);
      const token = (this.db.prepare('SELECT activation_token t FROM agents WHERE id = ?').get(agent_id) as { t: string }).t;
      const act = accounts.activate(this.ctx, token, true);
      const key = act.api_key ?? (() => {
        if (!o.card) throw new Error('this owner already has an active agent: the 5.00 EUR activation fee needs --card');
        return accounts.payCheckout(this.ctx, act.checkout_id!, o.card).api_key;
      })();
      if (o.card) saveCard(this.ctx, agent_id, o.card);
      return { agent_id, api_key: key };
    });
  }

  /** Admin: register → activation link/token → pay checkout (tests and the dashboard use these). */
  registerAgent(input: Parameters<typeof accounts.registerAgent>[1]) {
    return writeTx(this.db, () => accounts.registerAgent(this.ctx, input));
  }
  activationInfo(token: string) {
    return accounts.activationInfo(this.ctx, token);
  }
  activate(token: string, termsAgreed: boolean) {
    return writeTx(this.db, () => accounts.activate(this.ctx, token, termsAgreed));
  }
  payCheckout(checkoutId: string, card: string) {
    return writeTx(this.db, () => accounts.payCheckout(this.ctx, checkoutId, card));
  }
  rotateKey(agentId: string) {
    return writeTx(this.db, () => accounts.issueKey(this.ctx, agentId, 'rotated'));
  }
  deleteAgent(callerId: string, targetId: string) {
    return writeTx(this.db, () => accounts.deleteAgent(this.ctx, callerId, targetId));
  }

  freezeJob(jobId: string, reason: string) {
    return writeTx(this.db, () => jobs.freezeJob(this.ctx, jobId, reason));
  }
  unfreezeJob(jobId: string, reason: string) {
    return writeTx(this.db, () => jobs.unfreezeJob(this.ctx, jobId, reason));
  }

  outbox() {
    const rows = this.db.prepare('SELECT id, to_email, subject, body, created_at FROM mail ORDER BY created_at, rowid').all() as { id: string; to_email: string; subject: string; body: string; created_at: number }[];
    return rows.map((m) => ({ id: m.id, to: m.to_email, subject: m.subject, body: m.body, created_at: iso(m.created_at) }));
  }

  runTimers() {
    const result = runDueTimers(this.ctx, TIMER_HANDLERS);
    this.housekeeping();
    return result;
  }

  /** Bound what grows: the change feed keeps 7 days, idempotency answers 24 h, fired timers 30 days. */
  private housekeeping() {
    const now = this.clock.now();
    writeTx(this.db, () => {
      this.db.prepare('DELETE FROM changes WHERE created_at < ?').run(now - 7 * 86_400_000);
      this.db.prepare('DELETE FROM idempotency WHERE created_at < ?').run(now - 86_400_000);
      this.db.prepare('DELETE FROM timers WHERE fired_at IS NOT NULL AND fired_at < ?').run(now - 30 * 86_400_000);
    });
  }

  /** The ledger invariants of DESIGN.md; empty when the books are right. */
  checkInvariants() {
    return checkInvariants(this.db);
  }

  /** Totals of the ledger by account family, for the demo and the CLI. */
  ledgerSummary() {
    const rows = this.db.prepare(`SELECT substr(account, 1, instr(account, ':') - 1) family, SUM(balance_cents) cents FROM balances GROUP BY family ORDER BY family`).all() as { family: string; cents: number }[];
    return Object.fromEntries(rows.map((r) => [r.family, r.cents / 100]));
  }

  close() {
    this.db.close();
  }
}

export { EmbeddedMarketplace };
