// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Artifact from '../../src-renderer/screens/Artifact.svelte';
import { openKiosk, stores } from './real-kiosk';
import { FakeViewer } from './openseadragon-fake';

vi.mock('openseadragon', () => import('./openseadragon-fake'));

/** Sets happy-dom's window size (the artifact screen's layout follows orientation and width). */
function setViewport(width: number, height: number): void {
  (window as unknown as { happyDOM: { setViewport(size: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height });
}

/** A landscape kiosk screen unless a test turns it. */
beforeEach(() => {
  setViewport(1920, 1080);
  FakeViewer.reset();
});

const builtin = (await openKiosk()).read;
/** The exhibit as a curator varied it: obj1 translated, obj5 without a permanent address. */
const variant = (await openKiosk({ store: 'variant' })).read;

function show(id: string, { from = builtin, saved = false } = {}) {
  const artifact = from.artifact(id);
  const qr = artifact.permanentUrl ? from.qr(artifact.permanentUrl) : null;
  const onOpenArtifact = vi.fn();
  const onToggleSave = vi.fn();
  const result = render(Artifact, { artifact, qr, onOpenArtifact, saved, onToggleSave });
  return { ...result, artifact, qr, onOpenArtifact, onToggleSave };
}

describe('Artifact screen', () => {
  it('shows the image large with its alt text, the title, and the stand-in badge', () => {
    const { container, artifact } = show('obj6');
    expect(container.querySelector('main[data-screen="artifact"]')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Stalin at Potsdam');
    const img = screen.getByRole('img', { name: 'Stand-in image for: Stalin at Potsdam' });
    expect(img.getAttribute('src')).toBe(artifact.images[0]?.display);
    expect(container.textContent).toContain('Stand-in image — not the original');
    expect(container.textContent).toContain('Joseph Stalin (right center, rear in white uniform)');
  });

  it('says plainly that there is no translation, never an empty panel', () => {
    show('obj5');
    const region = screen.getByRole('region', { name: 'Translation' });
    expect(region.textContent).toContain('This exhibit includes no translation of this object.');
  });

  it("uses the package's own note about a missing translation when it has one", () => {
    show('obj1');
    const region = screen.getByRole('region', { name: 'Translation' });
    const notice = [...region.querySelectorAll('p.notice')].map((p) => p.textContent);
    expect(notice).toEqual(['The original exhibit offered a translation of this document; it is not included in this package.']);
  });

  it('shows translation paragraphs when the package has them, and no notice', () => {
    const translation = ['To the Council of People’s Commissars:', 'Shipments of grain are to proceed via Riga — without delay.'];
    show('obj1', { from: variant });
    const region = screen.getByRole('region', { name: 'Translation' });
    expect([...region.querySelectorAll('p')].map((p) => p.textContent)).toEqual(translation);
    expect(region.textContent).not.toContain('no translation');
  });

  it('switches pages with the page selector', async () => {
    const { artifact } = show('obj4');
    const page1 = screen.getByRole('button', { name: 'Page 1' });
    const page2 = screen.getByRole('button', { name: 'Page 2' });
    expect(page1.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('img', { name: 'Stand-in image for: Testimony of Wendell Wilkie' })).toBeTruthy();
    await fireEvent.click(page2);
    expect(page2.getAttribute('aria-pressed')).toBe('true');
    expect(page1.getAttribute('aria-pressed')).toBe('false');
    const img = screen.getByRole('img', { name: 'Stand-in image for: Testimony of Wendell Wilkie. Page 2.' });
    expect(img.getAttribute('src')).toBe(artifact.images[1]?.display);
  });

  it('offers no page selector for a single image', () => {
    show('obj6');
    expect(screen.queryByRole('button', { name: /^Page/ })).toBeNull();
  });

  it('draws the permanent address as a QR code and as readable text', () => {
    const { container, qr } = show('obj6');
    const url = 'https://www.loc.gov/exhibits/archives/sovi.html#obj6';
    expect(screen.getByTestId('permanent-url').textContent).toBe(url);
    const svg = screen.getByRole('img', { name: `QR code for ${url}` });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.querySelectorAll('path')).toHaveLength(1);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${qr!.size + 8} ${qr!.size + 8}`);
    expect(container.querySelectorAll('svg[role="img"]')).toHaveLength(1);
  });

  it('walks to the previous and next objects, and offers no previous on the first one', async () => {
    const { onOpenArtifact } = show('obj6');
    await fireEvent.click(screen.getByRole('button', { name: 'Previous object' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next object' }));
    expect(onOpenArtifact.mock.calls).toEqual([['obj5'], ['obj7']]);
  });

  it('has no previous object at the start of the exhibit, no next one at its end', () => {
    const first = show('obj1');
    const nav = within(first.container).getByRole('navigation', { name: 'Other objects' });
    expect(within(nav).queryByRole('button', { name: 'Previous object' })).toBeNull();
    expect(within(nav).getByRole('button', { name: 'Next object' })).toBeTruthy();
    first.unmount();
    show('obj9');
    expect(screen.queryByRole('button', { name: 'Next object' })).toBeNull();
  });
});

/** A swipe acts once its gesture is over (state/swipe.ts, afterGesture): let that moment come. */
async function gestureOver(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  flushSync();
}

/** The tile folder of the pyramid the last viewer opened (given inline, as OpenSeadragon's DZI object). */
function openedPyramid(): string | undefined {
  return (FakeViewer.last.options.tileSources as { Image?: { Url: string } }).Image?.Url;
}

/** A sideways touch stroke across an element, as pointer events. */
async function swipeAcross(element: Element, dx: number): Promise<void> {
  const at = { pointerId: 3, pointerType: 'touch', isPrimary: true, clientY: 400 };
  await fireEvent.pointerDown(element, { ...at, clientX: 800 });
  await fireEvent.pointerUp(element, { ...at, clientX: 800 + dx });
  await gestureOver();
}

describe('Artifact screen: looking closely', () => {
  it('shows the object in the zoom viewer, opened on its Deep Zoom pyramid', async () => {
    const { artifact } = show('obj6');
    expect(screen.getByTestId('deep-zoom')).toBeTruthy();
    await FakeViewer.made();
    expect(openedPyramid()).toBe(artifact.images[0]?.pyramid?.url);
  });

  it('shows a strip of page thumbnails and the page number, and pages through them', async () => {
    const { artifact } = show('obj4');
    const strip = screen.getByRole('group', { name: 'Pages' });
    const thumbs = [...strip.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(thumbs).toEqual(artifact.images.map((page) => page.thumb));
    expect(screen.getByTestId('page-number').textContent).toBe('Page 1 of 2');

    await FakeViewer.made();
    await fireEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(screen.getByTestId('page-number').textContent).toBe('Page 2 of 2');
    // A fresh viewer for the page, the last one gone with its memory.
    await FakeViewer.made(2);
    expect(FakeViewer.instances).toHaveLength(2);
    expect(FakeViewer.instances[0]!.destroyed).toBe(true);
    expect(openedPyramid()).toBe(artifact.images[1]?.pyramid?.url);
  });

  it('a swipe on the image at home zoom turns the page, then moves to the next object', async () => {
    const { onOpenArtifact } = show('obj4');
    const swipeLeft = async () => {
      FakeViewer.last.raise('canvas-press', { position: { x: 600, y: 300 } });
      FakeViewer.last.raise('canvas-release', { position: { x: 400, y: 300 }, insideElementPressed: true });
      await gestureOver();
    };
    await FakeViewer.made();
    await swipeLeft();
    expect(screen.getByTestId('page-number').textContent).toBe('Page 2 of 2');
    expect(onOpenArtifact).not.toHaveBeenCalled();
    await FakeViewer.made(2);
    await swipeLeft();
    expect(onOpenArtifact).toHaveBeenCalledWith('obj5');
  });

  it('a swipe outside the viewer moves between objects, across topics', async () => {
    // obj5 is the last object of its topic: next is the first of the following topic.
    const { onOpenArtifact } = show('obj5');
    const title = screen.getByRole('heading', { level: 1 });
    await swipeAcross(title, -200);
    await swipeAcross(title, 200);
    // Too short, or a mouse: not a swipe.
    await swipeAcross(title, -30);
    expect(onOpenArtifact.mock.calls).toEqual([['obj6'], ['obj4']]);
  });

  it('shows the translation beside the image on a landscape screen', () => {
    show('obj1', { from: variant });
    const region = screen.getByRole('region', { name: 'Translation' });
    expect([...region.querySelectorAll('p')].map((p) => p.textContent)).toEqual(stores.translation);
    expect(screen.queryByRole('button', { name: 'Read the translation' })).toBeNull();
    // Its address is still there to take home, once.
    expect(screen.getByRole('region', { name: 'Take it home' })).toBeTruthy();
    expect(screen.getAllByRole('img', { name: /^QR code for/ })).toHaveLength(1);
  });

  it('in portrait, slides the translation up over the page on request, and hides it again', async () => {
    setViewport(1080, 1920);
    show('obj1', { from: variant });
    const [words] = stores.translation;
    const region = screen.getByRole('region', { name: 'Translation' });
    expect(region.textContent).not.toContain(words);
    const open = screen.getByRole('button', { name: 'Read the translation' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(open);
    expect(region.textContent).toContain(words);
    const hide = screen.getByRole('button', { name: 'Hide the translation' });
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(hide);
    expect(screen.getByRole('button', { name: 'Read the translation' })).toBeTruthy();
  });

  it('without a translation: a plain notice, and the permanent address as a QR code in a region of its own', () => {
    show('obj5');
    const region = screen.getByRole('region', { name: 'Translation' });
    expect(region.textContent).toContain('This exhibit includes no translation of this object.');
    // Not inside "Translation": a screen reader says which region it is in (issue 16).
    expect(within(region).queryByRole('img', { name: /^QR code/ })).toBeNull();
    const takeHome = screen.getByRole('region', { name: 'Take it home' });
    expect(within(takeHome).getByRole('img', { name: 'QR code for https://www.loc.gov/exhibits/archives/sovi.html#obj5' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /translation/ })).toBeNull();
  });

  it('without a translation or an address: the notice alone, never an empty panel', () => {
    show('obj5', { from: variant });
    const region = screen.getByRole('region', { name: 'Translation' });
    expect(region.querySelector('.notice')?.textContent).toBe('This exhibit includes no translation of this object.');
    expect(screen.queryByRole('img', { name: /^QR code/ })).toBeNull();
  });

  it('offers Save, pressed as "Saved" once the object is on the list', async () => {
    const first = show('obj2');
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(save);
    expect(first.onToggleSave).toHaveBeenCalledOnce();
    first.unmount();
    show('obj2', { saved: true });
    expect(screen.getByRole('button', { name: 'Saved' }).getAttribute('aria-pressed')).toBe('true');
  });
});
