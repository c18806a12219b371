// @vitest-environment happy-dom
/**
 * Search state: the words a visitor typed (SearchDraft, theirs for the visit and gone with the
 * VisitorSession at reset) and results that follow them (LiveSearch: lightly debounced, only the
 * latest words' answer shown, never an older one arriving late).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchResults } from '../../src-main/contract/types';
import { isSearchable, LiveSearch, MAX_QUERY_LENGTH, SearchDraft } from '../../src-renderer/state/search.svelte';
import { VisitorSession } from '../../src-renderer/state/visitor-session.svelte';
import { openKiosk } from './real-kiosk';

const { read } = await openKiosk();

describe('SearchDraft', () => {
  it('adds what keys type, one space between words and none to start', () => {
    const draft = new SearchDraft();
    draft.type(' ');
    for (const c of ['p', 'o', 't', ' ', ' ', 's']) draft.type(c);
    expect(draft.text).toBe('pot s');
  });

  it('deletes the last character, a whole emoji or letter and never half of one', () => {
    const draft = new SearchDraft();
    draft.set('ab😀');
    draft.backspace();
    expect(draft.text).toBe('ab');
    draft.clear();
    draft.backspace();
    expect(draft.text).toBe('');
  });

  it('keeps at most MAX_QUERY_LENGTH characters', () => {
    const draft = new SearchDraft();
    draft.set('x'.repeat(MAX_QUERY_LENGTH + 50));
    draft.type('y');
    expect(draft.text).toBe('x'.repeat(MAX_QUERY_LENGTH));
  });

  it('belongs to the visitor: a new session (the idle reset) starts empty, on the letters of its language', () => {
    const session = new VisitorSession();
    session.search.set('famine');
    session.search.chosenLayout = 'cyrillic';
    expect(session.search.layoutFor('en')).toBe('cyrillic');
    const next = new VisitorSession();
    expect([next.search.text, next.search.chosenLayout]).toEqual(['', null]);
    expect([next.search.layoutFor('en'), next.search.layoutFor('ru')]).toEqual(['latin', 'cyrillic']);
  });
});

describe('isSearchable', () => {
  it('wants two letters or digits', () => {
    expect(['', ' ', 's', '"*', '- -', 'é'].map(isSearchable)).toEqual([false, false, false, false, false, false]);
    expect(['st', '19', 'сталин', 'a b'].map(isSearchable)).toEqual([true, true, true, true]);
  });
});

describe('LiveSearch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A search whose answers the test hands out, in any order. */
  function controlled() {
    const pending = new Map<string, (r: SearchResults) => void>();
    const run = vi.fn((query: string) => new Promise<SearchResults>((resolve) => pending.set(query, resolve)));
    return { run, answer: (query: string) => pending.get(query)!(read.search(query)) };
  }

  it('waits for a pause in typing, then searches the latest words once', async () => {
    const { run, answer } = controlled();
    const live = new LiveSearch(run, 150);
    for (const text of ['po', 'pot', 'pots']) {
      live.update(text);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(run).not.toHaveBeenCalled();
    expect(live.status).toBe('searching');
    await vi.advanceTimersByTimeAsync(150);
    expect(run.mock.calls).toEqual([['pots', undefined]]);
    answer('pots');
    await vi.advanceTimersByTimeAsync(0);
    expect(live.status).toBe('ready');
    expect(live.query).toBe('pots');
    expect(live.results?.hits.map((h) => h.id)).toContain('obj6');
  });

  it('never lets an older answer replace a newer one', async () => {
    const { run, answer } = controlled();
    const live = new LiveSearch(run, 10);
    live.update('stal');
    await vi.advanceTimersByTimeAsync(10);
    live.update('stalin potsdam');
    await vi.advanceTimersByTimeAsync(10);
    answer('stalin potsdam');
    await vi.advanceTimersByTimeAsync(0);
    answer('stal'); // arrives late
    await vi.advanceTimersByTimeAsync(0);
    expect(live.query).toBe('stalin potsdam');
    expect(live.results?.hits.map((h) => h.id)).toEqual(['obj6']);
  });

  it('keeps the last results on show while newer words are looked for', async () => {
    const { run, answer } = controlled();
    const live = new LiveSearch(run, 10);
    live.update('pots');
    await vi.advanceTimersByTimeAsync(10);
    answer('pots');
    await vi.advanceTimersByTimeAsync(0);
    live.update('potsd');
    expect(live.status).toBe('searching');
    expect(live.query).toBe('pots');
    expect(live.results?.hits.length).toBeGreaterThan(0);
  });

  it('is idle with fewer than two letters, and does not search the same words twice', async () => {
    const { run } = controlled();
    const live = new LiveSearch(run, 10);
    live.update('p');
    await vi.advanceTimersByTimeAsync(20);
    expect([live.status, live.results, run.mock.calls.length]).toEqual(['idle', null, 0]);
    live.update('pots ');
    live.update(' pots');
    await vi.advanceTimersByTimeAsync(20);
    expect(run.mock.calls).toEqual([['pots', undefined]]);
  });

  it('asks again in the visitor\'s language when they switch it, and not before', async () => {
    const { run } = controlled();
    const live = new LiveSearch(run, 10);
    live.update('pots', 'en');
    await vi.advanceTimersByTimeAsync(10);
    live.update('pots', 'en');
    live.update('pots', 'ru');
    await vi.advanceTimersByTimeAsync(10);
    expect(run.mock.calls).toEqual([
      ['pots', 'en'],
      ['pots', 'ru'],
    ]);
  });

  it('says so when the kiosk cannot search', async () => {
    const live = new LiveSearch(() => Promise.reject(new Error('down')), 10);
    live.update('pots');
    await vi.advanceTimersByTimeAsync(10);
    expect([live.status, live.results]).toEqual(['failed', null]);
  });

  it('once disposed, searches nothing more and ignores answers on their way', async () => {
    const { run, answer } = controlled();
    const live = new LiveSearch(run, 10);
    live.update('pots');
    await vi.advanceTimersByTimeAsync(10);
    live.update('famine');
    live.dispose();
    answer('pots');
    await vi.advanceTimersByTimeAsync(50);
    expect(run.mock.calls).toEqual([['pots', undefined]]);
    expect(live.results).toBeNull();
  });
});
