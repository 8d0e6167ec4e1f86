import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
for (const n of ['1000', '1000000']) {
  const info = JSON.parse(readFileSync(`/tmp/vdev-${n}/info.json`));
  const db = new Database(info.dbPath, { readonly: true });
  let c = 0; db.function('seen', { deterministic: false }, () => (c++, 1));
  const now = Date.now();
  for (const [label, order] of [['id tiebreak', 'j.created_at DESC, j.id'], ['rowid tiebreak', 'j.created_at DESC, j.rowid DESC'], ['no tiebreak', 'j.created_at DESC']]) {
    c = 0;
    db.prepare(`SELECT j.* FROM jobs j WHERE j.status = 'open' AND j.bidding_closed = 0 AND j.bid_window_closes_at > @now AND seen() ORDER BY ${order} LIMIT 20`).all({ now });
    console.log(n, label.padEnd(16), 'rows visited', c);
  }
}
