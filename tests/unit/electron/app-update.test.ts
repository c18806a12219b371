import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import { scheduleAppUpdates, selfUpdateBlocker, type AppUpdaterLike, type AppUpdates } from '../../../src-main/electron/app-update';
import { scheduleNightlyRelaunch } from '../../../src-main/electron/relaunch';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const URL_A = 'https://updates.museum.example/vitrine/';
const URL_B = 'http://10.0.0.5/vitrine/';

/**
 * electron-updater's AppUpdater as this module sees it: the defaults electron-updater starts
 * with, a check that finds `latest` (or nothing), and the events it emits.
 */
class FakeUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = false;
  logger: AppUpdaterLike['logger'] = null;
  /** The version latest.yml offers that is newer than ours, or null for none. */
  latest: string | null = null;
  readonly setFeedURL = vi.fn();
  readonly quitAndInstall = vi.fn((_isSilent?: boolean, _isForceRunAfter?: boolean) => void order.push('quitAndInstall'));
  readonly checkForUpdates = vi.fn(async () => {
    const updateInfo = { version: this.latest ?? '0.1.0', files: [], path: '', sha512: '', releaseDate: '' };
    return this.latest === null
      ? { isUpdateAvailable: false, updateInfo, versionInfo: updateInfo }
      : { isUpdateAvailable: true, updateInfo, versionInfo: updateInfo, downloadPromise: Promise.resolve(['/cache/update']) };
  });

  /** The background download finished and its sha512 matched. */
  downloaded(version = this.latest ?? '0.2.0', { adminRights = false } = {}): void {
    const files = [{ url: `Vitrine-${version}.AppImage`, sha512: 'c2hh', ...(adminRights ? { isAdminRightsRequired: true } : {}) }];
    this.emit('update-downloaded', { version, files, path: '', sha512: '', releaseDate: '', downloadedFile: '/cache/update' });
  }
}

let order: string[];
let fake: FakeUpdater;
let made: number;
let log: ReturnType<typeof createMemoryLogger>;
let url: string | null;
let open: boolean;
let idle: boolean;
let updates: AppUpdates | null;

/** Wednesday 4 March 2026, 12:00 local time. */
const NOON = new Date(2026, 2, 4, 12, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: NOON });
  order = [];
  fake = new FakeUpdater();
  made = 0;
  log = createMemoryLogger();
  url = URL_A;
  open = true;
  idle = true;
  updates = null;
});

afterEach(() => {
  updates?.stop();
  vi.useRealTimers();
});

/** Starts the updates with a fixed "random": first check at 5 min, then every 4 h exactly. */
function start(overrides: Partial<Parameters<typeof scheduleAppUpdates>[1]> = {}) {
  updates = scheduleAppUpdates(() => (made++, fake), {
    url: () => url,
    isOpenNow: () => open,
    visitorIdle: () => idle,
    beforeInstall: () => void order.push('close store'),
    log,
    random: () => 0.5,
    ...overrides,
  });
  return updates;
}

