import { EventEmitter } from 'node:events';
import type { Screen } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  isAllowedInput, lockDownKioskWindow, pinZoomOnDisplayChanges, type LockableWindow, type ZoomableContents,
} from '../../../src-main/electron/input-lockdown';
import { FakeWebContents, FakeWindow, key } from './fakes';

const ctrl = { control: true };
const alt = { alt: true };
const meta = { meta: true };
const shift = { shift: true };

describe('isAllowedInput', () => {
  it.each([
    ['Tab', key('Tab')],
    ['Shift+Tab', key('Tab', shift)],
    ['Enter', key('Enter')],
    ['Space', key(' ')],
    ['ArrowUp', key('ArrowUp')],
    ['ArrowDown', key('ArrowDown')],
    ['ArrowLeft', key('ArrowLeft')],
    ['ArrowRight', key('ArrowRight')],
    ['Escape', key('Escape')],
    ['Home', key('Home')],
    ['End', key('End')],
    ['PageUp', key('PageUp')],
    ['PageDown', key('PageDown')],
    ['a letter', key('a')],
    ['a capital with Shift', key('Q', shift)],
    ['a digit', key('7')],
    ['punctuation', key('?', shift)],
    ['an accented letter', key('é')],
    ['a Cyrillic letter', key('ж')],
    ['Backspace in a search box', key('Backspace')],
    ['Delete in a search box', key('Delete')],
    ['Shift on its own', key('Shift', shift)],
  ])('lets %s reach the page', (_name, input) => {
    expect(isAllowedInput(input)).toBe(true);
  });

  it.each([
    ['reload (Ctrl+R)', key('r', ctrl)],
    ['hard reload (Ctrl+Shift+R)', key('R', { ...ctrl, ...shift })],
    ['reload (F5)', key('F5')],
    ['reload (Cmd+R)', key('r', meta)],
    ['zoom in (Ctrl+=)', key('=', ctrl)],
    ['zoom in (Ctrl++)', key('+', { ...ctrl, ...shift })],
    ['zoom out (Ctrl+-)', key('-', ctrl)],
    ['zoom reset (Ctrl+0)', key('0', ctrl)],
    ['print (Ctrl+P)', key('p', ctrl)],
    ['find (Ctrl+F)', key('f', ctrl)],
    ['new window (Ctrl+N)', key('n', ctrl)],
    ['close (Ctrl+W)', key('w', ctrl)],
    ['quit (Cmd+Q)', key('q', meta)],
    ['select all (Ctrl+A)', key('a', ctrl)],
    ['help (F1)', key('F1')],
    ['fullscreen toggle (F11)', key('F11')],
    ['devtools (F12)', key('F12')],
    ['devtools (Ctrl+Shift+I)', key('I', { ...ctrl, ...shift })],
    ['devtools (Cmd+Alt+I)', key('i', { ...meta, ...alt })],
    ['close window (Alt+F4)', key('F4', alt)],
    ['back (Alt+Left)', key('ArrowLeft', alt)],
    ['forward (Alt+Right)', key('ArrowRight', alt)],
    ['the browser Back key', key('BrowserBack')],
    ['the browser Forward key', key('BrowserForward')],
    ['the browser Refresh key', key('BrowserRefresh')],
    ['the context-menu key', key('ContextMenu')],
    ['Ctrl on its own', key('Control', ctrl)],
    ['an unidentified key', key('Unidentified')],
    ['an AltGr character on Windows (Ctrl+Alt)', key('@', { ...ctrl, ...alt })],
  ])('refuses %s', (_name, input) => {
    expect(isAllowedInput(input)).toBe(false);
  });

  it('lets the devtools shortcuts through in development only, and nothing else extra', () => {
    expect(isAllowedInput(key('F12'), { dev: true })).toBe(true);
    expect(isAllowedInput(key('I', { ...ctrl, ...shift }), { dev: true })).toBe(true);
    expect(isAllowedInput(key('i', { ...meta, ...alt }), { dev: true })).toBe(true);
    expect(isAllowedInput(key('r', ctrl), { dev: true })).toBe(false);
    expect(isAllowedInput(key('F5'), { dev: true })).toBe(false);
  });
});

/** Presses a key in the window; true when the page never sees it. */
function press(window: FakeWindow, input: ReturnType<typeof key>): boolean {
  const event = { preventDefault: vi.fn() };
  window.webContents.emit('before-input-event', event, input);
  return event.preventDefault.mock.calls.length > 0;
}

function lockedWindow(options: { kiosk: boolean; dev: boolean }) {
  const window = new FakeWindow();
  lockDownKioskWindow(window as unknown as LockableWindow, options);
  return window;
}

describe('lockDownKioskWindow', () => {
  it('stops refused keys before the page and Chromium see them, and passes allowed ones', () => {
    const window = lockedWindow({ kiosk: true, dev: false });
    expect(press(window, key('r', ctrl))).toBe(true);
    expect(press(window, key('F4', alt))).toBe(true);
    expect(press(window, key('Tab'))).toBe(false);
    expect(press(window, key('F12'))).toBe(true);
    expect(window.webContents.toggleDevTools).not.toHaveBeenCalled();
  });

  it('keeps the kiosk window above every other window, but not a developer\'s window', () => {
    expect(lockedWindow({ kiosk: true, dev: false }).setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
    expect(lockedWindow({ kiosk: false, dev: true }).setAlwaysOnTop).not.toHaveBeenCalled();
  });

  it('in development, F12 toggles devtools (there is no menu to do it)', () => {
    const window = lockedWindow({ kiosk: false, dev: true });
    press(window, key('F12'));
    press(window, { ...key('F12'), type: 'keyUp' });
    expect(window.webContents.toggleDevTools).toHaveBeenCalledTimes(1);
  });

  it('sets zoom to 100 % and forbids pinch-zoom again after every load', () => {
    const window = lockedWindow({ kiosk: true, dev: false });
    window.webContents.emit('did-finish-load');
    window.webContents.emit('did-finish-load');
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledTimes(2);
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    expect(window.webContents.setZoomFactor).toHaveBeenCalledWith(1);
  });
});

describe('pinZoomOnDisplayChanges', () => {
  it.each(['display-added', 'display-removed', 'display-metrics-changed'])(
    'pins zoom again on %s, in whichever window is current',
    (eventName) => {
      const screen = new EventEmitter();
      let current = new FakeWebContents();
      pinZoomOnDisplayChanges(screen as unknown as Screen, () => current as unknown as ZoomableContents);
      current = new FakeWebContents(); // The window was replaced by recovery.
      screen.emit(eventName, {}, { id: 2 }, ['scaleFactor']);
      expect(current.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
      expect(current.setZoomFactor).toHaveBeenCalledWith(1);
    },
  );

  it('skips a destroyed or missing page, and stops listening when told', () => {
    const screen = new EventEmitter();
    const contents = new FakeWebContents();
    contents.destroyed = true;
    let current: FakeWebContents | null = contents;
    const stop = pinZoomOnDisplayChanges(screen as unknown as Screen, () => current as unknown as ZoomableContents | null);
    screen.emit('display-added');
    current = null;
    expect(() => screen.emit('display-removed')).not.toThrow();
    expect(contents.setVisualZoomLevelLimits).not.toHaveBeenCalled();
    stop();
    expect(screen.eventNames()).toEqual([]);
  });
});
