/**
 * The soak: a random visitor (soak-visitor.mjs) plays the kiosk for a number of actions or
 * minutes; every so often they walk away and the kiosk resets itself through its own idle clock;
 * now and then staff import a package through the inbox, as tests/e2e/staff.spec.ts does. The run
 * fails on any problem soak-watch.mjs sees, and when the JS objects the renderer keeps after the
 * last reset have grown more than the bound over those after the first reset.
 *
 * Why objects, and not the whole JS heap: after each reset a heap snapshot splits the heap into
 * V8's compiled code (bytecode, baseline and optimised machine code, feedback) and everything
 * else. The code grows as V8 compiles and re-optimises the paths a visitor meets, for hundreds of
 * actions, and then levels off: it is bounded by the size of the app, whatever the kiosk is asked
 * to keep (measured, seed 7, 800 actions, 2 staff imports: the whole heap +35.8 % over the first
 * reset but +2.5 % over the last 300 actions; in snapshots after 180 and 600 actions, the code
 * had grown by 1.35 MB, the other JS objects by 79 KB). A leak is what grows with use: screens,
 * exhibits, listeners, strings kept per visit or per import; those are the objects. Both figures
 * are reported.
 *
 * Idle resets without waiting: Playwright's clock (page.clock) stands in for the page's timers
 * from the start, time flowing as usual, and `runFor` moves it past the idle timeout and the
 * countdown, so the reset runs the same code as in the gallery, in a second instead of minutes.
 * Used by scripts/soak.mjs, tests/e2e/soak.spec.ts and bench/memory.mjs (types: soak-driver.d.mts).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compiledCodeBytes, heapObjectsBytes, summarizeHeapSnapshot, takeHeapSnapshot } from './heap-snapshot.mjs';
import { growth, rendererRss, sampleMemory, watchProblems } from './soak-watch.mjs';
import { Fingers, seededRandom, visitorMoves } from './soak-visitor.mjs';
import { takeShown, VisitTally, watchScreens } from './visit-tally.mjs';

/** How often each move is chosen (a move that does not fit the screen becomes a tap). */
const WEIGHTS = { tap: 64, swipe: 12, pinch: 10, save: 8, search: 6 };
const screen = (page, name) => page.locator(`main[data-screen="${name}"]`);

/** An error that is the kiosk's, not the driver's: `kind` goes into the report. */
const kioskFault = (kind, message) => Object.assign(new Error(message), { kind });

const ROOT = join(import.meta.dirname, '../../..');

/**
 * A package for the k-th staff import, packed with the staff CLI: the built-in exhibit again as
 * version 1.0.k-soak. New bytes, so the inbox takes it; the same content, so the heap after a
 * reset stays comparable across imports (a different exhibit would weigh differently).
 */
export function makeSoakPackage(dir, k) {
  const source = join(dir, `soak-${k}-source`);
  const out = join(dir, `soak-${k}.vitrine`);
  // The built package (npm run build packs assets/exhibit into out/exhibit), under a new version.
  cpSync(join(ROOT, 'out/exhibit'), source, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
  manifest.package.version = `1.0.${k}-soak`;
  writeFileSync(join(source, 'manifest.json'), JSON.stringify(manifest, null, 2));
  execFileSync(process.execPath, [join(ROOT, 'out/main/cli.js'), 'pack', source, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  return out;
}

function chooser(random) {
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  return () => {
    let r = random() * total;
    for (const [move, weight] of Object.entries(WEIGHTS)) if ((r -= weight) < 0) return move;
    return 'tap';
  };
}

/** In the page: resolves with the kind of screen shown once none is left loading (rejects after 15 s). */
function screenSettled() {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      const shown = document.querySelector('main[data-screen]');
      if (shown && !document.querySelector('main[data-screen="loading"]')) resolve([shown.getAttribute('data-screen'), `lang ${document.documentElement.lang}`]);
      else if (Date.now() - started > 15_000) reject(new Error('still loading'));
      else setTimeout(check, 10);
    };
    check();
  });
}

/**
 * In the page, once the attract screen is shown: waits for its first frame to be painted (so its
 * own first-frame work has run and is not measured half-done: an animation frame pending at the
 * sample kept the screen before it alive), then formats the stacks Playwright's clock captured
 * for its pending timers. Until its stack is read, an Error keeps the frames it was made in
 * alive, with their functions and receivers: a timer armed from a tap on the search keyboard
 * kept the whole detached keyboard and its screen (found in a heap snapshot, retained through
 * __pwClock's `_timers`). A real setTimeout keeps no stack, so what the kiosk keeps is measured
 * without the clock's. Returns the pending timers ("Interval 8000 ms") for the report.
 */
