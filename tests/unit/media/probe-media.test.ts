// @vitest-environment node
/**
 * Video and audio artifacts (issue 20): real files made by ffmpeg (scripts/make-test-media.mjs;
 * ffmpeg is required, as sharp is for images) are probed for exactly what a player needs, and
 * every file a package might carry that the kiosk cannot play, or whose header lies, is refused
 * with its name and the reason. Each probe's time is printed at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { FFMPEG, makeTestMedia, type TestMediaName } from '../../../scripts/make-test-media.mjs';
import {
  DURATION_GRACE_SECONDS, MAX_AUDIO_BITS_PER_SECOND, MAX_AUDIO_BYTES, MAX_DURATION_SECONDS, MAX_MEDIA_BYTES, MAX_VIDEO_BITS_PER_SECOND, MAX_VIDEO_LONG_SIDE,
  MAX_VIDEO_SHORT_SIDE, MediaRefusal, probeMedia, type MediaFacts, type RefusalReason,
} from '../../../src-main/core/media/probe-media';
import { makeHostileMedia, type HostileMediaName } from '../../helpers/hostile-media';
import { tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let good: Record<TestMediaName, string>;
let hostile: Record<HostileMediaName, string>;
const timings: string[] = [];

beforeAll(async () => {
  root = tempDir('vitrine-media-');
  good = await makeTestMedia(join(root.path, 'good'));
  mkdirSync(join(root.path, 'hostile'));
  hostile = await makeHostileMedia(good, join(root.path, 'hostile'));
});
afterAll(() => {
  if (timings.length) console.log(`probeMedia, ms per file:\n  ${timings.join('\n  ')}`);
  root?.cleanup();
});

/** Probes `path` as the package's `media/<name>`, noting how long it took. */
async function probe(path: string, name: string): Promise<MediaFacts> {
  const started = performance.now();
  try {
    return await probeMedia(path, `media/${name}`);
  } finally {
    timings.push(`${(performance.now() - started).toFixed(1).padStart(6)}  ${name} (${statSync(path).size} bytes)`);
  }
}

/** The refusal probing `name` throws. */
async function refusalOf(name: HostileMediaName): Promise<MediaRefusal> {
  const error = await probe(hostile[name], name).then(() => null, (e: unknown) => e);
  if (!(error instanceof MediaRefusal)) throw new Error(`${name} was not refused with a MediaRefusal: ${error === null ? 'it was accepted' : String(error)}`);
  return error;
}

