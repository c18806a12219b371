/**
 * Full-text search over the live exhibit. Visitors type on a touch keyboard: their text is
 * never passed to FTS5 as query syntax. It is cut into words, each quoted and made a prefix
 * term, so quotes, stars, NEAR or a lone hyphen can never raise a syntax error.
 */
import type { SearchHit } from '../../contract/types';
import type { Db } from './connection';

/** Snippet markers: control characters that cannot occur in package text (it is plain text). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const MAX_TERMS = 8;

/** Turns free text into a safe FTS5 MATCH expression, or null when it holds no word at all. */
export function buildMatchQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const unique = [...new Set(words)].slice(0, MAX_TERMS);
  return unique.map((w) => `"${w}"*`).join(' ');
}

/** Prepares the search statements for one connection. */
export function createSearch(db: Db) {
  // Rank every matching row (title hits weigh more than body hits); candidates are capped so a
  // one-letter query over a huge exhibit stays fast.
  const matches = db.prepare<[string, number], { kind: SearchHit['kind']; owner_id: number; snippet: string }>(
    `SELECT kind, owner_id, snippet(search_index, -1, '${MARK_START}', '${MARK_END}', '…', 16) AS snippet
     FROM search_index WHERE search_index MATCH ? AND version_id = ?
     ORDER BY bm25(search_index, 5.0, 1.0) LIMIT 400`,
  );
  const titles = {
    artifact: db.prepare<[number], { slug: string; title: string }>('SELECT slug, title FROM artifacts WHERE id = ?'),
    topic: db.prepare<[number], { slug: string; title: string }>("SELECT slug, coalesce(era || ': ', '') || title AS title FROM topics WHERE id = ?"),
    section: db.prepare<[number], { slug: string; title: string }>('SELECT slug, title FROM sections WHERE id = ?'),
  };
  return (versionId: number, input: string, limit = 20): SearchHit[] => {
    const match = buildMatchQuery(input);
    if (!match) return [];
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    // Rows come best first: keep the first (best) row of each topic, artifact or section.
    for (const row of matches.all(match, versionId)) {
      const key = `${row.kind}:${row.owner_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const owner = titles[row.kind].get(row.owner_id);
      if (owner) hits.push({ kind: row.kind, id: owner.slug, title: owner.title, snippet: row.snippet });
      if (hits.length >= limit) break;
    }
    return hits;
  };
}
