// @vitest-environment happy-dom
/**
 * The player on the artifact screen (issue 20), with the real core's answer for a package made
 * of the real test media (scripts/make-test-media.mjs, tests/helpers/recordings.ts): one player
 * per recording under the images, a switch only for the aids a recording has, nothing playing
 * by itself, the transcript in the visitor's language with the exhibit's as fallback, and the
 * idle clock held while the film plays and free again once it stops, its companions included.
 */
import { join } from 'node:path';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArtifactView } from '../../src-main/contract/types';
import { makeTestMedia } from '../../scripts/make-test-media.mjs';
import { createLogger } from '../../src-main/core/log';
import { openVitrine, type VitrineCore } from '../../src-main/core/vitrine';
import { i18nContext } from '../../src-renderer/i18n/context';
import Artifact from '../../src-renderer/screens/Artifact.svelte';
import { Idle } from '../../src-renderer/state/idle.svelte';
import { Language } from '../../src-renderer/state/language.svelte';
import { tempDir } from '../helpers/packages';
import { makeRecordingPackage, TRANSCRIPT_WORD } from '../helpers/recordings';
import { FakeViewer } from './openseadragon-fake';

vi.mock('openseadragon', () => import('./openseadragon-fake'));

let root: ReturnType<typeof tempDir>;
let core: VitrineCore;
let film: ArtifactView;
let interview: ArtifactView;

beforeAll(async () => {
  root = tempDir('vitrine-player-');
  const media = await makeTestMedia(join(root.path, 'media'));
  const packed = await makeRecordingPackage(root.path, media, 'recordings');
  core = await openVitrine({ dataDir: join(root.path, 'data'), builtinPackage: packed, log: createLogger(() => {}) });
  film = structuredClone(core.api.getArtifact({ id: 'a1' }) as ArtifactView);
  interview = structuredClone(core.api.getArtifact({ id: 'a2' }) as ArtifactView);
}, 120_000);

afterAll(() => {
  core?.close();
  root?.cleanup();
});

beforeEach(() => FakeViewer.reset());

/** A visitor in `locale`, in this English exhibit. */
function visitor(locale: 'en' | 'ru'): Language {
  const language = new Language();
  language.setContentLanguage('en');
  language.choose(locale);
  return language;
}

function show(artifact: ArtifactView, language = visitor('en')) {
  return render(Artifact, { props: { artifact, qr: null, onOpenArtifact: vi.fn(), volumeCeiling: 0.7 }, context: i18nContext(language) });
}

const player = (name: RegExp) => within(screen.getByRole('region', { name }));
const media = (container: HTMLElement, role: string) => container.querySelector<HTMLMediaElement>(`[data-role="${role}"]`);

