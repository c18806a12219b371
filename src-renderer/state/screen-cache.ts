/**
 * The exhibit's content as one visit has read it, remembered so that Back, and a tap on
 * something the visitor can already see, answer without a round trip (issue 7: tap to paint).
 *
 * Why this is safe to keep for a whole visit: content only changes when a package goes live,
 * and the host publishes only while the kiosk is in attract; new content then starts a new
 * VisitorSession, which remounts Visitor.svelte and with it this cache (state/publish-watch.ts).
 * Why it is bounded anyway: a visit can be long, and a large package has thousands of objects.
 * Failures are never kept, so the next tap on an error asks again.
 */
import type { Api, ApiMethod, ApiResults } from '@contract/api';

/** The reads whose answers depend only on their arguments and the live package. */
const REMEMBERED = ['getExhibit', 'getSection', 'getTopic', 'getArtifact', 'getTimeline', 'getQr'] as const satisfies readonly ApiMethod[];

type Remembered = (typeof REMEMBERED)[number];

/** Answers kept per visit: every screen of the built-in exhibit several times over. */
export const SCREEN_CACHE_ENTRIES = 96;

/**
 * At most this many screens read ahead from one screen: a section of a large package may list
 * hundreds of topics, and read-ahead must not push the visitor's own way back out of the cache.
 */
const WARM_AT_MOST = 24;

// Chromium and Electron have requestIdleCallback; a plain timer stands in elsewhere (tests).
const whenIdle = (run: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : (setTimeout(run, 50) as unknown as number);
const cancelIdle = (handle: number): void =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle);

export class ScreenCache {
  /** The API with its content reads remembered; every other verb goes straight through. */
  readonly api: Api;
  // Insertion order is recency: a hit moves its entry to the end, the oldest goes first.
  readonly #entries = new Map<string, Promise<unknown>>();
  readonly #max: number;
  /** The read-ahead waiting for an idle moment; replaced whenever the visitor moves. */
  #ahead: Array<(api: Api) => Promise<unknown>> = [];
  #idle: number | null = null;

  constructor(api: Api, max = SCREEN_CACHE_ENTRIES) {
    this.#max = max;
    const remembered = Object.fromEntries(REMEMBERED.map((method) => [method, (args: unknown) => this.#read(api, method, args)]));
    this.api = { ...api, ...remembered } as Api;
  }

  /** How many answers are kept (for tests and the soak's bound). */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Reads ahead what the visitor can reach with one tap, one answer per idle moment so a tap
   * never waits behind it. A newer list replaces an older one: only the screen shown matters.
   */
  warm(reads: ReadonlyArray<(api: Api) => Promise<unknown>>): void {
    this.#ahead = reads.slice(0, WARM_AT_MOST);
    if (this.#idle === null && this.#ahead.length > 0) this.#next();
  }

  /** Forgets every answer: the content changed under the visit (vitrine preview rebuilt it). */
  forget(): void {
    this.#entries.clear();
    this.#ahead = [];
  }

  /** Stops reading ahead (the visit is over). */
  dispose(): void {
    this.#ahead = [];
    if (this.#idle !== null) cancelIdle(this.#idle);
    this.#idle = null;
  }

  #next(): void {
    this.#idle = whenIdle(() => {
      this.#idle = null;
      const read = this.#ahead.shift();
      if (!read) return;
      // A failed read-ahead is forgotten (see #read); the tap itself will ask and report it.
      void read(this.api)
        .catch(() => undefined)
        .finally(() => {
          if (this.#ahead.length > 0 && this.#idle === null) this.#next();
        });
    });
  }

  #read<M extends Remembered>(api: Api, method: M, args: unknown): Promise<ApiResults[M]> {
    const key = method + ' ' + JSON.stringify(args ?? {});
    const kept = this.#entries.get(key);
    if (kept) {
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      return kept as Promise<ApiResults[M]>;
    }
    const call = api[method] as (args: unknown) => Promise<ApiResults[M]>;
    const answer = call(args);
    this.#entries.set(key, answer);
    // Only the same entry is forgotten: a newer request under the key may have replaced it.
    answer.catch(() => {
      if (this.#entries.get(key) === answer) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value as string);
    return answer;
  }
}
