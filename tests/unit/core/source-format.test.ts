// @vitest-environment node
/**
 * The curator's source format (docs/content-package.md, "Writing an exhibit"): the example folder
 * packs into exactly the manifest it describes, and each kind of mistake is refused with the
 * exact words a curator reads, naming the file, the line and what was expected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackageError } from '../../../src-main/core/packages/errors';
import { artifactSchema, attractSchema, manifestSchema, mediaSchema, sectionSchema, topicSchema } from '../../../src-main/core/packages/manifest';
import { pack } from '../../../src-main/core/packages/pack';
import { EXHIBIT_KEYS, TOPIC_KEYS, type Field, type Keys } from '../../../src-main/core/packages/source-format/keys';
import { EXAMPLE_IMAGES, exampleFiles, lineOf, writeExhibitFolder } from '../../helpers/exhibit-folder';
import { smallSource, tempDir, writeSource } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let count = 0;
beforeAll(() => {
  root = tempDir();
});
afterAll(() => root.cleanup());

type Files = Record<string, string>;

/** The example folder after `edit`, written with real images. */
async function example(edit: (files: Files) => void = () => {}, images = EXAMPLE_IMAGES): Promise<string> {
  const files = exampleFiles();
  edit(files);
  return writeExhibitFolder(join(root.path, `source-${++count}`), files, images);
}

/** Replaces `from` (which must be there) by `to` in one file of the example. */
function change(file: string, from: string, to: string): (files: Files) => void {
  return (files) => {
    if (!files[file]?.includes(from)) throw new Error(`test: "${from}" is not in ${file}`);
    files[file] = files[file]!.replace(from, to);
  };
}

/** Packs a source folder and returns the refusal's message. */
async function refusal(dir: string): Promise<string> {
  try {
    await pack(dir, `${dir}-package`);
  } catch (error) {
    if (error instanceof PackageError) return error.message;
    throw error;
  }
  throw new Error('test: the source packed');
}

const yaml = exampleFiles()['exhibit.yaml']!;
const onBoard = 'sections/leaving/01-on-board.md';

