// @vitest-environment happy-dom
/**
 * The attract loop: the package's own title and invitation, the one "Touch to begin" button
 * whatever the invitation says, and a slow loop with at most two pictures in the page.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Attract from '../../src-renderer/screens/Attract.svelte';
import { openKiosk } from './real-kiosk';

const { read } = await openKiosk();
/** The exhibit with an attract loop of the curator's own: a title, an invitation, three objects. */
const chosen = (await openKiosk({ store: 'variant' })).read.exhibit();

// Reduced motion is a system setting; the test flips it before each render.
const motion = vi.hoisted(() => ({ reduce: false }));
vi.mock('svelte/motion', () => ({ prefersReducedMotion: { get current() { return motion.reduce; } } }));

beforeEach(() => {
  vi.useFakeTimers();
  motion.reduce = false;
});
afterEach(() => vi.useRealTimers());

const pictures = () => [...document.querySelectorAll('main[data-screen="attract"] img')].map((img) => img.getAttribute('src'));

describe('Attract', () => {
  it("shows the package's attract title and invitation, and the button keeps its name", () => {
    render(Attract, { exhibit: chosen, slideSeconds: 8, onBegin: () => {} });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Step into the archive');
    const invitation = screen.getByText('Tap anywhere to read the Cold War’s secrets');
    expect(invitation.closest('[aria-hidden="true"]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Touch to begin' })).toBeTruthy();
    // One way in, besides the language switch (whose buttons begin too, in their language).
    const switchButtons = within(screen.getByRole('group', { name: 'Language' })).getAllByRole('button');
    expect(switchButtons.map((b) => b.textContent?.trim())).toEqual(['English', 'Русский']);
    // The begin button, the languages and the accessibility settings.
    expect(screen.getAllByRole('button')).toHaveLength(2 + switchButtons.length);
  });

  it('says "Touch to begin" in its own words when the package gives no invitation', () => {
    render(Attract, { exhibit: read.exhibit(), slideSeconds: 8, onBegin: () => {} });
    expect(screen.getByTestId('attract-invitation').textContent?.trim()).toBe('Touch to begin');
    // Not read twice: the button already says it.
    expect(screen.getByTestId('attract-invitation').closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('still invites with a title when the exhibit cannot be read', () => {
    render(Attract, { exhibit: null, slideSeconds: 8, onBegin: () => {} });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome');
    expect(screen.getByRole('button', { name: 'Touch to begin' })).toBeTruthy();
  });

  it('marks vitrine:attract-ready after its first frame (bench/cold-start.mjs), dropping the last mark first', async () => {
    const mark = vi.spyOn(performance, 'mark');
    const clear = vi.spyOn(performance, 'clearMarks');
    render(Attract, { exhibit: read.exhibit(), slideSeconds: 8, onBegin: () => {} });
    expect(mark).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(mark).toHaveBeenCalledExactlyOnceWith('vitrine:attract-ready');
    expect(clear).toHaveBeenCalledWith('vitrine:attract-ready');
    expect(clear.mock.invocationCallOrder[0]).toBeLessThan(mark.mock.invocationCallOrder[0]!);
  });

  it('begins on click only (the end of the gesture), never at the first touch', async () => {
    const onBegin = vi.fn();
    render(Attract, { exhibit: read.exhibit(), slideSeconds: 8, onBegin });
    const begin = screen.getByRole('button', { name: 'Touch to begin' });
    await fireEvent.pointerDown(begin, { pointerId: 1 });
    expect(onBegin).not.toHaveBeenCalled();
    await fireEvent.click(begin);
    expect(onBegin).toHaveBeenCalledOnce();
  });

  it("loops through the package's artifacts at the set pace, never more than two pictures at once", async () => {
    const { artifacts } = chosen.attract;
    expect(artifacts).toHaveLength(3);
    render(Attract, { exhibit: chosen, slideSeconds: 5, onBegin: () => {} });
    const display = artifacts.map((a) => a.thumb!.display);
    expect(pictures()).toEqual([display[0]]);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(pictures()).toEqual([display[0]]);
    await vi.advanceTimersByTimeAsync(1);
    flushSync();
    expect(pictures()).toEqual([display[0], display[1]]);
    expect(document.querySelectorAll('.slide.entering')).toHaveLength(1);
    for (let i = 0; i < 7; i++) {
      await vi.advanceTimersByTimeAsync(5_000);
      flushSync();
      expect(pictures().length).toBeLessThanOrEqual(2);
    }
    // 1 + 8 changes later: back to the third picture, with the second fading out under it.
    expect(pictures()).toEqual([display[1], display[2]]);
  });

  it('with reduced motion: no fades, one picture, and no change before the set time', async () => {
    motion.reduce = true;
    const { artifacts } = chosen.attract;
    render(Attract, { exhibit: chosen, slideSeconds: 10, onBegin: () => {} });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(pictures()).toEqual([artifacts[0]!.thumb!.display]);
    await vi.advanceTimersByTimeAsync(1);
    flushSync();
    expect(pictures()).toEqual([artifacts[1]!.thumb!.display]);
    expect(document.querySelectorAll('.slide.entering')).toHaveLength(0);
  });
});
