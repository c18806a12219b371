/**
 * Full-text search over the live exhibit (issue 6). Visitors type on a touch keyboard: their
 * text is never passed to FTS5 as query syntax. It is cut into words, each quoted and made a
 * prefix term, so quotes, stars, NEAR, column filters or a lone hyphen can never raise a syntax
 * error. Items holding every word come first; when none does, items holding some are shown and
 * flagged `partial`. Results are ranked by bm25 with titles weighing more than text, and come
 * back with their matches flagged as text segments (never HTML): the renderer draws text only.
 *
 * The index (migration 0001) holds one row per title, caption-and-translation, essay paragraph
 * and section introduction paragraph, tokenized by unicode61 with Latin diacritics folded
 * ("detente" finds "détente") and a 2-3 letter prefix index for type-ahead.
 */
import type { Statement } from 'better-sqlite3';
import type { SearchField, SearchHit, SearchResults, TextSegment } from '../../contract/types';
import type { Db } from './connection';

/** Highlight markers: control characters, which package text (plain prose) does not use. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const MAX_TERMS = 8;
// Rows read at most: a full page of items even when every essay paragraph of a topic matches.
const MAX_ROWS = 400;
const SNIPPET_TOKENS = 24;

// A word: letters, digits and combining marks, held together across an inner hyphen or
// apostrophe ("Lend-Lease", "country's"), which FTS5 then matches as adjacent words.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’‐-][\p{L}\p{N}\p{M}]+)*/gu;
// In a /u pattern a surrogate range matches only unpaired halves (paired ones are one code point).
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** The distinct words of a visitor's query, lowercased, at most eight. */
export function searchTerms(input: string): string[] {
  const text = input.replace(LONE_SURROGATE, ' ').normalize('NFKC').toLowerCase();
  return [...new Set(text.match(WORD) ?? [])].slice(0, MAX_TERMS);
}

/**
 * Russian text often writes ё as е, and unicode61 folds neither into the other: a word with
 * е or ё is also looked for with each one of them swapped ("хрущев" finds "Хрущёв").
 */
function yoForms(word: string): string[] {
  const forms = [word];
  let swaps = 0;
  for (let i = 0; i < word.length && swaps < 4; i++) {
    const swap = word[i] === 'е' ? 'ё' : word[i] === 'ё' ? 'е' : null;
    if (!swap) continue;
    forms.push(word.slice(0, i) + swap + word.slice(i + 1));
    swaps++;
  }
  return forms;
}

