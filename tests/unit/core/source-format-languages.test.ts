// @vitest-environment node
/**
 * A curator's texts in several languages (docs/content-package.md, "Texts in several languages"):
 * groups by language in exhibit.yaml, and Markdown siblings (`01-on-board.ru.md`) that keep their
 * original's shape. Mistakes are refused with the file, the line and what differs.
 * (The Russian words are test text written for this test.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackageError } from '../../../src-main/core/packages/errors';
import { pack } from '../../../src-main/core/packages/pack';
import { exampleFiles, lineOf, writeExhibitFolder } from '../../helpers/exhibit-folder';
import { tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let n = 0;
beforeAll(() => {
  root = tempDir();
});
afterAll(() => root.cleanup());

type Files = Record<string, string>;

const ON_BOARD = 'sections/leaving/01-on-board.md';
const ON_BOARD_RU = 'sections/leaving/01-on-board.ru.md';
const onBoardRu = `---
title: На борту
era: Переход
---

Переход занимал девять дней в хорошую погоду.

{{artifact ship-letter}}

Письмо Анны рассказывает о еде, шуме и других пассажирах.
`;

/** The example in English and Russian: a group by language in exhibit.yaml, and three siblings. */
function bilingualFiles(): Files {
  const files = exampleFiles();
  files['exhibit.yaml'] = files['exhibit.yaml']!
    .replace('language: en\n', 'language: en\nlanguages: [ru]\n')
    .replace('title: Letters from the Harbour\n', 'title:\n  en: Letters from the Harbour\n  ru: Письма из гавани\n');
  files[ON_BOARD_RU] = onBoardRu;
  files['sections/leaving/intro.ru.md'] = 'Между 1890 и 1920 годами каждый пятый уехал морем.\n\nПисьма хранили семьи.\n';
  files['translations/ship-letter.ru.md'] = 'Дорогая мама, мы три дня в море.\n\nСкажи Перу, что я напишу из Нью-Йорка.\n';
  return files;
}

async function packed(files: Files): Promise<Record<string, any>> {
  const dir = await writeExhibitFolder(join(root.path, `source-${++n}`), files);
  await pack(dir, `${dir}-package`);
  return JSON.parse(readFileSync(join(`${dir}-package`, 'manifest.json'), 'utf8'));
}

async function refusal(files: Files): Promise<string> {
  try {
    await packed(files);
  } catch (error) {
    if (error instanceof PackageError) return error.message;
    throw error;
  }
  throw new Error('test: the source packed');
}

function edited(file: string, from: string, to: string, files = bilingualFiles()): Files {
  if (!files[file]?.includes(from)) throw new Error(`test: "${from}" is not in ${file}`);
  files[file] = files[file]!.replace(from, to);
  return files;
}

describe('a source folder in two languages', () => {
  it('packs groups by language and Markdown siblings into texts by language', async () => {
    const manifest = await packed(bilingualFiles());
    expect(manifest.exhibit.languages).toEqual(['ru']);
    expect(manifest.exhibit.title).toEqual({ en: 'Letters from the Harbour', ru: 'Письма из гавани' });
    const section = manifest.exhibit.sections[0];
    expect(section.introduction[1]).toEqual({ en: 'These letters were kept by the families who received them.', ru: 'Письма хранили семьи.' });
    const topic = section.topics[0];
    expect(topic).toMatchObject({ id: 'on-board', title: { en: 'On Board', ru: 'На борту' }, era: { en: 'The Crossing', ru: 'Переход' } });
    expect(topic.body[1]).toEqual({ type: 'artifact', ref: 'ship-letter' });
    expect(topic.body[2].text).toEqual({ en: "Anna's letter tells of the food, the noise and the other passengers.", ru: 'Письмо Анны рассказывает о еде, шуме и других пассажирах.' });
    // A file without a sibling stays in the exhibit's language only.
    expect(section.topics[1].title).toBe('The Dock');
    expect(manifest.artifacts[0].translation[0]).toEqual({ en: 'Dear mother, we are three days out and the sea is calm.', ru: 'Дорогая мама, мы три дня в море.' });
    expect(manifest.artifacts[0].caption).toMatch(/^Written over three days/);
  });

  it('leaves a one-language folder\'s manifest without "languages"', async () => {
    expect((await packed(exampleFiles())).exhibit).not.toHaveProperty('languages');
  });
});

describe('mistakes in other languages, refused with file, line and what differs', () => {
  it.each([
    ['a sibling that leaves out a paragraph', () => edited(ON_BOARD_RU, '\nПисьмо Анны рассказывает о еде, шуме и других пассажирах.\n', ''),
      `${ON_BOARD_RU}: ends after 2 blocks, but ${ON_BOARD} goes on with a paragraph at line 10: a translation keeps every paragraph and {{artifact …}} line of its original, in the same order`],
    ['a sibling with a paragraph of its own', () => edited(ON_BOARD_RU, 'пассажирах.\n', 'пассажирах.\n\nЛишний абзац.\n'),
      `${ON_BOARD_RU}, line ${lineOf(onBoardRu, 'пассажирах.') + 2}: a paragraph here has no counterpart: ${ON_BOARD} ends after 3 blocks; a translation keeps every paragraph and {{artifact …}} line of its original, in the same order`],
    ['a sibling that places another object', () => edited(ON_BOARD_RU, '{{artifact ship-letter}}', '{{artifact dock-photo}}'),
      `${ON_BOARD_RU}, line ${lineOf(onBoardRu, '{{artifact')}: {{artifact dock-photo}} here stands where ${ON_BOARD} has {{artifact ship-letter}} (line 8): a translation keeps every paragraph and {{artifact …}} line of its original, in the same order`],
    ['a sibling in a language the exhibit does not list', () => Object.assign(bilingualFiles(), { 'sections/leaving/02-the-dock.de.md': '---\ntitle: Der Hafen\n---\n\n{{artifact dock-photo}}\n' }),
      'sections/leaving/02-the-dock.de.md: "de" is not one of the exhibit\'s languages (under "languages" in exhibit.yaml its other languages are ru): add it there, or rename the file'],
    ['a sibling without its original', () => Object.assign(bilingualFiles(), { 'sections/leaving/03-home.ru.md': '---\ntitle: Дом\n---\n\nТекст.\n' }),
      'sections/leaving/03-home.ru.md: a text in "ru" translates the file of the same name without ".ru", but there is no sections/leaving/03-home.md'],
    ['an era in a sibling whose original has none', () => Object.assign(bilingualFiles(), { 'sections/leaving/02-the-dock.ru.md': '---\ntitle: Причал\nera: Годы\n---\n\n{{artifact dock-photo}}\n' }),
      'sections/leaving/02-the-dock.ru.md, line 3: sections/leaving/02-the-dock.md gives no era, so its text in "ru" has none either'],
    ['a group by language without the exhibit\'s language', () => edited('exhibit.yaml', '  en: Letters from the Harbour\n', ''),
      `exhibit.yaml, line 6: "title" should be the text in "en", the exhibit's language, which every text needs so the kiosk can fall back to it (found only "ru")`],
    ['a group by language in a language not listed', () => edited('exhibit.yaml', '  ru: Письма из гавани\n', '  ru: Письма из гавани\n  de: Briefe aus dem Hafen\n'),
      `exhibit.yaml, line 9: "de" of "title" should be a text in one of the exhibit's languages (en, ru), but "de" is not one of them: add it to "languages", or remove this text, found "Briefe aus dem Hafen"`],
  ])('%s', async (_name, files, message) => {
    expect(await refusal(files())).toBe(message);
  });
});
