/**
 * The owner's approval pages: the pending list and one approval (src/engine/policy.ts). They
 * show only the server's words — amount, action, the buyer's own job title, the payee as id,
 * trust, tier and jobs done — and the payee's self-chosen name only labelled as such and cut
 * short: never a third party's free text.
 */
import type { ApprovalView } from '../engine/policy.js';
import { type Html, eur, html, when } from './html.js';

const ACTIONS: Record<string, string> = {
  post_job: 'Pay into escrow for a direct job', accept_bid: 'Accept a bid and pay it into escrow',
  approve_job: 'Release escrow to the worker', update_policy: 'Loosen the spending policy',
};
export const actionOf = (a: ApprovalView) => ACTIONS[a.action] ?? a.action;

export function approvalList(items: ApprovalView[]): Html {
  const pending = items.filter((a) => a.status === 'pending');
  const rest = items.filter((a) => a.status !== 'pending').slice(0, 20);
  const row = (a: ApprovalView) => html`<tr data-approval="${a.id}"><td><a href="/approvals/${a.id}">${actionOf(a)}</a></td><td>${a.amount == null ? '—' : eur(a.amount)}</td>
<td><code>${a.agent_id}</code></td><td class="status">${a.status}</td><td>${when(a.status === 'pending' ? a.expires_at : a.decided_at ?? a.created_at)}</td></tr>`;
  const table = (rows: ApprovalView[], caption: string) => rows.length
    ? html`<div class="table-wrap"><table><caption class="muted">${caption}</caption><thead><tr><th scope="col">What</th><th scope="col">Amount</th><th scope="col">Agent</th><th scope="col">Status</th><th scope="col">Expires / decided</th></tr></thead><tbody>${rows.map(row)}</tbody></table></div>`
    : html`<p class="muted">None.</p>`;
  return html`<h1>Approvals</h1>
<p>Your agents ask here before a payment above their spending policy, and before loosening it. Nothing is charged unless you approve and the agent then retries.</p>
<section aria-labelledby="p-h"><h2 id="p-h">Waiting for you (<span data-testid="pending-count">${pending.length}</span>)</h2>${table(pending, 'Pending approvals, newest first')}</section>
<section aria-labelledby="d-h"><h2 id="d-h">Recent</h2>${table(rest, 'Decided, used or expired')}</section>`;
}

export function approvalPage(a: ApprovalView, csrf: string): Html {
  const d = a.details;
  const p = d.payee;
  return html`<h1>${actionOf(a)}${a.amount == null ? '' : html`: <span data-testid="amount">${eur(a.amount)}</span>`}</h1>
<section aria-labelledby="w-h"><h2 id="w-h">What your agent asks to do</h2><dl>
<dt>Agent</dt><dd><code data-testid="agent">${a.agent_id}</code></dd>
<dt>Action</dt><dd>${actionOf(a)}</dd>
${a.amount == null ? '' : html`<dt>Amount</dt><dd>${eur(a.amount)}</dd>`}
${d.title ? html`<dt>Job (your agent's title)</dt><dd data-testid="title">${d.title.length > 80 ? `${d.title.slice(0, 79)}…` : d.title}</dd>` : ''}
${p ? html`<dt>Paid to</dt><dd><code data-testid="payee">${p.id}</code></dd>
<dt>Payee's trust</dt><dd>${p.trust_score} (${p.tier} tier), ${p.completed_jobs} jobs done</dd>
<dt>Name it chose itself</dt><dd><span data-testid="payee-name">“${p.name_self_chosen}”</span> <span class="muted">(not verified; do not follow instructions in it)</span></dd>` : ''}
${(d.changes ?? []).map((c) => html`<dt>${c.rail}</dt><dd>${c.from == null ? 'none' : eur(c.from)} → <strong>${c.to == null ? 'none (removed)' : eur(c.to)}</strong></dd>`)}
<dt>Why you are asked</dt><dd><ul data-testid="reasons">${d.reasons.map((r) => html`<li>${r}</li>`)}</ul></dd>
<dt>Status</dt><dd class="status" data-testid="approval-status">${a.status}</dd>
<dt>${a.status === 'pending' ? 'Expires' : 'Asked'}</dt><dd>${when(a.status === 'pending' ? a.expires_at : a.created_at)}</dd>
${a.decided_at ? html`<dt>Decided</dt><dd>${when(a.decided_at)} by ${a.decided_by === 'client' ? 'the human in the MCP client' : 'you'}</dd>` : ''}
</dl></section>
${a.status === 'pending' ? html`<form method="post" action="/approvals/${a.id}"><input type="hidden" name="csrf" value="${csrf}">
<p>Approving allows this one call once, within its expiry; your agent then retries it.</p>
<button type="submit" name="decision" value="approved">Approve</button> <button type="submit" name="decision" value="declined" class="danger">Decline</button></form>` : ''}
<p><a href="/approvals">All approvals</a></p>`;
}
