import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../../src-main/contract/methods';
import { defaultSettings } from '../../../src-main/core/settings/schema';
import { FakeWindow, key } from './fakes';

/** A fresh fake of the parts of 'electron' main.ts uses, recording the order of calls. */
function makeElectron(options: { lock: boolean }) {
  const order: string[] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => options.lock),
    whenReady: vi.fn(() => ready.then(() => void order.push('ready'))),
    quit: vi.fn(),
    exit: vi.fn((code: number) => void order.push(`exit ${code}`)),
    relaunch: vi.fn(() => void order.push('relaunch')),
    disableHardwareAcceleration: vi.fn(() => void order.push('disableHardwareAcceleration')),
    commandLine: { appendSwitch: vi.fn((name: string) => void order.push(`switch ${name}`)) },
    getAppPath: () => '/opt/vitrine',
    getPath: vi.fn((name: string) => (name === 'userData' ? fx.userData : `/var/lib/vitrine/${name}`)),
    getVersion: () => '9.8.7',
    getAppMetrics: vi.fn(() => [
      { type: 'Browser', memory: { workingSetSize: 100_000 } },
      { type: 'Tab', memory: { workingSetSize: 200_000 } },
      { type: 'GPU', memory: { workingSetSize: 50_000 } },
    ]),
  });
  const windows: ElectronWindow[] = [];
  class ElectronWindow extends FakeWindow {
    readonly removeMenu = vi.fn();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => true);
    readonly loadURL = vi.fn(async (url: string) => void order.push(`load ${url}`));
    constructor(readonly options: { kiosk?: boolean; webPreferences?: { devTools?: boolean } }) {
      super();
      windows.push(this);
    }
  }
  return {
    order,
    markReady,
    windows,
    app,
    BrowserWindow: ElectronWindow,
    powerSaveBlocker: { start: vi.fn(() => 42), stop: vi.fn() },
    Menu: { setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => void order.push('registerSchemes')),
      handle: vi.fn(() => void order.push('protocol.handle')),
    },
    screen: new EventEmitter(),
    session: {
      defaultSession: Object.assign(new EventEmitter(), {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      }),
    },
  };
}

const fx = vi.hoisted(() => ({
  current: null as unknown as ReturnType<typeof makeElectron>,
  userData: '',
  settings: {} as Record<string, unknown>,
  /** What main.ts listens to on the core's settings (staff changing them). */
  settingListeners: new Set<(key: string) => void>(),
  core: {
    api: {},
    mediaDir: '/var/lib/vitrine/userData/media',
    tilesDir: '/var/lib/vitrine/userData/tiles',
    close: vi.fn(),
    settings: {
      get: (name: string): unknown => fx.settings[name],
      onChange: (listener: (key: string) => void) => (fx.settingListeners.add(listener), () => void fx.settingListeners.delete(listener)),
    },
  },
  openVitrine: vi.fn(),
}));

// Getters, so each launch() sees the fake it just made.
vi.mock('electron', () => ({
  get app() { return fx.current.app; },
  get BrowserWindow() { return fx.current.BrowserWindow; },
  get powerSaveBlocker() { return fx.current.powerSaveBlocker; },
  get Menu() { return fx.current.Menu; },
  get dialog() { return fx.current.dialog; },
  get ipcMain() { return fx.current.ipcMain; },
  get protocol() { return fx.current.protocol; },
  get screen() { return fx.current.screen; },
  get session() { return fx.current.session; },
}));
vi.mock('../../../src-main/core/vitrine', () => ({ openVitrine: fx.openVitrine }));

async function launch(options: { lock: boolean }) {
  fx.current = makeElectron(options);
  vi.resetModules();
  await import('../../../src-main/electron/main');
  return fx.current;
}

/** Launches, lets the app become ready at local time `now`, and waits for the kiosk page to load. */
async function started(now: Date) {
  const electron = await launch({ lock: true });
  vi.useFakeTimers({ now });
  electron.markReady();
  await vi.waitFor(() => expect(electron.windows[0]?.loadURL).toHaveBeenCalled());
  return { electron, window: electron.windows[0]! };
}

/** Wednesday 4 March 2026 at noon, local time: the museum is open (08:00-20:00 by default). */
const WEDNESDAY_NOON = new Date(2026, 2, 4, 12, 0);

