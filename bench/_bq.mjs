import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
for (const n of ['1000', '1000000']) {
  const info = JSON.parse(readFileSync(`/tmp/vdev-${n}/info.json`));
  const db = new Database(info.dbPath, { readonly: true });
  if (process.env.MMAP) db.pragma('mmap_size = ' + process.env.MMAP);
  if (process.env.CACHE) db.pragma('cache_size = ' + process.env.CACHE);
  const p = { now: Date.now(), limit: 20, offset: 0, match: '"german"* OR "legal"* OR "contract"*' };
  const where = `j.status = 'open' AND j.bidding_closed = 0 AND j.bid_window_closes_at > @now AND jobs_fts MATCH @match`;
  const from = `jobs_fts f JOIN jobs j ON j.rowid = f.rowid JOIN agents buyer ON buyer.id = j.buyer_id`;
  const oldSql = `SELECT j.*, 0 AS escrow_cents, bm25(jobs_fts, 10.0, 3.0, 5.0) AS relevance FROM ${from} WHERE ${where} ORDER BY bm25(jobs_fts, 10.0, 3.0, 5.0), buyer.trust_score DESC, j.created_at DESC LIMIT @limit OFFSET @offset`;
  const newSql = `SELECT j.*, 0 AS escrow_cents, page.relevance FROM (SELECT j.rowid AS rid, bm25(jobs_fts, 10.0, 3.0, 5.0) AS relevance, buyer.trust_score AS trust, j.created_at AS created FROM ${from} WHERE ${where} ORDER BY relevance, trust DESC, created DESC LIMIT @limit OFFSET @offset) page JOIN jobs j ON j.rowid = page.rid ORDER BY page.relevance, page.trust DESC, page.created DESC`;
  const matchOnly = `SELECT COUNT(*) FROM jobs_fts WHERE jobs_fts MATCH @match`;
  const bm25Only = `SELECT f.rowid, bm25(jobs_fts, 10.0, 3.0, 5.0) r FROM jobs_fts f WHERE jobs_fts MATCH @match ORDER BY r LIMIT 20`;
  const time = (sql) => { const st = db.prepare(sql); for (let i = 0; i < 5; i++) st.all(p); const ts = []; for (let r = 0; r < 5; r++) { const t = performance.now(); for (let i = 0; i < 10; i++) st.all(p); ts.push((performance.now() - t) / 10 * 1000); } return ts.sort((a, b) => a - b)[2].toFixed(0); };
  console.log(n, 'same', JSON.stringify(db.prepare(oldSql).all(p)) === JSON.stringify(db.prepare(newSql).all(p)), 'old', time(oldSql), 'new', time(newSql), 'fts count', time(matchOnly), 'fts bm25 top20', time(bm25Only));
}
