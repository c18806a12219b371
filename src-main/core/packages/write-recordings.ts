/**
 * Writes an artifact's recordings (issue 20) inside writePackageVersion's transaction: the
 * recording with its poster, sign-language video and audio description, its captions, and its
 * transcript paragraphs. The search index picks up by trigger the paragraphs (migration 0012) and
 * the recording's title (0013), in every language. Texts go as everywhere: the exhibit's language
 * in the columns, the others in localized_text.
 */
import type { Db } from '../store/connection';
import type { LocalTextValue, ManifestRecording } from './manifest';
import { defaultText as one } from './local-text';
import type { StagedRecording } from './stage';

/** Writes a text's other languages for a row (write.ts's `others`). */
export type OtherTexts = (kind: 'recording' | 'recording_paragraph', ownerId: number, field: string, value: LocalTextValue | null) => void;

/** Prepares the inserts; the function writes `recordings` of artifact row `artifactId`. */
export function recordingWriter(db: Db, staged: ReadonlyMap<string, StagedRecording>, lang: string, others: OtherTexts) {
  const recording = db.prepare(
    `INSERT INTO recordings (artifact_id, position, sha256, ext, bytes, kind, duration_ms, width, height, title,
       poster_sha256, poster_ext, poster_width, poster_height, poster_display_sha256, poster_thumb_sha256,
       sign_language_sha256, sign_language_ext, audio_description_sha256, audio_description_ext)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const captions = db.prepare('INSERT INTO recording_captions (recording_id, position, language, sha256) VALUES (?, ?, ?, ?)');
  const paragraph = db.prepare('INSERT INTO recording_paragraphs (recording_id, position, text) VALUES (?, ?, ?)');

  return (artifactId: number, recordings: readonly ManifestRecording[]) => {
    recordings.forEach((r, index) => {
      const s = staged.get(r.file);
      if (!s) throw new Error(`internal: ${r.file} was not staged`);
      const { media, poster, signLanguage: sign, audioDescription: described } = s;
      const { facts } = media;
      const recordingId = Number(
        recording.run(artifactId, index + 1, media.sha256, media.ext, media.bytes, facts.kind, Math.max(1, Math.round(facts.durationSeconds * 1000)), facts.width, facts.height, one(r.title, lang),
          poster?.original.sha256 ?? null, poster?.original.ext ?? null, poster?.original.shown.width ?? null, poster?.original.shown.height ?? null, poster?.display.sha256 ?? null, poster?.thumb.sha256 ?? null,
          sign?.sha256 ?? null, sign?.ext ?? null, described?.sha256 ?? null, described?.ext ?? null).lastInsertRowid,
      );
      others('recording', recordingId, 'title', r.title);
      s.captions.forEach((c, position) => captions.run(recordingId, position, c.language, c.file.sha256));
      r.transcript?.forEach((text, position) => {
        const id = Number(paragraph.run(recordingId, position, one(text, lang)).lastInsertRowid);
        others('recording_paragraph', id, 'text', text);
      });
    });
  };
}
