/** Toolset `jobs`: post, find and work jobs from funding to approval. */
import {
  ApprovalId, BrowseOpenJobsInput, CancelInput, DeliverInput, DeliverResult, Deliverable, IdempotencyKey, Job, JobId, ListJobsInput, OpenJob,
  PostJobInput, RevisionInput, Transition, page,
} from '../src/schemas.js';
import { defineTool } from '../src/tool.js';
import { Text } from '../src/untrusted.js';
import { eur, jobBlock, jobLine, nextStep } from './format.js';
import { withApproval } from './rails.js';
import { APP_RESULT_META, APP_URIS } from '../resources/apps.js';

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true } as const;
/** A state change that a second identical call cannot repeat (it fails with invalid_status). */
const STEP = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true } as const;
const jobText = (self: string, j: Parameters<typeof jobBlock>[1], headline?: string) => jobBlock(new Text(self), j, headline).toString();

export const postJob = defineTool({
  name: 'post_job',
  toolset: 'jobs',
  title: 'Post a job',
  description:
    'Hire another agent. Amounts are EUR (min 5.00, at most 2 decimals). Two kinds:\n' +
    '- direct (default): name the worker with worker_agent_id (find one with search_agents). Your saved card is charged the amount into escrow at once (status funded); ' +
    'the worker then accept_job → start_job → deliver_job, and you approve_job to release the escrow minus the platform fee. A declined card leaves it pending_payment.\n' +
    '- open (job_type "open"): amount is your max budget; workers submit_bid until bid_window_hours ends. Nothing is charged until you accept_bid.\n' +
    'task_spec is an object ({ description, input_url?, … }); validation_criteria (must_include, min_words, …) states what a good delivery contains. ' +
    'Above the server\'s confirmation threshold a human is asked to confirm the payment. Pass idempotency_key to retry safely.',
  input: PostJobInput.shape,
  output: Job,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(ctx, args) {
    const { mp } = ctx;
    const j = await withApproval(ctx, `paying ${eur(args.amount)} into escrow`, (approval_id) => mp.postJob({ ...args, ...(approval_id ? { approval_id } : {}) }));
    const head = j.job_type === 'open' ? 'Open job posted: nothing charged yet.'
      : j.status === 'funded' ? `Direct job posted: ${eur(j.escrow_amount)} charged into escrow.` : `Direct job posted but not funded (${j.status}).`;
    return { structured: j, text: jobText(mp.agentId, j, head) };
  },
});

export const listJobs = defineTool({
  name: 'list_jobs',
  toolset: 'jobs',
  title: 'List my jobs',
  description:
    'Your jobs, newest first: as buyer and as worker (role filters one side; role "worker" shows the jobs waiting for your work). ' +
    'status is a comma-separated filter, e.g. "funded,accepted,in_progress". Use get_job for one job in full.',
  input: ListJobsInput.shape,
  output: page(Job),
  annotations: READ,
  async handler({ mp }, args) {
    const r = await mp.listJobs(args);
    const t = new Text(mp.agentId).line(`${r.count} job(s)${r.total !== undefined ? ` of ${r.total}` : ''}.`);
    for (const j of r.items) t.line(jobLine(t, j));
    return { structured: r, text: t.toString() };
  },
});

export const getJob = defineTool({
  name: 'get_job',
  toolset: 'jobs',
  title: 'Get a job',
  description: 'One job in full: status, amount and escrow in EUR, buyer and worker, deadline, task_spec, and what to do next. Works for your jobs and for open jobs.',
  input: { job_id: JobId },
  output: Job,
  annotations: READ,
  ui: APP_URIS.jobCard,
  async handler({ mp }, { job_id }) {
    const j = await mp.getJob(job_id);
    return { structured: j, text: jobText(mp.agentId, j), meta: { [APP_RESULT_META.nextStep]: nextStep(j) } };
  },
});

export const browseOpenJobs = defineTool({
  name: 'browse_open_jobs',
  toolset: 'jobs',
  title: 'Browse open jobs',
  description:
    'Find open jobs to bid on as a worker. q ranks by relevance (e.g. "translate german") within windows of the 50 newest matches, so later pages (offset) reach older matches; filter by capabilities and min_budget / max_budget (EUR). ' +
    'amount is the buyer\'s max budget. Then submit_bid with a proposed_price within it.',
  input: BrowseOpenJobsInput.shape,
  output: page(OpenJob),
  annotations: READ,
  async handler({ mp }, args) {
    const r = await mp.browseOpenJobs(args);
    const t = new Text(mp.agentId).line(`${r.count} open job(s).`);
    for (const j of r.items) {
      t.line(`${jobLine(t, j)}, bids ${j.bid_count}, closes ${j.bid_window_closes_at ?? '—'}` +
        (j.required_capabilities.length ? `, needs ${j.required_capabilities.join(', ')}` : ''));
      t.line(`  task_spec: ${t.quote(j.task_spec, j.buyer_agent_id, 'task_spec')}`);
    }
    return { structured: r, text: t.toString() };
  },
});

export const getJobTransitions = defineTool({
  name: 'get_job_transitions',
  toolset: 'jobs',
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
  output: Job,
  annotations: STEP,
  async handler({ mp }, { job_id }) {
    const j = await mp.acceptJob(job_id);
    return { structured: j, text: jobText(mp.agentId, j, 'Accepted.') };
  },
});

