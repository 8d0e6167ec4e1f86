/**
 * A model of the marketplace, written from the API reference and DESIGN.md rather than from
 * the engine's code: agents (trust, default card, monthly cap, capabilities), jobs, bids,
 * durable timers, the clock and the books (one balance per ledger account). Each operation
 * predicts whether the engine must accept it and, if so, what it does to the model. The
 * commands in commands.ts run the same operation on the engine and compare.
 */
import { TIERS } from '../../src/limits.js';
import type { JobStatus } from '../../src/schemas.js';

export const H = 3_600_000;
export const MIN = 60_000;

// ---------- the rules, as the reference states them ----------

/** Bronze 0–39 12 %, Silver 40–69 10 %, Gold 70–89 8 %, Platinum 90–100 6 % (reference). */
export function feePercent(trust: number): number {
  return trust >= 90 ? 6 : trust >= 70 ? 8 : trust >= 40 ? 10 : 12;
}
/** Job limits per tier are the project's own (src/limits.ts, documented in the README). */
export function tierLimits(trust: number) {
  const t = TIERS.find((x) => trust >= x.min_score)!;
  return { maxJobCents: t.max_job_amount_cents, maxActive: t.max_active_jobs };
}
/** Half-up percentage of an integer cent amount. */
export const pct = (cents: number, percent: number) => Math.round((cents * percent) / 100);

export const AUTO_RELEASE_H = 48;
export const PAYMENT_EXPIRY_H = 24;
export const REVISION_MIN_H = 24;
export const ACCEPT_GRACE_H = 168;
export const BID_INTERVAL_MS = 5 * MIN;
export const TRUST_COMPLETED_WORKER = 1;
export const TRUST_COMPLETED_BUYER = 0.5;
export const TRUST_WORKER_FAULT = -3;
export const TRUST_DISPUTE_LOST = -5;
/** Tier 2 (human) review of a dispute: 48-hour SLA (reference). */
export const DISPUTE_SLA_H = 48;

const ACTIVE: JobStatus[] = ['accepted', 'in_progress', 'delivered', 'validating', 'revision_requested', 'disputed'];
const ACTIVE_WORK: JobStatus[] = ['accepted', 'in_progress', 'revision_requested'];
const TERMINAL: JobStatus[] = ['completed', 'cancelled', 'refunded'];
/** Cancellation by the buyer after acceptance (reference; revision_requested: ours). */
const CANCEL_FEE: Partial<Record<JobStatus, { percent: number; to: 'platform' | 'worker' }>> = {
  accepted: { percent: 5, to: 'platform' },
  in_progress: { percent: 25, to: 'worker' },
  revision_requested: { percent: 25, to: 'worker' },
};

export type Card = 'pm_card_visa' | 'pm_card_mastercard' | 'pm_card_chargeDeclined' | 'pm_card_insufficientFunds';
export const DECLINING: Card[] = ['pm_card_chargeDeclined', 'pm_card_insufficientFunds'];

export type MAgent = { idx: number; id: string; trust: number; card: Card | null; capCents: number | null; caps: string[] };
export type MJob = {
  idx: number; id: string; type: 'direct' | 'open'; status: JobStatus; frozenFrom: JobStatus | null;
  buyer: number; worker: number | null; amount: number; budget: number; minAcceptable: number | null; requiredCaps: string[];
  deadlineHours: number; deadlineAt: number | null; closesAt: number | null; biddingClosed: boolean;
  maxRevisions: number; revisionCount: number; deliveredAt: number | null;
  actions: string[]; fee: number | null; payout: number | null; cancelFee: number | null;
  /** Without a Tier 1 arbiter configured, a dispute goes straight to human review ('escalated'). */
  dispute: 'escalated' | 'resolved' | null;
};
export type MBid = { idx: number; id: string; job: number; worker: number; price: number; status: 'active' | 'countered' | 'accepted' | 'rejected' | 'withdrawn'; counter: number | null; createdAt: number };
export type MTimer = { seq: number; kind: 'bid_window' | 'accept_grace' | 'deadline' | 'auto_release' | 'payment_expiry' | 'dispute_sla'; job: number; dueAt: number; fired: boolean };
export type Ruling = 'buyer_wins' | 'worker_wins' | 'split';

