// @vitest-environment happy-dom
/**
 * The deep-zoom viewer around OpenSeadragon (stubbed: happy-dom has no canvas): the still image
 * first, the viewer shown once its view is sharp, the large buttons, swipes only at home zoom,
 * the benchmark's marks, and the viewer destroyed with the component.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync, type ComponentProps } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import DeepZoom from '../../src-renderer/components/DeepZoom.svelte';
import { homeLevel } from '../../src-renderer/components/deep-zoom-source';
import { ARTIFACT_OPEN, ARTIFACT_SHARP, ARTIFACT_TILES, markArtifactOpen } from '../../src-renderer/state/first-frame';
import { openKiosk } from './real-kiosk';
import { FakeViewer } from './openseadragon-fake';

vi.mock('openseadragon', () => import('./openseadragon-fake'));

const image = (await openKiosk()).read.artifact('obj1').images[0]!;
const root = () => screen.getByTestId('deep-zoom');
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

/** Lets the viewer's events reach the component's state and the DOM. */
function raise(name: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const event = FakeViewer.last.raise(name, fields);
  flushSync();
  return event;
}

/** Renders the viewer and waits until it has started (once its still image is painted). */
async function showZoom(props: ComponentProps<typeof DeepZoom>): Promise<ReturnType<typeof render<typeof DeepZoom>>> {
  const rendered = render(DeepZoom, props);
  await FakeViewer.made();
  return rendered;
}

/** How many marks of this name there are. */
const marks = (name: string) => performance.getEntriesByName(name).length;

const still = () => screen.getByRole('img', { name: image.alt as string }) as HTMLImageElement;

/** Gives an image the decoded size and the box a browser would (happy-dom lays nothing out). */
function laidOut(img: HTMLImageElement, { natural, box }: { natural: [number, number]; box: [number, number] }): void {
  const sizes = { naturalWidth: natural[0], naturalHeight: natural[1], clientWidth: box[0], clientHeight: box[1] };
  for (const [name, value] of Object.entries(sizes)) Object.defineProperty(img, name, { value, configurable: true });
}

/** Lets `count` frames be painted (animation frame, then the task after it). */
async function paintedFrames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** A swipe acts once its gesture is over (state/swipe.ts, afterGesture): let that moment come. */
async function gestureOver(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  flushSync();
}

