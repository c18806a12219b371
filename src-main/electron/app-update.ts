/**
 * App updates (issue 22): electron-updater's generic provider, pointed at the folder the
 * `appUpdateUrl` setting names. Updates are looked for every few hours, downloaded in the
 * background, and installed only when the museum is closed and nobody stands at the kiosk, or at
 * the nightly relaunch; never in front of a visitor. docs/app-updates.md explains the whole path.
 *
 * electron-updater's `autoUpdater` comes in as a parameter (style.md §3), so the tests pass a fake;
 * only main.ts imports electron-updater. Verification is electron-updater's own: it checks the
 * sha512 that latest.yml / latest-linux.yml gives for the downloaded file and refuses a mismatch,
 * and on Windows, when the build is signed (app-update.yml then names the publisher), it checks
 * the installer's Authenticode signature too. Nothing here re-implements that.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppUpdater, UpdateDownloadedEvent } from 'electron-updater';
import type { Logger } from '../core/log';
import { systemClock, type Clock, type TimerHandle } from './clock';

const MINUTE = 60_000;

/** The two AppUpdater events this module listens to, with electron-updater's arguments. */
interface UpdaterEvents {
  'update-downloaded': (info: UpdateDownloadedEvent) => void;
  error: (error: Error, message?: string) => void;
}

/** The part of electron-updater's AppUpdater this module uses. */
export type AppUpdaterLike = Pick<
  AppUpdater,
  'setFeedURL' | 'checkForUpdates' | 'quitAndInstall' | 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'logger'
> & {
  on<E extends keyof UpdaterEvents>(event: E, listener: UpdaterEvents[E]): unknown;
  removeListener<E extends keyof UpdaterEvents>(event: E, listener: UpdaterEvents[E]): unknown;
};

export interface AppUpdateOptions {
  /** The appUpdateUrl setting: the folder holding latest.yml, or null for no updates. Read at each check. */
  url: () => string | null;
  /** True while the opening hours say the museum is open. */
  isOpenNow: () => boolean;
  /** True while the kiosk shows its attract screen (nobody is using it). */
  visitorIdle: () => boolean;
  /** Closes the store cleanly once the installer has started and the app is about to quit. */
  beforeInstall: () => void;
  log: Logger;
  /** Why this installation cannot update itself (see selfUpdateBlocker), or null when it can. */
  unsupported?: string | null;
  clock?: Clock;
  /** The mean time between checks; each wait is 75 % to 125 % of it, so a fleet spreads out. Default 4 h. */
  checkEveryMs?: number;
  /** The first check comes at a random moment within this after start. Default 10 min. */
  startSpreadMs?: number;
  /** How often a downloaded update asks again whether it may install now. Default 5 min. */
  retryInstallMs?: number;
  /** Math.random, or a fixed one in tests. */
  random?: () => number;
}

export type AppUpdateState = 'off' | 'idle' | 'checking' | 'downloading' | 'downloaded' | 'error';

export interface AppUpdateStatus {
  state: AppUpdateState;
  /** The version found or downloaded, else null. */
  version: string | null;
  /** When the last check started (ms since the epoch), else null. */
  lastCheckAt: number | null;
  /** The last failure, for staff: offline, 404, checksum or signature refused, install failed. */
  lastError: string | null;
}

export interface AppUpdates {
  /** Installs a downloaded update now (the nightly relaunch calls it); false when there is none or it failed to start. */
  installIfReady(): boolean;
  /** Plans the next check from the setting now (staff changed appUpdateUrl). */
  reschedule(): void;
  /** Stops every timer and listener (on quit). */
  stop(): void;
  status(): AppUpdateStatus;
}

/**
 * Why this installation cannot replace itself unattended, or null. electron-updater would try:
 * on a deb (or rpm, pacman) install it runs dpkg through sudo or pkexec, which a kiosk user can
 * neither pass nor should be able to (sudo may even wait for a password on the console, with the
 * app's main thread blocked); outside an AppImage on Linux it has no file to replace.
 */
