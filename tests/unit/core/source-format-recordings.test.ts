// @vitest-environment node
/**
 * Recordings in the curator's source format (issue 20; docs/content-package.md, "Films and sound
 * recordings"): the YAML a curator writes becomes the manifest's recordings, captions by language
 * and transcripts with their siblings, every file measured; and the curator's mistakes are named
 * by file and line. Whether the files are playable is the import's check (stage), not this one's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PackageError, PackageProblems } from '../../../src-main/core/packages/errors';
import { completeManifest } from '../../../src-main/core/packages/pack';
import { exampleFiles, lineOf, writeExhibitFolder } from '../../helpers/exhibit-folder';
import { tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let count = 0;
beforeAll(() => {
  root = tempDir();
});
afterAll(() => root.cleanup());

const RECORDINGS = `    recordings:
      - file: media/crossing.mp4
        title:
          en: The crossing, filmed
          ru: Переход на плёнке
        poster: media/crossing-poster.jpg
        captions:
          en: media/crossing.en.vtt
          ru: media/crossing.ru.vtt
        transcript: transcripts/crossing.md
        signLanguage: media/crossing-sign.mp4
        audioDescription: media/crossing-described.mp3
      - file: media/anna.mp3
        captions: media/anna.vtt
`;

/** Files the recordings name; their bytes are only measured here, so any bytes do. */
const MEDIA = ['media/crossing.mp4', 'media/crossing.en.vtt', 'media/crossing.ru.vtt', 'media/crossing-sign.mp4', 'media/crossing-described.mp3', 'media/anna.mp3', 'media/anna.vtt'];

type Files = Record<string, string>;

/** The docs' example with two recordings on "ship-letter", Russian as a second language, after `edit`. */
async function folder(edit: (files: Files) => void = () => {}, media = MEDIA): Promise<string> {
  const files = exampleFiles();
  files['exhibit.yaml'] = files['exhibit.yaml']!
    .replace('language: en\n', 'language: en\nlanguages: [ru]\n')
    .replace('        alt: "The second page, signed: Anna"\n', `        alt: "The second page, signed: Anna"\n${RECORDINGS}`);
  files['transcripts/crossing.md'] = 'The engines started at dawn.\n\nBy noon the coast was gone.\n';
  files['transcripts/crossing.ru.md'] = 'Машины завели на рассвете.\n\nК полудню берег исчез.\n';
  edit(files);
  const dir = join(root.path, `recordings-${++count}`);
  for (const file of media) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), `bytes of ${file}`);
  }
  return writeExhibitFolder(dir, files, ['media/ship-letter-1.jpg', 'media/ship-letter-2.jpg', 'media/dock-photo.jpg', 'media/crossing-poster.jpg']);
}

const sha = (dir: string, file: string) => createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
const entry = (dir: string, file: string) => ({ file, sha256: sha(dir, file), bytes: readFileSync(join(dir, file)).length });

async function mistakes(dir: string): Promise<string[]> {
  try {
    await completeManifest(dir);
  } catch (error) {
    if (error instanceof PackageProblems) return error.problems.map((p) => p.message);
    if (error instanceof PackageError) return [error.message];
    throw error;
  }
  throw new Error('test: the folder was accepted');
}

