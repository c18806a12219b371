/**
 * Builds real content packages for tests: real image files (made with sharp), a manifest with
 * real sizes and checksums, as a folder or a zip archive. Nothing is mocked.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { pack } from '../../src-main/core/packages/pack';

/** The built-in exhibit's curator source folder (exhibit.yaml and Markdown; its images are made at build). */
export const BUILTIN_DIR = join(import.meta.dirname, '../../assets/exhibit');

/** A fresh temporary folder, removed by `cleanup()`. */
export function tempDir(prefix = 'vitrine-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** A small real image, different per `seed`, in the format the extension names. */
export async function makeImage(path: string, seed: number, width = 96, height = 128): Promise<void> {
  const hue = (seed * 47) % 255;
  const img = sharp({ create: { width, height, channels: 3, background: { r: hue, g: 255 - hue, b: (seed * 13) % 255 } } });
  if (path.endsWith('.png')) await img.png().toFile(path);
  else if (path.endsWith('.webp')) await img.webp().toFile(path);
  else await img.jpeg().toFile(path);
}

type Json = Record<string, any>;

/** A small valid curator source: two sections, three topics, four artifacts (one with two pages). */
export function smallSource(): Json {
  const media = (id: string, n = 1) => Array.from({ length: n }, (_, i) => ({ file: `media/${id}-${i + 1}.jpg`, alt: `Image of ${id}, page ${i + 1}`, standIn: false }));
  return {
    format: 'vitrine-package',
    schemaVersion: 1,
    package: { id: 'test-exhibit', version: '1.0.0', title: 'Test exhibit' },
    exhibit: {
      title: 'A Test Exhibit',
      subtitle: null,
      credit: 'Made for tests',
      language: 'en',
      sections: [
        {
          id: 'first', title: 'First Section', introduction: ['The détente of 1972 opened the first section.'],
          topics: [
            { id: 'alpha', era: 'Early Years', title: 'Alpha', body: [{ type: 'paragraph', text: 'Famine relief began in 1921.' }, { type: 'artifact', ref: 'a1' }] },
            { id: 'beta', era: 'Early Years', title: 'Beta', body: [{ type: 'paragraph', text: 'One.' }, { type: 'artifact', ref: 'a2' }, { type: 'paragraph', text: 'Two.' }, { type: 'artifact', ref: 'a3' }] },
            { id: 'gamma', era: null, title: 'Gamma', body: [{ type: 'paragraph', text: 'A topic without an era.' }] },
          ],
        },
        { id: 'empty', title: 'Empty Section', introduction: [], topics: [] },
      ],
    },
    artifacts: [
      { id: 'a1', title: 'Letter on grain', caption: null, permanentUrl: 'https://example.org/a1', translation: ['Translated grain letter.'], translationNote: null, date: '1921', media: media('a1') },
      { id: 'a2', title: 'Two-page testimony', caption: 'A caption.', permanentUrl: null, translation: null, translationNote: null, date: null, media: media('a2', 2) },
      { id: 'a3', title: 'Telegram', caption: null, permanentUrl: 'https://example.org/a3', translation: null, translationNote: 'Not included.', date: null, media: media('a3') },
      { id: 'a4', title: 'Unplaced object', caption: null, permanentUrl: null, translation: null, translationNote: null, date: null, media: media('a4') },
    ],
  };
}

/**
 * smallSource with periods (issue 6): an axis from 1900 to 2000; topic alpha 1920–1923 and beta
 * 1962 (a single year, no label given); object a3 dated on its own ("about 1950"); a1 and a2
 * only by their topics; topic gamma and the unplaced a4 undated.
 */
export function datedSource(): Json {
  const source = smallSource();
  source.exhibit.timeline = { from: 1900, to: 2000 };
  const [alpha, beta] = source.exhibit.sections[0].topics;
  alpha.period = { from: 1920, to: 1923, label: '1920–1923' };
  beta.period = { from: 1962 };
  source.artifacts[2].period = { from: 1950, label: 'about 1950' };
  return source;
}

/**
 * smallSource with Russian on some texts only (issue 6): the exhibit title, the first section's
 * title and introduction, topic "alpha" (title, era, its paragraph), artifact a1's title and the
 * first image's alt. Everything else is English only, so a Russian visitor sees it in English.
 * (Test words written for this test, not translations of any real exhibit.)
 */
export function bilingualSource(): Json {
  const source = smallSource();
  const { exhibit, artifacts } = source;
  exhibit.languages = ['ru'];
  exhibit.title = { en: 'A Test Exhibit', ru: 'Тестовая выставка' };
  const first = exhibit.sections[0];
  first.title = { en: 'First Section', ru: 'Первый раздел' };
  first.introduction = [{ en: first.introduction[0], ru: 'Разрядка 1972 года открыла первый раздел.' }];
  const alpha = first.topics[0];
  alpha.title = { en: 'Alpha', ru: 'Альфа' };
  alpha.era = { en: 'Early Years', ru: 'Ранние годы' };
  alpha.body[0].text = { en: alpha.body[0].text, ru: 'Помощь голодающим началась в 1921 году.' };
  artifacts[0].title = { en: 'Letter on grain', ru: 'Письмо о зерне' };
  artifacts[0].media[0].alt = { en: artifacts[0].media[0].alt, ru: 'Изображение a1, страница 1' };
  return source;
}

/**
 * Writes a source folder (manifest.json without sizes and checksums, real images) for `source`.
 * Images are seeded 1, 2, 3 … in order, so two sources with the same files share images byte for
 * byte; `seeds` gives chosen files other seeds (other bytes).
 */
export async function writeSource(dir: string, source: Json, seeds: Record<string, number> = {}): Promise<string> {
  mkdirSync(join(dir, 'media'), { recursive: true });
  let seed = 1;
  for (const artifact of source.artifacts ?? []) for (const m of artifact.media ?? []) await makeImage(join(dir, m.file), seeds[m.file] ?? seed++);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(source, null, 2));
  return dir;
}

/** Packs `source` into a package folder (or archive when `out` ends in .zip) and returns its path. */
export async function makePackage(root: string, source: Json = smallSource(), out = 'package', options: { seeds?: Record<string, number>; signingKeyPem?: string } = {}): Promise<string> {
  const src = await writeSource(join(root, `src-${Math.random().toString(36).slice(2)}`), source, options.seeds);
  const target = join(root, out);
  await pack(src, target, { signingKeyPem: options.signingKeyPem });
  return target;
}

/** Reads a package folder's manifest, lets `edit` change it, and writes it back. */
export function editManifest(dir: string, edit: (m: Json) => void): void {
  const path = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(path, 'utf8'));
  edit(m);
  writeFileSync(path, JSON.stringify(m, null, 2));
}

/** Fingerprint of a data folder: every file's relative path and SHA-256 (WAL files excluded). */
export function folderFingerprint(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!/-(wal|shm)$/.test(name)) out.push(`${relative(dir, full)} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    }
  };
  walk(dir);
  return out.sort();
}