export function selfUpdateBlocker(
  { isPackaged, platform, env, resourcesPath }: { isPackaged: boolean; platform: NodeJS.Platform; env: NodeJS.ProcessEnv; resourcesPath: string },
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): string | null {
  if (!isPackaged) return 'not a packaged build';
  if (platform !== 'linux') return null;
  let packageType: string | null = null;
  try {
    // electron-builder writes resources/package-type for deb, rpm and pacman (electron-updater reads it too).
    packageType = readFile(join(resourcesPath, 'package-type')).trim();
  } catch {
    // No such file: not a system package.
  }
  if (packageType) return `installed as a ${packageType} package, which updates through the system's package manager (docs/app-updates.md)`;
  if (!env.APPIMAGE) return 'not running as an AppImage, the only Linux form that can replace itself';
  return null;
}

/** Looks for app updates, downloads them in the background and installs them when nobody is looking. */
export function scheduleAppUpdates(updater: () => AppUpdaterLike, options: AppUpdateOptions): AppUpdates {
  const { log, clock = systemClock, random = Math.random } = options;
  const checkEveryMs = options.checkEveryMs ?? 4 * 60 * MINUTE;
  const startSpreadMs = options.startSpreadMs ?? 10 * MINUTE;
  const retryInstallMs = options.retryInstallMs ?? 5 * MINUTE;
  const status: AppUpdateStatus = { state: 'off', version: null, lastCheckAt: null, lastError: options.unsupported ?? null };

  let checkTimer: TimerHandle | null = null;
  let installTimer: TimerHandle | null = null;
  let stopped = false;
  /** Set while quitAndInstall runs: an 'error' then means the installer did not start. */
  let installing: { failed: unknown } | null = null;
  let lastErrorSeen: unknown = null;
  let feedUrl: string | null = null;
  let target: AppUpdaterLike | null = null;

  const recordError = (error: unknown, context: string) => {
    if (error === lastErrorSeen) return; // a failed check is both emitted and rejected
    lastErrorSeen = error;
    status.state = 'error';
    status.lastError = error instanceof Error ? error.message : String(error);
    // Offline or a missing file is normal on a museum network: the next check comes as planned.
    log.warn('update', `${context}: ${status.lastError}`);
  };

  /** The setting now, or null when it cannot be read (then nothing is checked or installed). */
  const currentUrl = (): string | null => {
    try {
      return options.url();
    } catch (error) {
      log.warn('update', 'Could not read appUpdateUrl', error);
      return null;
    }
  };

  const onDownloaded = (info: UpdateDownloadedEvent) => {
    // Staff turned updates off while it downloaded: it must not install (a later check offers it again).
    if (stopped || currentUrl() === null) return log.info('update', `Version ${info.version} downloaded, but updates are off now`);
    // latest.yml marks a per-machine NSIS installer (our Windows build, nsis.perMachine) as needing
    // administrator rights: electron-updater would run it through elevate.exe, and Windows would
    // ask for an administrator on the kiosk's screen. That is for staff, never unattended.
    if (info.files?.some((file) => file.isAdminRightsRequired)) {
      return recordError(new Error(`Version ${info.version} needs administrator rights to install; install it by hand (docs/app-updates.md)`), 'App update not installed');
    }
    status.state = 'downloaded';
    status.version = info.version;
    status.lastError = null;
    log.info('update', `Version ${info.version} downloaded and verified; it installs when the museum is closed and the kiosk idle`);
    tryInstall();
  };
  const onError = (error: Error) => {
    if (installing) installing.failed = error;
    else recordError(error, 'App update failed');
  };

  /** electron-updater's autoUpdater, configured once, on the first check (it reads Electron's app when made). */
  const configured = (): AppUpdaterLike => {
    if (target) return target;
    const made = updater();
    made.autoDownload = true; // in the background, as soon as found
    made.autoInstallOnAppQuit = false; // never on an unplanned quit or a staff "leave kiosk"
    made.allowDowngrade = false;
    // Its own error lines become warnings: being offline is normal in a museum, and recordError says what failed.
    made.logger = {
      info: (message?: unknown) => log.info('update', String(message)),
      warn: (message?: unknown) => log.warn('update', String(message)),
      error: (message?: unknown) => log.warn('update', String(message)),
    };
    made.on('update-downloaded', onDownloaded);
    made.on('error', onError);
    return (target = made);
  };

  const planCheck = (ms: number) => {
    if (checkTimer !== null) clock.clearTimeout(checkTimer);
    checkTimer = stopped ? null : clock.setTimeout(check, ms);
  };
  const nextCheckMs = () => checkEveryMs * (0.75 + 0.5 * random());

  /** Never throws: it runs from a timer. */
  const check = () => {
    checkTimer = null;
    planCheck(nextCheckMs());
    const url = currentUrl();
    if (url === null) return void turnOff();
    // Busy already, or waiting to install: nothing to ask the server.
    if (status.state === 'checking' || status.state === 'downloading' || status.state === 'downloaded') return;
    status.state = 'checking';
    status.lastCheckAt = clock.now();
    let pending: ReturnType<AppUpdaterLike['checkForUpdates']>;
    try {
      const active = configured();
      if (url !== feedUrl) {
        active.setFeedURL({ provider: 'generic', url });
        feedUrl = url;
      }
      pending = active.checkForUpdates();
    } catch (error) {
      recordError(error, 'App update check failed');
      return;
    }
    void pending.then(
      (result) => {
        if (status.state !== 'checking') return; // stopped, turned off, or already downloaded meanwhile
        if (result === null) {
          status.state = 'off';
          log.info('update', 'electron-updater is not active in this run; no update looked for');
        } else if (result.isUpdateAvailable) {
          status.state = 'downloading';
          status.version = result.updateInfo.version;
          log.info('update', `Version ${result.updateInfo.version} found; downloading in the background`);
          // Its failure is also emitted as 'error' (handled there); unobserved it would be an unhandled rejection.
          void result.downloadPromise?.catch(() => undefined);
        } else {
          status.state = 'idle';
          status.version = null;
        }
      },
      (error: unknown) => recordError(error, 'App update check failed'),
    );
  };

  /** Installs if the museum is closed and the kiosk idle; otherwise asks again in a few minutes. */
  const tryInstall = () => {
    if (installTimer !== null) clock.clearTimeout(installTimer);
    installTimer = null;
    if (stopped || status.state !== 'downloaded') return;
    let now = false;
    try {
      now = !options.isOpenNow() && options.visitorIdle();
    } catch (error) {
      log.warn('update', 'Could not tell whether the kiosk is free; the update waits', error);
    }
    if (now) install('the museum is closed and the kiosk idle');
    else installTimer = clock.setTimeout(tryInstall, retryInstallMs);
  };

  /**
   * quitAndInstall(isSilent, isForceRunAfter): no installer window, and the app starts again after.
   * electron-updater starts the installer synchronously and quits the app on the next tick; if the
   * installer cannot start, it emits 'error' instead and the app keeps running. So the store is
   * closed only once the installer has started: a failure leaves a working kiosk, not one without
   * its store (and no relaunch loop over an update that cannot install).
   */
  const install = (why: string): boolean => {
    if (!target) return false;
    log.info('update', `Installing version ${status.version} now: ${why}`);
    installing = { failed: null };
    try {
      target.quitAndInstall(true, true);
    } catch (error) {
      installing.failed = error;
    }
    const { failed } = installing;
    installing = null;
    if (failed !== null) {
      recordError(failed, `Installing version ${status.version} failed; the kiosk carries on and tries again after the next check`);
      return false;
    }
    stop(); // the app is quitting: nothing more to plan
    try {
      options.beforeInstall();
    } catch (error) {
      log.error('update', 'Cleaning up before the update failed; installing anyway', error);
    }
    return true;
  };

  const turnOff = () => {
    if (installTimer !== null) clock.clearTimeout(installTimer);
    installTimer = null;
    // A downloaded update is forgotten too: staff turned updates off, so it must not install.
    status.state = 'off';
    status.version = null;
  };

  const firstCheck = () => {
    if (options.unsupported) return log.info('update', `App updates are off: ${options.unsupported}`);
    planCheck(random() * startSpreadMs);
  };

  function stop() {
    stopped = true;
    if (checkTimer !== null) clock.clearTimeout(checkTimer);
    if (installTimer !== null) clock.clearTimeout(installTimer);
    checkTimer = installTimer = null;
    target?.removeListener('update-downloaded', onDownloaded);
    target?.removeListener('error', onError);
  }

  firstCheck();
  return {
    installIfReady: () => !stopped && status.state === 'downloaded' && install('the nightly relaunch'),
    reschedule() {
      if (stopped) return;
      if (currentUrl() === null) turnOff();
      firstCheck();
    },
    stop,
    status: () => ({ ...status }),
  };
}
