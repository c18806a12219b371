/**
 * How components reach the visitor's language without importing a singleton: Kiosk.svelte
 * provides it once for everything under it (the visitor's screens and the overlays above them),
 * following the current VisitorSession, so a reset swaps the language with the session.
 */
import { getContext, setContext } from 'svelte';
import { Language } from '../state/language.svelte';
import type { Locale } from './languages';
import type { Translate } from './messages';

/** What a component needs of the language: its words, the two `lang` values, and the switch. */
export interface I18n {
  /** The UI language (for `lang` on the kiosk's own words). */
  readonly locale: Locale;
  /** The content's language tag (for `lang` on package text), or undefined when not known. */
  readonly content: string | undefined;
  readonly t: Translate;
  choose(locale: Locale): void;
}

const KEY = Symbol('vitrine.i18n');

/** Gives every component below the language of whichever session `current` returns at the time. */
export function provideI18n(current: () => Language): I18n {
  return setContext<I18n>(KEY, {
    get locale() {
      return current().locale;
    },
    get content() {
      return current().content;
    },
    t: (key, ...params) => current().t(key, ...params),
    choose: (locale) => current().choose(locale),
  });
}

/** Mount options' `context` giving `language` to a component mounted on its own (tests, previews). */
export function i18nContext(language: I18n): Map<symbol, I18n> {
  return new Map([[KEY, language]]);
}

/**
 * The language provided above this component; call it during the component's initialisation.
 * A component mounted on its own (a component test, a preview) gets a language of its own, in
 * the default language, rather than an error.
 */
export function useI18n(): I18n {
  return getContext<I18n | undefined>(KEY) ?? new Language();
}
