/**
 * The unattended kiosk in a real Chromium: a visitor reads, walks away, is asked "Still
 * exploring?", comes back in time, walks away for good; the kiosk resets and the next visitor
 * finds nothing of the last one. Short idle times come from the kiosk's settings (written with
 * the staff CLI into this spec's own host), and every wait is on what the screen shows.
 */
import { expect, test, type Page, scrollIntoReach, screenOf } from './support/test';
import { startHost, type RunningHost } from './support/host';

const IDLE_SECONDS = 5;
const COUNTDOWN_SECONDS = 3;
const EXHIBIT = 'Revelations from the Russian Archives';
// Generous: the warning is due after IDLE_SECONDS of quiet, the reset COUNTDOWN_SECONDS later.
const IDLE_WAIT = { timeout: (IDLE_SECONDS + COUNTDOWN_SECONDS + 10) * 1000 };

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost({ idleTimeoutSeconds: IDLE_SECONDS, idleCountdownSeconds: COUNTDOWN_SECONDS });
});

test.afterAll(async () => {
  await host?.stop();
});

const warningOf = (page: Page) => page.getByRole('alertdialog', { name: 'Still exploring?' });
const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));

/** Resolves once the page has not scrolled for ten frames in a row (smooth scrolling has ended). */
async function scrollSettled(page: Page): Promise<number> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = window.scrollY;
        let still = 0;
        const frame = () => {
          if (window.scrollY === last) still++;
          else [last, still] = [window.scrollY, 0];
          if (still >= 10) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
  return scrollY(page);
}

test('idle: the warning, Continue keeps the visit, silence resets it, the next visitor starts clean', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));

  // A visitor: begins, opens a topic and an object, comes back to the essay and scrolls it.
  page = await host.open(page);
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await expect(screenOf(page, 'home')).toBeVisible();
  await page.getByRole('button', { name: /^The Soviet Union and the United States/ }).tap();
  // Further down the section's list of topics: a visitor scrolls to it.
  await scrollIntoReach(page.getByRole('button', { name: /^Postwar Estrangement/ }));
  await page.getByRole('button', { name: /^Postwar Estrangement/ }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Postwar Estrangement');
  await scrollIntoReach(page.getByRole('button', { name: 'Open Telegram to President Truman' }));
  await page.getByRole('button', { name: 'Open Telegram to President Truman' }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Telegram to President Truman');
  // Two objects saved for later: this one and the next.
  await page.getByRole('button', { name: 'Save', exact: true }).tap();
  await page.getByRole('button', { name: 'Next object' }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exposing Imperialist Policies');
  await page.getByRole('button', { name: 'Save', exact: true }).tap();
  await expect(page.getByRole('button', { name: /^My list/ })).toHaveAccessibleName('My list, 2 saved');
  await page.getByRole('button', { name: 'Back', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Postwar Estrangement');
  await page.mouse.move(960, 600);
  await page.mouse.wheel(0, 900);
  const readingAt = await scrollSettled(page);
  expect(readingAt).toBeGreaterThan(300);
  // TODO(issue 3, later issues): also change a visitor setting (language or text size) here, and
  // check below that the next visitor does not find it. The visitor settings do not exist yet;
  // when they come, their state goes in VisitorSession (as the saved items do).

  // The visitor stops touching: the question comes, with a countdown, and Continue to hand.
  await expect(warningOf(page)).toBeVisible(IDLE_WAIT);
  await expect(page.getByTestId('idle-seconds')).toHaveText(/^[1-3]$/);
  const continueButton = page.getByRole('button', { name: 'Continue' });
  await expect(continueButton).toBeFocused();
  expect((await continueButton.boundingBox())!.height).toBeGreaterThanOrEqual(64);

  // They answer: the same screen, scrolled where they left it.
  await continueButton.tap();
  await expect(warningOf(page)).toBeHidden();
  await expect(screenOf(page, 'topic')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Postwar Estrangement');
  expect(await scrollY(page)).toBe(readingAt);
  await expect(page.getByRole('button', { name: 'Back', exact: true })).toBeEnabled();

  // They walk away for good: the question again, then the attract loop.
  await expect(warningOf(page)).toBeVisible(IDLE_WAIT);
  await expect(screenOf(page, 'attract')).toBeVisible(IDLE_WAIT);
  await expect(warningOf(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Back', exact: true })).toHaveCount(0);

  // The next visitor: home, at the top, with nowhere to go back to.
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await expect(screenOf(page, 'home')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EXHIBIT);
  expect(await scrollY(page)).toBe(0);
  await expect(page.getByRole('button', { name: 'Back', exact: true })).toBeDisabled();
  // Their list is empty: nothing the last visitor saved.
  const myList = page.getByRole('button', { name: /^My list/ });
  await expect(myList).toHaveAccessibleName('My list, 0 saved');
  await myList.tap();
  await expect(screenOf(page, 'my-list')).toBeVisible();
  await expect(page.getByTestId('saved-item')).toHaveCount(0);
  await expect(screenOf(page, 'my-list')).toContainText('Nothing saved yet');
  await page.getByRole('button', { name: 'Home' }).tap();
  // And the essay they open starts at its top, not where the last visitor was reading.
  await page.getByRole('button', { name: /^The Soviet Union and the United States/ }).tap();
  // Further down the section's list of topics: a visitor scrolls to it.
  await scrollIntoReach(page.getByRole('button', { name: /^Postwar Estrangement/ }));
  await page.getByRole('button', { name: /^Postwar Estrangement/ }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Postwar Estrangement');
  expect(await scrollY(page)).toBe(0);

  expect(errors, 'page errors').toEqual([]);
});
