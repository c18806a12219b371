/**
 * Packages with video and audio artifacts for tests (issue 20), made of the real media of
 * scripts/make-test-media.mjs: a film with everything that makes it accessible, and a sound
 * recording with nothing but its file.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestMediaName } from '../../scripts/make-test-media.mjs';
import { pack } from '../../src-main/core/packages/pack';
import { packageFiles } from '../../src-main/core/packages/package-files';
import { bilingualSource, editManifest, writeSource } from './packages';

/** Each file of the recordings, by its name in the package, and the test medium it is a copy of. */
export const RECORDING_FILES = {
  'media/film.mp4': 'video.mp4',
  'media/film-poster.png': 'poster.png',
  'media/film.en.vtt': 'captions.en.vtt',
  'media/film.ru.vtt': 'captions.ru.vtt',
  'media/film-sign.mp4': 'sign.mp4',
  'media/film-described.m4a': 'audio.m4a',
  'media/interview.mp3': 'audio.mp3',
  'media/newsreel.webm': 'video.webm',
  'media/address.opus': 'audio.opus',
  'media/address-poster.png': 'poster.png',
  'media/address.en.vtt': 'captions.en.vtt',
} as const satisfies Record<string, TestMediaName>;

export type RecordingFile = keyof typeof RECORDING_FILES;

/** A word only the film's transcript holds, in each language. */
export const TRANSCRIPT_WORD = { en: 'Cecilienhof', ru: 'Цецилиенхоф' };

/**
 * bilingualSource (English, some Russian) with a film on a1 (title in both languages, poster,
 * captions in both, a transcript of two paragraphs, sign language, audio description) and an
 * interview (sound only, plain title) on a2.
 */
export function recordingSource(): Record<string, any> {
  const source = bilingualSource();
  source.artifacts[0].recordings = [
    {
      file: 'media/film.mp4',
      title: { en: 'Arrival at Potsdam', ru: 'Прибытие в Потсдам' },
      poster: { file: 'media/film-poster.png' },
      captions: [{ language: 'en', file: 'media/film.en.vtt' }, { language: 'ru', file: 'media/film.ru.vtt' }],
      transcript: [
        { en: `The delegates arrive by motorcade at ${TRANSCRIPT_WORD.en}.`, ru: `Делегаты прибывают кортежем в ${TRANSCRIPT_WORD.ru}.` },
        'The conference opens with a handshake.',
      ],
      signLanguage: { file: 'media/film-sign.mp4' },
      audioDescription: { file: 'media/film-described.m4a' },
    },
  ];
  source.artifacts[1].recordings = [{ file: 'media/interview.mp3', title: 'An interview' }];
  return source;
}

/** What a visitor taps to reach the objects that are a recording alone, in English. */
export const SOLO_TITLES = { newsreel: 'Newsreel of the summit', address: 'Radio address' };

/**
 * recordingSource with two objects that are a recording alone, placed in topic gamma: a5, a
 * newsreel (WebM with VP9 and Opus, no poster, so its first frame shows) and a6, a radio address
 * (Opus sound, English captions, a poster that is also its card's picture).
 */
export function soloRecordingSource(): Record<string, any> {
  const source = recordingSource();
  const bare = { caption: null, permanentUrl: null, translation: null, translationNote: null, date: null };
  source.artifacts.push(
    { id: 'a5', title: SOLO_TITLES.newsreel, ...bare, recordings: [{ file: 'media/newsreel.webm' }] },
    {
      id: 'a6', title: SOLO_TITLES.address, ...bare,
      recordings: [{ file: 'media/address.opus', poster: { file: 'media/address-poster.png' }, captions: [{ language: 'en', file: 'media/address.en.vtt' }] }],
    },
  );
  source.exhibit.sections[0].topics[2].body.push({ type: 'artifact', ref: 'a5' }, { type: 'artifact', ref: 'a6' });
  return source;
}

/** Packs `source` with the test media (`media`: makeTestMedia's paths) into `<root>/<out>`, a folder. */
export async function makeRecordingPackage(root: string, media: Record<TestMediaName, string>, out: string, source = recordingSource()): Promise<string> {
  const src = join(root, `src-${out}`);
  await writeSource(src, source);
  const named = new Set(packageFiles(source).map((f) => f.file));
  for (const [file, from] of Object.entries(RECORDING_FILES)) if (named.has(file)) copyFileSync(media[from], join(src, file));
  const target = join(root, out);
  await pack(src, target);
  return target;
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Puts `bytes` in place of `file` in a package folder, and gives its manifest entry the new size
 * and checksum: a package whose checksums are right, whatever the file now is.
 */
export function replaceFile(dir: string, file: string, bytes: Buffer | string): void {
  writeFileSync(join(dir, file), bytes);
  editManifest(dir, (manifest) => {
    const entry = packageFiles(manifest).find((f) => f.file === file);
    if (!entry) throw new Error(`no ${file} in the manifest`);
    Object.assign(entry.entry, { bytes: Buffer.byteLength(bytes), sha256: sha256(bytes) });
  });
}

/** The bytes of a test medium. */
export const bytesOf = (media: Record<TestMediaName, string>, name: TestMediaName) => readFileSync(media[name]);
