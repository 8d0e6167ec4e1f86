/**
 * The two MCP Apps views (resources/apps.ts), each one HTML document with everything inline: no
 * framework, no network. The view script connects to the host with ext-apps' `App`, renders
 * the tool result's structuredContent and may call our tools back through the host. Every value
 * comes from the marketplace and much of it from other agents (titles, reasons), so the DOM is
 * built with createElement and text nodes only — never innerHTML. Loaded on the first read.
 */
import { APP_RESULT_META, APP_URIS, type AppUri } from './apps.js';

const CSS = `
:root { color-scheme: light dark; --fg:#1a1a1a; --bg:#fff; --muted:#595959; --line:#d0d0d0; --accent:#0b5cad; --ok:#136c2e; --warn:#8a5a00; --bad:#a4141c; }
:root[data-theme=dark] { --fg:#eee; --bg:#161616; --muted:#b0b0b0; --line:#444; --accent:#8cc4ff; --ok:#7fd69a; --warn:#f2c46d; --bad:#ff9a9a; }
@media (prefers-color-scheme: dark) { :root:not([data-theme=light]) { --fg:#eee; --bg:#161616; --muted:#b0b0b0; --line:#444; --accent:#8cc4ff; --ok:#7fd69a; --warn:#f2c46d; --bad:#ff9a9a; } }
* { box-sizing: border-box; }
body { margin:0; padding:.75rem; font:15px/1.45 var(--font-sans, system-ui, sans-serif); color:var(--fg); background:var(--bg); }
main { max-width:36rem; }
h1 { font-size:1.15rem; margin:0 0 .25rem; overflow-wrap:anywhere; }
h2 { font-size:.95rem; margin:1rem 0 .35rem; }
p, li, dd { overflow-wrap:anywhere; }
dl { display:grid; grid-template-columns:max-content 1fr; gap:.15rem .9rem; margin:.5rem 0 0; }
dt { color:var(--muted); } dd { margin:0; min-width:0; }
ol, ul { margin:0; padding-left:1.2rem; }
.muted, li time { color:var(--muted); }
.badge { display:inline-block; padding:.05rem .5rem; border:1px solid currentColor; border-radius:1rem; font-size:.85rem; font-weight:600; }
.good { color:var(--ok); } .wait { color:var(--warn); } .bad { color:var(--bad); } .info { color:var(--accent); }
.next { border-left:4px solid var(--accent); padding:.35rem .6rem; margin:.75rem 0 0; }
.figures { font-size:1.05rem; margin:.25rem 0; }
meter { width:100%; height:1.3rem; }
button { font:inherit; padding:.4rem .9rem; margin-top:.9rem; border:1px solid var(--accent); border-radius:4px; background:none; color:var(--accent); cursor:pointer; }
button:disabled { opacity:.6; cursor:default; }
:focus-visible { outline:3px solid #f2a900; outline-offset:2px; }
`;