/** Lets the check's promise settle, as electron-updater's would. */
async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('scheduleAppUpdates: checking', () => {
  it('looks for nothing, and makes no updater, while appUpdateUrl is null', async () => {
    url = null;
    const updates = start();
    await advance(48 * HOUR);
    expect(made).toBe(0);
    expect(fake.checkForUpdates).not.toHaveBeenCalled();
    expect(updates.status()).toMatchObject({ state: 'off', lastCheckAt: null });
  });

  it('sets the updater up for a kiosk: background download, never on quit, no downgrade', async () => {
    start();
    await advance(5 * MINUTE);
    expect(fake).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, allowDowngrade: false });
    fake.logger?.warn('net::ERR_INTERNET_DISCONNECTED');
    expect(log.entries).toContainEqual({ level: 'warn', area: 'update', message: 'net::ERR_INTERNET_DISCONNECTED' });
  });

  it('checks soon after start, then every interval, each wait spread at random', async () => {
    // First check at 0.2 of the 10 min spread, then 0.75 and 1.25 of the 4 h interval.
    const draws = [0.2, 0, 1, 0.5];
    start({ random: () => draws.shift() ?? 0.5 });
    await advance(2 * MINUTE - 1);
    expect(fake.checkForUpdates).not.toHaveBeenCalled();
    await advance(1);
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(fake.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: URL_A });
    await advance(3 * HOUR - 1);
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(2);
    await advance(5 * HOUR - 1);
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(2);
    await advance(1);
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(3);
    expect(fake.setFeedURL).toHaveBeenCalledTimes(1); // the same URL is not set again
    expect(updates!.status()).toMatchObject({ state: 'idle', version: null, lastCheckAt: Date.now(), lastError: null });
  });

  it('follows appUpdateUrl when staff change it, and stops when they clear it', async () => {
    const updates = start();
    await advance(5 * MINUTE);
    url = URL_B;
    updates.reschedule();
    await advance(5 * MINUTE); // a fresh first check, not the one 4 h away
    expect(fake.setFeedURL).toHaveBeenLastCalledWith({ provider: 'generic', url: URL_B });
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(2);
    url = null;
    updates.reschedule();
    await advance(48 * HOUR);
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(2);
    expect(updates.status().state).toBe('off');
  });

  it('keeps an error for staff and checks again at the usual time (offline is normal)', async () => {
    // electron-updater both emits a failed check as 'error' and rejects with it: one report, not two.
    fake.checkForUpdates.mockImplementationOnce(async () => {
      const offline = new Error('net::ERR_INTERNET_DISCONNECTED');
      fake.emit('error', offline);
      throw offline;
    });
    const updates = start();
    await advance(5 * MINUTE);
    expect(updates.status()).toMatchObject({ state: 'error', lastError: 'net::ERR_INTERNET_DISCONNECTED' });
    // A failed download (a checksum refused, say) is only emitted, as electron-updater does.
    fake.latest = '0.2.0';
    await advance(4 * HOUR);
    expect(updates.status()).toMatchObject({ state: 'downloading', version: '0.2.0' });
    fake.emit('error', new Error('sha512 checksum mismatch'));
    expect(updates.status()).toMatchObject({ state: 'error', lastError: 'sha512 checksum mismatch' });
    await advance(4 * HOUR);
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(3);
    expect(log.entries.filter((e) => e.area === 'update' && e.level === 'warn').map((e) => e.message)).toEqual([
      'App update failed: net::ERR_INTERNET_DISCONNECTED',
      'App update failed: sha512 checksum mismatch',
    ]);
  });

  it('never throws from its timer when the setting cannot be read', async () => {
    let broken = true;
    start({ url: () => (broken ? (() => { throw new Error('database is locked') })() : URL_A) });
    await advance(5 * MINUTE);
    expect(fake.checkForUpdates).not.toHaveBeenCalled();
    broken = false;
    await advance(4 * HOUR);
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('stops checking and listening on stop()', async () => {
    const updates = start();
    await advance(5 * MINUTE);
    updates.stop();
    await advance(48 * HOUR);
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(fake.listenerCount('update-downloaded') + fake.listenerCount('error')).toBe(0);
  });
});

