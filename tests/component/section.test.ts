// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Section from '../../src-renderer/screens/Section.svelte';
import { readExhibitFolder } from '../../src-main/core/packages/source-format/exhibit-folder';
import { BUILTIN_DIR } from '../helpers/packages';
import { openKiosk } from './real-kiosk';

/** The built-in exhibit's source as its curator wrote it, for asserting verbatim text. */
const exhibitSource = readExhibitFolder(BUILTIN_DIR, { images: false });

const section = (await openKiosk()).read.section('the-soviet-union-and-the-united-states');
const source = exhibitSource.exhibit.sections[1]!;

describe('Section screen', () => {
  it('shows the introduction paragraphs verbatim, in order, in an article', () => {
    const { container } = render(Section, { section, onOpenTopic: vi.fn() });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The Soviet Union and the United States');
    const paragraphs = [...container.querySelectorAll('article p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(source.introduction);
  });

  it('groups topics under era headings, the topic without an era under none', () => {
    const { container } = render(Section, { section, onOpenTopic: vi.fn() });
    const eras = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(eras).toEqual(['Early Cooperation', 'World War II', 'Cold War']);
    const groups = [...container.querySelectorAll('nav section')].map((g) => ({
      era: g.querySelector('h2')?.textContent ?? null,
      topics: [...g.querySelectorAll('button')].map((b) => b.querySelector('.title')?.textContent),
    }));
    expect(groups).toEqual([
      { era: 'Early Cooperation', topics: ['American Famine Relief', 'Economic Cooperation'] },
      { era: null, topics: ['Soviet and American Communist Parties'] },
      { era: 'World War II', topics: ['Alliance', 'American POWs and MIAs'] },
      { era: 'Cold War', topics: ['Postwar Estrangement', 'Soviet Perspectives', 'Cuban Missile Crisis'] },
    ]);
  });

  it('opens a topic from a button whose name starts with its title', async () => {
    const onOpenTopic = vi.fn();
    render(Section, { section, onOpenTopic });
    await fireEvent.click(screen.getByRole('button', { name: /^Postwar Estrangement/ }));
    expect(onOpenTopic).toHaveBeenCalledWith('postwar-estrangement');
  });
});
