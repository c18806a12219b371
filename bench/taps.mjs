/**
 * Tap to next frame painted (issue 7): p50 and p95 over hundreds of navigations through the
 * exhibit (home → section → topic → artifact → Back → Back → Back, round the exhibit's topics and
 * objects), against the same walk through the static HTML rendition served by the same server
 * (bench/static-exhibit.mjs), and against one 60 Hz frame (16.7 ms).
 *
 * What is measured, for each tap (a real touch through CDP's Input.dispatchTouchEvent):
 * - start: the `touchend` event's own timestamp (the finger lifts; the click and the navigation
 *   follow from it). Scrolling the target into view and finding it happen before, untimed.
 * - end: the first frame after the new screen's DOM is in place. For the app: a MutationObserver
 *   sees `main[data-screen=<screen>] h1` with the expected title (its data fetched from the API
 *   and rendered); for a static page: its DOMContentLoaded. From there a requestAnimationFrame
 *   callback runs before the next frame and a task it queues runs after that frame's main-thread
 *   work (style, layout, paint). The end is that task. Rasterising and compositing on Chromium's
 *   other threads are not in the figure; headless Chromium presents no real display frames.
 *   node bench/taps.mjs [taps] [package]      (after npm run build)
 */
import { cpSync, rmSync } from 'node:fs';
import { escapeRegExp, isMain, largeLabel, launchChromium, preparedDataDir, requireBuild, SCREEN, startHost, summarize } from './support.mjs';
import { staticHostFor } from './static-exhibit.mjs';

const FRAME_60HZ_MS = 1000 / 60;

/**
 * Init script for every document: the epoch time of the last touchend survives page loads.
 * `marks`: also a user-timing mark at each end (bench/tap-trace.mjs finds the taps in a trace by them).
 */
function tapProbe({ staticPages, marks }) {
  const KEY = 'vitrine-bench:touchend';
  addEventListener('touchend', (e) => sessionStorage.setItem(KEY, String(performance.timeOrigin + e.timeStamp)), { capture: true, passive: true });
  const painted = () => {
    if (marks) performance.mark('vitrine-bench:painted');
    return performance.timeOrigin + performance.now() - Number(sessionStorage.getItem(KEY));
  };
  window.__benchFrameAfter = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(painted()))));
  // The figure, for tapTime(): kept, and handed to a waiting evaluate if there is one.
  window.__benchDone = (ms) => {
    window.__benchTap = ms;
    window.__benchWaiting?.(ms);
  };
  if (staticPages) document.addEventListener('DOMContentLoaded', () => void window.__benchFrameAfter().then(window.__benchDone));
}

/**
 * The last tap's figure, once the page has it. One evaluate that waits on the page's side:
 * polling from here would run the harness's own tasks on the page's main thread (and its CPU on
 * the machine's two cores) inside the very window being timed.
 */
async function tapTime(page) {
  return page.evaluate(
    () =>
      window.__benchTap ??
      new Promise((resolve, reject) => {
        // Cleared once answered: a stray timer would fire inside a later tap's window.
        const timer = setTimeout(() => reject(new Error('The tap brought no new screen within 30 s.')), 30_000);
        window.__benchWaiting = (ms) => {
          clearTimeout(timer);
          resolve(ms);
        };
      }),
  );
}

