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
  // eslint-disable-next-line no-control-regex -- U+0002/U+0003 are search's own match marks
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

/** Joins runs of text, merging neighbours that are both matched or both not. */
function joinSegments(...lists: TextSegment[][]): TextSegment[] {
  return toSegments(lists.flat().map((s) => (s.match ? `${MARK_START}${s.text}${MARK_END}` : s.text)).join(''));
}

type Kind = SearchHit['kind'];

/**
 * What an index row is, from its rowid (id * 8 + row kind). Migration 0001, in the exhibit's
 * language: 1 an artifact (title, and caption then translation as text), 2 a topic title (era:
 * title), 3 an essay paragraph, 4 a section introduction paragraph, 5 a section title. Migration
 * 0010, in another language (localized_text): 6 a title or a topic's era, 7 a text (a
 * recording's transcript paragraph among them, field 'text', and from migration 0013 a recording's
 * title, field 'title'). Migration 0012: 0 a transcript paragraph in the exhibit's language, as its
 * artifact's text. Migration 0013, the negative rowids (all eight kinds above were taken): 8 a
 * recording's title in the exhibit's language, -(id * 8), as its artifact's text.
 */
const rowKind = (rowid: number) => (rowid < 0 ? 8 + (-rowid % 8) : rowid % 8);
const isTitleRow = (rowid: number) => [2, 5, 6].includes(rowKind(rowid));

interface RankedRow {
  rowid: number;
  kind: Kind;
  owner_id: number;
  /** Title and snippet with matches marked; `text` (the whole marked text) for artifacts only. */
  title: string;
  text: string | null;
  snippet: string;
  /** A row in another language (migration 0010): its language and localized_text field; else null. */
  lang: string | null;
  field: string | null;
}

/** One item and its best rows, in rank order. */
interface Found {
  kind: Kind;
  ownerId: number;
  best: RankedRow;
  /** Rows whose title matched, best first, in any language. */
  titleRows: RankedRow[];
  /** The best row whose text matched. */
  textRow: RankedRow | null;
  /** An artifact's own row when only its title matched: its caption is the context shown. */
  contextRow: RankedRow | null;
}

/**
 * The index rows of one package version that match, best first: bm25 with a title worth five
 * times the text, in every language. ORDER BY rank lets FTS5 hand rows over in rank order with
 * no sort of SQLite's own (tests/unit/core/search.test.ts checks the plan), so the highlights,
 * snippets and language look-ups, the costly part, are made only for the rows read before the
 * page of items is full.
 */
export const RANKED_ROWS_SQL = `SELECT rowid, kind, owner_id,
    highlight(search_index, 0, @start, @end) AS title,
    CASE WHEN kind = 'artifact' THEN highlight(search_index, 1, @start, @end) END AS text,
    snippet(search_index, 1, @start, @end, '…', ${SNIPPET_TOKENS}) AS snippet,
    CASE WHEN rowid % 8 >= 6 THEN (SELECT lang FROM localized_text l WHERE l.id = search_index.rowid / 8) END AS lang,
    CASE WHEN rowid % 8 >= 6 THEN (SELECT field FROM localized_text l WHERE l.id = search_index.rowid / 8) END AS field
  FROM search_index
  WHERE search_index MATCH @match AND rank MATCH 'bm25(5.0, 1.0)' AND version_id = @version
  ORDER BY rank LIMIT ${MAX_ROWS}`;

interface Owner {
  slug: string;
  title: string;
  era: string | null;
  caption: string | null;
}

