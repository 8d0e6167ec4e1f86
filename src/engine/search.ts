/**
 * Full-text search in each store's own engine: SQLite's FTS5 (bm25) and PostgreSQL's text search
 * (a weighted tsvector per row, ts_rank). The tables are made by the same migration
 * (src/engine/migrations.ts: `postgresDdl` turns the FTS5 table into a tsvector table with the
 * same columns), written by the same statements; only the match and the rank differ, here.
 * Both rank lower first (bm25 is negative; ts_rank is negated), so the queries around them and
 * the `relevance` they report are the same.
 */
import type { DB } from './db.js';

/** Column weights of each index, in its columns' order (FTS5's bm25 takes them as they are). */
const WEIGHTS = { agents_fts: [10, 2, 5], jobs_fts: [10, 3, 5] } as const;

/**
 * The rank expression and the match condition for the FTS table `table` aliased `f`, matching
 * the query in the parameter @match (made by `ftsQuery` for the same database).
 */
export function fts(db: DB, table: keyof typeof WEIGHTS): { rank: string; match: string } {
  const w = WEIGHTS[table];
  if (db.dialect === 'sqlite') return { rank: `bm25(${table}, ${w.map((x) => x.toFixed(1)).join(', ')})`, match: `${table} MATCH @match` };
  // The migration weighs the columns A, C, B (first, second, third); ts_rank takes {D, C, B, A}.
  const rel = (x: number) => +(x / w[0]).toFixed(3);
  // A subquery: the query is parsed once per statement (an InitPlan), not once per row it is matched or ranked against.
  const q = "(SELECT to_tsquery('simple', @match))";
  return { rank: `-ts_rank('{0.1, ${rel(w[1])}, ${rel(w[2])}, 1.0}', f.doc, ${q})`, match: `f.doc @@ ${q}` };
}

/**
 * Free text → a query of the database's full-text engine: each word becomes a prefix term,
 * OR-ed, so user input can never be query syntax (no injection, no syntax errors) and partial
 * words still match. Words are letters and digits only, at most 20.
 */
export function ftsQuery(db: DB, q: string | undefined): string | null {
  const words = (q ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 20) ?? [];
  if (!words.length) return null;
  return db.dialect === 'sqlite' ? words.map((w) => `"${w}"*`).join(' OR ') : words.map((w) => `${w}:*`).join(' | ');
}
