// @vitest-environment happy-dom
/**
 * Package text in the visitor's language (issue 6): a package with Russian on some texts only.
 * In a Russian kiosk the screens show the Russian where the package gives it and the English
 * elsewhere, each element's `lang` saying which, and a switch back to English needs no new data.
 * (The Russian words are test text written for these tests.)
 */
import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ArtifactSummary, ArtifactView, ExhibitView, SectionView, TopicView } from '../../src-main/contract/types';
import { i18nContext } from '../../src-renderer/i18n/context';
import Artifact from '../../src-renderer/screens/Artifact.svelte';
import Home from '../../src-renderer/screens/Home.svelte';
import Section from '../../src-renderer/screens/Section.svelte';
import Topic from '../../src-renderer/screens/Topic.svelte';
import { Language } from '../../src-renderer/state/language.svelte';

vi.mock('openseadragon', () => import('./openseadragon-fake'));

const languages = { language: 'en', languages: ['ru'] };
const image = (alt: ArtifactSummary['title']) => ({ page: 1, src: '/media/a.jpg', display: '/media/b.webp', thumb: '/media/c.webp', tiles: '/tiles/a/image.dzi', width: 96, height: 128, alt, standIn: false, pyramid: null });
const letter: ArtifactSummary = { id: 'a1', title: { en: 'Letter on grain', ru: 'Письмо о зерне' }, thumb: image('Image of a1, page 1'), recording: null };

const topic: TopicView = {
  ...languages,
  id: 'alpha',
  title: { en: 'Alpha', ru: 'Альфа' },
  era: 'Early Years',
  section: { id: 'first', title: { en: 'First Section', ru: 'Первый раздел' } },
  blocks: [
    { type: 'paragraph', text: { en: 'Famine relief began in 1921.', ru: 'Помощь голодающим началась в 1921 году.' } },
    { type: 'artifact', artifact: letter },
    { type: 'paragraph', text: 'A paragraph in English only.' },
  ],
  previousId: null,
  nextId: null,
};

/** A Russian-speaking visitor of an English exhibit. */
function russianVisitor(): Language {
  const language = new Language();
  language.setContentLanguage('en');
  language.choose('ru');
  return language;
}

const shown = (el: Element | null) => ({ text: el?.textContent?.trim(), lang: el?.getAttribute('lang') });

