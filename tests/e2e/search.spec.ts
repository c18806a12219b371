/**
 * Search in a real Chromium against the browser host (issue 6): a visitor taps letters on the
 * on-screen keyboard with real touches (CDP, support/touch.ts), sees results with the matches
 * marked, opens an object and comes back to their words; switches to Russian letters; finds
 * nothing and is offered the topics instead; a hostile query is just a query; and the idle reset
 * clears the words for the next visitor. Every wait is on what the screen shows.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, screenOf } from './support/test';
import { startHost, type RunningHost } from './support/host';
import { Touch } from './support/touch';

const keyboardOf = (page: Page) => page.getByRole('group', { name: 'On-screen keyboard' });
const field = (page: Page) => page.getByRole('searchbox', { name: 'Search the exhibit' });
const count = (page: Page) => page.getByTestId('search-count');

/** How many keys the keyboard has, and the smaller side of its smallest key (CSS px). */
async function keySizes(page: Page): Promise<{ keys: number; smallest: number }> {
  const sides = await keyboardOf(page)
    .getByRole('button')
    .evaluateAll((keys) => keys.map((k) => k.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
  return { keys: sides.length, smallest: Math.min(...sides) };
}

/** Taps a key of the on-screen keyboard with a finger. */
async function tapKey(page: Page, touch: Touch, name: string | RegExp): Promise<void> {
  const key = keyboardOf(page).getByRole('button', { name: typeof name === 'string' ? new RegExp(`^${name}$`, 'i') : name });
  await key.scrollIntoViewIfNeeded();
  const box = (await key.boundingBox())!;
  await touch.tap({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
}

async function typeOnKeyboard(page: Page, touch: Touch, letters: string): Promise<void> {
  for (const letter of letters) await (letter === ' ' ? tapKey(page, touch, 'Space') : tapKey(page, touch, letter));
}

/** From the attract loop to the search screen, as a visitor goes: begin, then Search in the bar. */
async function openSearch(page: Page, touch: Touch): Promise<void> {
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await expect(screenOf(page, 'home')).toBeVisible();
  const button = page.getByRole('button', { name: 'Search', exact: true });
  const box = (await button.boundingBox())!;
  await touch.tap({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  await expect(screenOf(page, 'search')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
}

/** Collects page errors, failed API answers and requests outside the app's origin. */
function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console error: ${m.text()}`)));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') problems.push(`outside request: ${r.url()}`);
  });
  page.on('response', async (r) => {
    if (!r.url().endsWith('/api/search')) return;
    const body = await r.json().catch(() => null);
    if (r.status() !== 200 || !body?.ok) problems.push(`search answered ${r.status()}: ${JSON.stringify(body)}`);
  });
  return problems;
}

test('a visitor types on the on-screen keyboard, sees marked results, opens an object and comes back', async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto('/');
  const touch = await Touch.on(page);
  await openSearch(page, touch);
  await expect(page.getByRole('button', { name: 'Search', exact: true })).toHaveAttribute('aria-current', 'page');

  expect(await keySizes(page)).toEqual({ keys: 10 + 26 + 4, smallest: expect.any(Number) });
  expect((await keySizes(page)).smallest).toBeGreaterThanOrEqual(63.9); // 64 px, less layout rounding

  // Before typing: a hint, and the topics to explore.
  await expect(screenOf(page, 'search')).toContainText('Results appear as you type');
  await expect(page.getByRole('list', { name: 'Topics' }).getByRole('button')).toHaveCount(8);

  await typeOnKeyboard(page, touch, 'pots');
  await expect(field(page)).toHaveValue('pots');
  await expect(count(page)).toHaveText(/^\d+ results? for “pots”\.$/);
  const hit = page.getByRole('button', { name: 'Stalin at Potsdam' });
  await expect(hit).toBeVisible();
  await expect(hit).toHaveAccessibleDescription(/^Object · found in the (title|caption)/);
  await expect(hit.locator('mark').first()).toHaveText(/^Potsdam$/i);

  // A second word narrows the results down, as the visitor types it.
  await typeOnKeyboard(page, touch, ' stal');
  await expect(count(page)).toHaveText(/for “pots stal”\.$/);
  await expect(hit.locator('mark')).toHaveText([/^Stalin$/i, /^Potsdam$/i]);
  expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([]);

  const box = (await hit.boundingBox())!;
  await touch.tap({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  await expect(screenOf(page, 'artifact')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stalin at Potsdam');

  // Back: the words and their results are still there.
  await page.getByRole('button', { name: 'Back', exact: true }).tap();
  await expect(screenOf(page, 'search')).toBeVisible();
  await expect(field(page)).toHaveValue('pots stal');
  await expect(page.getByRole('button', { name: 'Stalin at Potsdam' })).toBeVisible();

  // Delete takes one letter, Clear all of them.
  await tapKey(page, touch, /^Delete/);
  await expect(field(page)).toHaveValue('pots sta');
  await tapKey(page, touch, /^Clear/);
  await expect(field(page)).toHaveValue('');
  await expect(page.getByTestId('search-hit')).toHaveCount(0);

  // Russian letters: nothing in this exhibit is in Russian, so nothing is found, kindly, with the
  // topics offered instead; one of them opens.
  await tapKey(page, touch, /^АБВ/);
  await expect(keyboardOf(page).getByRole('button', { name: /^ABC/ })).toBeVisible();
  expect(await keySizes(page)).toEqual({ keys: 10 + 33 + 4, smallest: expect.any(Number) });
  expect((await keySizes(page)).smallest).toBeGreaterThanOrEqual(63.9); // 64 px, less layout rounding
  await typeOnKeyboard(page, touch, 'сталин');
  await expect(field(page)).toHaveValue('сталин');
  await expect(count(page)).toHaveText('Nothing found for “сталин”.');
  await expect(screenOf(page, 'search')).toContainText('Check the spelling, try fewer letters, or explore a topic');
  expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([]);
  await page.getByRole('list', { name: 'Topics' }).getByRole('button', { name: /Postwar Estrangement/ }).tap();
  await expect(screenOf(page, 'topic')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Postwar Estrangement');

  expect(problems).toEqual([]);
});

test('a hostile query is just a query: no error, it finds what it can', async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto('/');
  const touch = await Touch.on(page);
  await openSearch(page, touch);

  // A physical keyboard works too (keyboard or switch users, staff with a keyboard plugged in).
  for (const hostile of ['"NEAR(* -^:) AND OR NOT', '")))', 'title:famine" OR "1', '*'.repeat(100)]) {
    await field(page).fill(hostile);
    await expect(field(page)).toHaveValue(hostile.slice(0, 100));
    await expect(count(page)).not.toHaveText(/not available/);
  }
  await field(page).fill('title:famine" OR "1');
  await expect(page.getByRole('button', { name: /American Famine Relief/ })).toBeVisible();
  await expect(count(page)).toHaveText(/with some of them\.$/);

  // Lend-Lease by its first letters, détente without its accent.
  await field(page).fill('lend');
  await expect(page.getByRole('button', { name: 'World War II: Alliance' })).toBeVisible();
  await field(page).fill('detente');
  await expect(page.getByRole('button', { name: 'The Soviet Union and the United States' })).toBeVisible();
  await expect(page.locator('mark', { hasText: 'détente' }).first()).toBeVisible();

  expect(problems).toEqual([]);
});

test.describe('the idle reset', () => {
  const IDLE_SECONDS = 120;
  const COUNTDOWN_SECONDS = 3;
  let host: RunningHost;
  test.beforeAll(async () => {
    // Long enough that typing on a slow machine never meets the warning; walking away is the
    // kiosk's own clock moved on past it (page.clock).
    host = await startHost({ idleTimeoutSeconds: IDLE_SECONDS, idleCountdownSeconds: COUNTDOWN_SECONDS });
  });
  test.afterAll(async () => {
    await host?.stop();
  });

  test('clears the words and the keyboard for the next visitor', async ({ page }) => {
    page = await host.open(page, { clock: true });
    const touch = await Touch.on(page);
    await openSearch(page, touch);
    await typeOnKeyboard(page, touch, 'famine');
    await expect(page.getByRole('button', { name: /American Famine Relief/ })).toBeVisible();
    await tapKey(page, touch, /^АБВ/);

    // The visitor walks away: the warning, then the attract loop.
    await page.clock.runFor((IDLE_SECONDS + COUNTDOWN_SECONDS + 1) * 1000);
    await expect(screenOf(page, 'attract')).toBeVisible();

    await openSearch(page, touch);
    await expect(field(page)).toHaveValue('');
    await expect(page.getByTestId('search-hit')).toHaveCount(0);
    await expect(count(page)).toHaveText('');
    await expect(keyboardOf(page).getByRole('button', { name: /^АБВ/ })).toBeVisible();
  });
});
