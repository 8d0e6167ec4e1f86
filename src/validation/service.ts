/**
 * The judging service: runs validations and Tier 1 arbitrations OUTSIDE SQLite transactions.
 * One per Engine (`engine.judging`); it is also the `Judging` the engine's in-transaction code
 * asks which judges exist (Ctx.judging).
 *
 * Every run is claim → judge → finish: the claim (a write transaction) leases the row so two
 * runners — two processes on one database — never both run it; the judges answer with no
 * transaction open; the finish (a write transaction) stores the result only if the claim still
 * holds. A crashed runner's lease expires and another takes over.
 *
 * Tests and the CLI await `validate(jobId)` / `arbitrate(disputeId)`. Servers turn on `autoRun`:
 * work queued by a transaction starts right after its commit (fire-and-forget, errors logged),
 * and a poll picks up whatever is left (crashes, validations waiting for the buyer's process).
 */
import { randomUUID } from 'node:crypto';
import { writeTx } from '../engine/db.js';
import type { Ctx } from '../engine/context.js';
import {
  type Judging, type ModelJudgeKind, claimValidation, decide, finishValidation, getValidation, recordView, runnableValidations, summaryOf, type ValidationRow,
} from '../engine/validation.js';
import * as disputes from '../engine/disputes.js';
import { log } from '../log.js';
import type { ResolveDisputeInput, ValidationSummary } from '../schemas.js';
import { CriteriaJudge, canonicalJson, sha256 } from './criteria.js';
import { detectInjection } from './injection.js';
import { LlmJudge, SamplingJudge, arbitrate, type Judge, type JudgeKind, type LlmConfig, type Verdict, SAMPLING_TIMEOUT_MS } from './judges.js';
import { nonceFor, signingKey, verifyRecord, type Signer } from './record.js';
import { samplingAgents, samplingProviderFor } from './sampling.js';
import { REGEX_BUDGET_MS } from './regex.js';

export type JudgeOptions = {
  /** The OpenAI-compatible endpoint for the LLM judge and the Tier 1 arbiter; null: none. */
  llm?: LlmConfig | null;
  samplingTimeoutMs?: number;
  /** Start queued work after each commit and poll for leftovers (servers). Off: callers await validate()/arbitrate(). */
  autoRun?: boolean;
  pollIntervalMs?: number;
  regexBudgetMs?: number;
  /** How long a run may take before another runner may take it over. */
  leaseMs?: number;
  /** How long a validation that needs the buyer's sampling client waits for the buyer's process. */
  staleMs?: number;
};

/** Text of a deliverable whose content is not stored inline (a file kept only in the blob store). */
export type DeliverableSource = (deliverableId: string, jobId: string) => Promise<string | null>;

const PRESENCE_TTL_MS = 2 * 60_000;
const DEFAULTS = { samplingTimeoutMs: SAMPLING_TIMEOUT_MS, autoRun: false, pollIntervalMs: 5000, regexBudgetMs: REGEX_BUDGET_MS, leaseMs: 5 * 60_000, staleMs: 10 * 60_000 };

export class JudgingService implements Judging {
  readonly ctx: Ctx;
  private o: Required<Omit<JudgeOptions, 'llm'>> & { llm: LlmConfig | null };
  private readonly running = new Map<string, Promise<unknown>>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private source: DeliverableSource | null = null;
  readonly instanceId = randomUUID();

  /**
   * `ctx` is the engine's own context object, shared (not copied): what the engine adds to it
   * later (the outbox directory, payment provider hooks) applies to the runs finished here.
   */
  constructor(ctx: Ctx, opts: JudgeOptions = {}) {
    this.ctx = ctx;
    ctx.judging = this;
    this.o = { ...DEFAULTS, ...opts, llm: opts.llm ?? null } as typeof this.o;
    this.startPolling();
  }

  /** Change the judges or the run mode (tests, the CLI). */
  configure(opts: JudgeOptions): this {
    this.o = { ...this.o, ...opts, llm: opts.llm === undefined ? this.o.llm : opts.llm } as typeof this.o;
    this.startPolling();
    return this;
  }

  /** Where the text of a file-only deliverable comes from (the file service registers itself). */
  setDeliverableSource(fn: DeliverableSource | null) {
    this.source = fn;
  }

  // ---------- Judging (asked inside transactions) ----------

  modelJudges(buyerId: string): ModelJudgeKind[] {
    const out: ModelJudgeKind[] = [];
    if (this.o.llm) out.push('llm');
    if (this.canSample(buyerId)) out.push('sampling');
    return out;
  }

