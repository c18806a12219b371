/**
 * An artifact's recordings as the artifact screen gets them (issue 20): each file's address, what
 * a player needs (media type, length, size) and what makes it accessible (poster, captions by
 * language, transcript, sign-language video, audio description). Rows written by migration 0012.
 */
import type { PosterView, RecordingView } from '../../contract/types';
import { mediaUrl } from '../media/store';
import type { Db } from './connection';
import { plainTexts, type Localizer } from './content';

/** A recording's poster columns (all NULL when it has none). */
export interface PosterColumns {
  poster_sha256: string | null;
  poster_ext: string | null;
  poster_width: number | null;
  poster_height: number | null;
  poster_display_sha256: string | null;
  poster_thumb_sha256: string | null;
}

/** The poster of a recording row, or null. */
export function posterOf(r: PosterColumns): PosterView | null {
  if (r.poster_sha256 === null) return null;
  return {
    src: mediaUrl(r.poster_sha256, r.poster_ext!),
    display: mediaUrl(r.poster_display_sha256!, 'webp'),
    thumb: mediaUrl(r.poster_thumb_sha256!, 'webp'),
    width: r.poster_width!,
    height: r.poster_height!,
  };
}

interface RecordingRow extends PosterColumns {
  id: number;
  position: number;
  sha256: string;
  ext: string;
  kind: 'video' | 'audio';
  duration_ms: number;
  width: number | null;
  height: number | null;
  title: string | null;
  sign_language_sha256: string | null;
  sign_language_ext: string | null;
  audio_description_sha256: string | null;
  audio_description_ext: string | null;
}

/** The media type of each stored extension: Ogg audio is Opus, as the kiosk plays only Opus in it (media-facts.ts). */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  opus: 'audio/ogg; codecs=opus',
  ogg: 'audio/ogg; codecs=opus',
};

/** Prepares the reads over one connection; the function gives artifact row `artifactId`'s recordings. */
export function recordingQueries(db: Db) {
  const recordings = db.prepare<[number], RecordingRow>('SELECT * FROM recordings WHERE artifact_id = ? ORDER BY position');
  const captions = db.prepare<[number], { language: string; sha256: string }>('SELECT language, sha256 FROM recording_captions WHERE recording_id = ? ORDER BY position');
  const paragraphs = db.prepare<[number], { id: number; text: string }>('SELECT id, text FROM recording_paragraphs WHERE recording_id = ? ORDER BY position');

  return (artifactId: number, local: Localizer = plainTexts): RecordingView[] =>
    recordings.all(artifactId).map((r) => {
      const transcript = paragraphs.all(r.id).map((p) => local('recording_paragraph', p.id)('text', p.text));
      return {
        position: r.position,
        kind: r.kind,
        title: local('recording', r.id)('title', r.title),
        src: mediaUrl(r.sha256, r.ext),
        mimeType: MIME_TYPES[r.ext] ?? 'application/octet-stream',
        durationSeconds: r.duration_ms / 1000,
        width: r.width,
        height: r.height,
        poster: posterOf(r),
        captions: captions.all(r.id).map((c) => ({ language: c.language, src: mediaUrl(c.sha256, 'vtt') })),
        transcript: transcript.length > 0 ? transcript : null,
        signLanguage: r.sign_language_sha256 !== null ? mediaUrl(r.sign_language_sha256, r.sign_language_ext!) : null,
        audioDescription: r.audio_description_sha256 !== null ? mediaUrl(r.audio_description_sha256, r.audio_description_ext!) : null,
      };
    });
}
