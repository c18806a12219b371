// @vitest-environment node
/**
 * Video and audio a kiosk must refuse (issue 20): each hostile package is refused with a message
 * naming the file at fault (and the line, for captions), every problem of a package in one
 * refusal, and the live exhibit exactly as it was: the same version, rows and media files.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTIONS, ffmpeg, makeTestMedia, videoInCodec, type TestMediaName } from '../../../scripts/make-test-media.mjs';
import { PackageError, PackageProblems } from '../../../src-main/core/packages/errors';
import { importPackage } from '../../../src-main/core/packages/importer';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { firstHalf } from '../../helpers/hostile-media';
import { editManifest, folderFingerprint, tempDir } from '../../helpers/packages';
import { bytesOf, makeRecordingPackage, recordingSource, replaceFile } from '../../helpers/recordings';
import { dumpStore } from '../../helpers/store';

let root: ReturnType<typeof tempDir>;
let media: Record<TestMediaName, string>;
let good: string;
let store: Store;
let mediaDir: string;
let oneSecondVideo: Buffer;

beforeAll(async () => {
  root = tempDir('vitrine-recordings-refused-');
  media = await makeTestMedia(join(root.path, 'media'));
  const source = recordingSource();
  source.package.version = '1.0.0';
  good = await makeRecordingPackage(root.path, media, 'good', source);
  mediaDir = join(root.path, 'data', 'media');
  store = openStore(join(root.path, 'data', 'vitrine.sqlite'));
  await importPackage(store, good, { mediaDir, source: 'test' });
  oneSecondVideo = readFileSync(await ffmpeg(videoInCodec('libx264'), join(root.path, 'one-second.mp4')));
});
afterAll(() => {
  store?.close();
  root?.cleanup();
});

let copies = 0;
/** A copy of the good package (as a newer version), changed by `change`. */
function variant(change: (dir: string) => void): string {
  const dir = join(root.path, `variant-${++copies}`);
  cpSync(good, dir, { recursive: true });
  editManifest(dir, (m) => (m.package.version = `2.0.${copies}`));
  change(dir);
  return dir;
}

/** Imports `pkg`, expecting a refusal; returns it, having checked the live exhibit did not change. */
async function refusal(pkg: string): Promise<PackageError> {
  const before = { live: store.liveVersionId(), rows: dumpStore(store), files: folderFingerprint(mediaDir) };
  const error = await importPackage(store, pkg, { mediaDir, source: 'test' }).then(() => null, (e: unknown) => e);
  if (!(error instanceof PackageError)) throw new Error(`not refused with a PackageError: ${String(error)}`);
  expect({ live: store.liveVersionId(), rows: dumpStore(store), files: folderFingerprint(mediaDir) }).toEqual(before);
  return error;
}

/** The problems of a refusal. */
const problemsOf = (error: PackageError) => (error instanceof PackageProblems ? error.problems : [error]);
/** The problems of a refusal, as "file, field: expected" lines. */
const linesOf = (error: PackageError) => problemsOf(error).map((p) => p.message);

const FILM_CAPTIONS = 'media/film.en.vtt';