async function settleForSample() {
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const timers = globalThis.__pwClock?.controller?._timers;
  if (!(timers instanceof Map)) return null;
  return [...timers.values()].map((timer) => {
    void timer.error?.stack;
    return `${timer.type} ${timer.delay} ms`;
  });
}

/** Waits until the screen the last move asked for is shown; returns its kind and the kiosk's language (one round trip). */
const settle = (page) => page.evaluate(screenSettled);

/**
 * The first reset, the one memory is measured against, waits until the visitor has seen every
 * kind of screen, in both of the kiosk's languages: before that, V8 is still compiling code for
 * screens met for the first time, and the page makes what it keeps once (the other language's
 * words and formats, the keyboard, the timeline), so the heap grows with warm-up, not with use
 * (unless that takes five times the usual visit). Measured: a first reset 44 actions in, before
 * some of these, put the kept objects 400 kB (25 %) lower than at every later reset, which then
 * stayed within 3 % of one another.
 */
const WARM = ['home', 'section', 'topic', 'artifact', 'my-list', 'search', 'timeline', 'lang en', 'lang ru'];

/** The reserved 3 s press in the corner (the clock moved on instead of waiting), the PIN, then `work` in the panel. */
async function asStaff(page, fingers, pin, work) {
  const panel = page.getByRole('dialog', { name: 'Staff mode' });
  await fingers.send('touchStart', [{ x: 20, y: 20 }]);
  await page.clock.runFor(3_200);
  await panel.waitFor({ timeout: 10_000 });
  await fingers.send('touchEnd', []);
  for (const digit of pin) await panel.getByRole('button', { name: digit, exact: true }).tap();
  await panel.getByRole('button', { name: 'OK' }).tap();
  await panel.getByRole('heading', { name: 'Live' }).waitFor();
  await work(panel);
  await panel.getByRole('button', { name: 'Close' }).tap();
  await panel.waitFor({ state: 'hidden' });
}

/**
 * Plays the kiosk at `url` in `page` (a fresh page: the clock must be installed before it loads).
 * Options: seed; actions and/or minutes; idle {timeoutSeconds, countdownSeconds} as set on the
 * host; resetEvery [min, max] actions; maxHeapGrowth (0.05 = 5 %); staff {pin, inbox, every,
 * packages (a folder for generated packages)}; paceMs (a visitor's look at each screen before the
 * next action; 0: at once); log (progress lines); afterReset ({cdp, reset,
 * afterAction, staffImports}, awaited after each reset's sample: e.g. a heap snapshot). Returns the report.
 */