describe('the test media (scripts/make-test-media.mjs)', () => {
  it('are small, and tell their frames apart by colour', async () => {
    for (const path of Object.values(good)) expect(statSync(path).size).toBeLessThan(64 * 1024);
    // The main video's red channel counts frames (2 per frame); one pixel of frames 0 and 50.
    const pixel = (frame: number) =>
      execFileSync(FFMPEG, ['-v', 'error', '-i', good['video.mp4'], '-vf', `select=eq(n\\,${frame}),crop=2:2:160:90`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
    const [first, later] = [pixel(0), pixel(50)];
    expect(later[0]! - first[0]!).toBeGreaterThan(80);
    expect(await sharp(good['poster.png']).metadata()).toMatchObject({ format: 'png', width: 320, height: 180 });
  });
});

describe('a media file the kiosk can play', () => {
  const cases: [TestMediaName, Omit<MediaFacts, 'durationSeconds' | 'bitsPerSecond' | 'bytes'>][] = [
    ['video.mp4', { kind: 'video', container: 'mp4', videoCodec: 'avc', audioCodec: 'aac', width: 320, height: 180 }],
    ['sign.mp4', { kind: 'video', container: 'mp4', videoCodec: 'avc', audioCodec: null, width: 320, height: 180 }],
    ['video.webm', { kind: 'video', container: 'webm', videoCodec: 'vp9', audioCodec: 'opus', width: 320, height: 180 }],
    ['audio.mp3', { kind: 'audio', container: 'mp3', videoCodec: null, audioCodec: 'mp3', width: null, height: null }],
    ['audio.m4a', { kind: 'audio', container: 'm4a', videoCodec: null, audioCodec: 'aac', width: null, height: null }],
    ['audio.opus', { kind: 'audio', container: 'ogg', videoCodec: null, audioCodec: 'opus', width: null, height: null }],
  ];
  it.each(cases)('%s is read for what it is, 4 seconds long', async (name, expected) => {
    const facts = await probe(good[name], name);
    const bytes = statSync(good[name]).size;
    expect(facts).toEqual({ ...expected, durationSeconds: expect.any(Number), bitsPerSecond: Math.round((bytes * 8) / facts.durationSeconds), bytes });
    expect(Math.abs(facts.durationSeconds - 4)).toBeLessThanOrEqual(0.1);
  });

  it('is an Ogg Opus file under either of its names, .opus or .ogg', async () => {
    expect(await probe(good['audio.opus'], 'audio.ogg')).toMatchObject({ kind: 'audio', container: 'ogg', audioCodec: 'opus' });
  });

  it('is held to limits a kiosk can keep', () => {
    expect([MAX_DURATION_SECONDS, DURATION_GRACE_SECONDS, MAX_VIDEO_LONG_SIDE, MAX_VIDEO_SHORT_SIDE, MAX_VIDEO_BITS_PER_SECOND, MAX_AUDIO_BITS_PER_SECOND, MAX_MEDIA_BYTES])
      .toEqual([3 * 3600, 1, 3840, 2160, 20_000_000, 512_000, 2 * 1024 ** 3]);
    expect(MAX_AUDIO_BYTES).toBe((3 * 3600 + 1) * 64_000);
  });
});

describe('a media file the kiosk refuses, naming it and saying why', () => {
  const cases: [HostileMediaName, RefusalReason, RegExp][] = [
    ['half-video.mp4', 'truncated', /"mdat" box declares \d+ bytes, but only \d+ remain.*cut short/],
    ['half-sign.mp4', 'truncated', /"mdat" box declares .*cut short/],
    ['half-video.webm', 'truncated', /Segment declares \d+ bytes, but the file has \d+.*cut short/],
    // Cut mid-frame, so the frame walk (mp3-frames.test.ts) refuses it before its Xing header's length is compared.
    ['half-audio.mp3', 'truncated', /its MP3 frame \d+ \(at byte \d+\) declares \d+ bytes, but only \d+ remain.*cut short/],
    ['half-audio.m4a', 'truncated', /"mdat" box declares .*cut short/],
    ['half-audio.opus', 'truncated', /ends inside an Ogg page.*cut short/],
    ['webm-inside.mp4', 'container', /is a WebM, whatever its name says: expected an MP4 with H\.264 video.*name it \.webm/],
    ['mp3-inside.mp4', 'container', /is an MP3, whatever its name says.*name it \.mp3/],
    ['audio-inside.webm', 'container', /is an Ogg file, whatever its name says: expected a WebM/],
    ['quicktime-inside.mp4', 'container', /is a QuickTime movie \(\.mov\).*convert it/],
    ['audio-only.mp4', 'tracks', /has no video track \(audio only\): expected an MP4 with H\.264 video.*\.m4a/],
    ['video-inside.m4a', 'tracks', /has a video track \(H\.264\): expected an MP4 audio file/],
    ['mvhd-100-hours.mp4', 'duration', /says in its header that it runs 100:00:00: the kiosk plays at most 3:00:00/],
    ['mvhd-1-second.mp4', 'duration', /says in its header that it runs 1 s, but its media runs 4 s: the header is wrong/],
    ['stsz-1-mib-frames.mp4', 'truncated', /sample tables declare \d+ bytes of media, but its media data holds \d+/],
    ['random-bytes.mp4', 'not-media', /is not a media file the kiosk recognises: expected an MP4/],
    ['poster-inside.mp4', 'not-media', /is not a media file the kiosk recognises/],
    ['empty.mp4', 'not-media', /is empty \(0 bytes\)/],
    ['hevc.mp4', 'codec', /has H\.265 \(HEVC\) video, which the kiosk cannot play: expected an MP4 with H\.264 video/],
    ['mpeg4-part2.mp4', 'codec', /has MPEG-4 Part 2 \("mp4v"\) video, which the kiosk cannot play/],
    ['mp3-audio-in.mp4', 'codec', /has MP3 audio, which the kiosk cannot play: expected an MP4 with H\.264 video \(and AAC audio, if any\)/],
    ['vorbis.ogg', 'codec', /has Vorbis audio.*expected an Ogg file with Opus audio/],
    ['over-4k.mp4', 'dimensions', /is 4096 x 2160 pixels: the kiosk plays video up to 3840 x 2160/],
    ['heavy-audio.m4a', 'bitrate', /averages 6\d\d kbit\/s .*at most 512 kbit\/s/],
    ['video.mkv', 'name', /is not named as a media file the kiosk plays/],
  ];
  it.each(cases)('%s (%s)', async (name, reason, says) => {
    const refusal = await refusalOf(name);
    expect(refusal.file).toBe(`media/${name}`);
    expect(refusal.message.startsWith(`media/${name}: `), refusal.message).toBe(true);
    expect(refusal.message).toMatch(says);
    expect(refusal.reason, refusal.message).toBe(reason);
  });

  it('a file too big to be what its name says, refused before it is read (sparse files, no disk used)', async () => {
    const big = (name: string, bytes: number) => {
      const path = join(root.path, name);
      writeFileSync(path, '');
      truncateSync(path, bytes);
      return path;
    };
    await expect(probe(big('huge.mp4', MAX_MEDIA_BYTES + 1), 'huge.mp4')).rejects.toMatchObject({ reason: 'size', message: expect.stringMatching(/^media\/huge\.mp4: is 2\.00 GiB: the kiosk plays files of at most 2 GiB/) });
    await expect(probe(big('long.mp3', MAX_AUDIO_BYTES + 1), 'long.mp3')).rejects.toMatchObject({ reason: 'size', message: expect.stringMatching(/^media\/long\.mp3: is 691 MB: audio of at most 3:00:00 at 512 kbit\/s is at most 691 MB/) });
  });

  it('reads a lying file by ranges: a 100-hour header costs no more than the real 4 seconds', async () => {
    const started = performance.now();
    await refusalOf('mvhd-100-hours.mp4');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
