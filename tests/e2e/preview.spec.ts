/**
 * `vitrine preview` as a curator uses it (issue 17): their folder in the kiosk's own screens in a
 * browser; they edit a Markdown file and see the change; they make a mistake and see it listed,
 * file and line, with the last good build still on screen; they fix it and the list goes.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserHostOnly, expect, test } from './support/test';
import { spawnUntilReady } from '../harness/ready.mjs';

browserHostOnly('`vitrine preview` is a browser host of its own, whatever the kiosk runs on');

const ROOT = join(import.meta.dirname, '../..');
const INTRO = 'sections/the-soviet-union-and-the-united-states/intro.md';
const TOPIC = 'sections/the-soviet-union-and-the-united-states/06-postwar-estrangement.md';

let work: string;
let preview: Awaited<ReturnType<typeof spawnUntilReady>> | undefined;
let url: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'vitrine-preview-e2e-'));
  cpSync(join(ROOT, 'assets/exhibit'), join(work, 'exhibit'), { recursive: true });
  preview = await spawnUntilReady([join(ROOT, 'out/main/cli.js'), 'preview', join(work, 'exhibit'), '--port', '0', '--no-browser'], { timeoutMs: 120_000, signal: 'SIGINT' });
  url = preview.url;
});

test.afterAll(async () => {
  await preview?.stop();
  rmSync(work, { recursive: true, force: true });
});

const edit = (file: string, from: string, to: string) => {
  const path = join(work, 'exhibit', file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`test: "${from}" is not in ${file}`);
  writeFileSync(path, text.replace(from, to));
};

test('a curator edits a Markdown file and sees it; a mistake is listed until it is fixed', async ({ page }) => {
  await page.goto(url);
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await page.getByRole('button', { name: /^The Soviet Union and the United States/ }).tap();
  const intro = page.locator('main[data-screen="section"] article p').first();
  await expect(intro).toContainText('Relations between the Soviet Union and the United States');
  await expect(page.getByTestId('preview-panel')).toContainText('Preview of');

  // A text edit: the same screen shows the new words, with no tap.
  edit(INTRO, 'Relations between the Soviet Union', 'Relations, as the archives show, between the Soviet Union');
  await expect(intro).toContainText('Relations, as the archives show, between the Soviet Union', { timeout: 15_000 });
  await expect(page.locator('main[data-screen="section"]')).toBeVisible();

  // A mistake: listed with its file and line; the last good build stays on screen.
  edit(TOPIC, 'title: Postwar Estrangement', 'titel: Postwar Estrangement');
  const problems = page.getByTestId('preview-problems');
  await expect(problems).toContainText(`${TOPIC}, line 2: "titel" is not a key of the front matter: did you mean "title"?`, { timeout: 15_000 });
  await expect(page.getByTestId('preview-panel')).toContainText('1 mistake: the screens show the last good build');
  await expect(intro).toContainText('as the archives show');

  // Fixed: the list goes.
  edit(TOPIC, 'titel: Postwar Estrangement', 'title: Postwar Estrangement');
  await expect(problems).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('preview-panel')).toContainText('Preview of');
});

test('the preview leaves the curator\'s folder as it was: nothing written into it', async () => {
  const listing = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? listing(join(dir, name)).map((n) => `${name}/${n}`) : [name]));
  expect(listing(join(work, 'exhibit')).sort()).toEqual(listing(join(ROOT, 'assets/exhibit')).sort());
});
