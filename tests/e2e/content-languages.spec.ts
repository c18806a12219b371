/**
 * A package with texts in English and Russian (issue 6), in a real Chromium: a curator's folder
 * with a group by language in exhibit.yaml and Markdown siblings (`.ru.md`) for some files only,
 * packed and imported with the staff CLI. A visitor who taps «Русский» reads the Russian where the
 * package gives it and the English elsewhere, each marked with its language; tapping English
 * switches every text at once, without asking the kiosk for anything again.
 * (The Russian words are test text written for this spec, not a translation of any exhibit.)
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Locator, type Page, screenOf } from './support/test';
import sharp from 'sharp';
import { startHost, type RunningHost } from './support/host';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

const FILES: Record<string, string> = {
  'exhibit.yaml': `package:
  id: languages-test
  version: 1.0.0
  title: Languages (test)

title:
  en: Letters from the Harbour
  ru: Письма из гавани
credit: Made for the content-languages spec
language: en
languages: [ru]

sections:
  - id: leaving
    title: Leaving Home

artifacts:
  ship-letter:
    title:
      en: Letter written on board
      ru: Письмо с борта
    caption: Written over three days at sea.
    images:
      - file: media/ship-letter.jpg
        alt: A handwritten letter on lined paper
`,
  'sections/leaving/intro.md': 'One in five people of the town left by sea.\n',
  'sections/leaving/intro.ru.md': 'Каждый пятый житель города уехал морем.\n',
  'sections/leaving/01-on-board.md': `---
title: On Board
era: The Crossing
---

A crossing took nine days in good weather.

{{artifact ship-letter}}

The letter tells of the food and the noise.
`,
  'sections/leaving/01-on-board.ru.md': `---
title: На борту
---

Переход занимал девять дней в хорошую погоду.

{{artifact ship-letter}}

Письмо рассказывает о еде и шуме.
`,
  'sections/leaving/02-the-dock.md': `---
title: The Dock
---

The east dock, about 1905.
`,
};

/** Writes the curator's folder, packs it and imports it into `dataDir` as the live exhibit. */
async function importBilingualPackage(work: string, dataDir: string): Promise<void> {
  const source = join(work, 'source');
  for (const [name, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(source, name)), { recursive: true });
    await writeFile(join(source, name), text);
  }
  await mkdir(join(source, 'media'), { recursive: true });
  await sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 230, g: 220, b: 200 } } }).jpeg().toFile(join(source, 'media/ship-letter.jpg'));
  const cli = join(ROOT, 'out/main/cli.js');
  await run(process.execPath, [cli, 'pack', source, '--out', join(work, 'package')], { cwd: ROOT });
  await run(process.execPath, [cli, 'import', join(work, 'package'), '--now', '--data', dataDir], { cwd: ROOT });
}

let host: RunningHost;
let work: string;

test.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vitrine-e2e-languages-'));
  host = await startHost({}, 120_000, (dataDir) => importBilingualPackage(work, dataDir));
});

test.afterAll(async () => {
  await host?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function expectText(locator: Locator, text: string, lang: string): Promise<void> {
  await expect(locator).toHaveText(text);
  await expect(locator).toHaveAttribute('lang', lang);
}

test('a Russian visitor reads the Russian the package gives, and English, marked so, elsewhere', async ({ page }) => {
  page = await host.open(page);
  await expectText(h1(page), 'Letters from the Harbour', 'en');
  await page.getByRole('button', { name: 'Русский' }).tap();

  const home = screenOf(page, 'home');
  await expectText(home.locator('h1'), 'Письма из гавани', 'ru');
  await expectText(home.locator('.credit'), 'Made for the content-languages spec', 'en');
  await page.getByRole('button', { name: /^Leaving Home / }).tap();

  const section = screenOf(page, 'section');
  await expectText(section.locator('h1'), 'Leaving Home', 'en');
  await expectText(section.locator('.introduction p'), 'Каждый пятый житель города уехал морем.', 'ru');
  await expectText(section.locator('h2'), 'The Crossing', 'en');
  await expectText(section.locator('.topic .title').nth(1), 'The Dock', 'en');
  await section.getByRole('button', { name: /^На борту/ }).tap();

  const topic = screenOf(page, 'topic');
  await expectText(topic.locator('h1'), 'На борту', 'ru');
  await expectText(topic.locator('.era'), 'The Crossing', 'en');
  await expectText(topic.locator('article > p').first(), 'Переход занимал девять дней в хорошую погоду.', 'ru');
  await expectText(topic.locator('.card .title'), 'Письмо с борта', 'ru');
  await expect(topic.getByRole('img', { name: 'A handwritten letter on lined paper' })).toHaveAttribute('lang', 'en');

  // Back to English: every text at once, from the data already on screen.
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.getByRole('button', { name: 'English' }).tap();
  await expectText(topic.locator('h1'), 'On Board', 'en');
  await expectText(topic.locator('article > p').first(), 'A crossing took nine days in good weather.', 'en');
  await expectText(topic.locator('.card .title'), 'Letter written on board', 'en');
  expect(requests.filter((url) => new URL(url).pathname.startsWith('/api'))).toEqual([]);
});

test('a Russian visitor finds the package\'s Russian by searching in Russian', async ({ page }) => {
  page = await host.open(page);
  await page.getByRole('button', { name: 'Русский' }).tap();
  await page.getByRole('button', { name: /^(Search|Поиск)$/ }).tap();
  // ЙЦУКЕН from the start: no switch needed to type Russian.
  for (const key of ['п', 'е', 'р', 'е', 'х']) await page.getByRole('button', { name: key, exact: true }).tap();
  const hit = page.getByTestId('search-hit').first();
  // Titled in Russian where the package has it, the era falling back to English.
  await expectText(hit.locator('.title'), 'The Crossing: На борту', 'ru');
  await expect(hit.locator('.text mark')).toHaveText('Переход');
  await expect(hit.locator('.text')).toHaveAttribute('lang', 'ru');
  await hit.getByRole('button').tap();
  await expectText(h1(page), 'На борту', 'ru');
});