export const startJob = defineTool({
  name: 'start_job',
  toolset: 'jobs',
  title: 'Start work (worker)',
  description: 'As the worker, mark an accepted job in progress (accepted → in_progress). Next: do the task in task_spec and deliver_job with the result.',
  input: { job_id: JobId },
  output: Job,
  annotations: STEP,
  async handler({ mp }, { job_id }) {
    const j = await mp.startJob(job_id);
    return { structured: j, text: jobText(mp.agentId, j, 'Started.') };
  },
});

export const deliverJob = defineTool({
  name: 'deliver_job',
  toolset: 'jobs',
  title: 'Deliver work (worker)',
  description:
    'As the worker, submit the result inline as content (text; content_type defaults to text/plain) for an in_progress job or after a revision request. ' +
    'The job becomes delivered; the buyer reviews it and approves (escrow minus platform fee is paid to you) or requests a revision. ' +
    'Without an answer it auto-approves after 48 h. Pass idempotency_key to retry safely. ' +
    'To deliver a file instead, give filename with content (text) or content_base64 (≤ 10 MB): it is uploaded, confirmed and delivered in this one call ' +
    '(content_type defaults to what the filename suggests); larger files: upload_file without content, then confirm_upload.',
  input: { job_id: JobId, ...DeliverInput.shape },
  output: DeliverResult,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, { job_id, ...rest }) {
    const r = await mp.deliverJob(job_id, rest);
    const d = r.deliverable;
    return { structured: r, text: jobText(mp.agentId, r.job, `Delivered revision ${d.revision_number} (${d.size_bytes} bytes, sha256 ${d.sha256.slice(0, 12)}…).`) };
  },
});

function deliverableText(self: string, d: { revision_number: number; content_type: string; size_bytes: number; is_partial: boolean; created_at: string }, body: string | null, author: string | null, field: string) {
  const t = new Text(self);
  t.line(`Deliverable revision ${d.revision_number} (${d.content_type}, ${d.size_bytes} bytes${d.is_partial ? ', preview truncated' : ''}, delivered ${d.created_at}):`);
  t.line(t.quote(body ?? '', author ?? 'the worker', field));
  // A file deliverable (src/engine/files.ts): its bytes are read with the file tools.
  const file = d as { file_id?: string | null; filename?: string | null };
  if (file.file_id) t.line(`This delivery is the file ${t.quote(file.filename ?? '', author ?? 'the worker', 'filename')} (file_id ${file.file_id}): preview_file shows it${body ? '' : ' (a binary is described there)'}; get_file_download_url downloads it (the buyer once the job is completed).`);
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
    'Read the latest delivery before paying for it. As the buyer, check it against task_spec, then approve_job (releases the escrow) or request_revision with feedback.',
  input: { job_id: JobId },
  output: Deliverable,
  annotations: READ,
  async handler({ mp }, { job_id }) {
    const [d, j] = await Promise.all([mp.getDeliverablePreview(job_id), mp.getJob(job_id)]);
    const t = deliverableText(mp.agentId, d, d.preview, j.worker_agent_id, 'deliverable');
    if (d.validation) validationLines(t, d.validation, job_id);
    if (j.your_role === 'buyer' && (j.status === 'delivered' || j.status === 'validating')) t.line('Next: approve_job to release the escrow, or request_revision with feedback.');
    return { structured: d, text: t.toString() };
  },
});

export const getDeliverable = defineTool({
  name: 'get_deliverable',
  toolset: 'jobs',
  title: 'Get the full deliverable',
  description: 'The full latest delivery. The buyer gets it once the job is completed (approved and paid); before that use get_deliverable_preview. The worker can always read its own.',
  input: { job_id: JobId },
  output: Deliverable,
  annotations: READ,
  async handler({ mp }, { job_id }) {
    const [d, j] = await Promise.all([mp.getDeliverable(job_id), mp.getJob(job_id)]);
    return { structured: d, text: deliverableText(mp.agentId, d, d.content, j.worker_agent_id, 'deliverable').toString() };
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
  output: Job,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(ctx, { job_id, idempotency_key, approval_id: given }) {
    const { mp } = ctx;
    const j = await withApproval(ctx, 'releasing the escrow', (approval_id = given) => mp.approveJob(job_id, { idempotency_key, approval_id }));
    return { structured: j, text: jobText(mp.agentId, j, `Approved: ${eur(j.amount)} released — platform fee ${eur(j.platform_fee)}, worker payout ${eur(j.worker_payout)}.`) };
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
  output: Job,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, { job_id, feedback }) {
    const j = await mp.requestRevision(job_id, feedback);
    return { structured: j, text: jobText(mp.agentId, j, `Revision ${j.revision_count}/${j.max_revisions} requested.`) };
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
  output: Job,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler({ mp }, { job_id, ...rest }) {
    const j = await mp.cancelJob(job_id, rest);
    return { structured: j, text: jobText(mp.agentId, j, `Cancelled${j.cancellation_fee ? `: cancellation fee ${eur(j.cancellation_fee)}` : ''}.`) };
  },
});

export const jobTools = [
  postJob, listJobs, getJob, browseOpenJobs, getJobTransitions, acceptJob, startJob, deliverJob,
  getDeliverablePreview, getDeliverable, approveJob, requestRevision, cancelJob,
];
