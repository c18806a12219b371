/**
 * The language of the kiosk's own words for one visitor (issue 6, "Languages"). It lives in the
 * VisitorSession, so the idle reset brings the next visitor the default language with no extra
 * code: a visitor's choice never outlives their visit.
 *
 * The default follows the exhibit: a package in a language the kiosk speaks opens in it, any other
 * in English. The package's language is also what content containers declare with `lang`, since
 * content is never translated: a Russian UI around an English essay says so to a screen reader.
 */
import { formatMessage } from '../i18n/format';
import { localeFor, type Locale } from '../i18n/languages';
import type { I18n } from '../i18n/context';
import type { MessageKey, ParamArgs } from '../i18n/messages';

/** The UI language when the package's language is not one the kiosk speaks (or not known yet). */
export const FALLBACK_LOCALE: Locale = 'en';

export class Language implements I18n {
  #chosen = $state<Locale | null>(null);
  #content = $state<string | null>(null);

  /** The language the UI speaks now: the visitor's choice, else the default. */
  get locale(): Locale {
    return this.#chosen ?? this.default;
  }

  /** The exhibit's language when the kiosk speaks it, else English. */
  get default(): Locale {
    return localeFor(this.#content) ?? FALLBACK_LOCALE;
  }

  /** The content's language tag (the package's), for `lang` on content; undefined until known. */
  get content(): string | undefined {
    return this.#content ?? undefined;
  }

  /** The visitor's tap on the language switch. */
  choose(locale: Locale): void {
    this.#chosen = locale;
  }

  /** Takes note of the exhibit's language (a package's `language`, e.g. "en") once it is loaded. */
  setContentLanguage(tag: string): void {
    this.#content = tag;
  }

  /** The message `key` in the current language; reactive: a template using it follows a switch. */
  t = <K extends MessageKey>(key: K, ...params: ParamArgs<K>): string => formatMessage(this.locale, key, ...params);
}
