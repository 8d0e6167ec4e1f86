/**
 * The owner's dashboard: what needs the owner first (the needs-attention strip, most urgent
 * first, each item one click from where it is resolved), then the key figures, then one jobs
 * table, then the rest (profile, trust, notifications, payouts, cards, webhooks). Reads only;
 * the forms post to routes.ts.
 */
import type { Engine } from '../engine/index.js';
import type { Marketplace } from '../marketplace.js';
import type { Job, WebhookLog } from '../schemas.js';
import { TERMINAL_STATUSES } from '../schemas.js';
import type { ApprovalView } from '../engine/policy.js';
import { type Html, ago, eur, html, pill, trustChart, when } from './html.js';
import { actionOf } from './approvals.js';

/** Agent ids (ag_…) in engine-written text. */
const AGENT_ID = /\bag_[0-9A-Za-z]+\b/g;
/**
 * A notification in the owner's words: the engine writes them for the agent (ids, tool names
 * such as accept_bid); the owner reads names, and no sentence that tells the agent which tool to call.
 */
export const ownerWords = (text: string, names: Map<string, string>) =>
  text.split(/(?<=[.!?])\s+/).filter((sentence) => !/\b[a-z]+_[a-z_]+\b/.test(sentence.replace(AGENT_ID, ''))).join(' ').replace(AGENT_ID, (id) => names.get(id) ?? 'another agent');

/** The strip shows this many items; the rest fold behind "more". */
const STRIP_SHOWN = 8;
/** Webhook health is judged on this many most recent attempts. */
const HOOK_WINDOW = 20;

type Item = { kind: string; due: number; text: Html; href: string; action?: Html };

/** What waits for the owner, most urgent (earliest deadline; "now" for what blocks already) first. */
function attention(o: {
  now: number; approvals: ApprovalView[]; jobs: Job[]; disputes: Map<string, { status: string; sla_due_at: string | null; review_deadline: string | null }>;
  hooks: WebhookLog; spent: number; cap: number | null; csrf: string;
}): Item[] {
  const { now } = o;
  const at = (t: string | null | undefined) => (t ? Date.parse(t) : now);
  const items: Item[] = [];
  for (const a of o.approvals.filter((x) => x.status === 'pending')) {
    items.push({ kind: 'approval', due: at(a.expires_at), href: `/approvals/${a.id}`,
      text: html`<strong>Approve or decline</strong>: ${actionOf(a)}${a.amount == null ? '' : html`, <span class="num">${eur(a.amount)}</span>`} · expires ${ago(a.expires_at, now)}` });
  }
  if (o.cap != null && o.spent >= o.cap) {
    items.push({ kind: 'cap', due: now, href: '/dashboard#spend-h',
      text: html`<strong>Monthly cap reached</strong>: <span class="num">${eur(o.spent)}</span> of <span class="num">${eur(o.cap)}</span> spent; payments are refused` });
  }
  for (const j of o.jobs.filter((x) => x.your_role === 'buyer' && x.payment_error)) {
    items.push({ kind: 'payment', due: now, href: '/dashboard#cards-h',
      text: html`<strong>Payment refused</strong> for “${j.title}”: ${j.payment_error} · save another card` });
  }
  for (const j of o.jobs.filter((x) => x.status === 'disputed')) {
    const d = o.disputes.get(j.id);
    const due = d?.status === 'escalated' ? d.sla_due_at : d?.status === 'ruled' ? d.review_deadline : null;
    const what = d?.status === 'escalated' ? html`human ruling due ${ago(due, now)}` : d?.status === 'ruled' ? html`ruling becomes final ${ago(due, now)}; you can ask for human review until then` : html`the arbiter is at work`;
    items.push({ kind: 'dispute', due: at(due), href: `/jobs/${j.id}#disp-h`, text: html`<strong>Dispute</strong> on “${j.title}”: ${what}` });
  }
  for (const j of o.jobs.filter((x) => x.your_role === 'buyer' && (x.status === 'delivered' || x.status === 'validating'))) {
    items.push({ kind: 'delivery', due: at(j.auto_release_at), href: `/jobs/${j.id}#dlv-h`,
      text: html`<strong>Review the delivery</strong> of “${j.title}”: <span class="num">${eur(j.amount)}</span> is released automatically ${ago(j.auto_release_at, now)}` });
  }
  const recent = o.hooks.items.slice(0, HOOK_WINDOW);
  const failed = recent.filter((w) => w.status !== 'delivered').length;
  if (o.hooks.webhook_disabled_at || failed > 0) {
    items.push({ kind: 'webhook', due: now, href: '/dashboard#hooks-h',
      text: o.hooks.webhook_disabled_at
        ? html`<strong>Webhook endpoint disabled</strong> (it answered 410 Gone) ${ago(o.hooks.webhook_disabled_at, now)}; set webhook_url again to re-enable it`
        : html`<strong>Webhook failing</strong>: <span data-testid="hook-rate">${failed} of ${recent.length}</span> recent deliveries failed · ${o.hooks.pending_deliveries} waiting`,
      action: html`<form method="post" action="/dashboard/webhooks/retry" class="inline"><input type="hidden" name="csrf" value="${o.csrf}"><button type="submit" class="small">Retry now</button></form>` });
  }
  for (const j of o.jobs.filter((x) => x.your_role === 'buyer' && x.status === 'open' && x.bid_count > 0)) {
    items.push({ kind: 'bids', due: at(j.bid_window_closes_at), href: `/jobs/${j.id}#bids-h`,
      text: html`<strong>${j.bid_count} bid${j.bid_count === 1 ? '' : 's'} to decide</strong> on “${j.title}”${j.bid_window_closes_at ? html` · bidding closes ${ago(j.bid_window_closes_at, now)}` : ''}` });
  }
  return items.sort((a, b) => a.due - b.due);
}

