/**
 * Looking closely (issue 4), by touch in a real Chromium: the deep-zoom viewer with its buttons,
 * a two-finger spread, a double-tap and a one-finger pan; paging through a two-page document by
 * thumbnails and swipes; moving between objects; reading a translation beside (landscape) or over
 * (portrait) the zoomed original, in a package packed and imported for this spec; and saving
 * three objects, whose take-home QR codes are decoded and compared with their addresses.
 * Touches are real touch events (CDP, support/touch.ts); every wait is on what the screen shows.
 */
import { expect, test, type Page, scrollIntoReach, screenOf } from './support/test';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { startHost, type RunningHost } from './support/host';
import { importTranslatedPackage, TRANSLATED, UNTRANSLATED } from './support/package';
import { handledDuring, isDoubleTap, Touch, type Handled, type Point } from './support/touch';

const source = JSON.parse(readFileSync(join(import.meta.dirname, '../../out/exhibit/manifest.json'), 'utf8'));
const artifacts = new Map<string, { title: string; permanentUrl: string; media: { alt: string }[] }>(source.artifacts.map((a: { id: string }) => [a.id, a]));
const SECTION = /^The Soviet Union and the United States/;

const viewer = (page: Page) => page.getByTestId('deep-zoom');
const title = (page: Page) => page.getByRole('heading', { level: 1 });
const zoomOf = async (page: Page) => Number(await viewer(page).getAttribute('data-zoom'));
const centreOf = async (page: Page) => (await viewer(page).getAttribute('data-center'))!.split(',').map(Number) as [number, number];