export class Model {
  now: number;
  agents: MAgent[] = [];
  jobs: MJob[] = [];
  bids: MBid[] = [];
  timers: MTimer[] = [];
  balances = new Map<string, number>();
  /** Entries on each agent's funding account, for the monthly cap. */
  funding: { agent: number; at: number; cents: number; job: MJob; capture: boolean }[] = [];
  /** The last call made with an idempotency key, for RetryLastKeyed. */
  lastKeyed: { key: string; at: number; response: unknown; redo: (key: string) => Promise<unknown>; label: string } | null = null;
  stats = { commands: 0, ok: 0, refused: 0, timersFired: 0, releases: 0, cancellations: 0, retries: 0, disputes: 0, rulings: 0 };
  private timerSeq = 0;

  constructor(now: number) {
    this.now = now;
  }

  // ---------- books ----------
  move(account: string, cents: number) {
    this.balances.set(account, (this.balances.get(account) ?? 0) + cents);
  }
  fund(agent: number, cents: number, job: MJob, capture = false) {
    this.move(`funding:${this.agents[agent].id}`, cents);
    this.funding.push({ agent, at: this.now, cents, job, capture });
  }
  escrow(j: MJob) {
    return this.balances.get(`escrow:${j.id}`) ?? 0;
  }
  /**
   * Captures this calendar month (UTC), net of what came back this month from those same
   * captures (a refund of last month's capture gives no budget back), ≥ 0.
   */
  spentThisMonth(agent: number) {
    const d = new Date(this.now);
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const capturedThisMonth = (j: MJob) => this.funding.some((f) => f.job === j && f.capture && f.at >= start);
    const sum = this.funding.filter((f) => f.agent === agent && f.at >= start && (f.capture || capturedThisMonth(f.job))).reduce((s, f) => s + f.cents, 0);
    return Math.max(0, -sum);
  }

  // ---------- agents ----------
  activeJobs(agent: number) {
    return this.jobs.filter((j) => j.worker === agent && ACTIVE.includes(j.status)).length;
  }
  /** Can `agent` take a job of `cents` now (tier amount limit and concurrent active jobs)? */
  withinLimits(agent: number, cents: number) {
    const l = tierLimits(this.agents[agent].trust);
    return cents <= l.maxJobCents && this.activeJobs(agent) < l.maxActive;
  }
  adjustTrust(agent: number, delta: number) {
    const a = this.agents[agent];
    a.trust = Math.round(Math.min(100, Math.max(0, a.trust + delta)) * 10) / 10;
  }

  /**
   * Charge the buyer's default card into escrow. 'over_cap' / 'no_card' = refused, nothing happens;
   * 'declined' = the charge failed; 'ok' = the money moved.
   */
  capture(buyer: number, j: MJob, cents: number): 'over_cap' | 'no_card' | 'declined' | 'ok' {
    const a = this.agents[buyer];
    if (a.capCents != null && cents > Math.max(0, a.capCents - this.spentThisMonth(buyer))) return 'over_cap';
    if (!a.card) return 'no_card';
    if (DECLINING.includes(a.card)) return 'declined';
    this.fund(buyer, -cents, j, true);
    this.move(`escrow:${j.id}`, cents);
    return 'ok';
  }

  // ---------- jobs ----------
  schedule(kind: MTimer['kind'], j: MJob, dueAt: number) {
    this.timers.push({ seq: ++this.timerSeq, kind, job: j.idx, dueAt, fired: false });
  }
  transition(j: MJob, action: string, to: JobStatus) {
    j.actions.push(action);
    j.status = to;
  }
  isTerminal(j: MJob) {
    return TERMINAL.includes(j.status);
  }