describe('a package whose recordings the kiosk cannot play is refused, and the live exhibit stays', () => {
  it.each([
    ['a truncated MP4', 'media/film.mp4', () => firstHalf(bytesOf(media, 'video.mp4')), /^media\/film\.mp4: .*cut short/],
    ['an .mp4 that is a WebM', 'media/film.mp4', () => bytesOf(media, 'video.webm'), /^media\/film\.mp4: is a WebM, whatever its name says/],
    ['a sign-language video that is sound only', 'media/film-sign.mp4', () => bytesOf(media, 'audio.m4a'), /^media\/film-sign\.mp4: has no video track \(audio only\)/],
    ['a sign-language video shorter than its film', 'media/film-sign.mp4', () => oneSecondVideo, /^media\/film-sign\.mp4: a sign-language video as long as its recording media\/film\.mp4 \(4 s, give or take 1 s\), as the two play in step, but it runs 1 s$/],
    ['an audio description that is a video', 'media/film-described.m4a', () => bytesOf(media, 'video.mp4'), /^media\/film-described\.m4a: has a video track/],
    ['an interview that is a WebM', 'media/interview.mp3', () => bytesOf(media, 'video.webm'), /^media\/interview\.mp3: is a WebM/],
  ])('%s', async (_name, file, bytes, message) => {
    const error = await refusal(variant((dir) => replaceFile(dir, file, bytes())));
    expect(linesOf(error)).toEqual([expect.stringMatching(message)]);
    // The file, and the manifest field that names it (pack turns it into the curator's line).
    expect(problemsOf(error)[0]).toMatchObject({ file, media: expect.stringMatching(/^artifacts\[[01]\]\.recordings\[0\]/) });
  });

  it('captions with <script>, named with their file and line', async () => {
    const hostile = CAPTIONS['captions.en.vtt'].replace('The conference opens.', 'The conference opens.\n<script>alert(1)</script>');
    const error = await refusal(variant((dir) => replaceFile(dir, FILM_CAPTIONS, hostile)));
    expect(linesOf(error)).toEqual([expect.stringMatching(/^media\/film\.en\.vtt, line 10: has <script> in a cue, which is not WebVTT markup/)]);
    expect(problemsOf(error)[0]).toMatchObject({ file: FILM_CAPTIONS, field: 'line 10', media: 'artifacts[0].recordings[0].captions[0]' });
  });

  it('captions with a cue past the end of the film', async () => {
    const late = `${CAPTIONS['captions.en.vtt']}\n3\n00:00:05.000 --> 00:00:09.000\nAfter the end.\n`;
    const error = await refusal(variant((dir) => replaceFile(dir, FILM_CAPTIONS, late)));
    expect(linesOf(error)).toEqual([expect.stringMatching(/^media\/film\.en\.vtt, line 12: has a cue ending at 9 s, after the end of its media \(4(\.\d+)? s\)/)]);
  });

  it('a recording whose checksum is wrong', async () => {
    const error = await refusal(variant((dir) => editManifest(dir, (m) => (m.artifacts[1].recordings[0].sha256 = 'f'.repeat(64)))));
    expect(linesOf(error)).toEqual(['media/interview.mp3: the checksum given in artifacts[1].recordings[0].sha256, but its content differs (damaged or replaced file)']);
  });

  it('a package with several bad files: every one in one refusal, captions still checked beside a refused film', async () => {
    const pkg = variant((dir) => {
      replaceFile(dir, 'media/film.mp4', firstHalf(bytesOf(media, 'video.mp4')));
      replaceFile(dir, FILM_CAPTIONS, CAPTIONS['captions.en.vtt'].replace('<i>Potsdam</i>', '<img src=x onerror=alert(1)>Potsdam'));
      replaceFile(dir, 'media/film-poster.png', 'not a picture');
      editManifest(dir, (m) => (m.artifacts[0].recordings[0].audioDescription.bytes += 1));
    });
    const error = await refusal(pkg);
    expect(error).toBeInstanceOf(PackageProblems);
    expect(linesOf(error).sort()).toEqual([
      expect.stringMatching(/^media\/film-described\.m4a: \d+ bytes as the manifest says \(artifacts\[0\]\.recordings\[0\]\.audioDescription\.bytes\), but it has \d+$/),
      expect.stringMatching(/^media\/film-poster\.png: an image file/),
      expect.stringMatching(/^media\/film\.en\.vtt, line 5: has <img> in a cue/),
      expect.stringMatching(/^media\/film\.mp4: .*cut short/),
    ]);
  });

  it('the same file named twice (a captions file as a recording\'s and another\'s)', async () => {
    const error = await refusal(variant((dir) => editManifest(dir, (m) => {
      m.artifacts[1].recordings[0].captions = [{ ...m.artifacts[0].recordings[0].captions[0] }];
    })));
    expect(error.message).toBe(`manifest.json, artifacts[1].recordings[0].captions[0].file: a file used only once, but "${FILM_CAPTIONS}" is also artifacts[0].recordings[0].captions[0].file`);
  });
});
