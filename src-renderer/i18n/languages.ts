/**
 * The languages the kiosk's own words (its UI, not the exhibit's content) are written in.
 * Adding one means a catalogue beside en.ts and ru.ts, its name here, and nothing else.
 */

/** UI languages, in the order the language switch shows them. */
export const LOCALES = ['en', 'ru'] as const;

export type Locale = (typeof LOCALES)[number];

/** Each language in its own name: a visitor looks for the words they can read, not a flag. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', ru: 'Русский' };

/** The UI language for a package's language tag ("ru", "en-GB"), or null when the kiosk has none. */
export function localeFor(tag: string | null | undefined): Locale | null {
  const base = tag?.split('-')[0]?.toLowerCase();
  return LOCALES.find((locale) => locale === base) ?? null;
}
