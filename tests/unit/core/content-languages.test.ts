/**
 * Package text in several languages (issue 6), from manifest to API: what a package may say, what
 * it is refused for, what the store keeps, and what the views give the renderer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseManifest } from '../../../src-main/core/packages/validate';
import { createMemoryLogger } from '../../../src-main/core/log';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { count } from '../../helpers/store';
import { bilingualSource, makePackage, smallSource, tempDir } from '../../helpers/packages';

type Json = Record<string, any>;

/** The manifest of `source` with placeholder image sizes, as text. */
function manifestText(source: Json): string {
  for (const a of source.artifacts) for (const m of a.media) Object.assign(m, { bytes: 1, sha256: '0'.repeat(64) });
  return JSON.stringify(source);
}

function refusal(edit: (m: Json) => void): string {
  const source = bilingualSource();
  edit(source);
  try {
    parseManifest(manifestText(source));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('texts by language in a manifest', () => {
  it('accepts plain texts, and maps holding the default language and listed languages', () => {
    const manifest = parseManifest(manifestText(bilingualSource()));
    expect(manifest.exhibit.title).toEqual({ en: 'A Test Exhibit', ru: 'Тестовая выставка' });
    expect(manifest.artifacts[1]!.title).toBe('Two-page testimony');
  });

  it('refuses a map without the default language, naming the field and what it found', () => {
    expect(refusal((m) => (m.exhibit.sections[0].topics[0].title = { ru: 'Альфа' }))).toBe(
      'manifest.json, exhibit.sections[0].topics[0].title: the text in "en", the exhibit\'s language, which every text needs so the kiosk can fall back to it (found only "ru")',
    );
  });

  it('refuses a language the exhibit does not list, naming it and the listed ones', () => {
    expect(refusal((m) => (m.artifacts[0].caption = { en: 'Caption', de: 'Bildunterschrift' }))).toBe(
      'manifest.json, artifacts[0].caption.de: a text in one of the exhibit\'s languages (en, ru), but "de" is not one of them: add it to "languages", or remove this text',
    );
  });

  it('refuses the exhibit language listed again, and a language listed twice', () => {
    expect(refusal((m) => (m.exhibit.languages = ['ru', 'en']))).toMatch(/exhibit\.languages\[1\]: only the exhibit's other languages: "en" is its own language already/);
    expect(refusal((m) => (m.exhibit.languages = ['ru', 'ru']))).toMatch(/exhibit\.languages\[1\]: each language once, but "ru" is also languages\[0\]/);
  });

  it('checks every text in a map as plain text', () => {
    expect(refusal((m) => (m.exhibit.title.ru = '<b>Выставка</b>'))).toMatch(/exhibit\.title\.ru: plain text without HTML tags/);
    expect(refusal((m) => (m.exhibit.title = 7))).toMatch(/exhibit\.title: text, or the same text in several languages/);
    expect(refusal((m) => delete m.exhibit.title)).toMatch(/exhibit\.title: a value \(.*\), but the field is missing/);
  });
});

describe('a bilingual package in the store and the API', () => {
  let root: ReturnType<typeof tempDir>;
  let core: VitrineCore;

  beforeAll(async () => {
    root = tempDir();
    core = await openVitrine({ dataDir: join(root.path, 'data'), builtinPackage: await makePackage(root.path, bilingualSource()), log: createMemoryLogger() });
  });
  afterAll(() => {
    core.close();
    root.cleanup();
  });

  it('keeps the default language in the content columns and the others beside them', () => {
    const db = core.store.db;
    expect(db.prepare('SELECT title, languages FROM exhibits').get()).toEqual({ title: 'A Test Exhibit', languages: '["ru"]' });
    expect(db.prepare("SELECT text FROM topic_blocks WHERE kind = 'paragraph' ORDER BY id LIMIT 1").get()).toEqual({ text: 'Famine relief began in 1921.' });
    expect(count(core.store, "SELECT count(*) FROM localized_text WHERE lang = 'ru'")).toBe(8);
  });

  it('gives maps where a text has other languages and plain text elsewhere, with the languages', async () => {
    const exhibit = await core.api.getExhibit({});
    expect(exhibit).toMatchObject({ language: 'en', languages: ['ru'], title: { en: 'A Test Exhibit', ru: 'Тестовая выставка' }, credit: 'Made for tests' });
    expect(exhibit.sections.map((s) => s.title)).toEqual([{ en: 'First Section', ru: 'Первый раздел' }, 'Empty Section']);
    expect(exhibit.attract.title).toEqual(exhibit.title);
    expect(exhibit.highlights[0]!.thumb!.alt).toEqual({ en: 'Image of a1, page 1', ru: 'Изображение a1, страница 1' });

    const section = await core.api.getSection({ id: 'first' });
    expect(section.introduction).toEqual([{ en: 'The détente of 1972 opened the first section.', ru: 'Разрядка 1972 года открыла первый раздел.' }]);
    // Topics still group by their era in the exhibit's language.
    expect(section.eras.map((g) => [g.era, g.topics.map((t) => t.id)])).toEqual([
      [{ en: 'Early Years', ru: 'Ранние годы' }, ['alpha', 'beta']],
      [null, ['gamma']],
    ]);

    const topic = await core.api.getTopic({ id: 'alpha' });
    expect(topic.blocks[0]).toEqual({ type: 'paragraph', text: { en: 'Famine relief began in 1921.', ru: 'Помощь голодающим началась в 1921 году.' } });
    expect(topic.section.title).toEqual({ en: 'First Section', ru: 'Первый раздел' });

    const a1 = await core.api.getArtifact({ id: 'a1' });
    expect(a1).toMatchObject({ title: { en: 'Letter on grain', ru: 'Письмо о зерне' }, translation: ['Translated grain letter.'], topic: { title: { en: 'Alpha', ru: 'Альфа' } }, languages: ['ru'] });
  });

  it('removes a version\'s texts in other languages with the version', () => {
    const db = core.store.db;
    db.prepare('DELETE FROM live').run();
    db.prepare('DELETE FROM package_versions').run();
    expect(count(core.store, 'SELECT count(*) FROM localized_text')).toBe(0);
  });
});

describe('a one-language package', () => {
  it('imports as before: plain texts, no rows in other languages, an empty list of languages', async () => {
    const root = tempDir();
    const core = await openVitrine({ dataDir: join(root.path, 'data'), builtinPackage: await makePackage(root.path, smallSource()), log: createMemoryLogger() });
    try {
      const exhibit = await core.api.getExhibit({});
      expect(exhibit).toMatchObject({ title: 'A Test Exhibit', language: 'en', languages: [] });
      expect((await core.api.getTopic({ id: 'alpha' })).blocks[0]).toEqual({ type: 'paragraph', text: 'Famine relief began in 1921.' });
      expect(count(core.store, 'SELECT count(*) FROM localized_text')).toBe(0);
    } finally {
      core.close();
      root.cleanup();
    }
  });
});