export async function runSoak(page, options) {
  const { url, seed, idle, resetEvery = [20, 80], maxHeapGrowth = 0.05, staff, log = () => {}, afterReset, paceMs = 0 } = options;
  const actions = options.actions ?? Infinity;
  const deadline = options.minutes ? Date.now() + options.minutes * 60_000 : Infinity;
  if (actions === Infinity && deadline === Infinity) throw new Error('runSoak needs actions or minutes.');
  const random = seededRandom(seed);
  const between = ([low, high]) => low + Math.floor(random() * (high - low + 1));
  const watch = watchProblems(page, new URL(url).origin);
  const startedAt = new Date();
  const counts = {};
  const trail = [];
  const memory = [];
  let resets = 0;
  let staffImports = 0;
  let done = 0;
  const seen = new Set();

  await page.clock.install();
  // What the visitor is shown, counted as the kiosk's visitor figures count it (visit-tally.mjs).
  const tally = options.countVisitors ? new VisitTally() : null;
  if (tally) await page.addInitScript(watchScreens);
  await page.goto(url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const fingers = new Fingers(cdp);
  const moves = visitorMoves(page, fingers, random);
  const nextMove = chooser(random);
  const problem = (kind, error) => watch.problems.push({ action: done, kind: error?.kind ?? kind, detail: String(error?.message ?? error).slice(0, 500) });

  const idleReset = async () => {
    await page.clock.runFor((idle.timeoutSeconds + idle.countdownSeconds + 1) * 1000);
    await screen(page, 'attract').waitFor({ timeout: 15_000 }).catch(() => {
      throw kioskFault('no-reset', `The kiosk did not return to its attract screen after ${idle.timeoutSeconds + idle.countdownSeconds} s without a touch.`);
    });
    resets++;
    tally?.saw(await page.evaluate(takeShown));
    tally?.reset();
    const pendingTimers = await page.evaluate(settleForSample);
    const sample = await sampleMemory(cdp);
    const heap = summarizeHeapSnapshot(await takeHeapSnapshot(cdp));
    memory.push({
      afterAction: done,
      at: new Date().toISOString(),
      ...sample,
      compiledCodeBytes: compiledCodeBytes(heap),
      heapObjectsBytes: heapObjectsBytes(heap),
      detachedDomNodes: heap.detached,
      pendingTimers,
      rendererRssBytes: await rendererRss(page.context().browser()),
    });
    trail.push({ n: done, move: `idle reset ${resets}` });
    await afterReset?.({ cdp, reset: resets, afterAction: done, staffImports });
  };

  const staffImport = async () => {
    const k = staffImports + 1;
    const pkg = makeSoakPackage(staff.packages, k);
    const name = `soak-${k}.vitrine`;
    await copyFile(pkg, join(staff.inbox, name));
    await asStaff(page, fingers, staff.pin, async (panel) => {
      await panel.getByRole('button', { name: 'Check the inbox now' }).tap();
      await panel.getByTestId('staff-inbox-results').filter({ hasText: `${name}: imported` }).waitFor({ timeout: 120_000 });
    });
    staffImports++;
    trail.push({ n: done, move: `staff import ${name}` });
  };

  try {
    await screen(page, 'attract').waitFor({ timeout: 60_000 });
    let nextReset = between(resetEvery);
    let nextStaff = staff?.every ?? Infinity;
    while (done < actions && Date.now() < deadline) {
      done++;
      watch.setAction(done);
      let move = nextMove();
      let did = await moves[move]();
      if (did === null) [move, did] = ['tap', await moves.tap()];
      counts[move] = (counts[move] ?? 0) + 1;
      trail.push({ n: done, move: did ?? 'nothing to tap' });
      if (trail.length > 60) trail.shift();
      const shown = await settle(page).catch(() => {
        throw kioskFault('stuck', `The screen was still loading 15 s after "${did}".`);
      });
      for (const what of shown) seen.add(what);
      tally?.saw(await page.evaluate(takeShown));
      if (paceMs > 0) await page.waitForTimeout(paceMs);
      const warm = resets > 0 || WARM.every((what) => seen.has(what)) || done >= 5 * resetEvery[1];
      if (done >= nextReset && warm) {
        await idleReset();
        nextReset = done + between(resetEvery);
      }
      if (done >= nextStaff) {
        // Staff come to a kiosk nobody is using: after a reset, in the kiosk's own language.
        if (memory.at(-1)?.afterAction !== done) await idleReset();
        await staffImport();
        nextStaff += staff.every;
      }
      if (done % 500 === 0) log(`soak: ${done} actions, ${resets} resets, ${staffImports} staff imports, ${watch.problems.length} problems`);
      if (watch.problems.length > 0) break;
    }
    // The last sample, like the first, right after a reset.
    if (watch.problems.length === 0 && memory.at(-1)?.afterAction !== done) await idleReset();
  } catch (error) {
    problem('driver', error);
  } finally {
    watch.stop();
    await cdp.detach().catch(() => undefined);
  }

  // Growth is measured from the second reset on, once there are three samples: the first visit
  // builds parts of the page once (a screen, a panel, the staff screen's first results) whenever
  // the random visitor first meets them, and waiting for a list of them (WARM) kept missing one.
  // That shows as one step after the first sample, then a flat line (seed 1588738239: 1.61 MB at
  // the first reset, 1.99-2.07 MB at the next six); a leak shows as a trend after it, and is caught.
  const fromWarm = (values) => growth(values.length >= 3 ? values.slice(1) : values);
  const heapGrowth = fromWarm(memory.map((m) => m.heapUsedBytes));
  const heapObjectsGrowth = fromWarm(memory.map((m) => m.heapObjectsBytes));
  const heapObjectsGrowthFromFirst = growth(memory.map((m) => m.heapObjectsBytes));
  if (heapObjectsGrowth !== null && heapObjectsGrowth > maxHeapGrowth) {
    const pct = (x) => `${(x * 100).toFixed(1)} %`;
    problem('memory-growth', `The JS objects the renderer keeps after the last reset are ${pct(heapObjectsGrowth)} above those after the second (bound ${pct(maxHeapGrowth)}; whole JS heap, compiled code included: ${pct(heapGrowth)}; from the first reset: ${pct(heapObjectsGrowthFromFirst ?? 0)}).`);
  }
  return {
    ok: watch.problems.length === 0,
    seed,
    options: { actions: options.actions ?? null, minutes: options.minutes ?? null, resetEvery, maxHeapGrowth, staffEvery: staff?.every ?? null },
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    actions: done,
    counts,
    resets,
    staffImports,
    visitors: tally?.result() ?? null,
    cancelledRequests: watch.cancelled,
    memory: { heapGrowth, heapObjectsGrowth, heapObjectsGrowthFromFirst, rendererRssGrowth: fromWarm(memory.map((m) => m.rendererRssBytes)), samples: memory },
    problems: watch.problems,
    trail,
  };
}
