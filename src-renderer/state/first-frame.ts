/**
 * Performance marks for the first-frame benchmark (bench/first-frame.mjs; issue 4, "Measure and
 * show": a tap on an artifact to its first sharp frame, target under 200 ms). Each tap clears the
 * previous marks first: a kiosk runs for weeks, and user-timing entries are never dropped by the
 * browser on their own, so marks left to pile up would be a slow leak.
 *
 * "Sharp" is what the visitor sees: the whole image on screen with at least one image pixel for
 * every screen pixel. That is either the still `display` rendition under the viewer, once it is
 * decoded, painted and large enough for the stage at this screen's pixel density, or the
 * viewer's own first fully loaded view, whichever comes first. The second moment is marked on
 * its own as well (`vitrine:artifact-tiles`), so the benchmark also tells when zooming is sharp.
 */

export const ARTIFACT_OPEN = 'vitrine:artifact-open';
export const ARTIFACT_SHARP = 'vitrine:artifact-sharp';
export const ARTIFACT_TILES = 'vitrine:artifact-tiles';

const supported = () => typeof performance?.mark === 'function';

/** Marks the moment a visitor asked for an artifact (card, previous/next, swipe, My list). */
export function markArtifactOpen(): void {
  if (!supported()) return;
  for (const name of [ARTIFACT_OPEN, ARTIFACT_SHARP, ARTIFACT_TILES]) performance.clearMarks(name);
  performance.mark(ARTIFACT_OPEN);
}

/** Marks `name` once after the last open (later moments are not first frames). */
function markOnce(name: string): void {
  if (!supported()) return;
  if (performance.getEntriesByName(ARTIFACT_OPEN).length === 0) return;
  if (performance.getEntriesByName(name).length > 0) return;
  performance.mark(name);
}

/** Marks the first frame showing the whole image sharp (the still image or the viewer's tiles). */
export function markArtifactSharp(): void {
  markOnce(ARTIFACT_SHARP);
}

/** Marks the viewer's first fully loaded view; it is also a sharp frame if none came before. */
export function markArtifactTiles(): void {
  markOnce(ARTIFACT_SHARP);
  markOnce(ARTIFACT_TILES);
}

/**
 * True when a decoded image, fitted whole into its box (object-fit: contain), has at least one
 * of its pixels for each device pixel it covers: upscaled, it would look soft, not sharp.
 * A box with no size (not laid out, not on screen) shows nothing, so nothing sharp.
 */
export function coversScreen(image: HTMLImageElement, pixelRatio = globalThis.devicePixelRatio || 1): boolean {
  const { naturalWidth, naturalHeight, clientWidth, clientHeight } = image;
  if (!naturalWidth || !naturalHeight || !clientWidth || !clientHeight) return false;
  const scale = Math.min(clientWidth / naturalWidth, clientHeight / naturalHeight);
  return scale * pixelRatio <= 1;
}

/**
 * Calls `then` once the frame after this moment has been painted: requestAnimationFrame runs just
 * before a paint, and a task queued from there runs after it. Returns a function that cancels it.
 */
export function afterNextPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => void (timer = setTimeout(then, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

export interface StillWatch {
  /** True while something else covers the still image (then it is not what the visitor sees). */
  covered: () => boolean;
  /** Called once: when the still image is painted or cannot be decoded, or `patienceMs` is over. */
  settled: () => void;
  patienceMs: number;
}

/**
 * Follows a still image to its first painted frame and marks that frame as the first sharp one
 * when the image covers the screen's pixels and nothing covers it. Returns a function that stops.
 */
export function followStill(image: HTMLImageElement, { covered, settled, patienceMs }: StillWatch): () => void {
  let stopped = false;
  let done = false;
  let cancelPaint = () => {};
  const settle = () => {
    if (done || stopped) return;
    done = true;
    clearTimeout(timer);
    settled();
  };
  const timer = setTimeout(settle, patienceMs);
  image.decode().then(
    () => {
      if (stopped) return;
      cancelPaint = afterNextPaint(() => {
        if (!covered() && coversScreen(image)) markArtifactSharp();
        settle();
      });
    },
    settle, // not decodable: the viewer's tiles will be the first sharp frame
  );
  return () => {
    stopped = true;
    clearTimeout(timer);
    cancelPaint();
  };
}
