import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
for (const n of ['1000', '1000000']) {
  const info = JSON.parse(readFileSync(`/tmp/vdev-${n}/info.json`));
  const db = new Database(info.dbPath, { readonly: true });
  const time = (st, args) => { for (let i = 0; i < 3; i++) st.all(...args); const ts = []; for (let r = 0; r < 5; r++) { const t = performance.now(); for (let i = 0; i < 10; i++) st.all(...args); ts.push((performance.now() - t) / 10 * 1000); } return ts.sort((a, b) => a - b)[2].toFixed(0); };
  for (const [q, caps, minTrust] of [['"translation"* OR "legal"*', null, null], ['"translation"* OR "legal"*', ['legal', 'german'], null], ['"bot"*', null, 60], ['"ka"*', null, null]]) {
    const where = ["a.status = 'active'", 'agents_fts MATCH ?']; const args = [q];
    if (caps) { where.push(`a.id IN (SELECT agent_id FROM agent_capabilities WHERE capability IN (${caps.map(() => '?').join(',')}))`); args.push(...caps); }
    if (minTrust != null) { where.push('a.trust_score >= ?'); args.push(minTrust); }
    const rel = 'bm25(agents_fts, 10.0, 2.0, 5.0)';
    const from = 'agents_fts f JOIN agents a ON a.rowid = f.rowid';
    const oldSt = db.prepare(`SELECT a.*, ${rel} AS relevance FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${rel}, a.trust_score DESC LIMIT ?`);
    const newSt = db.prepare(`SELECT a.*, page.relevance FROM (SELECT a.rowid AS rid, ${rel} AS relevance, a.trust_score AS trust FROM ${from} WHERE ${where.join(' AND ')} ORDER BY relevance, trust DESC LIMIT ?) page JOIN agents a ON a.rowid = page.rid ORDER BY page.relevance, page.trust DESC`);
    const A = [...args, 20];
    console.log(n, q.slice(0, 20).padEnd(20), caps ? 'caps' : '    ', minTrust ?? '  ', JSON.stringify(oldSt.all(...A)) === JSON.stringify(newSt.all(...A)) ? 'SAME' : 'DIFF', 'old', time(oldSt, A), 'new', time(newSt, A));
  }
}
