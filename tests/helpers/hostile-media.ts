/**
 * Video and audio files a package might carry that the kiosk must refuse (issue 20), made from the
 * good test media of scripts/make-test-media.mjs: cut copies, lies in headers, the wrong
 * container or codec behind a playable name. Each is written under the name it is to be probed as.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ffmpeg, videoInCodec } from '../../scripts/make-test-media.mjs';
import type { TestMediaName } from '../../scripts/make-test-media.mjs';

/** The first half of a file, as an interrupted copy leaves it. */
export function firstHalf(bytes: Buffer): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

/** Offset of a box's type (e.g. 'mvhd') in an MP4; throws if absent. Test media are small enough to search whole. */
function boxAt(mp4: Buffer, type: string): number {
  const at = mp4.indexOf(type, 0, 'latin1');
  if (at < 4) throw new Error(`no "${type}" box in the test MP4`);
  return at;
}

/** An MP4 whose movie header (mvhd, version 0) claims `hours` hours; its tracks are untouched. */
export function withMovieDuration(mp4: Buffer, hours: number): Buffer {
  const out = Buffer.from(mp4);
  const body = boxAt(out, 'mvhd') + 4; // version and flags, creation, modification, timescale, duration
  if (out[body] !== 0) throw new Error('the test MP4 has a version 1 mvhd');
  const timescale = out.readUInt32BE(body + 12);
  out.writeUInt32BE(Math.round(timescale * 3600 * hours), body + 16);
  return out;
}

/** An MP4 whose first sample size table (the video's) claims `bytesPerSample` for every sample. */
export function withSampleSizes(mp4: Buffer, bytesPerSample: number): Buffer {
  const out = Buffer.from(mp4);
  const body = boxAt(out, 'stsz') + 4; // version and flags, uniform size, count, entries
  const count = out.readUInt32BE(body + 8);
  if (out.readUInt32BE(body + 4) !== 0) throw new Error('the test MP4 has a uniform sample size');
  for (let i = 0; i < count; i++) out.writeUInt32BE(bytesPerSample, body + 12 + 4 * i);
  return out;
}

