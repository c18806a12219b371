// @vitest-environment happy-dom
/**
 * The visitor's language: English until the exhibit says otherwise, the package's language as
 * the default when the kiosk speaks it, the visitor's choice over both, words that follow a
 * switch, and a fresh default for the next visitor (a new VisitorSession).
 */
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { Language } from '../../src-renderer/state/language.svelte';
import { VisitorSession } from '../../src-renderer/state/visitor-session.svelte';

describe('Language', () => {
  it('speaks English before the exhibit is known, and declares no content language yet', () => {
    const language = new Language();
    expect(language.locale).toBe('en');
    expect(language.content).toBeUndefined();
    expect(language.t('kiosk.back')).toBe('Back');
  });

  it("defaults to the package's language when the kiosk speaks it, else to English", () => {
    const language = new Language();
    language.setContentLanguage('ru');
    expect([language.default, language.locale, language.content]).toEqual(['ru', 'ru', 'ru']);
    language.setContentLanguage('de');
    expect([language.default, language.locale, language.content]).toEqual(['en', 'en', 'de']);
  });

  it("keeps the visitor's choice over the default, and the content's language as it is", () => {
    const language = new Language();
    language.setContentLanguage('en');
    language.choose('ru');
    expect(language.locale).toBe('ru');
    expect(language.default).toBe('en');
    expect(language.content).toBe('en');
    expect(language.t('kiosk.back')).toBe('Назад');
  });

  it('is reactive: words read in an effect follow the switch', () => {
    const language = new Language();
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => void seen.push(language.t('count.objects', { count: 5 })));
    });
    flushSync();
    language.choose('ru');
    flushSync();
    language.choose('en');
    flushSync();
    stop();
    expect(seen).toEqual(['5 objects', '5\u00a0предметов', '5 objects']);
  });

  it('lives in the VisitorSession, so the idle reset (a new session) brings back the default', () => {
    const session = new VisitorSession();
    session.language.choose('ru');
    const next = new VisitorSession();
    expect(next.language.locale).toBe('en');
    expect(next.language).not.toBe(session.language);
  });
});
