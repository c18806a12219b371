/**
 * A recording's captions as a curator writes them, shaped as the manifest holds them (issue 20).
 * In exhibit.yaml, `captions` is one WebVTT file (in the exhibit's language) or one per language:
 *
 *   captions: media/interview.vtt
 *   captions: { en: media/interview.en.vtt, ru: media/interview.ru.vtt }
 *
 * The manifest lists them, `[{ language, file }]`, each later given its size and checksum like
 * every file. Where each came from is carried over, so a refusal still names its line.
 */
import { formatFieldPath } from '../errors';
import type { Json, Origins, Path } from './fields';

/** Rewrites every recording's `captions` in `draft` from the curator's form to the manifest's. */
export function shapeRecordings(draft: Json, origins: Origins): void {
  const language = ((draft.exhibit as Json | undefined)?.language as string | undefined) ?? null;
  const artifacts = Array.isArray(draft.artifacts) ? (draft.artifacts as Json[]) : [];
  artifacts.forEach((artifact, a) => {
    const recordings = Array.isArray(artifact.recordings) ? (artifact.recordings as Json[]) : [];
    recordings.forEach((recording, r) => {
      const at: Path = ['artifacts', a, 'recordings', r, 'captions'];
      const given = recording.captions;
      if (given === undefined) return;
      // A single file is in the exhibit's own language; without one, the manifest check says so.
      const byLanguage: [string, unknown][] = typeof given === 'string' ? [[language ?? '', given]] : Object.entries(given as Json);
      recording.captions = byLanguage.map(([lang, file], i) => {
        const from = origins.get(formatFieldPath(typeof given === 'string' ? at : [...at, lang])) ?? origins.get(formatFieldPath(at));
        if (from) {
          origins.set(formatFieldPath([...at, i]), from);
          origins.set(formatFieldPath([...at, i, 'file']), from);
          origins.set(formatFieldPath([...at, i, 'language']), from);
        }
        return { language: lang, file };
      });
    });
  });
}
