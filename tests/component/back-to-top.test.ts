// @vitest-environment happy-dom
/**
 * "Back to top" in long essays: absent until the visitor has scrolled, then one tap to the top
 * (at once with reduced motion) with the screen's title focused.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Section from '../../src-renderer/screens/Section.svelte';
import Topic from '../../src-renderer/screens/Topic.svelte';
import { openKiosk } from './real-kiosk';

const { read } = await openKiosk();

/**
 * happy-dom lays nothing out, so its IntersectionObserver never reports. This one is told where
 * the page is scrolled and reports what a browser's would after the next frame: whether the
 * component's own marker (its `top`) is still on screen, and where its top edge is.
 */
class ScrolledPage {
  static observers = new Set<ScrolledPage>();
  readonly targets: HTMLElement[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: HTMLElement): void {
    this.targets.push(target);
    ScrolledPage.observers.add(this);
  }
  unobserve(): void {}
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  disconnect(): void {
    ScrolledPage.observers.delete(this);
  }
  report(y: number): void {
    const entries = this.targets.map((target) => {
      const top = Number.parseFloat(target.style.top) - y;
      return { target, isIntersecting: top >= 0, boundingClientRect: { top } } as unknown as IntersectionObserverEntry;
    });
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

function scrollTo(y: number): void {
  window.scrollTo(0, y);
  for (const observer of ScrolledPage.observers) observer.report(y);
  flushSync();
}

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', ScrolledPage);
});

const backToTop = () => screen.queryByRole('button', { name: 'Back to top' });

afterEach(() => {
  scrollTo(0);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('Back to top', () => {
  it('appears on a topic only once the visitor has scrolled, and goes when they are back up', () => {
    render(Topic, { topic: read.topic('postwar-estrangement'), onOpenArtifact: vi.fn(), onOpenTopic: vi.fn() });
    expect(backToTop()).toBeNull();
    scrollTo(120);
    expect(backToTop()).toBeNull();
    scrollTo(900);
    expect(backToTop()).not.toBeNull();
    scrollTo(0);
    expect(backToTop()).toBeNull();
  });

  it('reads no scroll position itself: arriving at a screen forces no layout', () => {
    const reads = vi.spyOn(window, 'scrollY', 'get');
    render(Topic, { topic: read.topic('postwar-estrangement'), onOpenArtifact: vi.fn(), onOpenTopic: vi.fn() });
    flushSync();
    expect(reads).not.toHaveBeenCalled();
    expect(ScrolledPage.observers.size).toBe(1);
  });

  it('takes the visitor to the top and focuses the title', async () => {
    render(Section, { section: read.section('the-soviet-union-and-the-united-states'), onOpenTopic: vi.fn() });
    scrollTo(1500);
    const scroll = vi.spyOn(window, 'scrollTo');
    await fireEvent.click(backToTop()!);
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ top: 0 }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });
});
