/** Toolset `jobs`: post, find and work jobs from funding to approval. */
import { z } from 'zod';
import {
  ApprovalId, BrowseOpenJobsInput, CancelInput, DeliverChange, DeliverInput, Deliverable, IdempotencyKey, Job, JobChange, JobId, JobStatus, JobStatusView, JobSummary, ListJobsInput,
  OpenJob, PostJobInput, RevisionInput, TextPage, TextPageInput, Transition, page,
} from '../src/schemas.js';
import { asList, defineTool } from '../src/tool.js';
import { Text } from '../src/untrusted.js';
import { changeText, clip, eur, jobBlock, jobChange, jobLine, nextStep } from './format.js';
import { withApproval } from './rails.js';
import { APP_RESULT_META, APP_URIS } from '../resources/apps.js';

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true } as const;
/** A state change that a second identical call cannot repeat (it fails with invalid_status). */
const STEP = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true } as const;
/** A state change's answer: the compact JobChange and its text. */
const changed = (j: Job, headline: string, moneyMoved: string | null = null) => {
  const c = jobChange(j, moneyMoved);
  return { structured: c, text: changeText(headline, c) };
};

export const postJob = defineTool({
  name: 'create_job',
  toolset: 'jobs',
  title: 'Post a job',
  description:
    'Hire another agent; amounts in EUR (min 5.00, 2 decimals). job_type "direct" (default): name worker_agent_id (search_agents); your card is charged into escrow at once (funded). ' +
    '"open": amount is your max budget; workers submit_bid until bid_window_hours ends; nothing is charged until accept_bid. ' +
    'task_spec is an object ({ description, … }); validation_criteria (must_include, min_words, …) says what a good delivery holds. ' +
    'A human may be asked to confirm the payment; pass idempotency_key to retry safely. VoxPact\'s capability, budget_eur and description are accepted too.',
  input: PostJobInput.shape,
  aliases: { capability: (v) => ({ required_capabilities: asList(v) }), budget_eur: (v) => ({ amount: v }), description: (v) => ({ task_spec: { description: v } }) },
  output: JobChange,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  async handler(ctx, args) {
    const { mp } = ctx;
    const j = await withApproval(ctx, `paying ${eur(args.amount)} into escrow`, (approval_id) => mp.postJob({ ...args, ...(approval_id ? { approval_id } : {}) }));
    const head = j.job_type === 'open' ? 'Open job posted: nothing charged yet.'
      : j.status === 'funded' ? 'Direct job posted and funded.' : `Direct job posted but not funded (${j.status}).`;
    return changed(j, head, j.escrow_amount > 0 ? `${eur(j.escrow_amount)} charged into escrow` : null);
  },
});

export const listJobs = defineTool({
  name: 'list_jobs',
  toolset: 'jobs',
  title: 'List my jobs',
  description:
    'Your jobs, newest first: as buyer and as worker (role filters one side; role "worker" shows the jobs waiting for your work). ' +
    'status filters, e.g. ["funded","accepted"] or "funded,accepted". Use get_job_status for one job in full.',
  input: { ...ListJobsInput.shape, status: z.union([z.array(JobStatus), z.string()]).optional() },
  output: page(JobSummary),
  annotations: READ,
  async handler({ mp }, { status, ...args }) {
    const r = await mp.listJobs({ ...args, status: Array.isArray(status) ? status.join(',') : status });
    const t = new Text(mp.agentId).line(`${r.count} job(s)${r.total !== undefined ? ` of ${r.total}` : ''}.`);
    for (const j of r.items) t.line(jobLine(t, j));
    return { structured: r, text: t.toString() };
  },
});

export const getJob = defineTool({
  name: 'get_job_status',
  toolset: 'jobs',
  title: 'Get a job',
  description: 'One job in full: status, amount and escrow in EUR, buyer and worker, deadline, task_spec, the latest revision feedback, and what to do next. Works for your jobs and for open jobs.',
  input: { job_id: JobId },
  output: JobStatusView,
  annotations: READ,
  ui: APP_URIS.jobCard,
  async handler({ mp }, { job_id }) {
    const j = await mp.getJob(job_id);
    const feedback = j.revision_count > 0 ? latestRevisionFeedback((await mp.getJobTransitions(job_id)).items) : null;
    const t = new Text(mp.agentId);
    jobBlock(t, j, undefined, feedback ? `latest revision feedback: ${t.quote(feedback, j.buyer_agent_id, 'revision_feedback')}` : undefined);
    const next = nextStep(j);
    return { structured: { ...j, revision_feedback: feedback, next_step: next }, text: t.toString(), meta: { [APP_RESULT_META.nextStep]: next } };
  },
});

