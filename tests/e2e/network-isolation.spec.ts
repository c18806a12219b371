/**
 * Offline always: the full visitor journey (every section, topic and object of the built-in
 * exhibit, its pages, the zoom, saving, My list with its take-home codes) and the staff journey
 * (staff mode with the PIN, the inbox, a rollback) in a real Chromium, and not one request to an
 * origin other than the app's own. Every request of the context is watched (pages and service
 * workers alike), and each one is routed, so anything aimed elsewhere is caught before it leaves.
 * A page cannot even try: the CSP's connect-src and img-src refuse other origins, and that refusal
 * is tested here too. The Electron session's own refusal of other schemes is unit-tested in
 * tests/unit/electron/security.test.ts.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { browserHostOnly, expect, test, type Page, scrollIntoReach, screenOf } from './support/test';
import { makePackage, smallSource } from '../helpers/packages';
import { openStaffMode, startStaffHost, type StaffHost } from './support/staff-host';
import { Touch } from './support/touch';

browserHostOnly('it watches requests by HTTP origin; under Electron, the session lockdown (tests/unit/electron) answers for the network');

const PIN = '2468';
// Long enough that a slow machine never shows the warning mid-journey. The staff part needs one
// reset: the kiosk's own clock (page.clock) is moved on past it rather than waited for.
const IDLE_SECONDS = 20;
const COUNTDOWN_SECONDS = 3;

let staff: StaffHost;
let archive: string;

test.beforeAll(async () => {
  staff = await startStaffHost(PIN, { idleTimeoutSeconds: IDLE_SECONDS, idleCountdownSeconds: COUNTDOWN_SECONDS });
  const source = smallSource();
  source.package = { id: 'isolation-exhibit', version: '2.0.0', title: 'Second exhibit' };
  archive = await makePackage(staff.work, source, 'exhibit-2.zip');
});

test.afterAll(async () => {
  await staff?.stop();
});

const LOCAL = new Set(['data:', 'blob:']);

/** Addresses in the page's markup that point off the origin (a preconnect or prefetch hint would be one). */
function offOriginReferences(page: Page): Promise<string[]> {
  return page.evaluate((local) =>
    [...document.querySelectorAll('[src], [href], [srcset], [poster], [action], [data]')]
      .flatMap((el) => ['src', 'href', 'srcset', 'poster', 'action', 'data'].map((name) => el.getAttribute(name) ?? ''))
      .filter((value) => {
        if (value === '') return false;
        const url = new URL(value.trim().split(/\s+/)[0]!, location.href);
        return url.origin !== location.origin && !local.includes(url.protocol);
      }), [...LOCAL]);
}

