/**
 * The timeline (issue 6) by touch in a real Chromium: a package with periods (an axis from 1900
 * to 2000, tests/helpers/packages.ts datedSource) packed and imported with the staff CLI into the
 * host's data folder; a visitor swipes along the axis with one finger, taps a topic that was off
 * screen, lands on it, comes Back to the same years, and finds the undated topic and object.
 * Touches are real touch events (CDP, support/touch.ts); every wait is on what the screen shows.
 */
import { expect, test, type Locator, type Page } from './support/test';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { datedSource, writeSource } from '../helpers/packages';
import { startHost, type RunningHost } from './support/host';
import { Touch } from './support/touch';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

let host: RunningHost;
let work: string;

/** Packs the dated source and imports it live, as staff would (`vitrine pack`, `vitrine import --now`). */
async function importDatedPackage(dataDir: string): Promise<void> {
  const source = await writeSource(join(work, 'source'), datedSource());
  const cli = join(ROOT, 'out/main/cli.js');
  await run(process.execPath, [cli, 'pack', source, '--out', join(work, 'package')], { cwd: ROOT });
  await run(process.execPath, [cli, 'import', join(work, 'package'), '--now', '--data', dataDir], { cwd: ROOT });
}

test.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vitrine-e2e-timeline-'));
  host = await startHost({}, 120_000, importDatedPackage);
});

test.afterAll(async () => {
  await host?.stop();
  await rm(work, { recursive: true, force: true });
});

test.beforeEach(async ({ page }) => {
  // Earlier and Later jump instead of gliding, so their outcome can be read at once.
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

const strip = (page: Page) => page.getByTestId('timeline-strip');
const entry = (page: Page, name: RegExp) => page.getByRole('list', { name: 'Topics and objects in time order' }).getByRole('button', { name });
const scrollLeft = (page: Page) => strip(page).evaluate((el) => el.scrollLeft);

/** True when the element's box lies wholly inside the strip's visible box. */
async function inView(page: Page, element: Locator): Promise<boolean> {
  const [box, view] = [await element.boundingBox(), await strip(page).boundingBox()];
  return box !== null && view !== null && box.x >= view.x - 1 && box.x + box.width <= view.x + view.width + 1;
}

/** Fails the test on any request outside the app's own origin, a failed request or a page error. */
function watchRequests(page: Page): () => void {
  const problems: string[] = [];
  const origin = new URL(host.url).origin;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') problems.push(`request: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return () => expect(problems).toEqual([]);
}

async function openTimeline(page: Page): Promise<Page> {
  page = await host.open(page);
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await page.getByRole('button', { name: /^Timeline 1900 – 2000/ }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timeline');
  return page;
}

test('swipe along the axis, tap a topic that was off screen, land on it, and come back to the same years', async ({ page }) => {
  const clean = watchRequests(page);
  page = await openTimeline(page);
  const touch = await Touch.on(page);
  const beta = entry(page, /^Beta 1962/);
  await expect(page.getByTestId('timeline-in-view')).toHaveText(/^Years in view:\s*1900 – 19[23]\d$/);
  expect(await inView(page, beta)).toBe(false);

  // One finger, starting on a topic: the strip follows, and that topic does not open.
  const alpha = (await entry(page, /^Alpha 1920–1923/).boundingBox())!;
  const y = alpha.y + alpha.height / 2;
  for (let swipe = 0; swipe < 6 && !(await inView(page, beta)); swipe++) {
    const before = await scrollLeft(page);
    await touch.drag({ x: 1500, y }, { x: 500, y }, 12, 16);
    await expect.poll(() => scrollLeft(page)).toBeGreaterThan(before + 500);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timeline');
  }
  expect(await inView(page, beta)).toBe(true);
  await expect(page.getByTestId('timeline-in-view')).not.toHaveText(/^Years in view:\s*1900 /);

  const leftBefore = await scrollLeft(page);
  const box = (await beta.boundingBox())!;
  await touch.tap({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  await expect(page.locator('main[data-screen="topic"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beta');

  await page.getByRole('button', { name: 'Back' }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timeline');
  await expect.poll(() => scrollLeft(page)).toBe(leftBefore);
  clean();
});

test('objects: one dated on its own, one placed by its topic and saying so; tapping opens the object', async ({ page }) => {
  page = await openTimeline(page);
  const own = entry(page, /^Telegram about 1950/);
  await expect(own).not.toContainText('Dated by its topic');
  const byTopic = entry(page, /^Letter on grain 1920–1923/);
  await expect(byTopic).toContainText('Dated by its topic');
  await byTopic.tap();
  await expect(page.locator('main[data-screen="artifact"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Letter on grain');
});

test('Earlier and Later move along for visitors who cannot swipe; every target is large', async ({ page }) => {
  page = await openTimeline(page);
  const earlier = page.getByRole('button', { name: 'Earlier' });
  const later = page.getByRole('button', { name: 'Later' });
  await expect(earlier).toBeDisabled();
  await later.tap();
  await expect.poll(() => scrollLeft(page)).toBeGreaterThan(1000);
  await expect(earlier).toBeEnabled();
  await earlier.tap();
  await expect.poll(() => scrollLeft(page)).toBe(0);

  const targets = [earlier, later, ...(await page.getByRole('list', { name: 'Topics and objects in time order' }).getByRole('button').all())];
  for (const target of targets) {
    const size = (await target.boundingBox())!;
    expect(Math.min(size.width, size.height), await target.innerText()).toBeGreaterThanOrEqual(64);
  }
});

test('a keyboard or switch walks the list in time order, and the strip follows the focus', async ({ page }) => {
  page = await openTimeline(page);
  const names: string[] = [];
  for (let i = 0; i < 20 && names.length < 5; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement?.closest('ol') ? document.activeElement.textContent!.replace(/\s+/g, ' ').trim() : null));
    if (focused) names.push(focused.split(' ')[0]!);
  }
  expect(names).toEqual(['Alpha', 'Letter', 'Telegram', 'Beta', 'Two-page']);
  // The last one focused lay beyond the first screen: the strip scrolled to it.
  expect(await inView(page, entry(page, /^Two-page testimony/))).toBe(true);
});

test('what the package does not date is shown under Undated, openable', async ({ page }) => {
  page = await openTimeline(page);
  const undated = page.getByRole('region', { name: 'Undated' });
  await expect(undated).toBeVisible();
  await expect(undated.getByRole('button')).toHaveText([/Topic\s*Gamma/, /Object\s*Unplaced object/]);
  await expect(entry(page, /Gamma/)).toHaveCount(0);
  await undated.getByRole('button', { name: /Gamma/ }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gamma');
});
