// @vitest-environment node
/**
 * Search (issue 6): the query builder turns anything a visitor can type into a safe FTS5
 * expression, and the search itself ranks, folds diacritics, matches prefixes and Cyrillic, says
 * where each match is, and flags matches as text segments. Hostile queries are run against real
 * FTS5 tables, never only inspected as strings.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackage } from '../../../src-main/core/packages/importer';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { buildMatchQuery, createSearch, RANKED_ROWS_SQL, searchTerms, toSegments } from '../../../src-main/core/store/search';
import type { SearchResults } from '../../../src-main/contract/types';
import { makePackage, tempDir } from '../../helpers/packages';
import { searchSource } from '../../helpers/search-source';

/** What visitors (or a cat on the keyboard) could send: FTS5 syntax, operators, garbage. */
const HOSTILE = [
  '"', '""', '"unterminated', '*', '**', 'a*b', '*stalin', 'NEAR(', 'NEAR(a b)', 'NEAR(a b, 3)', '-', '--', '- -', '-stalin', '^', '^stalin',
  ':', 'title:stalin', 'body : x', '(', ')', '()', '((a)', 'a OR b', 'AND', 'OR', 'NOT', 'a AND NOT b', 'NOT NOT', 'x" OR "1', '{title body}: x',
  "'; DROP TABLE artifacts; --", '\u0000', '\u0002match\u0003', '!!!', '?', '.', '…', '+', '\\', '/', '%_', '\uD800', '\uDC00\uD800', 'a\uD83Dz', '😀',
  'stalin\uD800potsdam', ' '.repeat(200),
];

/** A fixed pseudo-random generator, so the garbage is the same on every run. */
function garbage(seed: number, length: number): string {
  const alphabet = ['"', '*', '(', ')', '-', '^', ':', '+', ' ', 'a', 'Z', 'é', 'ж', '1', '\uD800', '\uDFFF', 'NEAR', 'OR', 'AND', 'NOT', '{', '}', '\u0301', "'", 'е', 'ё', 'Хрущёв', 'ещё'];
  let s = '';
  let x = seed;
  while (s.length < length) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    s += alphabet[x % alphabet.length];
  }
  return s.slice(0, length);
}
const GARBAGE = Array.from({ length: 40 }, (_, i) => garbage(i + 1, 200));

