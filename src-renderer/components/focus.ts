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

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Keys of a modal dialog for visitors with a keyboard or a switch (WCAG 2.1.2): Escape answers
 * `onEscape` (closes, or "I am here"), and Tab cycles within the dialog instead of walking into
 * the inert page behind it. Returns an attachment for the dialog's element.
 */
export function modalKeys(onEscape: () => void): (node: HTMLElement) => () => void {
  return (node) => {
    const onKey = (event: KeyboardEvent) => {
      // Under another overlay (the idle warning over this panel), that overlay answers the key.
      if (node.closest('[inert]')) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onEscape();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = [...node.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !node.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !node.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    // On the document: the key counts wherever focus happens to be while the dialog is open.
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  };
}
