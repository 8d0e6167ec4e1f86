/**
 * Dual-model validation, the engine side: what happens inside write transactions.
 *
 *   deliver → `delivered` → queueValidation: plan the judges; with two of them the job moves
 *   `validate` → `validating` and a `validations` row waits ('pending'). After the commit the
 *   judging service (src/validation/service.ts) claims it, runs the judges OUTSIDE any
 *   transaction, and finishValidation stores the signed record, moves `validated` →
 *   `delivered` and tells both parties — or approves at once under the buyer's auto_accept_rule.
 *
 * Judges: the criteria judge when the job has validation_criteria, the LLM judge when an
 * endpoint is configured, the sampling judge when the buyer's MCP client can sample. Two model
 * judges make a "dual_llm" pair; one model judge pairs with the criteria judge. With fewer
 * than two, the run still checks what it can and ends 'unavailable' (the buyer decides).
 */
import { VoxError, notFound } from '../errors.js';
import { iso } from '../clock.js';
import { LIMITS } from '../limits.js';
import { changed, emit, json } from './context.js';
import { uuid } from './ids.js';
import { loadJob, move, roleOf, visibleJob } from './jobs.js';
import { signRecord, signingKey } from '../validation/record.js';
export const PASS_CONFIDENCE = LIMITS.validation_confidence_min;
const criteriaOf = (j) => {
    const c = json(j.validation_criteria);
    return c && Object.keys(c).length ? c : null;
};
const autoRuleOf = (j) => json(j.auto_accept_rule);
/** Which judges would validate a delivery of `j` right now. */
export function planJudges(ctx, j) {
    const criteria = criteriaOf(j) !== null;
    const models = ctx.judging?.modelJudges(j.buyer_id) ?? [];
    const wanted = criteria || models.length > 0 || autoRuleOf(j)?.min_confidence != null;
    const judges = models.length >= 2 ? models.slice(0, 2) : criteria ? ['criteria', ...models] : [...models];
    return { judges, wanted };
}
/**
 * Called by jobs.deliverJob right after a delivery, in its transaction. Queues a validation
 * (and moves the job to `validating` when two judges will run). Nothing when the job asks for
 * no validation and no judge is configured.
 */
export function queueValidation(ctx, jobId, deliverableId) {
    const j = loadJob(ctx, jobId);
    const plan = planJudges(ctx, j);
    if (!plan.wanted)
        return null;
    const d = ctx.db.prepare('SELECT revision_number FROM deliverables WHERE id = ?').get(deliverableId);
    if (!d)
        throw new Error(`deliverable ${deliverableId} not found`);
    const now = ctx.clock.now();
    ctx.db.prepare("UPDATE validations SET status = 'superseded', claim_id = NULL WHERE job_id = ? AND status IN ('pending','running')").run(jobId);
    const id = uuid();
    ctx.db.prepare(`INSERT INTO validations (id, job_id, deliverable_id, revision_number, status, plan, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)`)
        .run(id, jobId, deliverableId, d.revision_number, JSON.stringify({ judges: plan.judges }), now);
    if (plan.judges.length >= 2 && j.status === 'delivered') {
        move(ctx, j, 'validate', 'system', null, `dual validation started: ${plan.judges.join(' + ')}`);
    }
    ctx.judging?.queued('validation', id);
    return getValidation(ctx, id);
}
export const getValidation = (ctx, id) => ctx.db.prepare('SELECT * FROM validations WHERE id = ?').get(id);
/** Validations another runner may take: waiting, or running with an expired lease. */
export function runnableValidations(ctx, limit) {
    return ctx.db.prepare(`SELECT * FROM validations WHERE status = 'pending' OR (status = 'running' AND lease_until < ?) ORDER BY created_at LIMIT ?`)
        .all(ctx.clock.now(), limit);
}
/**
 * Take a validation to run (atomic: two runners never both take one). Returns null when it
 * is not runnable, or when it needs the buyer's sampling client and this runner has none (the
 * buyer's own process will take it) — unless it has waited longer than `staleMs`.
 */
