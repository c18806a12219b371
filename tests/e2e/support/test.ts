/**
 * The `test` every end-to-end spec uses (issue 16): Playwright's, with a visitor's tap. Playwright's
 * `locator.tap()` scrolls an element into view before it taps, so a spec could tap a button no
 * visitor can see (Back to top, 1,600 px below the screen's edge, passed that way). Here a tap
 * first asserts what a visitor's finger needs: some of the control in the viewport, and its centre
 * not covered by anything else. Where a visitor would scroll first (to a topic further down a
 * list, a setting lower in the staff panel), the spec says so: `await scrollIntoReach(control)`,
 * then the tap. That scrolls the page or the panel the control is in, a swipe's length at a time,
 * as a finger would; it never moves a control that is meant to stay put (fixed UI).
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { currentDriver, startKiosk, type RunningKiosk } from '../../harness/kiosk.mjs';

export { expect };
export type { Browser, BrowserContext, CDPSession, Locator, Page } from '@playwright/test';

let patched = false;

/** Replaces Locator.prototype.tap, once per worker, with one that checks what a visitor sees. */
function patchTap(prototype: Locator): void {
  if (patched) return;
  patched = true;
  const tap = prototype.tap;
  prototype.tap = async function visitorTap(this: Locator, options?: Parameters<Locator['tap']>[0]) {
    await expect(this, 'a visitor taps only what is on the screen: scroll there first').toBeInViewport({ timeout: options?.timeout ?? 5000 });
    await expect
      .poll(() => this.evaluate(centreIsUncovered), { message: 'a visitor taps only what nothing covers', timeout: options?.timeout ?? 5000 })
      .toBe(true);
    return tap.call(this, options);
  };
}

/** In the page: the element at the centre of the visible part of `el` is `el` or inside it. */
function centreIsUncovered(el: Element): boolean {
  const box = el.getBoundingClientRect();
  const left = Math.max(box.left, 0);
  const right = Math.min(box.right, innerWidth);
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, innerHeight);
  const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
  return hit !== null && (hit === el || el.contains(hit));
}

/**
 * A visitor scrolls to `control`: its scrolling panel (or else the page) moves, most of a screen at
 * a time, towards it until it is wholly in view and nothing covers its centre, or the panel can
 * move no further. The tap that follows checks the result.
 */
export async function scrollIntoReach(control: Locator): Promise<void> {
  await control.waitFor();
  for (let step = 0; step < 60; step++) {
    const moved = await control.evaluate((el) => {
      const box = el.getBoundingClientRect();
      let scroller: Element | null = el.parentElement;
      for (; scroller && scroller !== document.body && scroller !== document.documentElement; scroller = scroller.parentElement) {
        const style = getComputedStyle(scroller);
        const canY = /auto|scroll/.test(style.overflowY) && scroller.scrollHeight > scroller.clientHeight + 1;
        const canX = /auto|scroll/.test(style.overflowX) && scroller.scrollWidth > scroller.clientWidth + 1;
        if (canY || canX) break;
      }
      const page = !scroller || scroller === document.body || scroller === document.documentElement;
      const view = page ? { top: 0, left: 0, bottom: innerHeight, right: innerWidth } : scroller!.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const whole = box.top >= view.top && box.bottom <= view.bottom && box.left >= view.left && box.right <= view.right;
      if (whole && hit !== null && (hit === el || el.contains(hit))) return false;
      const dy = box.top < view.top ? -1 : box.bottom > view.bottom || (whole && box.top > (view.top + view.bottom) / 2) ? 1 : 0;
      const dx = box.left < view.left ? -1 : box.right > view.right ? 1 : 0;
      const target = page ? document.scrollingElement! : scroller!;
      const before = [target.scrollTop, target.scrollLeft];
      target.scrollBy({ top: dy * (view.bottom - view.top) * 0.4, left: dx * (view.right - view.left) * 0.4, behavior: 'instant' });
      return target.scrollTop !== before[0] || target.scrollLeft !== before[1];
    });
    if (!moved) return;
  }
}

/** The screen named `name` (each screen's <main> says which it is). */
export const screenOf = (page: Page, name: string): Locator => page.locator(`main[data-screen="${name}"]`);

/** The harness's driver for this run (tests/harness/kiosk.mjs): the browser host, or Electron. */
export const driver = currentDriver();

const visitorTaps = base.extend<{ visitorTaps: void }>({
  visitorTaps: [
    async ({ page }, use) => {
      patchTap(Object.getPrototypeOf(page.locator('body')) as Locator);
      await use();
    },
    { auto: true },
  ],
});

/**
 * Under an Electron driver, `page` is the window of a kiosk this worker starts on a fresh data
 * folder (the built-in exhibit, default settings), in place of a Chromium page on the browser
 * host playwright.config.ts starts; `page.goto('/')` reloads it. Nothing launches Chromium.
 */
const onElectron = visitorTaps.extend<object, { defaultKiosk: RunningKiosk }>({
  defaultKiosk: [
    // Playwright reads a fixture's needs from this pattern; the kiosk needs none.
    // eslint-disable-next-line no-empty-pattern -- see the line above
    async ({}, use) => {
      const kiosk = await startKiosk({ driver });
      await use(kiosk);
      await kiosk.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: 'vitrine://app/',
  page: async ({ defaultKiosk }, use) => use(await defaultKiosk.open(undefined as never)),
});

export const test = driver === 'browser' ? visitorTaps : (onElectron as unknown as typeof visitorTaps);

/** Skips a test that is about the browser host's HTTP surface, under an Electron driver. */
export function browserHostOnly(why: string): void {
  test.skip(driver !== 'browser', `about the browser host: ${why}`);
}