/** Prepares the search statements for one connection; the function answers the `search` verb. */
export function createSearch(db: Db) {
  const ranked = db.prepare<[{ start: string; end: string; match: string; version: number }], RankedRow>(RANKED_ROWS_SQL);
  const owners: Record<Kind, Statement<[number], Owner>> = {
    artifact: db.prepare('SELECT slug, title, NULL AS era, caption FROM artifacts WHERE id = ?'),
    topic: db.prepare('SELECT slug, title, era, NULL AS caption FROM topics WHERE id = ?'),
    section: db.prepare('SELECT slug, title, NULL AS era, NULL AS caption FROM sections WHERE id = ?'),
  };
  const exhibitLanguage = db.prepare<[number], { language: string }>('SELECT language FROM exhibits WHERE version_id = ?');
  const localTitles = db.prepare<[Kind, number, string], { field: 'title' | 'era'; text: string }>(
    "SELECT field, text FROM localized_text WHERE owner_kind = ? AND owner_id = ? AND lang = ? AND field IN ('title', 'era')",
  );

  /** Reads ranked rows, grouped by item, until `limit` items and one more (which only says "more"). */
  function collect(match: string, versionId: number, limit: number): Found[] {
    const items = new Map<string, Found>();
    for (const row of ranked.iterate({ start: MARK_START, end: MARK_END, match, version: versionId })) {
      const key = `${row.kind}:${row.owner_id}`;
      let item = items.get(key);
      if (!item) {
        items.set(key, (item = { kind: row.kind, ownerId: row.owner_id, best: row, titleRows: [], textRow: null, contextRow: null }));
        // Stop reading (and making snippets) once the page is full.
        if (items.size > limit) break;
      }
      if (isTitleRow(row.rowid)) item.titleRows.push(row);
      else if (rowKind(row.rowid) !== 1) item.textRow ??= row;
      else {
        // An artifact's own row holds its title and its text: either or both may have matched.
        if (row.title.includes(MARK_START)) item.titleRows.push(row);
        if (row.text?.includes(MARK_START)) item.textRow ??= row;
        else item.contextRow ??= row;
      }
    }
    return [...items.values()];
  }

  /** Where a text row matched: an artifact's caption or translation, a topic's essay, a section's introduction. */
  function textField(item: Found, row: RankedRow, owner: Owner): SearchField {
    if (item.kind === 'topic') return 'essay';
    if (item.kind === 'section') return 'introduction';
    // A recording's transcript paragraph (migration 0012): its own row, or its localized text.
    if (rowKind(row.rowid) === 0 || row.field === 'text') return 'transcript';
    // A recording's title (migration 0013), indexed as text so that the artifact's own title
    // stays the one shown and weighs more; the contract has no field of its own for it, and it is
    // a title: the snippet shows which one.
    if (rowKind(row.rowid) === 8 || row.field === 'title') return 'title';
    if (row.field !== null) return row.field === 'caption' ? 'caption' : 'translation';
    // One row holds the caption followed by the translation.
    const firstMatch = row.text?.indexOf(MARK_START) ?? -1;
    return owner.caption !== null && firstMatch < owner.caption.length ? 'caption' : 'translation';
  }

  /**
   * The item's title as the visitor reads it: each field in their language where the package has
   * it, else in the exhibit's; matches marked where a row in that same language matched.
   */
  function shownTitle(item: Found, owner: Owner, exhibit: string, lang: string): { title: TextSegment[]; lang: string } {
    const local = lang === exhibit ? [] : localTitles.all(item.kind, item.ownerId, lang);
    const pick = (field: 'title' | 'era', value: string | null) => {
      const text = local.find((l) => l.field === field)?.text;
      return text === undefined ? { text: value, lang: exhibit } : { text, lang };
    };
    const part = (field: 'title' | 'era', shown: { text: string | null; lang: string }): TextSegment[] => {
      const row = item.titleRows.find((r) => (r.lang ?? exhibit) === shown.lang && (r.field ?? 'title') === field && rowKind(r.rowid) !== 2);
      return row ? toSegments(row.title) : [{ text: shown.text ?? '', match: false }];
    };
    const title = pick('title', owner.title);
    const era = item.kind === 'topic' ? pick('era', owner.era) : { text: null, lang: exhibit };
    // A topic's row in the exhibit's language holds "era: title" as one title.
    const whole = item.titleRows.find((r) => rowKind(r.rowid) === 2);
    if (whole && title.lang === exhibit && era.lang === exhibit) return { title: toSegments(whole.title), lang: exhibit };
    const eraPart = era.text === null ? [] : [...part('era', era), { text: ': ', match: false }];
    return { title: joinSegments(eraPart, part('title', title)), lang: title.lang };
  }

  function toHit(item: Found, exhibit: string, lang: string): SearchHit | null {
    const owner = owners[item.kind].get(item.ownerId);
    if (!owner) return null;
    const { title, lang: titleLang } = shownTitle(item, owner, exhibit, lang);
    const rowLang = (row: RankedRow) => row.lang ?? exhibit;
    const bestIsTitle = item.titleRows[0] === item.best;
    const field = bestIsTitle || !item.textRow ? 'title' : textField(item, item.textRow, owner);
    const textRow = item.textRow ?? item.contextRow;
    if (textRow) return { kind: item.kind, id: owner.slug, title, titleLang, field, snippet: toSegments(textRow.snippet), snippetLang: rowLang(textRow) };
    // Only a title in another language matched: it shows the visitor what was found.
    const other = hasMatch(title) ? undefined : item.titleRows[0];
    const snippet = other ? toSegments(other.title) : [];
    return { kind: item.kind, id: owner.slug, title, titleLang, field, snippet, snippetLang: other ? rowLang(other) : titleLang };
  }

  /** Items matching `input` in live version `versionId`, titled in `lang` where the package has it. */
  return (versionId: number, input: string, limit = 20, lang?: string): SearchResults => {
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
    const exhibit = exhibitLanguage.get(versionId)?.language ?? 'en';
    const hits = items.slice(0, limit).flatMap((item) => toHit(item, exhibit, lang ?? exhibit) ?? []);
    return { hits, partial, more: items.length > limit };
  };
}
