// @vitest-environment happy-dom
/**
 * The timeline in a Russian UI: the kiosk's words are Russian, and years the package gives no
 * label for are worded by the renderer in the visitor's language («до н. э.», not "BCE"), while a
 * label the package gives is shown as it is.
 */
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { buildTimeline } from '../../src-main/core/timeline';
import TimelineCard from '../../src-renderer/components/timeline/TimelineCard.svelte';
import { periodText, spanText } from '../../src-renderer/components/timeline/years';
import { i18nContext } from '../../src-renderer/i18n/context';
import { formatMessage } from '../../src-renderer/i18n/format';
import type { Locale } from '../../src-renderer/i18n/languages';
import type { Translate } from '../../src-renderer/i18n/messages';
import Timeline from '../../src-renderer/screens/Timeline.svelte';
import { Language } from '../../src-renderer/state/language.svelte';

const nbsp = '\u00a0';
const BCE = `до${nbsp}н.${nbsp}э.`;

function language(locale: Locale): Language {
  const chosen = new Language();
  chosen.choose(locale);
  return chosen;
}

const words = (locale: Locale): Translate => (key, ...params) => formatMessage(locale, key, ...params);

/** Rome's kings without a label, a package-labelled 1920s topic, and an object dated by neither. */
const TIMELINE = buildTimeline({
  span: null,
  topics: [
    { id: 'kings', title: 'The Kings of Rome', era: null, artifactCount: 0, period: { from: -753, to: -509, label: null } },
    { id: 'relief', title: 'American Famine Relief', era: null, artifactCount: 2, period: { from: 1920, to: 1923, label: 'early 1920s' } },
  ],
  artifacts: [{ id: 'letter', title: 'A Letter', thumb: null, recording: null, period: null, topicId: null }],
});

describe('years in the visitor’s language', () => {
  it('words BCE years from the catalogue, and keeps a label the package gives', () => {
    const ru = words('ru');
    const en = words('en');
    expect(periodText(ru, { from: -753, to: -509, label: null })).toBe(`753–509${nbsp}${BCE}`);
    expect(periodText(en, { from: -753, to: -509, label: null })).toBe('753–509 BCE');
    expect(periodText(ru, { from: -50, to: 30, label: null })).toBe(`50${nbsp}${BCE}${nbsp}— 30${nbsp}н.${nbsp}э.`);
    expect(periodText(en, { from: -50, to: 30, label: null })).toBe('50 BCE – 30 CE');
    expect(periodText(ru, { from: 1962, to: 1962, label: null })).toBe('1962');
    expect(periodText(ru, { from: 1920, to: 1923, label: 'early 1920s' })).toBe('early 1920s');
    // Years are never grouped like numbers («1 921»).
    expect(spanText(ru, { from: 1917, to: 1991 })).toBe(`1917${nbsp}— 1991`);
    expect(spanText(en, { from: 1917, to: 1991 })).toBe('1917 – 1991');
  });
});

describe('Timeline in Russian', () => {
  it('words the screen, the axis, the entries and Undated in Russian', () => {
    const props = { timeline: TIMELINE, onOpenTopic: vi.fn(), onOpenArtifact: vi.fn() };
    const { container } = render(Timeline, { props, context: i18nContext(language('ru')) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Хронология');
    expect(container.querySelector('.lede')?.textContent).toContain(`753${nbsp}${BCE}${nbsp}— 1923`);
    const list = screen.getByRole('list', { name: 'Темы и предметы в хронологическом порядке' });
    // Spaces folded as a screen reader hears them; the no-break ones are the catalogue's and stay.
    const names = within(list).getAllByRole('button').map((b) => b.textContent!.replace(/[^\S\u00a0]+/g, ' ').trim());
    expect(names).toEqual([`The Kings of Rome 753–509${nbsp}${BCE} , тема, 0${nbsp}предметов`, `American Famine Relief early 1920s , тема, 2${nbsp}предмета`]);
    expect(container.querySelector('.ticks')?.textContent).toContain(BCE);
    expect(container.textContent).not.toMatch(/BCE/);
    screen.getByRole('button', { name: 'Раньше' });
    screen.getByRole('button', { name: 'Позже' });
    expect(screen.getByTestId('timeline-in-view').textContent).toMatch(/^Годы на экране:/);
    const undated = screen.getByRole('region', { name: 'Без даты' });
    expect(undated.textContent).toContain('Для этих тем и предметов выставка не указывает дат');
    expect(within(undated).getByRole('button').textContent!.replace(/\s+/g, ' ').trim()).toBe('Предмет A Letter');
  });

  it('invites from the home screen in Russian', () => {
    render(TimelineCard, { props: { span: { from: 1917, to: 1991 }, onOpen: vi.fn() }, context: i18nContext(language('ru')) });
    screen.getByRole('button', { name: `Хронология 1917${nbsp}— 1991 Темы и предметы в хронологическом порядке` });
  });
});
