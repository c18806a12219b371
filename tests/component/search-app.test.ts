// @vitest-environment happy-dom
/**
 * Search inside the whole renderer, on the fake API over the built-in exhibit: Search is one tap
 * away in the bar; typed words bring results; a result opens its object or topic; Back finds
 * the words and results still there; only the latest words' results are shown.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../../src-renderer/App.svelte';
import { kioskApi, type RecordedApi } from './real-kiosk';

vi.mock('openseadragon', () => import('./openseadragon-fake'));

const currentScreen = () => document.querySelector('main[data-screen]')?.getAttribute('data-screen') ?? null;
const field = () => screen.getByRole('searchbox', { name: 'Search the exhibit' }) as HTMLInputElement;

async function arriveAt(kind: string, title: string): Promise<void> {
  await waitFor(() => expect(currentScreen()).toBe(kind));
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(title);
}

async function typeKeys(letters: string): Promise<void> {
  const board = screen.getByRole('group', { name: 'On-screen keyboard' });
  for (const letter of letters) await fireEvent.click(within(board).getByRole('button', { name: letter === ' ' ? 'Space' : letter }));
}

async function openSearch(given?: RecordedApi) {
  const api = given ?? (await kioskApi());
  render(App, { api });
  await fireEvent.click(await screen.findByRole('button', { name: 'Touch to begin' }));
  await arriveAt('home', 'Revelations from the Russian Archives');
  await fireEvent.click(screen.getByRole('button', { name: 'Search' }));
  await arriveAt('search', 'Search');
  return api;
}

describe('Search in the kiosk', () => {
  it('is one tap away in the bar, and offers the exhibit’s topics before anything is typed', async () => {
    await openSearch();
    expect(screen.getByRole('button', { name: 'Search' }).getAttribute('aria-current')).toBe('page');
    expect(within(screen.getByRole('list', { name: 'Topics' })).getAllByRole('button')).toHaveLength(8);
  });

  it('finds as the visitor types, opens an object, and Back finds the words and results still there', async () => {
    const api = await openSearch();
    await typeKeys('potsdam');
    expect(field().value).toBe('potsdam');
    const hit = await screen.findByRole('button', { name: 'Stalin at Potsdam' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/results? for “potsdam”\.$/));
    expect(hit.querySelector('mark')?.textContent).toBe('Potsdam');
    // Lightly debounced: the words typed in one quick burst made one request, not seven.
    expect(api.calls.filter((c) => c.method === 'search')).toEqual([{ method: 'search', args: { query: 'potsdam', limit: 24, lang: 'en' } }]);

    await fireEvent.click(hit);
    await arriveAt('artifact', 'Stalin at Potsdam');
    await fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await arriveAt('search', 'Search');
    expect(field().value).toBe('potsdam');
    expect(screen.getByRole('button', { name: 'Stalin at Potsdam' })).toBeTruthy();
  });

  it('opens a topic from a result and from a suggestion', async () => {
    await openSearch();
    await typeKeys('famine');
    await fireEvent.click(await screen.findByRole('button', { name: 'Early Cooperation: American Famine Relief' }));
    await arriveAt('topic', 'American Famine Relief');
    await fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await arriveAt('search', 'Search');
    await fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    await fireEvent.click(within(screen.getByRole('list', { name: 'Topics' })).getByRole('button', { name: /Cuban Missile Crisis/ }));
    await arriveAt('topic', 'Cuban Missile Crisis');
  });

  it('shows the answer to the latest words, never an older one arriving late', async () => {
    const api = await kioskApi();
    // The core's answers, held back until the test lets each through: the older one arrives last.
    const search = api.search;
    const slow = new Map<string, () => void>();
    api.search = (args) => new Promise((resolve) => slow.set(args.query, () => resolve(search(args))));
    await openSearch(api);
    await typeKeys('po');
    await waitFor(() => expect(slow.has('po')).toBe(true));
    await typeKeys('tsdam');
    await waitFor(() => expect(slow.has('potsdam')).toBe(true));
    slow.get('potsdam')!();
    await screen.findByRole('button', { name: 'Stalin at Potsdam' });
    slow.get('po')!();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByRole('status').textContent).toMatch(/for “potsdam”\.$/);
    expect(screen.queryByRole('button', { name: 'Early Cooperation: American Famine Relief' })).toBeNull();
  });
});