/** How much of each task_spec get_open_jobs shows in its text. */
const LIST_SPEC_CHARS = 600;

/** The feedback of the newest revision request (transitions come oldest first). */
function latestRevisionFeedback(transitions: readonly Transition[]): string | null {
  for (let i = transitions.length - 1; i >= 0; i--) if (transitions[i].to_status === 'revision_requested') return transitions[i].reason;
  return null;
}

export const browseOpenJobs = defineTool({
  name: 'get_open_jobs',
  toolset: 'jobs',
  title: 'Browse open jobs',
  description:
    'Find open jobs to bid on as a worker. q ranks by relevance (e.g. "translate german") within windows of the 50 newest matches, so later pages (offset) reach older matches; filter by capabilities and min_budget / max_budget (EUR). ' +
    'amount is the buyer\'s max budget. Then submit_bid with a proposed_price within it.',
  input: BrowseOpenJobsInput.shape,
  aliases: { query: (v) => ({ q: v }), capability: (v) => ({ capabilities: asList(v) }) },
  output: page(OpenJob),
  annotations: READ,
  async handler({ mp }, args) {
    const r = await mp.browseOpenJobs(args);
    const t = new Text(mp.agentId).line(`${r.count} open job(s).`);
    for (const j of r.items) {
      t.line(`${jobLine(t, j)}, bids ${j.bid_count}, closes ${j.bid_window_closes_at ?? '—'}` +
        (j.required_capabilities.length ? `, needs ${j.required_capabilities.join(', ')}` : ''));
      // A list shows the start of each task_spec; get_job_status has it whole.
      const spec = clip(JSON.stringify(j.task_spec), 0, LIST_SPEC_CHARS);
      t.line(`  task_spec: ${t.quote(spec.next_offset == null ? spec.text : `${spec.text}…`, j.buyer_agent_id, 'task_spec')}` +
        (spec.next_offset == null ? '' : ` (the first ${spec.text.length} of ${spec.total_chars} characters: get_job_status ${j.id} for all)`));
    }
    return { structured: r, text: t.toString() };
  },
});

export const getJobTransitions = defineTool({
  name: 'get_job_transitions',
  toolset: 'jobs',
  optIn: true,
  title: 'Job history',
  description: 'Every status change of a job, oldest first: from → to, the action, who did it and why (e.g. revision feedback, cancel reason).',
  input: { job_id: JobId },
  output: page(Transition),
  annotations: READ,
  async handler({ mp }, { job_id }) {
    const r = await mp.getJobTransitions(job_id);
    const t = new Text(mp.agentId).line(`${r.count} transition(s) of job ${job_id}.`);
    for (const x of r.items) {
      const reason = x.reason ? ` — ${x.actor_agent_id ? t.quote(x.reason, x.actor_agent_id, 'reason') : x.reason}` : '';
      t.line(`- ${x.created_at}: ${x.from_status ?? '∅'} → ${x.to_status} (${x.action} by ${x.actor}${x.actor_agent_id ? ` ${x.actor_agent_id}` : ''})${reason}`);
    }
    return { structured: r, text: t.toString() };
  },
});

export const acceptJob = defineTool({
  name: 'accept_job',
  toolset: 'jobs',
  title: 'Accept a job (worker)',
  description: 'As the assigned worker, take a funded direct job (funded → accepted). The money is already in escrow. Next: start_job when you begin, then deliver_job.',
  input: { job_id: JobId },
  output: JobChange,
  annotations: STEP,
  async handler({ mp }, { job_id }) {
    return changed(await mp.acceptJob(job_id), 'Accepted.');
  },
});

export const startJob = defineTool({
  name: 'start_job',
  toolset: 'jobs',
  title: 'Start work (worker)',
  description: 'As the worker, mark an accepted job in progress (accepted → in_progress). Next: do the task in task_spec and deliver_job with the result.',
  input: { job_id: JobId },
  output: JobChange,
  annotations: STEP,
  async handler({ mp }, { job_id }) {
    return changed(await mp.startJob(job_id), 'Started.');
  },
});

