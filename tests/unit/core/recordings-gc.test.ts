// @vitest-environment node
/**
 * Recordings and garbage collection (issue 20): the files of a kept version's recordings (the
 * recording, its poster and renditions, captions, sign-language video and audio description)
 * outlive the switch to a version without them, serve again after a rollback, and go once no
 * version keeps them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestMedia } from '../../../scripts/make-test-media.mjs';
import { createMemoryLogger } from '../../../src-main/core/log';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { ManualClock } from '../../helpers/clock';
import { makePackage, smallSource, tempDir } from '../../helpers/packages';
import { makeRecordingPackage } from '../../helpers/recordings';
import { count, missingFiles, recordingFiles } from '../../helpers/store';

let root: ReturnType<typeof tempDir>;
let withRecordings: string;
const without: string[] = [];
let core: VitrineCore;

beforeAll(async () => {
  root = tempDir('vitrine-recordings-gc-');
  const media = await makeTestMedia(join(root.path, 'media'));
  withRecordings = await makeRecordingPackage(root.path, media, 'v1');
  for (const n of [2, 3]) {
    const source = smallSource();
    source.package.version = `${n}.0.0`;
    without.push(await makePackage(root.path, source, `v${n}`));
  }
});
afterAll(() => {
  core?.close();
  root?.cleanup();
});

describe('the files of recordings and garbage collection', () => {
  it('keeps them while a kept version uses them, serves them after a rollback, and frees them with the version', async () => {
    const dataDir = join(root.path, 'data');
    core = await openVitrine({ dataDir, builtinPackage: withRecordings, log: createMemoryLogger(), clock: new ManualClock() });
    core.settings.set('keepVersions', 1);
    core.api.reportVisitorState({ state: 'attract' });
    const files = recordingFiles(core.store, core.mediaDir);
    expect(files).toHaveLength(9);
    expect(files.filter(existsSync)).toEqual(files);

    // A version without recordings goes live: the earlier one is kept for rollback, and its files with it.
    const v2 = await core.importPackage(without[0]!, 'test');
    await core.publisher.settled();
    expect(core.store.liveVersionId()).toBe(v2.versionId);
    expect((await core.api.getArtifact({ id: 'a1' })).recordings).toEqual([]);
    expect(files.filter(existsSync)).toEqual(files);

    // Rolled back: the film is there again, every file of it in place.
    const back = core.publisher.rollback();
    await core.publisher.settled();
    expect(back.removed).toEqual([]);
    const [film] = (await core.api.getArtifact({ id: 'a1' })).recordings;
    expect(film).toMatchObject({ kind: 'video', captions: [{ language: 'en' }, { language: 'ru' }] });
    expect(missingFiles(core.store, dataDir)).toEqual([]);
    expect(files.filter(existsSync)).toEqual(files);

    // A third version: keeping one earlier version (2), the one with recordings is dropped, its files freed.
    const v3 = await core.importPackage(without[1]!, 'test');
    await core.publisher.settled();
    expect(core.store.liveVersionId()).toBe(v3.versionId);
    expect(count(core.store, 'SELECT count(*) FROM package_versions')).toBe(2);
    expect(count(core.store, 'SELECT (SELECT count(*) FROM recordings) + (SELECT count(*) FROM recording_captions) + (SELECT count(*) FROM recording_paragraphs)')).toBe(0);
    // Its transcript left the search index with it (the triggers ran on the cascade).
    expect(count(core.store, 'SELECT count(*) FROM search_index WHERE rowid % 8 = 0')).toBe(0);
    expect(files.filter(existsSync)).toEqual([]);
    expect(missingFiles(core.store, dataDir)).toEqual([]);
  });
});