export function claimValidation(ctx, id, o) {
    const row = getValidation(ctx, id);
    const now = ctx.clock.now();
    if (!row || !(row.status === 'pending' || (row.status === 'running' && (row.lease_until ?? 0) < now)))
        return null;
    const j = loadJob(ctx, row.job_id);
    const plan = JSON.parse(row.plan);
    if (plan.judges.includes('sampling') && !o.canSample(j.buyer_id) && row.created_at + o.staleMs > now)
        return null;
    const claimId = uuid();
    const taken = ctx.db.prepare(`UPDATE validations SET status = 'running', claim_id = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ? AND status = ? AND COALESCE(claim_id, '') = COALESCE(?, '')`)
        .run(claimId, now + o.leaseMs, id, row.status, row.claim_id).changes;
    if (!taken)
        return null;
    const d = ctx.db.prepare('SELECT id, revision_number, content, content_type, sha256, size_bytes FROM deliverables WHERE id = ?').get(row.deliverable_id);
    return {
        row: getValidation(ctx, id), plan, claimId,
        job: { id: j.id, title: j.title, task_spec: JSON.parse(j.task_spec), validation_criteria: criteriaOf(j), buyer_id: j.buyer_id, worker_id: j.worker_id },
        deliverable: { id: d.id, revision_number: d.revision_number, text: d.content, content_type: d.content_type, sha256: d.sha256, size_bytes: d.size_bytes },
    };
}
/**
 * Decide from the verdicts. A judge "passes" only with passed=true and confidence ≥ 0.80.
 *   failed       — the injection screen fired, or any judge that answered did not pass
 *   passed       — at least two judges answered and all passed
 *   unavailable  — nothing failed, but fewer than two judges answered
 * consensus: the answering judges agree on passed/failed (null with fewer than two answers).
 */
export function decide(verdicts, injection) {
    const answered = verdicts.filter((v) => !v.error);
    const kinds = answered.map((v) => v.validator_type);
    const models = kinds.filter((k) => k !== 'criteria').length;
    const validator_type = answered.length === 0 ? 'none'
        : models >= 2 && !kinds.includes('criteria') ? 'dual_llm' : [...new Set(kinds)].sort((a, b) => (a === 'criteria' ? -1 : b === 'criteria' ? 1 : a.localeCompare(b))).join('+');
    const consensus = answered.length >= 2 ? answered.every((v) => v.passed === answered[0].passed) : null;
    const passes = (v) => v.passed && v.confidence >= PASS_CONFIDENCE;
    const failing = answered.filter((v) => !passes(v));
    const line = (v) => `${v.validator_type} (${v.model}): ${v.passed ? 'pass' : 'fail'} ${v.confidence.toFixed(2)} — ${v.reasoning}`;
    if (injection.detected) {
        return { status: 'failed', passed: false, confidence: 1, consensus, validator_type,
            reasoning: `The deliverable contains instructions aimed at the judges (${injection.hits.map((h) => h.pattern).join(', ')}); it fails whatever the judges said.`.slice(0, 2000) };
    }
    if (failing.length) {
        const said = failing.filter((v) => !v.passed);
        const confidence = said.length ? Math.max(...said.map((v) => v.confidence)) : Math.min(...failing.map((v) => v.confidence));
        const why = consensus === false ? 'The judges disagree; the buyer decides (a dispute goes straight to human review). ' : '';
        return { status: 'failed', passed: false, confidence, consensus, validator_type, reasoning: (why + answered.map(line).join(' | ')).slice(0, 2000) };
    }
    if (answered.length >= 2) {
        return { status: 'passed', passed: true, confidence: Math.min(...answered.map((v) => v.confidence)), consensus, validator_type, reasoning: answered.map(line).join(' | ').slice(0, 2000) };
    }
    const missing = verdicts.filter((v) => v.error).map((v) => `${v.validator_type}: ${v.error}`);
    const reasoning = `Fewer than two judges could validate this delivery${answered.length ? ` (${answered.map(line).join(' | ')})` : ''}` +
        `${missing.length ? `; unavailable: ${missing.join('; ')}` : ''}. The buyer decides: review with get_deliverable_preview.`;
    return { status: 'unavailable', passed: null, confidence: null, consensus, validator_type, reasoning: reasoning.slice(0, 2000) };
}
/**
 * Store the result of a claimed run: the signed record, the job back to `delivered`, the
 * events, and the auto-approval. A run whose claim was lost (superseded by a new delivery,
 * or its lease taken over) changes nothing.
 */