  release(j: MJob) {
    const worker = j.worker!;
    const fee = pct(j.amount, feePercent(this.agents[worker].trust));
    const net = j.amount - fee;
    this.move(`escrow:${j.id}`, -j.amount);
    this.move('platform:fees', fee);
    this.move(`payout:${this.agents[worker].id}`, net); // payable → payout settles at once
    j.fee = fee;
    j.payout = net;
    this.adjustTrust(worker, TRUST_COMPLETED_WORKER);
    this.adjustTrust(j.buyer, TRUST_COMPLETED_BUYER);
    this.stats.releases++;
  }
  refund(j: MJob) {
    const held = this.escrow(j);
    if (!held) return;
    this.move(`escrow:${j.id}`, -held);
    this.fund(j.buyer, held, j);
  }
  cancelSettlement(j: MJob, from: JobStatus) {
    const rule = CANCEL_FEE[from]!;
    const fee = pct(j.amount, rule.percent);
    this.move(`escrow:${j.id}`, -j.amount);
    this.fund(j.buyer, j.amount - fee, j);
    if (rule.to === 'platform') this.move('platform:fees', fee);
    else this.move(`payout:${this.agents[j.worker!].id}`, fee);
    j.cancelFee = fee;
    j.payout = rule.to === 'worker' ? fee : null;
  }
  /** Funded direct job: the deadline clock starts. */
  funded(j: MJob, action: 'post_direct' | 'payment_succeeded') {
    this.transition(j, action, 'funded');
    j.deadlineAt = this.now + j.deadlineHours * H;
    this.schedule('deadline', j, j.deadlineAt);
  }
  rejectOpenBids(j: MJob) {
    for (const b of this.bids) if (b.job === j.idx && (b.status === 'active' || b.status === 'countered')) b.status = 'rejected';
  }
  activeBids(j: MJob) {
    return this.bids.filter((b) => b.job === j.idx && (b.status === 'active' || b.status === 'countered')).length;
  }

  /** A working card became the default: charge the buyer's unpaid jobs, oldest first; over the cap, a smaller one may still fit. */
  retryPendingPayments(buyer: number) {
    for (const j of this.jobs.filter((x) => x.buyer === buyer && x.status === 'pending_payment')) {
      const r = this.capture(buyer, j, j.amount);
      if (r === 'no_card') break;
      if (r === 'declined' || r === 'over_cap') continue;
      this.funded(j, 'payment_succeeded');
    }
  }

