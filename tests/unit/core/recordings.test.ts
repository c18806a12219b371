// @vitest-environment node
/**
 * Video and audio artifacts (issue 20), the import side: a package with a film (captions in two
 * languages, transcript, poster, sign language, audio description) and a sound recording is
 * checked, stored content-addressed, given to the artifact screen with the facts a player needs,
 * served by the browser host with range requests, and found by the words of its transcript.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestMedia, SECONDS, type TestMediaName } from '../../../scripts/make-test-media.mjs';
import type { RecordingView } from '../../../src-main/contract/types';
import { createMemoryLogger } from '../../../src-main/core/log';
import { mediaPath } from '../../../src-main/core/media/store';
import { tilePyramidDir } from '../../../src-main/core/media/tiles';
import { importPackage, type ImportResult } from '../../../src-main/core/packages/importer';
import { openStore } from '../../../src-main/core/store/connection';
import { MIGRATIONS } from '../../../src-main/core/store/migrations/index';
import { createSearch } from '../../../src-main/core/store/search';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { startHttpHost, type HttpHost } from '../../../src-main/http/server';
import { bytesOf, makeRecordingPackage, sha256, TRANSCRIPT_WORD } from '../../helpers/recordings';
import { tempDir } from '../../helpers/packages';
import { missingFiles, recordingFiles } from '../../helpers/store';
import { hostOptions, makeFixture, raw, type Fixture } from '../http/helpers';

let root: ReturnType<typeof tempDir>;
let media: Record<TestMediaName, string>;
let core: VitrineCore;
let dataDir: string;
let imported: ImportResult;
const progress: [number, number][] = [];

beforeAll(async () => {
  root = tempDir('vitrine-recordings-');
  media = await makeTestMedia(join(root.path, 'media'));
  const pkg = await makeRecordingPackage(root.path, media, 'package');
  dataDir = join(root.path, 'data');
  core = await openVitrine({ dataDir, builtinPackage: null, log: createMemoryLogger() });
  imported = await importPackage(core.store, pkg, { mediaDir: core.mediaDir, source: 'test', onProgress: (done, total) => progress.push([done, total]) });
});
afterAll(() => {
  core?.close();
  root?.cleanup();
});

const url = (name: TestMediaName, ext: string) => `/media/${sha256(bytesOf(media, name))}.${ext}`;

describe('importing a package with recordings', () => {
  it('stores each recording, poster, captions file and companion content-addressed, and counts them as it checks', () => {
    expect(imported).toMatchObject({ live: true, images: 5, recordings: 2 });
    // 5 images, then the film with its poster, two captions, sign language and audio description, and the interview.
    expect(progress.at(-1)).toEqual([12, 12]);
    expect(progress.map(([done]) => done)).toEqual([...Array(12).keys()].map((i) => i + 1));
    const files = recordingFiles(core.store, core.mediaDir);
    // film, poster and its 2 renditions, 2 captions, sign language, audio description, interview.
    expect(files).toHaveLength(9);
    expect(missingFiles(core.store, dataDir)).toEqual([]);
    for (const [name, ext] of [['video.mp4', 'mp4'], ['sign.mp4', 'mp4'], ['audio.m4a', 'm4a'], ['audio.mp3', 'mp3'], ['captions.ru.vtt', 'vtt'], ['poster.png', 'png']] as const) {
      const bytes = bytesOf(media, name);
      expect(readFileSync(mediaPath(core.mediaDir, sha256(bytes), ext)).equals(bytes), name).toBe(true);
    }
    // A poster is never zoomed into: no Deep Zoom pyramid is made for it.
    expect(existsSync(tilePyramidDir(core.tilesDir, sha256(bytesOf(media, 'poster.png'))))).toBe(false);
  });

  it('gives the artifact screen a film with its facts, its accessible companions and the URLs the hosts serve', async () => {
    const { recordings } = await core.api.getArtifact({ id: 'a1' });
    expect(recordings).toHaveLength(1);
    const film = recordings[0]!;
    const poster = await sharp(media['poster.png']).metadata();
    expect(film).toEqual<RecordingView>({
      position: 1,
      kind: 'video',
      title: { en: 'Arrival at Potsdam', ru: 'Прибытие в Потсдам' },
      src: url('video.mp4', 'mp4'),
      mimeType: 'video/mp4',
      durationSeconds: film.durationSeconds,
      width: 320,
      height: 180,
      poster: { src: url('poster.png', 'png'), display: expect.stringMatching(/^\/media\/[0-9a-f]{64}\.webp$/), thumb: expect.stringMatching(/^\/media\/[0-9a-f]{64}\.webp$/), width: poster.width!, height: poster.height! },
      captions: [{ language: 'en', src: url('captions.en.vtt', 'vtt') }, { language: 'ru', src: url('captions.ru.vtt', 'vtt') }],
      transcript: [{ en: `The delegates arrive by motorcade at ${TRANSCRIPT_WORD.en}.`, ru: `Делегаты прибывают кортежем в ${TRANSCRIPT_WORD.ru}.` }, 'The conference opens with a handshake.'],
      signLanguage: url('sign.mp4', 'mp4'),
      audioDescription: url('audio.m4a', 'm4a'),
    });
    expect(film.durationSeconds).toBeGreaterThan(SECONDS - 0.1);
    expect(film.durationSeconds).toBeLessThan(SECONDS + 0.1);
  });

  it('gives a sound recording without a picture, and no recordings to an artifact that has none', async () => {
    const { recordings } = await core.api.getArtifact({ id: 'a2' });
    expect(recordings).toEqual([
      {
        position: 1, kind: 'audio', title: 'An interview', src: url('audio.mp3', 'mp3'), mimeType: 'audio/mpeg', durationSeconds: recordings[0]!.durationSeconds,
        width: null, height: null, poster: null, captions: [], transcript: null, signLanguage: null, audioDescription: null,
      },
    ]);
    expect(Math.abs(recordings[0]!.durationSeconds - SECONDS)).toBeLessThan(0.2);
    expect((await core.api.getArtifact({ id: 'a3' })).recordings).toEqual([]);
  });

  it('imports the same package again with nothing missing: files already stored are kept, the poster\'s renditions reused', async () => {
    const before = await core.api.getArtifact({ id: 'a1' });
    const again = await importPackage(core.store, join(root.path, 'package'), { mediaDir: core.mediaDir, source: 'test', allowOlder: true });
    expect(again).toMatchObject({ live: true, recordings: 2, newImages: 0 });
    expect((await core.api.getArtifact({ id: 'a1' })).recordings).toEqual(before.recordings);
    expect(missingFiles(core.store, dataDir)).toEqual([]);
  });

  it('finds the artifact by a word of its transcript, in either language', async () => {
    const english = await core.api.search({ query: TRANSCRIPT_WORD.en.toLowerCase() });
    expect(english.hits).toEqual([expect.objectContaining({ kind: 'artifact', id: 'a1', field: 'transcript', snippetLang: 'en' })]);
    expect(english.hits[0]!.snippet).toContainEqual({ text: TRANSCRIPT_WORD.en, match: true });
    const russian = await core.api.search({ query: TRANSCRIPT_WORD.ru, lang: 'ru' });
    expect(russian.hits).toEqual([expect.objectContaining({ kind: 'artifact', id: 'a1', field: 'transcript', snippetLang: 'ru', titleLang: 'ru' })]);
    // A paragraph given in the exhibit's language only.
    expect((await core.api.search({ query: 'handshake' })).hits.map((h) => [h.id, h.field])).toEqual([['a1', 'transcript']]);
  });
});

describe('the browser host serves the recordings', () => {
  let fixture: Fixture;
  let host: HttpHost;
  beforeAll(async () => {
    fixture = makeFixture();
    host = await startHttpHost(hostOptions(fixture, createMemoryLogger(), { api: core.api, mediaDir: core.mediaDir, tilesDir: core.tilesDir }));
  });
  afterAll(async () => {
    await host?.close();
    fixture?.cleanup();
  });

  it('answers a range of the film with 206 and exactly those bytes, and its captions whole as WebVTT', async () => {
    const [film] = (await core.api.getArtifact({ id: 'a1' })).recordings;
    const bytes = bytesOf(media, 'video.mp4');
    const res = await raw(host.port, { path: film!.src, headers: { Range: 'bytes=100-1099' } });
    expect(res.status).toBe(206);
    expect(res.headers['content-type']).toBe(film!.mimeType);
    expect(res.headers['content-range']).toBe(`bytes 100-1099/${bytes.length}`);
    expect(res.body.equals(bytes.subarray(100, 1100))).toBe(true);
    const captions = await raw(host.port, { path: film!.captions[1]!.src });
    expect(captions.status).toBe(200);
    expect(captions.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(captions.text).toBe(readFileSync(media['captions.ru.vtt'], 'utf8'));
  });
});

describe('migration 0012', () => {
  it('keeps texts in other languages stored before it, still searched, and takes recordings\' texts', () => {
    const dir = tempDir();
    try {
      const path = join(dir.path, 'old.sqlite');
      const old = new Database(path);
      old.exec(MIGRATIONS.filter((m) => m.version <= 11).map((m) => m.up).join('\n'));
      old.pragma('user_version = 11');
      old.prepare("INSERT INTO package_versions (id, package_id, version, title, manifest_sha256, source, imported_at) VALUES (1, 'p', '1', 'P', ?, 'test', '2026-01-01T00:00:00Z')").run('0'.repeat(64));
      old.prepare("INSERT INTO exhibits (id, version_id, title, language, languages) VALUES (1, 1, 'E', 'en', '[\"ru\"]')").run();
      old.prepare("INSERT INTO artifacts (id, version_id, slug, position, title) VALUES (1, 1, 'a1', 0, 'A letter')").run();
      old.prepare("INSERT INTO localized_text (id, version_id, owner_kind, owner_id, field, lang, text) VALUES (5, 1, 'artifact', 1, 'title', 'ru', 'Письмо')").run();
      old.close();

      const store = openStore(path);
      try {
        const search = createSearch(store.db);
        expect(search(1, 'письмо', 20, 'ru').hits.map((h) => [h.id, h.field, h.titleLang])).toEqual([['a1', 'title', 'ru']]);
        expect(store.db.prepare('SELECT id FROM localized_text').all()).toEqual([{ id: 5 }]);
        // The rebuilt table takes a recording's texts, and its triggers index a transcript paragraph.
        store.db.prepare("INSERT INTO recordings (id, artifact_id, position, sha256, ext, bytes, kind, duration_ms, title) VALUES (1, 1, 1, ?, 'mp3', 10, 'audio', 4000, 'Talk')").run('a'.repeat(64));
        store.db.prepare("INSERT INTO recording_paragraphs (id, recording_id, position, text) VALUES (1, 1, 0, 'Spoken words')").run();
        store.db.prepare("INSERT INTO localized_text (version_id, owner_kind, owner_id, field, lang, text) VALUES (1, 'recording_paragraph', 1, 'text', 'ru', 'Сказанные слова')").run();
        expect(search(1, 'сказанные', 20, 'ru').hits.map((h) => [h.id, h.field, h.snippetLang])).toEqual([['a1', 'transcript', 'ru']]);
        expect(search(1, 'spoken', 20).hits.map((h) => [h.id, h.field])).toEqual([['a1', 'transcript']]);
        // Refused by its CHECKs: a video without a size, an .mp3 that says it is a video.
        expect(() => store.db.prepare("INSERT INTO recordings (artifact_id, position, sha256, ext, bytes, kind, duration_ms) VALUES (1, 2, ?, 'mp4', 10, 'video', 4000)").run('b'.repeat(64))).toThrow(/CHECK/);
        expect(() => store.db.prepare("INSERT INTO recordings (artifact_id, position, sha256, ext, bytes, kind, duration_ms, width, height) VALUES (1, 2, ?, 'mp3', 10, 'video', 4000, 1, 1)").run('b'.repeat(64))).toThrow(/CHECK/);
        store.db.prepare('DELETE FROM package_versions').run();
        expect(store.db.prepare('SELECT (SELECT count(*) FROM search_index) + (SELECT count(*) FROM recordings) AS n').get()).toEqual({ n: 0 });
      } finally {
        store.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
