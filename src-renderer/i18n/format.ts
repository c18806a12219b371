/**
 * Turns a message key into words in one language: picks the plural form the language's own rules
 * ask for (Intl.PluralRules: Russian has one, few and many where English has one and other) and
 * fills in the placeholders, numbers written the language's way.
 */
import { en } from './en';
import type { Locale } from './languages';
import type { MessageKey, ParamArgs, PluralForms } from './messages';
import { ru } from './ru';

const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string | PluralForms>>>> = { en, ru };

// One rule set and one number format per language, made on first use.
const plurals = new Map<Locale, Intl.PluralRules>();
const numbers = new Map<Locale, Intl.NumberFormat>();

function cached<T>(cache: Map<Locale, T>, locale: Locale, make: () => T): T {
  let value = cache.get(locale);
  if (value === undefined) cache.set(locale, (value = make()));
  return value;
}

/** The message `key` in `locale`, with its parameters filled in. */
export function formatMessage<K extends MessageKey>(locale: Locale, key: K, ...[params]: ParamArgs<K>): string {
  const values: Readonly<Record<string, string | number>> = params ?? {};
  const message = CATALOGUES[locale][key];
  const text =
    typeof message === 'string'
      ? message
      : (message[cached(plurals, locale, () => new Intl.PluralRules(locale)).select(Number(values.count))] ?? message.other);
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (typeof value === 'number') return cached(numbers, locale, () => new Intl.NumberFormat(locale)).format(value);
    // The types make a missing value impossible; if one slips through, the gap stays visible.
    return value ?? placeholder;
  });
}
