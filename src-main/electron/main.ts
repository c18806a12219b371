/**
 * The Electron host's entry: wiring only. Each piece it wires takes the Electron objects it
 * needs as parameters (window.ts, protocol.ts, ipc.ts, security.ts); this is the one file
 * below src-main that imports 'electron'.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session } from 'electron';
import { openVitrine, type VitrineCore } from '../core/vitrine';
import { createLogger } from '../core/log';
import { APP_ENTRY_URL, APP_SCHEME } from './app-url';
import { bindIpc } from './ipc';
import { isDevLaunch, resolveAppPaths } from './paths';
import { createAppProtocolHandler, registerAppProtocol } from './protocol';
import { applySessionLockdown, lockDownWebContents } from './security';
import { createKioskWindow, kioskWindowOptions, pinVisualZoom } from './window';

const log = createLogger();
const dev = isDevLaunch({ argv: process.argv, env: process.env, isPackaged: app.isPackaged });

// Must happen before `ready`. `standard` + `secure` give vitrine://app a real, secure origin for
// CSP, fetch and storage; bypassCSP stays off so the CSP header binds our own pages too;
// corsEnabled stays off so no other origin can read our files (security checklist: "prefer
// custom protocols" to file://).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

let core: VitrineCore | null = null;
let window: BrowserWindow | null = null;
let unbindIpc: (() => void) | null = null;

/** Releases the IPC binding and closes the store; safe to call more than once. */
function shutDown(): void {
  unbindIpc?.();
  unbindIpc = null;
  try {
    core?.close();
  } catch (error) {
    log.error('electron', 'Closing the store failed', error);
  }
  core = null;
}

async function start(): Promise<void> {
  await app.whenReady();
  // No application menu: removes its default accelerators (reload, zoom, devtools, quit).
  Menu.setApplicationMenu(null);
  applySessionLockdown(session.defaultSession, log, { dev });

  const paths = resolveAppPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  });
  core = await openVitrine({ dataDir: app.getPath('userData'), builtinPackage: paths.builtinPackage, log });
  const serveApp = createAppProtocolHandler({ rendererDir: paths.rendererDir, mediaDir: core.mediaDir, log });
  registerAppProtocol(protocol, serveApp);
  unbindIpc = bindIpc(ipcMain, core.api, { log });

  const kioskWindow = createKioskWindow(
    BrowserWindow,
    kioskWindowOptions({ preloadPath: paths.preloadPath, kiosk: !dev, devTools: dev }),
  );
  window = kioskWindow;
  kioskWindow.on('closed', () => (window = null));
  kioskWindow.webContents.on('render-process-gone', (_event, details) => {
    log.error('electron', 'Renderer gone', details);
  });
  // Chromium forgets the pinch-zoom limit when displays change (kiosk lesson, electron#11216).
  const repin = () => window && pinVisualZoom(window.webContents);
  screen.on('display-metrics-changed', repin);
  screen.on('display-added', repin);
  screen.on('display-removed', repin);

  await kioskWindow.loadURL(APP_ENTRY_URL);
  log.info('electron', 'Kiosk started', { dev, packaged: app.isPackaged });
}

/** A kiosk must never fail silently: log, tell whoever stands in front of it, exit non-zero. */
function failStartup(error: unknown): void {
  log.error('electron', 'Startup failed', error);
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Vitrine could not start', `${message}\n\nThe details are in the kiosk's log.`);
  shutDown();
  // exit(1), not quit(): a supervisor (systemd Restart=on-failure) must see the failure.
  app.exit(1);
}

// A second copy started at login would fight for the screen and the database (kiosk lesson).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // Every web contents, including any Chromium creates on its own, is locked down at birth.
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, log));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', shutDown);
  start().catch(failStartup);
}