describe('a good source folder', () => {
  it('packs into exactly the manifest it describes', async () => {
    const dir = await example();
    await pack(dir, join(dir, '..', 'good-package'));
    const manifest = JSON.parse(readFileSync(join(dir, '..', 'good-package', 'manifest.json'), 'utf8'));
    const image = (file: string, alt: string, standIn = false) => {
      const bytes = readFileSync(join(dir, file));
      return { file, alt, standIn, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    };
    expect(manifest).toEqual({
      format: 'vitrine-package',
      schemaVersion: 1,
      package: { id: 'harbour-letters', version: '1.2.0', title: 'Letters from the Harbour (spring 2025)' },
      exhibit: {
        title: 'Letters from the Harbour',
        subtitle: 'A port town writes home, 1890-1920',
        credit: 'Letters lent by the families of the town. Photographs from the Harbour Museum archive.',
        language: 'en',
        sections: [
          {
            id: 'leaving',
            title: 'Leaving Home',
            // The lines of one paragraph are joined with a space.
            introduction: ['Between 1890 and 1920, one in five people of the town left by sea. Most of them wrote home.', 'These letters were kept by the families who received them.'],
            topics: [
              {
                id: 'on-board', era: 'The Crossing', title: 'On Board', period: null,
                body: [
                  { type: 'paragraph', text: 'A crossing took nine days in good weather, and longer in bad.' },
                  { type: 'artifact', ref: 'ship-letter' },
                  { type: 'paragraph', text: "Anna's letter tells of the food, the noise and the other passengers." },
                ],
              },
              { id: 'the-dock', era: null, title: 'The Dock', period: null, body: [{ type: 'artifact', ref: 'dock-photo' }] },
            ],
          },
          { id: 'arriving', title: 'Arriving', introduction: [], topics: [] },
        ],
        attract: { title: null, invitation: 'Touch to read the letters', artifacts: ['ship-letter', 'dock-photo'] },
        timeline: null,
      },
      artifacts: [
        {
          id: 'ship-letter',
          title: 'Letter written on board the Clara',
          caption: 'Written over three days at sea, and posted from the first port the ship reached.',
          permanentUrl: 'https://collections.example.org/objects/1891-17',
          translation: ['Dear mother, we are three days out and the sea is calm.', 'Tell Per that I will write from New York.'],
          translationNote: null,
          // Text stays text: YAML's usual rules would have made this the number 1891.
          date: '1891',
          period: null,
          media: [image('media/ship-letter-1.jpg', 'A handwritten letter on lined paper, first page'), image('media/ship-letter-2.jpg', 'The second page, signed: Anna')],
        },
        {
          id: 'dock-photo', title: 'The east dock', caption: null, permanentUrl: null, translation: null,
          translationNote: 'A photograph, without words to translate.', date: 'about 1905', period: null,
          media: [image('media/dock-photo.jpg', 'Cranes and a steamship at the east dock', true)],
        },
      ],
    });
  });

  it('carries periods and the timeline axis into the manifest, years as numbers', async () => {
    const dir = await example((files) => {
      change(onBoard, 'era: The Crossing', 'era: The Crossing\nperiod:\n  from: 1890\n  to: 1920\n  label: 1890s–1920')(files);
      change('exhibit.yaml', 'language: en', 'language: en\ntimeline:\n  from: 1880\n  to: 1930')(files);
      change('exhibit.yaml', "  dock-photo:\n", "  dock-photo:\n    period:\n      from: 1905\n")(files);
    });
    await pack(dir, join(dir, '..', 'dated-package'));
    const manifest = JSON.parse(readFileSync(join(dir, '..', 'dated-package', 'manifest.json'), 'utf8'));
    expect(manifest.exhibit.timeline).toEqual({ from: 1880, to: 1930 });
    expect(manifest.exhibit.sections[0].topics[0].period).toEqual({ from: 1890, to: 1920, label: '1890s–1920' });
    expect(manifest.artifacts[1].period).toMatchObject({ from: 1905 });
  });

  it('is the example docs/content-package.md shows, file for file', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../../docs/content-package.md'), 'utf8');
    for (const [file, text] of Object.entries(exampleFiles())) {
      const ext = file.endsWith('.yaml') ? 'yaml' : 'markdown';
      expect(docs, file).toContain(`\`${file}\`:\n\n\`\`\`${ext}\n${text}\`\`\`\n`);
    }
  });

  it('accepts Windows line ends, a byte order mark and wrapped lines', async () => {
    const dir = await example((files) => {
      for (const name of Object.keys(files)) files[name] = '\uFEFF' + files[name]!.replaceAll('\n', '\r\n');
      files[onBoard] = files[onBoard]!.replace('in good weather, and', 'in good weather,\r\n  and');
    });
    await pack(dir, `${dir}-package`);
    const manifest = JSON.parse(readFileSync(join(`${dir}-package`, 'manifest.json'), 'utf8'));
    expect(manifest.exhibit.sections[0].topics[0].body[0].text).toBe('A crossing took nine days in good weather, and longer in bad.');
    expect(manifest.exhibit.title).toBe('Letters from the Harbour');
  });

  it('ignores what file managers leave behind', async () => {
    const dir = await example((files) => Object.assign(files, { 'sections/.DS_Store': 'x', 'sections/leaving/Thumbs.db': 'x' }));
    await expect(pack(dir, `${dir}-package`)).resolves.toMatchObject({ files: 4 });
  });

  it('has a curator key for every field of the package format (add new ones to keys.ts)', () => {
    const targets = (keys: Keys, where: string) => Object.entries(keys).filter(([, f]) => (f.to ?? '').split('.')[0] === where || (where === '' && !f.to?.includes('.'))).map(([k, f]: [string, Field]) => (f.to ?? k).split('.').at(-1));
    const group = (key: string, keys: Keys = EXHIBIT_KEYS) => (keys[key] as { keys: Keys }).keys;
    const artifact = group('artifacts');
    const fields = (schema: { shape: object }, generated: string[] = []) => Object.keys(schema.shape).filter((k) => !generated.includes(k)).sort();
    expect(targets(EXHIBIT_KEYS, '').sort()).toEqual(fields(manifestSchema, ['format', 'schemaVersion', 'exhibit']));
    expect(targets(EXHIBIT_KEYS, 'exhibit').sort()).toEqual(fields(manifestSchema.shape.exhibit));
    expect(Object.keys(group('package')).sort()).toEqual(fields(manifestSchema.shape.package));
    expect(Object.keys(group('attract')).sort()).toEqual(fields(attractSchema));
    expect(Object.keys(group('sections')).sort()).toEqual(fields(sectionSchema, ['introduction', 'topics']));
    expect(Object.keys(TOPIC_KEYS).sort()).toEqual(fields(topicSchema, ['id', 'body']));
    expect(targets(artifact, '').sort()).toEqual(fields(artifactSchema, ['id']));
    expect(Object.keys(group('images', artifact)).sort()).toEqual(fields(mediaSchema, ['bytes', 'sha256']));
  });
});

