/**
 * Staff mode in a real Chromium, as staff use it: while a visitor reads a topic, staff open the
 * staff screen with the 3 s corner press and the PIN (set with the CLI, as at install), check the
 * inbox where a freshly packed exhibit was just copied, and see it imported and waiting. The
 * visitor's screen does not change; when they leave, the new exhibit is what the next visitor
 * sees. Staff then roll back, and the old exhibit is back at the next attract screen. Then staff
 * change settings by touch (a refused one shows the core's words) and the kiosk runs on them.
 *
 * Nothing here waits a fixed time: every step waits for a state the app shows. The idle timeout
 * is long enough (15 s) that a slow, shared machine cannot reset the visitor between two taps
 * of their walk. The visitor's walking away is the kiosk's own clock moved on (page.clock, time
 * flowing as usual until then): the same idle code runs as in the gallery, without the wait.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page, scrollIntoReach, screenOf } from './support/test';
import { makePackage, smallSource, tempDir } from '../helpers/packages';
import { startHost, type RunningHost } from './support/host';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);
const IDLE_SECONDS = 15;
const COUNTDOWN_SECONDS = 3;
const PIN = '2468';
const OLD_EXHIBIT = 'Revelations from the Russian Archives';
const NEW_EXHIBIT = 'A Second Exhibit';

let host: RunningHost;
let work: ReturnType<typeof tempDir>;
let inbox: string;
let archive: string;

test.beforeAll(async () => {
  work = tempDir('vitrine-e2e-staff-');
  inbox = join(work.path, 'inbox');
  await mkdir(inbox);
  // A second exhibit, packed here from a small source folder with real images.
  const source = smallSource();
  source.package = { id: 'second-exhibit', version: '2.0.0', title: 'Second exhibit' };
  source.exhibit.title = NEW_EXHIBIT;
  archive = await makePackage(work.path, source, 'exhibit-2.zip');
  host = await startHost({ idleTimeoutSeconds: IDLE_SECONDS, idleCountdownSeconds: COUNTDOWN_SECONDS, inboxDir: inbox }, undefined, async (dataDir) => {
    await run(process.execPath, [join(ROOT, 'out/main/cli.js'), 'staff', 'set-pin', PIN, '--data', dataDir, '--create'], { cwd: ROOT });
  });
});

test.afterAll(async () => {
  await host?.stop();
  work?.cleanup();
});

const staffPanel = (page: Page) => page.getByRole('dialog', { name: 'Staff mode' });

/** The visitor walks away: the kiosk's clock runs past the idle time and `countdown`, and the attract screen is back. */
async function walkAway(page: Page, countdown = COUNTDOWN_SECONDS): Promise<void> {
  await page.clock.runFor((IDLE_SECONDS + countdown + 1) * 1000);
  await expect(screenOf(page, 'attract')).toBeVisible();
}

