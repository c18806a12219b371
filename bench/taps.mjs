/**
 * Taps (issue 18): press feedback and screen change for every tap, in the app and in the static
 * HTML rendition of the same exhibit served by the same server (bench/static-exhibit.mjs), timed
 * from the same events by the same probe (bench/tap-probe.mjs, which says exactly what is timed).
 *
 * The walk: visits of the exhibit as a visitor meets it. Each visit begins at the attract screen
 * ("Touch to begin", untimed) and goes home → section → topic → object → Back → Back → Back round
 * every (topic, object) once, a finger held 40 ms, one second's look at each new screen; then the
 * visitor walks away and the kiosk's own idle reset (5 s, countdown 3 s) ends the visit. A tap is
 * **cold** when it brings a screen this visit has not shown yet, **warm** when it brings one again
 * (Back is reported on its own). The static pages are walked the same way by their links, a page
 * cold the first time in its visit. On the large generated package no forward screen repeats.
 * App and static pages take turns, visit by visit, in `runs` runs; every run is reported.
 *   node bench/taps.mjs [visits per run] [runs] [package]      (after npm run build)
 */
import { cpSync, rmSync } from 'node:fs';
import { escapeRegExp, isMain, largeLabel, launchChromium, preparedDataDir, requireBuild, SCREEN, startHost, summarize } from './support.mjs';
import { staticHostFor } from './static-exhibit.mjs';
import { armApp, HOLD_MS, tap, tapFigures, tapProbe } from './tap-probe.mjs';

/** The kiosk's idle reset for the walk: short, so a visit ends soon after the visitor leaves. */
const IDLE = { idleTimeoutSeconds: 5, idleCountdownSeconds: 3 };
const DWELL_MS = 1000;

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

/** A fresh touch-screen context with the probe in every document, and its CDP session. */
async function touchPage(browser, staticPages, marks = false) {
  const context = await browser.newContext(SCREEN);
  await context.addInitScript(tapProbe, { staticPages, marks });
  const page = await context.newPage();
  return { context, page, cdp: await context.newCDPSession(page) };
}

/**
 * A walk through the app (or the static pages) at `url`, visit by visit: `visit()` walks one
 * whole visit and returns its taps. `maxTaps` cuts a visit short (the large package's visit
 * would be thousands of taps). `trace`: { start(page), stop(page) } around the taps, with marks.
 */
export async function startWalk(browser, url, steps, staticPages, { maxTaps = Infinity, dwellMs = DWELL_MS, trace } = {}) {
  const { context, page, cdp } = await touchPage(browser, staticPages, Boolean(trace));
  await page.goto(url);
  await trace?.start(page);

  async function visit() {
    if (staticPages) await page.goto(url);
    else {
      // The last visit ends as a kiosk's does: the idle reset brings the attract screen back.
      await page.locator('main[data-screen="attract"]').waitFor({ timeout: (IDLE.idleTimeoutSeconds + IDLE.idleCountdownSeconds + 30) * 1000 });
      await tap(cdp, page.getByRole('button', { name: 'Touch to begin' }));
    }
    await page.locator('main[data-screen="home"]').waitFor();
    const seen = new Set();
    const taps = [];
    for (const step of steps.flat().slice(0, maxTaps)) {
      if (staticPages) {
        // Back leads to the page that first places an object: the same one, unless it is placed twice.
        const from = page.url();
        await page.evaluate(() => window.__benchArm());
        await tap(cdp, step.back ? page.getByRole('link', { name: 'Back', exact: true }) : page.locator(`a[href="${step.href}"]`));
        await page.waitForURL((u) => (step.back ? u.href !== from : u.pathname === step.href));
      } else {
        await page.evaluate(armApp, { screen: step.screen, title: step.title });
        await tap(cdp, step.back ? page.getByRole('button', { name: 'Back', exact: true }) : step.app(page));
      }
      const figures = await tapFigures(page);
      const kind = step.back ? 'back' : seen.has(step.href) ? 'warm' : 'cold';
      seen.add(step.href);
      taps.push({ ...figures, ms: figures.changeMs, kind, step: step.back ? `Back to ${step.screen}` : step.screen });
      await page.waitForTimeout(dwellMs);
    }
    return taps;
  }

  async function close() {
    try {
      await trace?.stop(page);
    } finally {
      await context.close();
    }
  }
  return { visit, close };
}

