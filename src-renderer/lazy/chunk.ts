/**
 * A part of the renderer on a script chunk of its own, fetched from the kiosk's own origin when it
 * is first needed or when the kiosk first has a moment to spare, whichever comes first.
 *
 * Cold start (issue 18) is the time to the attract screen, and every byte of script in the main
 * bundle is parsed and run before it can show. What no visitor needs on the attract screen (the
 * deep-zoom viewer, the staff screen and its charts) waits on a chunk; `preload` fetches it once
 * the attract screen is painted, long before anyone can ask for it.
 */
export interface Chunk<T> {
  /** The chunk's export; one fetch however many ask. */
  load(): Promise<T>;
  /** Starts loading once the browser is idle (the attract screen is painted by then). */
  preload(): void;
}

export function chunk<T>(fetchChunk: () => Promise<T>): Chunk<T> {
  let loading: Promise<T> | undefined;
  const load = (): Promise<T> => {
    if (!loading) {
      const attempt = fetchChunk();
      // A chunk that failed to load (a damaged install) is tried again next time, not remembered.
      attempt.catch(() => {
        if (loading === attempt) loading = undefined;
      });
      loading = attempt;
    }
    return loading;
  };
  return {
    load,
    preload: () => {
      const start = () => void load().catch(() => undefined);
      if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
      else setTimeout(start, 0);
    },
  };
}
