/**
 * Keyboard, zoom and stacking lockdown of the kiosk window. `kiosk: true` is only fullscreen on
 * Windows and Linux (kiosk.md): a keyboard left on the plinth could still reload, zoom, print,
 * open devtools or close the app. Keys are checked against a short allowlist in
 * `before-input-event`, before the page or Chromium sees them. What the OS handles itself
 * (Ctrl+Alt+Del, Alt+Tab, the Super key, VT switching) never reaches the app: docs/ explains
 * how to lock the operating system around it.
 */
import type { BrowserWindow, Input, Screen, WebContents } from 'electron';

export type KeyInput = Pick<Input, 'key' | 'control' | 'alt' | 'meta' | 'shift'>;

/**
 * Named keys keyboard and switch-access visitors need: move focus (Tab, Shift+Tab), activate
 * (Enter; Space is a printable character), arrows, dismiss (Escape), scroll, and editing a
 * future search box (Backspace and Delete do not navigate in Chromium since M52). Shift alone is
 * part of Shift+Tab; a dead key composes accented letters on international layouts.
 */
const ALLOWED_KEYS: ReadonlySet<string> = new Set([
  'Tab', 'Enter', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight',
  'Home', 'End', 'PageUp', 'PageDown', 'Backspace', 'Delete', 'Shift', 'Dead',
]);

/** One visible character, e.g. "a", "É", "?", " ", "ß"; not "F5", "BrowserBack", "Unidentified". */
function isPrintable(key: string): boolean {
  const chars = [...key];
  if (chars.length !== 1) return false;
  const code = chars[0]!.codePointAt(0)!;
  return code >= 0x20 && code !== 0x7f;
}

/** F12, Ctrl+Shift+I (Windows, Linux) or Cmd+Alt+I (macOS): the devtools toggle. */
export function isDevToolsShortcut({ key, control, alt, meta, shift }: KeyInput): boolean {
  if (key === 'F12') return !control && !alt && !meta;
  const i = key.toLowerCase() === 'i';
  return i && ((control && shift && !alt && !meta) || (meta && alt && !control));
}

/**
 * Whether a key may reach the page. Any Ctrl, Alt or Meta combination is refused (reload, zoom,
 * print, find, new window, close, Alt+F4, Alt+Left "back"), and so is every key not on the
 * list: F1-F12, BrowserBack/Forward/Refresh, ContextMenu, media keys. In development the
 * devtools shortcut is allowed too. AltGr arrives as Ctrl+Alt on Windows, so AltGr characters
 * are refused there: the kiosk's own search will have an on-screen keyboard.
 */
export function isAllowedInput(input: KeyInput, { dev = false }: { dev?: boolean } = {}): boolean {
  if (dev && isDevToolsShortcut(input)) return true;
  if (input.control || input.alt || input.meta) return false;
  return ALLOWED_KEYS.has(input.key) || isPrintable(input.key);
}

export type ZoomableContents = Pick<WebContents, 'setVisualZoomLevelLimits' | 'setZoomFactor' | 'isDestroyed'>;

/**
 * Zoom stays at 100 % and pinch-zoom is off: a pinched kiosk has no way back for the next
 * visitor. Chromium forgets the pinch limit after a load and after a display change
 * (electron#8793, #11216), hence the two triggers below.
 */
export function pinZoom(contents: ZoomableContents): void {
  if (contents.isDestroyed()) return;
  contents.setZoomFactor(1);
  void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
}

export type LockableWindow = Pick<BrowserWindow, 'setAlwaysOnTop'> & {
  webContents: ZoomableContents & Pick<WebContents, 'on' | 'toggleDevTools'>;
};

export interface WindowLockdownOptions {
  /** Exhibition mode: the window also stays above every other window. */
  kiosk: boolean;
  /** Development launch: the devtools shortcut toggles devtools. */
  dev: boolean;
}

/** Applies the key allowlist, zoom pinning after every load and, in kiosk mode, always-on-top. */
export function lockDownKioskWindow(window: LockableWindow, { kiosk, dev }: WindowLockdownOptions): void {
  const contents = window.webContents;
  // Refused keys are not logged: a visitor drumming on a keyboard would flood the log.
  contents.on('before-input-event', (event, input) => {
    if (!isAllowedInput(input, { dev })) return event.preventDefault();
    if (dev && input.type === 'keyDown' && isDevToolsShortcut(input)) {
      // No application menu (main.ts), so nothing else would answer the shortcut.
      event.preventDefault();
      contents.toggleDevTools();
    }
  });
  contents.on('did-finish-load', () => pinZoom(contents));
  // 'screen-saver' is above the taskbar and notification popups on Windows and Linux.
  if (kiosk) window.setAlwaysOnTop(true, 'screen-saver');
}

/** Pins zoom again on every display change; returns a function that stops listening. */
export function pinZoomOnDisplayChanges(
  screen: Pick<Screen, 'on' | 'removeListener'>,
  currentContents: () => ZoomableContents | null,
): () => void {
  const repin = () => {
    const contents = currentContents();
    if (contents) pinZoom(contents);
  };
  screen.on('display-added', repin);
  screen.on('display-removed', repin);
  screen.on('display-metrics-changed', repin);
  return () => {
    screen.removeListener('display-added', repin);
    screen.removeListener('display-removed', repin);
    screen.removeListener('display-metrics-changed', repin);
  };
}