/** `taps` taps of one walk in the app, visit after visit (bench/tap-trace.mjs). */
export async function walk(browser, url, steps, taps, staticPages, dwellMs = DWELL_MS, trace = undefined) {
  const walking = await startWalk(browser, url, steps, staticPages, { dwellMs, trace });
  const times = [];
  try {
    while (times.length < taps) times.push(...(await walking.visit()));
  } finally {
    await walking.close();
  }
  return times.slice(0, taps);
}

/**
 * The floor: a bare button on a blank page, tapped the same way, that shows its press as the
 * finger lands (as the app's controls do) and paints on its click: Chromium's own share.
 */
async function bareButton(browser, taps) {
  const { context, page, cdp } = await touchPage(browser, false);
  const times = [];
  try {
    // Answered by Playwright, never sent: an http origin only so that sessionStorage works.
    const blank = 'http://127.0.0.1/vitrine-bench-blank.html';
    const body = '<!doctype html><meta name="viewport" content="width=device-width"><button style="width:320px;height:320px">Tap</button>';
    await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body }));
    await page.goto(blank);
    await page.evaluate(() => {
      const button = document.querySelector('button');
      button.addEventListener('click', () => void window.__benchScreenIn());
      button.addEventListener('pointerdown', () => button.setAttribute('data-pressed', ''));
      button.addEventListener('pointerup', () => button.removeAttribute('data-pressed'));
    });
    while (times.length < taps) {
      await page.evaluate(() => window.__benchArm());
      await tap(cdp, page.locator('button'));
      times.push({ ...(await tapFigures(page)), kind: 'bare' });
      await page.waitForTimeout(200);
    }
  } finally {
    await context.close();
  }
  return times;
}

/** Summaries of one measure over the taps of a kind: all runs together, and each run's p95. */
function measure(runs, kind, field) {
  const values = (taps) => taps.filter((t) => t.kind === kind && t[field] !== null).map((t) => t[field]);
  const all = runs.flatMap(values);
  if (all.length === 0) return null;
  const p95s = runs.map(values).filter((v) => v.length > 0).map((v) => summarize(v).p95);
  return { ...summarize(all), missing: runs.flat().filter((t) => t.kind === kind && t[field] === null).length, runsP95: summarize(p95s) };
}

export function report(runs) {
  const kinds = [...new Set(runs.flat().map((t) => t.kind))];
  const out = {};
  for (const kind of kinds) {
    out[kind] = { press: measure(runs, kind, 'pressMs'), change: measure(runs, kind, 'changeMs'), event: measure(runs, kind, 'eventMs'), hold: measure(runs, kind, 'holdMs') };
    out[kind].beforeLift = runs.flat().filter((t) => t.kind === kind && t.beforeLift).length;
  }
  return out;
}

/**
 * `runs` runs of `visits` visits each, app and static pages taking turns visit by visit (two
 * hosts on copies of one data folder), on the built-in exhibit or `pkg`; then the bare button.
 */
export async function benchTaps({ visits = 2, runs = 3, pkg, maxTaps } = {}) {
  requireBuild();
  const dataDir = await preparedDataDir({ pkg, prefix: 'vitrine-bench-taps-', settings: IDLE });
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
    walks.push(await startWalk(browser, hosts[0].url, steps, false, { maxTaps }));
    walks.push(await startWalk(browser, hosts[1].url, steps, true, { maxTaps }));
    const [app, staticPages] = [[], []];
    for (let run = 0; run < runs; run++) {
      const [a, s] = [[], []];
      for (let v = 0; v < visits; v++) {
        a.push(...(await walks[0].visit()));
        s.push(...(await walks[1].visit()));
      }
      app.push(a);
      staticPages.push(s);
    }
    for (const w of walks.splice(0)) await w.close();
    const bare = await bareButton(browser, 100);
    return { runs, visits, holdMs: HOLD_MS, dwellMs: DWELL_MS, app: report(app), static: report(staticPages), bare: report([bare]).bare, raw: { app, static: staticPages } };
  } finally {
    for (const w of walks) await w.close().catch(() => undefined);
    await browser?.close();
    for (const host of hosts) await host.stop();
    baseline?.remove();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(staticDataDir, { recursive: true, force: true });
  }
}

