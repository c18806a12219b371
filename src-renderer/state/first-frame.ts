/**
 * Performance marks for the first-frame benchmark (bench/first-frame.mjs; issue 4, "Measure and
 * show": a tap on an artifact to its first sharp frame, target under 200 ms). Each tap clears the
 * previous pair first: a kiosk runs for weeks, and user-timing entries are never dropped by the
 * browser on their own, so marks left to pile up would be a slow leak.
 */

export const ARTIFACT_OPEN = 'vitrine:artifact-open';
export const ARTIFACT_SHARP = 'vitrine:artifact-sharp';

/** Marks the moment a visitor asked for an artifact (card, previous/next, swipe, My list). */
export function markArtifactOpen(): void {
  if (typeof performance?.mark !== 'function') return;
  performance.clearMarks(ARTIFACT_OPEN);
  performance.clearMarks(ARTIFACT_SHARP);
  performance.mark(ARTIFACT_OPEN);
}

/** Marks the first fully loaded deep-zoom frame after the last open (later ones are not first frames). */
export function markArtifactSharp(): void {
  if (typeof performance?.mark !== 'function') return;
  if (performance.getEntriesByName(ARTIFACT_OPEN).length === 0) return;
  if (performance.getEntriesByName(ARTIFACT_SHARP).length > 0) return;
  performance.mark(ARTIFACT_SHARP);
}