async function stageCentre(page: Page): Promise<Point> {
  const box = (await page.getByTestId('zoom-stage').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Fails the test on any request outside the app's own origin and paths, a failed request or a page error. */
function watchRequests(page: Page): () => void {
  const problems: string[] = [];
  let origin: string | null = null;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    origin ??= url.origin;
    // The app's own: the page, its bundle, the API, media and tiles. No OpenSeadragon images.
    if (url.origin !== origin || !/^\/($|index\.html$|assets\/|api\/|media\/|tiles\/)/.test(url.pathname)) problems.push(`request: ${request.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return () => expect(problems, 'requests outside the app, failures or page errors').toEqual([]);
}

/** From the attract screen to an object in the built-in exhibit, its first view sharp. */
async function openObject(page: Page, topic: string, id: string): Promise<void> {
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await page.getByRole('button', { name: SECTION }).tap();
  // A visitor scrolls down the list of topics, and down the essay, to find them.
  const topicButton = page.getByRole('button', { name: new RegExp(`^${topic}`) }).first();
  await scrollIntoReach(topicButton);
  await topicButton.tap();
  const objectButton = page.getByRole('button', { name: `Open ${artifacts.get(id)!.title}` });
  await scrollIntoReach(objectButton);
  await objectButton.tap();
  await expect(title(page)).toHaveText(artifacts.get(id)!.title);
  await expect(viewer(page)).toHaveAttribute('data-sharp', 'true');
}

test.beforeEach(async ({ page }) => {
  // Reduced motion: the viewer jumps instead of animating and a pan ends without a flick, so each
  // gesture's outcome can be read as soon as it ends.
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('deep zoom: the large buttons, a spread, a double-tap, a one-finger pan, and Reset view', async ({ page }) => {
  const clean = watchRequests(page);
  await page.goto('/');
  await openObject(page, 'American Famine Relief', 'obj1');
  const touch = await Touch.on(page);

  // Opens on the whole image; only the viewer takes raw touch, the page keeps the kiosk's rules.
  await expect(viewer(page)).toHaveAttribute('data-zoom', '1.00');
  await expect(viewer(page)).toHaveAttribute('data-center', '0.500,0.500');
  const touchAction = await page.evaluate(() => [document.querySelector('.viewer')!, document.querySelector('main')!, document.body].map((el) => getComputedStyle(el).touchAction));
  // The page pans only: no pinch or double-tap zoom (global.css; the viewport meta no longer forbids zoom).
  expect(touchAction).toEqual(['none', 'pan-y', 'pan-x pan-y']);
  for (const name of ['Zoom in', 'Zoom out', 'Reset view']) {
    expect((await page.getByRole('button', { name }).boundingBox())!.height).toBeGreaterThanOrEqual(64);
  }

  await page.getByRole('button', { name: 'Zoom in' }).tap();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(2, 1);
  await page.getByRole('button', { name: 'Zoom in' }).tap();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(4, 1);
  await page.getByRole('button', { name: 'Zoom out' }).tap();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(2, 1);
  await page.getByRole('button', { name: 'Reset view' }).tap();
  await expect(viewer(page)).toHaveAttribute('data-zoom', '1.00');
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeDisabled();

  // Two fingers spreading apart.
  await touch.pinch(await stageCentre(page), 120, 480);
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Reset view' }).tap();
  await expect(viewer(page)).toHaveAttribute('data-zoom', '1.00');

  // A double-tap doubles the magnification. OpenSeadragon counts one when each tap lifts within
  // 300 ms of its touch and the second lifts within 300 ms of the first, by when the page handles
  // them. A machine busy elsewhere has handed the harness's taps over late (CI: zoom stayed 1.00),
  // so what the page was given is read: taps given as a double-tap must zoom; taps given too slowly
  // to be one are played again (three tries at most), and never count as a pass.
  const given: Handled[][] = [];
  for (let attempt = 0; attempt < 3 && !given.some(isDoubleTap); attempt++) {
    if (attempt > 0) await page.getByRole('button', { name: 'Reset view' }).tap();
    await expect(viewer(page)).toHaveAttribute('data-zoom', '1.00');
    given.push(await handledDuring(page, async () => touch.doubleTap(await stageCentre(page))));
  }
  expect(given.some(isDoubleTap), `taps as the page was given them: ${JSON.stringify(given)}`).toBe(true);
  await expect.poll(() => zoomOf(page)).toBeCloseTo(2, 1);

  // One finger pans the magnified image: dragging up and left shows more to the right and below.
  await page.getByRole('button', { name: 'Zoom in' }).tap();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(4, 1);
  const [x0, y0] = await centreOf(page);
  const from = await stageCentre(page);
  await touch.drag(from, { x: from.x - 160, y: from.y - 160 }, 12, 30);
  await expect.poll(async () => (await centreOf(page))[0]).toBeGreaterThan(x0 + 0.02);
  expect((await centreOf(page))[1]).toBeGreaterThan(y0 + 0.02);
  // A pan is not a swipe: still the same object.
  await expect(title(page)).toHaveText(artifacts.get('obj1')!.title);

  await page.getByRole('button', { name: 'Reset view' }).tap();
  await expect(viewer(page)).toHaveAttribute('data-zoom', '1.00');
  await expect(viewer(page)).toHaveAttribute('data-center', '0.500,0.500');
  clean();
});

test('a layout change just before a zoom keeps the zoom: the view is not sent home', async ({ page }) => {
  // With motion, as most visitors have it: Zoom in springs from home. When the viewer learns of a
  // layout change (a panel closing, the screen turning) in the same frame as the zoom begins, the
  // view has not moved yet, and was taken for one at home and sent back: the keyboard e2e lost its
  // Enter on Zoom in that way, once in five runs.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('/');
  await openObject(page, 'American Famine Relief', 'obj1');
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeInViewport({ ratio: 1 });
  // That frame cannot be hit from outside the page, so the page sets it up: the stage narrows, and
  // once that frame's layout has been observed (the viewer's ResizeObserver has run), Zoom in is
  // pressed before the next frame, where the viewer handles both.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        document.querySelector<HTMLElement>('[data-testid="zoom-stage"]')!.style.width = '90%';
        requestAnimationFrame(() =>
          setTimeout(() => {
            document.querySelector<HTMLButtonElement>('button[data-action="zoom-in"]')!.click();
            done();
          }),
        );
      }),
  );
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(1.5);
  await page.waitForTimeout(1000);
  expect(await zoomOf(page)).toBeGreaterThan(1.5);
  await expect(page.getByRole('button', { name: 'Reset view' })).toBeEnabled();
});

test('an object left behind draws nothing more: the essay at rest asks for no frames', async ({ page }) => {
  // Every request for a frame the page makes, counted from its first script on.
  await page.addInitScript(() => {
    const request = window.requestAnimationFrame.bind(window);
    const counted = window as unknown as { frameRequests: number };
    counted.frameRequests = 0;
    window.requestAnimationFrame = (callback) => {
      counted.frameRequests++;
      return request(callback);
    };
  });
  const frameRequests = () => page.evaluate(() => (window as unknown as { frameRequests: number }).frameRequests);
  await page.goto('/');
  await openObject(page, 'American Famine Relief', 'obj1');
  await page.getByRole('button', { name: 'Zoom in' }).tap();
  await expect(viewer(page)).toHaveAttribute('data-zoom', '2.00');
  // While it is open, the viewer draws; once the visitor is back in the essay, nothing does, also
  // not the seconds after (OpenSeadragon's control fade ran 3.5 s past its viewer).
  await page.getByRole('button', { name: 'Back', exact: true }).tap();
  await expect(screenOf(page, 'topic')).toBeVisible();
  await page.waitForTimeout(500);
  const before = await frameRequests();
  await page.waitForTimeout(3000);
  expect(await frameRequests()).toBe(before);
});

test('a two-page document: thumbnails, swipes at home zoom, the page number, and on to the next object', async ({ page }) => {
  const clean = watchRequests(page);
  await page.goto('/');
  await openObject(page, 'Alliance', 'obj4');
  const touch = await Touch.on(page);
  const pageNumber = page.getByTestId('page-number');
  const pages = page.getByRole('group', { name: 'Pages' });
  const [page1, page2] = artifacts.get('obj4')!.media.map((m) => m.alt);

  await expect(pageNumber).toHaveText('Page 1 of 2');
  await expect(pageNumber).toBeInViewport();
  await expect.poll(() => pages.locator('img').evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((i) => i.complete && i.naturalWidth > 0).length)).toBe(2);

  // Swipe left on the image: the next page, sharp.
  const c = await stageCentre(page);
  await touch.drag({ x: c.x + 150, y: c.y }, { x: c.x - 150, y: c.y }, 6);
  await expect(pageNumber).toHaveText('Page 2 of 2');
  await expect(viewer(page).getByRole('img', { name: page2 })).toBeAttached();
  await expect(viewer(page)).toHaveAttribute('data-sharp', 'true');
  // Swipe right: back to the first.
  await touch.drag({ x: c.x - 150, y: c.y }, { x: c.x + 150, y: c.y }, 6);
  await expect(pageNumber).toHaveText('Page 1 of 2');
  await expect(viewer(page).getByRole('img', { name: page1 })).toBeAttached();
  // The thumbnail.
  await pages.getByRole('button', { name: 'Page 2' }).tap();
  await expect(pageNumber).toHaveText('Page 2 of 2');
  await expect(pages.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-pressed', 'true');

  // Zoomed in, the same quick stroke pans the page instead of turning it.
  await page.getByRole('button', { name: 'Zoom in' }).tap();
  await page.getByRole('button', { name: 'Zoom in' }).tap();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(4, 1);
  const [x0] = await centreOf(page);
  await touch.drag({ x: c.x + 150, y: c.y }, { x: c.x - 150, y: c.y }, 6);
  await expect.poll(async () => (await centreOf(page))[0]).toBeGreaterThan(x0 + 0.02);
  await expect(pageNumber).toHaveText('Page 2 of 2');
  await expect(pageNumber).toBeInViewport();

  // Back at home zoom, a swipe past the last page moves to the next object (the next topic's).
  await page.getByRole('button', { name: 'Reset view' }).tap();
  await touch.drag({ x: c.x + 150, y: c.y }, { x: c.x - 150, y: c.y }, 6);
  await expect(title(page)).toHaveText(artifacts.get('obj5')!.title);
  await expect(viewer(page)).toHaveAttribute('data-sharp', 'true');

  // A swipe outside the viewer, on the words, goes back.
  const words = (await title(page).boundingBox())!;
  const y = words.y + words.height / 2;
  await touch.drag({ x: words.x + 40, y }, { x: words.x + 340, y }, 6);
  await expect(title(page)).toHaveText(artifacts.get('obj4')!.title);
  await expect(pageNumber).toHaveText('Page 1 of 2');

  // And the large buttons do the same.
  await page.getByRole('button', { name: 'Next object' }).tap();
  await expect(title(page)).toHaveText(artifacts.get('obj5')!.title);
  await page.getByRole('button', { name: 'Previous object' }).tap();
  await expect(title(page)).toHaveText(artifacts.get('obj4')!.title);
  clean();
});

test('saved items: three saved, three QR codes in My list, one decoded to its object’s address', async ({ page }) => {
  const clean = watchRequests(page);
  await page.goto('/');
  await openObject(page, 'Postwar Estrangement', 'obj6');
  for (const [id, next] of [['obj6', 'obj7'], ['obj7', 'obj8'], ['obj8', null]] as const) {
    await expect(title(page)).toHaveText(artifacts.get(id)!.title);
    await page.getByRole('button', { name: 'Save', exact: true }).tap();
    await expect(page.getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true');
    if (next) await page.getByRole('button', { name: 'Next object' }).tap();
  }
  const myList = page.getByRole('button', { name: /^My list/ });
  await expect(myList).toHaveAccessibleName('My list, 3 saved');
  expect((await myList.boundingBox())!.height).toBeGreaterThanOrEqual(48);

  await myList.tap();
  await expect(screenOf(page, 'my-list')).toBeVisible();
  await expect(page.getByTestId('saved-item')).toHaveCount(3);
  const codes = page.getByTestId('take-home-qr');
  await expect(codes).toHaveCount(3);
  for (const id of ['obj6', 'obj7', 'obj8']) {
    await expect(page.getByRole('img', { name: `QR code for ${artifacts.get(id)!.permanentUrl}` })).toBeVisible();
  }

  // The first code, as a phone would see it: decoded from the pixels on screen.
  const png = await codes.first().screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
  expect(decoded?.data).toBe(artifacts.get('obj6')!.permanentUrl);
  await expect(page.getByTestId('permanent-url').first()).toHaveText(artifacts.get('obj6')!.permanentUrl);

  await page.getByRole('button', { name: `Remove ${artifacts.get('obj7')!.title}` }).tap();
  await expect(page.getByTestId('saved-item')).toHaveCount(2);
  await expect(myList).toHaveAccessibleName('My list, 2 saved');
  clean();
});

test.describe('a package with a translation', () => {
  let host: RunningHost;
  let work: string;

  test.beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'vitrine-e2e-package-'));
    host = await startHost({}, 120_000, (dataDir) => importTranslatedPackage(work, dataDir));
  });

  test.afterAll(async () => {
    await host?.stop();
    await rm(work, { recursive: true, force: true });
  });

  async function openLetter(page: Page): Promise<void> {
    page = await host.open(page);
    await page.getByRole('button', { name: 'Touch to begin' }).tap();
    await page.getByRole('button', { name: /^Letters/ }).tap();
    await page.getByRole('button', { name: /^Grain/ }).tap();
    await page.getByRole('button', { name: `Open ${TRANSLATED.title}` }).tap();
    await expect(title(page)).toHaveText(TRANSLATED.title);
    await expect(viewer(page)).toHaveAttribute('data-sharp', 'true');
  }

  test('landscape: the translation beside the image, readable while zoomed in', async ({ page }) => {
    const clean = watchRequests(page);
    await openLetter(page);
    const translation = page.getByRole('region', { name: 'Translation' });
    await expect(translation.locator('p')).toHaveText([...TRANSLATED.translation]);
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    await expect.poll(() => zoomOf(page)).toBeCloseTo(4, 1);
    await expect(viewer(page)).toBeInViewport();
    for (const paragraph of await translation.locator('p').all()) await expect(paragraph).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('img', { name: `QR code for ${TRANSLATED.permanentUrl}` })).toBeVisible();

    // The next object has none: a plain notice, in the package's words, and its address instead.
    await page.getByRole('button', { name: 'Next object' }).tap();
    await expect(title(page)).toHaveText(UNTRANSLATED.title);
    await expect(translation).toContainText(UNTRANSLATED.translationNote);
    // Its address in a region of its own, not inside "Translation" (issue 16).
    await expect(page.getByRole('region', { name: 'Take it home' }).getByRole('img', { name: `QR code for ${UNTRANSLATED.permanentUrl}` })).toBeVisible();
    clean();
  });

  test('portrait: the translation slides up over the page, and the zoomed image stays in view', async ({ page }) => {
    const clean = watchRequests(page);
    await page.setViewportSize({ width: 1080, height: 1920 });
    await openLetter(page);
    const translation = page.getByRole('region', { name: 'Translation' });
    await expect(translation.locator('p')).toHaveCount(0);

    await page.getByRole('button', { name: 'Read the translation' }).tap();
    await expect(page.getByRole('button', { name: 'Hide the translation' })).toHaveAttribute('aria-expanded', 'true');
    await expect(translation.locator('p').first()).toHaveText(TRANSLATED.translation[0]);
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    await expect.poll(() => zoomOf(page)).toBeCloseTo(2, 1);
    await expect(translation.locator('p').first()).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('zoom-stage')).toBeInViewport({ ratio: 1 });
    // The drawer leaves the image and its buttons uncovered.
    const drawerTop = (await translation.boundingBox())!.y;
    const zoomIn = (await page.getByRole('button', { name: 'Zoom in' }).boundingBox())!;
    expect(drawerTop).toBeGreaterThanOrEqual(zoomIn.y + zoomIn.height);

    await page.getByRole('button', { name: 'Hide the translation' }).tap();
    await expect(translation.locator('p')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Read the translation' })).toBeVisible();
    clean();
  });
});
