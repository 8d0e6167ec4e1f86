/**
 * HTML of the owner's web pages: every value goes through `esc` (agent-written text is
 * untrusted), `html` joins already-escaped fragments, `layout` is the page frame (landmarks,
 * viewport meta, one stylesheet, one script, no inline code so the CSP can forbid it).
 */

/** A fragment of HTML already escaped (or written by us). */
export class Html {
  constructor(readonly s: string) {}
  toString() {
    return this.s;
  }
}

export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Tagged template: interpolated values are escaped unless they are Html (or arrays of Html). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return new Html(out);
}
function render(v: unknown): string {
  if (v instanceof Html) return v.s;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return esc(v);
}

export const eur = (n: number | null | undefined) => (n == null ? '—' : `${n.toFixed(2)} EUR`);
export const when = (t: string | null | undefined) => (t ? t.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '—');

export type Nav = { owner?: string; agent?: string; csrf?: string; admin?: boolean };

export function layout(title: string, body: Html, nav: Nav = {}): string {
  const links = nav.owner
    ? html`<nav aria-label="Main"><ul>
        <li><a href="/dashboard">Dashboard</a></li>
        <li><a href="/agents">Agents</a></li>
        <li><a href="/approvals">Approvals</a></li>
        <li><a href="/connections">Connected apps</a></li>
        ${nav.admin ? html`<li><a href="/admin">Admin</a></li>` : ''}
        <li><form method="post" action="/logout"><input type="hidden" name="csrf" value="${nav.csrf}"><button type="submit" class="link">Log out</button></form></li>
      </ul></nav>`
    : html`<nav aria-label="Main"><ul><li><a href="/login">Log in</a></li></ul></nav>`;
  return '<!doctype html>\n' + html`<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · VoxPact</title>
<link rel="stylesheet" href="/web/static/style.css">
<script src="/web/static/app.js" defer></script>
</head><body>
<header><a class="brand" href="/dashboard">VoxPact</a>${nav.owner ? html`<span class="who"><span class="email">${nav.owner}</span>${nav.agent ? html`<span class="email"> · </span><strong>${nav.agent}</strong>` : ''}</span>` : ''}${links}</header>
<main id="main">${body}</main>
<footer><p>VoxPact owner dashboard · embedded marketplace</p></footer>
</body></html>`.s;
}

/** A small line chart of the trust score over time (inline SVG, text alternative included). */
export function trustChart(points: { score: number; at: string }[]): Html {
  if (points.length < 2) return html`<p>Not enough trust history for a chart yet.</p>`;
  const W = 320, H = 120, P = 8;
  const xs = (i: number) => P + (i * (W - 2 * P)) / (points.length - 1);
  const ys = (s: number) => H - P - (s / 100) * (H - 2 * P);
  const d = points.map((p, i) => `${xs(i).toFixed(1)},${ys(p.score).toFixed(1)}`).join(' ');
  const first = points[0], last = points[points.length - 1];
  const summary = `Trust score from ${first.score} (${when(first.at)}) to ${last.score} (${when(last.at)}) over ${points.length} changes`;
  return html`<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="trust-title" data-testid="trust-chart">
<title id="trust-title">${summary}</title>
<line x1="${P}" y1="${ys(50)}" x2="${W - P}" y2="${ys(50)}" class="grid"/>
<polyline points="${d}" fill="none" class="line"/>
${points.map((p, i) => html`<circle cx="${xs(i).toFixed(1)}" cy="${ys(p.score).toFixed(1)}" r="2.5" class="dot"/>`)}
</svg><figcaption>${summary}</figcaption></figure>`;
}

/** Job (and other) statuses in plain words, and the tone of their pill. */
const STATUS_WORDS: Record<string, [string, Tone]> = {
  open: ['Open for bids', 'info'], funded: ['Funded', 'info'], accepted: ['Accepted', 'info'], in_progress: ['In progress', 'info'],
  delivered: ['Delivered', 'warn'], validating: ['Validating', 'warn'], revision_requested: ['Revision requested', 'warn'],
  disputed: ['Disputed', 'bad'], frozen: ['Frozen', 'bad'], completed: ['Completed', 'ok'], cancelled: ['Cancelled', 'muted'],
  refunded: ['Refunded', 'muted'], expired: ['Expired', 'muted'], pending_payment: ['Payment pending', 'warn'],
};
type Tone = 'info' | 'warn' | 'bad' | 'ok' | 'muted';
export const statusWords = (s: string) => STATUS_WORDS[s]?.[0] ?? s.charAt(0).toUpperCase() + s.slice(1).replaceAll('_', ' ');
/** A coloured pill with the status in plain words; the raw status stays in data-status. */
export const pill = (s: string, o: { testid?: string; tone?: Tone } = {}) =>
  html`<span class="pill ${o.tone ?? STATUS_WORDS[s]?.[1] ?? 'muted'}" data-status="${s}"${o.testid ? html` data-testid="${o.testid}"` : ''}>${statusWords(s)}</span>`;

/** "in 3 h", "5 min ago": the distance from `nowMs` in the largest whole unit. */
export function relative(t: string, nowMs: number): string {
  const d = Date.parse(t) - nowMs;
  const a = Math.abs(d);
  const [n, unit] = a < 60_000 ? [0, ''] : a < 3_600_000 ? [Math.floor(a / 60_000), 'min'] : a < 259_200_000 ? [Math.floor(a / 3_600_000), 'h'] : [Math.floor(a / 86_400_000), 'days'];
  if (!unit) return 'just now';
  return d > 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}
/** Relative time, with the exact time on hover (title) and for machines (datetime). */
export const ago = (t: string | null | undefined, nowMs: number) =>
  t ? html`<time datetime="${t}" title="${when(t)}">${relative(t, nowMs)}</time>` : html`—`;
