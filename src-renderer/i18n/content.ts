/**
 * The exhibit's own words in the visitor's language, where the package gives them (issue 6):
 * each text is picked on its own, falling back to the exhibit's language when that one text has
 * no version in the visitor's. The picked text's language goes on its element as `lang`, so a
 * screen reader in a Russian kiosk reads an English fallback with an English voice.
 * Packages are never translated here: the kiosk shows only what the package says.
 */
import type { LocalText } from '@contract/types';
import { useI18n } from './context';

/** A text as shown: its words and the language they are in (undefined when not known). */
export interface PickedText {
  text: string;
  lang: string | undefined;
}

/** The base language of a tag: "en-GB" → "en". */
const base = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * `text` in `uiLang` when the package gives it (exactly, else in a regional variant such as
 * "ru-RU"), else in `defaultLang`, the exhibit's language, which every text has. A plain text is
 * in the exhibit's language.
 */
export function pickText(text: LocalText, uiLang: string, defaultLang: string | undefined): PickedText {
  if (typeof text === 'string') return { text, lang: defaultLang };
  const tags = Object.keys(text);
  const tag =
    tags.find((t) => t === uiLang) ??
    tags.find((t) => base(t) === base(uiLang)) ??
    tags.find((t) => t === defaultLang) ??
    // Not reached for a valid package (the validator requires the default language): the first.
    tags[0];
  return tag === undefined ? { text: '', lang: defaultLang } : { text: text[tag]!, lang: tag };
}

/** What a component uses: the picked text's words and `lang`, following the language switch. */
export interface ContentText {
  /** The text in the visitor's language, or its fallback. */
  text(text: LocalText): string;
  /** The language of what `text` shows, for the element's `lang`. */
  lang(text: LocalText): string | undefined;
  pick(text: LocalText): PickedText;
}

/**
 * Package text for this component in the current visitor's language; call during initialisation.
 * Reactive: a template calling it follows the language switch with no new request.
 */
export function useContentText(): ContentText {
  const i18n = useI18n();
  const pick = (text: LocalText) => pickText(text, i18n.locale, i18n.content);
  return { pick, text: (text) => pick(text).text, lang: (text) => pick(text).lang };
}
