/** The stylesheet and the one script of the web pages, served from memory (no build step). */

export const STYLE_CSS = `
:root { color-scheme:light dark; --fg:#1a1a1a; --bg:#fff; --card:#fff; --muted:#555; --accent:#0b5cad; --bad:#a4141c; --ok:#136c2e; --warn:#7a4b00; --line:#d0d0d0; --code:#f4f4f4;
  --info-bg:#e3eefb; --ok-bg:#e2f3e6; --warn-bg:#fdf0d5; --bad-bg:#fbe3e4; --muted-bg:#ececec; --att-bg:#fff8e6; }
/* Dark: follows the system. Every pair keeps at least 4.5:1 contrast (axe-checked in both schemes). */
@media (prefers-color-scheme: dark) {
  :root { --fg:#e6e6e6; --bg:#121417; --card:#1a1d21; --muted:#a8adb3; --accent:#7db4ff; --bad:#ff8a8f; --ok:#6fd08c; --warn:#f3c06b; --line:#3a3f45; --code:#1f2328;
    --info-bg:#17304d; --ok-bg:#163a22; --warn-bg:#3d2e10; --bad-bg:#4a1c1f; --muted-bg:#2a2e33; --att-bg:#2a2412; }
}
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui, sans-serif; color:var(--fg); background:var(--bg); }
header { display:flex; flex-wrap:wrap; gap:.25rem 1rem; align-items:center; padding:.5rem 1rem; border-bottom:1px solid var(--line); }
header .brand { font-weight:700; text-decoration:none; color:var(--fg); }
header .who { color:var(--muted); overflow-wrap:anywhere; }
nav ul { list-style:none; display:flex; flex-wrap:wrap; gap:.75rem; margin:0; padding:0; }
nav form { display:inline; }
main { max-width:64rem; margin:0 auto; padding:.5rem 1rem 1rem; }
footer { color:var(--muted); font-size:.85rem; padding:1rem; text-align:center; }
a { color:var(--accent); }
section { border:1px solid var(--line); border-radius:6px; padding:.75rem 1rem; margin:0 0 1rem; background:var(--card); }
h1 { font-size:1.4rem; margin:.4rem 0 0; } h2 { font-size:1.15rem; margin-top:0; }
.small { font-size:.85rem; } p.small { margin:.1rem 0 .5rem; }
.grid2 { display:grid; grid-template-columns:repeat(auto-fit, minmax(16rem, 1fr)); gap:1rem; }
table { border-collapse:collapse; width:100%; font-size:.95rem; }
th, td { text-align:left; padding:.35rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
.table-wrap { overflow-x:auto; }
/* Amounts and numbers: right-aligned, tabular, never broken. Words break between words only. */
.num { text-align:right; white-space:nowrap; font-variant-numeric:tabular-nums; }
time { white-space:nowrap; }
dl { display:grid; grid-template-columns:max-content 1fr; gap:.2rem 1rem; margin:0; }
dt { color:var(--muted); } dd { margin:0; min-width:0; }
code { overflow-wrap:anywhere; }
.pill { display:inline-block; white-space:nowrap; border-radius:999px; padding:0 .55rem; font-size:.85rem; font-weight:600; line-height:1.6; }
.pill.info { background:var(--info-bg); color:var(--accent); } .pill.ok { background:var(--ok-bg); color:var(--ok); }
.pill.warn { background:var(--warn-bg); color:var(--warn); } .pill.bad { background:var(--bad-bg); color:var(--bad); }
.pill.muted { background:var(--muted-bg); color:var(--muted); }
.attention { background:var(--att-bg); border-color:var(--warn); padding:.5rem .75rem; }
.attention h2 { margin-bottom:.25rem; }
.attention ul { list-style:none; margin:0; padding:0; }
.attention li { display:flex; flex-wrap:wrap; align-items:center; gap:.25rem .75rem; padding:.3rem 0; border-top:1px solid var(--line); }
.attention li:first-child { border-top:0; }
.attention li > a { flex:1 1 16rem; }
.attention p { margin:.25rem 0; }
.figures { display:grid; grid-template-columns:repeat(4, 1fr); gap:.5rem; border:0; padding:0; background:none; }
.fig { border:1px solid var(--line); border-radius:6px; padding:.5rem .75rem; display:flex; flex-direction:column; background:var(--card); min-width:0; }
.fig .label { color:var(--muted); font-size:.85rem; } .fig .value { font-size:1.3rem; font-weight:700; white-space:nowrap; font-variant-numeric:tabular-nums; }
.fig .sub { color:var(--muted); font-size:.85rem; } .fig meter { height:.8rem; }
/* Phone: the strip and the four figures fit the first screen (390×844). */
@media (max-width: 40rem) {
  header { padding:.4rem 1rem; } header .who .email { display:none; }
  h1 { font-size:1.2rem; margin-top:.2rem; }
  .attention li { padding:.2rem 0; font-size:.95rem; line-height:1.35; }
  .figures { grid-template-columns:repeat(2, 1fr); } .fig { padding:.35rem .6rem; } .fig .value { font-size:1.1rem; } .fig .sub { font-size:.8rem; }
}
label { display:block; margin:.5rem 0 .2rem; font-weight:600; }
label.inline { display:inline; font-weight:400; }
input[type=text], input[type=email], input[type=number], select, textarea { font:inherit; padding:.45rem; width:100%; max-width:24rem; border:1px solid #767676; border-radius:4px; background:var(--bg); color:var(--fg); }
button { font:inherit; padding:.45rem 1rem; border:0; border-radius:4px; background:#0b5cad; color:#fff; cursor:pointer; margin-top:.5rem; }
button.small { padding:.2rem .7rem; margin:0; font-size:.9rem; }
form.inline { display:inline; }
button.link { background:none; color:var(--accent); padding:0; margin:0; text-decoration:underline; }
button.danger { background:#a4141c; }
.error { color:var(--bad); border-color:var(--bad); }
.ok { color:var(--ok); border-color:var(--ok); }
.warn { color:var(--warn); }
.muted { color:var(--muted); }
.status { font-family:ui-monospace, monospace; }
meter { width:100%; max-width:24rem; height:1.2rem; }
.chart svg { width:100%; max-width:28rem; height:auto; border:1px solid var(--line); }
.chart .line { stroke:var(--accent); stroke-width:2; }
.chart .dot { fill:var(--accent); }
.chart .grid { stroke:var(--line); stroke-dasharray:4 4; }
figure { margin:0; } figcaption { color:var(--muted); font-size:.85rem; }
pre { white-space:pre-wrap; overflow-wrap:anywhere; background:var(--code); padding:.5rem; }
:focus-visible { outline:3px solid #f2a900; outline-offset:2px; }
`;

