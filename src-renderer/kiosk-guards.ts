/**
 * Browser gestures and shortcuts a kiosk visitor must never trigger: the long-press menu,
 * dragging images out or files in, text selection, zooming the whole UI with no way back, and
 * the browser's own shortcuts (electron#3609, #8793, #11216; FullPageOS PR#312). The CSS in
 * styles/global.css does its part (no callout, touch-action, overscroll-behavior); the Electron
 * main process blocks keys before the page sees them (before-input-event) and pins zoom limits.
 * This covers the browser host as well, where the page is the only line of defence. What no page
 * can block (Ctrl+W, Ctrl+N, Ctrl+T, system keys) is for the operating system's lockdown:
 * docs "Running unattended".
 */

// Letters that, with Ctrl (Cmd on macOS), reload, print, find, open, save, view source or open
// windows and tabs.
const BLOCKED_WITH_CTRL = new Set(['r', 'p', 'f', 'g', 'n', 't', 'w', 's', 'o', 'u']);
// Letters that, with Ctrl+Shift (Cmd+Option on macOS), open the developer tools.
const BLOCKED_DEVTOOLS = new Set(['i', 'j', 'c']);
// Zoom in, out and back to 100 %, on the main keys and on the number pad.
const ZOOM_KEYS = new Set(['+', '-', '=', '_', '0']);
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);
// Dedicated keys on some keyboards and remote controls that navigate the page away.
const NAVIGATION_KEYS = new Set(['BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome']);

/**
 * A touch held this long is a long press, not a tap: its lift must not press the button under the
 * finger (on phones a long press never does; Chromium with a touch screen lets the click through
 * once the menu is refused). Longer than the platforms' half second, for visitors who tap slowly.
 */
export const LONG_PRESS_MS = 1000;

/** The letter a key event stands for, by the character or, on other layouts, the physical key. */
function letterOf(event: KeyboardEvent): string {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  return /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : '';
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(target.type));
}

/** True for a key press that would make the browser act on its own: reload, zoom, print, devtools… */
export function isBrowserShortcut(event: KeyboardEvent): boolean {
  const ctrl = event.ctrlKey || event.metaKey;
  const letter = letterOf(event);
  if (/^F([1-9]|1[0-2])$/.test(event.key)) return true;
  if (NAVIGATION_KEYS.has(event.key)) return true;
  if (event.altKey && ['ArrowLeft', 'ArrowRight', 'Home'].includes(event.key)) return true;
  if (event.key === 'Backspace' && !isTextField(event.target)) return true;
  if (!ctrl) return false;
  if ((event.shiftKey || event.altKey) && BLOCKED_DEVTOOLS.has(letter)) return true;
  if (ZOOM_KEYS.has(event.key) || ZOOM_CODES.has(event.code)) return true;
  return BLOCKED_WITH_CTRL.has(letter);
}

/** Installs the guards on a window; returns a function that removes them. */
export function installKioskGuards(target: Window): () => void {
  const prevent = (event: Event) => event.preventDefault();
  // Trackpad pinch and ctrl+wheel both arrive as wheel events with ctrlKey set.
  const blockZoomWheel = (event: WheelEvent) => {
    if (event.ctrlKey || event.metaKey) event.preventDefault();
  };
  // touch-action: manipulation still allows pinch-zoom; a two-finger move is never ours to pass on.
  const blockPinch = (event: TouchEvent) => {
    if (event.touches.length > 1) event.preventDefault();
  };
  const blockShortcuts = (event: KeyboardEvent) => {
    if (isBrowserShortcut(event)) event.preventDefault();
  };
  // A file dragged onto the window would be opened in its place: a drop must always be ours.
  const refuseDrop = (event: DragEvent) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  // Elements marked data-long-press="allow" (the attract screen, the idle warning) only ever mean
  // "I am here", so a long press on them still counts.
  let touchDownAt: number | null = null;
  let swallowClick = false;
  const onPointerDown = (event: PointerEvent) => {
    touchDownAt = event.pointerType === 'mouse' ? null : event.timeStamp;
    swallowClick = false;
  };
  const onPointerUp = (event: PointerEvent) => {
    swallowClick = touchDownAt !== null && event.timeStamp - touchDownAt >= LONG_PRESS_MS;
    touchDownAt = null;
  };
  const onPointerCancel = () => {
    touchDownAt = null;
    swallowClick = false;
  };
  const onClick = (event: MouseEvent) => {
    if (!swallowClick) return;
    swallowClick = false;
    if (event.target instanceof Element && event.target.closest('[data-long-press="allow"]')) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  // The middle button starts autoscroll on Windows and pastes on Linux.
  const blockMiddleButton = (event: MouseEvent) => {
    if (event.button === 1) event.preventDefault();
  };

  const active = { passive: false } as const;
  // Capture phase: the guards act before any part of the page could stop the event.
  const early = { capture: true, passive: false } as const;
  const listeners: [string, EventListener, AddEventListenerOptions?][] = [
    ['contextmenu', prevent],
    ['dragstart', prevent],
    ['dragover', refuseDrop as EventListener, early],
    ['drop', refuseDrop as EventListener, early],
    ['selectstart', prevent],
    // Safari's own pinch events (iPad browser host).
    ['gesturestart', prevent],
    ['gesturechange', prevent],
    ['wheel', blockZoomWheel as EventListener, active],
    ['touchmove', blockPinch as EventListener, active],
    ['keydown', blockShortcuts as EventListener, early],
    ['pointerdown', onPointerDown as EventListener, early],
    ['pointerup', onPointerUp as EventListener, early],
    ['pointercancel', onPointerCancel, early],
    ['click', onClick as EventListener, early],
    ['mousedown', blockMiddleButton as EventListener],
    ['auxclick', blockMiddleButton as EventListener],
  ];
  for (const [type, listener, options] of listeners) target.addEventListener(type, listener, options);
  return () => {
    for (const [type, listener, options] of listeners) target.removeEventListener(type, listener, options);
  };
}
