// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Topic from '../../src-renderer/screens/Topic.svelte';
import { readExhibitFolder } from '../../src-main/core/packages/source-format/exhibit-folder';
import { BUILTIN_DIR } from '../helpers/packages';
import { openKiosk } from './real-kiosk';

/** The built-in exhibit's source as its curator wrote it, for asserting verbatim text. */
const exhibitSource = readExhibitFolder(BUILTIN_DIR, { images: false });

const topic = (await openKiosk()).read.topic('postwar-estrangement');
const sourceBody = exhibitSource.exhibit.sections[1]!.topics.find((t) => t.id === 'postwar-estrangement')!.body;

describe('Topic screen', () => {
  it('titles the screen with the topic, the era shown apart from the title', () => {
    const { container } = render(Topic, { topic, onOpenArtifact: vi.fn(), onOpenTopic: vi.fn() });
    expect(container.querySelector('main[data-screen="topic"]')).not.toBeNull();
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(h1.textContent).toBe('Postwar Estrangement');
    expect(container.querySelector('header')?.textContent).toContain('Cold War');
  });

  it('interleaves paragraphs and objects exactly in the order the package gives', () => {
    const { container } = render(Topic, { topic, onOpenArtifact: vi.fn(), onOpenTopic: vi.fn() });
    const article = container.querySelector('article')!;
    const sequence = [...article.querySelectorAll('p, button')].map((el) =>
      el.tagName === 'P' ? 'paragraph' : el.getAttribute('aria-label'),
    );
    expect(sequence).toEqual([
      'paragraph',
      // Each card's name holds its stand-in label too, as its words do (WCAG 2.5.3).
      'Open Stalin at Potsdam, Stand-in image — not the original, Look closer',
      'paragraph',
      'paragraph',
      'paragraph',
      'Open Telegram to President Truman, Stand-in image — not the original, Look closer',
    ]);
  });

  it('keeps every paragraph verbatim, curly quotes and dashes included', () => {
    const { container } = render(Topic, { topic, onOpenArtifact: vi.fn(), onOpenTopic: vi.fn() });
    const texts = [...container.querySelectorAll('article p')].map((p) => p.textContent);
    const expected = sourceBody.flatMap((b) => ('text' in b ? [b.text] : []));
    expect(texts).toEqual(expected);
  });

  it('opens an object from its card, and shows its thumbnail as a stand-in', async () => {
    const onOpenArtifact = vi.fn();
    render(Topic, { topic, onOpenArtifact, onOpenTopic: vi.fn() });
    const card = screen.getByRole('button', { name: new RegExp('^Open Telegram to President Truman') });
    const img = card.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('Stand-in image for: Telegram to President Truman');
    // The card-sized rendition the core made at import (WebP), by its content address.
    expect(img.getAttribute('src')).toMatch(/^\/media\/[0-9a-f]{64}\.webp$/);
    expect(card.textContent).toContain('Stand-in image — not the original');
    await fireEvent.click(card);
    expect(onOpenArtifact).toHaveBeenCalledWith('obj7');
  });

  it('offers the neighbouring topics', async () => {
    const onOpenTopic = vi.fn();
    render(Topic, { topic, onOpenArtifact: vi.fn(), onOpenTopic });
    await fireEvent.click(screen.getByRole('button', { name: 'Next topic' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Previous topic' }));
    expect(onOpenTopic.mock.calls).toEqual([['soviet-perspectives'], ['american-pows-and-mias']]);
  });
});
