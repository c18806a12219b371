/**
 * What the tap benchmarks put in the page, and the finger they tap with (bench/taps.mjs). The same
 * probe goes into the app and the static pages, so both are timed from the same events:
 * - press feedback: from `pointerdown` (the finger lands) to the end of the first frame that shows
 *   the press (the app marks the control `data-pressed`, state/press.ts; a static page has only
 *   Chromium's `:active`). Null when no frame showed it while the finger was down.
 * - screen change: from `touchend` (the finger lifts; the click follows from it) to the end of the
 *   first frame after the new screen is in place (app: its `h1` with the expected title; static:
 *   DOMContentLoaded). A frame's end is a message posted from requestAnimationFrame: it is handled
 *   after that frame's style, layout and paint on the main thread (headless Chromium presents no
 *   display frames, so rasterising and compositing are not in the figure).
 * - hold: touchend - pointerdown, reported beside them, never counted; and whether the new screen
 *   came before the lift (it must not).
 * - Event Timing: the longest entry of the click's interaction (what Interaction to Next Paint is
 *   made of), for the app; it ends at the next paint after the click's handlers, so where the
 *   screen paints in a later task (data not yet read, the zoom viewer), it is not in it.
 * Times that cross a page load live in sessionStorage; times are epoch milliseconds.
 */

/** Init script for every document. */
export function tapProbe({ staticPages, marks }) {
  const KEY = 'vitrine-bench:tap';
  const epoch = (t) => performance.timeOrigin + t;
  const now = () => epoch(performance.now());
  const load = () => JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
  const save = (tap) => sessionStorage.setItem(KEY, JSON.stringify(tap));
  // A frame's end: a message posted from requestAnimationFrame is handled after that frame's
  // style, layout and paint. Not a timer: while a finger is down, Chromium holds timer tasks
  // back (its touchstart use case, to keep a scroll smooth) until the lift, so a timer would put
  // every press frame after the lift (measured: rAF 15 ms after pointerdown, its timer 45 ms).
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const frameEnd = () => new Promise((resolve) => requestAnimationFrame(() => (waiting.push(resolve), channel.port2.postMessage(0))));
  const pressShown = (target) =>
    staticPages ? Boolean(target.closest?.('a, button')?.matches(':active')) : Boolean(target.closest?.('[data-pressed]'));

  addEventListener(
    'pointerdown',
    (e) => {
      const tap = { downAt: epoch(e.timeStamp), pressMs: null };
      save(tap);
      // Frame by frame until the press shows, or the finger lifts without it.
      const watch = async () => {
        for (let frame = 0; frame < 30; frame++) {
          await frameEnd();
          const current = load();
          if (current.downAt !== tap.downAt) return;
          // A press first shown after the lift is no feedback for the finger that pressed.
          if (current.upAt) return;
          if (pressShown(e.target)) return save({ ...current, pressMs: now() - tap.downAt });
        }
      };
      void watch();
    },
    { capture: true, passive: true },
  );
  addEventListener('touchend', (e) => save({ ...load(), upAt: epoch(e.timeStamp) }), { capture: true, passive: true });

  let interactions = [];
  if (!staticPages && typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('event')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.interactionId) interactions.push({ id: entry.interactionId, name: entry.name, start: epoch(entry.startTime), duration: entry.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  }

  window.__benchArm = () => {
    delete window.__benchTap;
    delete window.__benchWaiting;
    interactions = [];
  };
  /** The new screen is in place: its figures after the next frame. */
  window.__benchScreenIn = async () => {
    const inAt = now();
    await frameEnd();
    if (marks) performance.mark('vitrine-bench:painted');
    const tap = load();
    const changeMs = now() - tap.upAt;
    // Event Timing reports an entry a little after its frame; entries under 16 ms never come.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const click = interactions.filter((i) => i.start >= tap.downAt - 1);
    const result = {
      pressMs: tap.pressMs,
      changeMs,
      holdMs: tap.upAt - tap.downAt,
      beforeLift: !tap.upAt || inAt < tap.upAt,
      eventMs: staticPages ? null : click.length ? Math.max(...click.map((i) => i.duration)) : 0,
    };
    window.__benchTap = result;
    window.__benchWaiting?.(result);
  };
  if (staticPages) document.addEventListener('DOMContentLoaded', () => void window.__benchScreenIn());
}

/** In the app, before a tap: watch for the screen and title that tap must bring. */
export function armApp({ screen, title }) {
  window.__benchArm();
  const inPlace = () => document.querySelector(`main[data-screen="${screen}"] h1`)?.textContent?.trim() === title;
  const observer = new MutationObserver(() => {
    if (!inPlace()) return;
    observer.disconnect();
    void window.__benchScreenIn();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/**
 * The last tap's figures, once the page has them: one evaluate that waits on the page's side
 * (polling from here would run the harness's own tasks inside the window being timed).
 */
export function tapFigures(page) {
  return page.evaluate(
    () =>
      window.__benchTap ??
      new Promise((resolve, reject) => {
        // Cleared once answered: a stray timer would fire inside a later tap's window.
        const timer = setTimeout(() => reject(new Error('The tap brought no new screen within 30 s.')), 30_000);
        window.__benchWaiting = (figures) => {
          clearTimeout(timer);
          resolve(figures);
        };
      }),
  );
}

/** A finger's hold, as the outside measurement used: long enough to see a press, a quick tap still. */
export const HOLD_MS = 40;

/** A finger on the middle of `locator` (scrolled into view first, untimed), lifted HOLD_MS later. */
export async function tap(cdp, locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`Nothing to tap: ${locator}`);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
  await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}