/** In the app, before a tap: watch for the screen and title that tap must bring. */
function armApp({ screen, title }) {
  delete window.__benchTap;
  delete window.__benchWaiting;
  const inPlace = () => document.querySelector(`main[data-screen="${screen}"] h1`)?.textContent?.trim() === title;
  const observer = new MutationObserver(() => {
    if (!inPlace()) return;
    observer.disconnect();
    void window.__benchFrameAfter().then(window.__benchDone);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** The walk: one cycle per (topic, object), six taps each, every target with its place in both versions. */
export function cycles(shape) {
  const list = [];
  for (const section of shape.sections) {
    for (const topic of section.topics) {
      for (const artifact of topic.artifacts) list.push({ section, topic, artifact });
    }
  }
  if (list.length === 0) throw new Error('The exhibit has no topic with an object to walk to.');
  return list.map(({ section, topic, artifact }) => [
    { screen: 'section', title: section.title, app: (p) => p.getByRole('button', { name: new RegExp(`^${escapeRegExp(section.title)}(\\s|,|$)`) }).first(), href: `/sections/${section.id}.html` },
    { screen: 'topic', title: topic.title, app: (p) => p.getByRole('button', { name: new RegExp(`^${escapeRegExp(topic.title)}(\\s|,|$)`) }).first(), href: `/topics/${topic.id}.html` },
    { screen: 'artifact', title: artifact.title, app: (p) => p.getByRole('button', { name: new RegExp(`^Open ${escapeRegExp(artifact.title)}(\\s|,|$)`) }).first(), href: `/artifacts/${artifact.id}.html` },
    { screen: 'topic', title: topic.title, back: true, href: `/topics/${topic.id}.html` },
    { screen: 'section', title: section.title, back: true, href: `/sections/${section.id}.html` },
    { screen: 'home', title: shape.title, back: true, href: '/index.html' },
  ]);
}

/** A finger on the middle of `locator` (scrolled into view first), lifted 30 ms later. */
async function tap(cdp, locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`Nothing to tap: ${locator}`);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
  await new Promise((resolve) => setTimeout(resolve, 30));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** A fresh touch-screen context with the tap probe in every document, and its CDP session. */
async function touchPage(browser, staticPages, marks = false) {
  const context = await browser.newContext(SCREEN);
  await context.addInitScript(tapProbe, { staticPages, marks });
  const page = await context.newPage();
  return { context, page, cdp: await context.newCDPSession(page) };
}

/**
 * A walk through the app (or the static pages) at `url`, in one touch-screen context, taken on
 * `taps` at a time: `more(taps)` returns each further tap's time and step, `close()` ends it.
 * `dwellMs`: how long the finger waits after each screen is painted before the next tap (0: at
 * once, about every 100 ms, which no visitor does; a visitor reads for seconds).
 * `trace`: { start(page), stop(page) } around the timed taps (bench/tap-trace.mjs), with marks.
 */
export async function startWalk(browser, url, steps, staticPages, dwellMs = 0, trace = undefined) {
  const { context, page, cdp } = await touchPage(browser, staticPages, Boolean(trace));
  let i = 0;
  try {
    await page.goto(url);
    if (!staticPages) await tap(cdp, page.getByRole('button', { name: 'Touch to begin' }));
    await page.locator('main[data-screen="home"]').waitFor();
  } catch (error) {
    await context.close();
    throw error;
  }

  async function more(taps) {
    const times = [];
    // One untimed cycle first: the first visit of each code path is not what a visitor meets all day.
    for (; times.length < taps; i++) {
      const step = steps[Math.floor(i / 6) % steps.length][i % 6];
      if (i === 6) await trace?.start(page);
      if (staticPages) {
        // Back leads to the page that first places an object: the same one, unless it is placed twice.
        const from = page.url();
        await tap(cdp, step.back ? page.getByRole('link', { name: 'Back', exact: true }) : page.locator(`a[href="${step.href}"]`));
        await page.waitForURL((u) => (step.back ? u.href !== from : u.pathname === step.href));
      } else {
        await page.evaluate(armApp, { screen: step.screen, title: step.title });
        await tap(cdp, step.back ? page.getByRole('button', { name: 'Back', exact: true }) : step.app(page));
      }
      const ms = await tapTime(page);
      if (i >= 6) times.push({ ms, step: step.back ? `Back to ${step.screen}` : step.screen });
      if (dwellMs > 0) await page.waitForTimeout(dwellMs);
    }
    return times;
  }

  async function close() {
    try {
      await trace?.stop(page);
    } finally {
      await context.close();
    }
  }

  return { more, close };
}

/** `taps` taps of one walk (startWalk), start to end. */
export async function walk(browser, url, steps, taps, staticPages, dwellMs = 0, trace = undefined) {
  const walking = await startWalk(browser, url, steps, staticPages, dwellMs, trace);
  let times;
  try {
    times = await walking.more(taps);
  } finally {
    await walking.close();
  }
  return times;
}

/**
 * The floor under every figure here: a tap on a blank page's button, from the same `touchend`
 * timestamp to the end of the next frame's main-thread work after its click: Chromium delivering
 * a CDP touch to the page and running one frame. `pressed`: the button shows its press when the
 * finger lands, as the app's controls do (state/press.ts); Chromium is then already drawing
 * frames when the click comes, and the click's frame comes one frame sooner.
 */
async function inputFloor(browser, taps, pressed = false) {
  const { context, page, cdp } = await touchPage(browser, false);
  const times = [];
  try {
    // Answered by Playwright, never sent: an http origin only so that sessionStorage works.
    const blank = 'http://127.0.0.1/vitrine-bench-blank.html';
    const body = '<!doctype html><meta name="viewport" content="width=device-width"><button style="width:320px;height:320px">Tap</button>';
    await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body }));
    await page.goto(blank);
    await page.evaluate((pressed) => {
      const button = document.querySelector('button');
      button.addEventListener('click', () => void window.__benchFrameAfter().then(window.__benchDone));
      if (!pressed) return;
      button.addEventListener('pointerdown', () => (button.style.background = '#ccc'));
      button.addEventListener('pointerup', () => (button.style.background = ''));
    }, pressed);
    while (times.length < taps) {
      await page.evaluate(() => {
        delete window.__benchTap;
        delete window.__benchWaiting;
      });
      await tap(cdp, page.locator('button'));
      times.push(await tapTime(page));
    }
  } finally {
    await context.close();
  }
  return times;
}