describe('recordings a curator writes', () => {
  it('become the manifest\'s recordings: captions by language, transcript with its sibling, every file measured', async () => {
    const dir = await folder();
    const { manifest } = await completeManifest(dir);
    const [film, sound] = manifest.artifacts[0]!.recordings!;
    expect(film).toEqual({
      ...entry(dir, 'media/crossing.mp4'),
      title: { en: 'The crossing, filmed', ru: 'Переход на плёнке' },
      poster: entry(dir, 'media/crossing-poster.jpg'),
      captions: [
        { language: 'en', ...entry(dir, 'media/crossing.en.vtt') },
        { language: 'ru', ...entry(dir, 'media/crossing.ru.vtt') },
      ],
      transcript: [
        { en: 'The engines started at dawn.', ru: 'Машины завели на рассвете.' },
        { en: 'By noon the coast was gone.', ru: 'К полудню берег исчез.' },
      ],
      signLanguage: entry(dir, 'media/crossing-sign.mp4'),
      audioDescription: entry(dir, 'media/crossing-described.mp3'),
    });
    // One captions file, not a group by language: the exhibit's own language.
    expect(sound).toEqual({ ...entry(dir, 'media/anna.mp3'), title: null, poster: null, captions: [{ language: 'en', ...entry(dir, 'media/anna.vtt') }], transcript: null, signLanguage: null, audioDescription: null });
    // An artifact without recordings packs as before: no empty list is written.
    expect(manifest.artifacts[1]).not.toHaveProperty('recordings');
  });

  it('refuses each mistake with its file and line', async () => {
    const yaml = (files: Files) => files['exhibit.yaml']!;
    let text = '';
    const dir = await folder((files) => {
      files['exhibit.yaml'] = yaml(files)
        .replace('media/crossing.mp4', 'media/crossing.avi')
        .replace('poster: media/crossing-poster.jpg', 'poster: media/ship-letter-1.jpg')
        .replace('signLanguage: media/crossing-sign.mp4', 'signLanguage: media/crossing-described.mp3')
        .replace('captions: media/anna.vtt', 'captions: media/missing.vtt\n        transcrip: transcripts/anna.md');
      text = files['exhibit.yaml']!;
    });
    expect(await mistakes(dir)).toEqual([
      `exhibit.yaml, line ${lineOf(text, 'transcrip: ')}: "transcrip" is not a key of recording 2 of artifact "ship-letter": did you mean "transcript"? (its keys are file, title, poster, captions, transcript, signLanguage, audioDescription)`,
      `exhibit.yaml, line ${lineOf(text, '- file: media/crossing.avi')}: "file" should be a file name under media/ ending in .mp4, .webm (video), .mp3, .m4a, .opus or .ogg (sound) (no sub-folders, spaces or ".."), found "media/crossing.avi"`,
      `exhibit.yaml, line ${lineOf(text, 'signLanguage: ')}: "signLanguage" should be a file name under media/ ending in .mp4 or .webm (a video) (no sub-folders, spaces or ".."), found "media/crossing-described.mp3"`,
      `exhibit.yaml, line ${lineOf(text, 'poster: ')}: the file of "poster" ("media/ship-letter-1.jpg") is also the file of image 1 of artifact "ship-letter" (line ${lineOf(text, '- file: media/ship-letter-1.jpg')}); each file is used once`,
      `exhibit.yaml, line ${lineOf(text, 'audioDescription: ')}: the file of "audioDescription" ("media/crossing-described.mp3") is also the file of "signLanguage" (line ${lineOf(text, 'signLanguage: ')}); each file is used once`,
      // Named in the same run as the mistakes in the words (it was left for a second run).
      `exhibit.yaml, line ${lineOf(text, 'captions: media/missing.vtt')}: "captions" names media/missing.vtt, which is not in the folder (looked for ${join(dir, 'media/missing.vtt')})`,
    ]);
  });

  it('refuses captions in a language the exhibit does not list', async () => {
    let text = '';
    const dir = await folder((files) => {
      files['exhibit.yaml'] = files['exhibit.yaml']!.replace('ru: media/crossing.ru.vtt', 'de: media/crossing.ru.vtt');
      text = files['exhibit.yaml'];
    });
    expect(await mistakes(dir)).toEqual([
      `exhibit.yaml, line ${lineOf(text, 'de: media/crossing.ru.vtt')}: "de" of "captions" should be captions in one of the exhibit's languages (en, ru), but "de" is not one of them: add it to "languages", or remove these captions, found "de"`,
    ]);
  });

  it('takes an object that is a recording alone, without images, and names the key an object with neither needs', async () => {
    const docks = `    images:
      - file: media/dock-photo.jpg
        alt: Cranes and a steamship at the east dock
        standIn: true
`;
    // The attract loop shows pictures: dock-photo leaves it when it has none.
    const alone = await folder((files) => {
      files['exhibit.yaml'] = files['exhibit.yaml']!.replace('[ship-letter, dock-photo]', '[ship-letter]').replace(docks, '    recordings:\n      - file: media/dock-film.webm\n');
    }, [...MEDIA, 'media/dock-film.webm']);
    const { manifest } = await completeManifest(alone);
    const dock = manifest.artifacts.find((a) => a.id === 'dock-photo')!;
    expect(dock.media).toEqual([]);
    expect(dock.recordings).toEqual([expect.objectContaining({ file: 'media/dock-film.webm' })]);

    let text = '';
    const neither = await folder((files) => {
      files['exhibit.yaml'] = files['exhibit.yaml']!.replace('[ship-letter, dock-photo]', '[ship-letter]').replace(docks, '');
      text = files['exhibit.yaml'];
    });
    expect(await mistakes(neither)).toEqual([
      `exhibit.yaml, line ${lineOf(text, '  dock-photo:')}: "images" is missing from artifact "dock-photo" (it should be a list of images (each starting with "- "), or "recordings" given instead)`,
    ]);
  });
});
