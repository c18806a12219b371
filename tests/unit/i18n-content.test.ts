/**
 * Language fallback for package text (issue 6): each text is picked on its own, in the visitor's
 * language where the package gives it, else in the exhibit's language, and says which it is.
 */
import { describe, expect, it } from 'vitest';
import type { LocalText } from '../../src-main/contract/types';
import { pickText } from '../../src-renderer/i18n/content';

const both = { en: 'Alliance', ru: 'Союз' };

describe('pickText', () => {
  it('gives the text in the visitor\'s language when the package has it', () => {
    expect(pickText(both, 'ru', 'en')).toEqual({ text: 'Союз', lang: 'ru' });
    expect(pickText(both, 'en', 'en')).toEqual({ text: 'Alliance', lang: 'en' });
  });

  it('falls back to the exhibit\'s language, and says so, when this text lacks the visitor\'s', () => {
    expect(pickText({ en: 'Cold War' }, 'ru', 'en')).toEqual({ text: 'Cold War', lang: 'en' });
    expect(pickText({ ru: 'Холодная война', de: 'Kalter Krieg' }, 'en', 'ru')).toEqual({ text: 'Холодная война', lang: 'ru' });
  });

  it('treats a plain text as the exhibit\'s language (one-language packages)', () => {
    expect(pickText('Cold War', 'ru', 'en')).toEqual({ text: 'Cold War', lang: 'en' });
    expect(pickText('Cold War', 'ru', undefined)).toEqual({ text: 'Cold War', lang: undefined });
  });

  it('picks paragraph by paragraph: a partly translated list mixes languages, each marked', () => {
    const paragraphs: LocalText[] = [{ en: 'One.', ru: 'Один.' }, 'Two.', { en: 'Three.' }];
    expect(paragraphs.map((p) => pickText(p, 'ru', 'en'))).toEqual([
      { text: 'Один.', lang: 'ru' },
      { text: 'Two.', lang: 'en' },
      { text: 'Three.', lang: 'en' },
    ]);
  });

  it('falls back for a UI language the package does not have at all', () => {
    expect(pickText(both, 'fr', 'en')).toEqual({ text: 'Alliance', lang: 'en' });
  });

  it('matches a regional tag of the visitor\'s language, the exact tag first', () => {
    expect(pickText({ en: 'Colour', 'ru-RU': 'Цвет' }, 'ru', 'en')).toEqual({ text: 'Цвет', lang: 'ru-RU' });
    expect(pickText({ 'en-GB': 'Colour', 'en-US': 'Color', en: 'Colour' }, 'en', 'en')).toEqual({ text: 'Colour', lang: 'en' });
  });

  it('still shows something if the exhibit\'s language were missing (the validator refuses such a package)', () => {
    expect(pickText({ de: 'Bündnis' }, 'ru', 'en')).toEqual({ text: 'Bündnis', lang: 'de' });
  });
});