function strip(items: Item[]): Html {
  const li = (i: Item) => html`<li data-attention="${i.kind}"><a href="${i.href}">${i.text}</a>${i.action ?? ''}</li>`;
  return html`<section aria-labelledby="att-h" class="attention" data-testid="attention"><h2 id="att-h">Needs you${items.length ? html` (<span data-testid="attention-count">${items.length}</span>)` : ''}</h2>
${items.length === 0 ? html`<p class="ok" data-testid="attention-empty">Nothing needs you right now.</p>`
    : html`<ul>${items.slice(0, STRIP_SHOWN).map(li)}</ul>${items.length > STRIP_SHOWN ? html`<details><summary>${items.length - STRIP_SHOWN} more</summary><ul>${items.slice(STRIP_SHOWN).map(li)}</ul></details>` : ''}`}</section>`;
}

export async function dashboardPage(engine: Engine, mp: Marketplace, ownerId: string, csrf: string, notice?: Html): Promise<Html> {
  const now = engine.clock.now();
  const [d, notes, payouts, cards, hooks, jobs] = await Promise.all([
    mp.getDashboard(), mp.listNotifications({ unread_only: false, limit: 10, offset: 0 }), mp.getPayouts(), mp.listPaymentMethods(), mp.getWebhookLog(HOOK_WINDOW, 0),
    mp.listJobs({ limit: 50, offset: 0 }),
  ]);
  const disputed = jobs.items.filter((j) => j.status === 'disputed');
  const disputes = new Map(await Promise.all(disputed.map(async (j) => [j.id, await mp.getDispute(j.id).catch(() => null)] as const)));
  const mentioned = notes.items.flatMap((n) => n.message.match(AGENT_ID) ?? []);
  const others = [...new Set([...jobs.items.map((j) => (j.your_role === 'buyer' ? j.worker_agent_id : j.buyer_agent_id)), ...mentioned].filter((x): x is string => !!x))];
  const names = new Map(await Promise.all(others.map(async (id) => [id, (await mp.getAgent(id).catch(() => null))?.name ?? id] as const)));
  const a = d.agent;
  const spent = d.spending.spent, cap = d.spending.limit;
  const items = attention({ now, approvals: engine.listApprovals(ownerId, true), jobs: jobs.items, disputes: new Map([...disputes].filter((e): e is [string, NonNullable<(typeof e)[1]>] => !!e[1])), hooks, spent, cap, csrf });
  const escrow = jobs.items.filter((j) => j.your_role === 'buyer').reduce((s, j) => s + Math.round(j.escrow_amount * 100), 0) / 100;
  const history = [...d.trust_history].reverse();
  const points = history.length ? [{ score: history[0].old_score, at: history[0].triggered_at }, ...history.map((t) => ({ score: t.new_score, at: t.triggered_at }))] : [];
  // One jobs table: unfinished first, then by last change.
  const done = (j: Job) => TERMINAL_STATUSES.includes(j.status);
  const rows = [...jobs.items].sort((x, y) => Number(done(x)) - Number(done(y)) || y.updated_at.localeCompare(x.updated_at));
  const other = (j: Job) => {
    const id = j.your_role === 'buyer' ? j.worker_agent_id : j.buyer_agent_id;
    return id ? html`<span title="${id}">${names.get(id) ?? id}</span>` : html`<span class="muted">${j.status === 'open' ? `${j.bid_count} bid(s)` : '—'}</span>`;
  };
  return html`<h1>Dashboard of ${a.name}</h1>
<p class="muted small" aria-live="polite" id="live-status">Live updates on.</p>
${notice ?? ''}
<div data-live>
${strip(items)}
<section aria-label="Key figures" class="figures" data-testid="figures">
<div class="fig"><span class="label">Spent in ${d.spending.month}</span><span class="value"><span data-testid="spent">${eur(spent)}</span></span><span class="sub">of <span data-testid="cap">${cap == null ? 'no monthly cap' : eur(cap)}</span>${cap == null ? '' : html` · <span data-testid="left">${eur(d.spending.left)}</span> left`}</span>
${cap != null && cap > 0 ? html`<meter min="0" max="${cap}" value="${Math.min(spent, cap)}" low="${cap * 0.7}" high="${cap * 0.9}" optimum="0" aria-label="Spent this month against the cap">${eur(spent)}</meter>` : ''}</div>
<div class="fig"><span class="label">Held in escrow</span><span class="value" data-testid="escrow">${eur(escrow)}</span><span class="sub">until you approve</span></div>
<div class="fig"><span class="label">Earned</span><span class="value" data-testid="total-earned">${eur(payouts.total_earned)}</span><span class="sub">over ${payouts.total_jobs} job(s)</span></div>
<div class="fig"><span class="label">Active jobs</span><span class="value" data-testid="active-count">${d.active_jobs_count}</span><span class="sub"><a href="#jobs-h">see jobs</a></span></div>
</section>
<section aria-labelledby="jobs-h"><h2 id="jobs-h">Jobs</h2>${rows.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Jobs table"><table data-testid="jobs"><thead><tr><th scope="col">Job</th><th scope="col">Other party</th><th scope="col">Status</th><th scope="col" class="num">Amount</th><th scope="col">Last change</th></tr></thead><tbody>
${rows.map((j) => html`<tr data-job="${j.id}"><td><a href="/jobs/${j.id}">${j.title}</a></td><td>${other(j)}</td><td>${pill(j.status, { testid: 'job-status' })}</td><td class="num">${eur(j.amount)}</td><td>${ago(j.updated_at, now)}</td></tr>`)}</tbody></table></div>`
    : html`<p class="muted">No jobs yet.</p>`}</section>
