/**
 * Languages in a real Chromium (issue 6): a visitor taps «Русский» on the attract screen and
 * walks home → section → topic → object → My list with the kiosk's own words in Russian, while
 * the exhibit's content stays in the package's English and is marked `lang="en"`; then walks
 * away, and the next visitor finds the kiosk in English again. The idle time is long, so a slow
 * machine never sees a warning mid-walk; walking away is the kiosk's own clock moved on past it
 * (page.clock); every other wait is on what the screen shows.
 */
import { expect, test, type Locator, type Page, scrollIntoReach, screenOf } from './support/test';
import { startHost, type RunningHost } from './support/host';

const IDLE_SECONDS = 120;
const COUNTDOWN_SECONDS = 3;
const NBSP = '\u00a0';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost({ idleTimeoutSeconds: IDLE_SECONDS, idleCountdownSeconds: COUNTDOWN_SECONDS });
});

test.afterAll(async () => {
  await host?.stop();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/**
 * Visible text under `roots` that claims to be Russian (its nearest `lang` is "ru") but holds a
 * Latin word: the kiosk's own words left in English, or content not marked with its language.
 * Addresses (translate="no") and the Latin "QR" of «QR-код» are not words to translate.
 */
function englishInRussianUi(roots: Locator): Promise<string[]> {
  return roots.evaluateAll((elements) => {
    const found: string[] = [];
    for (const root of elements) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        if (parent.closest('[translate="no"]') || parent.closest('[lang]')?.getAttribute('lang') !== 'ru') continue;
        if (/[A-Za-z]{2,}/.test((node.textContent ?? '').replace(/\bQR\b/g, ''))) found.push(node.textContent!.trim());
      }
    }
    return found;
  });
}

/** The whole screen speaks Russian, but for content marked as English. */
async function expectRussianChrome(page: Page, roots: Locator = page.locator('body')): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  expect(await englishInRussianUi(roots)).toEqual([]);
}

