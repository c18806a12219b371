/**
 * The kiosk's start, in a real Chromium: what the attract screen's first paint waits for.
 * Cold start is measured in bench/cold-start.mjs; this spec keeps the cause of a regression found
 * there from coming back: the faces the attract screen's words are set in must be on their way
 * from the page's own markup, not discovered once the app has rendered (issue 18: the first
 * contentful paint waited 60-100 ms for fonts asked for only after the exhibit had arrived).
 */
import { expect, test } from './support/test';
import { startHost, type RunningHost } from './support/host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost();
});

test.afterAll(async () => {
  await host?.stop();
});

test('the attract screen\'s fonts are asked for by the page itself, before the app asks for the exhibit', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => void (m.type() !== 'log' && warnings.push(m.text())));
  page = await host.open(page);
  await expect(page.getByRole('button', { name: 'Touch to begin' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.fonts.status)).toBe('loaded');

  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const path = (e: PerformanceResourceTiming) => new URL(e.name).pathname;
    return {
      fonts: entries.filter((e) => path(e).endsWith('.woff2')).map((e) => ({ file: path(e), by: e.initiatorType, at: e.startTime })),
      exhibitAskedAt: entries.find((e) => path(e) === '/api/getExhibit')?.startTime ?? null,
      used: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
    };
  });
  expect(timing.exhibitAskedAt).not.toBeNull();
  const preloaded = timing.fonts.filter((f) => f.by === 'link');
  expect(preloaded.map((f) => /^(.+-wght-normal)-/.exec(f.file)?.[1]).sort()).toEqual([
    '/assets/inter-cyrillic-wght-normal',
    '/assets/inter-latin-wght-normal',
    '/assets/source-serif-4-latin-wght-normal',
  ]);
  for (const font of preloaded) expect(font.at, `${font.file} asked for before the exhibit`).toBeLessThan(timing.exhibitAskedAt!);
  expect(timing.used).toEqual(expect.arrayContaining(['Inter Variable', 'Source Serif 4 Variable']));
  // A preload nobody uses costs a download and earns a console warning a few seconds later.
  await page.waitForTimeout(3500);
  expect(warnings.filter((w) => /preload/i.test(w))).toEqual([]);
});
