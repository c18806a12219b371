// @vitest-environment node
/**
 * An MP3 walked frame by frame (issue 20). It has no container, and the demuxer reads a copy cut
 * in the middle of a frame as a shorter recording: without a Xing header it takes the length from
 * the file's size. So every frame must fit in the file, and nothing but frames and tags may fill
 * it. The MP3s are made by ffmpeg at test time: 4 s of tone at 48 kHz and 64 kbit/s, whose frames
 * are all 192 bytes (144 × 64000 / 48000, no padding byte), so a test knows where each one starts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg } from '../../../scripts/make-test-media.mjs';
import { MediaRefusal, probeMedia, type MediaFacts } from '../../../src-main/core/media/probe-media';
import { fixedMp3Frames, id3v2Length, noise, withTrailingTags } from '../../helpers/hostile-media';
import { tempDir } from '../../helpers/packages';

const FRAME_BYTES = 192;
/** Samples in an MPEG-1 Layer III frame, at 48 kHz: 24 ms. */
const FRAME_SECONDS = 1152 / 48000;

let root: ReturnType<typeof tempDir>;
/** Constant bitrate, no Xing header: nothing in it says how long it is but its size. */
let plain: Buffer;
/** The same with ffmpeg's Xing ("Info") header, which counts the frames. */
let counted: Buffer;
let mp2: Buffer;
let frames: number[];

beforeAll(async () => {
  root = tempDir('vitrine-mp3-');
  const tone = ['-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=48000:duration=4', '-ac', '1', '-b:a', '64k'];
  plain = readFileSync(await ffmpeg([...tone, '-c:a', 'libmp3lame', '-write_xing', '0'], join(root.path, 'plain.mp3')));
  counted = readFileSync(await ffmpeg([...tone, '-c:a', 'libmp3lame'], join(root.path, 'counted.mp3')));
  mp2 = readFileSync(await ffmpeg([...tone, '-c:a', 'mp2', '-f', 'mp2'], join(root.path, 'mp2.mp3')));
  frames = fixedMp3Frames(plain, FRAME_BYTES);
});
afterAll(() => root?.cleanup());

/** Probes `bytes` as the package's `media/<name>`. */
async function probe(name: string, bytes: Buffer): Promise<MediaFacts> {
  const path = join(root.path, name);
  writeFileSync(path, bytes);
  return probeMedia(path, `media/${name}`);
}

/** The refusal probing `bytes` throws. */
async function refusalOf(name: string, bytes: Buffer): Promise<MediaRefusal> {
  const error = await probe(name, bytes).then(() => null, (e: unknown) => e);
  if (!(error instanceof MediaRefusal)) throw new Error(`${name} was not refused with a MediaRefusal: ${error === null ? 'it was accepted' : String(error)}`);
  expect(error.message.startsWith(`media/${name}: `), error.message).toBe(true);
  return error;
}

describe('the test MP3s', () => {
  it('have an ID3 tag, then frames of 192 bytes; only one has a Xing header', () => {
    expect(id3v2Length(plain)).toBeGreaterThan(0);
    expect(frames.length).toBeGreaterThan(160);
    for (const tag of ['Xing', 'Info', 'VBRI']) expect(plain.includes(tag, 0, 'latin1')).toBe(false);
    expect(counted.includes('Info', 0, 'latin1')).toBe(true);
    expect(fixedMp3Frames(counted, FRAME_BYTES)).toHaveLength(frames.length + 1); // its header takes a frame
  });
});