describe('buildMatchQuery', () => {
  it('makes each word a quoted prefix term, all of them required', () => {
    expect(buildMatchQuery('Famine relief')).toBe('"famine"* AND "relief"*');
    expect(buildMatchQuery('Famine relief', 'any')).toBe('"famine"* OR "relief"*');
  });

  it('takes a lone letter as a whole word, not a prefix of most of the exhibit', () => {
    expect(buildMatchQuery('s')).toBe('"s"');
    expect(buildMatchQuery('World War I')).toBe('"world"* AND "war"* AND "i"');
    expect(buildMatchQuery('ё')).toBe('("ё" OR "е")');
  });

  it('keeps a hyphenated or apostrophed word together, so FTS5 matches it as adjacent words', () => {
    expect(buildMatchQuery('Lend-Lease')).toBe('"lend-lease"*');
    expect(buildMatchQuery("country's")).toBe('"country\'s"*');
    expect(buildMatchQuery('-lend- lease-')).toBe('"lend"* AND "lease"*');
  });

  it('returns null when there is no word to look for', () => {
    for (const input of ['', '   ', '"', '***', '()', '- -', '^', ':', '!!!', '…', '\uD800', '\uDC00\uD800', '😀', '\u0000']) expect(buildMatchQuery(input)).toBeNull();
  });

  it('neutralises FTS5 syntax: only quoted terms remain, with no bare operator, column filter or stray quote', () => {
    const term = String.raw`"[\p{L}\p{N}\p{M}'’‐-]+"\*?`;
    const shape = new RegExp(`^${term}( AND ${term})*$`, 'u');
    for (const input of ['"unterminated', 'a OR b', 'NEAR(a b)', 'title:stalin', 'a AND NOT b', 'x" OR "1', "'; DROP TABLE artifacts; --", '^stalin', '*stalin*']) {
      expect(buildMatchQuery(input), input).toMatch(shape);
    }
    expect(buildMatchQuery('a AND NOT b')).toBe('"a" AND "and"* AND "not"* AND "b"');
  });

  it('keeps letters of any script, folds case and width, and limits the number of terms', () => {
    expect(buildMatchQuery('Сталин Потсдам')).toBe('"сталин"* AND "потсдам"*');
    expect(buildMatchQuery('ＳＴＡＬＩＮ')).toBe('"stalin"*');
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(8);
    expect(searchTerms('war WAR War')).toEqual(['war']);
  });

  it('splits words at unpaired surrogates and keeps paired ones intact', () => {
    expect(searchTerms('stalin\uD800potsdam')).toEqual(['stalin', 'potsdam']);
    expect(searchTerms('𝐀bc')).toEqual(['abc']);
  });

  it('looks for Russian е and ё either way', () => {
    expect(buildMatchQuery('хрущев')).toBe('("хрущев"* OR "хрущёв"*)');
    expect(buildMatchQuery('Хрущёв')).toBe('("хрущёв"* OR "хрущев"*)');
    expect(buildMatchQuery('еще')).toBe('("еще"* OR "ёще"* OR "ещё"*)');
    expect(buildMatchQuery('Union конфе')).toBe('"union"* AND ("конфе"* OR "конфё"*)');
  });

  it('never gives FTS5 an expression it refuses, whatever the input', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')");
    db.prepare('INSERT INTO t (title, body) VALUES (?, ?)').run('Stalin at Potsdam', 'Lend-Lease matériel; Хрущёв');
    const match = db.prepare('SELECT rowid FROM t WHERE t MATCH ?');
    for (const input of [...HOSTILE, ...GARBAGE]) {
      for (const mode of ['all', 'any'] as const) {
        const q = buildMatchQuery(input, mode);
        if (q !== null) expect(() => match.all(q), JSON.stringify(input)).not.toThrow();
      }
    }
    db.close();
  });
});

describe('toSegments', () => {
  it('splits marked text into plain and matched runs', () => {
    expect(toSegments('…the \u0002Lend-Lease\u0003 act of \u00021941\u0003')).toEqual([
      { text: '…the ', match: false },
      { text: 'Lend-Lease', match: true },
      { text: ' act of ', match: false },
      { text: '1941', match: true },
    ]);
    expect(toSegments('')).toEqual([]);
    expect(toSegments('\u0002\u0003plain')).toEqual([{ text: 'plain', match: false }]);
  });
});