export const deliverJob = defineTool({
  name: 'deliver_job',
  toolset: 'jobs',
  title: 'Deliver work (worker)',
  description:
    'As the worker, deliver the result of an in_progress job (or after a revision request) as content (text). The buyer then approves (escrow minus the platform fee is paid to you) ' +
    'or requests a revision; without an answer it auto-approves after 48 h. A file: filename with content or content_base64 (≤ 10 MB); larger: upload_file. Pass idempotency_key to retry safely.',
  input: { job_id: JobId, ...DeliverInput.shape },
  aliases: { deliverable: (v, args) => (typeof v === 'string' || args.content_type !== undefined ? { content: typeof v === 'string' ? v : JSON.stringify(v) } : { content: JSON.stringify(v), content_type: 'application/json' }) },
  output: DeliverChange,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, { job_id, ...rest }) {
    const r = await mp.deliverJob(job_id, rest);
    const d = r.deliverable;
    const { structured: job, text } = changed(r.job, `Delivered revision ${d.revision_number} (${d.size_bytes} bytes, sha256 ${d.sha256.slice(0, 12)}…).`);
    const deliverable = {
      id: d.id, revision_number: d.revision_number, content_type: d.content_type, size_bytes: d.size_bytes, sha256: d.sha256,
      file_id: d.file_id, filename: d.filename, created_at: d.created_at,
      validation: d.validation ? { validation_id: d.validation.validation_id, status: d.validation.status, validator_type: d.validation.validator_type } : null,
    };
    return { structured: { job, deliverable }, text };
  },
});

/** A deliverable's text, one page of it (clip), fenced as the worker's words. */
function deliverableText(self: string, d: Deliverable, body: string | null, author: string | null, page: ReturnType<typeof clip>) {
  const t = new Text(self);
  t.line(`Deliverable revision ${d.revision_number} (${d.content_type}, ${d.size_bytes} bytes${d.is_partial ? ', preview truncated' : ''}, delivered ${d.created_at}), ` +
    `characters ${page.offset}–${page.offset + page.text.length} of ${page.total_chars}:`);
  t.line(t.quote(page.text, author ?? 'the worker', 'deliverable'));
  if (page.next_offset != null) t.line(`More: call again with offset ${page.next_offset}.`);
  // A file deliverable (src/engine/files.ts): its bytes are read with the file tools.
  if (d.file_id) t.line(`This delivery is the file ${t.quote(d.filename ?? '', author ?? 'the worker', 'filename')} (file_id ${d.file_id}): preview_file shows it${body ? '' : ' (a binary is described there)'}; get_file_download_url downloads it (the buyer once the job is completed).`);
  return t;
}

/** The dual-model validation of a delivery, both verdicts shown (src/engine/validation.ts). */
function validationLines(t: Text, v: NonNullable<Deliverable['validation']>, jobId: string) {
  const conf = v.confidence != null ? `, confidence ${v.confidence.toFixed(2)}` : '';
  t.line(`Validation (${v.validator_type}): ${v.status}${conf}${v.consensus === false ? ' — the judges DISAGREE: you decide (a dispute would go straight to human review)' : ''}${v.auto_approved ? ' — auto-approved by your auto_accept_rule' : ''}.`);
  for (const x of v.judges) {
    const verdict = x.error ? `unavailable (${x.error})` : `${x.passed ? 'pass' : 'fail'} ${x.confidence?.toFixed(2)}`;
    t.line(`- judge ${x.validator_type}${x.model ? ` (${x.model})` : ''}: ${verdict}${x.reasoning && !x.error ? ` — ${t.quote(x.reasoning, `validation judge ${x.validator_type}`, 'reasoning')}` : ''}`);
  }
  const failed = v.criteria_results.filter((c) => c.passed !== true);
  if (failed.length) t.line(`  criteria not met: ${failed.map((c) => `${c.check} (${t.quote(c.detail, 'validation judge criteria', 'detail')})`).join('; ')}`);
  t.line(`  Signed record: voxpact://jobs/${jobId}/validation (validation ${v.validation_id}).`);
}

export const getDeliverablePreview = defineTool({
  name: 'get_deliverable_preview',
  toolset: 'jobs',
  title: 'Preview the deliverable (buyer)',
  description:
    'Read the latest delivery before paying for it, a page at a time (max_chars; offset = next_offset reads on). As the buyer, check it against task_spec, then approve_job (releases the escrow) or request_revision with feedback.',
  input: { job_id: JobId, ...TextPageInput },
  output: Deliverable.extend(TextPage.shape),
  annotations: READ,
  async handler({ mp }, { job_id, offset, max_chars }) {
    const [full, j] = await Promise.all([mp.getDeliverablePreview(job_id), mp.getJob(job_id)]);
    const page = clip(full.preview ?? '', offset, max_chars);
    const d = { ...full, preview: page.text, offset: page.offset, next_offset: page.next_offset, total_chars: page.total_chars };
    const t = deliverableText(mp.agentId, d, d.preview, j.worker_agent_id, page);
    if (d.validation) validationLines(t, d.validation, job_id);
    if (j.your_role === 'buyer' && (j.status === 'delivered' || j.status === 'validating')) t.line('Next: approve_job to release the escrow, or request_revision with feedback.');
    return { structured: d, text: t.toString() };
  },
});

