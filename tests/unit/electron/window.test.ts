import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  KIOSK_BACKGROUND, createKioskWindow, kioskWindowOptions, type BrowserWindowConstructor,
} from '../../../src-main/electron/window';

const preloadPath = '/opt/vitrine/out/preload/preload.cjs';

describe('kioskWindowOptions', () => {
  it('locks every renderer privilege, in kiosk and in development alike', () => {
    for (const kiosk of [true, false]) {
      const prefs = kioskWindowOptions({ preloadPath, kiosk, devTools: !kiosk }).webPreferences;
      expect(prefs).toMatchObject({
        preload: preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    }
  });

  it('fills the screen in kiosk mode with devtools switched off', () => {
    const options = kioskWindowOptions({ preloadPath, kiosk: true, devTools: false });
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true });
    expect(options.webPreferences?.devTools).toBe(false);
  });

  it('is an ordinary window with devtools in development', () => {
    const options = kioskWindowOptions({ preloadPath, kiosk: false, devTools: true });
    expect(options).toMatchObject({ kiosk: false, fullscreen: false });
    expect(options.webPreferences?.devTools).toBe(true);
  });

  it('stays hidden on the dark ground until the first paint', () => {
    const options = kioskWindowOptions({ preloadPath, kiosk: true, devTools: false });
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe(KIOSK_BACKGROUND);
  });
});

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  readonly webContents = new EventEmitter();
  readonly removeMenu = vi.fn();
  readonly show = vi.fn();
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.created.push(this);
  }
}

describe('createKioskWindow', () => {
  const make = () => {
    const options = kioskWindowOptions({ preloadPath, kiosk: true, devTools: false });
    createKioskWindow(FakeWindow as unknown as BrowserWindowConstructor, options);
    return { window: FakeWindow.created.at(-1)!, options };
  };

  it('builds the window from the given options, without a menu', () => {
    const { window, options } = make();
    expect(window.options).toBe(options);
    expect(window.removeMenu).toHaveBeenCalled();
  });

  it('shows the window only once it has painted', () => {
    const { window } = make();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });
});
