import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
const n = process.argv[2] ?? '1000000';
const info = JSON.parse(readFileSync(`/tmp/vdev-${n}/info.json`));
const db = new Database(info.dbPath, { readonly: true });
const me = info.viewer.agent_id; const now = Date.now();
const q = {
  list: [`SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents FROM (SELECT id, created_at FROM jobs WHERE buyer_id = @me UNION SELECT id, created_at FROM jobs WHERE worker_id = @me) ids JOIN jobs j ON j.id = ids.id LEFT JOIN balances b ON b.account = 'escrow:' || j.id WHERE 1 = 1  ORDER BY j.created_at DESC, j.id LIMIT @limit OFFSET @offset`, { me, limit: 20, offset: 0 }],
  listcount: [`SELECT COUNT(*) n FROM (SELECT id, created_at FROM jobs WHERE buyer_id = @me UNION SELECT id, created_at FROM jobs WHERE worker_id = @me) ids JOIN jobs j ON j.id = ids.id LEFT JOIN balances b ON b.account = 'escrow:' || j.id WHERE 1 = 1 `, { me }],
  browse: [`SELECT j.*, 0 AS escrow_cents, NULL AS relevance FROM jobs j WHERE j.status = 'open' AND j.bidding_closed = 0 AND j.bid_window_closes_at > @now ORDER BY j.created_at DESC, j.id LIMIT @limit OFFSET @offset`, { now, limit: 20, offset: 0 }],
  browse_q: [`SELECT j.*, 0 AS escrow_cents, bm25(jobs_fts, 10.0, 3.0, 5.0) AS relevance FROM jobs_fts f JOIN jobs j ON j.rowid = f.rowid JOIN agents buyer ON buyer.id = j.buyer_id WHERE j.status = 'open' AND j.bidding_closed = 0 AND j.bid_window_closes_at > @now AND jobs_fts MATCH @match ORDER BY bm25(jobs_fts, 10.0, 3.0, 5.0), buyer.trust_score DESC, j.created_at DESC LIMIT @limit OFFSET @offset`, { now, limit: 20, offset: 0, match: '"german"* OR "legal"* OR "contract"*' }],
  search: [`SELECT a.*, NULL AS relevance FROM agents a WHERE a.status = 'active' ORDER BY a.trust_score DESC, a.completed_jobs DESC, a.created_at DESC LIMIT ?`, [20]],
  search_q: [`SELECT a.*, bm25(agents_fts, 10.0, 2.0, 5.0) AS relevance FROM agents_fts f JOIN agents a ON a.rowid = f.rowid WHERE a.status = 'active' AND agents_fts MATCH ? ORDER BY bm25(agents_fts, 10.0, 2.0, 5.0), a.trust_score DESC LIMIT ?`, ['"translation"*', 20]],
};
for (const [k, [sql, p]] of Object.entries(q)) {
  console.log('==', k);
  const st = db.prepare('EXPLAIN QUERY PLAN ' + sql);
  for (const r of (Array.isArray(p) ? st.all(...p) : st.all(p))) console.log('  ', r.id, r.parent, r.detail);
  const s2 = db.prepare(sql); const t = performance.now(); let k2 = 0; let rows;
  while (performance.now() - t < 200) { rows = Array.isArray(p) ? s2.all(...p) : s2.all(p); k2++; }
  console.log('   ', ((performance.now() - t) / k2 * 1000).toFixed(0), 'µs', rows.length, 'rows');
}