const LABELS = { cold: 'forward, cold (first time this visit)', warm: 'forward, warm (seen before this visit)', back: 'Back', bare: 'a bare button' };
const TARGETS = { change: { cold: 'p95 at most 50 ms', warm: 'p95 at most 33 ms' }, press: { cold: 'p95 at most 33 ms', warm: 'p95 at most 33 ms', back: 'p95 at most 33 ms' } };

/** "p50 …, p95 … (n …); runs' p95 min … median … max …", with what is missing and any target missed. */
function figure(s, target) {
  if (!s) return 'none shown before the lift';
  const limit = target ? Number(/(\d+) ms/.exec(target)[1]) : null;
  const missed = limit !== null && s.p95 > limit ? ' **missed**' : limit !== null ? ' met' : '';
  const none = s.missing ? `; ${s.missing} showed none before the lift` : '';
  return `p50 ${s.median} ms, p95 ${s.p95} ms (${s.n} taps${none}); each run's p95: min ${s.runsP95.min}, median ${s.runsP95.median}, max ${s.runsP95.max}${missed}`;
}

/** Rows of the table in docs/performance.md (`large`: the large package's size, for the label). */
export function rows(r, large) {
  const on = largeLabel(large);
  const out = [];
  for (const [who, result] of [['app', r.app], ['static pages', r.static]]) {
    for (const kind of ['cold', 'warm', 'back']) {
      const k = result[kind];
      if (!k) continue;
      out.push([`${on}Screen change from the lift, ${who}, ${LABELS[kind]}`, figure(k.change, who === 'app' ? TARGETS.change[kind] : undefined), who === 'app' ? (TARGETS.change[kind] ?? '') : '']);
      out.push([`${on}Press feedback from the finger landing, ${who}, ${LABELS[kind]}`, figure(k.press, who === 'app' ? TARGETS.press[kind] : undefined), who === 'app' ? (TARGETS.press[kind] ?? '') : '']);
      if (who === 'app') out.push([`${on}Event Timing of the click's interaction, app, ${LABELS[kind]}`, k.event ? `p50 ${k.event.median} ms, p95 ${k.event.p95} ms (under 16 ms counted as 0)` : '', '']);
      if (k.beforeLift) out.push([`${on}Screens changed before the finger lifted, ${who}, ${LABELS[kind]}`, String(k.beforeLift), 'none']);
    }
  }
  if (r.bare) out.push([`${on}A bare button that shows its press: screen change, press feedback`, `${figure(r.bare.change)}; ${figure(r.bare.press)}`, '']);
  out.push([`${on}The finger's hold (touchend - pointerdown), app`, `p50 ${r.app.cold?.hold?.median} ms (held ${r.holdMs} ms)`, '']);
  return out;
}

export const NOTES = [
  'Taps (bench/taps.mjs, bench/tap-probe.mjs): visits as a visitor makes them, each from the attract screen round every (topic, object) of the exhibit (home → section → topic → object → Back → Back → Back), a finger held 40 ms through CDP (Input.dispatchTouchEvent), one second\'s look at each new screen, and the kiosk\'s own idle reset (5 s + 3 s countdown) between visits; the static HTML rendition walked the same way by its links, app and static pages taking turns visit by visit, in three runs, every run reported (each run\'s p95: min, median, max). A tap is cold when its screen is new to the visit, warm when it comes again; Back apart. Screen change: from `touchend` (the lift) to the end of the main thread\'s work on the first frame after the new screen is in place (app: its h1 with the expected title; static: DOMContentLoaded; the end is a message posted from requestAnimationFrame, not a timer, which Chromium holds back while a finger is down). Press feedback: from `pointerdown` to the end of the first frame in which the control shows its press (app: `data-pressed`; static: `:active`, which Chromium gives a touch only once it is a tap, so the static pages show none before the lift). Event Timing: the longest entry of the click\'s interaction, which ends at the first paint after the handlers: the app\'s new screen often paints in a later task (its data read first, the zoom viewer later still), which it does not include. Headless Chromium presents no display frames: rasterising and compositing are in no figure.',
];

if (isMain(import.meta)) {
  const [visits, runs, pkg] = process.argv.slice(2);
  const result = await benchTaps({ visits: Number(visits ?? 2), runs: Number(runs ?? 3), pkg });
  delete result.raw;
  console.log(JSON.stringify(result, null, 2));
}
