/**
 * OpenSeadragon on its own script chunk, loaded when the kiosk first has a moment to spare.
 *
 * It is two thirds of the renderer's script (353 kB of 535 kB minified), and no visitor needs it
 * before they open an object. In the main bundle it was parsed and run before the attract screen
 * could show; here the attract screen comes first, and the chunk is fetched from the kiosk's own
 * origin right after it (preloadOpenSeadragon), long before a visitor's first tap on an object.
 * Should that tap come first, the viewer waits for it, and the still image covers the wait.
 */
import type OpenSeadragon from 'openseadragon';

type Factory = typeof OpenSeadragon;

let loading: Promise<Factory> | undefined;

export function loadOpenSeadragon(): Promise<Factory> {
  if (!loading) {
    const attempt = import('openseadragon').then((module) => module.default);
    // A chunk that failed to load (a damaged install) is tried again next time, not remembered.
    attempt.catch(() => {
      if (loading === attempt) loading = undefined;
    });
    loading = attempt;
  }
  return loading;
}

/** Starts loading once the browser is idle (the attract screen is painted by then). */
export function preloadOpenSeadragon(): void {
  const load = () => void loadOpenSeadragon().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 0);
}