test('a visitor reads the kiosk in Russian; the next one finds it in English', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));

  // Attract: English by default (the built-in package is English), both languages on offer.
  page = await host.open(page, { clock: true });
  await expect(screenOf(page, 'attract')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const russian = page.getByRole('button', { name: 'Русский' });
  await expect(russian).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  const box = (await russian.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(64);

  // One tap: the visit begins, in Russian.
  await russian.tap();
  await expect(screenOf(page, 'home')).toBeVisible();
  await expect(screenOf(page, 'home').locator('.eyebrow')).toHaveText('Выставка');
  await expect(h1(page)).toHaveText('Revelations from the Russian Archives');
  await expect(h1(page)).toHaveAttribute('lang', 'en');
  const bar = page.getByRole('navigation', { name: 'Навигация' });
  await expect(bar.getByRole('button', { name: 'Назад' })).toBeDisabled();
  await expect(bar.getByRole('button', { name: 'На главную' })).toBeVisible();
  await expect(bar.getByRole('button', { name: `Мой список, 0${NBSP}предметов` })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Русский' })).toHaveAttribute('aria-pressed', 'true');
  for (const name of ['English', 'Русский']) {
    const size = (await bar.getByRole('button', { name }).boundingBox())!;
    expect(Math.min(size.width, size.height), name).toBeGreaterThanOrEqual(64);
  }
  await expect(page.getByRole('button', { name: /^The Soviet Union and the United States/ })).toContainText(`8${NBSP}тем · 9${NBSP}предметов`);
  await expectRussianChrome(page);

  // Section: Russian labels and counts around the English introduction and titles.
  await page.getByRole('button', { name: /^The Soviet Union and the United States/ }).tap();
  await expect(screenOf(page, 'section')).toBeVisible();
  await expect(screenOf(page, 'section').locator('.eyebrow')).toHaveText('Раздел');
  await expect(page.getByRole('navigation', { name: 'Темы' })).toBeVisible();
  await expectRussianChrome(page);

  // Topic: the essay in English, the objects and the way on in Russian.
  await scrollIntoReach(page.getByRole('button', { name: /^Postwar Estrangement/ }));
  await page.getByRole('button', { name: /^Postwar Estrangement/ }).tap();
  await expect(h1(page)).toHaveText('Postwar Estrangement');
  await expect(page.getByRole('button', { name: 'Следующая тема' })).toBeVisible();
  await page.mouse.move(960, 600);
  await page.mouse.wheel(0, 1200);
  await expect(page.getByRole('button', { name: 'Наверх' })).toBeVisible();
  await expectRussianChrome(page);

  // An object: its screen (Artifact.svelte, DeepZoom, PageStrip) is not in the catalogue yet, so
  // only the parts that are (the bar, the translation panel, the stand-in label) are checked.
  await scrollIntoReach(page.getByRole('button', { name: 'Открыть «Telegram to President Truman»' }));
  await page.getByRole('button', { name: 'Открыть «Telegram to President Truman»' }).tap();
  await expect(h1(page)).toHaveText('Telegram to President Truman');
  const translation = page.getByRole('region', { name: 'Перевод' });
  const takeHome = page.getByRole('region', { name: 'Возьмите с собой' });
  await expect(takeHome).toContainText('Наведите камеру телефона на код');
  await expect(takeHome.getByRole('img', { name: /^QR-код ссылки https:/ })).toBeVisible();
  await expectRussianChrome(page, page.locator('header').or(translation).or(takeHome).or(page.locator('.stand-in')));
  await page.getByRole('button', { name: /^(Save|Сохранить)$/ }).tap();

  // My list: one object, counted the Russian way, its title in English.
  await bar.getByRole('button', { name: `Мой список, 1${NBSP}предмет` }).tap();
  await expect(screenOf(page, 'my-list')).toBeVisible();
  await expect(h1(page)).toHaveText('Мой список');
  await expect(screenOf(page, 'my-list')).toContainText(`Сохранён 1${NBSP}предмет.`);
  await expect(page.getByRole('button', { name: 'Убрать «Telegram to President Truman»' })).toBeVisible();
  await expect(page).toHaveTitle('Мой список');
  await expectRussianChrome(page);

  // They walk away: the reset brings the attract loop, and the next visitor English.
  await page.clock.runFor((IDLE_SECONDS + COUNTDOWN_SECONDS + 1) * 1000);
  await expect(screenOf(page, 'attract')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await expect(screenOf(page, 'home')).toBeVisible();
  await expect(screenOf(page, 'home').locator('.eyebrow')).toHaveText('Exhibit');
  await expect(page.getByRole('button', { name: 'Back', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'My list, 0 saved' })).toBeVisible();

  expect(errors, 'page errors').toEqual([]);
});

test('the timeline and search speak Russian too, around the exhibit’s English', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page = await host.open(page);
  await page.getByRole('button', { name: 'Русский' }).tap();
  await expect(screenOf(page, 'home')).toBeVisible();

  // Timeline: the card on home, the screen, its controls and the years in view.
  await page.getByRole('button', { name: `Хронология 1917${NBSP}— 1991 Темы и предметы в хронологическом порядке` }).tap();
  await expect(screenOf(page, 'timeline')).toBeVisible();
  await expect(h1(page)).toHaveText('Хронология');
  await expect(page.getByRole('button', { name: 'Позже' })).toBeVisible();
  await expect(page.getByTestId('timeline-in-view')).toHaveText(/^Годы на экране:\s*1917/);
  await expect(page.getByRole('region', { name: 'Без даты' })).toBeVisible();
  await expectRussianChrome(page);

  // Search: the field, the keyboard in ЙЦУКЕН, and the count read out the Russian way.
  await page.getByRole('button', { name: /^(Search|Поиск)$/ }).tap();
  await expect(screenOf(page, 'search')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Поиск по выставке' })).toBeVisible();
  // The keyboard opens in ЙЦУКЕН for a Russian visitor; Latin letters stay one tap away.
  await expect(page.getByRole('button', { name: 'й', exact: true })).toBeVisible();
  await page.getByRole('button', { name: /^ABC ?: латинские буквы$/ }).tap();
  await expect(page.getByRole('button', { name: 'q', exact: true })).toBeVisible();
  await page.getByRole('button', { name: /^АБВ ?: русские буквы$/ }).tap();
  for (const key of ['с', 'т', 'а', 'л']) await page.getByRole('button', { name: key, exact: true }).tap();
  await expect(page.getByTestId('search-count')).toHaveText(/^По запросу «стал» (ничего не найдено|найден|найдено)/);
  await expectRussianChrome(page);

  expect(errors, 'page errors').toEqual([]);
});