describe('scheduleAppUpdates: installing only when nobody is looking', () => {
  it('waits while the museum is open, then installs once it is closed and the kiosk idle', async () => {
    fake.latest = '0.2.0';
    const updates = start();
    await advance(5 * MINUTE);
    fake.downloaded();
    expect(updates.status()).toMatchObject({ state: 'downloaded', version: '0.2.0' });
    await advance(5 * HOUR);
    expect(fake.quitAndInstall).not.toHaveBeenCalled();
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(1); // nothing to ask while an update waits
    open = false; // 18:00
    await advance(5 * MINUTE);
    expect(fake.quitAndInstall).toHaveBeenCalledWith(true, true);
    // The store is closed once the installer has started, before the app quits.
    expect(order).toEqual(['quitAndInstall', 'close store']);
  });

  it('waits, when closed, for a visitor still at the kiosk to finish', async () => {
    fake.latest = '0.2.0';
    open = false;
    idle = false;
    start();
    await advance(5 * MINUTE);
    fake.downloaded();
    await advance(HOUR);
    expect(fake.quitAndInstall).not.toHaveBeenCalled();
    idle = true;
    await advance(5 * MINUTE);
    expect(fake.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('installs at once when it arrives with the museum closed and the kiosk idle, and only once', async () => {
    fake.latest = '0.2.0';
    open = false;
    const updates = start();
    await advance(5 * MINUTE);
    fake.downloaded();
    expect(order).toEqual(['quitAndInstall', 'close store']);
    // The app is quitting now: the nightly relaunch finds nothing more to install.
    expect(updates.installIfReady()).toBe(false);
    await advance(24 * HOUR);
    expect(fake.quitAndInstall).toHaveBeenCalledTimes(1);
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('does not install what finishes downloading after staff turned updates off', async () => {
    fake.latest = '0.2.0';
    open = false;
    const updates = start();
    await advance(5 * MINUTE);
    url = null;
    updates.reschedule();
    fake.downloaded();
    await advance(HOUR);
    expect(fake.quitAndInstall).not.toHaveBeenCalled();
    expect(updates.installIfReady()).toBe(false);
    expect(updates.status()).toMatchObject({ state: 'off', version: null });
  });

  it('leaves to staff an update whose installer needs administrator rights (per-machine Windows)', async () => {
    fake.latest = '0.2.0';
    open = false;
    const updates = start();
    await advance(5 * MINUTE);
    fake.downloaded('0.2.0', { adminRights: true });
    await advance(HOUR);
    expect(updates.installIfReady()).toBe(false);
    expect(fake.quitAndInstall).not.toHaveBeenCalled();
    expect(updates.status()).toMatchObject({ state: 'error', lastError: expect.stringMatching(/needs administrator rights/) });
  });

  it('keeps the kiosk running, with its store, when the installer cannot start', async () => {
    fake.latest = '0.2.0';
    fake.quitAndInstall.mockImplementation(() => void fake.emit('error', new Error('APPIMAGE env is not defined')));
    open = false;
    const updates = start();
    await advance(5 * MINUTE);
    fake.downloaded();
    expect(fake.quitAndInstall).toHaveBeenCalledTimes(1);
    expect(order).not.toContain('close store');
    expect(updates.status()).toMatchObject({ state: 'error', lastError: 'APPIMAGE env is not defined' });
    await advance(HOUR);
    expect(fake.quitAndInstall).toHaveBeenCalledTimes(1); // no retry loop; the next check brings it back
  });

  it('installs a downloaded update at the nightly relaunch instead of a plain relaunch', async () => {
    const app = { relaunch: vi.fn(() => void order.push('relaunch')), exit: vi.fn((code?: number) => void order.push(`exit ${code}`)) };
    const updates = start();
    const nightly = scheduleNightlyRelaunch(app, {
      time: () => '03:00', log, beforeExit: () => void order.push('close store'), instead: () => updates.installIfReady(),
    });
    try {
      expect(updates.installIfReady()).toBe(false); // nothing downloaded
      fake.latest = '0.2.0';
      await advance(5 * MINUTE);
      fake.downloaded();
      idle = false; // a visitor keeps the kiosk busy until closing; open stays true
      await advance(15 * HOUR - 5 * MINUTE); // 03:00
      expect(fake.quitAndInstall).toHaveBeenCalledWith(true, true);
      expect(app.relaunch).not.toHaveBeenCalled();
      expect(order).toEqual(['quitAndInstall', 'close store']);
    } finally {
      nightly.cancel();
    }
  });
});

describe('selfUpdateBlocker', () => {
  const packaged = { isPackaged: true, platform: 'linux' as const, env: { APPIMAGE: '/opt/vitrine/Vitrine.AppImage' }, resourcesPath: '/tmp/.mount_Vitrine/resources' };
  const noFile = () => {
    throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  };

  it('lets a packaged AppImage and a Windows install update themselves', () => {
    expect(selfUpdateBlocker(packaged, noFile)).toBeNull();
    expect(selfUpdateBlocker({ ...packaged, platform: 'win32', env: {} }, noFile)).toBeNull();
  });

  it('refuses a development run, a deb install and Linux outside an AppImage', () => {
    expect(selfUpdateBlocker({ ...packaged, isPackaged: false }, noFile)).toMatch(/not a packaged build/);
    const read = vi.fn((_path: string) => 'deb\n');
    expect(selfUpdateBlocker({ ...packaged, env: {}, resourcesPath: '/opt/Vitrine/resources' }, read)).toMatch(/deb package/);
    expect(read).toHaveBeenCalledWith('/opt/Vitrine/resources/package-type');
    expect(selfUpdateBlocker({ ...packaged, env: {} }, noFile)).toMatch(/not running as an AppImage/);
  });

  it('when given, keeps the updater untouched and tells staff why', async () => {
    const updates = start({ unsupported: 'installed as a deb package' });
    await advance(48 * HOUR);
    expect(made).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(updates.status()).toMatchObject({ state: 'off', lastError: 'installed as a deb package' });
  });
});