export function finishValidation(ctx, id, claimId, r) {
    const row = getValidation(ctx, id);
    if (!row || row.status !== 'running' || row.claim_id !== claimId)
        return { applied: false, auto_approved: false };
    const now = ctx.clock.now();
    let j = loadJob(ctx, row.job_id);
    const latest = ctx.db.prepare('SELECT id FROM validations WHERE job_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(j.id);
    const current = latest.id === id;
    const o = r.outcome;
    if (current && j.status === 'validating') {
        j = move(ctx, j, 'validated', 'system', null, `validation ${o.status}${o.confidence != null ? ` (confidence ${o.confidence.toFixed(2)})` : ''}`);
    }
    const rule = autoRuleOf(j);
    const auto = current && o.status === 'passed' && j.status === 'delivered' && rule?.min_confidence != null && (o.confidence ?? 0) >= rule.min_confidence;
    const d = ctx.db.prepare('SELECT sha256, size_bytes, content_type FROM deliverables WHERE id = ?').get(row.deliverable_id);
    const key = signingKey(ctx.db, now);
    const record = {
        version: 1,
        validation_id: id,
        job_id: row.job_id,
        deliverable: { id: row.deliverable_id, revision_number: row.revision_number, sha256: d.sha256, size_bytes: d.size_bytes, content_type: d.content_type },
        task_spec_sha256: r.task_spec_sha256,
        validation_criteria: criteriaOf(j),
        auto_accept_rule: rule,
        threshold: PASS_CONFIDENCE,
        criteria_results: r.criteria_results,
        injection: r.injection,
        judges: r.judges.map((v) => ({
            validator_type: v.validator_type, model: v.model, rubric: v.rubric, rubric_sha256: v.rubric_sha256, prompt_hash: v.prompt_hash,
            passed: v.error ? null : v.passed, confidence: v.error ? null : v.confidence, reasoning: v.reasoning, error: v.error ?? null,
        })),
        outcome: { ...o, auto_approved: auto },
        started_at: iso(row.created_at),
        decided_at: iso(now),
        signer: key.signer,
    };
    const signature = signRecord(key, record);
    ctx.db.prepare(`UPDATE validations SET status = ?, passed = ?, confidence = ?, consensus = ?, validator_type = ?, reasoning = ?, auto_approved = ?,
      record = ?, signature = ?, decided_at = ?, claim_id = NULL, lease_until = NULL WHERE id = ?`)
        .run(o.status, o.passed == null ? null : Number(o.passed), o.confidence, o.consensus == null ? null : Number(o.consensus), o.validator_type, o.reasoning, Number(auto), JSON.stringify(record), signature, now, id);
    if (current)
        announce(ctx, j, id, o, auto);
    if (auto) {
        move(ctx, loadJob(ctx, j.id), 'auto_approve', 'system', null, `auto_accept_rule: validation passed with confidence ${o.confidence.toFixed(2)} ≥ ${rule.min_confidence}`);
    }
    for (const a of [j.buyer_id, j.worker_id])
        if (a)
            changed(ctx, a, j.id, 'validation');
    return { applied: true, auto_approved: auto };
}
function announce(ctx, j, id, o, auto) {
    const conf = o.confidence != null ? o.confidence.toFixed(2) : '—';
    const title = `"${j.title}"`;
    if (o.status === 'passed') {
        emit(ctx, j.buyer_id, 'job.validation_passed', j.id, { job_id: j.id, validation_id: id, validator_type: o.validator_type, confidence: o.confidence, reasoning: o.reasoning, auto_approved: auto }, auto ? `${title} passed validation (${o.validator_type}, confidence ${conf}) and was approved automatically by your auto_accept_rule; the escrow was released.`
            : `${title} passed validation (${o.validator_type}, confidence ${conf}). Review with get_deliverable_preview, then approve_job or request_revision.`);
        if (j.worker_id)
            emit(ctx, j.worker_id, 'job.validation_passed', j.id, { job_id: j.id, validation_id: id, validator_type: o.validator_type, confidence: o.confidence, reasoning: o.reasoning }, `Your delivery of ${title} passed validation (confidence ${conf}).${auto ? ' The buyer\'s auto_accept_rule approved it: payment released.' : ' Waiting for the buyer.'}`);
    }
    else if (o.status === 'failed') {
        emit(ctx, j.buyer_id, 'job.validation_failed', j.id, { job_id: j.id, validation_id: id, validator_type: o.validator_type, confidence: o.confidence, reasoning: o.reasoning, consensus: o.consensus }, `${title} failed validation (${o.validator_type}${o.consensus === false ? ', judges disagree' : ''}). You decide: get_deliverable_preview shows both verdicts; then request_revision, approve_job or open_dispute.`);
        if (j.worker_id)
            emit(ctx, j.worker_id, 'job.validation_failed', j.id, { job_id: j.id, validation_id: id, validator_type: o.validator_type, confidence: o.confidence, reasoning: o.reasoning }, `Your delivery of ${title} failed validation${o.consensus === false ? ' (the judges disagree)' : ''}; the buyer decides. Reasoning is in voxpact://jobs/${j.id}/validation.`);
    }
    else {
        emit(ctx, j.buyer_id, 'job.validation_unavailable', j.id, { job_id: j.id, validation_id: id, reason: o.reasoning }, `${title} could not be validated by two judges: you decide. Review it with get_deliverable_preview, then approve_job or request_revision.`);
    }
}
/** The last validation of a job's latest delivery, as shown with the deliverable. */
export function validationSummary(ctx, jobId, deliverableId) {
    const row = (deliverableId
        ? ctx.db.prepare('SELECT * FROM validations WHERE deliverable_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(deliverableId)
        : ctx.db.prepare('SELECT * FROM validations WHERE job_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(jobId));
    return row ? summaryOf(row) : null;
}
export function summaryOf(row) {
    const record = row.record ? JSON.parse(row.record) : null;
    const plan = JSON.parse(row.plan);
    return {
        validation_id: row.id,
        status: row.status,
        passed: row.passed == null ? null : row.passed === 1,
        confidence: row.confidence,
        reasoning: row.reasoning,
        validator_type: row.validator_type ?? plan.judges.join('+'),
        consensus: row.consensus == null ? null : row.consensus === 1,
        auto_approved: row.auto_approved === 1,
        judges: record
            ? record.judges.map((v) => ({ validator_type: v.validator_type, model: v.model, passed: v.passed, confidence: v.confidence, reasoning: v.reasoning, error: v.error }))
            : plan.judges.map((k) => ({ validator_type: k, model: null, passed: null, confidence: null, reasoning: null, error: null })),
        criteria_results: record ? record.criteria_results : [],
        revision_number: row.revision_number,
        created_at: iso(row.created_at),
        decided_at: row.decided_at == null ? null : iso(row.decided_at),
    };
}
/** The signed record of a job's latest validation, for its buyer and worker (resource voxpact://jobs/{id}/validation). */
export function validationRecord(ctx, viewer, jobId) {
    const j = visibleJob(ctx, viewer, jobId);
    if (!roleOf(j, viewer))
        throw notFound('job', jobId);
    const row = ctx.db.prepare('SELECT * FROM validations WHERE job_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(jobId);
    if (!row)
        throw new VoxError('not_found', `job '${jobId}' has no validation yet (validation runs after a delivery when the job has validation_criteria or a judge is configured)`, 404);
    return recordView(ctx, row);
}
export function recordView(_ctx, row) {
    const record = row.record ? JSON.parse(row.record) : null;
    return { validation_id: row.id, job_id: row.job_id, status: row.status, summary: summaryOf(row), record, signature: row.signature, signer: record?.signer ?? null };
}
/** The finished validation of a job's latest delivery (for disputes: evidence, and the disagreement rule). */
export function latestDecided(ctx, jobId) {
    return ctx.db.prepare(`SELECT * FROM validations WHERE job_id = ? AND status IN ('passed','failed','unavailable')
      AND deliverable_id = (SELECT id FROM deliverables WHERE job_id = ? ORDER BY revision_number DESC LIMIT 1)
      ORDER BY created_at DESC, rowid DESC LIMIT 1`).get(jobId, jobId);
}
//# sourceMappingURL=validation.js.map