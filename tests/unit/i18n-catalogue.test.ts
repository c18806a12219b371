/**
 * The message catalogues: English and Russian complete and alike (same keys, same placeholders,
 * nothing empty), Russian plurals in all their forms, and Russian typography as a Russian museum
 * would print it. The types are checked too: `npm run check` compiles the @ts-expect-error lines.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src-renderer/i18n/en';
import { formatMessage } from '../../src-renderer/i18n/format';
import { LANGUAGE_NAMES, localeFor, LOCALES } from '../../src-renderer/i18n/languages';
import type { Catalogue, MessageKey, PluralForms, RussianPlural } from '../../src-renderer/i18n/messages';
import { ru } from '../../src-renderer/i18n/ru';

type Message = string | PluralForms;
const catalogues: Record<string, Readonly<Record<string, Message>>> = { en, ru };
const keys = Object.keys(en) as MessageKey[];

/** Every text of a message: the string, or each plural form. */
const textsOf = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));
const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const formsOf = (message: Message): string[] => (typeof message === 'string' ? [] : Object.keys(message).sort());

describe('message catalogues', () => {
  it('Russian has exactly the English keys, each a string or plural forms as in English', () => {
    expect(Object.keys(ru).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(typeof ru[key], key).toBe(typeof en[key]);
  });

  it('has no empty message in any language or form', () => {
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const [key, message] of Object.entries(catalogue)) {
        for (const text of textsOf(message)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in every language and every plural form', () => {
    for (const key of keys) {
      const expected = placeholdersOf(textsOf(en[key]).at(-1)!);
      for (const [locale, catalogue] of Object.entries(catalogues)) {
        for (const text of textsOf(catalogue[key]!)) expect(placeholdersOf(text), `${locale} ${key}: ${text}`).toEqual(expected);
      }
    }
  });

  it('gives English one/other and Russian one/few/many/other for every plural message', () => {
    const plural = keys.filter((key) => typeof en[key] !== 'string');
    expect(plural.length).toBeGreaterThan(0);
    for (const key of plural) {
      expect(formsOf(en[key]), key).toEqual(['one', 'other']);
      expect(formsOf(ru[key]), key).toEqual(['few', 'many', 'one', 'other']);
      expect(placeholdersOf(textsOf(en[key])[0]!), key).toContain('count');
    }
  });

  it('leaves no English in the Russian catalogue (only the Latin "QR")', () => {
    for (const key of keys) {
      for (const text of textsOf(ru[key])) expect(text.replace(/\{\w+\}/g, '').replace(/QR/g, ''), key).not.toMatch(/[A-Za-z]/);
    }
  });

  it('prints Russian the Russian way: «ёлочки», a no-break space before a dash, an ellipsis character', () => {
    for (const key of keys) {
      for (const text of textsOf(ru[key])) {
        expect(text, key).not.toMatch(/["“”„]/);
        expect(text, key).not.toMatch(/\.\.\./);
        expect(text, key).not.toMatch(/ [-–—] /); // a dash after an ordinary (breaking) space
        expect(text, key).not.toMatch(/\d\} [а-яё]/i); // a number parted from its noun at a line end
      }
    }
    expect(ru['object.standIn']).toBe('Условное изображение\u00a0— не подлинник');
    expect(ru['myList.empty']).toContain('«{save}»');
  });
});

describe('formatMessage', () => {
  it('fills in placeholders', () => {
    expect(formatMessage('en', 'object.open', { title: 'Stalin at Potsdam' })).toBe('Open Stalin at Potsdam');
    expect(formatMessage('ru', 'object.open', { title: 'Stalin at Potsdam' })).toBe('Открыть «Stalin at Potsdam»');
    expect(formatMessage('ru', 'myList.empty', { save: formatMessage('ru', 'object.save') })).toMatch(/^Здесь пока ничего нет\. Нажмите «Сохранить»/);
  });

  it('counts in English: 1 object, 0 and 2 objects', () => {
    expect([0, 1, 2, 21].map((count) => formatMessage('en', 'count.objects', { count }))).toEqual([
      '0 objects',
      '1 object',
      '2 objects',
      '21 objects',
    ]);
  });

  it('counts in Russian with one, few and many: 1 предмет, 2 предмета, 5 предметов', () => {
    const nbsp = '\u00a0';
    const objects = (count: number) => formatMessage('ru', 'count.objects', { count }).replace(nbsp, ' ');
    expect([1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 0].map(objects)).toEqual([
      '1 предмет',
      '2 предмета',
      '3 предмета',
      '4 предмета',
      '5 предметов',
      '11 предметов',
      '12 предметов',
      '14 предметов',
      '21 предмет',
      '22 предмета',
      '25 предметов',
      '101 предмет',
      '111 предметов',
      '0 предметов',
    ]);
    expect(formatMessage('ru', 'count.topics', { count: 1 })).toBe(`1${nbsp}тема`);
    expect(formatMessage('ru', 'count.topics', { count: 3 })).toBe(`3${nbsp}темы`);
    expect(formatMessage('ru', 'count.topics', { count: 8 })).toBe(`8${nbsp}тем`);
    // The verb agrees too: «Сохранён 1 предмет», «Сохранено 2 предмета».
    expect(formatMessage('ru', 'myList.saved', { count: 1 })).toMatch(/^Сохранён 1\u00a0предмет\./);
    expect(formatMessage('ru', 'myList.saved', { count: 2 })).toMatch(/^Сохранено 2\u00a0предмета\./);
    expect(formatMessage('ru', 'kiosk.myListSaved', { count: 0 })).toBe(`Мой список, 0${nbsp}предметов`);
  });

  it('writes numbers the language’s way', () => {
    expect(formatMessage('en', 'count.objects', { count: 10000 })).toBe('10,000 objects');
    expect(formatMessage('ru', 'count.objects', { count: 10000 })).toMatch(/^10\s000\u00a0предметов$/);
  });
});

describe('languages', () => {
  it('names each language in itself, for every catalogue', () => {
    expect(LOCALES).toEqual(['en', 'ru']);
    expect(LANGUAGE_NAMES).toEqual({ en: 'English', ru: 'Русский' });
  });

  it('maps a package language tag to a UI language, or to none', () => {
    expect(localeFor('ru')).toBe('ru');
    expect(localeFor('ru-RU')).toBe('ru');
    expect(localeFor('EN-gb')).toBe('en');
    expect(localeFor('de')).toBeNull();
    expect(localeFor(null)).toBeNull();
  });
});

// Type checks (run by `npm run check`, which compiles this file): a Russian catalogue missing a
// key, with a key English lacks, or short of a plural form does not compile; nor do wrong params.
function typeChecks(): void {
  const { 'kiosk.back': _dropped, ...short } = ru;
  // @ts-expect-error a key is missing
  const missing: Catalogue<RussianPlural> = short;
  // @ts-expect-error a key English does not have
  const extra: Catalogue<RussianPlural> = { ...ru, 'kiosk.extra': 'лишний' };
  // @ts-expect-error Russian needs few and many
  const fewForms: Catalogue<RussianPlural> = { ...ru, 'count.objects': { one: 'предмет', other: 'предмета' } };
  // @ts-expect-error a title is needed
  formatMessage('en', 'object.open');
  // @ts-expect-error a misspelt placeholder
  formatMessage('en', 'object.open', { titel: 'x' });
  // @ts-expect-error a plural's count is a number
  formatMessage('en', 'count.objects', { count: '3' });
  // @ts-expect-error no parameters for a message without placeholders
  formatMessage('en', 'kiosk.back', { count: 1 });
  void [missing, extra, fewForms];
}
void typeChecks;
