import { EventEmitter } from 'node:events';
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import {
  applySessionLockdown, lockDownWebContents, type LockableContents, type LockableSession,
} from '../../../src-main/electron/security';

type Listener = (...args: any[]) => any;

/** A session that records the handlers the lockdown installs. */
function fakeSession() {
  const installed: Record<string, Listener> = {};
  const record = (name: string) => vi.fn((fn: Listener) => void (installed[name] = fn));
  const events = new EventEmitter();
  const session = {
    setPermissionRequestHandler: record('permissionRequest'),
    setPermissionCheckHandler: record('permissionCheck'),
    setDevicePermissionHandler: record('devicePermission'),
    on: (name: string, fn: Listener) => events.on(name, fn),
    webRequest: { onBeforeRequest: record('beforeRequest') },
  };
  return { session: session as unknown as LockableSession, installed, events };
}

/** Runs the installed onBeforeRequest listener; true when the request was cancelled. */
function cancels(installed: Record<string, Listener>, url: string, resourceType = 'xhr'): boolean {
  let cancel: boolean | undefined;
  installed.beforeRequest!({ url, resourceType }, (response: { cancel?: boolean }) => (cancel = response.cancel));
  return cancel === true;
}

const preventable = (extra: object = {}) => ({ preventDefault: vi.fn(), ...extra });

