// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { installKioskGuards } from '../../src-renderer/kiosk-guards';

let remove: (() => void) | undefined;
afterEach(() => remove?.());

/** happy-dom's WheelEvent ignores modifier keys in its init dict; a browser's does not. */
function wheel(ctrlKey: boolean): WheelEvent {
  const event = new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -100 });
  Object.defineProperty(event, 'ctrlKey', { value: ctrlKey });
  return event;
}

function dispatch(event: Event): boolean {
  document.body.dispatchEvent(event);
  return event.defaultPrevented;
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

  it('can be removed again', () => {
    installKioskGuards(window)();
    expect(dispatch(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(false);
  });
});
