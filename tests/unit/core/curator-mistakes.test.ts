// @vitest-environment node
/**
 * What a new curator met (issue 17), each as they met it, on the example folder of
 * docs/content-package.md: a file saved by Word or Notepad in another encoding, images that
 * pack signed and then failed to import, a key in a Russian text silently ignored, an exhibit with
 * no topics called valid, and ten mistakes that took ten runs. Each of these failed before its fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackageError, PackageProblems } from '../../../src-main/core/packages/errors';
import { importPackage } from '../../../src-main/core/packages/importer';
import { pack } from '../../../src-main/core/packages/pack';
import { generateSigningKeys } from '../../../src-main/core/packages/signing';
import { readExhibitSource } from '../../../src-main/core/packages/source-format/exhibit-folder';
import { openStore } from '../../../src-main/core/store/connection';
import { exampleFiles, lineOf, writeExhibitFolder } from '../../helpers/exhibit-folder';
import { pngClaiming, tiffImage, truncatedJpeg } from '../../helpers/images';
import { tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let n = 0;
beforeAll(() => {
  root = tempDir();
});
afterAll(() => root.cleanup());

type Files = Record<string, string>;
const yaml = exampleFiles()['exhibit.yaml']!;
const ON_BOARD = 'sections/leaving/01-on-board.md';

async function folder(edit: (files: Files) => void = () => {}): Promise<string> {
  const files = exampleFiles();
  edit(files);
  return writeExhibitFolder(join(root.path, `source-${++n}`), files);
}

/** Packs `dir` and returns the refusal, or fails the test when it packs. */
async function refusal(dir: string, out = `${dir}.vitrine`, signingKeyPem?: string): Promise<PackageError> {
  try {
    await pack(dir, out, { signingKeyPem });
  } catch (error) {
    if (error instanceof PackageError) return error;
    throw error;
  }
  throw new Error('test: the source packed');
}

describe('1. text that is not UTF-8', () => {
  it('a topic saved as Windows-1252 is refused with its file, its line and "save it as UTF-8"', async () => {
    const dir = await folder();
    const text = exampleFiles()[ON_BOARD]!.replace('in bad.', 'in bad, café weather.');
    writeFileSync(join(dir, ON_BOARD), Buffer.from(text, 'latin1'));
    const error = await refusal(dir);
    expect(error.message).toBe(
      `${ON_BOARD}, line ${lineOf(text, 'café')}: this file is not UTF-8: byte 0xE9 ("é" in Windows-1252, the usual culprit) cannot be read; save it as UTF-8 (in Notepad: File, Save as, Encoding "UTF-8"; in Word: Save as "Plain Text", then "Unicode (UTF-8)")`,
    );
  });

  it('exhibit.yaml saved as UTF-16 is refused as UTF-16, not as a YAML mistake', async () => {
    const dir = await folder();
    writeFileSync(join(dir, 'exhibit.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml, 'utf16le')]));
    expect((await refusal(dir)).message).toMatch(/^exhibit\.yaml: this file is saved as UTF-16 \("Unicode" in Notepad and Word\), which Vitrine cannot read: save it as UTF-8/);
  });

  it('UTF-8 with a byte order mark, as Notepad writes it, is read', async () => {
    const dir = await folder();
    writeFileSync(join(dir, ON_BOARD), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(exampleFiles()[ON_BOARD]!.replace('in bad.', 'in bad, café weather.'))]));
    const { manifest } = readExhibitSource(dir);
    expect(JSON.stringify(manifest)).toContain('café weather');
  });
});

