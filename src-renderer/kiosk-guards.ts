/**
 * Browser gestures a kiosk visitor must never trigger: the long-press menu, dragging images out,
 * text selection, and zooming the whole UI with no way back (electron#3609, #8793, #11216).
 * The Electron main process also pins the zoom limits; this covers the browser host as well.
 */

/** Installs the guards on a window; returns a function that removes them. */
export function installKioskGuards(target: Window): () => void {
  const prevent = (event: Event) => event.preventDefault();
  // Trackpad pinch and ctrl+wheel both arrive as wheel events with ctrlKey set.
  const blockZoomWheel = (event: WheelEvent) => {
    if (event.ctrlKey) event.preventDefault();
  };
  // touch-action: manipulation still allows pinch-zoom; a two-finger move is never ours to pass on.
  const blockPinch = (event: TouchEvent) => {
    if (event.touches.length > 1) event.preventDefault();
  };
  const blockZoomKeys = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0'].includes(event.key)) event.preventDefault();
  };

  const active = { passive: false } as const;
  const listeners: [string, EventListener, AddEventListenerOptions?][] = [
    ['contextmenu', prevent],
    ['dragstart', prevent],
    ['selectstart', prevent],
    // Safari's own pinch events (iPad browser host).
    ['gesturestart', prevent],
    ['gesturechange', prevent],
    ['wheel', blockZoomWheel as EventListener, active],
    ['touchmove', blockPinch as EventListener, active],
    ['keydown', blockZoomKeys as EventListener],
  ];
  for (const [type, listener, options] of listeners) target.addEventListener(type, listener, options);
  return () => {
    for (const [type, listener, options] of listeners) target.removeEventListener(type, listener, options);
  };
}
