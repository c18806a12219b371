// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { installKioskGuards, isBrowserShortcut, LONG_PRESS_MS } from '../../src-renderer/kiosk-guards';

let remove: (() => void) | undefined;
afterEach(() => remove?.());

/** happy-dom's WheelEvent ignores modifier keys in its init dict; a browser's does not. */
function wheel(ctrlKey: boolean): WheelEvent {
  const event = new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -100 });
  Object.defineProperty(event, 'ctrlKey', { value: ctrlKey });
  return event;
}

function dispatch(event: Event, target: EventTarget = document.body): boolean {
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

/** A press of the given length on a target; returns whether its click reached the target. */
function press(target: Element, pointerType: string, heldMs: number): boolean {
  const at = (type: string, timeStamp: number) => {
    const event = new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 1, pointerType });
    Object.defineProperty(event, 'timeStamp', { value: timeStamp });
    target.dispatchEvent(event);
  };
  at('pointerdown', 1000);
  at('pointerup', 1000 + heldMs);
  let reached = false;
  target.addEventListener('click', () => (reached = true), { once: true });
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  return reached;
}

describe('kiosk guards', () => {
  it('blocks the long-press menu, image dragging and text selection', () => {
    remove = installKioskGuards(window);
    expect(dispatch(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(true);
    expect(dispatch(new Event('dragstart', { bubbles: true, cancelable: true }))).toBe(true);
    expect(dispatch(new Event('selectstart', { bubbles: true, cancelable: true }))).toBe(true);
  });

  it('blocks ctrl+wheel and ctrl+plus zoom, but lets ordinary scrolling and keys through', () => {
    remove = installKioskGuards(window);
    expect(dispatch(wheel(true))).toBe(true);
    expect(dispatch(wheel(false))).toBe(false);
    expect(dispatch(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ctrlKey: true, key: '+' }))).toBe(true);
    expect(dispatch(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Tab' }))).toBe(false);
  });

  it('refuses a file dragged onto the window, so it is never opened in place of the kiosk', () => {
    remove = installKioskGuards(window);
    expect(dispatch(new Event('dragover', { bubbles: true, cancelable: true }))).toBe(true);
    expect(dispatch(new Event('drop', { bubbles: true, cancelable: true }))).toBe(true);
  });

  it('blocks the middle button (autoscroll, paste)', () => {
    remove = installKioskGuards(window);
    expect(dispatch(new MouseEvent('mousedown', { bubbles: true, cancelable: true, button: 1 }))).toBe(true);
    expect(dispatch(new MouseEvent('mousedown', { bubbles: true, cancelable: true, button: 0 }))).toBe(false);
  });

  it('keeps the browser’s shortcuts from acting: reload, zoom, print, find, windows, devtools, history', () => {
    remove = installKioskGuards(window);
    const key = (init: KeyboardEventInit) => dispatch(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    for (const letter of ['r', 'p', 'f', 'g', 'n', 't', 'w', 's', 'o', 'u']) {
      expect(key({ key: letter, code: `Key${letter.toUpperCase()}`, ctrlKey: true }), `Ctrl+${letter}`).toBe(true);
      expect(key({ key: letter, code: `Key${letter.toUpperCase()}`, metaKey: true }), `Cmd+${letter}`).toBe(true);
    }
    for (const zoom of ['+', '-', '=', '0']) expect(key({ key: zoom, ctrlKey: true }), `Ctrl+${zoom}`).toBe(true);
    expect(key({ key: 'Add', code: 'NumpadAdd', ctrlKey: true })).toBe(true);
    for (const letter of ['I', 'J', 'C']) expect(key({ key: letter, code: `Key${letter}`, ctrlKey: true, shiftKey: true }), `Ctrl+Shift+${letter}`).toBe(true);
    for (let n = 1; n <= 12; n++) expect(key({ key: `F${n}`, code: `F${n}` }), `F${n}`).toBe(true);
    expect(key({ key: 'ArrowLeft', altKey: true })).toBe(true);
    expect(key({ key: 'ArrowRight', altKey: true })).toBe(true);
    expect(key({ key: 'BrowserBack' })).toBe(true);
    expect(key({ key: 'Backspace' })).toBe(true);
    // Another keyboard layout: the physical R key still reloads, so it is still blocked.
    expect(key({ key: 'к', code: 'KeyR', ctrlKey: true })).toBe(true);
  });

  it('lets ordinary keys through: typing, arrows, Tab, Enter, copy, and Backspace in a text field', () => {
    remove = installKioskGuards(window);
    const key = (init: KeyboardEventInit) => dispatch(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    for (const k of ['a', 'r', 'ArrowLeft', 'ArrowDown', 'Tab', 'Enter', ' ', 'Escape', '0']) expect(key({ key: k }), k).toBe(false);
    expect(key({ key: 'c', code: 'KeyC', ctrlKey: true })).toBe(false);
    const input = document.createElement('input');
    document.body.append(input);
    const backspace = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Backspace' });
    input.dispatchEvent(backspace);
    expect(backspace.defaultPrevented).toBe(false);
    expect(isBrowserShortcut(new KeyboardEvent('keydown', { key: 'Backspace' }))).toBe(true);
    input.remove();
  });

  it('a long touch is not a tap: its lift presses nothing, except where any touch means "I am here"', () => {
    remove = installKioskGuards(window);
    const button = document.createElement('button');
    const begin = document.createElement('button');
    begin.dataset.longPress = 'allow';
    document.body.append(button, begin);
    expect(press(button, 'touch', 200)).toBe(true);
    expect(press(button, 'touch', LONG_PRESS_MS - 1)).toBe(true);
    expect(press(button, 'touch', LONG_PRESS_MS + 500)).toBe(false);
    expect(press(button, 'touch', 100)).toBe(true); // the next tap works again
    expect(press(button, 'mouse', 3000)).toBe(true); // a mouse held down is still a click
    expect(press(begin, 'touch', 3000)).toBe(true);
    button.remove();
    begin.remove();
  });

  it('can be removed again', () => {
    installKioskGuards(window)();
    expect(dispatch(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(false);
  });
});