/**
 * Live updates: a page marked data-live subscribes to the cookie-authenticated /web/events and,
 * on each event, fetches itself again and swaps the live region (no reload, no token in JS).
 */
export const APP_JS = `
(function () {
  // A page waiting for something outside it (Stripe's payment confirmation) reloads itself.
  var poll = document.querySelector('[data-poll]');
  if (poll) setTimeout(function () { location.reload(); }, Number(poll.getAttribute('data-poll')) || 2000);
  var live = document.querySelector('[data-live]');
  if (!live || !window.EventSource) return;
  var busy = false, again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (text) {
        if (!text) return;
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var fresh = doc.querySelector('[data-live]');
        var cur = document.querySelector('[data-live]');
        if (fresh && cur) {
          var focused = document.activeElement && cur.contains(document.activeElement);
          if (!focused) cur.replaceWith(document.importNode(fresh, true));
        }
        var st = document.getElementById('live-status');
        if (st) st.textContent = 'Updated ' + new Date().toLocaleTimeString();
      })
      .catch(function () {})
      .then(function () { busy = false; if (again) { again = false; refresh(); } });
  }
  var es = new EventSource('/web/events');
  es.onmessage = refresh;
  es.addEventListener('error', function () {});
  window.__voxLive = es;
})();
`;
