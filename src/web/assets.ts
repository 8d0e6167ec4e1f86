/** The stylesheet and the one script of the web pages, served from memory (no build step). */

export const STYLE_CSS = `
:root { --fg:#1a1a1a; --bg:#fff; --muted:#555; --accent:#0b5cad; --bad:#a4141c; --ok:#136c2e; --line:#d0d0d0; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui, sans-serif; color:var(--fg); background:var(--bg); }
header { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; padding:.6rem 1rem; border-bottom:1px solid var(--line); }
header .brand { font-weight:700; text-decoration:none; color:var(--fg); }
header .who { color:var(--muted); }
nav ul { list-style:none; display:flex; flex-wrap:wrap; gap:.75rem; margin:0; padding:0; }
nav form { display:inline; }
main { max-width:60rem; margin:0 auto; padding:1rem; }
footer { color:var(--muted); font-size:.85rem; padding:1rem; text-align:center; }
a { color:var(--accent); }
section { border:1px solid var(--line); border-radius:6px; padding:.75rem 1rem; margin:0 0 1rem; }
h1 { font-size:1.5rem; } h2 { font-size:1.15rem; margin-top:0; }
.grid2 { display:grid; grid-template-columns:repeat(auto-fit, minmax(16rem, 1fr)); gap:1rem; }
table { border-collapse:collapse; width:100%; font-size:.95rem; }
th, td { text-align:left; padding:.3rem .4rem; border-bottom:1px solid var(--line); vertical-align:top; }
.table-wrap { overflow-x:auto; }
dl { display:grid; grid-template-columns:max-content 1fr; gap:.2rem 1rem; margin:0; }
dt { color:var(--muted); } dd { margin:0; overflow-wrap:anywhere; min-width:0; }
code, td, li, p { overflow-wrap:anywhere; }
label { display:block; margin:.5rem 0 .2rem; font-weight:600; }
label.inline { display:inline; font-weight:400; }
input[type=text], input[type=email], input[type=number], select, textarea { font:inherit; padding:.45rem; width:100%; max-width:24rem; border:1px solid #767676; border-radius:4px; }
button { font:inherit; padding:.45rem 1rem; border:0; border-radius:4px; background:var(--accent); color:#fff; cursor:pointer; margin-top:.5rem; }
button.link { background:none; color:var(--accent); padding:0; margin:0; text-decoration:underline; }
button.danger { background:var(--bad); }
.error { color:var(--bad); border-color:var(--bad); }
.ok { color:var(--ok); border-color:var(--ok); }
.muted { color:var(--muted); }
.status { font-family:ui-monospace, monospace; }
meter { width:100%; max-width:24rem; height:1.2rem; }
.chart svg { width:100%; max-width:28rem; height:auto; border:1px solid var(--line); }
.chart .line { stroke:var(--accent); stroke-width:2; }
.chart .dot { fill:var(--accent); }
.chart .grid { stroke:var(--line); stroke-dasharray:4 4; }
figure { margin:0; } figcaption { color:var(--muted); font-size:.85rem; }
pre { white-space:pre-wrap; word-break:break-word; background:#f4f4f4; padding:.5rem; }
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