/** `length` bytes that look random and are the same on every run. */
export function noise(length: number, seed = 'vitrine'): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(createHash('sha256').update(`${seed}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

/** An MP4 followed by a `free` box of `bytes` bytes: well formed, and that much heavier. */
export function withPadding(mp4: Buffer, bytes: number): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(bytes + 8);
  head.write('free', 4, 'latin1');
  return Buffer.concat([mp4, head, Buffer.alloc(bytes)]);
}

/** The length of an MP3's ID3v2 tag, 0 if it has none: a 10-byte header and a synchsafe size (7 bits a byte). */
export function id3v2Length(mp3: Buffer): number {
  if (mp3.toString('latin1', 0, 3) !== 'ID3') return 0;
  return 10 + ((mp3[6]! << 21) | (mp3[7]! << 14) | (mp3[8]! << 7) | mp3[9]!);
}

/**
 * Where each frame of an MP3 starts, for one whose frames are all `frameBytes` long (a constant
 * bitrate that needs no padding byte); throws where a frame header is not where it should be.
 */
export function fixedMp3Frames(mp3: Buffer, frameBytes: number): number[] {
  const starts: number[] = [];
  for (let at = id3v2Length(mp3); at < mp3.length; at += frameBytes) {
    if (mp3[at] !== 0xff || (mp3[at + 1]! & 0xe0) !== 0xe0) throw new Error(`no MP3 frame header at byte ${at} of the test MP3`);
    starts.push(at);
  }
  if (starts.at(-1)! + frameBytes !== mp3.length) throw new Error('the test MP3 does not end where a frame does');
  return starts;
}

/** An MP3 followed by the tags a tagger appends: an APE tag (header, one item, footer), then ID3v1. */
export function withTrailingTags(mp3: Buffer): Buffer {
  const item = Buffer.concat([Buffer.alloc(8), Buffer.from('Title\0Harbour', 'latin1')]);
  item.writeUInt32LE(7); // the value's length; its flags stay 0
  const apePart = (isHeader: boolean) => {
    const part = Buffer.alloc(32);
    part.write('APETAGEX', 'latin1');
    part.writeUInt32LE(2000, 8); // version
    part.writeUInt32LE(item.length + 32, 12); // items and footer, not the header
    part.writeUInt32LE(1, 16); // one item
    part.writeUInt32LE((0x80000000 | (isHeader ? 0x20000000 : 0)) >>> 0, 20); // "has a header", "is the header"
    return part;
  };
  const id3v1 = Buffer.alloc(128);
  id3v1.write('TAGHarbour', 'latin1');
  return Buffer.concat([mp3, apePart(true), item, apePart(false), id3v1]);
}

export type HostileMediaName =
  | 'half-video.mp4' | 'half-sign.mp4' | 'half-video.webm' | 'half-audio.mp3' | 'half-audio.m4a' | 'half-audio.opus'
  | 'webm-inside.mp4' | 'mp3-inside.mp4' | 'audio-only.mp4' | 'video-inside.m4a' | 'audio-inside.webm'
  | 'mvhd-100-hours.mp4' | 'mvhd-1-second.mp4' | 'stsz-1-mib-frames.mp4' | 'random-bytes.mp4' | 'empty.mp4' | 'poster-inside.mp4'
  | 'hevc.mp4' | 'mpeg4-part2.mp4' | 'mp3-audio-in.mp4' | 'vorbis.ogg' | 'over-4k.mp4' | 'heavy-audio.m4a'
  | 'quicktime-inside.mp4' | 'video.mkv';

/**
 * Writes every hostile file into `outDir`, made from `good` (the paths makeTestMedia returned),
 * and returns each one's path by the name it is to be probed as.
 */
export async function makeHostileMedia(good: Record<TestMediaName, string>, outDir: string): Promise<Record<HostileMediaName, string>> {
  const files = {} as Record<HostileMediaName, string>;
  const write = (name: HostileMediaName, bytes: Buffer) => {
    files[name] = join(outDir, name);
    writeFileSync(files[name], bytes);
  };
  const copy = (name: HostileMediaName, from: TestMediaName) => {
    files[name] = join(outDir, name);
    copyFileSync(good[from], files[name]);
  };
  const read = (name: TestMediaName) => readFileSync(good[name]);
  const encode = async (name: HostileMediaName, args: string[]) => {
    files[name] = await ffmpeg(args, join(outDir, name));
  };

  for (const name of ['video.mp4', 'sign.mp4', 'video.webm', 'audio.mp3', 'audio.m4a', 'audio.opus'] as const) {
    write(`half-${name}` as HostileMediaName, firstHalf(read(name)));
  }
  copy('webm-inside.mp4', 'video.webm');
  copy('mp3-inside.mp4', 'audio.mp3');
  copy('audio-only.mp4', 'audio.m4a');
  copy('video-inside.m4a', 'video.mp4');
  copy('audio-inside.webm', 'audio.opus');
  copy('poster-inside.mp4', 'poster.png');
  write('mvhd-100-hours.mp4', withMovieDuration(read('video.mp4'), 100));
  write('mvhd-1-second.mp4', withMovieDuration(read('video.mp4'), 1 / 3600));
  write('stsz-1-mib-frames.mp4', withSampleSizes(read('video.mp4'), 1024 * 1024));
  write('random-bytes.mp4', noise(20_000));
  write('empty.mp4', Buffer.alloc(0));
  // 4 s of AAC (18 KB) and 300 KB of padding: about 640 kbit/s of "audio".
  write('heavy-audio.m4a', withPadding(read('audio.m4a'), 300_000));
  copy('video.mkv', 'video.webm');

  await encode('hevc.mp4', [...videoInCodec('libx265'), '-x265-params', 'log-level=none']);
  await encode('mpeg4-part2.mp4', videoInCodec('mpeg4'));
  await encode('mp3-audio-in.mp4', ['-i', good['video.mp4'], '-i', good['audio.mp3'], '-map', '0:v', '-map', '1:a', '-c:v', 'copy', '-c:a', 'copy']);
  await encode('vorbis.ogg', ['-i', good['audio.mp3'], '-c:a', 'libvorbis', '-q:a', '0']);
  await encode('over-4k.mp4', ['-f', 'lavfi', '-i', 'color=c=navy:s=4096x2160:r=5:d=1', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p']);
  await encode('quicktime-inside.mp4', ['-i', good['video.mp4'], '-c', 'copy', '-f', 'mov']);
  return files;
}
