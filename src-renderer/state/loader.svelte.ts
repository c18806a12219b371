/**
 * Loading state for data a screen needs: loading, ready or failed. Only the latest request
 * counts, so a visitor tapping quickly through screens never sees an older answer arrive late
 * and replace the screen they asked for last.
 */

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export class Loader<T> {
  status = $state<LoadStatus>('idle');
  // Raw: screen data is replaced whole, never edited, so deep proxies would only cost memory.
  value = $state.raw<T | undefined>(undefined);
  error = $state.raw<Error | null>(null);
  #latest = 0;

  /** Runs `fetch` and records its outcome, unless a newer load has started meanwhile. */
  async load(fetch: () => Promise<T>): Promise<void> {
    const request = ++this.#latest;
    this.status = 'loading';
    this.error = null;
    try {
      const value = await fetch();
      if (request !== this.#latest) return;
      this.value = value;
      this.status = 'ready';
    } catch (error) {
      if (request !== this.#latest) return;
      this.value = undefined;
      this.error = error instanceof Error ? error : new Error(String(error));
      this.status = 'error';
    }
  }
}
