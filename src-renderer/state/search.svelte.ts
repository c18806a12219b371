/**
 * Search state (issue 6). What the visitor typed is theirs: `SearchDraft` lives in the
 * VisitorSession, so Back from a result finds the words still there and the idle reset clears
 * them with everything else. `LiveSearch` turns the words into results as they are typed: lightly
 * debounced, and only the answer to the latest words is ever shown, so a slow answer to "sta"
 * can never replace the answer to "stalin".
 */
import type { SearchResults } from '@contract/types';

export type KeyboardLayout = 'latin' | 'cyrillic';

/** The contract accepts 200 characters; nobody types more than this on a touch keyboard. */
export const MAX_QUERY_LENGTH = 100;

/** The keyboard a visitor reading `locale` meets first: ЙЦУКЕН for Russian, else QWERTY. */
export const layoutForLocale = (locale: string): KeyboardLayout => (locale === 'ru' ? 'cyrillic' : 'latin');

/** What the visitor has typed, and which letters their on-screen keyboard shows. */
export class SearchDraft {
  text = $state('');
  /** The letters the visitor switched to, or null: then the keyboard follows their language. */
  chosenLayout = $state<KeyboardLayout | null>(null);

  /** The letters to show a visitor reading `locale`: those they switched to, else their language's. */
  layoutFor(locale: string): KeyboardLayout {
    return this.chosenLayout ?? layoutForLocale(locale);
  }

  /** Adds what a key types (a letter, a digit or a space) at the end. */
  type(chars: string): void {
    // One space between words, and none to start with: a space key pressed twice does nothing.
    if (chars === ' ' && (this.text === '' || this.text.endsWith(' '))) return;
    this.set(this.text + chars);
  }

  /** Removes the last character (a whole emoji or accented letter, never half of one). */
  backspace(): void {
    this.set([...this.text].slice(0, -1).join(''));
  }

  clear(): void {
    this.text = '';
  }

  /** Replaces the text (typing on a physical keyboard). */
  set(text: string): void {
    this.text = [...text].slice(0, MAX_QUERY_LENGTH).join('');
  }
}

/** True when the text holds enough to look for: two letters or digits (one matches nearly all). */
export function isSearchable(text: string): boolean {
  return (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2;
}

/**
 * - `idle`: nothing to look for yet (fewer than two letters);
 * - `searching`: words typed, their answer not here yet (the previous answer stays on show);
 * - `ready`: `results` answer `query`;
 * - `failed`: the kiosk could not search.
 */
export type SearchStatus = 'idle' | 'searching' | 'ready' | 'failed';

/** Results that follow the visitor's words. */
export class LiveSearch {
  status = $state<SearchStatus>('idle');
  // Raw: results are replaced whole, never edited.
  results = $state.raw<SearchResults | null>(null);
  /** The words `results` answer. */
  query = $state('');
  #wanted = '';
  #lang: string | undefined;
  #latest = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #run: (query: string, lang: string | undefined) => Promise<SearchResults>;
  readonly #delayMs: number;

  /** `delayMs`: long enough to skip the words between quick taps, short enough to feel immediate. */
  constructor(run: (query: string, lang: string | undefined) => Promise<SearchResults>, delayMs = 150) {
    this.#run = run;
    this.#delayMs = delayMs;
  }

  /**
   * Looks for `text` after the delay, unless the visitor types on. `lang` is the visitor's
   * language, which results are titled in: a switch of language asks again.
   */
  update(text: string, lang?: string): void {
    const wanted = text.trim().replace(/\s+/g, ' ');
    if (wanted === this.#wanted && lang === this.#lang) return;
    this.#wanted = wanted;
    this.#lang = lang;
    clearTimeout(this.#timer);
    const request = ++this.#latest;
    if (!isSearchable(wanted)) {
      this.status = 'idle';
      this.results = null;
      this.query = '';
      return;
    }
    this.status = 'searching';
    this.#timer = setTimeout(() => void this.#search(wanted, lang, request), this.#delayMs);
  }

  async #search(query: string, lang: string | undefined, request: number): Promise<void> {
    try {
      const results = await this.#run(query, lang);
      if (request !== this.#latest) return;
      this.results = results;
      this.query = query;
      this.status = 'ready';
    } catch {
      if (request !== this.#latest) return;
      this.results = null;
      this.query = query;
      this.status = 'failed';
    }
  }

  /** Stops a pending search and ignores any answer still on its way. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#latest++;
  }
}
