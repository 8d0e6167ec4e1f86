/**
 * The admin pages (owners listed in VOXPACT_ADMIN_EMAILS): the Tier 2 queue with what a reviewer
 * triages on (title, amount, parties, SLA), and one dispute with everything needed to rule — the
 * task, the deliverable preview, the validation verdicts, the Tier 1 ruling, the evidence. No
 * ruling is preselected, and a ruling is confirmed on a second page before it moves money.
 */
import type { Engine } from '../engine/index.js';
import type { ResolveDisputeInput } from '../schemas.js';
import { type Html, ago, eur, html, pill } from './html.js';
import { disputeSection, validationSection } from './job.js';

type Shown = ReturnType<Engine['judging']['showDispute']>;
const PREVIEW_CHARS = 4000;
const RULINGS = { buyer_wins: 'Buyer wins: the escrow is refunded to the buyer', worker_wins: 'Worker wins: the escrow is released to the worker', split: 'Split: the worker gets its share, the buyer the rest' } as const;

/** Agent names by id, read as the job's buyer sees them (the admin is not a party). */
async function namesOf(engine: Engine, buyer: string, ids: (string | null)[]) {
  const mp = engine.as(buyer);
  return new Map(await Promise.all(ids.filter((x): x is string => !!x).map(async (id) => [id, (await mp.getAgent(id).catch(() => null))?.name ?? id] as const)));
}

export async function adminQueue(engine: Engine, freeze: Html): Promise<Html> {
  const now = engine.clock.now();
  const all = engine.judging.listDisputes({ limit: 200 });
  const shown = new Map(all.map((d) => [d.id, engine.judging.showDispute(d.id)] as const));
  const names = new Map<string, string>();
  for (const s of shown.values()) for (const [k, v] of await namesOf(engine, s.job.buyer_agent_id, [s.job.buyer_agent_id, s.job.worker_agent_id])) names.set(k, v);
  const row = (d: (typeof all)[number]) => {
    const j = shown.get(d.id)!.job;
    return html`<tr data-dispute="${d.id}"><td><a href="/admin/disputes/${d.id}">${j.title}</a></td><td class="num">${eur(j.amount)}</td>
<td>${names.get(j.buyer_agent_id)} <span class="muted">vs</span> ${j.worker_agent_id ? names.get(j.worker_agent_id) : '—'} <span class="muted">(opened by the ${d.opened_by})</span></td>
<td>${pill(d.status === 'escalated' ? 'in_human_review' : d.status, { tone: d.overdue ? 'bad' : d.status === 'resolved' ? 'ok' : 'warn' })}${d.overdue ? html` <strong class="error">overdue</strong>` : ''}</td>
<td>${d.status === 'escalated' ? html`due ${ago(d.sla_due_at, now)}` : html`opened ${ago(d.created_at, now)}`}</td></tr>`;
  };
  const table = (rows: typeof all, caption: string) => rows.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${caption}"><table><caption class="muted">${caption}</caption><thead><tr><th scope="col">Job</th><th scope="col" class="num">Amount</th><th scope="col">Buyer vs worker</th><th scope="col">Status</th><th scope="col">SLA</th></tr></thead><tbody>${rows.map(row)}</tbody></table></div>`
    : html`<p class="muted">None.</p>`;
  const queue = all.filter((d) => d.status === 'escalated');
  return html`<h1>Admin</h1>
<section aria-labelledby="q-h"><h2 id="q-h">Tier 2 queue (<span data-testid="queue-count">${queue.length}</span>)</h2>${table(queue, 'Escalated disputes awaiting a human ruling (48 h SLA), oldest first')}</section>
<section aria-labelledby="all-h"><h2 id="all-h">All disputes</h2>${table(all.filter((d) => d.status !== 'escalated'), 'Other disputes')}</section>
<section aria-labelledby="fz-h"><h2 id="fz-h">Freeze or unfreeze a job</h2>${freeze}</section>`;
}

