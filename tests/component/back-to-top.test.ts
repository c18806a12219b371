// @vitest-environment happy-dom
/**
 * "Back to top" in long essays: absent until the visitor has scrolled, then one tap to the top
 * (at once with reduced motion) with the screen's title focused.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Section from '../../src-renderer/screens/Section.svelte';
import Topic from '../../src-renderer/screens/Topic.svelte';
import { sectionView, topicView } from './fixtures';

function scrollTo(y: number): void {
  window.scrollTo(0, y);
  window.dispatchEvent(new Event('scroll'));
  flushSync();
}

const backToTop = () => screen.queryByRole('button', { name: 'Back to top' });

afterEach(() => {
  scrollTo(0);
  vi.restoreAllMocks();
});

describe('Back to top', () => {
  it('appears on a topic only once the visitor has scrolled, and goes when they are back up', () => {
    render(Topic, { topic: topicView('postwar-estrangement'), onOpenArtifact: vi.fn(), onOpenTopic: vi.fn() });
    expect(backToTop()).toBeNull();
    scrollTo(120);
    expect(backToTop()).toBeNull();
    scrollTo(900);
    expect(backToTop()).not.toBeNull();
    scrollTo(0);
    expect(backToTop()).toBeNull();
  });

  it('takes the visitor to the top and focuses the title', async () => {
    render(Section, { section: sectionView('the-soviet-union-and-the-united-states'), onOpenTopic: vi.fn() });
    scrollTo(1500);
    const scroll = vi.spyOn(window, 'scrollTo');
    await fireEvent.click(backToTop()!);
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ top: 0 }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });
});
