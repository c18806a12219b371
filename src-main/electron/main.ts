/**
 * The Electron host's entry: wiring only. Each piece it wires takes the Electron objects it
 * needs as parameters (window, input-lockdown, recovery, gpu-guard, display-sleep, relaunch,
 * app-update, protocol, ipc, security); this is the one file below src-main that imports
 * 'electron' or an Electron-side package (electron-updater).
 */
import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, powerSaveBlocker, protocol, screen, session } from 'electron';
// electron-updater is CommonJS with autoUpdater behind a getter: Node's ESM loader cannot see it
// as a named export (electron-builder#7976), so the bundle must import the module's default.
import electronUpdater from 'electron-updater';
import { KIOSK_SWITCHES } from '../common/chromium-switches';
import { openVitrine, type VitrineCore } from '../core/vitrine';
import { createLogger } from '../core/log';
import { currentEnvironment, defaultDataDir } from '../core/paths';
import { isOpen } from '../core/settings/hours';
import { CRASH_LOG_FILE, openCrashLog } from '../core/staff/crash-log';
import { scheduleAppUpdates, selfUpdateBlocker, type AppUpdates } from './app-update';
import { APP_ENTRY_URL, APP_FALLBACK_URL, APP_SCHEME } from './app-url';
import { runStaffCommand, staffCommandArguments } from './cli-mode';
import { recordChildProcessCrashes } from './crash-records';
import { DisplayAwakeService } from './display-sleep';
import { GPU_STATE_FILE, guardAgainstGpuCrashes } from './gpu-guard';
import { lockDownKioskWindow, pinZoomOnDisplayChanges } from './input-lockdown';
import { bindIpc } from './ipc';
import { isDevLaunch, resolveAppPaths } from './paths';
import { createAppProtocolHandler, registerAppProtocol } from './protocol';
import { superviseKioskWindow } from './recovery';
import { scheduleNightlyRelaunch } from './relaunch';
import { applySessionLockdown, lockDownWebContents } from './security';
import { createKioskWindow, kioskWindowOptions } from './window';

const log = createLogger();
const dev = isDevLaunch({ argv: process.argv, env: process.env, isPackaged: app.isPackaged });
// The same folder the staff CLI and the systemd units use ($VITRINE_DATA, else the platform's
// usual place), so `vitrine staff set-pin` and the kiosk can never disagree about where the store is.
const dataDir = defaultDataDir(currentEnvironment());

// Must happen before `ready`. `standard` + `secure` give vitrine://app a real, secure origin for
// CSP, fetch and storage; bypassCSP stays off so the CSP header binds our own pages too;
// corsEnabled stays off so no other origin can read our files (security checklist: "prefer
// custom protocols" to file://). `stream`: <video> and <audio> expect a custom scheme to buffer
// its answers whole unless it is marked as streaming (Electron's protocol docs), and our answers
// are streams; with it they play and seek with range requests (issue 20), which protocol.ts
// answers itself, as protocol.handle does not (electron/electron#38749).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
// Read as Chromium starts, so before ready: the renderer's memory bounded for a long day (the
// same switches as the browser host's kiosk window and every measured run).
for (const name of KIOSK_SWITCHES) app.commandLine.appendSwitch(name);

let core: VitrineCore | null = null;
/** The app's own updates, scheduled once the store is open (app-update.ts). */
let appUpdates: AppUpdates | null = null;
let window: BrowserWindow | null = null;
/** Crashes kept across relaunches for the staff screen; opened before ready, when they can start. */
let crashLog: ReturnType<typeof openCrashLog> | null = null;
/** What shutDown undoes, in reverse order: services before IPC before the store they read. */
const teardown: (() => void)[] = [];