beforeEach(() => {
  FakeViewer.reset();
  performance.clearMarks();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DeepZoom', () => {
  it('opens the image’s Deep Zoom pyramid with OpenSeadragon’s own controls off and no network assets', async () => {
    await showZoom({ image });
    const options = FakeViewer.last.options;
    // Inline, as the descriptor would say it: the first request is for tiles, not for the descriptor.
    expect(options.tileSources).toEqual({
      Image: {
        xmlns: 'http://schemas.microsoft.com/deepzoom/2008',
        Url: image.pyramid!.url,
        Format: 'jpeg',
        Overlap: '1',
        TileSize: '512',
        Size: { Width: String(image.width), Height: String(image.height) },
      },
      // happy-dom lays nothing out: a stage without a size leaves every level to the viewer.
      minLevel: 0,
    });
    expect(options.showNavigationControl).toBe(false);
    expect(options.showNavigator).toBe(false);
    expect(options.prefixUrl).toBeUndefined();
    expect(options.gestureSettingsTouch).toMatchObject({ pinchToZoom: true, dblClickToZoom: true, dragToPan: true });
    // The viewer alone takes every touch gesture; the rest of the page keeps the kiosk's rules.
    expect(options.element?.classList.contains('viewer')).toBe(true);
  });

  it('shows the display image at once, and the viewer over it only when its view is sharp', async () => {
    await showZoom({ image });
    const still = screen.getByRole('img', { name: image.alt as string }) as HTMLImageElement;
    expect(still.getAttribute('src')).toBe(image.display);
    const viewer = FakeViewer.last.options.element!;
    expect(viewer.classList.contains('shown')).toBe(false);
    expect(root().dataset.sharp).toBe('false');

    raise('open');
    raise('fully-loaded-change', { fullyLoaded: true });
    expect(root().dataset.sharp).toBe('true');
    expect(viewer.classList.contains('shown')).toBe(true);
    expect(still.classList.contains('hidden')).toBe(true);
    // Still there for screen readers: the canvas has no words.
    expect(screen.getByRole('img', { name: image.alt as string })).toBe(still);
  });

  it('reads the descriptor itself for an image stored before pyramids were recorded', async () => {
    await showZoom({ image: { ...image, pyramid: null } });
    expect(FakeViewer.last.options.tileSources).toBe(image.tiles);
  });

  it('marks the first sharp frame after an artifact was opened, once', async () => {
    markArtifactOpen();
    await showZoom({ image });
    raise('fully-loaded-change', { fullyLoaded: true });
    raise('fully-loaded-change', { fullyLoaded: false });
    raise('fully-loaded-change', { fullyLoaded: true });
    expect(marks(ARTIFACT_OPEN)).toBe(1);
    expect(marks(ARTIFACT_SHARP)).toBe(1);
    expect(marks(ARTIFACT_TILES)).toBe(1);
    // A new tap starts a new measurement and forgets the last one (no marks pile up over weeks).
    markArtifactOpen();
    expect(marks(ARTIFACT_SHARP)).toBe(0);
    expect(marks(ARTIFACT_TILES)).toBe(0);
  });

  it('counts the still image as the first sharp frame once it is painted with a pixel for every screen pixel', async () => {
    markArtifactOpen();
    render(DeepZoom, { image });
    laidOut(still(), { natural: [1536, 2048], box: [900, 800] });
    await vi.waitFor(() => expect(marks(ARTIFACT_SHARP)).toBe(1));
    await FakeViewer.made();
    // The tiles come later: they are marked on their own, the first sharp frame stays.
    const first = performance.getEntriesByName(ARTIFACT_SHARP)[0]!.startTime;
    expect(marks(ARTIFACT_TILES)).toBe(0);
    raise('fully-loaded-change', { fullyLoaded: true });
    expect(marks(ARTIFACT_TILES)).toBe(1);
    expect(performance.getEntriesByName(ARTIFACT_SHARP)[0]!.startTime).toBe(first);
  });

  it('does not count the still image once a visitor zooming early has the viewer over it', async () => {
    let decoded = () => {};
    vi.spyOn(HTMLImageElement.prototype, 'decode').mockReturnValue(new Promise<void>((resolve) => (decoded = resolve)));
    markArtifactOpen();
    render(DeepZoom, { image });
    // The still is slow: the viewer starts anyway, and the visitor zooms before the tiles are in.
    await FakeViewer.made();
    raise('open');
    await fireEvent.click(button('Zoom in'));
    expect(still().classList.contains('hidden')).toBe(true);
    laidOut(still(), { natural: [1536, 2048], box: [900, 800] });
    decoded();
    await paintedFrames(3);
    expect(marks(ARTIFACT_SHARP)).toBe(0);
  });

  it('waits for the tiles when the still image is too small for the stage at this pixel density', async () => {
    vi.spyOn(window, 'devicePixelRatio', 'get').mockReturnValue(2);
    markArtifactOpen();
    render(DeepZoom, { image });
    // Fitted into 1400 × 1200 CSS pixels, the 1536 × 2048 image is drawn 1200 pixels high:
    // 2400 device pixels at 2×, for its 2048. Upscaled, so not yet sharp.
    laidOut(still(), { natural: [1536, 2048], box: [1400, 1200] });
    await paintedFrames(3);
    expect(marks(ARTIFACT_SHARP)).toBe(0);
    await FakeViewer.made();
    raise('fully-loaded-change', { fullyLoaded: true });
    expect(marks(ARTIFACT_SHARP)).toBe(1);
  });

  it('starts the viewer once the still image is painted, so its tiles do not hold the still back', async () => {
    render(DeepZoom, { image });
    expect(FakeViewer.instances).toHaveLength(0);
    await paintedFrames(2);
    expect(FakeViewer.instances).toHaveLength(1);
  });

  it('starts the viewer anyway when the still image is slow, and still counts it once painted', async () => {
    let decoded = () => {};
    vi.spyOn(HTMLImageElement.prototype, 'decode').mockReturnValue(new Promise<void>((resolve) => (decoded = resolve)));
    markArtifactOpen();
    render(DeepZoom, { image });
    laidOut(still(), { natural: [1536, 2048], box: [900, 800] });
    await FakeViewer.made();
    expect(marks(ARTIFACT_SHARP)).toBe(0);
    decoded();
    await vi.waitFor(() => expect(marks(ARTIFACT_SHARP)).toBe(1));
    expect(FakeViewer.instances).toHaveLength(1);
  });

  it('zooms with the large buttons; Zoom out and Reset view rest at the whole image', async () => {
    await showZoom({ image });
    raise('open');
    expect(root().dataset.zoom).toBe('1.00');
    expect(button('Zoom out').disabled).toBe(true);
    expect(button('Reset view').disabled).toBe(true);

    await fireEvent.click(button('Zoom in'));
    await fireEvent.click(button('Zoom in'));
    expect(FakeViewer.last.calls).toEqual(['zoomBy 2', 'zoomBy 2']);
    expect(root().dataset.zoom).toBe('4.00');
    expect(button('Zoom out').disabled).toBe(false);

    await fireEvent.click(button('Zoom out'));
    expect(root().dataset.zoom).toBe('2.00');
    FakeViewer.last.center = { x: 0.25, y: 0.75 };
    raise('viewport-change');
    expect(root().dataset.center).toBe('0.250,0.750');

    await fireEvent.click(button('Reset view'));
    expect(FakeViewer.last.calls.at(-1)).toBe('goHome');
    expect(root().dataset.zoom).toBe('1.00');
    expect(root().dataset.center).toBe('0.500,0.500');
  });

  it('groups its three labelled buttons as the Zoom controls', async () => {
    await showZoom({ image });
    const group = screen.getByRole('group', { name: 'Zoom' });
    for (const name of ['Zoom in', 'Zoom out', 'Reset view']) expect(group.contains(button(name))).toBe(true);
  });

  it('turns a sideways stroke at home zoom into a swipe, and keeps the image still', async () => {
    const onSwipe = vi.fn();
    await showZoom({ image, onSwipe });
    raise('open');
    raise('canvas-press', { position: { x: 600, y: 300 } });
    const drag = raise('canvas-drag', { position: { x: 450, y: 305 }, delta: { x: -150, y: 5 }, preventDefaultAction: false });
    expect(drag.preventDefaultAction).toBe(true);
    raise('canvas-release', { position: { x: 400, y: 310 }, insideElementPressed: true });
    await gestureOver();
    expect(onSwipe).toHaveBeenCalledWith('next');

    raise('canvas-press', { position: { x: 300, y: 300 } });
    raise('canvas-release', { position: { x: 500, y: 290 }, insideElementPressed: true });
    await gestureOver();
    expect(onSwipe).toHaveBeenLastCalledWith('previous');
  });

  it('when zoomed in, the same stroke pans; a pinch is never a swipe', async () => {
    const onSwipe = vi.fn();
    await showZoom({ image, onSwipe });
    raise('open');
    await fireEvent.click(button('Zoom in'));
    raise('canvas-press', { position: { x: 600, y: 300 } });
    const drag = raise('canvas-drag', { position: { x: 450, y: 300 }, delta: { x: -150, y: 0 }, preventDefaultAction: false });
    expect(drag.preventDefaultAction).toBe(false);
    raise('canvas-release', { position: { x: 400, y: 300 }, insideElementPressed: true });

    await fireEvent.click(button('Reset view'));
    raise('canvas-press', { position: { x: 600, y: 300 } });
    raise('canvas-pinch', {});
    raise('canvas-release', { position: { x: 300, y: 300 }, insideElementPressed: true });
    await gestureOver();
    expect(onSwipe).not.toHaveBeenCalled();
  });

  it('destroys the viewer when it leaves the screen', async () => {
    const { unmount } = await showZoom({ image });
    const viewer = FakeViewer.last;
    expect(viewer.destroyed).toBe(false);
    unmount();
    expect(viewer.destroyed).toBe(true);
  });

  it('keeps the still image, with the zoom buttons resting, when the viewer cannot start', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    FakeViewer.failNext = new Error('No drawer could be created!');
    render(DeepZoom, { image });
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    // Only text: the console keeps what it is given, and an error object would keep this screen.
    expect(warn.mock.calls[0]).toEqual([expect.stringContaining('No drawer could be created!')]);
    flushSync();
    expect(screen.getByRole('img', { name: image.alt as string }).classList.contains('hidden')).toBe(false);
    for (const name of ['Zoom in', 'Zoom out', 'Reset view']) expect(button(name).disabled).toBe(true);
  });
});