describe('the player on the artifact screen', () => {
  it('shows the film under the image, with every aid it has and nothing playing', () => {
    const { container } = show(film);
    const looking = container.querySelector('.looking')!;
    expect(looking.querySelector('[data-testid="deep-zoom"]')).not.toBeNull();
    const section = looking.querySelector('[data-testid="recording"]')!;
    expect(section.querySelector('h2')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Film Arrival at Potsdam');

    const video = media(container, 'recording')!;
    expect(video.tagName).toBe('VIDEO');
    expect([video.autoplay, video.paused, video.hasAttribute('controls')]).toEqual([false, true, false]);
    expect(video.getAttribute('poster')).toBe(film.recordings[0]!.poster!.display);
    expect([...video.querySelectorAll('track')].map((t) => [t.getAttribute('srclang'), t.hasAttribute('default')])).toEqual([['en', false], ['ru', false]]);

    const controls = player(/Arrival at Potsdam/);
    for (const name of ['Play', 'Back 10 s', 'Forward 10 s', 'Captions', 'Sign language', 'Audio description', 'Read the transcript']) expect(controls.getByRole('button', { name })).toBeTruthy();
    expect(controls.getByRole('button', { name: 'Captions' }).getAttribute('aria-pressed')).toBe('true');
    expect(controls.getByRole('button', { name: 'Back 10 s' }).hasAttribute('disabled')).toBe(true);
    expect(controls.getByRole('slider', { name: 'Position in the recording' }).getAttribute('aria-valuetext')).toBe('0:00 of 0:04');
  });

  it('shows a sound recording without a poster as a calm panel, with the same controls and no switch it has no track for', () => {
    const { container } = show(interview);
    expect(media(container, 'recording')?.tagName).toBe('AUDIO');
    const controls = player(/An interview/);
    expect(controls.getByText('Sound only')).toBeTruthy();
    expect(controls.getByRole('button', { name: 'Play' })).toBeTruthy();
    expect(controls.getByRole('slider')).toBeTruthy();
    for (const name of ['Captions', 'Sign language', 'Audio description', 'Read the transcript']) expect(controls.queryByRole('button', { name })).toBeNull();
  });

  it('moves 10 s at a time within the film, and the clock follows', async () => {
    const { container } = show(film);
    const controls = player(/Arrival at Potsdam/);
    await fireEvent.click(controls.getByRole('button', { name: 'Forward 10 s' }));
    expect(media(container, 'recording')!.currentTime).toBe(4);
    expect(controls.getByTestId('player-clock').textContent).toBe('0:04 / 0:04');
    expect(controls.getByRole('button', { name: 'Forward 10 s' }).hasAttribute('disabled')).toBe(true);
    await fireEvent.click(controls.getByRole('button', { name: 'Back 10 s' }));
    expect(media(container, 'recording')!.currentTime).toBe(0);
  });

  it('shows the interpreter only when asked, muted, and mutes the film for its description', async () => {
    const { container } = show(film);
    const controls = player(/Arrival at Potsdam/);
    expect(media(container, 'sign-language')).toBeNull();
    await fireEvent.click(controls.getByRole('button', { name: 'Sign language' }));
    const sign = media(container, 'sign-language')!;
    expect([sign.muted, sign.getAttribute('src')]).toEqual([true, film.recordings[0]!.signLanguage]);
    expect(controls.getByRole('button', { name: 'Sign language' }).getAttribute('aria-pressed')).toBe('true');

    await fireEvent.click(controls.getByRole('button', { name: 'Audio description' }));
    const described = media(container, 'audio-description')!;
    const video = media(container, 'recording')!;
    expect([video.muted, described.getAttribute('src'), described.volume]).toEqual([true, film.recordings[0]!.audioDescription, 0.7]);
    await fireEvent.click(controls.getByRole('button', { name: 'Audio description' }));
    expect([video.muted, media(container, 'audio-description')]).toEqual([false, null]);
  });

  it('plays one recording at a time: starting another pauses the one playing', async () => {
    const both = { ...film, recordings: [film.recordings[0]!, { ...interview.recordings[0]!, position: 2 }] };
    const { container } = show(both);
    const [first, second] = [player(/Arrival at Potsdam/), player(/An interview/)];
    await fireEvent.click(first.getByRole('button', { name: 'Play' }));
    await fireEvent.click(second.getByRole('button', { name: 'Play' }));
    const [video, audio] = [...container.querySelectorAll<HTMLMediaElement>('[data-role="recording"]')];
    expect([video!.paused, audio!.paused]).toEqual([true, false]);
    expect(first.getByRole('button', { name: 'Play' })).toBeTruthy();
    expect(second.getByRole('button', { name: 'Pause' })).toBeTruthy();
  });

  it('opens the transcript in the visitor’s language, each paragraph marked with the language it is in', async () => {
    show(film, visitor('ru'));
    const controls = player(/Прибытие в Потсдам/);
    expect(controls.queryByTestId('transcript')).toBeNull();
    await fireEvent.click(controls.getByRole('button', { name: 'Читать расшифровку' }));
    const paragraphs = [...controls.getByTestId('transcript').querySelectorAll('p')].map((p) => [p.getAttribute('lang'), p.textContent]);
    expect(paragraphs).toEqual([
      ['ru', `Делегаты прибывают кортежем в ${TRANSCRIPT_WORD.ru}.`],
      ['en', 'The conference opens with a handshake.'],
    ]);
    expect(controls.getByRole('button', { name: 'Скрыть расшифровку' }).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('the idle clock and the player', () => {
  let idle: Idle;
  let disconnect: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    idle = new Idle({ idleTimeoutSeconds: 30, idleCountdownSeconds: 10 });
    disconnect = idle.connect(document);
    idle.begin();
  });

  afterEach(() => {
    disconnect();
    idle.dispose();
    vi.useRealTimers();
  });

  it('holds while the film and its interpreter play, and runs again once the film stops, the interpreter stopped with it', async () => {
    const { container } = show(film);
    const controls = player(/Arrival at Potsdam/);
    await fireEvent.click(controls.getByRole('button', { name: 'Sign language' }));
    await fireEvent.click(controls.getByRole('button', { name: 'Play' }));
    flushSync();
    const [video, sign] = [media(container, 'recording')!, media(container, 'sign-language')!];
    expect([video.paused, sign.paused]).toEqual([false, false]);
    vi.advanceTimersByTime(120_000);
    expect(idle.state).toBe('active');

    await fireEvent.click(controls.getByRole('button', { name: 'Pause' }));
    expect([video.paused, sign.paused]).toEqual([true, true]);
    vi.advanceTimersByTime(29_000);
    expect(idle.state).toBe('active');
    vi.advanceTimersByTime(2_000);
    expect(idle.state).toBe('warning');
  });

  it('stops the film and its companions when the screen goes', async () => {
    const { container, unmount } = show(film);
    const controls = player(/Arrival at Potsdam/);
    await fireEvent.click(controls.getByRole('button', { name: 'Sign language' }));
    await fireEvent.click(controls.getByRole('button', { name: 'Audio description' }));
    await fireEvent.click(controls.getByRole('button', { name: 'Play' }));
    const all = ['recording', 'sign-language', 'audio-description'].map((role) => media(container, role)!);
    expect(all.map((m) => m.paused)).toEqual([false, false, false]);
    unmount();
    expect(all.map((m) => m.paused)).toEqual([true, true, true]);
    // Removed from the page, their pause no longer passes the document: the idle clock's
    // mutation observer (a microtask) lets go of them.
    await Promise.resolve();
    vi.advanceTimersByTime(31_000);
    expect(idle.state).toBe('warning');
  });
});