describe('mistakes, refused with the file, the line and what was expected', () => {
  const line = (needle: string, text = yaml) => lineOf(text, needle);
  const topic = exampleFiles()[onBoard]!;

  it.each([
    ['a key spelt wrong', change('exhibit.yaml', '    caption: >', '    captoin: >'),
      `exhibit.yaml, line ${line('caption: >')}: "captoin" is not a key of artifact "ship-letter": did you mean "caption"? (its keys are title, date, caption, permanentUrl, translation, translationNote, period, images, recordings)`],
    ['a key that does not exist', change('exhibit.yaml', 'language: en', 'language: en\ncolour: blue'),
      `exhibit.yaml, line ${line('language: en') + 1}: "colour" is not a key of the exhibit (its keys are package, title, subtitle, credit, language, languages, attract, timeline, sections, artifacts)`],
    ['a key spelt wrong in front matter', change(onBoard, 'era: The Crossing', 'Era: The Crossing'),
      `${onBoard}, line 3: "Era" is not a key of the front matter: did you mean "era"? (its keys are title, era, period)`],
    ['a period year that is not a year', change(onBoard, 'era: The Crossing', 'era: The Crossing\nperiod:\n  from: early 1890s'),
      `${onBoard}, line 5: "from" should be a year, such as 1921 (negative for BCE), found "early 1890s"`],
    ['a list where text belongs', change(onBoard, 'era: The Crossing', 'era:\n  - The Crossing'),
      `${onBoard}, line 3: "era" should be text, found a list`],
    ['text where a list belongs', change('exhibit.yaml', 'artifacts: [ship-letter, dock-photo]', 'artifacts: ship-letter'),
      `exhibit.yaml, line ${line('artifacts: [ship')}: "artifacts" should be a list of artifact ids, such as [obj6, obj9], found "ship-letter"`],
    ['a flag that is neither true nor false', change('exhibit.yaml', 'standIn: true', 'standIn: yes'),
      `exhibit.yaml, line ${line('standIn: true')}: "standIn" should be true or false, found "yes"`],
    ['a required key left out', change('exhibit.yaml', '        alt: "The second page, signed: Anna"\n', ''),
      `exhibit.yaml, line ${line('- file: media/ship-letter-2.jpg')}: "alt" is missing from image 2 of artifact "ship-letter" (it should be text)`],
    ['a required key left empty', change('exhibit.yaml', 'title: Letters from the Harbour\n', 'title:\n'),
      `exhibit.yaml, line ${line('title: Letters from the Harbour\n')}: "title" should be text, found nothing`],
    ['a title missing from front matter', change('sections/leaving/02-the-dock.md', 'title: The Dock', 'era: Arrival'),
      'sections/leaving/02-the-dock.md: "title" is missing from the front matter (it should be text)'],
    ['an artifact without images', change('exhibit.yaml', '    images:\n      - file: media/dock-photo.jpg\n        alt: Cranes and a steamship at the east dock\n        standIn: true\n', '    images: []\n'),
      `exhibit.yaml, line ${line('    images:\n      - file: media/dock')}: "images" needs at least 1 image`],
    ['an id that is not an id', change('exhibit.yaml', '  dock-photo:', '  dock photo:'),
      `exhibit.yaml, line ${line('  dock-photo:')}: the artifact id "dock photo" should be an id of 1-64 letters, digits, "-" or "_", starting with a letter or digit, found "dock photo"`],
    ['a topic id that is not an id', (files) => { files['sections/leaving/03-the quay.md'] = '---\ntitle: The Quay\n---\n\nText.\n'; },
      'sections/leaving/03-the quay.md: the topic id "the quay" (the file name after the number) should be an id of 1-64 letters, digits, "-" or "_", starting with a letter or digit, found "the quay"'],
    ['a language that is not a language tag', change('exhibit.yaml', 'language: en', 'language: English'),
      `exhibit.yaml, line ${line('language: en')}: "language" should be a language tag such as "en" or "ru", found "English"`],
    ['a version that is not a version', change('exhibit.yaml', 'version: 1.2.0', 'version: 1.2'),
      `exhibit.yaml, line ${line('version: 1.2.0')}: "version" should be a version such as 1.2.0, found "1.2"`],
    ['an address that is not a web address', change('exhibit.yaml', 'https://collections.example.org/objects/1891-17', 'collections.example.org/objects/1891-17'),
      `exhibit.yaml, line ${line('permanentUrl:')}: "permanentUrl" should be an http(s) address such as https://www.loc.gov/…, found "collections.example.org/objects/1891-17"`],
    ['HTML in a paragraph', change(onBoard, 'the noise and', 'the <b>noise</b> and'),
      `${onBoard}, line ${lineOf(topic, "Anna's")}: this paragraph should be plain text without HTML tags such as <b> or <script>, found "<b>"`],
    ['an object placed under a name no artifact has', change(onBoard, '{{artifact ship-letter}}', '{{artifact ship-leter}}'),
      `${onBoard}, line ${lineOf(topic, '{{artifact')}: {{artifact ship-leter}} names no artifact: there is no "ship-leter" under "artifacts" in exhibit.yaml: did you mean "ship-letter"?`],
    ['a placement written wrong', change(onBoard, '{{artifact ship-letter}}', '{{artefact ship-letter}}'),
      `${onBoard}, line ${lineOf(topic, '{{artifact')}: an object is placed with a line of its own such as {{artifact obj6}}, found "{{artefact ship-letter}}"`],
    ['a placement inside a paragraph', change(onBoard, 'in bad.', 'in bad. {{artifact ship-letter}}'),
      `${onBoard}, line ${lineOf(topic, 'A crossing')}: an object is placed with a line of its own such as {{artifact obj6}}, found "A crossing took nine days in good weather, and…"`],
    ['a heading in an essay', change(onBoard, 'A crossing', '## At sea\n\nA crossing'),
      `${onBoard}, line ${lineOf(topic, 'A crossing')}: a heading ("## At sea") is not part of the format: titles go in the front matter, the text is plain paragraphs`],
    ['a placement in an introduction', change('sections/leaving/intro.md', 'Most of them', '{{artifact ship-letter}}\nMost of them'),
      'sections/leaving/intro.md, line 2: only paragraphs belong here: {{artifact …}} places an object in a topic\'s essay'],
    ['an attract artifact that does not exist', change('exhibit.yaml', '[ship-letter, dock-photo]', '[ship-letter, dock-photos]'),
      `exhibit.yaml, line ${line('artifacts: [ship')}: "dock-photos" in "artifacts" names no artifact: there is no "dock-photos" under "artifacts" in exhibit.yaml: did you mean "dock-photo"?`],
    ['one image file used twice', change('exhibit.yaml', 'file: media/dock-photo.jpg', 'file: media/ship-letter-1.jpg'),
      `exhibit.yaml, line ${line('- file: media/dock-photo.jpg')}: the file of image 1 of artifact "dock-photo" ("media/ship-letter-1.jpg") is also the file of image 1 of artifact "ship-letter" (line ${line('- file: media/ship-letter-1.jpg')}); each file is used once`],
    ['two sections with one id', change('exhibit.yaml', '- id: arriving', '- id: leaving'),
      `exhibit.yaml, line ${line('- id: arriving')}: the section id "leaving" is also the id of section 1 (line ${line('- id: leaving')}); each section needs its own`],
    ['a key written twice', change('exhibit.yaml', '    date: about 1905', '    date: about 1905\n    date: 1906'),
      `exhibit.yaml, line ${line('date: about 1905') + 1}: the key "date" is written twice in the same group: it is first on line ${line('date: about 1905')} (each key, and each id, may appear once)`],
    // Issue 17: an artifact id used twice names the line of the first.
    ['an artifact id written twice', change('exhibit.yaml', '  dock-photo:', '  ship-letter:'),
      `exhibit.yaml, line ${line('  dock-photo:')}: the key "ship-letter" is written twice in the same group: it is first on line ${line('  ship-letter:')} (each key, and each id, may appear once)`],
    ['a value with a colon', change('exhibit.yaml', 'title: Letter written on board the Clara', 'title: Letter: written on board the Clara'),
      `exhibit.yaml, line ${line('title: Letter written on board the Clara')}: a value with ": " in it looks like another key: put the value in straight quotes, as title: "Letter: written on board the Clara"`],
    ['curly quotes from a word processor', change('exhibit.yaml', 'alt: "The second page, signed: Anna"', 'alt: \u201cThe second page, signed: Anna\u201d'),
      `exhibit.yaml, line ${line('alt: "The second page, signed: Anna"')}: curly quotes “ ” (a word processor puts them in) are not quotes to YAML, and ": " inside the value looks like another key: put the value in straight quotes, as alt: "The second page, signed: Anna"`],
    ['YAML that cannot be read', change('exhibit.yaml', 'title: Letters from the Harbour\n', 'title: "Letters from the Harbour\n'),
      `exhibit.yaml, line ${line('title: Letters from the Harbour\n')}: this is not valid YAML: Missing closing "quote`],
    ['a topic without front matter', change('sections/leaving/02-the-dock.md', '---\ntitle: The Dock\n---\n', 'title: The Dock\n'),
      'sections/leaving/02-the-dock.md, line 1: a topic file starts with its front matter: a line "---", then "title: …" (and "era: …" if it has one), then a line "---"'],
    ['front matter never closed', change('sections/leaving/02-the-dock.md', 'title: The Dock\n---\n', 'title: The Dock\n'),
      'sections/leaving/02-the-dock.md, line 1: the front matter that starts here needs a closing line "---"'],
    ['a topic with nothing below its front matter', change('sections/leaving/02-the-dock.md', '{{artifact dock-photo}}\n', ''),
      'sections/leaving/02-the-dock.md: the essay below the front matter is empty: a topic needs at least one paragraph or {{artifact …}}'],
    ['a folder for a section exhibit.yaml does not list', (files) => { files['sections/arrival/01-the-quay.md'] = '---\ntitle: The Quay\n---\n\nText.\n'; },
      'sections/arrival/: there is no section "arrival" under "sections" in exhibit.yaml (the sections are leaving, arriving): rename the folder to a section\'s id, or add the section'],
    ['a topic file not named NN-id.md', (files) => { files['sections/leaving/the-quay.md'] = '---\ntitle: The Quay\n---\n\nText.\n'; },
      'sections/leaving/the-quay.md: not part of an exhibit: a section folder holds intro.md and topic files named like 01-topic-id.md'],
    ['two topics with one number', (files) => { files['sections/leaving/02-the-quay.md'] = '---\ntitle: The Quay\n---\n\nText.\n'; },
      'sections/leaving/02-the-quay.md: the number 02 is also the number of 02-the-dock.md; number the topics in reading order, each with its own number'],
    ['two topics with one id', (files) => { files['sections/arriving/01-on-board.md'] = files[onBoard]!; },
      `sections/arriving/01-on-board.md: the topic id "on-board" is also the id of ${onBoard}; each topic needs its own (the file name after the number)`],
    ['a translation file that is not there', (files) => { delete files['translations/ship-letter.md']; },
      `exhibit.yaml, line ${line('translation: translations')}: "translation" names translations/ship-letter.md, which is not in the folder`],
  ])('%s', async (_name, edit, message) => {
    expect(await refusal(await example(edit))).toBe(message);
  });

  it('an image that is not in the folder', async () => {
    const dir = await example(undefined, EXAMPLE_IMAGES.slice(0, 2));
    expect(await refusal(dir)).toBe(`exhibit.yaml, line ${line('- file: media/dock-photo.jpg')}: "file" names media/dock-photo.jpg, which is not in the folder (looked for ${join(dir, 'media/dock-photo.jpg')})`);
  });

  it('a folder that is neither a source nor a package', async () => {
    const dir = await example((files) => { delete files['exhibit.yaml']; });
    expect(await refusal(dir)).toBe(`${dir}: a source folder holding exhibit.yaml (see docs/content-package.md, "Writing an exhibit"), or a package's manifest.json`);
    writeFileSync(join(dir, 'exhibit.yaml'), '');
    expect(await refusal(dir)).toBe('exhibit.yaml: the file is empty; docs/content-package.md ("Writing an exhibit") shows what it holds');
    writeFileSync(join(dir, 'manifest.json'), '{}');
    expect(await refusal(dir)).toBe(`${dir}: a source folder with either exhibit.yaml (a curator's source) or manifest.json (a package), but it has both`);
  });
});

describe('a folder with a manifest.json (generated sources, ready packages)', () => {
  it('packs as it is, filling in sizes and checksums, and refuses a stated checksum the file does not have', async () => {
    const dir = await writeSource(join(root.path, 'ready'), smallSource());
    const first = await pack(dir, join(root.path, 'ready-package'));
    expect(first.manifest.artifacts[0]!.media[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The packed folder is itself a source: it packs again unchanged.
    const again = await pack(join(root.path, 'ready-package'), join(root.path, 'ready-again.zip'));
    expect(again.manifest).toEqual(first.manifest);
    const manifest = JSON.parse(readFileSync(join(root.path, 'ready-package', 'manifest.json'), 'utf8'));
    manifest.artifacts[0].media[0].sha256 = 'f'.repeat(64);
    writeFileSync(join(root.path, 'ready-package', 'manifest.json'), JSON.stringify(manifest));
    expect(await refusal(join(root.path, 'ready-package'))).toBe('manifest.json, artifacts[0].media[0].sha256: the SHA-256 of media/a1-1.jpg, but the file has another (leave "bytes" and "sha256" out to have them filled in)');
    rmSync(join(root.path, 'ready-again.zip'));
  });
});