/** Every object of the open topic: its pages, a pinch and the zoom buttons, the first one saved. */
async function lookAtEveryObject(page: Page, touch: Touch, offOrigin: string[], saveFirst: boolean): Promise<number> {
  const names = (await page.getByRole('button', { name: /^Open / }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).filter(Boolean);
  for (const [i, name] of names.entries()) {
    await scrollIntoReach(page.getByRole('button', { name, exact: true }));
    await page.getByRole('button', { name, exact: true }).tap();
    await expect(screenOf(page, 'artifact')).toBeVisible();
    const stage = page.getByTestId('zoom-stage');
    const box = await stage.boundingBox();
    if (box) await touch.pinch({ x: box.x + box.width / 2, y: box.y + box.height / 2 }, 120, 360);
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    if ((await page.getByRole('button', { name: 'Page 2' }).count()) > 0) await page.getByRole('button', { name: 'Page 2' }).tap();
    if (saveFirst && i === 0) await page.getByRole('button', { name: 'Save', exact: true }).tap();
    offOrigin.push(...(await offOriginReferences(page)));
    await page.getByRole('button', { name: 'Back', exact: true }).tap();
    await expect(screenOf(page, 'topic')).toBeVisible();
  }
  return names.length;
}

test('the visitor and staff journeys stay on the app origin, and the page cannot leave it', async ({ page, context }) => {
  test.setTimeout(300_000);
  const origin = new URL(staff.host.url).origin;
  const isForeign = (url: string) => {
    const parsed = new URL(url);
    return parsed.origin !== origin && !LOCAL.has(parsed.protocol);
  };
  const attempted: string[] = [];
  const reachedNetwork: string[] = [];
  const offOrigin: string[] = [];
  const failures: string[] = [];
  await context.route('**/*', (route) => {
    if (!isForeign(route.request().url())) return route.continue();
    reachedNetwork.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => void (isForeign(request.url()) && attempted.push(`${request.resourceType()} ${request.url()}`)));
  context.on('serviceworker', (worker) => attempted.push(`service worker ${worker.url()}`));
  page.on('websocket', (socket) => attempted.push(`websocket ${socket.url()}`));
  page.on('pageerror', (error) => failures.push(error.message));

  // The visitor: every section, topic and object, then My list and its take-home codes.
  const touch = await Touch.on(page);
  page = await staff.host.open(page, { clock: true });
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await expect(screenOf(page, 'home')).toBeVisible();
  // By place: a section card is named by its words (aria-labelledby), not by an aria-label.
  const sectionCards = () => page.getByRole('list', { name: 'Sections' }).getByRole('button');
  const sections = await sectionCards().count();
  let objects = 0;
  for (let section = 0; section < sections; section++) {
    await sectionCards().nth(section).tap();
    await expect(screenOf(page, 'section')).toBeVisible();
    const topics = await page.getByRole('navigation', { name: 'Topics' }).getByRole('button').allTextContents();
    for (const [i, topic] of topics.entries()) {
      const topicButton = page.getByRole('navigation', { name: 'Topics' }).getByRole('button').nth(i);
      await scrollIntoReach(topicButton);
      await topicButton.tap();
      await expect(screenOf(page, 'topic')).toBeVisible();
      objects += await lookAtEveryObject(page, touch, offOrigin, objects === 0);
      await page.getByRole('button', { name: 'Back', exact: true }).tap();
      await expect(screenOf(page, 'section'), topic).toBeVisible();
    }
    await page.getByRole('button', { name: 'Back', exact: true }).tap();
  }
  expect(objects).toBeGreaterThan(0);
  await page.getByRole('button', { name: /^My list/ }).tap();
  await expect(page.getByRole('img', { name: /^QR code for / }).first()).toBeVisible();
  offOrigin.push(...(await offOriginReferences(page)));

  // Staff: the inbox takes a package; after the visitor leaves it is live; staff roll back.
  await copyFile(archive, join(staff.inbox, 'exhibit-2.zip'));
  const panel = await openStaffMode(page, PIN);
  await panel.getByRole('button', { name: 'Check the inbox now' }).tap();
  await expect(panel.getByTestId('staff-inbox-results')).toContainText('exhibit-2.zip: imported', { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Close' }).tap();
  await page.clock.runFor((IDLE_SECONDS + COUNTDOWN_SECONDS + 1) * 1000);
  await expect(screenOf(page, 'attract').getByRole('heading', { level: 1 })).toHaveText(smallSource().exhibit.title, { timeout: 30_000 });
  await openStaffMode(page, PIN);
  const earlier = panel.locator('[data-testid^="staff-earlier-"]').first();
  await earlier.getByRole('button', { name: 'Roll back to this version' }).tap();
  await earlier.getByRole('button', { name: 'Yes, roll back' }).tap();
  await expect(panel.getByTestId('staff-live')).not.toContainText('version 2.0.0');
  await panel.getByRole('button', { name: 'Close' }).tap();
  await expect(panel).toBeHidden();

  expect(attempted, 'requests to another origin').toEqual([]);
  expect(reachedNetwork, 'requests that reached the network layer for another origin').toEqual([]);
  expect(offOrigin, 'addresses in the page that point off the origin').toEqual([]);
  expect(failures, 'uncaught errors').toEqual([]);

  // The page itself cannot reach out: its CSP refuses a fetch, an image and a socket elsewhere.
  const probe = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    const fetched = await fetch('https://example.com/').then(() => 'fetched', () => 'refused');
    const image = await new Promise<string>((resolve) => {
      const img = new Image();
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('refused');
      img.src = 'https://example.com/pixel.png';
    });
    const socket = await new Promise<string>((resolve) => {
      try {
        const ws = new WebSocket('wss://example.com/');
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      } catch {
        resolve('refused');
      }
    });
    // Violation events are queued as tasks: let them arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { fetched, image, socket, violations };
  });
  expect(probe.fetched).toBe('refused');
  expect(probe.image).toBe('refused');
  expect(probe.socket).toBe('refused');
  expect(probe.violations).toEqual(expect.arrayContaining([
    expect.stringMatching(/^connect-src https:\/\/example\.com/),
    expect.stringMatching(/^img-src https:\/\/example\.com/),
    expect.stringMatching(/^connect-src wss:\/\/example\.com/),
  ]));
  expect(reachedNetwork, 'a refused request must never reach the network layer').toEqual([]);
});
