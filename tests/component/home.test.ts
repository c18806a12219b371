// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Home from '../../src-renderer/screens/Home.svelte';
import { openKiosk } from './real-kiosk';

const exhibit = (await openKiosk()).read.exhibit();

describe('Home screen', () => {
  it('titles the screen with the exhibit and shows its credit', () => {
    const { container } = render(Home, { exhibit, onOpenSection: vi.fn() });
    expect(container.querySelector('main[data-screen="home"]')).not.toBeNull();
    const headings = screen.getAllByRole('heading', { level: 1 });
    expect(headings.map((h) => h.textContent)).toEqual(['Revelations from the Russian Archives']);
    expect(container.textContent).toContain('Library of Congress exhibit, 1992.');
  });

  it('opens a section with content when its card is tapped', async () => {
    const onOpenSection = vi.fn();
    render(Home, { exhibit, onOpenSection });
    const card = screen.getByRole('button', { name: /^The Soviet Union and the United States/ });
    expect(card.textContent).toContain('8 topics');
    expect(card.textContent).toContain('9 objects');
    await fireEvent.click(card);
    expect(onOpenSection).toHaveBeenCalledWith('the-soviet-union-and-the-united-states');
  });

  it('shows the section without content as a card labelled "Not on this kiosk", not as a button', () => {
    const { container } = render(Home, { exhibit, onOpenSection: vi.fn() });
    expect(screen.queryByRole('button', { name: /Internal Workings of the Soviet System/ })).toBeNull();
    expect(screen.getAllByRole('button')).toHaveLength(1);
    const title = within(container).getByText('Internal Workings of the Soviet System');
    const card = title.closest('li');
    expect(card?.textContent).toContain('Not on this kiosk');
    expect(card?.querySelector('button, a, [tabindex], [role="button"]')).toBeNull();
  });

  it('marks a stand-in cover image as not the original', () => {
    render(Home, { exhibit, onOpenSection: vi.fn() });
    const card = screen.getByRole('button', { name: /^The Soviet Union and the United States/ });
    expect(card.querySelector('img')?.getAttribute('src')).toBe(exhibit.sections[1]?.cover?.thumb);
    expect(card.textContent).toContain('Stand-in image — not the original');
  });
});
