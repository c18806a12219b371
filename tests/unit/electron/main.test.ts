import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../../src-main/contract/methods';

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
    exit: vi.fn(),
    getAppPath: () => '/opt/vitrine',
    getPath: vi.fn((name: string) => `/var/lib/vitrine/${name}`),
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    readonly webContents = Object.assign(new EventEmitter(), {
      isDestroyed: () => false,
      setVisualZoomLevelLimits: vi.fn(async () => undefined),
    });
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
    BrowserWindow: FakeWindow,
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
  core: { api: {}, mediaDir: '/var/lib/vitrine/userData/media', close: vi.fn() },
  openVitrine: vi.fn(),
}));

// Getters, so each launch() sees the fake it just made.
vi.mock('electron', () => ({
  get app() { return fx.current.app; },
  get BrowserWindow() { return fx.current.BrowserWindow; },
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

beforeEach(() => {
  vi.stubEnv('VITRINE_DEV', '');
  vi.stubEnv('VITRINE_WINDOWED', '');
  fx.core.close.mockReset();
  fx.openVitrine.mockReset().mockResolvedValue(fx.core);
  // The real logger writes JSON lines to stderr; keep the test output readable.
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
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

  it('registers vitrine: as a privileged scheme before ready, without bypassing CSP', async () => {
    const electron = await launch({ lock: true });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'vitrine', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(electron.order).toEqual(['registerSchemes']);
    electron.markReady();
    await vi.waitFor(() => expect(electron.order.at(-1)).toBe('load vitrine://app/index.html'));
    expect(electron.order.indexOf('registerSchemes')).toBeLessThan(electron.order.indexOf('ready'));
  });

  it('on ready opens the core, serves the protocol, binds IPC and loads a locked kiosk window', async () => {
    const electron = await launch({ lock: true });
    electron.markReady();
    await vi.waitFor(() => expect(electron.windows[0]?.loadURL).toHaveBeenCalledWith('vitrine://app/index.html'));
    expect(fx.openVitrine).toHaveBeenCalledWith(expect.objectContaining({
      dataDir: '/var/lib/vitrine/userData',
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
});
