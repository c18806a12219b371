/**
 * A stand-in for OpenSeadragon in component tests: happy-dom has no canvas, so the real viewer
 * cannot draw there (the e2e specs drive the real one in Chromium). Use it with
 *   vi.mock('openseadragon', () => import('./openseadragon-fake'));
 * It records the options each viewer was made with, keeps a zoom and a centre like a viewport
 * does (relative to a home zoom of 1, clamped to [1, 8]), and lets a test raise the viewer's
 * events (fully-loaded-change, canvas-press, …) as OpenSeadragon would.
 */
import type OpenSeadragon from 'openseadragon';
import { vi } from 'vitest';

type Handler = (event: Record<string, unknown>) => void;

export class FakeViewer {
  /** Every viewer made since the last reset(), oldest first. */
  static instances: FakeViewer[] = [];
  /** When set, the next viewer's construction throws this (no drawer, as in happy-dom). */
  static failNext: Error | null = null;

  readonly options: OpenSeadragon.Options;
  readonly calls: string[] = [];
  destroyed = false;
  zoom = 1;
  center = { x: 0.5, y: 0.5 };
  readonly #handlers = new Map<string, Handler[]>();

  readonly viewport = {
    getHomeZoom: () => 1,
    getZoom: () => this.zoom,
    getMaxZoom: () => 8,
    getCenter: () => ({ ...this.center }),
    zoomBy: (factor: number) => {
      this.calls.push(`zoomBy ${factor}`);
      this.zoom *= factor;
    },
    applyConstraints: () => {
      this.zoom = Math.min(8, Math.max(1, this.zoom));
      this.raise('viewport-change');
    },
    goHome: () => {
      this.calls.push('goHome');
      this.zoom = 1;
      this.center = { x: 0.5, y: 0.5 };
      this.raise('viewport-change');
    },
  };

  // One image, 1000 × 1000 pixels, as wide as the viewport's unit.
  readonly world = {
    getItemAt: () => ({
      viewportToImageCoordinates: (p: { x: number; y: number }) => ({ x: p.x * 1000, y: p.y * 1000 }),
      getContentSize: () => ({ x: 1000, y: 1000 }),
    }),
  };

  constructor(options: OpenSeadragon.Options) {
    this.options = options;
    FakeViewer.instances.push(this);
  }

  addHandler(name: string, handler: Handler): void {
    this.#handlers.set(name, [...(this.#handlers.get(name) ?? []), handler]);
  }

  /** Raises an event with these fields and returns the event object (to read preventDefaultAction). */
  raise(name: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
    const event = { eventSource: this, userData: null, ...fields };
    for (const handler of this.#handlers.get(name) ?? []) handler(event);
    return event;
  }

  destroy(): void {
    this.destroyed = true;
    this.#handlers.clear();
  }

  /** Forgets the viewers made so far. */
  static reset(): void {
    FakeViewer.instances = [];
    FakeViewer.failNext = null;
  }

  /** Waits until `count` viewers were made since the last reset (DeepZoom starts its viewer once the still image is painted). */
  static async made(count = 1): Promise<FakeViewer> {
    await vi.waitFor(() => {
      if (FakeViewer.instances.length < count) throw new Error(`${FakeViewer.instances.length} of ${count} viewers made so far`);
    });
    return FakeViewer.last;
  }

  /** The most recent viewer. */
  static get last(): FakeViewer {
    const viewer = FakeViewer.instances.at(-1);
    if (!viewer) throw new Error('No viewer was made.');
    return viewer;
  }
}

/** The module's default export: `OpenSeadragon(options)` makes a viewer. */
export default function OpenSeadragonFake(options: OpenSeadragon.Options): FakeViewer {
  if (FakeViewer.failNext) {
    const error = FakeViewer.failNext;
    FakeViewer.failNext = null;
    throw error;
  }
  return new FakeViewer(options);
}