describe('homeLevel: where the viewer’s pyramid starts', () => {
  // A 3200 × 4400 portrait scan: 14 levels (0-13); level 11 is 800 × 1100, level 12 is 1600 × 2200.
  const scan = { width: 3200, height: 4400 };

  it('is the level OpenSeadragon draws the whole image from: no coarser, no finer', () => {
    // Fitted into 1000 × 900 it is drawn 655 pixels wide: level 11 (800 wide) is the finest
    // whose pixels each cover half a screen pixel or more; level 12 would be finer than that.
    expect(homeLevel(scan, 1000, 900, 1)).toBe(11);
    // The same stage at twice the pixel density needs twice the detail.
    expect(homeLevel(scan, 1000, 900, 2)).toBe(12);
    // A wide image in a tall stage is bounded by the stage's width.
    expect(homeLevel({ width: 4400, height: 3200 }, 1200, 2000, 1)).toBe(12);
    expect(homeLevel({ width: 4400, height: 3200 }, 1000, 2000, 1)).toBe(11);
  });

  it('is the top level for an image smaller than the stage, and 0 for a stage not laid out', () => {
    expect(homeLevel({ width: 600, height: 400 }, 1000, 900, 1)).toBe(10);
    expect(homeLevel(scan, 0, 0, 1)).toBe(0);
  });
});