function termExpression(word: string): string {
  // A lone letter as a prefix would match most of the exhibit and is FTS5's slowest query (the
  // prefix index starts at two letters): it counts as a whole word only.
  const star = [...word].length > 1 ? '*' : '';
  // Inside double quotes FTS5 reads only words; a word can hold no quote (see WORD).
  const forms = yoForms(word).map((form) => `"${form}"${star}`);
  return forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`;
}

/**
 * Turns free text into a safe FTS5 MATCH expression: every word as a quoted prefix term (a lone
 * letter as a word), all of them required (`all`) or any one enough (`any`). Null when the text
 * holds no word at all.
 */
export function buildMatchQuery(input: string, mode: 'all' | 'any' = 'all'): string | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  // Explicit AND: FTS5 joins bare phrases implicitly, but not a phrase and a parenthesis.
  return terms.map(termExpression).join(mode === 'all' ? ' AND ' : ' OR ');
}

/** Splits marked text (MARK_START … MARK_END around matches) into segments. */
export function toSegments(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let match = false;
  for (const part of marked.split(/([\u0002\u0003])/)) {
    if (part === MARK_START || part === MARK_END) match = part === MARK_START;
    else if (part) {
      const last = segments.at(-1);
      if (last && last.match === match) last.text += part;
      else segments.push({ text: part, match });
    }
  }
  return segments;
}

const hasMatch = (segments: TextSegment[]) => segments.some((s) => s.match);

type Kind = SearchHit['kind'];

/**
 * What an index row is, from its rowid (migration 0001: owner id * 8 + row kind): 1 an artifact
 * (title, and caption then translation as text), 2 a topic title, 3 an essay paragraph, 4 a
 * section introduction paragraph, 5 a section title.
 */
const isTitleRow = (rowid: number) => rowid % 8 === 2 || rowid % 8 === 5;

interface RankedRow {
  rowid: number;
  kind: Kind;
  owner_id: number;
  /** Title and snippet with matches marked; `text` (the whole marked text) for artifacts only. */
  title: string;
  text: string | null;
  snippet: string;
}

/** One item and its best rows, in rank order. */
interface Found {
  kind: Kind;
  ownerId: number;
  best: RankedRow;
  titleRow: RankedRow | null;
  textRow: RankedRow | null;
}

/**
 * The index rows of one package version that match, best first: bm25 with a title worth five
 * times the text. ORDER BY rank lets FTS5 hand rows over in rank order with no sort of SQLite's
 * own (tests/unit/core/search.test.ts checks the plan), so the highlights and snippets, the
 * costly part, are made only for the rows read before the page of items is full.
 */
export const RANKED_ROWS_SQL = `SELECT rowid, kind, owner_id,
    highlight(search_index, 0, @start, @end) AS title,
    CASE WHEN kind = 'artifact' THEN highlight(search_index, 1, @start, @end) END AS text,
    snippet(search_index, 1, @start, @end, '…', ${SNIPPET_TOKENS}) AS snippet
  FROM search_index
  WHERE search_index MATCH @match AND rank MATCH 'bm25(5.0, 1.0)' AND version_id = @version
  ORDER BY rank LIMIT ${MAX_ROWS}`;

/** Prepares the search statements for one connection; the function answers the `search` verb. */
export function createSearch(db: Db) {
  const ranked = db.prepare<[{ start: string; end: string; match: string; version: number }], RankedRow>(RANKED_ROWS_SQL);
  const owners: Record<Kind, Statement<[number], { slug: string; title: string; caption: string | null }>> = {
    artifact: db.prepare('SELECT slug, title, caption FROM artifacts WHERE id = ?'),
    topic: db.prepare("SELECT slug, coalesce(era || ': ', '') || title AS title, NULL AS caption FROM topics WHERE id = ?"),
    section: db.prepare('SELECT slug, title, NULL AS caption FROM sections WHERE id = ?'),
  };

  /** Reads ranked rows, grouped by item, until `limit` items and one more (which only says "more"). */
  function collect(match: string, versionId: number, limit: number): Found[] {
    const items = new Map<string, Found>();
    for (const row of ranked.iterate({ start: MARK_START, end: MARK_END, match, version: versionId })) {
      const key = `${row.kind}:${row.owner_id}`;
      let item = items.get(key);
      if (!item) {
        items.set(key, (item = { kind: row.kind, ownerId: row.owner_id, best: row, titleRow: null, textRow: null }));
        // Stop reading (and making snippets) once the page is full.
        if (items.size > limit) break;
      }
      if (isTitleRow(row.rowid)) item.titleRow ??= row;
      else item.textRow ??= row;
    }
    return [...items.values()];
  }

  function toHit(item: Found): SearchHit | null {
    const owner = owners[item.kind].get(item.ownerId);
    if (!owner) return null;
    const { best } = item;
    if (item.kind === 'artifact') {
      // One row holds the title and, as its text, the caption followed by the translation.
      const title = toSegments(best.title);
      const firstMatch = best.text?.indexOf(MARK_START) ?? -1;
      const field: SearchField = hasMatch(title) ? 'title' : owner.caption !== null && firstMatch < owner.caption.length ? 'caption' : 'translation';
      return { kind: 'artifact', id: owner.slug, title, field, snippet: toSegments(best.snippet) };
    }
    const title = item.titleRow ? toSegments(item.titleRow.title) : [{ text: owner.title, match: false }];
    const snippet = item.textRow ? toSegments(item.textRow.snippet) : [];
    const field: SearchField = best === item.titleRow ? 'title' : item.kind === 'topic' ? 'essay' : 'introduction';
    return { kind: item.kind, id: owner.slug, title, field, snippet };
  }

  return (versionId: number, input: string, limit = 20): SearchResults => {
    const all = buildMatchQuery(input, 'all');
    if (!all) return { hits: [], partial: false, more: false };
    let items = collect(all, versionId, limit);
    let partial = false;
    // Nothing holds every word: show what holds some of them, and say so.
    const any = buildMatchQuery(input, 'any')!;
    if (items.length === 0 && any !== all) {
      items = collect(any, versionId, limit);
      partial = items.length > 0;
    }
    const hits = items.slice(0, limit).flatMap((item) => toHit(item) ?? []);
    return { hits, partial, more: items.length > limit };
  };
}
