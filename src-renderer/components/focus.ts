/** Focus handling for the kiosk's overlays (idle warning, staff panel). */

/**
 * Moves focus into an overlay and returns a function that gives it back to where it was, if that
 * element still exists. The return waits a microtask: the background stops being inert in the
 * same update that removes the overlay, and an inert element cannot take focus.
 */
export function focusWithin(target: HTMLElement): () => void {
  const previous = document.activeElement;
  target.focus({ preventScroll: true });
  return () => {
    queueMicrotask(() => {
      if (previous instanceof HTMLElement && previous.isConnected && previous !== document.body) previous.focus({ preventScroll: true });
    });
  };
}
