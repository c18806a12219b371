/**
 * Horizontal swipes, for moving between pages and objects by touch. A swipe is a quick, mostly
 * sideways stroke of one finger; anything slower, shorter or more vertical is a scroll, a pan or a
 * tap, and is left alone. The same rule serves the zoom viewer (fed from OpenSeadragon's drag
 * events, DeepZoom.svelte) and the rest of the artifact screen (pointer events, `swipeable`).
 */
import type { Attachment } from 'svelte/attachments';

/** Which way the content should move: a finger going left asks for what comes next. */
export type SwipeDirection = 'previous' | 'next';

/** Shortest stroke that counts, in CSS pixels: well beyond a shaky tap, short for a child's hand. */
export const SWIPE_MIN_PX = 80;
/** Longest stroke time that counts: visitors swipe slowly, but a long drag is reading, not turning. */
export const SWIPE_MAX_MS = 1000;

/** Classifies one stroke from its start to its end; null when it is not a swipe. */
export function swipeOf(dx: number, dy: number, ms: number): SwipeDirection | null {
  if (ms > SWIPE_MAX_MS || Math.abs(dx) < SWIPE_MIN_PX) return null;
  // Mostly sideways: a diagonal stroke is more likely a scroll that drifted.
  if (Math.abs(dx) < 1.5 * Math.abs(dy)) return null;
  return dx < 0 ? 'next' : 'previous';
}

/**
 * Runs `act` once the gesture that asked for it is over. A swipe ends in pointerup, and the
 * touchend of the same finger comes after it: if the page under the finger were replaced in
 * between (a new page, a new object), that touchend would go to a removed element and Chromium
 * would lose track of the touch, so that the visitor's next tap made no click.
 */
export function afterGesture(act: () => void): void {
  setTimeout(act, 0);
}

/** Elements inside this attribute's holder handle their own strokes (the zoom viewer, a text panel). */
export const NO_SWIPE = 'data-no-swipe';

/**
 * Keeps the browser from treating a sideways stroke as a scroll that ends in a fling. Chromium
 * drops the click of the first tap after a fling (the tap "stops" it), so without this a visitor's
 * next tap after a swipe, on Next or on a page thumbnail, would do nothing. `sideways` decides,
 * from the stroke so far, whether it belongs to the page; vertical strokes stay the browser's.
 */
export function claimStrokes(node: HTMLElement, sideways: (dx: number, dy: number) => boolean): () => void {
  let from: { x: number; y: number } | null = null;
  let claimed: boolean | null = null;
  const start = (event: TouchEvent) => {
    const touch = event.touches[0];
    from = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : null;
    claimed = null;
  };
  const move = (event: TouchEvent) => {
    const touch = event.touches[0];
    if (!from || !touch || event.touches.length !== 1) return;
    const dx = touch.clientX - from.x;
    const dy = touch.clientY - from.y;
    // Decided once, on the first clear movement: a stroke is a scroll or a swipe, never both.
    if (claimed === null && Math.hypot(dx, dy) >= 8) claimed = sideways(dx, dy);
    if (claimed && event.cancelable) event.preventDefault();
  };
  node.addEventListener('touchstart', start, { passive: true });
  node.addEventListener('touchmove', move, { passive: false });
  return () => {
    node.removeEventListener('touchstart', start);
    node.removeEventListener('touchmove', move);
  };
}

/**
 * Calls `onSwipe` for a one-finger (or pen) swipe that starts on the element, outside any
 * [data-no-swipe] part. The element needs `touch-action: pan-y`, so the browser keeps vertical
 * scrolling and hands sideways strokes to the page instead of cancelling them.
 */
export function swipeable(onSwipe: (direction: SwipeDirection) => void): Attachment<HTMLElement> {
  return (node) => {
    let start: { id: number; x: number; y: number; t: number } | null = null;
    const down = (event: PointerEvent) => {
      // A second finger makes it a pinch or a fumble, never a swipe.
      if (start !== null || event.pointerType === 'mouse' || !event.isPrimary) return void (start = null);
      if (event.target instanceof Element && event.target.closest(`[${NO_SWIPE}]`)) return;
      start = { id: event.pointerId, x: event.clientX, y: event.clientY, t: event.timeStamp };
    };
    const up = (event: PointerEvent) => {
      if (start === null || event.pointerId !== start.id) return;
      const direction = swipeOf(event.clientX - start.x, event.clientY - start.y, event.timeStamp - start.t);
      start = null;
      if (direction) afterGesture(() => node.isConnected && onSwipe(direction));
    };
    const cancel = () => void (start = null);
    node.addEventListener('pointerdown', down);
    node.addEventListener('pointerup', up);
    node.addEventListener('pointercancel', cancel);
    const release = claimStrokes(node, (dx, dy) => start !== null && Math.abs(dx) > Math.abs(dy));
    return () => {
      release();
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointerup', up);
      node.removeEventListener('pointercancel', cancel);
    };
  };
}