describe('search on a real store', () => {
  let root: ReturnType<typeof tempDir>;
  let store: Store;
  let search: (query: string, limit?: number) => SearchResults;

  beforeAll(async () => {
    root = tempDir();
    store = openStore(join(root.path, 'vitrine.sqlite'));
    const mediaDir = join(root.path, 'media');
    // Version 1 goes live, then version 2 replaces it; version 1 stays for rollback.
    await importPackage(store, await makePackage(root.path, searchSource('1.0.0'), 'v1'), { mediaDir, source: 'test' });
    await importPackage(store, await makePackage(root.path, searchSource('2.0.0'), 'v2'), { mediaDir, source: 'test' });
    const find = createSearch(store.db);
    search = (query, limit) => find(store.liveVersionId()!, query, limit);
  });
  afterAll(() => {
    store.close();
    root.cleanup();
  });

  const ids = (r: SearchResults) => r.hits.map((h) => `${h.kind}:${h.id}`);
  const matched = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);

  it('folds diacritics: "detente" finds "détente" in a section introduction', () => {
    const r = search('detente');
    expect(r.hits[0]).toMatchObject({ kind: 'section', id: 'letters', field: 'introduction' });
    expect(matched(r.hits[0]!.snippet)).toEqual(['détente']);
  });

  it('matches prefixes: "lend" finds the Lend-Lease topic by its title and an artifact by its caption', () => {
    const r = search('lend');
    expect(ids(r)).toEqual(expect.arrayContaining(['topic:lend-lease', 'artifact:convoy-map']));
    const topic = r.hits.find((h) => h.id === 'lend-lease')!;
    expect(topic.field).toBe('title');
    expect(matched(topic.title)).toEqual(['Lend']);
    expect(topic.title.map((s) => s.text).join('')).toBe('World War II: Lend-Lease');
    // The title matched; the essay paragraph that also matched gives the words around it.
    expect(matched(topic.snippet)).toContain('Lend');
  });

  it('ranks a title match above a match in the text', () => {
    const r = search('convoy');
    expect(r.hits[0]).toMatchObject({ kind: 'artifact', id: 'convoy-map', field: 'title' });
    expect(r.hits.find((h) => h.id === 'telegram')?.field).toBe('caption');
  });

  it('says whether an artifact matched in its caption or its translation', () => {
    expect(search('Potsdam').hits.find((h) => h.id === 'telegram')?.field).toBe('caption');
    const russian = search('Потсдам');
    expect(russian.hits[0]).toMatchObject({ kind: 'artifact', id: 'telegram', field: 'translation' });
    expect(matched(russian.hits[0]!.snippet)).toEqual(['Потсдам']);
  });

  it('finds Cyrillic by prefix, in any case, with е for ё', () => {
    for (const q of ['хрущ', 'ХРУЩЁВ', 'хрущев']) {
      const r = search(q);
      expect(ids(r), q).toContain('artifact:letter');
      expect(r.hits.find((h) => h.id === 'letter')!.field).toBe('title');
    }
  });

  it('finds an essay paragraph and says so', () => {
    const r = search('murmansk matériel');
    expect(r.hits[0]).toMatchObject({ kind: 'topic', id: 'lend-lease', field: 'essay' });
    expect(r.hits[0]!.title).toEqual([{ text: 'World War II: Lend-Lease', match: false }]);
    expect(matched(r.hits[0]!.snippet)).toEqual(['matériel', 'Murmansk']);
    expect(r.partial).toBe(false);
  });

  it('cuts long text around the match, marking the cut', () => {
    const snippet = search('finale').hits[0]!.snippet.map((s) => s.text).join('');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThan(300);
  });

  it('when no item holds every word, finds the items holding some, and says so', () => {
    const r = search('potsdam qqqzzx');
    expect(r.partial).toBe(true);
    expect(ids(r)).toContain('artifact:telegram');
    expect(search('qqqzzx wwwvvv')).toEqual({ hits: [], partial: false, more: false });
  });

  it('searches only the live version', () => {
    expect(ids(search('version'))).toEqual(['section:letters']);
    expect(search('version').hits[0]!.snippet.map((s) => s.text).join('')).toContain('second version');
    expect(search('first').hits).toEqual([]);
  });

  it('gives at most `limit` items and says when there are more', () => {
    const all = search('object');
    expect(all.hits.length).toBeGreaterThan(3);
    expect(all.more).toBe(false);
    const few = search('object', 3);
    expect(few.hits).toEqual(all.hits.slice(0, 3));
    expect(few.more).toBe(true);
  });

  it('never throws on hostile or nonsense queries: it finds what it can or nothing', () => {
    for (const input of [...HOSTILE, ...GARBAGE]) {
      const r = search(input);
      expect(Array.isArray(r.hits), JSON.stringify(input)).toBe(true);
    }
    expect(ids(search('"Potsdam'))).toContain('artifact:telegram');
    expect(ids(search('title:potsdam'))).toContain('artifact:telegram');
    expect(ids(search('NEAR(lend'))).toContain('topic:lend-lease');
  });

  it('lets FTS5 hand rows over best first: no sort of its own in the query plan', () => {
    const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${RANKED_ROWS_SQL}`).all({ start: '[', end: ']', match: '"lend"*', version: 1 }) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