describe('applySessionLockdown', () => {
  let log: ReturnType<typeof createMemoryLogger>;
  beforeEach(() => (log = createMemoryLogger()));

  it('denies every permission request and logs it', () => {
    const { session, installed } = fakeSession();
    applySessionLockdown(session, log, { dev: false });
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      installed.permissionRequest!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(log.entries.filter((entry) => entry.message.includes('permission'))).toHaveLength(5);
  });

  it('answers every permission and device check with "no"', () => {
    const { session, installed } = fakeSession();
    applySessionLockdown(session, log, { dev: false });
    expect(installed.permissionCheck!(null, 'clipboard-read', 'vitrine://app', {})).toBe(false);
    expect(installed.devicePermission!({ deviceType: 'usb', origin: 'vitrine://app' })).toBe(false);
  });

  it('lets requests to the app\'s own origin through', () => {
    const { session, installed } = fakeSession();
    applySessionLockdown(session, log, { dev: false });
    expect(cancels(installed, 'vitrine://app/index.html', 'mainFrame')).toBe(false);
    expect(cancels(installed, 'vitrine://app/media/ab.jpg', 'image')).toBe(false);
  });

  it('cancels the internet, local files and every other scheme, and logs them', () => {
    const { session, installed } = fakeSession();
    applySessionLockdown(session, log, { dev: false });
    for (const url of [
      'https://evil.example/x.js', 'http://127.0.0.1:8080/', 'wss://evil.example/', 'file:///etc/passwd',
      'ftp://evil.example/', 'devtools://devtools/bundled/inspector.html', 'javascript:alert(1)', 'not a url',
      'vitrine://evil/index.html',
    ]) {
      expect(cancels(installed, url), url).toBe(true);
    }
    expect(log.entries.filter((entry) => entry.area === 'security' && entry.level === 'warn')).toHaveLength(9);
  });

  it('cancels http, https, ws and wss to any host, loopback included, for every kind of request', () => {
    const { session, installed } = fakeSession();
    applySessionLockdown(session, log, { dev: false });
    const types = ['mainFrame', 'subFrame', 'stylesheet', 'script', 'image', 'font', 'xhr', 'media', 'webSocket', 'ping', 'other'];
    for (const url of ['http://127.0.0.1:4380/api/getExhibit', 'http://localhost/', 'https://www.loc.gov/exhibits/', 'ws://127.0.0.1:9229/', 'wss://evil.example/socket']) {
      for (const type of types) expect(cancels(installed, url, type), `${type} ${url}`).toBe(true);
    }
  });

  it('cancels file: for every kind of request, images included', () => {
    const { session, installed } = fakeSession();
    applySessionLockdown(session, log, { dev: false });
    for (const type of ['mainFrame', 'subFrame', 'image', 'script', 'xhr', 'media']) {
      expect(cancels(installed, 'file:///home/kiosk/.ssh/id_ed25519', type), type).toBe(true);
    }
  });

  it('cancels look-alikes of the app origin', () => {
    const { session, installed } = fakeSession();
    applySessionLockdown(session, log, { dev: false });
    for (const url of ['vitrine://app.evil/index.html', 'vitrine://user@app/index.html', 'vitrine://app:8080/index.html', 'vitrine://apps/index.html', 'vitrine:app/index.html']) {
      expect(cancels(installed, url, 'mainFrame'), url).toBe(true);
    }
  });

  it('allows data: and blob: for images only', () => {
    const { session, installed } = fakeSession();
    applySessionLockdown(session, log, { dev: false });
    expect(cancels(installed, 'data:image/png;base64,iVBORw0KGgo=', 'image')).toBe(false);
    expect(cancels(installed, 'blob:vitrine://app/1234', 'image')).toBe(false);
    expect(cancels(installed, 'data:text/javascript,alert(1)', 'script')).toBe(true);
    expect(cancels(installed, 'data:text/html,<h1>hi</h1>', 'mainFrame')).toBe(true);
    for (const type of ['subFrame', 'xhr', 'stylesheet', 'font', 'media', 'webSocket', 'other']) {
      expect(cancels(installed, 'data:application/json,{}', type), `data: ${type}`).toBe(true);
      expect(cancels(installed, 'blob:vitrine://app/1234', type), `blob: ${type}`).toBe(true);
    }
  });

  it('lets devtools load only in development', () => {
    const { session, installed } = fakeSession();
    applySessionLockdown(session, log, { dev: true });
    expect(cancels(installed, 'devtools://devtools/bundled/inspector.html', 'mainFrame')).toBe(false);
    expect(cancels(installed, 'https://evil.example/', 'mainFrame')).toBe(true);
  });

  it('blocks downloads', () => {
    const { session, events } = fakeSession();
    applySessionLockdown(session, log, { dev: false });
    const event = preventable();
    events.emit('will-download', event, { getURL: () => 'vitrine://app/media/x.jpg' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('lockDownWebContents', () => {
  let contents: EventEmitter & { setWindowOpenHandler: ReturnType<typeof vi.fn> };
  let openHandler: (details: HandlerDetails) => WindowOpenHandlerResponse;
  let log: ReturnType<typeof createMemoryLogger>;

  beforeEach(() => {
    log = createMemoryLogger();
    contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: vi.fn((fn: typeof openHandler) => void (openHandler = fn)),
    });
    lockDownWebContents(contents as unknown as LockableContents, log);
  });

  const navigate = (name: string, url: string, extra: object = {}) => {
    const event = preventable({ url, isMainFrame: true, ...extra });
    contents.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0;
  };

  it('prevents navigation and redirects to any other origin', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'vitrine://app.evil/', 'vitrine://other/index.html', 'javascript:alert(1)']) {
        expect(navigate(name, url), `${name} ${url}`).toBe(true);
      }
    }
    expect(log.entries.some((entry) => entry.message.includes('navigation'))).toBe(true);
  });

  it('prevents navigation to plain http, ws, data:, blob: and about: addresses, in the page and in frames', () => {
    const urls = ['http://127.0.0.1:4380/', 'http://localhost/', 'ws://evil.example/', 'wss://evil.example/', 'data:text/html,<h1>hi</h1>', 'blob:vitrine://app/1234', 'about:blank'];
    for (const url of urls) {
      expect(navigate('will-navigate', url), `will-navigate ${url}`).toBe(true);
      expect(navigate('will-redirect', url), `will-redirect ${url}`).toBe(true);
      expect(navigate('will-frame-navigate', url, { isMainFrame: false }), `will-frame-navigate ${url}`).toBe(true);
    }
  });

  it('denies window.open of data: and file: addresses too', () => {
    for (const url of ['data:text/html,<h1>hi</h1>', 'file:///etc/passwd', 'http://127.0.0.1:4380/']) {
      expect(openHandler({ url } as HandlerDetails), url).toEqual({ action: 'deny' });
    }
  });

  it('lets the app move within its own origin', () => {
    expect(navigate('will-navigate', 'vitrine://app/index.html#/topic/famine')).toBe(false);
    expect(navigate('will-redirect', 'vitrine://app/index.html')).toBe(false);
  });

  it('prevents a subframe from navigating off the app', () => {
    expect(navigate('will-frame-navigate', 'https://evil.example/', { isMainFrame: false })).toBe(true);
    expect(navigate('will-frame-navigate', 'vitrine://app/index.html', { isMainFrame: false })).toBe(false);
  });

  it('denies every window.open', () => {
    const response = openHandler({ url: 'https://www.loc.gov/exhibits/archives/sovi.html' } as HandlerDetails);
    expect(response).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'vitrine://app/index.html' } as HandlerDetails)).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('destroys a window that slipped past the open handler', () => {
    const window = { destroy: vi.fn() };
    contents.emit('did-create-window', window, {});
    expect(window.destroy).toHaveBeenCalled();
  });

  it('does not let a page\'s beforeunload hold the kiosk', () => {
    const event = preventable();
    contents.emit('will-prevent-unload', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