describe('an MP3 whose frames fill it is accepted', () => {
  it('whole, without a Xing header', async () => {
    const facts = await probe('plain.mp3', plain);
    expect(facts).toMatchObject({ kind: 'audio', container: 'mp3', audioCodec: 'mp3', bytes: plain.length });
    expect(facts.durationSeconds).toBeCloseTo(frames.length * FRAME_SECONDS, 3);
  });

  it('cut exactly between two frames: a shorter recording, and a whole one', async () => {
    // Nothing in a plain MP3 promises more frames than it holds: each frame is whole and plays,
    // just as if the encoder had stopped there. Only a header that counts them (below) can tell.
    const facts = await probe('first-half.mp3', plain.subarray(0, frames[84]));
    expect(facts.durationSeconds).toBeCloseTo(84 * FRAME_SECONDS, 3);
  });

  it('with the tags a tagger appends after the frames (APE, ID3v1)', async () => {
    expect((await probe('tagged.mp3', withTrailingTags(plain))).durationSeconds).toBeCloseTo(frames.length * FRAME_SECONDS, 3);
  });

  it('with its Xing header, whole', async () => {
    expect((await probe('counted.mp3', counted)).durationSeconds).toBeCloseTo(frames.length * FRAME_SECONDS, 3);
  });
});

describe('an MP3 whose frames do not fill it is refused, saying where', () => {
  it('cut in the middle of a frame', async () => {
    const refusal = await refusalOf('cut.mp3', plain.subarray(0, frames[84]! + 100));
    expect(refusal.reason).toBe('truncated');
    expect(refusal.message).toMatch(new RegExp(`its MP3 frame 85 \\(at byte ${frames[84]}\\) declares 192 bytes, but only 100 remain: the file is cut short`));
  });

  it('cut in the middle of a frame header', async () => {
    const refusal = await refusalOf('cut-header.mp3', plain.subarray(0, frames[84]! + 2));
    expect(refusal).toMatchObject({ reason: 'truncated', message: expect.stringMatching(/ends 2 bytes into the header of its MP3 frame 85 .*cut short/) });
  });

  it('cut in the middle of a frame, then tagged (a tagger run on a cut copy)', async () => {
    const refusal = await refusalOf('cut-tagged.mp3', withTrailingTags(plain.subarray(0, frames[84]! + 100)));
    expect(refusal).toMatchObject({ reason: 'truncated', message: expect.stringMatching(/its MP3 frame 85 .* but only 100 remain/) });
  });

  it('with bytes that are not a frame where a frame should start', async () => {
    const garbage = Buffer.concat([plain.subarray(0, frames[84]), noise(300), plain.subarray(frames[84])]);
    const refusal = await refusalOf('garbage.mp3', garbage);
    expect(refusal.reason).toBe('damaged');
    expect(refusal.message).toMatch(new RegExp(`has bytes [0-9a-f ]{11} at byte ${frames[84]}, where its MP3 frame 84 ends, instead of an MP3 frame header: the file is damaged`));
  });

  it('ending in zeros, as an interrupted download leaves the space it set aside', async () => {
    const zeros = Buffer.concat([plain.subarray(0, frames[84]! + 100), Buffer.alloc(plain.length - frames[84]! - 100)]);
    expect(await refusalOf('zeros.mp3', zeros)).toMatchObject({ reason: 'damaged', message: expect.stringMatching(/has bytes 00 00 00 00 at byte \d+, where its MP3 frame 85 ends/) });
  });

  it('with a Xing header counting more frames than it holds, though cut between two frames', async () => {
    // 10 frames (0.24 s) short: within the duration check's tolerance of a second.
    const starts = fixedMp3Frames(counted, FRAME_BYTES);
    const refusal = await refusalOf('counted-cut.mp3', counted.subarray(0, starts.at(-10)));
    expect(refusal.reason).toBe('truncated');
    expect(refusal.message).toMatch(new RegExp(`its Xing header counts ${frames.length} MP3 frames of audio, but the file holds ${frames.length - 10}: the file is cut short`));
  });

  it('MPEG Layer II (MP2) named .mp3, which the demuxer takes for MP3', async () => {
    const refusal = await refusalOf('mp2.mp3', mp2);
    expect(refusal).toMatchObject({ reason: 'codec', message: expect.stringMatching(/has MPEG-1 Layer II audio \(MP2\), which the kiosk cannot play: expected MP3 audio/) });
  });
});
