/**
 * A touch is answered as the finger lands (state/press.ts), in a real Chromium with real touches:
 * the control under it shows its pressed look before the finger lifts, which Chromium's own
 * `:active` does not do for a quick tap, and a screen still sliding in stops under the finger.
 */
import { expect, test } from './support/test';
import { Touch } from './support/touch';

const SECTION = /^The Soviet Union and the United States/;

test('a finger on a control shows its press at once and holds a sliding screen still', async ({ page }) => {
  await page.goto('/');
  const touch = await Touch.on(page);
  // Animations at a tenth of their speed: the slide (320 ms) must still be running when the test
  // holds it, however busy the machine is.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0.1 });
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await page.getByRole('button', { name: SECTION }).tap();
  const section = page.locator('main[data-screen="section"]');
  await expect(section).toBeVisible();

  // The screen's slide held part way, as if the finger came 100 ms after the screen did.
  await section.evaluate((main) => {
    const [slide] = main.getAnimations();
    slide!.pause();
    slide!.currentTime = 100;
  });
  const offset = () => section.evaluate((main) => new DOMMatrix(getComputedStyle(main).transform).m42);
  expect(await offset()).toBeGreaterThan(1);

  const topics = section.getByRole('navigation').getByRole('button');
  const [first, second] = [topics.nth(0), topics.nth(1)];
  const resting = await second.evaluate((button) => getComputedStyle(button).backgroundColor);
  const box = (await first.boundingBox())!;
  await touch.down({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

  // Finger down, not lifted: the press shows, and the screen is where it will stay.
  await expect(first).toHaveAttribute('data-pressed', '');
  expect(await first.evaluate((button) => getComputedStyle(button).backgroundColor)).not.toBe(resting);
  // Finished, or gone: the slide fills backwards only, so once ended it leaves nothing on <main>.
  expect(await section.evaluate((main) => main.getAnimations().filter((a) => a.playState !== 'finished'))).toHaveLength(0);
  expect(await offset()).toBe(0);
  await expect(page.locator('main[data-screen="topic"]')).toHaveCount(0);

  // Lifted: a tap, so its topic opens and nothing stays pressed.
  await touch.up();
  await expect(page.locator('main[data-screen="topic"]')).toBeVisible();
  await expect(page.locator('[data-pressed]')).toHaveCount(0);
});