function byStep(times) {
  const groups = {};
  for (const t of times) (groups[t.step] ??= []).push(t.ms);
  return Object.fromEntries(Object.entries(groups).map(([step, list]) => [step, summarize(list)]));
}

/**
 * `taps` timed taps in the app and in the static rendition, on the built-in exhibit or `pkg`,
 * back to back, or with `dwellMs` between a screen's paint and the next tap (a visitor's pace).
 * Both walks stay open side by side (two hosts, two contexts) and take turns in `runs` runs: a
 * shared machine's load drifts over a benchmark's minutes, and turns spread it over both; each
 * run's p95 shows how far the tail moves. Each walk goes on where its last run stopped, as a
 * kiosk does all day.
 */
export async function benchTaps({ taps = 300, runs = 3, pkg, dwellMs = 0 } = {}) {
  requireBuild();
  // The idle reset an hour away: a walk waiting for its turn (over a minute at a visitor's pace)
  // must find its screen as it left it, not the attract screen of a kiosk that reset itself.
  const dataDir = await preparedDataDir({ pkg, prefix: 'vitrine-bench-taps-', settings: { idleTimeoutSeconds: 3600 } });
  // The static pages' host on a copy of the data folder: two processes, one store each.
  const staticDataDir = `${dataDir}-static`;
  cpSync(dataDir, staticDataDir, { recursive: true });
  const hosts = [];
  const walks = [];
  let baseline;
  let browser;
  try {
    hosts.push(await startHost({ dataDir }));
    baseline = await staticHostFor(hosts[0].url);
    hosts.push(await startHost({ dataDir: staticDataDir, entry: baseline.entry }));
    const steps = cycles(baseline.shape);
    browser = await launchChromium();
    walks.push(await startWalk(browser, hosts[0].url, steps, false, dwellMs));
    walks.push(await startWalk(browser, hosts[1].url, steps, true, dwellMs));
    const [app, staticPages] = [[], []];
    for (let run = 0; run < runs; run++) {
      const count = Math.round((taps * (run + 1)) / runs) - Math.round((taps * run) / runs);
      app.push(await walks[0].more(count));
      staticPages.push(await walks[1].more(count));
    }
    for (const w of walks.splice(0)) await w.close();
    const floor = summarize(await inputFloor(browser, Math.min(taps, 100)));
    const floorPressed = summarize(await inputFloor(browser, Math.min(taps, 100), true));
    const appStats = summarize(app.flat().map((t) => t.ms));
    const staticStats = summarize(staticPages.flat().map((t) => t.ms));
    const perRun = (list) => list.map((times) => summarize(times.map((t) => t.ms)));
    return {
      taps: appStats.n,
      runs,
      dwellMs,
      app: appStats,
      static: staticStats,
      appRuns: perRun(app),
      staticRuns: perRun(staticPages),
      // Chromium's own share of every figure: a blank page's button, and one that shows its press.
      floor,
      floorPressed,
      // Where the time goes, by kind of step (forward to a section, a topic, an object; Back).
      appByStep: byStep(app.flat()),
      staticByStep: byStep(staticPages.flat()),
      ratioP50: appStats.median / staticStats.median,
      ratioP95: appStats.p95 / staticStats.p95,
      framesP50: appStats.median / FRAME_60HZ_MS,
      framesP95: appStats.p95 / FRAME_60HZ_MS,
    };
  } finally {
    for (const w of walks) await w.close().catch(() => undefined);
    await browser?.close();
    for (const host of hosts) await host.stop();
    baseline?.remove();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(staticDataDir, { recursive: true, force: true });
  }
}

