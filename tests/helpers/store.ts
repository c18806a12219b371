/** Looking inside a kiosk's store and data folder in tests, to prove what changed and what did not. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../src-main/core/store/connection';
import { mediaPath } from '../../src-main/core/media/store';
import { tilePyramidDir } from '../../src-main/core/media/tiles';

const CONTENT_TABLES = ['package_versions', 'live', 'exhibits', 'sections', 'section_paragraphs', 'artifacts', 'topics', 'topic_blocks', 'media', 'search_index', 'localized_text', 'recordings', 'recording_captions', 'recording_paragraphs'];

/** Every row of every content table, so "unchanged" means unchanged. */
export function dumpStore(store: Store): string {
  return JSON.stringify(CONTENT_TABLES.map((t) => store.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

/** Files the store's media and recording rows reference that are missing from the data folder (should be none). */
export function missingFiles(store: Store, dataDir: string): string[] {
  const rows = store.db.prepare('SELECT DISTINCT sha256, ext, display_sha256, thumb_sha256 FROM media').all() as { sha256: string; ext: string; display_sha256: string; thumb_sha256: string }[];
  const media = join(dataDir, 'media');
  const wanted = rows.flatMap((r) => [
    mediaPath(media, r.sha256, r.ext),
    mediaPath(media, r.display_sha256, 'webp'),
    mediaPath(media, r.thumb_sha256, 'webp'),
    join(tilePyramidDir(join(dataDir, 'tiles'), r.sha256), 'image.dzi'),
  ]);
  return [...wanted, ...recordingFiles(store, media)].filter((p) => !existsSync(p));
}

/** Every media file the store's recordings reference (issue 20): files, posters and renditions, captions, companions. */
export function recordingFiles(store: Store, mediaDir: string): string[] {
  const rows = store.db.prepare(
    `SELECT sha256, ext FROM recordings
     UNION SELECT poster_sha256, poster_ext FROM recordings WHERE poster_sha256 IS NOT NULL
     UNION SELECT poster_display_sha256, 'webp' FROM recordings WHERE poster_sha256 IS NOT NULL
     UNION SELECT poster_thumb_sha256, 'webp' FROM recordings WHERE poster_sha256 IS NOT NULL
     UNION SELECT sign_language_sha256, sign_language_ext FROM recordings WHERE sign_language_sha256 IS NOT NULL
     UNION SELECT audio_description_sha256, audio_description_ext FROM recordings WHERE audio_description_sha256 IS NOT NULL
     UNION SELECT sha256, 'vtt' FROM recording_captions`,
  ).all() as { sha256: string; ext: string }[];
  return rows.map((r) => mediaPath(mediaDir, r.sha256, r.ext)).sort();
}

/** The result of SQLite's own consistency check ("ok" when sound). */
export function quickCheck(store: Store): string {
  return (store.db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
}

/** A number from a one-value query. */
export function count(store: Store, sql: string, ...params: unknown[]): number {
  return Object.values(store.db.prepare(sql).get(...params) as Record<string, number>)[0]!;
}
