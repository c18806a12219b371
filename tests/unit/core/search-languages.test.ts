// @vitest-environment node
/**
 * Search over every language a package gives (issue 6, migration 0010): a Russian visitor finds
 * the Russian text a package carries, marked in that text, and reads results titled in Russian
 * where the package has it (each field falling back to the exhibit's language). Real SQLite, a
 * real package with Russian text beside its English.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit, SearchResults } from '../../../src-main/contract/types';
import { importPackage } from '../../../src-main/core/packages/importer';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { MIGRATIONS } from '../../../src-main/core/store/migrations/index';
import { createSearch } from '../../../src-main/core/store/search';
import { makePackage, tempDir } from '../../helpers/packages';
import { searchSource } from '../../helpers/search-source';

/** searchSource with Russian beside some of its English: titles, an era, paragraphs, captions. */
function russianSource() {
  const source = searchSource('1.0.0');
  const { exhibit, artifacts } = source;
  exhibit.languages = ['ru'];
  const section = exhibit.sections[0];
  section.introduction[0] = { en: section.introduction[0], ru: 'Разрядка 1972 года смягчила напряжённость.' };
  const [lendLease, famine] = section.topics;
  lendLease.title = { en: 'Lend-Lease', ru: 'Ленд-лиз' };
  lendLease.era = { en: 'World War II', ru: 'Вторая мировая война' };
  lendLease.body[0].text = { en: lendLease.body[0].text, ru: 'Грузы по ленд-лизу доходили до Мурманска с арктическими судами.' };
  // Only the title in Russian: the era falls back to English.
  famine.title = { en: 'Famine Relief', ru: 'Помощь голодающим' };
  const convoy = artifacts.find((a: { id: string }) => a.id === 'convoy-map');
  convoy.title = { en: 'Arctic Convoy Map', ru: 'Карта арктических конвоев' };
  const telegram = artifacts.find((a: { id: string }) => a.id === 'telegram');
  telegram.caption = { en: telegram.caption, ru: 'Отправлена из Потсдама в июле 1945 года, о конвое.' };
  return source;
}

const matched = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);
const plain = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
const hit = (r: SearchResults, id: string): SearchHit => r.hits.find((h) => h.id === id) ?? expect.fail(`no hit ${id} in ${JSON.stringify(r.hits.map((h) => h.id))}`);