/** Shared by both views: DOM building (text only), money and dates, the host connection. */
const COMMON = `
const { App, applyDocumentTheme, applyHostStyleVariables } = globalThis.ExtApps;
const root = document.getElementById('view');
const live = document.getElementById('live');
let locale;
/** el('p', { class: 'x' }, 'text', child): strings become text nodes, never markup. */
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v != null && v !== false) e.setAttribute(k, String(v));
  for (const k of kids.flat(Infinity)) if (k != null && k !== false) e.append(typeof k === 'string' || typeof k === 'number' ? String(k) : k);
  return e;
}
const eur = (n) => (n == null ? '—' : Number(n).toFixed(2) + ' EUR');
const fmt = (iso) => {
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
};
const when = (iso) => (iso ? el('time', { datetime: iso }, fmt(iso)) : '—');
function show(...nodes) {
  root.replaceChildren(...nodes.flat(Infinity).filter((n) => n != null && n !== false));
  root.setAttribute('aria-busy', 'false');
}
function showError(message) { show(el('p', { role: 'alert', class: 'bad', 'data-testid': 'error' }, message)); }
/** A tool result's payload, or throws with its error message (structuredContent.error on isError). */
function payload(result) {
  if (result.isError) throw new Error(result.structuredContent?.error?.message || result.content?.find((c) => c.type === 'text')?.text || 'the tool failed');
  return result.structuredContent;
}
function applyContext(ctx) {
  if (!ctx) return;
  if (ctx.theme) applyDocumentTheme(ctx.theme);
  if (ctx.styles?.variables) applyHostStyleVariables(ctx.styles.variables);
  if (ctx.locale) locale = ctx.locale;
}
function connect(name) {
  const app = new App({ name, version: '1.0.0' }, {}, { autoResize: true });
  app.onhostcontextchanged = applyContext;
  app.onteardown = async () => ({});
  app.onerror = (e) => console.error(e);
  return app;
}
/** The host proxies tools/call to our server only if it says so. */
const canCall = (app) => !!app.getHostCapabilities()?.serverTools;
function refreshButton(app, label, run) {
  if (!canCall(app)) return null;
  const b = el('button', { type: 'button' }, label);
  b.addEventListener('click', async () => {
    b.disabled = true;
    root.setAttribute('aria-busy', 'true');
    try {
      await run();
      live.textContent = 'Updated ' + fmt(new Date().toISOString()) + '.';
    } catch (e) { showError('Could not refresh: ' + (e?.message || e)); } finally { b.disabled = false; }
  });
  return b;
}
`;