/** The reserved gesture: a finger held still for 3 s in the top-left corner. */
async function openStaff(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 20, y: 20 }] });
  await expect(staffPanel(page)).toBeVisible({ timeout: 15_000 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

async function logIn(page: Page): Promise<void> {
  const panel = staffPanel(page);
  for (const digit of PIN) await panel.getByRole('button', { name: digit, exact: true }).tap();
  await expect(panel.getByTestId('pin-dots')).toHaveAttribute('aria-label', '4 of 8 digits entered');
  await panel.getByRole('button', { name: 'OK' }).tap();
  await expect(panel.getByRole('heading', { name: 'Live' })).toBeVisible();
}

test('staff import a package from the inbox, it goes live after the visitor leaves, and roll back', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // A visitor is reading a topic.
  page = await host.open(page, { clock: true });
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await page.getByRole('button', { name: /^The Soviet Union and the United States/ }).tap();
  // Further down the section's list of topics: a visitor scrolls to it.
  await scrollIntoReach(page.getByRole('button', { name: /^Postwar Estrangement/ }));
  await page.getByRole('button', { name: /^Postwar Estrangement/ }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Postwar Estrangement');

  // Staff: the corner, a wrong PIN first (refused, with the tries left), then the right one.
  await openStaff(page);
  const panel = staffPanel(page);
  for (const digit of '1111') await panel.getByRole('button', { name: digit, exact: true }).tap();
  await panel.getByRole('button', { name: 'OK' }).tap();
  await expect(panel.getByTestId('pin-message')).toContainText('Wrong PIN');
  await logIn(page);
  await expect(panel.getByTestId('staff-live')).toContainText(OLD_EXHIBIT);

  // The package arrives in the inbox (a USB stick); staff check it now.
  await copyFile(archive, join(inbox, 'exhibit-2.zip'));
  await panel.getByRole('button', { name: 'Check the inbox now' }).tap();
  await expect(panel.getByTestId('staff-inbox-results')).toContainText('exhibit-2.zip: imported', { timeout: 90_000 });
  await expect(panel.getByTestId('staff-pending')).toContainText('version 2.0.0');
  await expect(panel.getByTestId('staff-pending')).toContainText('waiting for the visitor to leave');

  // Closing logs out; the visitor's screen is as they left it.
  await panel.getByRole('button', { name: 'Close' }).tap();
  await expect(panel).toBeHidden();
  await expect(screenOf(page, 'topic')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Postwar Estrangement');

  // The visitor walks away: the kiosk resets, and the next visitor finds the new exhibit.
  await walkAway(page);
  await expect(screenOf(page, 'attract').getByRole('heading', { level: 1 })).toHaveText(NEW_EXHIBIT, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await expect(screenOf(page, 'home').getByRole('heading', { level: 1 })).toHaveText(NEW_EXHIBIT);

  // Staff roll back (behind a confirm step); after the next attract the old exhibit is back.
  await openStaff(page);
  await logIn(page);
  await expect(panel.getByTestId('staff-live')).toContainText('version 2.0.0');
  const earlier = panel.locator('[data-testid^="staff-earlier-"]').filter({ hasText: OLD_EXHIBIT });
  await earlier.getByRole('button', { name: 'Roll back to this version' }).tap();
  await earlier.getByRole('button', { name: 'Yes, roll back' }).tap();
  await expect(panel.getByTestId('staff-live')).toContainText(OLD_EXHIBIT);
  await panel.getByRole('button', { name: 'Close' }).tap();
  await walkAway(page);
  await expect(screenOf(page, 'attract').getByRole('heading', { level: 1 })).toHaveText(OLD_EXHIBIT, { timeout: 30_000 });
  expect(errors).toEqual([]);
});

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

test('staff change settings by touch, and the kiosk runs on them once the staff screen closes', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page = await host.open(page, { clock: true });
  await expect(screenOf(page, 'attract')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-cursor', 'hidden');

  await openStaff(page);
  await logIn(page);
  const panel = staffPanel(page);
  // Touch first: every control is at least 48 px both ways, and there is nothing to type in.
  for (const control of await panel.locator('button').all()) {
    const box = await control.boundingBox();
    const name = (await control.getAttribute('aria-label')) ?? (await control.textContent());
    expect(box, name ?? '').not.toBeNull();
    expect(Math.min(box!.width, box!.height), `${name}: ${box!.width}×${box!.height}`).toBeGreaterThanOrEqual(48);
  }
  await expect(panel.locator('input, textarea, select, [contenteditable]')).toHaveCount(0);
  if (host.driver === 'browser') await expect(panel.getByTestId('staff-host')).toContainText(`Browser kiosk at ${host.url}`);

  // A value the core refuses: its sentence, and nothing changed.
  const countdown = panel.getByTestId('setting-idleCountdownSeconds');
  await expect(countdown.getByRole('status')).toHaveText(`${COUNTDOWN_SECONDS} s`);
  // Lower in the staff panel: staff scroll it.
  await scrollIntoReach(panel.getByRole('button', { name: 'Less countdown' }));
  await panel.getByRole('button', { name: 'Less countdown' }).tap();
  await expect(countdown.getByRole('alert')).toHaveText('idleCountdownSeconds must be a whole number of seconds from 3 to 120; got 2.');
  await expect(countdown.getByRole('status')).toHaveText(`${COUNTDOWN_SECONDS} s`);
  // A longer countdown (a second a tap up to 10, then 5), the pointer shown, and today closed.
  for (const seconds of [4, 5, 6, 7, 8, 9, 10, 15, 20]) {
    await panel.getByRole('button', { name: 'More countdown' }).tap();
    await expect(countdown.getByRole('status')).toHaveText(`${seconds} s`);
  }
  await expect(countdown.getByRole('alert')).toHaveCount(0);
  await scrollIntoReach(panel.getByRole('switch', { name: 'Show cursor' }));
  await panel.getByRole('switch', { name: 'Show cursor' }).tap();
  await expect(panel.getByRole('switch', { name: 'Show cursor' })).toHaveAttribute('aria-checked', 'true');
  const today = WEEKDAYS[await page.evaluate(() => new Date().getDay())]!;
  const hours = panel.getByTestId('setting-openingHours');
  await scrollIntoReach(hours.getByRole('switch', { name: today }));
  await hours.getByRole('switch', { name: today }).tap();
  await expect(hours.getByRole('switch', { name: today })).toHaveText('Closed');
  await expect(hours.getByTestId('open-now')).toContainText('Closed now');

  // Closed: the kiosk runs on the new settings.
  await panel.getByRole('button', { name: 'Close' }).tap();
  await expect(panel).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-cursor', 'shown');
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await expect(screenOf(page, 'home')).toBeVisible();
  // The warning's countdown starts at 20 now: a number above the old 3 proves it, and it stays
  // above 9 for 10 s of real time, so a slow machine cannot miss it.
  await page.clock.runFor(IDLE_SECONDS * 1000);
  await expect(page.getByTestId('idle-seconds')).toHaveText(/^(1\d|20)$/);
  // The visitor walks away.
  await walkAway(page, 20);

  // The core kept them: the staff screen opened again shows them.
  await openStaff(page);
  await logIn(page);
  await expect(countdown.getByRole('status')).toHaveText('20 s');
  await expect(hours.getByRole('switch', { name: today })).toHaveAttribute('aria-checked', 'false');
  await panel.getByRole('button', { name: 'Close' }).tap();
  expect(errors).toEqual([]);
});

test('staff see what visitors did: visits, a chart by hour, the objects opened, in figures kept by the hour', async ({ page }) => {
  test.setTimeout(120_000);
  page = await host.open(page, { clock: true });
  // A visitor opens an object, then walks away (the kiosk's own clock, moved on).
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await page.getByRole('button', { name: /^The Soviet Union and the United States/ }).tap();
  await scrollIntoReach(page.getByRole('button', { name: /^Postwar Estrangement/ }));
  await page.getByRole('button', { name: /^Postwar Estrangement/ }).tap();
  const card = page.getByRole('button', { name: /^Open / }).first();
  await scrollIntoReach(card);
  await card.tap();
  await expect(screenOf(page, 'artifact')).toBeVisible();
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  // The idle times are whatever the test before left them at: the clock moves on until the reset.
  for (let step = 0; step < 60 && !(await screenOf(page, 'attract').isVisible()); step++) await page.clock.runFor(5_000);
  await expect(screenOf(page, 'attract')).toBeVisible();

  // Staff look: the last 7 days by default, then today.
  await openStaff(page);
  await logIn(page);
  const panel = staffPanel(page);
  const visitors = panel.getByTestId('staff-visitors');
  await scrollIntoReach(visitors.getByRole('heading', { name: 'Visitors' }));
  await expect(visitors.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
  // The visit was written a second after it ended: a new look (Today) finds it.
  await expect(async () => {
    // Below the heading, and further down once the figures are in: staff scroll to it.
    await scrollIntoReach(visitors.getByRole('button', { name: 'Today' }));
    await visitors.getByRole('button', { name: 'Today' }).tap();
    await expect(visitors.getByTestId('visitor-count')).toHaveText(/^\d+ visits?$/, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(visitors.getByRole('button', { name: 'Today' })).toHaveAttribute('aria-pressed', 'true');
  const chart = visitors.getByTestId('hour-chart').locator('canvas');
  await scrollIntoReach(chart);
  await expect(chart).toBeInViewport();
  expect((await chart.boundingBox())!.height).toBeGreaterThan(200);
  await expect(visitors.getByRole('table', { name: 'Visits by hour of day' })).toBeAttached();
  await expect(visitors.getByRole('region', { name: 'Most opened objects' })).toContainText(title);
});
