/**
 * The app's one origin, `vitrine://app`, and the check every guard uses to recognise it.
 * Compared by parsed scheme and host, never by string prefix: `startsWith('vitrine://app')`
 * would let `vitrine://app.evil` through (Electron security checklist §13).
 */

/** The privileged custom scheme the renderer and its media are served on. */
export const APP_SCHEME = 'vitrine';

/** The only host the scheme answers for. */
export const APP_HOST = 'app';

/** What the kiosk window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The calm, script-free page shown while the app rests after repeated failures (recovery.ts). */
export const APP_FALLBACK_URL = `${APP_SCHEME}://${APP_HOST}/fallback.html`;

/** Parses a URL, or returns null when it is not one. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is on the app's origin. Node's WHATWG URL gives non-special schemes an opaque
 * origin ("null"), so the scheme, host, port and credentials are checked one by one.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