const JOB_CARD = `
const app = connect('voxpact-job-card');
let jobId = null;

const STATUS = {
  pending_payment: ['Payment failed', 'bad'], funded: ['Funded', 'info'], open: ['Open for bids', 'info'], accepted: ['Accepted', 'info'],
  in_progress: ['In progress', 'info'], delivered: ['Delivered', 'wait'], validating: ['Being validated', 'wait'],
  revision_requested: ['Revision requested', 'wait'], completed: ['Completed', 'good'], cancelled: ['Cancelled', 'muted'],
  refunded: ['Refunded', 'muted'], disputed: ['Disputed', 'bad'], frozen: ['Frozen', 'bad'],
};
const label = (s) => (STATUS[s] || [s])[0];

/** The next step get_job's result carries in its _meta (tools/format.ts nextStep: the same words the model reads). */
const nextAction = (meta) => meta?.[${JSON.stringify(APP_RESULT_META.nextStep)}] || 'Nothing for you to do on this job.';

function timeline(j, transitions) {
  if (transitions) {
    return el('ol', { 'data-testid': 'timeline' }, transitions.map((t) => el('li', {},
      el('strong', {}, label(t.to_status)), ' ', when(t.created_at),
      el('span', { class: 'muted' }, ' — ' + t.action.replace(/_/g, ' ') + ' by ' + t.actor),
      t.reason ? el('div', {}, el('q', {}, t.reason)) : null)));
  }
  // Without a host that relays tool calls, the job's own timestamps.
  const steps = [['Posted', j.created_at], ['Delivered', j.delivered_at], ['Completed', j.completed_at]].filter(([, at]) => at);
  return el('ol', { 'data-testid': 'timeline' }, steps.map(([what, at]) => el('li', {}, el('strong', {}, what), ' ', when(at))));
}

function validation(v) {
  if (!v) return el('p', { class: 'muted', 'data-testid': 'validation' }, 'No validation of a delivery yet.');
  const verdict = v.status === 'passed' ? ['Passed', 'good'] : v.status === 'failed' ? ['Failed', 'bad']
    : v.status === 'unavailable' ? ['No verdict: fewer than two judges answered; the buyer decides', 'wait']
    : v.status === 'superseded' ? ['Superseded by a newer delivery', 'muted'] : ['Judges at work', 'wait'];
  return el('div', { 'data-testid': 'validation' },
    el('p', {}, el('span', { class: 'badge ' + verdict[1], 'data-testid': 'validation-status' }, verdict[0]),
      v.confidence != null ? ' confidence ' + v.confidence.toFixed(2) : '',
      v.consensus === false ? ' — the judges disagree' : '', v.auto_approved ? ' — approved automatically' : ''),
    v.criteria_results.length ? el('ul', { 'aria-label': 'Criteria' }, v.criteria_results.map((c) => el('li', {},
      el('span', { class: c.passed ? 'good' : 'bad' }, c.passed ? '✓ met: ' : '✗ not met: '), c.check, ' ', el('span', { class: 'muted' }, c.detail)))) : null,
    v.judges.length ? el('ul', { 'aria-label': 'Judges' }, v.judges.map((x) => el('li', {},
      'Judge ' + x.validator_type + (x.model ? ' (' + x.model + ')' : '') + ': ' + (x.error ? 'unavailable' : x.passed ? 'pass' : 'fail'),
      x.reasoning && !x.error ? el('div', { class: 'muted' }, x.reasoning) : null))) : null);
}

function render(j, meta, extra) {
  const [text, tone] = STATUS[j.status] || [j.status, 'info'];
  const rows = [
    ['Amount', el('span', { 'data-testid': 'amount' }, eur(j.amount))],
    ['In escrow', eur(j.escrow_amount)],
    j.platform_fee != null ? ['Platform fee', eur(j.platform_fee)] : null,
    j.worker_payout != null ? ['Worker payout', eur(j.worker_payout)] : null,
    j.cancellation_fee != null ? ['Cancellation fee', eur(j.cancellation_fee)] : null,
    ['You are', el('span', { 'data-testid': 'role' }, j.your_role === 'none' ? 'not a party' : j.your_role)],
    ['Deadline', j.deadline ? when(j.deadline) : j.deadline_hours + ' h after funding'],
    ['Revisions', j.revision_count + ' of ' + j.max_revisions],
  ].filter(Boolean);
  show(
    el('h1', { 'data-testid': 'title' }, j.title),
    el('p', {}, el('span', { class: 'badge ' + tone, 'data-testid': 'status', 'aria-label': 'Status: ' + text }, text),
      ' ', el('span', { class: 'muted' }, j.job_type + ' job ' + j.id)),
    el('dl', {}, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    el('section', { 'aria-labelledby': 'next-h', class: 'next' }, el('h2', { id: 'next-h' }, 'Your next step'), el('p', { 'data-testid': 'next' }, nextAction(meta))),
    el('section', { 'aria-labelledby': 'tl-h' }, el('h2', { id: 'tl-h' }, 'Status timeline'), timeline(j, extra.transitions)),
    el('section', { 'aria-labelledby': 'val-h' }, el('h2', { id: 'val-h' }, 'Validation'),
      extra.validation === undefined && j.delivered_at ? el('p', { class: 'muted' }, 'Ask for get_deliverable_preview to see the validation.') : validation(extra.validation)),
    refreshButton(app, 'Refresh', () => load(j.id)),
  );
}

/** The timeline and validation are answers of other tools: fetched through the host when it relays tool calls. */
async function details(j) {
  if (!canCall(app)) return {};
  const call = async (name) => payload(await app.callServerTool({ name, arguments: { job_id: j.id } }));
  const [transitions, deliverable] = await Promise.all([
    call('get_job_transitions').then((r) => r.items, () => undefined),
    j.delivered_at ? call('get_deliverable_preview').catch(() => undefined) : null,
  ]);
  return { transitions, validation: deliverable === null ? null : deliverable?.validation };
}

/** Render a get_job result: at once from the result, then again with the details. */
async function shown(result) {
  const j = payload(result);
  jobId = j.id;
  render(j, result._meta, {});
  render(j, result._meta, await details(j));
}
async function load(id) { await shown(await app.callServerTool({ name: 'get_job_status', arguments: { job_id: id } })); }

app.ontoolinput = (p) => {
  if (typeof p.arguments?.job_id === 'string' && !jobId) show(el('p', { class: 'muted' }, 'Loading job ' + p.arguments.job_id + '…'));
};
app.ontoolresult = (r) => {
  shown(r).catch((e) => showError(e.message));
};
await app.connect();
applyContext(app.getHostContext());
`;