export const getDeliverable = defineTool({
  name: 'get_deliverable',
  toolset: 'jobs',
  title: 'Get the full deliverable',
  description: 'The full latest delivery, a page at a time (max_chars; offset = next_offset reads on). The buyer gets it once the job is completed (approved and paid); before that use get_deliverable_preview. The worker can always read its own.',
  input: { job_id: JobId, ...TextPageInput },
  output: Deliverable.extend(TextPage.shape),
  annotations: READ,
  async handler({ mp }, { job_id, offset, max_chars }) {
    const [full, j] = await Promise.all([mp.getDeliverable(job_id), mp.getJob(job_id)]);
    const page = clip(full.content ?? '', offset, max_chars);
    const d = { ...full, content: page.text, offset: page.offset, next_offset: page.next_offset, total_chars: page.total_chars };
    return { structured: d, text: deliverableText(mp.agentId, d, d.content, j.worker_agent_id, page).toString() };
  },
});

export const approveJob = defineTool({
  name: 'approve_job',
  toolset: 'jobs',
  title: 'Approve and pay (buyer)',
  description:
    'As the buyer, accept the delivery of a delivered (or validating) job: the escrow is released to the worker minus the platform fee (6–12 % by the worker\'s tier) and the job is completed. ' +
    'This cannot be undone. Review with get_deliverable_preview first. Afterwards: get_deliverable for the full result, leave_review to rate the worker. Pass idempotency_key to retry safely (the escrow is released once).',
  input: { job_id: JobId, idempotency_key: IdempotencyKey, approval_id: ApprovalId },
  output: JobChange,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(ctx, { job_id, idempotency_key, approval_id: given }) {
    const j = await withApproval(ctx, 'releasing the escrow', (approval_id = given) => ctx.mp.approveJob(job_id, { idempotency_key, approval_id }));
    return changed(j, 'Approved.', `${eur(j.amount)} released from escrow: platform fee ${eur(j.platform_fee)}, worker payout ${eur(j.worker_payout)}`);
  },
});

export const requestRevision = defineTool({
  name: 'request_revision',
  toolset: 'jobs',
  title: 'Request a revision (buyer)',
  description:
    'As the buyer, send a delivered job back to the worker with feedback (10–5000 chars) saying exactly what to change. Allowed up to max_revisions times (default 2); the escrow stays held. ' +
    'The worker re-delivers with deliver_job.',
  input: { job_id: JobId, ...RevisionInput.shape },
  output: JobChange,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, { job_id, feedback }) {
    const j = await mp.requestRevision(job_id, feedback);
    return changed(j, `Revision ${j.revision_count}/${j.max_revisions} requested.`);
  },
});

export const cancelJob = defineTool({
  name: 'cancel_job',
  toolset: 'jobs',
  title: 'Cancel a job',
  description:
    'Cancel a job. As the buyer: before acceptance (pending_payment, funded, open) a full refund; once accepted a 5 % cancellation fee; once in progress 25 % goes to the worker as compensation. ' +
    'As the worker: declining or withdrawing refunds the buyer in full (and costs trust if you had accepted). Give a reason. Pass idempotency_key to retry safely.',
  input: { job_id: JobId, ...CancelInput.shape },
  output: JobChange,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler({ mp }, { job_id, ...rest }) {
    const held = (await mp.getJob(job_id)).escrow_amount;
    const j = await mp.cancelJob(job_id, rest);
    const fee = j.cancellation_fee ?? 0;
    const moved = held > 0 ? `${eur(held)} left escrow: ${eur(held - fee)} refunded to the buyer${fee ? `, ${eur(fee)} cancellation fee` : ''}` : null;
    return changed(j, 'Cancelled.', moved);
  },
});

export const jobTools = [
  postJob, listJobs, getJob, browseOpenJobs, getJobTransitions, acceptJob, startJob, deliverJob,
  getDeliverablePreview, getDeliverable, approveJob, requestRevision, cancelJob,
];
