/**
 * The still images one tap away, fetched and decoded before the tap (issue 18: the first sharp
 * deep-zoom frame). On a topic, the objects its essay shows are what a visitor opens next; their
 * `display` renditions (up to 2048 px) took most of the first frame's time on a first visit:
 * the file read, then the JPEG decode on the main thread's raster path. Holding a decoded image
 * lets the object screen paint its still at once: Chromium shares the decoded image between
 * elements with the same address.
 *
 * Bounded: a decoded 2048 x 1536 rendition is about 12 MB, so a few are held at a time, and each
 * new screen's list replaces the last (the released images are the browser's to evict).
 */

/** At most this many stills held ahead: a topic's first screenful of objects. */
export const IMAGES_AHEAD = 3;

export class ImageAhead {
  #held = new Map<string, HTMLImageElement>();
  readonly #max: number;

  constructor(max = IMAGES_AHEAD) {
    this.#max = max;
  }

  /** The addresses held now (for tests). */
  get held(): string[] {
    return [...this.#held.keys()];
  }

  /** Holds these images (the first `max`), fetching and decoding the new ones; releases the rest. */
  hold(urls: readonly string[]): void {
    const wanted = [...new Set(urls)].slice(0, this.#max);
    const next = new Map<string, HTMLImageElement>();
    for (const url of wanted) next.set(url, this.#held.get(url) ?? load(url));
    this.#held = next;
  }

  release(): void {
    this.#held = new Map();
  }
}

function load(url: string): HTMLImageElement {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  // A failure here is the object screen's to show (it loads the same address); nothing to do.
  // (happy-dom, under the component tests, has no decode.)
  if (typeof image.decode === 'function') image.decode().catch(() => undefined);
  return image;
}