const SPENDING = `
const app = connect('voxpact-spending');

function render(d) {
  const s = d.spending;
  const cap = s.limit;
  const pct = cap == null ? null : cap > 0 ? Math.round((s.spent / cap) * 100) : s.spent > 0 ? 100 : 0;
  const tone = pct == null ? 'info' : pct >= 100 ? 'bad' : pct >= 80 ? 'wait' : 'good';
  show(
    el('h1', {}, 'Spending in ', el('time', { datetime: s.month }, new Date(s.month + '-01T00:00:00Z').toLocaleString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }))),
    el('p', { class: 'figures' }, el('strong', { 'data-testid': 'spent' }, eur(s.spent)), ' spent of ',
      el('strong', { 'data-testid': 'cap' }, cap == null ? 'no monthly cap' : eur(cap)),
      pct == null ? '' : [' (', el('span', { 'data-testid': 'percent', class: tone }, pct + ' %'), ')']),
    cap == null ? el('p', { class: 'muted' }, 'No monthly cap is set: update_my_agent sets one.') : [
      el('meter', { min: 0, max: Math.max(cap, 0.01), value: Math.min(s.spent, cap), low: cap * 0.8, high: cap * 0.99, optimum: 0,
        'aria-label': 'Spent this month against the cap', 'aria-valuetext': eur(s.spent) + ' of ' + eur(cap) + ', ' + pct + ' %' }, pct + ' %'),
      el('p', {}, el('span', { 'data-testid': 'left' }, eur(s.left)), ' left this month',
        s.left != null && s.left <= 0 ? el('strong', { class: 'bad' }, ' — the cap is reached: new payments are refused until next month') : ''),
    ],
    el('h2', { id: 'recent-h' }, 'Recent jobs'),
    d.recent_jobs.length
      ? el('ul', { 'aria-labelledby': 'recent-h', 'data-testid': 'recent' }, d.recent_jobs.map((j) => el('li', {}, j.title, ' — ', el('span', { class: 'muted' }, j.status.replace(/_/g, ' ') + ', ' + eur(j.amount)))))
      : el('p', { class: 'muted' }, 'No jobs yet.'),
    el('p', { class: 'muted' }, d.active_jobs_count + ' active job(s) · card: ' + (d.payment.default_card ? d.payment.default_card.brand + ' •' + d.payment.default_card.last4 : 'none saved')),
    refreshButton(app, 'Refresh', async () => render(payload(await app.callServerTool({ name: 'get_dashboard', arguments: {} })))),
  );
}

app.ontoolresult = (r) => {
  try { render(payload(r)); } catch (e) { showError(e.message); }
};
await app.connect();
applyContext(app.getHostContext());
`;

const PAGES: Record<AppUri, { title: string; waiting: string; script: string }> = {
  [APP_URIS.jobCard]: { title: 'Job card', waiting: 'Waiting for the job…', script: JOB_CARD },
  [APP_URIS.spending]: { title: 'Spending', waiting: 'Waiting for the dashboard…', script: SPENDING },
};

/** The document of one view; `extApps` is ext-apps' browser build ending in `globalThis.ExtApps = …`. */
export function renderView(uri: AppUri, extApps: string): string {
  const p = PAGES[uri];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>VoxPact · ${p.title}</title><style>${CSS}</style></head>
<body><main id="view" aria-busy="true"><p class="muted">${p.waiting}</p></main>
<p id="live" class="muted" role="status"></p>
<script type="module">${extApps}</script>
<script type="module">${COMMON}${p.script}</script>
</body></html>
`;
}
