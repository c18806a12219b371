/**
 * A touch is answered the moment the finger lands, before the tap is known to be one:
 * - the control under the finger is marked `data-pressed` until the finger lifts or the touch
 *   turns into a scroll (pointercancel). Components style it with their `:active` look. Chromium
 *   applies `:active` to a touch only once it knows the touch is a tap (the gesture's show-press,
 *   at the lift for a quick tap), so without this a quick tap showed no press at all.
 * - a new screen still sliding in (styles/global.css, `screen-enter`) ends its slide at once, so
 *   what the visitor aims at holds still under the finger.
 *
 * Both draw a frame while the finger is down, so Chromium is already drawing when the tap's click
 * arrives and its new screen is painted a frame sooner: on a blank page's button, tap to paint was
 * 33.5 ms without a frame at the touch and 16.8 ms with one (bench/taps.mjs, docs/performance.md).
 */

/** The entrance animation's name, as in styles/global.css. */
export const SCREEN_ENTER = 'screen-enter';

/** What a finger presses: enabled controls. */
const CONTROL = 'button:not(:disabled), a[href], [role="button"]:not([aria-disabled="true"])';

/** Finishes every running screen-entrance slide in `doc`. */
export function settleScreens(doc: Pick<Document, 'getAnimations'>): void {
  for (const animation of doc.getAnimations()) {
    if ('animationName' in animation && animation.animationName === SCREEN_ENTER) animation.finish();
  }
}

/** Answers every touch in `doc` (see above); returns the removal of its listeners. */
export function answerPresses(doc: Document): () => void {
  const pressed = new Map<number, Element>();
  // happy-dom (component tests) has no Web Animations; Chromium and Electron always do.
  const animated = typeof doc.getAnimations === 'function';

  const release = () => {
    for (const control of pressed.values()) control.removeAttribute('data-pressed');
    pressed.clear();
  };
  const down = (event: PointerEvent) => {
    if (animated) settleScreens(doc);
    // A first finger means every earlier touch has ended, lift seen or not (a remount can swallow
    // one): so nothing stays pressed, and the map never holds more than the fingers now down.
    if (event.isPrimary) release();
    const control = event.target instanceof Element ? event.target.closest(CONTROL) : null;
    if (!control) return;
    pressed.set(event.pointerId, control);
    control.setAttribute('data-pressed', '');
  };
  const up = (event: PointerEvent) => {
    pressed.get(event.pointerId)?.removeAttribute('data-pressed');
    pressed.delete(event.pointerId);
  };

  // Capture and passive: seen before any component can stop it, and never delays the touch.
  const options = { capture: true, passive: true } as const;
  const listeners = [
    ['pointerdown', down],
    ['pointerup', up],
    ['pointercancel', up],
  ] as const;
  for (const [type, listener] of listeners) doc.addEventListener(type, listener, options);
  return () => {
    for (const [type, listener] of listeners) doc.removeEventListener(type, listener, options);
    release();
  };
}