beforeEach(() => {
  fx.userData = mkdtempSync(join(tmpdir(), 'vitrine-main-'));
  fx.settings = { ...defaultSettings() };
  fx.settingListeners.clear();
  vi.stubEnv('VITRINE_DEV', '');
  vi.stubEnv('VITRINE_WINDOWED', '');
  // main.ts picks its data folder as the staff CLI does: $VITRINE_DATA first.
  vi.stubEnv('VITRINE_DATA', fx.userData);
  fx.core.close.mockReset();
  fx.openVitrine.mockReset().mockResolvedValue(fx.core);
  // The real logger writes JSON lines to stderr; keep the test output readable.
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
  // Quit, so no service of this launch outlives its test.
  fx.current.app.emit('before-quit');
  vi.useRealTimers();
  rmSync(fx.userData, { recursive: true, force: true });
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('main.ts', () => {
  it('quits at once when another copy holds the single-instance lock', async () => {
    const electron = await launch({ lock: false });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(fx.openVitrine).not.toHaveBeenCalled();
  });

  it('registers vitrine: as a privileged scheme before ready, streaming for media elements, without bypassing CSP', async () => {
    const electron = await launch({ lock: true });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'vitrine', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(electron.order).toEqual(['registerSchemes', 'switch enable-low-end-device-mode', 'switch disable-rgba-4444-textures']);
    electron.markReady();
    await vi.waitFor(() => expect(electron.order.at(-1)).toBe('load vitrine://app/index.html'));
    expect(electron.order.indexOf('registerSchemes')).toBeLessThan(electron.order.indexOf('ready'));
  });

  it('on ready opens the core, serves the protocol, binds IPC and loads a locked kiosk window', async () => {
    const electron = await launch({ lock: true });
    electron.markReady();
    await vi.waitFor(() => expect(electron.windows[0]?.loadURL).toHaveBeenCalledWith('vitrine://app/index.html'));
    expect(fx.openVitrine).toHaveBeenCalledWith(expect.objectContaining({
      dataDir: fx.userData,
      builtinPackage: expect.stringMatching(/out[\\/]exhibit$/),
    }));
    expect(electron.protocol.handle).toHaveBeenCalledWith('vitrine', expect.any(Function));
    expect(electron.ipcMain.handle).toHaveBeenCalledWith(IPC_CHANNEL, expect.any(Function));
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(electron.windows[0]?.options).toMatchObject({ kiosk: true, webPreferences: { devTools: false } });
    // The protocol answers before the window asks it for the page.
    expect(electron.order.indexOf('protocol.handle')).toBeLessThan(electron.order.indexOf('load vitrine://app/index.html'));
  });

  it('locks down every web contents Electron creates', async () => {
    const electron = await launch({ lock: true });
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('shows a startup failure on screen and exits non-zero, never silently', async () => {
    fx.openVitrine.mockRejectedValue(new Error('database disk image is malformed'));
    const electron = await launch({ lock: true });
    electron.markReady();
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Vitrine could not start',
      expect.stringContaining('database disk image is malformed'),
    );
    expect(electron.windows).toHaveLength(0);
  });

  it('closes the store once when quitting, and quits when the window is gone', async () => {
    const electron = await launch({ lock: true });
    electron.markReady();
    await vi.waitFor(() => expect(electron.windows[0]?.loadURL).toHaveBeenCalled());
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalled();
    electron.app.emit('before-quit');
    electron.app.emit('before-quit');
    expect(fx.core.close).toHaveBeenCalledTimes(1);
    expect(electron.ipcMain.removeHandler).toHaveBeenCalledWith(IPC_CHANNEL);
  });

  it('brings the kiosk window back when a second copy is started', async () => {
    const electron = await launch({ lock: true });
    electron.markReady();
    await vi.waitFor(() => expect(electron.windows[0]?.loadURL).toHaveBeenCalled());
    electron.app.emit('second-instance');
    expect(electron.windows[0]?.restore).toHaveBeenCalled();
    expect(electron.windows[0]?.focus).toHaveBeenCalled();
  });

  it('starts without hardware acceleration, before ready, after 3 GPU crashes in the last day', async () => {
    const recent = new Date(Date.now() - 3_600_000).toISOString();
    mkdirSync(fx.userData, { recursive: true });
    writeFileSync(join(fx.userData, 'gpu-crashes.json'), JSON.stringify({ version: 1, crashes: [recent, recent, recent] }));
    const electron = await launch({ lock: true });
    expect(electron.order).toEqual(['registerSchemes', 'switch enable-low-end-device-mode', 'switch disable-rgba-4444-textures', 'disableHardwareAcceleration']);
  });

  it('keeps hardware acceleration on without a crash record, and counts GPU crashes of this run', async () => {
    const electron = await launch({ lock: true });
    expect(electron.app.disableHardwareAcceleration).not.toHaveBeenCalled();
    for (let i = 0; i < 3; i++) electron.app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    const next = await launch({ lock: true });
    expect(next.app.disableHardwareAcceleration).toHaveBeenCalledTimes(1);
  });

  it('locks the kiosk window: keys filtered, always on top, zoom pinned again on a display change', async () => {
    const { electron, window } = await started(WEDNESDAY_NOON);
    const event = { preventDefault: vi.fn() };
    window.webContents.emit('before-input-event', event, key('r', { control: true }));
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
    electron.screen.emit('display-metrics-changed', {}, {}, ['scaleFactor']);
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
  });

  it('reloads a crashed kiosk page after a second, and keeps the replacement window reachable', async () => {
    const { electron, window } = await started(WEDNESDAY_NOON);
    window.webContents.crash('oom');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(window.webContents.loaded).toEqual(['vitrine://app/index.html']);
    // A second crash right after: the reload did not hold, so the window is replaced…
    window.webContents.crash('crashed');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(electron.windows).toHaveLength(2);
    const replacement = electron.windows[1]!;
    expect(replacement.webContents.loaded).toEqual(['vitrine://app/index.html']);
    // …without the app quitting, and locked down like the first.
    expect(electron.app.quit).not.toHaveBeenCalled();
    expect(replacement.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
    electron.app.emit('second-instance');
    expect(replacement.focus).toHaveBeenCalled();
  });

  it('keeps the display awake during opening hours, and lets it go on quit', async () => {
    const { electron } = await started(WEDNESDAY_NOON);
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    electron.app.emit('before-quit');
    expect(electron.powerSaveBlocker.stop).toHaveBeenCalledWith(42);
  });

  it('relaunches at the nightly time, closing the store first', async () => {
    fx.settings.nightlyRelaunch = '03:00';
    const { electron } = await started(new Date(2026, 2, 4, 2, 0));
    // (Waiting for the load let the fake clock run a few milliseconds.)
    await vi.advanceTimersByTimeAsync(3_600_000 - 1_000);
    expect(electron.app.relaunch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fx.core.close).toHaveBeenCalledTimes(1);
    expect(electron.order.slice(-2)).toEqual(['relaunch', 'exit 0']);
  });

  it('tells the core it is Electron, with its versions, and the crashes it saw, also after a relaunch', async () => {
    const { electron, window } = await started(WEDNESDAY_NOON);
    const host = fx.openVitrine.mock.calls[0]![0].host;
    expect(host).toMatchObject({ kind: 'electron', versions: { node: process.versions.node } });
    expect(Object.keys(host.versions)).toEqual(['electron', 'chrome', 'node']);
    expect(host.recentCrashes()).toEqual([]);
    // For the metrics (issue 22): the app's version, and the visitor's page's memory alone.
    expect(fx.openVitrine.mock.calls[0]![0].appVersion).toBe('9.8.7');
    expect(host.rendererMemoryBytes()).toBe(200_000 * 1024);
    electron.app.getAppMetrics.mockReturnValue([]);
    expect(host.rendererMemoryBytes()).toBeNull();
    // The app's own updates, off without appUpdateUrl, as the staff screen shows them.
    expect(host.appUpdate()).toMatchObject({ state: 'off', version: null, lastCheckAt: null });
    electron.app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 5 });
    window.webContents.crash('oom', 137);
    expect(host.recentCrashes().map((c: { kind: string; detail: string }) => `${c.kind}: ${c.detail}`)).toEqual(['renderer: oom, exit code 137', 'gpu: crashed, exit code 5']);
    electron.app.emit('before-quit');

    // The relaunch that follows a crash: a new process, the same data folder.
    vi.useRealTimers();
    const next = await launch({ lock: true });
    next.markReady();
    await vi.waitFor(() => expect(fx.openVitrine).toHaveBeenCalledTimes(2));
    expect(fx.openVitrine.mock.calls[1]![0].host.recentCrashes()).toHaveLength(2);
  });

  it('applies the opening hours and the relaunch time staff change, at once', async () => {
    const { electron } = await started(WEDNESDAY_NOON);
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledTimes(1);
    const changed = (key: string) => fx.settingListeners.forEach((listener) => listener(key));
    fx.settings.openingHours = { ...defaultSettings().openingHours, wednesday: null };
    changed('openingHours');
    expect(electron.powerSaveBlocker.stop).toHaveBeenCalledWith(42);
    fx.settings.nightlyRelaunch = '12:30';
    changed('nightlyRelaunch');
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(electron.order.slice(-2)).toEqual(['relaunch', 'exit 0']);
  });

  it('stops every service on quit: no timer, display or GPU listener left behind', async () => {
    fx.settings.nightlyRelaunch = '03:00';
    const { electron, window } = await started(WEDNESDAY_NOON);
    electron.app.emit('before-quit');
    expect(vi.getTimerCount()).toBe(0);
    expect(electron.screen.eventNames()).toEqual([]);
    expect(electron.app.listenerCount('child-process-gone')).toBe(0);
    expect(window.webContents.listenerCount('render-process-gone')).toBe(0);
    expect(fx.settingListeners.size).toBe(0);
  });
});
