/**
 * Cold start (issue 7): from the spawn of the kiosk's process to the attract screen ready for a
 * touch, against the same server delivering a static HTML page of the same exhibit (ratio).
 *
 * - A normal morning start: the data folder already holds the exhibit (the first start, which
 *   imports the built-in package, is done once beforehand and not timed).
 * - Start: `node out/main/browser-host.js` spawned by this process (node start, store opened,
 *   server listening); as soon as it prints its ready line, an already running Chromium opens its
 *   address in a new context (empty HTTP cache). Chromium's own start is left out of both.
 * - Both ends the same kind of event for both pages (issue 18): first contentful paint, and
 *   "accepts a touch": the end of the first frame in which the control a visitor touches first is
 *   in the page (app: the attract screen's button, whose handler Svelte attaches as it inserts it;
 *   static page: its first link), found by the same init script in both, and painted (not before
 *   first contentful paint). The load event too.
 * - Runs alternate app / baseline, so a noisy neighbour hurts both alike.
 *   node bench/cold-start.mjs [runs] [package]      (after npm run build)
 */
import { rmSync } from 'node:fs';
import { isMain, largeLabel, launchChromium, preparedDataDir, requireBuild, SCREEN, spread, startHost, summarize } from './support.mjs';
import { staticHostFor } from './static-exhibit.mjs';

const TOUCHABLE = 'vitrine-bench:touchable';
/** What a visitor touches first: the same probe looks for it in both pages. */
const FIRST_CONTROL = { app: 'main[data-screen="attract"] button', static: 'main a[href]' };

/** Init script: marks the end of the first frame in which `selector` is in the page. */
function touchableProbe({ selector, mark }) {
  const look = () => {
    if (!document.querySelector(selector)) return requestAnimationFrame(look);
    setTimeout(() => performance.mark(mark));
  };
  requestAnimationFrame(look);
}

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
async function startOnce(browser, dataDir, entry, selector) {
  const mark = TOUCHABLE;
  const context = await browser.newContext(SCREEN);
  await context.addInitScript(touchableProbe, { selector, mark });
  const page = await context.newPage();
  const host = await startHost({ dataDir, entry });
  try {
    await page.goto(host.url, { waitUntil: 'load' });
    // Paint timings arrive once the frame is presented, which can be after the mark: wait for both.
    await page.waitForFunction(
      (name) => performance.getEntriesByType('paint').some((p) => p.name === 'first-contentful-paint') && performance.getEntriesByName(name).length > 0,
      mark,
      { timeout: 60_000 },
    );
    const times = await page.evaluate(pageTimes, mark);
    const since = (t) => (t === null ? null : t - host.spawnedAt);
    // A control that is in the page but not yet painted (a stylesheet still blocking the first
    // paint) is not one a visitor can see to touch: ready is the later of the two.
    const ready = times.ready === null || times.fcp === null ? null : Math.max(times.ready, times.fcp);
    return { listening: host.readyAt - host.spawnedAt, fcp: since(times.fcp), load: since(times.load), ready: since(ready) };
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
        if (which === 'app') app.push(await startOnce(browser, dataDir, undefined, FIRST_CONTROL.app));
        else stat.push(await startOnce(browser, dataDir, baseline.entry, FIRST_CONTROL.static));
      }
    }
  } finally {
    await browser.close();
    baseline.remove();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const pick = (list, key) => summarize(list.map((r) => r[key]));
  const [appSide, staticSide] = [app, stat].map((list) => ({ ready: pick(list, 'ready'), fcp: pick(list, 'fcp'), load: pick(list, 'load'), listening: pick(list, 'listening') }));
  return {
    runs,
    staticPages: baseline.pages,
    app: appSide,
    static: staticSide,
    // Medians, like against like: first contentful paint, and ready for a touch.
    ratioFcp: appSide.fcp.median / staticSide.fcp.median,
    ratio: appSide.ready.median / staticSide.ready.median,
  };
}

/** Rows of the table in docs/performance.md (`large`: the large package's size, for the label). */
export function rows(r, large) {
  const on = largeLabel(large);
  return [
    [`${on}Cold start, app: process start to first contentful paint (${r.runs} starts)`, spread(r.app.fcp), ''],
    [`${on}Cold start, static page on the same server: process start to first contentful paint`, spread(r.static.fcp), ''],
    [`${on}Cold start, app: process start to the first control accepting a touch`, spread(r.app.ready), ''],
    [`${on}Cold start, static page: process start to the first link accepting a touch`, spread(r.static.ready), ''],
    [`${on}Cold start against the static page (median ratio: first contentful paint; accepting a touch)`, `${r.ratioFcp.toFixed(2)} ×; ${r.ratio.toFixed(2)} ×${r.ratioFcp > 1 || r.ratio > 1 ? ' **missed**' : ' met'}`, 'within 1.0 ×'],
  ];
}

export const NOTES = [
  'Cold start (bench/cold-start.mjs): a normal morning start, on a data folder that already holds the exhibit (the first start, which imports it, is not timed). From the spawn of `node out/main/browser-host.js` (Node start, store opened, server listening) to the same two events for the app and the static page: first contentful paint, and the end of the first frame in which the control a visitor touches first is in the page (the attract screen\'s button, whose handler Svelte attaches as it inserts it; the static page\'s first link), found by one init script in both, and not before first contentful paint. Chromium is already running and opens the address in a fresh context (empty cache) as soon as the host is ready; its own start is in neither figure. Runs alternate app and baseline.',
  '"The same server" (bench/static-exhibit.mjs): the static baseline is served by a byte-for-byte copy of the built browser host (out/main) whose `renderer/` folder holds plain HTML pages of the same exhibit (same text, same display images, no script) written from the live store through the kiosk\'s API. It runs as its own process on the same data folder: same store opened, same static-file code, headers and CSP. A page without script answers a touch once painted, so its figure is its first contentful paint.',
];

if (isMain(import.meta)) {
  console.log(JSON.stringify(await benchColdStart({ runs: Number(process.argv[2] ?? 5), pkg: process.argv[3] }), null, 2));
}
