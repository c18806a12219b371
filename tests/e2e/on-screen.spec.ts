/**
 * What a visitor saw wrong on screen although every other test passed (issue 16), each as the
 * visitor met it: at 1920 × 1080 and 1080 × 1920, by touch, asking whether a thing is in the
 * viewport, uncovered and whole rather than "visible". Each of these failed before its fix.
 */
import { expect, test, type Locator, type Page } from './support/test';
import { IDLE_SECONDS, Kiosk } from './support/a11y-kiosk';
import { startHost, type RunningHost } from './support/host';
import { LANDSCAPE, OBJECT, PORTRAIT, SECTION, TOPIC, TWO_PAGES, TWO_PAGES_TOPIC } from './support/screens';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost({ idleTimeoutSeconds: IDLE_SECONDS, idleCountdownSeconds: 120 });
});

test.afterAll(async () => {
  await host?.stop();
});

/** True when the element at the centre of `control` is the control or inside it. */
function uncovered(control: Locator): Promise<boolean> {
  return control.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
}

const zoom = (page: Page) => page.getByTestId('deep-zoom');

async function toObject(k: Kiosk, names = [SECTION, TOPIC, OBJECT]): Promise<void> {
  await k.start();
  await k.walk(names, 'artifact');
  await k.settle();
}

test('Back to top stays on the screen while a long topic is scrolled', async ({ page }) => {
  const k = new Kiosk(page, host);
  await k.start();
  await k.walk([SECTION, TOPIC], 'topic');
  // A visitor scrolls some way down, well before the essay's end.
  await page.mouse.move(960, 600);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 250);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(600);
  expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight - scrollY)).toBeGreaterThan(300);
  const toTop = page.getByRole('button', { name: 'Back to top' });
  await expect(toTop).toBeInViewport({ ratio: 1 });
  expect(await uncovered(toTop)).toBe(true);
});

for (const [mode, setting] of [['reach mode', 'reach'], ['the largest text', 'text-200']] as const) {
  test(`${mode} on an object keeps the whole image, with nothing to undo`, async ({ page }) => {
    const k = new Kiosk(page, host);
    await toObject(k);
    await expect(zoom(page)).toHaveAttribute('data-zoom', '1.00');
    await k.mode({ settings: [setting] });
    await k.settle();
    await expect(zoom(page)).toHaveAttribute('data-zoom', '1.00');
    await expect(page.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Reset view' })).toBeDisabled();
  });
}

test('reach mode on an object: what a visitor reads stands in the top band, not below the fold', async ({ page }) => {
  const k = new Kiosk(page, host);
  await toObject(k);
  await k.mode({ settings: ['reach'] });
  await k.settle();
  const artifact = k.screen('artifact');
  await expect(artifact.getByRole('heading', { level: 1 })).toBeInViewport({ ratio: 1 });
  await expect(artifact.locator('.caption, [data-testid="translation-note"]').first()).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('take-home-qr')).toBeInViewport({ ratio: 1 });
});

for (const [orientation, size] of [['landscape', LANDSCAPE], ['portrait', PORTRAIT]] as const) {
  test(`the two-page object in reach mode, ${orientation}: page thumbnails, zoom and pager apart and uncovered`, async ({ page }) => {
    await page.setViewportSize(size);
    const k = new Kiosk(page, host);
    await toObject(k, [SECTION, TWO_PAGES_TOPIC, TWO_PAGES]);
    await k.mode({ settings: ['reach'] });
    await k.settle();
    const names = ['Page 1', 'Page 2', 'Zoom in', 'Save', 'Previous object', 'Next object'];
    const boxes = [];
    for (const name of names) {
      const control = page.getByRole('button', { name, exact: true });
      // Below the fold, a visitor scrolls to it (a tall portrait screen's bar covers its foot).
      await k.scrollUntilUncovered(control);
      expect(await uncovered(control), name).toBe(true);
      boxes.push({ name, box: (await control.evaluate((el) => el.getBoundingClientRect().toJSON())) as DOMRect, scrollY: await page.evaluate(() => scrollY) });
    }
    // In page coordinates, no two of them overlap.
    const page_ = boxes.map(({ name, box, scrollY }) => ({ name, top: box.top + scrollY, bottom: box.bottom + scrollY, left: box.left, right: box.right }));
    for (const a of page_) for (const b of page_) {
      if (a.name >= b.name) continue;
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `${a.name} and ${b.name} overlap`).toBe(false);
    }
  });
}

test('timeline: the strip runs to both screen edges, Earlier and Later on the screen', async ({ page }) => {
  const k = new Kiosk(page, host);
  await k.start();
  await k.walk([/^Timeline 1917/], 'timeline');
  const strip = page.getByTestId('timeline-strip');
  const box = (await strip.boundingBox())!;
  expect(box.x).toBeLessThanOrEqual(0.5);
  expect(box.x + box.width).toBeGreaterThanOrEqual(LANDSCAPE.width - 0.5);
  await expect(page.getByRole('button', { name: 'Earlier' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'Later' })).toBeInViewport({ ratio: 1 });
});

test('my list: titles have room, the stand-in badge is one line', async ({ page }) => {
  const k = new Kiosk(page, host);
  await toObject(k);
  await k.walk(['Save', 'Next object', 'Save', 'My list'], 'my-list');
  const lines = (locator: Locator) => locator.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
  for (const item of await page.getByTestId('saved-item').all()) {
    expect(await lines(item.locator('.title'))).toBeLessThanOrEqual(2);
    expect(await lines(item.locator('.stand-in').first())).toBe(1);
  }
});

test("an object's label spaces its dot as the topic screen does", async ({ page }) => {
  const k = new Kiosk(page, host);
  await toObject(k);
  await expect(k.screen('artifact').locator('.eyebrow')).toHaveText(/^Cold War · Postwar Estrangement$/);
});

test('screen readers: the take-home code is not inside the region named Translation', async ({ page }) => {
  const k = new Kiosk(page, host);
  await toObject(k);
  const translation = page.getByRole('region', { name: 'Translation' });
  await expect(translation).toHaveCount(1);
  await expect(translation.getByTestId('take-home-qr')).toHaveCount(0);
  await expect(translation.getByTestId('permanent-url')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Take it home' }).getByTestId('take-home-qr')).toHaveCount(1);
});
