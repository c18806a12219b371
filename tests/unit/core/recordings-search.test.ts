// @vitest-environment node
/**
 * A film or sound recording is found by its title (issue 20), as by its transcript: a visitor who
 * types a word of the title, in the exhibit's language or another the package gives, is led to
 * the object that holds the recording. The object keeps its own title in the result; the
 * recording's title is the text shown around the match. Migration 0013 indexes the titles of
 * recordings a store held before it.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestMedia } from '../../../scripts/make-test-media.mjs';
import type { TextSegment } from '../../../src-main/contract/types';
import { createMemoryLogger } from '../../../src-main/core/log';
import { importPackage } from '../../../src-main/core/packages/importer';
import { openStore } from '../../../src-main/core/store/connection';
import { MIGRATIONS } from '../../../src-main/core/store/migrations/index';
import { createSearch } from '../../../src-main/core/store/search';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { tempDir } from '../../helpers/packages';
import { makeRecordingPackage } from '../../helpers/recordings';

let root: ReturnType<typeof tempDir>;
let core: VitrineCore;

beforeAll(async () => {
  root = tempDir('vitrine-recordings-search-');
  const media = await makeTestMedia(join(root.path, 'media'));
  const pkg = await makeRecordingPackage(root.path, media, 'package');
  core = await openVitrine({ dataDir: join(root.path, 'data'), builtinPackage: null, log: createMemoryLogger() });
  await importPackage(core.store, pkg, { mediaDir: core.mediaDir, source: 'test' });
});
afterAll(() => {
  core?.close();
  root?.cleanup();
});

const plain = (segments: TextSegment[]) => segments.map((s) => s.text).join('');
const matched = (segments: TextSegment[]) => segments.filter((s) => s.match).map((s) => s.text);

describe('a recording\'s title is searched', () => {
  it('finds the object by a word only its film\'s English title holds, keeping the object\'s own title', async () => {
    const { hits } = await core.api.search({ query: 'arrival' });
    expect(hits).toEqual([expect.objectContaining({ kind: 'artifact', id: 'a1', field: 'title', titleLang: 'en', snippetLang: 'en' })]);
    expect(plain(hits[0]!.title)).toBe('Letter on grain');
    expect(matched(hits[0]!.title)).toEqual([]);
    expect(plain(hits[0]!.snippet)).toBe('Arrival at Potsdam');
    expect(matched(hits[0]!.snippet)).toEqual(['Arrival']);
  });

  it('finds it by a word of the film\'s Russian title, shown in Russian', async () => {
    const { hits } = await core.api.search({ query: 'прибытие', lang: 'ru' });
    expect(hits).toEqual([expect.objectContaining({ kind: 'artifact', id: 'a1', field: 'title', titleLang: 'ru', snippetLang: 'ru' })]);
    expect(plain(hits[0]!.title)).toBe('Письмо о зерне');
    expect(plain(hits[0]!.snippet)).toBe('Прибытие в Потсдам');
    expect(matched(hits[0]!.snippet)).toEqual(['Прибытие']);
  });

  it('finds the object of a sound recording titled in the exhibit\'s language only, whatever the visitor\'s language', async () => {
    for (const lang of ['en', 'ru']) {
      const { hits } = await core.api.search({ query: 'interview', lang });
      expect(hits.map((h) => [h.id, h.field, h.snippetLang, matched(h.snippet)])).toEqual([['a2', 'title', 'en', ['interview']]]);
    }
  });

  it('still says a transcript match is in the transcript, and an object\'s own title outranks a recording\'s', async () => {
    expect((await core.api.search({ query: 'handshake' })).hits.map((h) => [h.id, h.field])).toEqual([['a1', 'transcript']]);
    // "letter" is a1's own title; its film's title adds nothing that would change where it was found.
    const { hits } = await core.api.search({ query: 'letter' });
    expect(hits.find((h) => h.id === 'a1')).toMatchObject({ field: 'title', title: [{ text: 'Letter', match: true }, { text: ' on grain', match: false }] });
  });
});

describe('migration 0013', () => {
  it('indexes the titles of recordings stored before it, in every language, and drops them with their version', () => {
    const dir = tempDir();
    try {
      const path = join(dir.path, 'old.sqlite');
      const old = new Database(path);
      old.exec(MIGRATIONS.filter((m) => m.version <= 12).map((m) => m.up).join('\n'));
      old.pragma('user_version = 12');
      old.prepare("INSERT INTO package_versions (id, package_id, version, title, manifest_sha256, source, imported_at) VALUES (1, 'p', '1', 'P', ?, 'test', '2026-01-01T00:00:00Z')").run('0'.repeat(64));
      old.prepare("INSERT INTO exhibits (id, version_id, title, language, languages) VALUES (1, 1, 'E', 'en', '[\"ru\"]')").run();
      old.prepare("INSERT INTO artifacts (id, version_id, slug, position, title) VALUES (1, 1, 'a1', 0, 'A letter')").run();
      old.prepare("INSERT INTO recordings (id, artifact_id, position, sha256, ext, bytes, kind, duration_ms, title) VALUES (3, 1, 1, ?, 'mp3', 10, 'audio', 4000, 'Wireless talk')").run('a'.repeat(64));
      old.prepare("INSERT INTO recordings (id, artifact_id, position, sha256, ext, bytes, kind, duration_ms) VALUES (4, 1, 2, ?, 'mp3', 10, 'audio', 4000)").run('b'.repeat(64));
      old.prepare("INSERT INTO localized_text (id, version_id, owner_kind, owner_id, field, lang, text) VALUES (7, 1, 'recording', 3, 'title', 'ru', 'Беседа по радио')").run();
      old.close();

      const store = openStore(path);
      try {
        const search = createSearch(store.db);
        expect(search(1, 'wireless', 20).hits.map((h) => [h.id, h.field, plain(h.snippet)])).toEqual([['a1', 'title', 'Wireless talk']]);
        expect(search(1, 'беседа', 20, 'ru').hits.map((h) => [h.id, h.field, h.snippetLang, plain(h.snippet)])).toEqual([['a1', 'title', 'ru', 'Беседа по радио']]);
        // Its triggers keep the index in step with a title changed or removed.
        store.db.prepare("UPDATE recordings SET title = 'Evening broadcast' WHERE id = 3").run();
        expect(search(1, 'wireless', 20).hits).toEqual([]);
        expect(search(1, 'broadcast', 20).hits.map((h) => h.id)).toEqual(['a1']);
        store.db.prepare('DELETE FROM package_versions').run();
        expect(store.db.prepare('SELECT count(*) AS n FROM search_index').get()).toEqual({ n: 0 });
      } finally {
        store.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
