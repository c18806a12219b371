/**
 * The one kiosk window: its locked-down options (pure, tested) and its creation. Numbers in
 * comments refer to Electron's security checklist, https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

/** The renderer's dark ground, painted before the first frame so a restart never flashes white. */
export const KIOSK_BACKGROUND = '#111111';

export interface KioskWindowInput {
  /** Absolute path of the built preload (out/preload/preload.cjs). */
  preloadPath: string;
  /** Fullscreen kiosk (exhibition) or an ordinary window (development). */
  kiosk: boolean;
  /** Whether devtools may open at all; false on the gallery floor. */
  devTools: boolean;
}

/** Options for the kiosk BrowserWindow: every renderer privilege off, kiosk mode on request. */
export function kioskWindowOptions({ preloadPath, kiosk, devTools }: KioskWindowInput): BrowserWindowConstructorOptions {
  return {
    title: 'Vitrine',
    kiosk,
    fullscreen: kiosk,
    // `kiosk` is only fullscreen on Linux and Windows: keep the frame and menu out of reach too.
    frame: !kiosk,
    autoHideMenuBar: true,
    width: 1280,
    height: 800,
    backgroundColor: KIOSK_BACKGROUND,
    // Shown on ready-to-show, so visitors never see an empty window paint.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true, // §3
      sandbox: true, // §4
      nodeIntegration: false, // §2
      nodeIntegrationInWorker: false, // §2
      nodeIntegrationInSubFrames: false, // §2
      webSecurity: true, // §6
      allowRunningInsecureContent: false, // §8
      experimentalFeatures: false, // §9
      webviewTag: false, // §12: no <webview> can be created at all
      devTools,
      spellcheck: false,
      // A file dropped on the screen must not replace the app.
      navigateOnDragDrop: false,
      // Middle-click would open links in new windows (§14); the kiosk has no use for it.
      disableBlinkFeatures: 'Auxclick',
      // alert()/confirm() would block the only window with a dialog a visitor cannot dismiss.
      disableDialogs: true,
    },
  };
}

/** The BrowserWindow constructor, passed in by main.ts so tests can hand a fake. */
export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/**
 * Creates the kiosk window: no menu, shown when painted. Does not load it. Keys, zoom and
 * always-on-top are locked by input-lockdown.ts, which main.ts applies to every kiosk window.
 */
export function createKioskWindow(Ctor: BrowserWindowConstructor, options: BrowserWindowConstructorOptions): BrowserWindow {
  const window = new Ctor(options);
  // Without a menu, its default accelerators (reload, zoom, devtools, close) are gone as well.
  window.removeMenu();
  window.once('ready-to-show', () => window.show());
  return window;
}
