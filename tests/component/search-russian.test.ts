// @vitest-environment happy-dom
/**
 * The search screen in a Russian UI: every word the kiosk writes (heading, field, keyboard, the
 * count read out as results arrive) is Russian with its plural forms, while the exhibit's titles
 * stay as the package gives them.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { SearchResults as Results } from '../../src-main/contract/types';
import SearchResults from '../../src-renderer/components/SearchResults.svelte';
import { i18nContext } from '../../src-renderer/i18n/context';
import Search from '../../src-renderer/screens/Search.svelte';
import { Language } from '../../src-renderer/state/language.svelte';
import { LiveSearch, SearchDraft } from '../../src-renderer/state/search.svelte';
import { openKiosk } from './real-kiosk';

const { read } = await openKiosk();

const nbsp = '\u00a0';
const TOPICS = [{ id: 'american-famine-relief', title: 'American Famine Relief', era: 'Early Cooperation' }];

function russian(): Language {
  const language = new Language();
  language.choose('ru');
  return language;
}

/** `n` results, each an object found in its caption: counts (21) that no query on the built-in exhibit gives. */
const answer = (n: number, over: Partial<Results> = {}): Results => ({
  hits: Array.from({ length: n }, (_, i) => ({ kind: 'artifact', id: `a${i}`, title: [{ text: `Letter ${i}`, match: false }], titleLang: 'en', field: 'caption', snippet: [], snippetLang: 'en' })),
  partial: false,
  more: false,
  ...over,
});

function resultsInRussian(results: Results | null, status: 'idle' | 'ready' | 'failed' = 'ready') {
  const props = { status, results, query: 'голод', topics: TOPICS, onOpenHit: vi.fn(), onOpenTopic: vi.fn() };
  render(SearchResults, { props, context: i18nContext(russian()) });
  return () => screen.getByRole('status').textContent;
}

describe('Search in Russian', () => {
  it('words the screen, the field and the keyboard in Russian', async () => {
    const draft = new SearchDraft();
    const live = new LiveSearch(async (q) => read.search(q));
    const props = { draft, live, topics: TOPICS, onOpenHit: vi.fn(), onOpenTopic: vi.fn() };
    render(Search, { props, context: i18nContext(russian()) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Поиск');
    const field = screen.getByRole('searchbox', { name: 'Поиск по выставке' }) as HTMLInputElement;
    expect(field.placeholder).toBe('Имя, место, год…');
    const board = screen.getByRole('group', { name: 'Экранная клавиатура' });
    within(board).getByRole('button', { name: 'Пробел' });
    within(board).getByRole('button', { name: 'Стереть последнюю букву' });
    within(board).getByRole('button', { name: 'Очистить поиск' });
    // A Russian visitor meets ЙЦУКЕН first, and may still switch to Latin letters and back.
    within(board).getByRole('button', { name: 'й' });
    await fireEvent.click(within(board).getByRole('button', { name: /^ABC ?: латинские буквы$/ }));
    flushSync();
    expect(draft.chosenLayout).toBe('latin');
    within(board).getByRole('button', { name: 'q' });
    await fireEvent.click(within(board).getByRole('button', { name: /^АБВ ?: русские буквы$/ }));
    flushSync();
    expect(draft.chosenLayout).toBe('cyrillic');
    expect(screen.getByText('Введите слово: имя, место или год. Результаты появляются по мере ввода.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Темы' }).textContent).toContain('American Famine Relief');
  });

  it('opens the keyboard on the letters of the visitor\'s language, following a switch until they pick letters', async () => {
    const language = new Language();
    const draft = new SearchDraft();
    const props = { draft, live: new LiveSearch(async (q) => read.search(q)), topics: TOPICS, onOpenHit: vi.fn(), onOpenTopic: vi.fn() };
    render(Search, { props, context: i18nContext(language) });
    const board = screen.getByRole('group', { name: 'On-screen keyboard' });
    expect([within(board).queryByRole('button', { name: 'q' }), within(board).queryByRole('button', { name: 'й' })].map(Boolean)).toEqual([true, false]);
    language.choose('ru');
    flushSync();
    expect([within(board).queryByRole('button', { name: 'q' }), within(board).queryByRole('button', { name: 'й' })].map(Boolean)).toEqual([false, true]);
    // The visitor's own pick stays when the language changes again.
    await fireEvent.click(within(board).getByRole('button', { name: /^ABC ?: латинские буквы$/ }));
    language.choose('en');
    flushSync();
    expect(within(board).queryByRole('button', { name: 'q' })).toBeTruthy();
    language.choose('ru');
    flushSync();
    expect(within(board).queryByRole('button', { name: 'q' })).toBeTruthy();
  });

  it('counts results with the Russian plural forms: 1 результат, 3 результата, 5 результатов', () => {
    const counts = [1, 3, 5, 21].map((n) => {
      const count = resultsInRussian(answer(n))();
      document.body.innerHTML = '';
      return count;
    });
    expect(counts).toEqual([
      `По запросу «голод» найден 1${nbsp}результат.`,
      `По запросу «голод» найдено 3${nbsp}результата.`,
      `По запросу «голод» найдено 5${nbsp}результатов.`,
      `По запросу «голод» найден 21${nbsp}результат.`,
    ]);
  });

  it('says where each result was found, and what to do when nothing or only part is found', () => {
    let count = resultsInRussian(answer(2, { partial: true }));
    expect(count()).toBe(`Все слова запроса «голод» вместе нигде не встречаются. По части слов найдено 2${nbsp}результата.`);
    expect(screen.getByRole('list', { name: 'Результаты' }).textContent).toContain('Предмет · найдено в подписи');
    document.body.innerHTML = '';

    count = resultsInRussian(answer(0));
    expect(count()).toBe('По запросу «голод» ничего не найдено.');
    expect(screen.getByText('Проверьте написание, сократите запрос или выберите тему:')).toBeTruthy();
    document.body.innerHTML = '';

    count = resultsInRussian(null, 'failed');
    expect(count()).toBe('Поиск сейчас недоступен. Выберите тему:');
  });
});