const runsLabel = (r, alternating = '') => (r.runs > 1 ? ` in ${r.runs} runs${alternating}` : '');

/** "min …, median …, max …" of the runs' p95. */
function spreadOfP95(runs) {
  const p95 = runs.map((s) => s.p95).sort((a, b) => a - b);
  return `min ${p95[0]} ms, median ${p95[Math.floor(p95.length / 2)]} ms, max ${p95.at(-1)} ms`;
}

/** Rows of the table in docs/performance.md (`large`: the large package's size, for the label). */
export function rows(r, large) {
  const on = largeLabel(large);
  const pace = r.dwellMs ? `, a tap ${r.dwellMs / 1000} s after each paint` : '';
  const taps = (s) => `p50 ${s.median} ms, p95 ${s.p95} ms (min ${s.min}, max ${s.max})`;
  return [
    [`${on}Tap to next frame painted, app${pace} (${r.taps} taps${runsLabel(r, ', alternating with the static pages')})`, taps(r.app), 'p95 under 50 ms'],
    ...(r.appRuns ? [[`${on}The same taps, the p95 of each run`, spreadOfP95(r.appRuns), 'p95 under 50 ms']] : []),
    [`${on}Tap to next frame painted, static HTML pages${pace} (${r.taps} taps${runsLabel(r)})`, taps(r.static), ''],
    ...(r.floor ? [[`${on}Tap to next frame painted, a blank page's button${pace} (${r.floor.n} taps): the browser's own share`, taps(r.floor), '']] : []),
    ...(r.floorPressed ? [[`${on}Tap to next frame painted, a blank page's button that shows its press as the finger lands${pace} (${r.floorPressed.n} taps)`, taps(r.floorPressed), '']] : []),
    [`${on}Taps${pace && ` (${pace.slice(2)})`} against the static pages (ratio of p50, of p95)`, `${r.ratioP50.toFixed(2)} ×, ${r.ratioP95.toFixed(2)} ×`, 'within 1.2 ×'],
    [`${on}Taps${pace && ` (${pace.slice(2)})`} against one 60 Hz frame (16.7 ms)`, `p50 ${r.framesP50.toFixed(1)} frames, p95 ${r.framesP95.toFixed(1)} frames`, ''],
  ];
}

export const NOTES = [
  'Taps (bench/taps.mjs): a walk home → section → topic → object → Back → Back → Back round the exhibit, by real touches through CDP (Input.dispatchTouchEvent), after one untimed round; the static pages are walked the same way, by their links. From the `touchend` event\'s timestamp to the end of the main thread\'s work on the first frame after the new screen\'s DOM is in place (app: a MutationObserver sees the screen\'s `h1` with the expected title; static page: its DOMContentLoaded; then a task queued from the next requestAnimationFrame, which runs after that frame\'s style, layout and paint). Rasterising and compositing on other threads are not included: headless Chromium presents no display frames. The walk taps again as soon as a screen is painted (about every 100 ms), so a tap often lands while the last screen is still at work (the zoom viewer starting, reading ahead, garbage collection); the paced walk waits one second after each paint, still faster than a visitor reads. The floor is a blank page\'s button walked the same way: Chromium delivering a CDP touch to the page and one frame. A page that draws nothing while the finger is down waits about one frame more for Chromium to start drawing again after the click; the app shows each press as the finger lands (state/press.ts), as the second floor\'s button does, and is painted a frame sooner (since 28 November 2026; before, both floors were about 34 ms and the app\'s p50 about 35). The harness waits for each figure with one evaluate that the page answers (it polled every 20 ms until 27 November 2026, which put its own tasks inside the window it timed). The taps are taken in three runs, app and static pages taking turns, each walk going on where its last run stopped, with the idle reset an hour away so that the app\'s walk is not reset while it waits (since 28 November 2026; before, one run of each): on a shared 2-core virtual machine the tail moves with the host\'s load (the same code gave p95 41–65 ms at a visitor\'s pace in runs an hour apart), so the table shows each run\'s p95 beside the p95 of all taps, and the CPU share the host took during each benchmark on its first row. bench/tap-trace.mjs shows where a slow tap\'s time went.',
];

if (isMain(import.meta)) {
  console.log(JSON.stringify(await benchTaps({ taps: Number(process.argv[2] ?? 300), pkg: process.argv[3] }), null, 2));
}