  arbiterAvailable(): boolean {
    return this.o.llm !== null;
  }

  queued(kind: 'validation' | 'arbitration', id: string): void {
    if (!this.o.autoRun || this.closed) return;
    // setImmediate runs after the synchronous transaction that called us has committed (or
    // rolled back: then the row does not exist and the run does nothing).
    setImmediate(() => {
      if (this.closed) return;
      const p = kind === 'validation' ? this.runValidation(id) : this.runArbitration(id);
      p.catch((e) => log('error', `${kind} run failed`, { id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
    });
  }

  /** The buyer can judge by sampling: a session in this process, or a live one in another process. */
  canSample(agentId: string): boolean {
    if (samplingProviderFor(agentId)) return true;
    try {
      return !!this.ctx.db.prepare('SELECT 1 FROM sampling_presence WHERE agent_id = ? AND seen_at > ?').get(agentId, this.ctx.clock.now() - PRESENCE_TTL_MS);
    } catch {
      return false;
    }
  }

  // ---------- validation ----------

  /** Run (or join the run of) the latest waiting validation of `jobId`; its summary afterwards. */
  async validate(jobId: string): Promise<ValidationSummary | null> {
    const row = this.ctx.db.prepare('SELECT * FROM validations WHERE job_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(jobId) as ValidationRow | undefined;
    if (!row) return null;
    return this.runValidation(row.id);
  }

  runValidation(id: string): Promise<ValidationSummary | null> {
    return this.once(`validation:${id}`, () => this.doValidation(id));
  }

  private async doValidation(id: string): Promise<ValidationSummary | null> {
    const ctx = this.ctx;
    const claim = writeTx(ctx.db, () => claimValidation(ctx, id, {
      leaseMs: this.o.leaseMs, staleMs: this.o.staleMs, canSample: (b) => !!samplingProviderFor(b),
    }));
    if (!claim) {
      const row = getValidation(ctx, id);
      return row ? summaryOf(row) : null;
    }
    let text = claim.deliverable.text;
    if (text == null && this.source) text = await this.source(claim.deliverable.id, claim.job.id).catch(() => null);
    const nonce = writeTx(ctx.db, () => nonceFor(ctx.db, ctx.clock.now(), `validation:${id}`));
    let verdicts: Verdict[];
    let injection = { detected: false, hits: [] as { pattern: string; excerpt: string }[] };
    if (text == null) {
      verdicts = claim.plan.judges.map((k) => unreadable(k));
    } else {
      const task = {
        job_id: claim.job.id, title: claim.job.title, task_spec: claim.job.task_spec, validation_criteria: claim.job.validation_criteria,
        deliverable: { text, content_type: claim.deliverable.content_type, sha256: claim.deliverable.sha256, size_bytes: claim.deliverable.size_bytes }, nonce,
      };
      verdicts = await Promise.all(claim.plan.judges.map((k) => this.judge(k, claim.job.buyer_id).judge(task)));
      injection = detectInjection(text);
    }
    const criteria = verdicts.find((v) => v.validator_type === 'criteria');
    const outcome = decide(verdicts, injection);
    writeTx(ctx.db, () => finishValidation(ctx, id, claim.claimId, {
      criteria_results: criteria?.checks ?? [],
      injection,
      judges: verdicts.map(({ checks: _checks, ...v }) => v),
      outcome,
      task_spec_sha256: sha256(canonicalJson(claim.job.task_spec)),
    }));
    return summaryOf(getValidation(ctx, id));
  }

  private judge(kind: JudgeKind, buyerId: string): Judge {
    switch (kind) {
      case 'criteria': return new CriteriaJudge(this.o.regexBudgetMs);
      case 'llm': return this.o.llm ? new LlmJudge(this.o.llm) : missing('llm', 'no LLM judge endpoint is configured (VOXPACT_JUDGE_URL)');
      case 'sampling': return new SamplingJudge(samplingProviderFor(buyerId), this.o.samplingTimeoutMs);
    }
  }

  // ---------- Tier 1 arbitration ----------

  /** Run (or join) the Tier 1 arbitration of a dispute; the dispute afterwards. */
  runArbitration(disputeId: string) {
    return this.once(`arbitration:${disputeId}`, async () => {
      const ctx = this.ctx;
      const claim = writeTx(ctx.db, () => disputes.claimArbitration(ctx, disputeId, this.o.leaseMs));
      if (claim) {
        const out = this.o.llm
          ? await arbitrate(this.o.llm, claim.task)
          : { ok: false as const, error: 'no arbitration judge is configured', model: 'none', rubric: 'none', prompt_hash: '' };
        writeTx(ctx.db, () => disputes.finishArbitration(ctx, disputeId, claim.claimId, out));
      }
      return disputes.disputeView(ctx, disputes.loadDispute(ctx, disputeId));
    });
  }

  /** Awaitable for tests: the arbitration of the dispute on `jobId`. */
  async arbitrate(disputeId: string) {
    return this.runArbitration(disputeId);
  }

  // ---------- leftovers, presence ----------

  /** One round: refresh sampling presence, then run what is runnable here. */
  async runPending(): Promise<{ validations: number; arbitrations: number }> {
    if (this.closed) return { validations: 0, arbitrations: 0 };
    this.heartbeat();
    const ctx = this.ctx;
    const vs = runnableValidations(ctx, 20);
    const ds = disputes.runnableArbitrations(ctx, 10);
    let validations = 0;
    let arbitrations = 0;
    for (const v of vs) {
      if (this.closed) break;
      const before = v.status;
      const after = await this.runValidation(v.id).catch((e) => (log('error', 'validation run failed', { id: v.id, error: String(e) }), null));
      if (after && after.status !== before) validations++;
    }
    for (const d of ds) {
      if (this.closed) break;
      const after = await this.runArbitration(d.id).catch((e) => (log('error', 'arbitration run failed', { id: d.id, error: String(e) }), null));
      if (after && after.status !== 'arbitrating') arbitrations++;
    }
    return { validations, arbitrations };
  }

  /** Tell other processes which agents can judge by sampling here. */
  heartbeat() {
    const ctx = this.ctx;
    const now = ctx.clock.now();
    const agents = samplingAgents();
    try {
      writeTx(ctx.db, () => {
        ctx.db.prepare('DELETE FROM sampling_presence WHERE instance_id = ? OR seen_at < ?').run(this.instanceId, now - PRESENCE_TTL_MS);
        const put = ctx.db.prepare('INSERT INTO sampling_presence (agent_id, instance_id, seen_at) VALUES (?, ?, ?) ON CONFLICT (agent_id, instance_id) DO UPDATE SET seen_at = excluded.seen_at');
        for (const a of agents) put.run(a, this.instanceId, now);
      });
    } catch (e) {
      log('warn', 'sampling presence heartbeat failed', { error: String(e) });
    }
  }

  private startPolling() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.o.autoRun || this.closed) return;
    this.timer = setInterval(() => {
      this.runPending().catch((e) => log('error', 'judging poll failed', { error: String(e) }));
    }, Math.max(100, this.o.pollIntervalMs));
    this.timer.unref();
  }

  stop() {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Wait for every run in flight (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  private once<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const hit = this.running.get(key);
    if (hit) return hit as Promise<T>;
    const p = fn().finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }

  // ---------- admin and records ----------

  listDisputes(o: { status?: string; limit?: number } = {}) {
    return disputes.listDisputes(this.ctx, o);
  }
  showDispute(id: string) {
    return disputes.showDispute(this.ctx, id);
  }
  resolveDispute(id: string, input: ResolveDisputeInput) {
    return writeTx(this.ctx.db, () => disputes.resolveDispute(this.ctx, id, input));
  }
  /** The latest validation record of a job, for operators (no party check). */
  validationRecordOf(jobId: string) {
    const row = this.ctx.db.prepare('SELECT * FROM validations WHERE job_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(jobId) as ValidationRow | undefined;
    return row ? recordView(this.ctx, row) : null;
  }
  /** This database's signing identity (public). */
  signer(): Signer {
    return writeTx(this.ctx.db, () => signingKey(this.ctx.db, this.ctx.clock.now()).signer);
  }
  /** Check a record against this server's key. */
  verify(record: Record<string, unknown>, signature: string): boolean {
    return verifyRecord(record, signature, this.signer().public_key);
  }
}

function unreadable(kind: JudgeKind): Verdict {
  const msg = 'the deliverable is not text a judge can read (a binary or a large file): the buyer reviews it';
  return { validator_type: kind, model: 'none', rubric: 'none', rubric_sha256: '', prompt_hash: '', passed: false, confidence: 0, reasoning: `judge unavailable: ${msg}`, error: msg };
}

function missing(kind: JudgeKind, msg: string): Judge {
  return { kind, judge: async () => ({ validator_type: kind, model: 'none', rubric: 'none', rubric_sha256: '', prompt_hash: '', passed: false, confidence: 0, reasoning: `judge unavailable: ${msg}`, error: msg }) };
}
