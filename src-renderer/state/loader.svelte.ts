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

  /**
   * Runs `fetch` and records its outcome, unless a newer load has started meanwhile.
   *
   * An answer already at hand (ScreenCache) settles within microtasks, before the next task: the
   * status then goes straight to ready, and the screen is replaced once in the tap's own task.
   * Switching to "loading" at once would build a loading screen and tear it down again in the
   * same frame, doubling the DOM work between a tap and its paint (issue 7). A real round trip
   * shows "loading" from the next task on, as before.
   */
  async load(fetch: () => Promise<T>): Promise<void> {
    const request = ++this.#latest;
    const slow = setTimeout(() => {
      if (request !== this.#latest) return;
      this.status = 'loading';
      this.error = null;
    }, 0);
    try {
      const value = await fetch();
      clearTimeout(slow);
      if (request !== this.#latest) return;
      this.error = null;
      this.value = value;
      this.status = 'ready';
    } catch (error) {
      clearTimeout(slow);
      if (request !== this.#latest) return;
      this.value = undefined;
      this.error = error instanceof Error ? error : new Error(String(error));
      this.status = 'error';
    }
  }
}
