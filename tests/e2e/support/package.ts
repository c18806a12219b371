/**
 * A small content package for specs that need content the built-in exhibit lacks (a translation):
 * a curator's source folder with real images, packed and imported with the staff CLI, exactly as
 * staff would (`vitrine pack`, `vitrine import`). `npm run build` must have run first.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const ROOT = join(import.meta.dirname, '../../..');
const run = promisify(execFile);

/** What the package's objects say, for the spec to compare with the screen. */
export const TRANSLATED = {
  id: 'letter',
  title: 'Letter on Grain Shipments',
  permanentUrl: 'https://example.org/archive/letter-on-grain',
  translation: [
    'To the Council of People’s Commissars: shipments of grain from the port of Riga are to proceed without delay.',
    'The committee asks that every wagon be counted at the border and the count sent by telegraph each evening.',
  ],
} as const;

export const UNTRANSLATED = {
  id: 'telegram',
  title: 'Telegram from Moscow',
  permanentUrl: 'https://example.org/archive/telegram',
  translationNote: 'The translation of this telegram is kept at the archive in Moscow.',
} as const;

/** A large, document-like image (lines of text on paper), so the viewer has several zoom levels. */
async function documentImage(path: string, heading: string): Promise<void> {
  const width = 2400;
  const height = 3200;
  const lines = Array.from({ length: 40 }, (_, i) => `<text x="160" y="${520 + i * 64}" font-size="40" fill="#3a2f25">${i + 1}. ${heading} — line ${i + 1} of the original document</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#efe6d2"/><text x="160" y="300" font-size="110" fill="#2a211a">${heading}</text>${lines.join('')}</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(path);
}

/** Writes the source folder, packs it and imports it into `dataDir` as the live exhibit. */
export async function importTranslatedPackage(workDir: string, dataDir: string): Promise<void> {
  const source = join(workDir, 'source');
  await mkdir(join(source, 'media'), { recursive: true });
  await documentImage(join(source, 'media/letter.jpg'), TRANSLATED.title);
  await documentImage(join(source, 'media/telegram.jpg'), UNTRANSLATED.title);
  const exhibit = {
    format: 'vitrine-package',
    schemaVersion: 1,
    package: { id: 'looking-closely-test', version: '1.0.0', title: 'Looking closely (test)' },
    exhibit: {
      title: 'Letters and Telegrams',
      subtitle: null,
      credit: 'Made for the looking-closely spec',
      language: 'en',
      sections: [
        {
          id: 'letters',
          title: 'Letters',
          introduction: ['Two documents from the archive.'],
          topics: [
            {
              id: 'grain',
              era: '1921',
              title: 'Grain',
              body: [
                { type: 'paragraph', text: 'A letter, with its translation.' },
                { type: 'artifact', ref: TRANSLATED.id },
                { type: 'paragraph', text: 'A telegram, without one.' },
                { type: 'artifact', ref: UNTRANSLATED.id },
              ],
            },
          ],
        },
      ],
    },
    artifacts: [
      {
        id: TRANSLATED.id, title: TRANSLATED.title, caption: 'A letter about grain.', permanentUrl: TRANSLATED.permanentUrl,
        translation: [...TRANSLATED.translation], translationNote: null, date: '1921',
        media: [{ file: 'media/letter.jpg', alt: 'The letter on grain shipments, typed in Russian', standIn: false }],
      },
      {
        id: UNTRANSLATED.id, title: UNTRANSLATED.title, caption: null, permanentUrl: UNTRANSLATED.permanentUrl,
        translation: null, translationNote: UNTRANSLATED.translationNote, date: null,
        media: [{ file: 'media/telegram.jpg', alt: 'The telegram from Moscow', standIn: false }],
      },
    ],
  };
  await writeFile(join(source, 'manifest.json'), JSON.stringify(exhibit, null, 2));
  const cli = join(ROOT, 'out/main/cli.js');
  const packed = join(workDir, 'package');
  await run(process.execPath, [cli, 'pack', source, '--out', packed], { cwd: ROOT });
  // --now: live at once (without it, an import waits for the kiosk's next attract screen).
  await run(process.execPath, [cli, 'import', packed, '--now', '--data', dataDir], { cwd: ROOT });
}
