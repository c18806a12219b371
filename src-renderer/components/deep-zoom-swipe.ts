/**
 * Strokes on the deep-zoom viewer at its home zoom: there is nothing to pan to, so a stroke
 * across the image turns the page (or moves to the next object) instead, as a swipe anywhere else
 * on the screen does. Zoomed in, the same stroke pans, and a pinch is never a swipe.
 */
import type OpenSeadragon from 'openseadragon';
import { afterGesture, swipeOf, type SwipeDirection } from '../state/swipe';

export interface ViewerSwipeOptions {
  /** True while the view is at home zoom (read when the finger goes down). */
  atHome: () => boolean;
  /** True while this viewer is still the one on screen (the visitor may have left meanwhile). */
  current: () => boolean;
  onSwipe: (direction: SwipeDirection) => void;
}

/** Turns home-zoom strokes on `viewer` into swipes; pans stay the viewer's own. */
export function reportSwipes(viewer: OpenSeadragon.Viewer, { atHome, current, onSwipe }: ViewerSwipeOptions): void {
  let stroke: { x: number; y: number; t: number; home: boolean; pinched: boolean } | null = null;
  viewer.addHandler('canvas-press', (event) => {
    stroke = { x: event.position.x, y: event.position.y, t: performance.now(), home: atHome(), pinched: false };
  });
  viewer.addHandler('canvas-pinch', () => {
    if (stroke) stroke.pinched = true;
  });
  // At home zoom there is nothing to pan to: the stroke is kept for the swipe, the image stays.
  viewer.addHandler('canvas-drag', (event) => {
    if (stroke?.home && !stroke.pinched) event.preventDefaultAction = true;
  });
  viewer.addHandler('canvas-drag-end', (event) => {
    if (stroke?.home && !stroke.pinched) event.preventDefaultAction = true;
  });
  viewer.addHandler('canvas-release', (event) => {
    const s = stroke;
    stroke = null;
    if (!s?.home || s.pinched || !event.insideElementPressed) return;
    const direction = swipeOf(event.position.x - s.x, event.position.y - s.y, performance.now() - s.t);
    if (direction) afterGesture(() => current() && onSwipe(direction));
  });
}
