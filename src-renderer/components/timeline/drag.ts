/**
 * Dragging a horizontal strip along with one finger (or a pen, or a mouse for demonstrations),
 * from pointer events. The strip needs `touch-action: pan-y`: the browser keeps vertical page
 * scrolling, and a sideways stroke comes to us. A stroke that moved is a drag, never a tap, so
 * the entry under the finger where it ends is not opened by accident.
 */
import type { Attachment } from 'svelte/attachments';
import { claimStrokes } from '../../state/swipe';

/** Movement before a touch counts as a drag: beyond a shaky tap, short for a child's hand. */
export const DRAG_SLOP_PX = 10;

/** Scrolls the element's content with the finger, 1:1, and keeps the click that would end a drag. */
export function dragToScroll(): Attachment<HTMLElement> {
  return (node) => {
    let drag: { id: number; x: number; left: number; moved: boolean } | null = null;
    // Set by a drag, cleared by the next press: only the click a drag itself produces is dropped.
    let dragged = false;

    const down = (event: PointerEvent) => {
      if (!event.isPrimary || (event.pointerType === 'mouse' && event.button !== 0)) return;
      dragged = false;
      drag = { id: event.pointerId, x: event.clientX, left: node.scrollLeft, moved: false };
    };
    const move = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.id) return;
      const dx = event.clientX - drag.x;
      if (!drag.moved) {
        if (Math.abs(dx) < DRAG_SLOP_PX) return;
        drag.moved = true;
        // The rest of the stroke belongs to the strip, even where it leaves the entry it began on.
        try {
          node.setPointerCapture(event.pointerId);
        } catch {
          // The pointer is already gone: the stroke ends with the next pointerup or cancel.
        }
      }
      node.scrollLeft = drag.left - dx;
    };
    const up = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.id) return;
      dragged = drag.moved;
      drag = null;
    };
    // The browser took the stroke (a vertical scroll): nothing of ours to finish.
    const cancel = () => void (drag = null);
    const click = (event: MouseEvent) => {
      if (!dragged) return;
      dragged = false;
      event.preventDefault();
      event.stopPropagation();
    };

    node.addEventListener('pointerdown', down);
    node.addEventListener('pointermove', move);
    node.addEventListener('pointerup', up);
    node.addEventListener('pointercancel', cancel);
    node.addEventListener('click', click, { capture: true });
    // No fling after a sideways stroke: Chromium would drop the next tap to stop it (state/swipe.ts).
    const release = claimStrokes(node, (dx, dy) => Math.abs(dx) > Math.abs(dy));
    return () => {
      release();
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerup', up);
      node.removeEventListener('pointercancel', cancel);
      node.removeEventListener('click', click, { capture: true });
    };
  };
}
