import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
for (const n of ['1000', '1000000']) {
const info = JSON.parse(readFileSync(`/tmp/vdev-${n}/info.json`));
const db = new Database(info.dbPath, { readonly: true });
const now = Date.now();
const q = (sql) => { const st = db.prepare(sql); let rows; for (let i = 0; i < 20; i++) rows = st.all({ now, limit: 20, offset: 0 }); const ts = []; for (let r = 0; r < 7; r++) { const t = performance.now(); for (let i = 0; i < 50; i++) rows = st.all({ now, limit: 20, offset: 0 }); ts.push((performance.now() - t) / 50 * 1000); } ts.sort((a, b) => a - b); return ts[3].toFixed(0) + 'µs'; };
const base = `FROM jobs j WHERE j.status = 'open' AND j.bidding_closed = 0 AND j.bid_window_closes_at > @now`;
console.log(n, 'full', q(`SELECT j.*, 0 AS escrow_cents, NULL AS relevance ${base} ORDER BY j.created_at DESC, j.id LIMIT @limit OFFSET @offset`),
  'no-id', q(`SELECT j.*, 0 AS escrow_cents, NULL AS relevance ${base} ORDER BY j.created_at DESC LIMIT @limit OFFSET @offset`),
  'ids-then-join', q(`SELECT j.*, 0 AS escrow_cents, NULL AS relevance FROM (SELECT j.rowid r ${base} ORDER BY j.created_at DESC, j.id LIMIT @limit OFFSET @offset) p JOIN jobs j ON j.rowid = p.r ORDER BY j.created_at DESC, j.id`),
  'count scanned', db.prepare(`SELECT COUNT(*) n ${base}`).get({ now }).n);
}
