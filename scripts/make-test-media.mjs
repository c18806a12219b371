#!/usr/bin/env node
/**
 * Makes small, real test media with Debian's ffmpeg (5.1; `apt-get install ffmpeg`): the video and
 * audio artifacts of issue 20, a few KB to a few tens of KB each, byte for byte the same on every
 * run of the same ffmpeg (bit-exact flags, one thread, no metadata). The tests make them at run
 * time, so nothing binary is committed.
 *
 *   node scripts/make-test-media.mjs <out-folder>
 *
 * Every video frame has its own colour (its red channel counts frames), so a test can tell frames
 * apart by one pixel; the sign-language video counts in green on blue instead.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';
export const SECONDS = 4;
export const WIDTH = 320;
export const HEIGHT = 180;
export const FPS = 25;

/** Same input, same bytes: no encoder or muxer version strings, no creation times, one thread. */
const BITEXACT = ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact', '-map_metadata', '-1', '-threads', '1'];

/** A frame counter in colour: frame N is (N*2 mod 256, 80, 160) on the main video. */
const COUNTER = `geq=r='mod(N*2,256)':g='80':b='160'`;
const SIGN_COUNTER = `geq=r='20':g='mod(N*2,256)':b='200'`;

const video = (filter) => ['-f', 'lavfi', '-i', `color=c=black:s=${WIDTH}x${HEIGHT}:r=${FPS}:d=${SECONDS},format=yuv444p,${filter},format=yuv420p`];
const tone = (hz) => ['-f', 'lavfi', '-i', `sine=frequency=${hz}:sample_rate=48000:duration=${SECONDS}`];
const H264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-g', String(FPS), '-pix_fmt', 'yuv420p'];
const AAC = ['-c:a', 'aac', '-b:a', '32k', '-ac', '1'];
const OPUS = ['-c:a', 'libopus', '-b:a', '24k', '-ac', '1'];

/**
 * What each good file is made of: ffmpeg's input and codec arguments. The MP4s are written with
 * `+faststart` (index first), as a kiosk's media should be, so a half file still has a whole index.
 */
const RECIPES = {
  'video.mp4': [...video(COUNTER), ...tone(440), ...H264, ...AAC, '-movflags', '+faststart', '-shortest'],
  'sign.mp4': [...video(SIGN_COUNTER), ...H264, '-movflags', '+faststart'],
  'video.webm': [...video(COUNTER), ...tone(440), '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '60k', '-g', String(FPS), ...OPUS, '-shortest'],
  'audio.mp3': [...tone(330), '-c:a', 'libmp3lame', '-b:a', '32k', '-ac', '1', '-ar', '44100'],
  'audio.m4a': [...tone(330), ...AAC, '-movflags', '+faststart'],
  'audio.opus': [...tone(330), ...OPUS],
};

/** Cues at 0.5-1.5 s and 2-3.5 s, in English and Russian. */
export const CAPTIONS = {
  'captions.en.vtt': 'WEBVTT\n\n1\n00:00:00.500 --> 00:00:01.500\nThe delegates arrive at <i>Potsdam</i>.\n\n2\n00:00:02.000 --> 00:00:03.500\n<v Narrator>The conference opens.</v>\n',
  'captions.ru.vtt': 'WEBVTT\n\n1\n00:00:00.500 --> 00:00:01.500\nДелегаты прибывают в <i>Потсдам</i>.\n\n2\n00:00:02.000 --> 00:00:03.500\n<v Диктор>Конференция открывается.</v>\n',
};

/** ffmpeg's arguments for one more file, for tests that need media the kiosk must refuse. */
export async function ffmpeg(args, output) {
  await run(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args, ...BITEXACT, output]);
  return output;
}

/** The arguments of a 1-second 320x180 video in `codec` (for an MP4 holding HEVC or MPEG-4 Part 2). */
export function videoInCodec(codec) {
  return [...video(COUNTER).map((a) => a.replace(`d=${SECONDS}`, 'd=1')), '-c:v', codec, '-pix_fmt', 'yuv420p', '-movflags', '+faststart'];
}

/**
 * Writes the good test media into `outDir` (made if missing) and returns each file's path by name:
 * video.mp4, sign.mp4, video.webm, audio.mp3, audio.m4a, audio.opus, captions.en.vtt,
 * captions.ru.vtt, poster.png. Throws if ffmpeg is missing or fails (its message says which file).
 */
export async function makeTestMedia(outDir) {
  mkdirSync(outDir, { recursive: true });
  const files = {};
  // Two at a time: the machines have two cores, and each encoder runs on one thread.
  const jobs = Object.entries(RECIPES);
  const next = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const [name, args] = job;
      try {
        files[name] = await ffmpeg(args, join(outDir, name));
      } catch (error) {
        throw new Error(`ffmpeg could not make ${name} (${FFMPEG}; on Debian: apt-get install ffmpeg): ${error.stderr?.trim() || error.message}`);
      }
    }
  };
  await Promise.all([next(), next()]);
  files['poster.png'] = await ffmpeg([...video(COUNTER), '-frames:v', '1', '-c:v', 'png'], join(outDir, 'poster.png'));
  for (const [name, text] of Object.entries(CAPTIONS)) {
    files[name] = join(outDir, name);
    writeFileSync(files[name], text);
  }
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('Usage: node scripts/make-test-media.mjs <out-folder>');
    process.exit(2);
  }
  const started = performance.now();
  const files = await makeTestMedia(resolve(outDir));
  const { statSync } = await import('node:fs');
  for (const [name, path] of Object.entries(files)) console.log(`${name.padEnd(18)} ${String(statSync(path).size).padStart(7)} bytes`);
  console.log(`made in ${Math.round(performance.now() - started)} ms`);
}