export async function adminDispute(engine: Engine, s: Shown, csrf: string, freeze: Html): Promise<Html> {
  const now = engine.clock.now();
  const { dispute: d, job } = s;
  const asBuyer = engine.as(job.buyer_agent_id);
  // The whole deliverable as its author (the worker) sees it: the buyer's view is an excerpt until paid.
  const [full, deliverable] = await Promise.all([asBuyer.getJob(job.id),
    (job.worker_agent_id ? engine.as(job.worker_agent_id).getDeliverable(job.id) : Promise.reject(new Error('no worker'))).catch(() => asBuyer.getDeliverablePreview(job.id)).catch(() => null)]);
  const names = await namesOf(engine, job.buyer_agent_id, [job.buyer_agent_id, job.worker_agent_id]);
  const description = (full.task_spec as { description?: unknown }).description;
  const text = deliverable ? (deliverable.preview ?? deliverable.content ?? '') : '';
  return html`<h1>Dispute on “${job.title}”</h1>
<section aria-labelledby="d-h"><h2 id="d-h">Parties and money</h2><dl>
<dt>Status</dt><dd><span data-testid="dispute-status" class="status">${d.status}</span>${d.status === 'escalated' ? html` · due ${ago(d.sla_due_at, now)}` : ''}</dd>
<dt>Job</dt><dd><a href="#task-h">${job.title}</a> <span class="muted">(${job.status})</span>, <span class="num">${eur(job.amount)}</span></dd>
<dt>Buyer</dt><dd>${names.get(job.buyer_agent_id)} <code class="muted">${job.buyer_agent_id}</code></dd>
<dt>Worker</dt><dd>${job.worker_agent_id ? html`${names.get(job.worker_agent_id)} <code class="muted">${job.worker_agent_id}</code>` : '—'}</dd>
<dt>Escalated</dt><dd>${d.escalated_at ? html`${ago(d.escalated_at, now)}: ${d.escalation_reason}` : '—'}</dd>
<dt>Messages</dt><dd>${s.messages} on the job</dd></dl></section>
<section aria-labelledby="task-h"><h2 id="task-h">Task</h2>${typeof description === 'string' ? html`<p>${description}</p>` : ''}<details><summary>Full task specification</summary><pre>${JSON.stringify(full.task_spec, null, 2)}</pre></details></section>
<section aria-labelledby="dl-h"><h2 id="dl-h">Deliverable</h2>${deliverable ? html`<p class="muted">Revision ${deliverable.revision_number}, ${deliverable.content_type}, ${deliverable.size_bytes} bytes${deliverable.is_partial ? ' (preview)' : ''}</p><pre data-testid="admin-deliverable">${text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text}</pre>` : html`<p class="muted">Nothing delivered.</p>`}</section>
<section aria-labelledby="v-h"><h2 id="v-h">Validation verdicts</h2>${validationSection(d.validation, now)}</section>
<section aria-labelledby="t1-h"><h2 id="t1-h">Tier 1 ruling</h2>${d.tier1 ? html`<p data-testid="tier1">${d.tier1.ruling}${d.tier1.worker_share_percent != null ? ` ${d.tier1.worker_share_percent}%` : ''}, confidence ${d.tier1.confidence}: ${d.tier1.reasoning}</p>` : html`<p class="muted">None (no arbitration judge, or the judges disagreed).</p>`}</section>
<section aria-labelledby="disp-h"><h2 id="disp-h">Dispute, evidence${d.settlement ? ' and settlement' : ''}</h2>${disputeSection(d, full, now)}</section>
${d.status === 'resolved' ? '' : html`<section aria-labelledby="r-h"><h2 id="r-h">Resolve (Tier 2 ruling, final)</h2>
<form method="post" action="/admin/disputes/${d.id}/resolve"><input type="hidden" name="csrf" value="${csrf}">
<fieldset><legend>Ruling (none chosen yet)</legend>
${Object.entries(RULINGS).map(([v, label]) => html`<p><input type="radio" id="ruling-${v}" name="ruling" value="${v}" required> <label class="inline" for="ruling-${v}">${label}</label></p>`)}
</fieldset>
<label for="share">Worker share % (split only)</label><input type="number" id="share" name="worker_share_percent" min="1" max="99" step="1">
<label for="note">Note to both parties</label><textarea id="note" name="note" rows="3" maxlength="2000"></textarea>
<div><button type="submit">Resolve dispute</button></div><p class="muted">You confirm on the next page; nothing moves before.</p></form></section>`}
<section aria-labelledby="fz-h"><h2 id="fz-h">Freeze or unfreeze this job</h2>${freeze}</section>
<p><a href="/admin">Back to the queue</a></p>`;
}

/** The second step: what the ruling will do, repeated in a form that carries confirm=yes. */
export function confirmRuling(s: Shown, r: ResolveDisputeInput, csrf: string): Html {
  const { dispute: d, job } = s;
  return html`<h1>Confirm the ruling</h1>
<section aria-labelledby="c-h"><h2 id="c-h">“${job.title}”, <span class="num">${eur(job.amount)}</span> in escrow</h2>
<p data-testid="confirm-ruling"><strong>${RULINGS[r.ruling]}</strong>${r.ruling === 'split' ? html` (<strong>${r.worker_share_percent}%</strong> to the worker)` : ''}.</p>
<p>This ruling is final: the money moves at once and both parties are told${r.note ? html`, with your note: “${r.note}”` : ''}.</p>
<form method="post" action="/admin/disputes/${d.id}/resolve"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="confirm" value="yes">
<input type="hidden" name="ruling" value="${r.ruling}"><input type="hidden" name="worker_share_percent" value="${r.worker_share_percent ?? ''}"><input type="hidden" name="note" value="${r.note ?? ''}">
<button type="submit" class="danger">Confirm: resolve dispute</button> <a href="/admin/disputes/${d.id}">Cancel</a></form></section>`;
}
