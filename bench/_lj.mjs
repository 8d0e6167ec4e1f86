import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
for (const n of ['1000', '1000000']) {
  const info = JSON.parse(readFileSync(`/tmp/vdev-${n}/info.json`));
  const db = new Database(info.dbPath, { readonly: true });
  const me = info.viewer.agent_id;
  const oldQ = (role, statuses, limit, offset) => {
    const branches = [];
    if (role !== 'worker') branches.push('SELECT id, created_at FROM jobs WHERE buyer_id = @me');
    if (role !== 'buyer') branches.push('SELECT id, created_at FROM jobs WHERE worker_id = @me');
    const statusSql = statuses.length ? `AND j.status IN (${statuses.map((_, i) => `@s${i}`).join(',')})` : '';
    const params = { me, limit, offset }; statuses.forEach((s, i) => (params[`s${i}`] = s));
    const base = `FROM (${branches.join(' UNION ')}) ids JOIN jobs j ON j.id = ids.id LEFT JOIN balances b ON b.account = 'escrow:' || j.id WHERE 1 = 1 ${statusSql}`;
    return [db.prepare(`SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents ${base} ORDER BY j.created_at DESC, j.id LIMIT @limit OFFSET @offset`), db.prepare(`SELECT COUNT(*) n ${base}`), params];
  };
  const newQ = (role, statuses, limit, offset) => {
    const statusSql = statuses.length ? ` AND status IN (${statuses.map((_, i) => `@s${i}`).join(',')})` : '';
    const branches = [];
    if (role !== 'worker') branches.push(`SELECT id, created_at FROM jobs WHERE buyer_id = @me${statusSql}`);
    if (role !== 'buyer') branches.push(`SELECT id, created_at FROM jobs WHERE worker_id = @me${statusSql}`);
    const params = { me, limit, offset }; statuses.forEach((s, i) => (params[`s${i}`] = s));
    const union = branches.join(' UNION ');
    return [db.prepare(`SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents FROM (SELECT id, created_at FROM (${union}) ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset) p
      JOIN jobs j ON j.id = p.id LEFT JOIN balances b ON b.account = 'escrow:' || j.id ORDER BY j.created_at DESC, j.id`), db.prepare(`SELECT COUNT(*) n FROM (${union})`), params];
  };
  const time = (f) => { for (let i = 0; i < 10; i++) f(); const ts = []; for (let r = 0; r < 5; r++) { const t = performance.now(); for (let i = 0; i < 30; i++) f(); ts.push((performance.now() - t) / 30 * 1000); } return ts.sort((a, b) => a - b)[2].toFixed(0); };
  for (const [role, st, lim, off] of [[undefined, [], 20, 0], ['buyer', [], 20, 0], ['worker', ['completed'], 5, 3], [undefined, ['in_progress', 'completed'], 50, 100], [undefined, [], 20, 190]]) {
    const [r1, c1, p] = oldQ(role, st, lim, off); const [r2, c2, p2] = newQ(role, st, lim, off);
    const a = JSON.stringify([r1.all(p), c1.get(p)]), b = JSON.stringify([r2.all(p2), c2.get(p2)]);
    console.log(n, role ?? 'both', st.join('|') || '-', lim, off, a === b ? 'SAME' : 'DIFF', 'old', time(() => (r1.all(p), c1.get(p))), 'µs new', time(() => (r2.all(p2), c2.get(p2))), 'µs');
  }
}
