// @vitest-environment happy-dom
/**
 * Swipes: which strokes count (quick, long enough, mostly sideways), and strokes claimed from the
 * browser only when sideways, so vertical scrolling stays the browser's and no fling follows a
 * swipe (Chromium drops the click of the first tap after a fling).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { claimStrokes, swipeOf, SWIPE_MAX_MS, SWIPE_MIN_PX } from '../../src-renderer/state/swipe';

function touchEvent(type: 'touchstart' | 'touchmove', x: number, y: number, target: HTMLElement): TouchEvent {
  const touch = new Touch({ identifier: 1, target, clientX: x, clientY: y });
  return new TouchEvent(type, { touches: [touch], cancelable: true, bubbles: true });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('swipeOf', () => {
  it('reads a finger moving left as "next" and right as "previous"', () => {
    expect(swipeOf(-200, 10, 200)).toBe('next');
    expect(swipeOf(200, -10, 200)).toBe('previous');
  });

  it('ignores strokes that are short, slow or mostly vertical', () => {
    expect(swipeOf(-(SWIPE_MIN_PX - 1), 0, 100)).toBeNull();
    expect(swipeOf(-300, 0, SWIPE_MAX_MS + 1)).toBeNull();
    expect(swipeOf(-150, 120, 200)).toBeNull();
  });
});

describe('claimStrokes', () => {
  it('claims a sideways stroke from the browser, and leaves an upward one to scrolling', () => {
    const node = document.createElement('div');
    document.body.append(node);
    const release = claimStrokes(node, (dx, dy) => Math.abs(dx) > Math.abs(dy));

    node.dispatchEvent(touchEvent('touchstart', 500, 500, node));
    const sideways = touchEvent('touchmove', 470, 502, node);
    node.dispatchEvent(sideways);
    expect(sideways.defaultPrevented).toBe(true);

    node.dispatchEvent(touchEvent('touchstart', 500, 500, node));
    const upwards = touchEvent('touchmove', 498, 460, node);
    node.dispatchEvent(upwards);
    expect(upwards.defaultPrevented).toBe(false);
    // Decided once: the same stroke turning sideways is still a scroll.
    const later = touchEvent('touchmove', 400, 455, node);
    node.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);

    release();
    node.dispatchEvent(touchEvent('touchstart', 500, 500, node));
    const after = touchEvent('touchmove', 400, 500, node);
    node.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});