describe('2. what packs, imports: pack checks every image as a kiosk will, and never signs what fails', () => {
  it.each([
    ['a truncated JPEG', () => truncatedJpeg(), /an image that decodes completely, but it is damaged .*: save it again from the original in an image editor/],
    ['a TIFF named .jpg', () => tiffImage(), /a JPEG, PNG or WebP image, but this is TIFF, whatever its name says: save it again as JPEG \(or PNG\)/],
    ['a 240-megapixel image', async () => pngClaiming(16000, 15000), /an image of at most 200 megapixels, but this one is 240 \(16000 x 15000\): scale it down and save it again/],
  ])('%s is refused with the artifact and its line, and no package is written, signed or not', async (_name, bytes, message) => {
    const dir = await folder();
    writeFileSync(join(dir, 'media/dock-photo.jpg'), await bytes());
    const out = join(root.path, `refused-${n}.vitrine`);
    const { privatePem } = generateSigningKeys();
    const error = await refusal(dir, out, privatePem);
    expect(error.file).toBe('media/dock-photo.jpg');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`(image 1 of artifact "dock-photo", exhibit.yaml, line ${lineOf(yaml, '      - file: media/dock-photo.jpg')})`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('a signed package that packs is one a kiosk trusting the key imports', async () => {
    const dir = await folder();
    const { privatePem, publicKey } = generateSigningKeys();
    const out = join(root.path, 'signed.vitrine');
    await pack(dir, out, { signingKeyPem: privatePem });
    const store = openStore(join(root.path, 'signed.sqlite'));
    try {
      const result = await importPackage(store, out, { mediaDir: join(root.path, 'signed-media'), source: out, trustedKeys: [publicKey], publish: 'now' });
      expect(result.live).toBe(true);
    } finally {
      store.close();
    }
  });
});

describe('5. a text in another language', () => {
  it('may not carry a key its original has: "period" in 01-on-board.ru.md is refused, not ignored', async () => {
    const dir = await folder((files) => {
      files['exhibit.yaml'] = files['exhibit.yaml']!.replace('language: en\n', 'language: en\nlanguages: [ru]\n');
      files['sections/leaving/01-on-board.ru.md'] = files[ON_BOARD]!.replace('title: On Board\nera: The Crossing\n', 'title: На борту\nera: Переход\nperiod:\n  from: 1600\n');
    });
    expect((await refusal(dir)).message).toBe(
      'sections/leaving/01-on-board.ru.md, line 4: "period" cannot be given in the "ru" text: only the title and the era are translated; the period belongs in sections/leaving/01-on-board.md alone',
    );
  });
});

describe('8. an exhibit with nothing to read', () => {
  it('with no topics at all is refused', async () => {
    const dir = await folder((files) => {
      for (const name of Object.keys(files)) if (name.startsWith('sections/')) delete files[name];
    });
    expect((await refusal(dir)).message).toMatch(/^sections\/: the exhibit has no topics, so a visitor would find nothing to read: write at least one, such as sections\/leaving\/01-a-topic\.md/);
  });

  it('is counted, and what is likely not meant is said: a section without topics, an image nothing shows, a stray file', async () => {
    const dir = await folder((files) => {
      delete files['sections/leaving/02-the-dock.md'];
      files['exhibit.yaml'] = files['exhibit.yaml']!.replace('  - id: arriving\n    title: Arriving\n', '  - id: arriving\n    title: Arriving\n  - id: staying\n    title: Staying\n');
      files['notes.txt'] = 'ask the museum about the dock photo\n';
    });
    writeFileSync(join(dir, 'media/unused.jpg'), 'x');
    const { summary, warnings } = readExhibitSource(dir);
    expect(summary).toEqual({ sections: 3, topics: 1, artifacts: 2, images: 3, languages: ['en'] });
    expect(warnings.map((w) => w.message)).toEqual([
      `exhibit.yaml, line ${lineOf(yaml, '  - id: arriving')}: section "arriving" has no topics (no files in sections/arriving/): visitors will see it as "Not on this kiosk"`,
      `exhibit.yaml, line ${lineOf(yaml, '  - id: arriving') + 2}: section "staying" has no topics (no files in sections/staying/): visitors will see it as "Not on this kiosk"`,
      'media/unused.jpg: no artifact shows this image, so it is not packed (remove it, or name it in exhibit.yaml)',
      'notes.txt: this file is no part of the exhibit, so it is not packed (remove it, or name it in exhibit.yaml)',
    ]);
  });
});

describe('an empty image file', () => {
  // A curator's walk: a 0-byte image was refused as "manifest.json, artifacts[0].media[1].bytes".
  it('is refused by its own name, not by a manifest field the curator never wrote', async () => {
    const dir = await folder();
    writeFileSync(join(dir, 'media', 'dock-photo.jpg'), '');
    expect((await refusal(dir)).message).toBe('media/dock-photo.jpg: a file with something in it, but it is empty (0 bytes): copy it or save it again from the program that made it');
  });
});

describe('every mistake in one run', () => {
  it('eleven different mistakes in five files are all reported at once, each with its file and line', async () => {
    const onBoard = exampleFiles()[ON_BOARD]!;
    const dir = await folder((files) => {
      files['exhibit.yaml'] = files['exhibit.yaml']!
        .replace('subtitle: A port', 'subtitel: A port') // 1: a key spelt wrong
        .replace('version: 1.2.0', 'version: one') // 2: not a version
        .replace('permanentUrl: https://collections.example.org/objects/1891-17', 'permanentUrl: collections.example.org/1891-17') // 3: not a web address
        .replace('artifacts: [ship-letter, dock-photo]', 'artifacts: [ship-letter, dock-foto]') // 4: an attract artifact that does not exist
        .replace('        standIn: true', '        standIn: yes'); // 5: neither true nor false
      files[ON_BOARD] = onBoard
        .replace('era: The Crossing', 'era: [The Crossing]') // 6: a list where text belongs
        .replace('{{artifact ship-letter}}', '{{artifact ship-leter}}'); // 7: a placement of no artifact
      files['sections/leaving/02-the-dock.md'] = '---\ntitle: The Dock\n---\n\n## The east dock\n\n{{artifact dock-photo}}\n'; // 8: a heading
      files['sections/arriving/01-the-city.md'] = 'No front matter here.\n'; // 9: a topic without front matter
      files['sections/leaving/intro.md'] = '---\ntitle: Leaving\n---\n\nText.\n'; // 10: front matter in an introduction
    });
    // 11: an image named in exhibit.yaml and not in the folder (a curator's walk met it only in a
    // second run, after fixing a wrong value).
    rmSync(join(dir, 'media', 'dock-photo.jpg'));
    const error = await refusal(dir);
    expect(error).toBeInstanceOf(PackageProblems);
    const problems = (error as PackageProblems).problems.map((p) => `${p.file}${p.field ? `, ${p.field}` : ''}`);
    expect(problems.sort()).toEqual(
      [
        `exhibit.yaml, line ${lineOf(yaml, 'subtitle:')}`,
        `exhibit.yaml, line ${lineOf(yaml, 'version:')}`,
        `exhibit.yaml, line ${lineOf(yaml, 'permanentUrl:')}`,
        `exhibit.yaml, line ${lineOf(yaml, 'artifacts: [ship-letter')}`,
        `exhibit.yaml, line ${lineOf(yaml, '        standIn: true')}`,
        `${ON_BOARD}, line ${lineOf(onBoard, 'era:')}`,
        `${ON_BOARD}, line ${lineOf(onBoard, '{{artifact ship-letter}}')}`,
        'sections/leaving/02-the-dock.md, line 5',
        'sections/arriving/01-the-city.md, line 1',
        'sections/leaving/intro.md, line 1',
        `exhibit.yaml, line ${lineOf(yaml, '- file: media/dock-photo.jpg')}`,
      ].sort(),
    );
    expect(error.message.split('\n')[0]).toBe('11 problems in 5 files:');
  });
});

describe("a curator's second walk: what a message leaves them to guess", () => {
  it('an image named in other letter case is found and named: the name must match letter for letter', async () => {
    const dir = await folder();
    renameSync(join(dir, 'media', 'dock-photo.jpg'), join(dir, 'media', 'Dock-Photo.JPG'));
    expect((await refusal(dir)).message).toBe(
      `exhibit.yaml, line ${lineOf(yaml, '- file: media/dock-photo.jpg')}: "file" names media/dock-photo.jpg, which is not in the folder (looked for ${join(dir, 'media/dock-photo.jpg')}); there is media/Dock-Photo.JPG: the name must match letter for letter, capitals too`,
    );
  });

  it('exhibit.yaml given instead of its folder: give the folder', async () => {
    const dir = await folder();
    const file = join(dir, 'exhibit.yaml');
    expect((await refusal(file)).message).toBe(`${file}: a source folder: give the folder that holds exhibit.yaml (${dir}), not the file`);
  });

  it('a source folder imported without packing: pack it first', async () => {
    const dir = await folder();
    const store = openStore(join(root.path, `unpacked-${n}.sqlite`));
    try {
      await expect(importPackage(store, dir, { mediaDir: join(root.path, `unpacked-media-${n}`), source: dir, publish: 'now' })).rejects.toThrow(
        "a file named manifest.json at the top of the package; this is a curator's source folder (it has exhibit.yaml): make a package of it first with vitrine pack",
      );
    } finally {
      store.close();
    }
  });

  it('a topic saved as .md.txt (Windows hides the .txt): rename it', async () => {
    const dir = await folder();
    renameSync(join(dir, ON_BOARD), join(dir, `${ON_BOARD}.txt`));
    expect((await refusal(dir)).message).toContain(`${ON_BOARD}.txt: not part of an exhibit: a section folder holds intro.md and topic files named like 01-topic-id.md (its name ends in .md.txt: Windows may hide the .txt; rename it to end in .md)`);
  });
});

describe("a curator's third walk: what a message got wrong or let through", () => {
  const SECTIONS = '  - id: leaving\n    title: Leaving Home\n  - id: arriving\n    title: Arriving';
  const problemsOf = async (edit: (files: Files) => void) => (await refusal(await folder(edit))).message.split('\n');

  it('a section written as a bare name is one mistake, not also a stray folder with a blank in the list of sections', async () => {
    const lines = await problemsOf((f) => void (f['exhibit.yaml'] = yaml.replace(SECTIONS, '  - leaving\n  - id: arriving\n    title: Arriving')));
    expect(lines).toEqual([
      `exhibit.yaml, line ${lineOf(yaml, '- id: leaving')}: section 1 of the exhibit should be a group of keys ("key: value" lines), found "leaving"`,
    ]);
  });

  it('a folder that matches no section lists each section id once', async () => {
    const lines = await problemsOf((f) => {
      f['exhibit.yaml'] = yaml.replace('  - id: arriving', '  - id: leaving');
      for (const [name, text] of Object.entries(f)) if (name.startsWith('sections/leaving/')) f[name.replace('leaving', 'arrivals')] = text;
    });
    expect(lines).toContain(`    there is no section "arrivals" under "sections" in exhibit.yaml (the sections are leaving): rename the folder to a section's id, or add the section`);
  });

  it('a missing "language" says what it is and how it is written', async () => {
    const error = await refusal(await folder((f) => void (f['exhibit.yaml'] = yaml.replace('language: en\n', ''))));
    expect(error.message).toBe('exhibit.yaml: "language" is missing from the exhibit (it should be the language the exhibit is written in, a tag such as en or ru)');
  });

  it('two artifact ids that differ only in capitals are refused: one is easily typed for the other', async () => {
    const twin = '  Ship-Letter:\n    title: Another letter\n    images:\n      - file: media/ship-letter-2.jpg\n        alt: The second page\n\n';
    // The twin shows the letter's second page, so the letter keeps its first alone.
    const edited = yaml.replace(/ {6}- file: media\/ship-letter-2\.jpg\n {8}alt: "The second page, signed: Anna"\n/, '').replace('  dock-photo:', `${twin}  dock-photo:`);
    const error = await refusal(await folder((f) => void (f['exhibit.yaml'] = edited)));
    expect(error.message).toBe(
      `exhibit.yaml, line ${lineOf(edited, '  Ship-Letter:')}: the artifact id "Ship-Letter" differs from "ship-letter" (line ${lineOf(yaml, '  ship-letter:')}) only in capitals: one is easily typed for the other in {{artifact …}} and attract lists; give them ids that differ in more than capitals`,
    );
  });

  it('a link wrapped over two lines is refused at the line it starts on; brackets that are prose are not links', async () => {
    const text = exampleFiles()[ON_BOARD]!;
    const wrapped = await problemsOf((f) => void (f[ON_BOARD] = text.replace('in bad.', 'in bad (see [the\nletter](ship-letter.md)).')));
    expect(wrapped).toEqual([
      `${ON_BOARD}, line ${lineOf(text, 'in bad.')}: a link ("[the letter](ship-letter.md)") is not part of the format: a visitor cannot follow it and would see its brackets; write the words alone ("the letter"), and place an object with {{artifact id}} on a line of its own`,
    ]);
    const prose = await folder((f) => void (f[ON_BOARD] = text.replace('in bad.', 'in bad [illegible](1921), [sic] (p. 3) [1].')));
    await expect(pack(prose, `${prose}.vitrine`)).resolves.toBeDefined();
  });

  it('an image in an introduction is refused with where images go, not with a placement the file may not hold', async () => {
    const intro = 'sections/leaving/intro.md';
    const text = exampleFiles()[intro]!;
    const lines = await problemsOf((f) => void (f[intro] = `${text}\n![The dock](media/dock-photo.jpg)\n`));
    expect(lines).toEqual([
      `${intro}, line ${text.split('\n').length + 1}: an image ("![The dock](media/dock-photo.jpg)") is not part of the format: an image belongs to an object in exhibit.yaml, placed in a topic with {{artifact id}}`,
    ]);
  });

  it('a Markdown link is refused where it is written: a visitor would see its brackets and could not follow it', async () => {
    const text = exampleFiles()[ON_BOARD]!;
    const lines = await problemsOf((f) => void (f[ON_BOARD] = text.replace('in bad.', 'in bad (see [the letter](ship-letter.md)).')));
    expect(lines).toEqual([
      `${ON_BOARD}, line ${lineOf(text, 'in bad.')}: a link ("[the letter](ship-letter.md)") is not part of the format: a visitor cannot follow it and would see its brackets; write the words alone ("the letter"), and place an object with {{artifact id}} on a line of its own`,
    ]);
  });
});
