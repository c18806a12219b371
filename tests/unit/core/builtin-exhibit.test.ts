// @vitest-environment node
/**
 * The built-in exhibit's curator source (assets/exhibit/: exhibit.yaml and Markdown), packed by
 * the real `pack`, reproduces the seed text letter for letter, in both directions, and is what
 * scripts/seed-to-exhibit.mjs makes of the seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pack } from '../../../src-main/core/packages/pack';
import type { Manifest } from '../../../src-main/core/packages/manifest';
import { readExhibitFolder } from '../../../src-main/core/packages/source-format/exhibit-folder';
import { BUILTIN_DIR, makeImage, tempDir } from '../../helpers/packages';

// The seed text the built-in exhibit must reproduce exactly (a copy is kept beside the source).
const SEED_COPY = join(BUILTIN_DIR, 'seed-loc-sovi.txt');
const SHARED_SEED = join(import.meta.dirname, '../../../../shared/seed/000_ab2fd6542aee56c3.txt');
const seed = readFileSync(SEED_COPY, 'utf8');
const seedLines = new Set(seed.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== ''));

let root: ReturnType<typeof tempDir>;
let source: Manifest;

/** The curator's files of a folder (exhibit.yaml and the Markdown), relative path to text. */
function curatorFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else if (/\.(md|yaml)$/.test(entry.name)) files[relative(dir, join(d, entry.name))] = readFileSync(join(d, entry.name), 'utf8');
    }
  };
  walk(dir);
  return files;
}

beforeAll(async () => {
  root = tempDir();
  // The source as committed, with small real images in place of the stand-ins (made at build, and large).
  const copy = join(root.path, 'exhibit');
  mkdirSync(join(copy, 'media'), { recursive: true });
  cpSync(join(BUILTIN_DIR, 'exhibit.yaml'), join(copy, 'exhibit.yaml'));
  cpSync(join(BUILTIN_DIR, 'sections'), join(copy, 'sections'), { recursive: true });
  const files = readExhibitFolder(copy, { images: false }).artifacts.flatMap((a) => a.media.map((m) => m.file));
  for (const [n, file] of files.entries()) await makeImage(join(copy, file), n + 1);
  await pack(copy, join(root.path, 'package'));
  source = JSON.parse(readFileSync(join(root.path, 'package', 'manifest.json'), 'utf8'));
});
afterAll(() => root.cleanup());

describe('the built-in exhibit source', () => {
  it('is a copy of the project seed, unchanged', () => {
    if (existsSync(SHARED_SEED)) expect(readFileSync(SHARED_SEED, 'utf8')).toBe(seed);
  });

  it('is exactly what scripts/seed-to-exhibit.mjs makes of the seed', () => {
    const out = join(root.path, 'regenerated');
    mkdirSync(out);
    execFileSync(process.execPath, [join(import.meta.dirname, '../../../scripts/seed-to-exhibit.mjs'), SEED_COPY, out], { stdio: 'ignore' });
    expect(curatorFiles(out)).toEqual(curatorFiles(BUILTIN_DIR));
  });

  it('packs into a package of nine artifacts and ten images, every size and checksum filled in', () => {
    const media = source.artifacts.flatMap((a) => a.media);
    expect(media).toHaveLength(10);
    for (const m of media) expect(m).toMatchObject({ bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('has all eight topics and nine objects of the seed, in order', () => {
    const section = source.exhibit.sections[1]!;
    expect(section.topics.map((t) => (t.era ? `${t.era}: ${t.title}` : t.title))).toEqual([
      'Early Cooperation: American Famine Relief',
      'Early Cooperation: Economic Cooperation',
      'Soviet and American Communist Parties',
      'World War II: Alliance',
      'World War II: American POWs and MIAs',
      'Cold War: Postwar Estrangement',
      'Cold War: Soviet Perspectives',
      'Cold War: Cuban Missile Crisis',
    ]);
    expect(source.artifacts.map((a) => a.id)).toEqual(['obj1', 'obj2', 'obj3', 'obj4', 'obj5', 'obj6', 'obj7', 'obj8', 'obj9']);
  });

  it('copies every paragraph, title and caption exactly as the seed gives it', () => {
    const texts: unknown[] = [];
    for (const s of source.exhibit.sections) {
      texts.push(s.title, ...s.introduction);
      for (const t of s.topics) {
        texts.push(t.era ? `${t.era}: ${t.title}` : t.title);
        for (const b of t.body) if (b.type === 'paragraph') texts.push(b.text);
      }
    }
    for (const a of source.artifacts) texts.push(a.title, ...(a.caption ? [a.caption] : []));
    // Plain text only: the built-in exhibit is English and nothing else (the seed has no other language).
    const notInSeed = texts.filter((t) => typeof t !== 'string' || (!seedLines.has(t) && !seed.includes(t)));
    expect(notInSeed).toEqual([]);
  });

  it('leaves out no paragraph of the seed', () => {
    const headings = source.exhibit.sections.flatMap((s) => s.topics.map((t) => `${t.era}: ${t.title}`));
    const used = JSON.stringify([source, headings]);
    const controls = /^(Sections: |Read the translation$|Back to Top$|Bookmark this item: |\u00a0$| $)/;
    const missing = [...seedLines].filter((l) => !controls.test(l) && l.trim() !== '' && !used.includes(JSON.stringify(l).slice(1, -1)));
    // Lines like "Testimony of Wendell Wilkie. Page 2." are image labels: they become image alt text.
    expect(missing.filter((l) => !used.includes(`Stand-in image for: ${l}`))).toEqual([]);
  });

  it('invents nothing: no translation, date or image is claimed that the seed does not have', () => {
    for (const a of source.artifacts) {
      expect(a.translation).toBeNull();
      expect(a.date).toBeNull();
      for (const m of a.media) expect(m.standIn).toBe(true);
    }
    // Objects the seed gives "Read the translation" for say so; obj5 and obj6 had none.
    const noted = source.artifacts.filter((a) => a.translationNote).map((a) => a.id);
    expect(noted).toEqual(['obj1', 'obj2', 'obj3', 'obj4', 'obj7', 'obj8', 'obj9']);
  });
});