describe('search in every language of a package', () => {
  let root: ReturnType<typeof tempDir>;
  let store: Store;
  let search: (query: string, lang?: string) => SearchResults;

  beforeAll(async () => {
    root = tempDir();
    store = openStore(join(root.path, 'vitrine.sqlite'));
    await importPackage(store, await makePackage(root.path, russianSource()), { mediaDir: join(root.path, 'media'), source: 'test' });
    const find = createSearch(store.db);
    search = (query, lang) => find(store.liveVersionId()!, query, 20, lang);
  });
  afterAll(() => {
    store.close();
    root.cleanup();
  });

  it('finds "ленд-лиз" in a Russian title, titled and marked in Russian for a Russian visitor', () => {
    const r = search('ленд-лиз', 'ru');
    expect(r.hits[0]).toMatchObject({ kind: 'topic', id: 'lend-lease', field: 'title', titleLang: 'ru' });
    expect(plain(r.hits[0]!.title)).toBe('Вторая мировая война: Ленд-лиз');
    expect(matched(r.hits[0]!.title)).toEqual(['Ленд-лиз']);
  });

  it('finds any word of a Russian paragraph by prefix, with the snippet marked in that text', () => {
    const r = search('мурманск', 'ru');
    expect(r.hits[0]).toMatchObject({ kind: 'topic', id: 'lend-lease', field: 'essay', snippetLang: 'ru' });
    expect(matched(r.hits[0]!.snippet)).toEqual(['Мурманска']);
    expect(plain(r.hits[0]!.snippet)).toContain('арктическими судами');
    expect(matched(search('напряжен', 'ru').hits[0]!.snippet)).toEqual(['напряжённость']);
  });

  it('titles a result in the exhibit\'s language for an English visitor, snippet still in Russian', () => {
    const r = search('мурманск', 'en');
    expect(r.hits[0]).toMatchObject({ id: 'lend-lease', titleLang: 'en', snippetLang: 'ru' });
    expect(plain(r.hits[0]!.title)).toBe('World War II: Lend-Lease');
    // A Russian title matched, an English one shown: the match is shown as the snippet.
    const title = hit(search('карта', 'en'), 'convoy-map');
    expect(title).toMatchObject({ field: 'title', titleLang: 'en', snippetLang: 'ru', title: [{ text: 'Arctic Convoy Map', match: false }] });
    expect(matched(title.snippet)).toEqual(['Карта']);
  });

  it('falls back to the exhibit\'s language field by field', () => {
    const r = search('помощь', 'ru');
    expect(hit(r, 'famine')).toMatchObject({ field: 'title', titleLang: 'ru' });
    expect(hit(r, 'famine').title).toEqual([
      { text: 'Early Cooperation: ', match: false },
      { text: 'Помощь', match: true },
      { text: ' голодающим', match: false },
    ]);
    // Untranslated items keep their English titles for a Russian visitor.
    expect(plain(hit(search('object', 'ru'), 'object-1').title)).toBe('Object 1');
  });

  it('still finds the English text, titled in Russian for a Russian visitor', () => {
    const r = search('murmansk', 'ru');
    expect(r.hits[0]).toMatchObject({ id: 'lend-lease', field: 'essay', titleLang: 'ru', snippetLang: 'en' });
    expect(plain(r.hits[0]!.title)).toBe('Вторая мировая война: Ленд-лиз');
    expect(matched(r.hits[0]!.snippet)).toEqual(['Murmansk']);
  });

  it('ranks a Russian title match above a Russian caption match', () => {
    const r = search('конво', 'ru');
    expect(r.hits.map((h) => [h.id, h.field])).toEqual([
      ['convoy-map', 'title'],
      ['telegram', 'caption'],
    ]);
    expect(r.hits[1]).toMatchObject({ snippetLang: 'ru' });
    expect(matched(r.hits[1]!.snippet)).toEqual(['конвое']);
  });

  it('keeps the index in step with the texts: an edited text is found by its new words, a removed one no more', () => {
    const db = store.db;
    db.prepare("UPDATE localized_text SET text = 'Ленд-лиз и поставки' WHERE owner_kind = 'topic' AND field = 'title' AND lang = 'ru'").run();
    expect(hit(search('поставки', 'ru'), 'lend-lease').field).toBe('title');
    db.prepare("DELETE FROM localized_text WHERE owner_kind = 'topic_block'").run();
    expect(search('мурманск', 'ru').hits).toEqual([]);
  });
});

describe('migration 0010', () => {
  it('indexes texts in other languages stored before it, and removes them with their version', async () => {
    const root = tempDir();
    try {
      const path = join(root.path, 'old.sqlite');
      // A store at schema 9 holding a Russian text, then opened by this code.
      const old = new Database(path);
      old.exec(MIGRATIONS.filter((m) => m.version <= 9).map((m) => m.up).join('\n'));
      old.pragma('user_version = 9');
      old.prepare("INSERT INTO package_versions (id, package_id, version, title, manifest_sha256, source, imported_at) VALUES (1, 'p', '1', 'P', ?, 'test', '2026-01-01T00:00:00Z')").run('0'.repeat(64));
      old.prepare("INSERT INTO exhibits (id, version_id, title, language, languages) VALUES (1, 1, 'E', 'en', '[\"ru\"]')").run();
      old.prepare("INSERT INTO artifacts (id, version_id, slug, position, title) VALUES (1, 1, 'a1', 0, 'A letter')").run();
      old.prepare("INSERT INTO localized_text (version_id, owner_kind, owner_id, field, lang, text) VALUES (1, 'artifact', 1, 'title', 'ru', 'Письмо')").run();
      old.prepare("INSERT INTO localized_text (version_id, owner_kind, owner_id, field, lang, text) VALUES (1, 'artifact', 1, 'date_text', 'ru', 'Письмо неизвестно')").run();
      old.close();

      const store = openStore(path);
      try {
        const r = createSearch(store.db)(1, 'письмо', 20, 'ru');
        expect(r.hits).toEqual([
          { kind: 'artifact', id: 'a1', title: [{ text: 'Письмо', match: true }], titleLang: 'ru', field: 'title', snippet: [], snippetLang: 'ru' },
        ]);
        // A date is not searched in any language.
        expect(store.db.prepare('SELECT count(*) AS n FROM search_index WHERE rowid % 8 >= 6').get()).toEqual({ n: 1 });
        store.db.prepare('DELETE FROM package_versions').run();
        expect(store.db.prepare('SELECT count(*) AS n FROM search_index').get()).toEqual({ n: 0 });
      } finally {
        store.close();
      }
    } finally {
      root.cleanup();
    }
  });
});