/** Stops every service, unbinds IPC and closes the store; safe to call more than once. */
function shutDown(): void {
  for (const undo of teardown.splice(0).reverse()) {
    try {
      undo();
    } catch (error) {
      log.error('electron', 'A shutdown step failed', error);
    }
  }
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

  const paths = resolveAppPaths({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath });
  // Staff "leave kiosk": quit the app (before-quit shuts everything down). Where a supervisor
  // restarts it (systemd Restart=always, Shell Launcher), that is a restart; see docs/unattended.md.
  const { electron, chrome, node } = process.versions;
  const host = {
    kind: 'electron' as const,
    versions: { electron: electron ?? 'unknown', chrome: chrome ?? 'unknown', node },
    leaveKiosk: () => app.quit(),
    recentCrashes: () => crashLog?.recent() ?? [],
    // Scheduled below, once the store is open; ISO times for the staff screen.
    appUpdate: () => {
      const status = appUpdates?.status() ?? { state: 'off' as const, version: null, lastCheckAt: null, lastError: null };
      return { ...status, lastCheckAt: status.lastCheckAt === null ? null : new Date(status.lastCheckAt).toISOString() };
    },
    // The visitor's page: Chromium's renderer processes ('Tab'), their working set in kilobytes.
    rendererMemoryBytes: () => {
      const tabs = app.getAppMetrics().filter((p) => p.type === 'Tab');
      return tabs.length === 0 ? null : tabs.reduce((sum, p) => sum + p.memory.workingSetSize * 1024, 0);
    },
  };
  const vitrine = await openVitrine({ dataDir, builtinPackage: paths.builtinPackage, log, host, appVersion: app.getVersion() });
  core = vitrine;
  registerAppProtocol(protocol, createAppProtocolHandler({ rendererDir: paths.rendererDir, mediaDir: vitrine.mediaDir, tilesDir: vitrine.tilesDir, log }));
  teardown.push(bindIpc(ipcMain, vitrine.api, { log }));

  // Every kiosk window, the first and any recovery builds, is locked down the same way.
  const openKioskWindow = (): BrowserWindow => {
    const created = createKioskWindow(BrowserWindow, kioskWindowOptions({ preloadPath: paths.preloadPath, kiosk: !dev, devTools: dev }));
    lockDownKioskWindow(created, { kiosk: !dev, dev });
    created.on('closed', () => {
      if (window === created) window = null;
    });
    return (window = created);
  };
  const first = openKioskWindow();
  const supervisor = superviseKioskWindow({
    window: first, createWindow: openKioskWindow, appUrl: APP_ENTRY_URL, fallbackUrl: APP_FALLBACK_URL, log,
    onFailure: ({ kind, detail }) => crashLog?.record(kind, detail),
  });
  teardown.push(() => supervisor.stop());
  teardown.push(pinZoomOnDisplayChanges(screen, () => window?.webContents ?? null));

  const displayAwake = new DisplayAwakeService(powerSaveBlocker, { openingHours: () => vitrine.settings.get('openingHours'), log });
  displayAwake.start();
  teardown.push(() => displayAwake.stop());
  // Scheduled before the nightly relaunch, which installs a downloaded update instead of a plain
  // relaunch. autoUpdater is a getter that builds the platform's updater: read only on first use,
  // so an installation with updates off (the default) never makes one.
  const updates = scheduleAppUpdates(() => electronUpdater.autoUpdater, {
    url: () => vitrine.settings.get('appUpdateUrl'),
    isOpenNow: () => isOpen(vitrine.settings.get('openingHours'), new Date()),
    visitorIdle: () => vitrine.publisher.visitorState === 'attract',
    beforeInstall: shutDown,
    log,
    unsupported: selfUpdateBlocker({ isPackaged: app.isPackaged, platform: process.platform, env: process.env, resourcesPath: process.resourcesPath }),
  });
  appUpdates = updates;
  teardown.push(() => updates.stop());
  const relaunch = scheduleNightlyRelaunch(app, {
    time: () => vitrine.settings.get('nightlyRelaunch'), log, beforeExit: shutDown, instead: () => updates.installIfReady(),
  });
  teardown.push(() => relaunch.cancel());
  // Staff change these on the staff screen: apply them now, not at the next check or launch.
  teardown.push(vitrine.settings.onChange((key) => {
    if (key === 'openingHours') displayAwake.check();
    if (key === 'nightlyRelaunch') relaunch.reschedule();
    if (key === 'appUpdateUrl') updates.reschedule();
  }));

  await first.loadURL(APP_ENTRY_URL);
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

const staffCommand = staffCommandArguments(process.argv);
if (staffCommand) {
  // `vitrine-kiosk --cli …`: a staff command, not the kiosk (cli-mode.ts).
  void runStaffCommand(app, staffCommand);
} else if (!app.requestSingleInstanceLock()) {
  // A second copy started at login would fight for the screen and the database (kiosk lesson).
  app.quit();
} else {
  // Before `ready`: the only moment hardware acceleration can still be turned off.
  const gpuGuard = guardAgainstGpuCrashes(app, { statePath: join(dataDir, GPU_STATE_FILE), log });
  teardown.push(() => gpuGuard.stop());
  const crashes = openCrashLog(join(dataDir, CRASH_LOG_FILE), { log });
  crashLog = crashes;
  teardown.push(recordChildProcessCrashes(app, crashes));
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
