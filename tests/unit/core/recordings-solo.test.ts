// @vitest-environment node
/**
 * Objects that are a film or a sound recording alone, without images (issue 20): the package
 * format takes them, the store gives their cards what to show (the recording's kind, and its
 * poster as the picture), the attract loop shows only those with a picture, and an object with
 * neither image nor recording is refused by field.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestMedia, type TestMediaName } from '../../../scripts/make-test-media.mjs';
import type { ArtifactSummary } from '../../../src-main/contract/types';
import { createMemoryLogger } from '../../../src-main/core/log';
import { PackageError } from '../../../src-main/core/packages/errors';
import { importPackage } from '../../../src-main/core/packages/importer';
import { parseManifest } from '../../../src-main/core/packages/validate';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { smallSource, tempDir } from '../../helpers/packages';
import { bytesOf, makeRecordingPackage, sha256, SOLO_TITLES, soloRecordingSource } from '../../helpers/recordings';

let root: ReturnType<typeof tempDir>;
let media: Record<TestMediaName, string>;
let core: VitrineCore;

beforeAll(async () => {
  root = tempDir('vitrine-recordings-solo-');
  media = await makeTestMedia(join(root.path, 'media'));
  const pkg = await makeRecordingPackage(root.path, media, 'package', soloRecordingSource());
  core = await openVitrine({ dataDir: join(root.path, 'data'), builtinPackage: null, log: createMemoryLogger() });
  await importPackage(core.store, pkg, { mediaDir: core.mediaDir, source: 'test' });
});
afterAll(() => {
  core?.close();
  root?.cleanup();
});

const cardsOf = async (topic: string) =>
  (await core.api.getTopic({ id: topic })).blocks.flatMap((b) => (b.type === 'artifact' ? [b.artifact] : []));

describe('an object that is a recording alone', () => {
  it('opens with no images and its recording, the WebM film and the Opus sound with captions', async () => {
    const newsreel = await core.api.getArtifact({ id: 'a5' });
    expect(newsreel.images).toEqual([]);
    expect(newsreel.recordings.map((r) => [r.kind, r.mimeType, r.poster])).toEqual([['video', 'video/webm', null]]);
    const address = await core.api.getArtifact({ id: 'a6' });
    expect(address.images).toEqual([]);
    expect(address.recordings.map((r) => [r.kind, r.mimeType, r.captions.map((c) => c.language)])).toEqual([['audio', 'audio/ogg; codecs=opus', ['en']]]);
  });

  it('gives its card the recording\'s kind, and its poster for a picture; a card with an image says its recording too', async () => {
    const posterUrl = `/media/${sha256(bytesOf(media, 'poster.png'))}.png`;
    expect((await cardsOf('gamma')).map((c) => ({ id: c.id, thumb: c.thumb, recording: c.recording }))).toEqual<Partial<ArtifactSummary>[]>([
      { id: 'a5', thumb: null, recording: { kind: 'video', poster: null, film: { src: `/media/${sha256(bytesOf(media, 'video.webm'))}.webm`, mimeType: 'video/webm' } } },
      { id: 'a6', thumb: null, recording: { kind: 'audio', poster: expect.objectContaining({ src: posterUrl, width: 320, height: 180 }), film: null } },
    ]);
    const [letter] = await cardsOf('alpha');
    expect(letter!.thumb).not.toBeNull();
    expect(letter!.recording).toEqual({ kind: 'video', poster: expect.objectContaining({ src: posterUrl }), film: expect.objectContaining({ mimeType: 'video/mp4' }) });
  });

  it('is in the attract loop with a poster, or a film to play muted', async () => {
    const { attract } = await core.api.getExhibit({});
    const ids = attract.artifacts.map((a) => a.id);
    expect(ids).toContain('a6');
    expect(ids).toContain('a5');
  });

  it('is on the timeline like any object', async () => {
    const { undated } = await core.api.getTimeline({});
    expect(JSON.stringify(undated)).toContain(SOLO_TITLES.newsreel);
  });
});

describe('an object with nothing to see or hear', () => {
  /** smallSource as a packed manifest (no files are needed to parse one), after `edit`. */
  function refusal(edit: (m: Record<string, any>) => void): PackageError {
    const m = smallSource();
    for (const a of m.artifacts) for (const image of a.media) Object.assign(image, { bytes: 1000, sha256: 'ab'.repeat(32) });
    edit(m);
    try {
      parseManifest(JSON.stringify(m));
    } catch (error) {
      expect(error).toBeInstanceOf(PackageError);
      return error as PackageError;
    }
    throw new Error('test: the manifest was accepted');
  }

  it('is refused at its images, with what it needs instead', () => {
    expect(refusal((m) => (m.artifacts[3].media = [])).message).toBe(
      'manifest.json, artifacts[3].media: at least one image, or a film or sound recording under "recordings"',
    );
    expect(refusal((m) => delete m.artifacts[3].media).message).toContain('artifacts[3].media');
  });

  it('may not be named for the attract loop when it is sound without a poster, but may as a film', () => {
    const sound = { file: 'media/a4.opus', bytes: 1000, sha256: 'cd'.repeat(32) };
    const error = refusal((m) => {
      m.artifacts[3].media = [];
      m.artifacts[3].recordings = [sound];
      m.exhibit.attract = { artifacts: ['a1', 'a4'] };
    });
    expect(error.message).toBe(
      'manifest.json, exhibit.attract.artifacts[1]: an artifact with something to show (an image, a film, or a poster on its first recording), but "a4" is a sound recording without a poster',
    );
    const m = smallSource();
    for (const a of m.artifacts) for (const image of a.media) Object.assign(image, { bytes: 1000, sha256: 'ab'.repeat(32) });
    Object.assign(m.artifacts[3], { media: [], recordings: [{ ...sound, file: 'media/a4.webm' }] });
    m.exhibit.attract = { artifacts: ['a4'] };
    expect(parseManifest(JSON.stringify(m)).exhibit.attract?.artifacts).toEqual(['a4']);
  });
});