  // ---------- timers ----------
  /** Fire every due timer in (due, creation) order, as the engine must. */
  runTimers(): { fired: number; byKind: Record<string, number> } {
    const byKind: Record<string, number> = {};
    let fired = 0;
    for (;;) {
      const due = this.timers.filter((t) => !t.fired && t.dueAt <= this.now).sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq)[0];
      if (!due) break;
      due.fired = true;
      this.fire(due);
      byKind[due.kind] = (byKind[due.kind] ?? 0) + 1;
      fired++;
    }
    this.stats.timersFired += fired;
    return { fired, byKind };
  }

  private fire(t: MTimer) {
    const j = this.jobs[t.job];
    switch (t.kind) {
      case 'bid_window':
        if (j.status !== 'open') return;
        if (this.activeBids(j) === 0) return this.transition(j, 'bid_window_closed', 'cancelled');
        j.biddingClosed = true;
        return this.schedule('accept_grace', j, t.dueAt + ACCEPT_GRACE_H * H); // counted from the close
      case 'accept_grace':
        if (j.status !== 'open') return;
        this.transition(j, 'bid_window_closed', 'cancelled');
        return this.rejectOpenBids(j);
      case 'deadline':
        if (j.deadlineAt == null || j.deadlineAt > this.now) return;
        if (j.status === 'funded') {
          this.transition(j, 'stale_cancel', 'cancelled');
          return this.refund(j);
        }
        if (ACTIVE_WORK.includes(j.status)) {
          this.transition(j, 'deadline_expired', 'cancelled');
          this.refund(j);
          return this.adjustTrust(j.worker!, TRUST_WORKER_FAULT);
        }
        return;
      case 'auto_release':
        if (j.status !== 'delivered' && j.status !== 'validating') return;
        if ((j.deliveredAt ?? 0) + AUTO_RELEASE_H * H > this.now) return;
        this.transition(j, 'auto_release', 'completed');
        return this.release(j);
      case 'payment_expiry':
        if (j.status !== 'pending_payment') return;
        return this.transition(j, 'payment_expired', 'cancelled');
      case 'dispute_sla':
        return; // an overdue human review is recorded and logged; no money moves
    }
  }

  // ---------- predictions: undefined = refused, otherwise a function applying the effects ----------

  postDirect(buyer: number, worker: number, amount: number, deadlineHours: number, caps: string[], maxRevisions: number) {
    if (worker === buyer) return undefined;
    if (caps.some((c) => !this.agents[worker].caps.includes(c))) return undefined;
    if (!this.withinLimits(worker, amount)) return undefined;
    const a = this.agents[buyer];
    if (a.capCents != null && amount > Math.max(0, a.capCents - this.spentThisMonth(buyer))) return undefined;
    if (!a.card) return undefined;
    return (id: string) => {
      const j = this.newJob(id, 'direct', buyer, worker, amount, deadlineHours, caps, maxRevisions);
      if (this.capture(buyer, j, amount) === 'ok') this.funded(j, 'post_direct');
      else {
        this.transition(j, 'post_direct_unpaid', 'pending_payment');
        this.schedule('payment_expiry', j, this.now + PAYMENT_EXPIRY_H * H);
      }
      return j;
    };
  }

  postOpen(buyer: number, budget: number, minAcceptable: number | null, windowHours: number, deadlineHours: number, caps: string[]) {
    if (minAcceptable != null && minAcceptable > budget) return undefined;
    return (id: string) => {
      const j = this.newJob(id, 'open', buyer, null, budget, deadlineHours, caps, 2);
      j.minAcceptable = minAcceptable;
      j.closesAt = this.now + windowHours * H;
      this.transition(j, 'post_open', 'open');
      this.schedule('bid_window', j, j.closesAt);
      return j;
    };
  }

  private newJob(id: string, type: MJob['type'], buyer: number, worker: number | null, amount: number, deadlineHours: number, caps: string[], maxRevisions: number): MJob {
    const j: MJob = {
      idx: this.jobs.length, id, type, status: 'open', frozenFrom: null, buyer, worker, amount, budget: amount, minAcceptable: null,
      requiredCaps: caps, deadlineHours, deadlineAt: null, closesAt: null, biddingClosed: false, maxRevisions, revisionCount: 0,
      deliveredAt: null, actions: [], fee: null, payout: null, cancelFee: null, dispute: null,
    };
    this.jobs.push(j);
    return j;
  }

  submitBid(worker: number, j: MJob, price: number) {
    if (price < 500) return undefined; // the schema's minimum bid
    if (j.type !== 'open' || j.buyer === worker || j.status !== 'open') return undefined;
    if (j.biddingClosed || (j.closesAt ?? 0) <= this.now) return undefined;
    if (price > j.budget || (j.minAcceptable != null && price < j.minAcceptable)) return undefined;
    if (j.requiredCaps.some((c) => !this.agents[worker].caps.includes(c))) return undefined;
    if (!this.withinLimits(worker, price)) return undefined;
    const previous = this.bids.filter((b) => b.job === j.idx && b.worker === worker).at(-1);
    const takesCounter = previous?.status === 'countered' && previous.counter === price;
    if (previous && !takesCounter && this.now - previous.createdAt < BID_INTERVAL_MS) return undefined;
    return (id: string) => {
      for (const b of this.bids) if (b.job === j.idx && b.worker === worker && (b.status === 'active' || b.status === 'countered')) b.status = 'withdrawn';
      const b: MBid = { idx: this.bids.length, id, job: j.idx, worker, price, status: 'active', counter: null, createdAt: this.now };
      this.bids.push(b);
      return b;
    };
  }

  counterBid(actor: number, b: MBid, price: number) {
    const j = this.jobs[b.job];
    if (j.buyer !== actor || j.status !== 'open' || (b.status !== 'active' && b.status !== 'countered')) return undefined;
    // A counter is a price the worker can take with submit_bid: within [min bid or reserve, budget].
    if (price < Math.max(500, j.minAcceptable ?? 0) || price > j.budget) return undefined;
    return () => {
      b.status = 'countered';
      b.counter = price;
    };
  }

  acceptBid(actor: number, b: MBid) {
    const j = this.jobs[b.job];
    if (j.buyer !== actor || j.status !== 'open' || (b.status !== 'active' && b.status !== 'countered')) return undefined;
    if (!this.withinLimits(b.worker, b.price)) return undefined;
    const a = this.agents[actor];
    if (a.capCents != null && b.price > Math.max(0, a.capCents - this.spentThisMonth(actor))) return undefined;
    if (!a.card || DECLINING.includes(a.card)) return undefined; // a decline refuses the accept
    return () => {
      this.capture(actor, j, b.price);
      b.status = 'accepted';
      this.rejectOpenBids(j);
      j.worker = b.worker;
      j.amount = b.price;
      this.transition(j, 'accept_bid', 'accepted');
      j.deadlineAt = this.now + j.deadlineHours * H;
      this.schedule('deadline', j, j.deadlineAt);
    };
  }

  /** Lifecycle moves by `actor` (an agent index). */
  lifecycle(kind: 'accept' | 'start' | 'deliver' | 'approve' | 'revision' | 'cancel', actor: number, j: MJob) {
    const isBuyer = j.buyer === actor;
    const isWorker = j.worker === actor;
    const s = j.status;
    switch (kind) {
      case 'accept':
        if (!isWorker || s !== 'funded' || this.activeJobs(actor) >= tierLimits(this.agents[actor].trust).maxActive) return undefined;
        return () => this.transition(j, 'accept', 'accepted');
      case 'start':
        if (!isWorker || s !== 'accepted') return undefined;
        return () => this.transition(j, 'start', 'in_progress');
      case 'deliver':
        // From accepted too: the engine passes through in_progress in the same transaction (no start endpoint in the reference).
        if (!isWorker || (s !== 'accepted' && s !== 'in_progress' && s !== 'revision_requested')) return undefined;
        return () => {
          if (j.status === 'accepted') this.transition(j, 'start', 'in_progress');
          this.transition(j, 'deliver', 'delivered');
          j.deliveredAt = this.now;
          this.schedule('auto_release', j, this.now + AUTO_RELEASE_H * H);
        };
      case 'approve':
        if (!isBuyer || (s !== 'delivered' && s !== 'validating')) return undefined;
        return () => {
          this.transition(j, 'approve', 'completed');
          this.release(j);
        };
      case 'revision':
        if (!isBuyer || s !== 'delivered' || j.revisionCount >= j.maxRevisions) return undefined;
        return () => {
          this.transition(j, 'request_revision', 'revision_requested');
          j.revisionCount++;
          const deadline = Math.max(j.deadlineAt ?? 0, this.now + REVISION_MIN_H * H);
          if (deadline !== j.deadlineAt) this.schedule('deadline', j, deadline);
          j.deadlineAt = deadline;
        };
      case 'cancel':
        if (isBuyer) {
          if (['open', 'pending_payment', 'funded'].includes(s)) return () => this.cancelled(j, 'cancel', () => this.refund(j));
          if (ACTIVE_WORK.includes(s)) return () => this.cancelled(j, 'cancel', () => this.cancelSettlement(j, s));
          return undefined;
        }
        if (isWorker) {
          if (s !== 'funded' && !ACTIVE_WORK.includes(s)) return undefined;
          return () => this.cancelled(j, 'withdraw', () => {
            this.refund(j);
            if (s !== 'funded') this.adjustTrust(actor, TRUST_WORKER_FAULT);
          });
        }
        return undefined;
    }
  }
  private cancelled(j: MJob, action: string, money: () => void) {
    this.transition(j, action, 'cancelled');
    money();
    this.rejectOpenBids(j);
    this.stats.cancellations++;
  }

  /** Either party, on a delivery they disagree about; one dispute per job. */
  openDispute(actor: number, j: MJob) {
    if (j.buyer !== actor && j.worker !== actor) return undefined;
    if (!['delivered', 'validating', 'revision_requested'].includes(j.status) || j.dispute) return undefined;
    return () => {
      this.transition(j, 'dispute', 'disputed');
      j.dispute = 'escalated';
      this.stats.disputes++;
      this.schedule('dispute_sla', j, this.now + DISPUTE_SLA_H * H);
    };
  }

  /**
   * A human ruling: buyer_wins refunds in full (the worker loses trust); worker_wins releases
   * like an approval (the buyer loses trust); split pays the worker `share` % of the amount minus
   * the platform fee of its tier and refunds the rest (nobody loses trust).
   */
  resolve(j: MJob, ruling: Ruling, share: number) {
    if (j.dispute !== 'escalated' || j.status === 'frozen') return undefined;
    return () => {
      j.dispute = 'resolved';
      this.stats.rulings++;
      if (ruling === 'buyer_wins') {
        this.transition(j, 'resolve_buyer_wins', 'refunded');
        this.refund(j);
        return this.adjustTrust(j.worker!, TRUST_DISPUTE_LOST);
      }
      if (ruling === 'worker_wins') {
        this.transition(j, 'resolve_worker_wins', 'completed');
        this.release(j);
        return this.adjustTrust(j.buyer, TRUST_DISPUTE_LOST);
      }
      this.transition(j, 'resolve_split', 'completed');
      const worker = j.worker!;
      const gross = pct(j.amount, share);
      const fee = pct(gross, feePercent(this.agents[worker].trust));
      this.move(`escrow:${j.id}`, -j.amount);
      this.move('platform:fees', fee);
      this.move(`payout:${this.agents[worker].id}`, gross - fee);
      this.fund(j.buyer, j.amount - gross, j);
      j.fee = fee;
      j.payout = gross - fee;
    };
  }

  freeze(j: MJob) {
    if (this.isTerminal(j) || j.status === 'frozen') return undefined;
    return () => {
      j.frozenFrom = j.status;
      this.transition(j, 'freeze', 'frozen');
    };
  }

  unfreeze(j: MJob) {
    if (j.status !== 'frozen') return undefined;
    return () => {
      const back = j.frozenFrom!;
      j.frozenFrom = null;
      if (j.deadlineAt != null && j.deadlineAt < this.now + REVISION_MIN_H * H) j.deadlineAt = this.now + REVISION_MIN_H * H;
      const redelivered = back === 'delivered' || back === 'validating';
      if (redelivered) j.deliveredAt = this.now;
      this.transition(j, 'unfreeze', back);
      if (j.deadlineAt != null) this.schedule('deadline', j, j.deadlineAt);
      if (redelivered) this.schedule('auto_release', j, this.now + AUTO_RELEASE_H * H);
      if (back === 'open' && j.closesAt != null) this.schedule('bid_window', j, Math.max(this.now, j.closesAt));
      // An unpaid job gets a fresh payment window: its expiry was skipped while it was frozen.
      if (back === 'pending_payment') this.schedule('payment_expiry', j, this.now + PAYMENT_EXPIRY_H * H);
    };
  }

  saveCard(agent: number, card: Card, makeDefault: boolean) {
    return () => {
      const a = this.agents[agent];
      const isDefault = makeDefault || !a.card;
      if (isDefault) {
        a.card = card;
        this.retryPendingPayments(agent);
      }
      return isDefault;
    };
  }
}
