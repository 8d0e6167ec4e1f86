// Figures: every measurement is a list of samples; we report median, min and max.
export const now = () => performance.now();

export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], n: s.length };
}

/** A number with 3 significant digits, without exponent noise. */
export function fmt(v) {
  if (v == null || Number.isNaN(v)) return '—';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

export const fmtStat = (st) => (st ? `${fmt(st.median)} (${fmt(st.min)}–${fmt(st.max)})` : '—');

/**
 * One result row: `value` (ours) against `base` (the baseline), both summaries. `better`
 * says which way is good ('lower' for times, 'higher' for throughput); `target` is the
 * issue's bound on the ratio value/base (≤ for lower-is-better, ≥ for higher-is-better).
 */
export function row(o) {
  const ratio = o.value && o.base ? o.value.median / o.base.median : null;
  let pass = null;
  if (ratio != null && o.target != null) pass = o.better === 'higher' ? ratio >= o.target : ratio <= o.target;
  return { ...o, ratio, pass };
}

export function table(rows) {
  const head = ['group', 'figure', 'unit', 'voxpact-mcp: median (min–max)', 'baseline', 'baseline: median (min–max)', 'ratio', 'target', 'ok'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) {
    const target = r.target == null ? '' : `${r.better === 'higher' ? '≥' : '≤'} ${r.target}×`;
    const ok = r.pass == null ? '' : r.pass ? 'yes' : '**no**';
    lines.push(`| ${[r.group, r.name, r.unit, fmtStat(r.value), r.baseName ?? '', fmtStat(r.base), r.ratio == null ? '' : `${r.ratio.toFixed(2)}×`, target, ok].join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Round-robin over the variants so drift (thermal, other load) hits them all alike. */
export async function interleave(runs, variants) {
  const out = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const names = Object.keys(variants);
  for (let i = 0; i < runs; i++) {
    // rotate the order each round: no variant always goes first
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      out[name].push(await variants[name](i));
    }
  }
  return out;
}
