/**
 * Cold start (issue 7): from the spawn of the kiosk's process to the attract screen ready for a
 * touch, against the same server delivering a static HTML page of the same exhibit (ratio).
 *
 * - A normal morning start: the data folder already holds the exhibit (the first start, which
 *   imports the built-in package, is done once beforehand and not timed).
 * - Start: `node out/main/browser-host.js` spawned by this process (node start, store opened,
 *   server listening); as soon as it prints its ready line, an already running Chromium opens its
 *   address in a new context (empty HTTP cache). Chromium's own start is left out of both.
 * - App ready: the renderer's `vitrine:attract-ready` mark (screens/Attract.svelte): the attract
 *   screen is painted and its button's handler attached. Its first contentful paint is kept too.
 * - Baseline ready: the static page's first contentful paint (a page without script answers a
 *   touch as soon as it is painted); its load event (every image in) is kept too.
 * - Runs alternate app / baseline, so a noisy neighbour hurts both alike.
 *   node bench/cold-start.mjs [runs] [package]      (after npm run build)
 */
import { rmSync } from 'node:fs';
import { isMain, largeLabel, launchChromium, preparedDataDir, requireBuild, SCREEN, spread, startHost, summarize } from './support.mjs';
import { staticHostFor } from './static-exhibit.mjs';

const READY = 'vitrine:attract-ready';

/** Page timings as epoch milliseconds (null when the page never reached that point). */
function pageTimes(mark) {
  const at = (t) => (t ? performance.timeOrigin + t : null);
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    fcp: at(performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime),
    load: at(nav?.loadEventStart),
    ready: mark ? at(performance.getEntriesByName(mark)[0]?.startTime) : null,
  };
}

/** One start of a host (`entry`) on `dataDir`, opened in a fresh context; times from its spawn. */
async function startOnce(browser, dataDir, entry, mark) {
  const context = await browser.newContext(SCREEN);
  const page = await context.newPage();
  const host = await startHost({ dataDir, entry });
  try {
    await page.goto(host.url, { waitUntil: 'load' });
    // Paint timings arrive once the frame is presented, which can be after the mark: wait for both.
    await page.waitForFunction(
      (name) => performance.getEntriesByType('paint').some((p) => p.name === 'first-contentful-paint') && (!name || performance.getEntriesByName(name).length > 0),
      mark,
      { timeout: 60_000 },
    );
    const times = await page.evaluate(pageTimes, mark);
    const since = (t) => (t === null ? null : t - host.spawnedAt);
    return { listening: host.readyAt - host.spawnedAt, fcp: since(times.fcp), load: since(times.load), ready: since(times.ready) };
  } finally {
    await context.close();
    await host.stop();
  }
}

/** `runs` starts of the app and of the static baseline, on the built-in exhibit or on `pkg`. */
export async function benchColdStart({ runs = 5, pkg } = {}) {
  requireBuild();
  const dataDir = await preparedDataDir({ pkg, prefix: 'vitrine-bench-start-' });
  const live = await startHost({ dataDir });
  const baseline = await staticHostFor(live.url).finally(() => live.stop());
  const browser = await launchChromium();
  const app = [];
  const stat = [];
  try {
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? ['app', 'static'] : ['static', 'app'];
      for (const which of order) {
        if (which === 'app') app.push(await startOnce(browser, dataDir, undefined, READY));
        else stat.push(await startOnce(browser, dataDir, baseline.entry, null));
      }
    }
  } finally {
    await browser.close();
    baseline.remove();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const pick = (list, key) => summarize(list.map((r) => r[key]));
  const appReady = pick(app, 'ready');
  const staticFcp = pick(stat, 'fcp');
  return {
    runs,
    staticPages: baseline.pages,
    app: { ready: appReady, fcp: pick(app, 'fcp'), load: pick(app, 'load'), listening: pick(app, 'listening') },
    static: { fcp: staticFcp, load: pick(stat, 'load'), listening: pick(stat, 'listening') },
    // Medians: app ready for a touch / static page ready for a touch.
    ratio: appReady.median / staticFcp.median,
  };
}

/** Rows of the table in docs/performance.md (`large`: the large package's size, for the label). */
export function rows(r, large) {
  const on = largeLabel(large);
  return [
    [`${on}Cold start: process start to attract screen ready for a touch (${r.runs} starts)`, spread(r.app.ready), ''],
    [`${on}Same server, static HTML page of the exhibit: process start to first contentful paint`, spread(r.static.fcp), ''],
    [`${on}Cold start against the static page (median ratio)`, `${r.ratio.toFixed(2)} ×`, 'within 1.2 ×'],
  ];
}

export const NOTES = [
  'Cold start (bench/cold-start.mjs): a normal morning start, on a data folder that already holds the exhibit (the first start, which imports it, is not timed). From the spawn of `node out/main/browser-host.js` (Node start, store opened, server listening) to the renderer\'s `vitrine:attract-ready` mark, set in screens/Attract.svelte once the first frame with the attract screen and its button\'s handler in place is painted. Chromium is already running and opens the address in a fresh context (empty cache) as soon as the host is ready; its own start is in neither figure. Runs alternate app and baseline.',
  '"The same server" (bench/static-exhibit.mjs): the static baseline is served by a byte-for-byte copy of the built browser host (out/main) whose `renderer/` folder holds plain HTML pages of the same exhibit (same text, same display images, no script) written from the live store through the kiosk\'s API. It runs as its own process on the same data folder: same store opened, same static-file code, headers and CSP. A page without script answers a touch once painted, so its figure is its first contentful paint.',
];

if (isMain(import.meta)) {
  console.log(JSON.stringify(await benchColdStart({ runs: Number(process.argv[2] ?? 5), pkg: process.argv[3] }), null, 2));
}