<section aria-labelledby="spend-h"><h2 id="spend-h">Spending</h2>
<p>Spending policy: a human approves charges above <span data-testid="confirm-above">${eur(a.confirm_above)}</span>; per-job maximum ${a.max_spend_per_job == null ? 'none' : eur(a.max_spend_per_job)}. <a href="/approvals">Approvals</a></p>
<form method="post" action="/dashboard/cap"><input type="hidden" name="csrf" value="${csrf}">
<label for="cap">Monthly spending cap (EUR; empty for none)</label>
<input type="number" id="cap" name="monthly_spending_limit" min="0" step="0.01" inputmode="decimal" value="${cap ?? ''}">
<div><button type="submit">Save cap</button></div></form></section>
<section aria-labelledby="notes-h"><h2 id="notes-h">Notifications (<span data-testid="unread">${d.unread_notifications}</span> unread)</h2>
${notes.items.length ? html`<ul data-testid="notifications">${notes.items.map((n) => html`<li>${n.read ? '' : html`<strong class="pill info">New</strong> `}<strong>${n.title}</strong>: ${ownerWords(n.message, names)} <span class="muted">${ago(n.created_at, now)}</span>${n.job_id ? html` · <a href="/jobs/${n.job_id}">open the job</a>` : ''}</li>`)}</ul>
${d.unread_notifications ? html`<form method="post" action="/dashboard/notifications/read"><input type="hidden" name="csrf" value="${csrf}"><button type="submit">Mark all as read</button></form>` : ''}` : html`<p class="muted">None.</p>`}</section>
<div class="grid2">
<section aria-labelledby="profile-h"><h2 id="profile-h">Profile</h2><dl>
<dt>Agent id</dt><dd><code>${a.id}</code></dd>
<dt>Status</dt><dd>${pill(a.status)}</dd>
<dt>Owner</dt><dd>${a.owner_email}</dd>
<dt>Tier</dt><dd data-testid="tier">${a.level}</dd>
<dt>Platform fee</dt><dd data-testid="fee-percent">${a.platform_fee_percent}%</dd>
<dt>Max job amount</dt><dd>${eur(a.max_job_amount)}</dd>
<dt>Completed jobs</dt><dd>${a.completed_jobs}</dd>
<dt>Capabilities</dt><dd>${a.capabilities.join(', ') || '—'}</dd>
</dl></section>
<section aria-labelledby="trust-h"><h2 id="trust-h">Trust score: <span data-testid="trust-score">${a.trust_score}</span></h2>${trustChart(points)}</section>
</div>
<div class="grid2">
<section aria-labelledby="payouts-h"><h2 id="payouts-h">Payouts</h2>
${payouts.payouts.length ? html`<ul>${payouts.payouts.slice(0, 10).map((p) => html`<li><span class="num">${eur(p.net_eur)}</span> net (${eur(p.gross_eur)} − fee ${eur(p.platform_fee_eur)}), ${p.kind}, ${ago(p.completed_at, now)}</li>`)}</ul>` : html`<p class="muted">No payouts yet.</p>`}</section>
<section aria-labelledby="cards-h"><h2 id="cards-h">Saved cards</h2>
${cards.items.length ? html`<ul>${cards.items.map((k) => html`<li>${k.brand} •••• ${k.last4}, expires ${k.exp_month}/${k.exp_year}${k.is_default ? ' (default)' : ''}</li>`)}</ul>` : html`<p class="muted">No saved card.</p>`}
<p>Payouts account (Connect): ${d.connect.connected ? (d.connect.is_ready ? 'ready' : 'connected, not ready') : 'not connected'}</p></section>
</div>
<section aria-labelledby="hooks-h"><h2 id="hooks-h">Webhook deliveries</h2><p>Endpoint: <code>${hooks.webhook_url ?? 'none'}</code>${hooks.webhook_disabled_at ? html` <strong class="error">disabled since ${when(hooks.webhook_disabled_at)}</strong>` : ''} · ${hooks.pending_deliveries} waiting</p>
${hooks.items.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Webhook deliveries table"><table><thead><tr><th scope="col">Event</th><th scope="col">Result</th><th scope="col" class="num">HTTP</th><th scope="col">When</th></tr></thead><tbody>
${hooks.items.map((w) => html`<tr><td>${w.event}</td><td>${pill(w.status, { tone: w.status === 'delivered' ? 'ok' : w.status === 'retrying' ? 'warn' : 'bad' })}${w.error ? html` <span class="muted">${w.error}</span>` : ''}</td><td class="num">${w.http_status ?? '—'}</td><td>${ago(w.created_at, now)}</td></tr>`)}</tbody></table></div>` : html`<p class="muted">No deliveries yet.</p>`}</section>
</div>`;
}
