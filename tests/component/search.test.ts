// @vitest-environment happy-dom
/**
 * The search screen's parts: the on-screen keyboard (large, labelled keys, two alphabets, usable
 * from a keyboard or switch), and the results (matches marked with <mark> as text, a count for
 * screen readers, a kind "nothing found" that offers the topics).
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { SearchResults as Results } from '../../src-main/contract/types';
import Keyboard from '../../src-renderer/components/Keyboard.svelte';
import SearchResults from '../../src-renderer/components/SearchResults.svelte';
import Search from '../../src-renderer/screens/Search.svelte';
import { LiveSearch, SearchDraft, type SearchStatus } from '../../src-renderer/state/search.svelte';
import { openKiosk } from './real-kiosk';

const { read } = await openKiosk();

const TOPICS = [
  { id: 'american-famine-relief', title: 'American Famine Relief', era: 'Early Cooperation' },
  { id: 'soviet-and-american-communist-parties', title: 'Soviet and American Communist Parties', era: null },
];

function keyboard(layout: 'latin' | 'cyrillic' = 'latin') {
  const props = { layout, onType: vi.fn(), onBackspace: vi.fn(), onClear: vi.fn(), onLayout: vi.fn() };
  render(Keyboard, props);
  return { ...props, board: screen.getByRole('group', { name: 'On-screen keyboard' }) };
}

describe('Keyboard', () => {
  it('has digits and QWERTY letters, each a button named by what it types', async () => {
    const { board, onType } = keyboard();
    const names = within(board).getAllByRole('button').map((b) => b.textContent?.trim());
    expect(names.slice(0, 36).join('')).toBe('1234567890qwertyuiopasdfghjklzxcvbnm');
    await fireEvent.click(within(board).getByRole('button', { name: 'q' }));
    await fireEvent.click(within(board).getByRole('button', { name: 'Space' }));
    expect(onType.mock.calls).toEqual([['q'], [' ']]);
  });

  it('switches to ЙЦУКЕН, its letters marked as Russian for screen readers', async () => {
    const latin = keyboard();
    const toRussian = within(latin.board).getByRole('button', { name: /^АБВ ?: Russian letters$/ });
    expect(toRussian.querySelector('[lang="ru"]')?.textContent).toBe('АБВ');
    await fireEvent.click(toRussian);
    expect(latin.onLayout).toHaveBeenCalledWith('cyrillic');
    document.body.innerHTML = '';

    const { board, onType } = keyboard('cyrillic');
    const letters = board.querySelector('[lang="ru"]')!;
    expect(letters.textContent?.replace(/\s/g, '')).toBe('1234567890йцукенгшщзхъфывапролджэячсмитьбюё');
    await fireEvent.click(within(board).getByRole('button', { name: 'й' }));
    expect(onType).toHaveBeenCalledWith('й');
    expect(within(board).getByRole('button', { name: /^ABC ?: English letters$/ })).toBeTruthy();
  });

  it('names Delete and Clear by what they do, starting with the words on them', async () => {
    const { board, onBackspace, onClear } = keyboard();
    await fireEvent.click(within(board).getByRole('button', { name: 'Delete the last letter' }));
    await fireEvent.click(within(board).getByRole('button', { name: 'Clear the search' }));
    expect([onBackspace.mock.calls.length, onClear.mock.calls.length]).toEqual([1, 1]);
  });

  it('moves between keys with the arrow keys, as on a keyboard', async () => {
    const { board } = keyboard();
    const key = (name: string) => within(board).getByRole('button', { name });
    key('q').focus();
    await fireEvent.keyDown(key('q'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(key('w'));
    await fireEvent.keyDown(key('w'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(key('s'));
    await fireEvent.keyDown(key('s'), { key: 'ArrowUp' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(key('2'));
    await fireEvent.keyDown(key('2'), { key: 'ArrowLeft' });
    await fireEvent.keyDown(key('1'), { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(key('1'));
  });
});

function results(status: SearchStatus, answer: Results | null, query = '') {
  const props = { status, results: answer, query, topics: TOPICS, onOpenHit: vi.fn(), onOpenTopic: vi.fn() };
  const view = render(SearchResults, props);
  return { ...props, ...view, count: () => screen.getByRole('status').textContent };
}

describe('SearchResults', () => {
  it('marks the matched words with <mark>, and says what each result is and where it matched', () => {
    const { container, count } = results('ready', read.search('stalin potsdam'), 'stalin potsdam');
    expect(count()).toBe('1 result for “stalin potsdam”.');
    const hit = screen.getByRole('button', { name: 'Stalin at Potsdam' });
    const [where, text] = hit.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(where).toBe('Object · found in the title');
    expect(text).toMatch(/^Joseph Stalin/);
    expect([...hit.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Stalin', 'Potsdam']);
    expect(screen.getByRole('heading', { level: 2, name: 'Stalin at Potsdam' })).toBeTruthy();
    expect(container.querySelectorAll('mark').length).toBeGreaterThan(2);
  });

  it('draws text as text: markup in a result is never interpreted', () => {
    const hostile: Results = {
      hits: [{ kind: 'artifact', id: 'obj1', title: [{ text: '<img src=x onerror=alert(1)>', match: true }], titleLang: 'en', field: 'title', snippet: [{ text: '<b>bold</b>', match: false }], snippetLang: 'en' }],
      partial: false,
      more: false,
    };
    const { container } = results('ready', hostile, 'img');
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('opens what the visitor taps', async () => {
    const { onOpenHit } = results('ready', read.search('famine'), 'famine');
    await fireEvent.click(screen.getByRole('button', { name: 'Early Cooperation: American Famine Relief' }));
    expect(onOpenHit).toHaveBeenCalledWith(expect.objectContaining({ kind: 'topic', id: 'american-famine-relief' }));
  });

  it('says when these are only the best results, or hold only some of the words', () => {
    const many = read.search('the', 3);
    expect(results('ready', many, 'the').count()).toBe('The best 3 results for “the”. More words find fewer, closer results.');
    document.body.innerHTML = '';
    expect(results('ready', { ...read.search('potsdam'), partial: true }, 'potsdam zzz').count()).toMatch(/^Nothing holds every word of “potsdam zzz”\. \d+ results? with some of them\.$/);
  });

  it('finds nothing kindly: says so and offers the topics, which open', async () => {
    const { count, onOpenTopic } = results('ready', read.search('qqqzzz'), 'qqqzzz');
    expect(count()).toBe('Nothing found for “qqqzzz”.');
    expect(screen.getByText(/Check the spelling/)).toBeTruthy();
    await fireEvent.click(within(screen.getByRole('list', { name: 'Topics' })).getByRole('button', { name: /American Famine Relief/ }));
    expect(onOpenTopic).toHaveBeenCalledWith('american-famine-relief');
  });

  it('before any words: a hint and the topics, and nothing announced', () => {
    const { count } = results('idle', null);
    expect(count()).toBe('');
    expect(screen.getByText(/Results appear as you type/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Topics' })).getAllByRole('button')).toHaveLength(2);
  });

  it('keeps the last results, marked busy, while newer words are looked for', () => {
    results('searching', read.search('pots'), 'pots');
    expect(screen.getByRole('list', { name: 'Results' }).getAttribute('aria-busy')).toBe('true');
  });

  it('when search fails, says so calmly and offers the topics', () => {
    const { count } = results('failed', null, 'pots');
    expect(count()).toBe('Search is not available just now. Explore a topic instead:');
    expect(screen.queryByRole('list', { name: 'Results' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Topics' })).toBeTruthy();
  });
});

describe('Search screen', () => {
  it('shows the words typed on the keys in the field, and takes a physical keyboard too', async () => {
    const draft = new SearchDraft();
    render(Search, { draft, live: new LiveSearch(async (q) => read.search(q)), topics: TOPICS, onOpenHit: vi.fn(), onOpenTopic: vi.fn() });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Search');
    const field = screen.getByRole('searchbox', { name: 'Search the exhibit' }) as HTMLInputElement;
    expect(field.getAttribute('inputmode')).toBe('none');
    for (const key of ['p', 'o', 't']) await fireEvent.click(screen.getByRole('button', { name: key }));
    expect(field.value).toBe('pot');
    await fireEvent.click(screen.getByRole('button', { name: 'Delete the last letter' }));
    expect([field.value, draft.text]).toEqual(['po', 'po']);
    await fireEvent.input(field, { target: { value: 'famine' } });
    expect(draft.text).toBe('famine');
    await fireEvent.click(screen.getByRole('button', { name: /^АБВ ?: Russian letters$/ }));
    expect(draft.chosenLayout).toBe('cyrillic');
    expect(screen.getByRole('button', { name: 'ж' })).toBeTruthy();
  });
});