describe('package text in the visitor\'s language, English where the package has no Russian', () => {
  it('a topic: Russian title and first paragraph, English era and last paragraph, each marked', () => {
    const language = russianVisitor();
    const { container } = render(Topic, { props: { topic, onOpenArtifact: vi.fn(), onOpenTopic: vi.fn() }, context: i18nContext(language) });
    expect(shown(container.querySelector('h1'))).toEqual({ text: 'Альфа', lang: 'ru' });
    expect(shown(container.querySelector('.era'))).toEqual({ text: 'Early Years', lang: 'en' });
    expect(shown(container.querySelector('.eyebrow .section'))).toEqual({ text: 'Первый раздел', lang: 'ru' });
    const paragraphs = [...container.querySelectorAll('article > p')].map(shown);
    expect(paragraphs).toEqual([
      { text: 'Помощь голодающим началась в 1921 году.', lang: 'ru' },
      { text: 'A paragraph in English only.', lang: 'en' },
    ]);
    // The object's card: its Russian title, its English-only image description marked English.
    expect(shown(container.querySelector('.card .title'))).toEqual({ text: 'Письмо о зерне', lang: 'ru' });
    expect(screen.getByRole('img', { name: 'Image of a1, page 1' }).getAttribute('lang')).toBe('en');
    expect(screen.getByRole('button', { name: /Письмо о зерне/ })).toBeTruthy();
  });

  it('follows a switch back to English at once, from the same data', () => {
    const language = russianVisitor();
    const { container } = render(Topic, { props: { topic, onOpenArtifact: vi.fn(), onOpenTopic: vi.fn() }, context: i18nContext(language) });
    language.choose('en');
    flushSync();
    expect(shown(container.querySelector('h1'))).toEqual({ text: 'Alpha', lang: 'en' });
    expect(shown(container.querySelector('article > p'))).toEqual({ text: 'Famine relief began in 1921.', lang: 'en' });
  });

  it('a section: a partly translated introduction and topic list, paragraph by paragraph', () => {
    const section: SectionView = {
      ...languages,
      id: 'first',
      title: { en: 'First Section', ru: 'Первый раздел' },
      introduction: [{ en: 'The détente of 1972.', ru: 'Разрядка 1972 года.' }, 'Only in English.'],
      eras: [{ era: { en: 'Early Years', ru: 'Ранние годы' }, topics: [{ id: 'alpha', title: { en: 'Alpha', ru: 'Альфа' }, era: null, artifactCount: 1 }, { id: 'beta', title: 'Beta', era: null, artifactCount: 2 }] }],
    };
    const { container } = render(Section, { props: { section, onOpenTopic: vi.fn() }, context: i18nContext(russianVisitor()) });
    expect(shown(container.querySelector('h1'))).toEqual({ text: 'Первый раздел', lang: 'ru' });
    expect([...container.querySelectorAll('.introduction p')].map(shown)).toEqual([
      { text: 'Разрядка 1972 года.', lang: 'ru' },
      { text: 'Only in English.', lang: 'en' },
    ]);
    expect(shown(container.querySelector('h2'))).toEqual({ text: 'Ранние годы', lang: 'ru' });
    expect([...container.querySelectorAll('.topic .title')].map(shown)).toEqual([
      { text: 'Альфа', lang: 'ru' },
      { text: 'Beta', lang: 'en' },
    ]);
  });

  it('home: the exhibit title in Russian, its credit and an untranslated section in English', () => {
    const exhibit: ExhibitView = {
      ...languages,
      title: { en: 'A Test Exhibit', ru: 'Тестовая выставка' },
      subtitle: null,
      credit: 'Made for tests',
      sections: [
        { id: 'first', title: { en: 'First Section', ru: 'Первый раздел' }, hasContent: true, topicCount: 1, artifactCount: 1, cover: null },
        { id: 'empty', title: 'Empty Section', hasContent: false, topicCount: 0, artifactCount: 0, cover: null },
      ],
      highlights: [letter],
      attract: { title: { en: 'A Test Exhibit', ru: 'Тестовая выставка' }, invitation: null, artifacts: [letter] },
      timeline: null,
      package: { id: 'test', version: '1.0.0', versionId: 1, importedAt: '2026-01-01T00:00:00.000Z' },
    };
    const { container } = render(Home, { props: { exhibit, onOpenSection: vi.fn() }, context: i18nContext(russianVisitor()) });
    expect(shown(container.querySelector('h1'))).toEqual({ text: 'Тестовая выставка', lang: 'ru' });
    expect(shown(container.querySelector('.credit'))).toEqual({ text: 'Made for tests', lang: 'en' });
    expect([...container.querySelectorAll('.section-card .title')].map(shown)).toEqual([
      { text: 'Первый раздел', lang: 'ru' },
      { text: 'Empty Section', lang: 'en' },
    ]);
    expect(screen.getByRole('button', { name: /^Первый раздел 1/ })).toBeTruthy();
  });

  it('an object: Russian title and first translation paragraph, English caption, date and the rest', () => {
    const artifact: ArtifactView = {
      ...languages,
      id: 'a1',
      title: { en: 'Letter on grain', ru: 'Письмо о зерне' },
      caption: 'A caption in English only.',
      permanentUrl: null,
      translation: [{ en: 'Translated grain letter.', ru: 'Письмо о зерне, в переводе.' }, 'Its second paragraph.'],
      translationNote: null,
      date: '1921',
      images: [image({ en: 'Image of a1, page 1', ru: 'Изображение a1' })],
      recordings: [],
      topic: { id: 'alpha', title: { en: 'Alpha', ru: 'Альфа' }, era: 'Early Years' },
      previousId: null,
      nextId: null,
    };
    const { container } = render(Artifact, { props: { artifact, qr: null, onOpenArtifact: vi.fn() }, context: i18nContext(russianVisitor()) });
    expect(shown(container.querySelector('h1'))).toEqual({ text: 'Письмо о зерне', lang: 'ru' });
    expect(shown(container.querySelector('.caption'))).toEqual({ text: 'A caption in English only.', lang: 'en' });
    expect(shown(container.querySelector('.date'))).toEqual({ text: '1921', lang: 'en' });
    expect([...container.querySelectorAll('.eyebrow span')].map(shown)).toEqual([
      { text: 'Early Years', lang: 'en' },
      { text: 'Альфа', lang: 'ru' },
    ]);
    expect(screen.getByRole('img', { name: 'Изображение a1' }).getAttribute('lang')).toBe('ru');
    expect([...container.querySelectorAll('.translation .prose p')].map(shown)).toEqual([
      { text: 'Письмо о зерне, в переводе.', lang: 'ru' },
      { text: 'Its second paragraph.', lang: 'en' },
    ]);
  });
});
