/**
 * Read queries for the live exhibit. Every query is scoped to one package version, so a
 * visitor's screen always comes from one consistent exhibit even while another is imported.
 */
import type { ArtifactSummary, ImageView, LocalText, TopicBlock } from '../../contract/types';
import { mediaUrl } from '../media/store';
import { tileFolderUrl, tilesUrl, type TileFormat } from '../media/tiles';
import type { Db } from './connection';
import { MIME_TYPES, posterOf, type PosterColumns } from './recordings';

export interface MediaRow {
  id: number;
  artifact_id: number;
  page: number;
  sha256: string;
  ext: string;
  width: number;
  height: number;
  display_sha256: string;
  thumb_sha256: string;
  alt: string;
  stand_in: number;
  /** The size as shown and the pyramid's layout: NULL in rows written before migration 0009. */
  shown_width: number | null;
  shown_height: number | null;
  tile_size: number | null;
  tile_overlap: number | null;
  tile_format: TileFormat | null;
}

export function toImageView(row: MediaRow, local: Localizer = plainTexts): ImageView {
  // Rows from before 0009 keep their header size: right for every image but a turned photo.
  const width = row.shown_width ?? row.width;
  const height = row.shown_height ?? row.height;
  return {
    page: row.page,
    src: mediaUrl(row.sha256, row.ext),
    display: mediaUrl(row.display_sha256, 'webp'),
    thumb: mediaUrl(row.thumb_sha256, 'webp'),
    tiles: tilesUrl(row.sha256),
    pyramid:
      row.shown_width !== null && row.tile_size !== null && row.tile_overlap !== null && row.tile_format !== null
        ? { url: tileFolderUrl(row.sha256), width, height, tileSize: row.tile_size, overlap: row.tile_overlap, format: row.tile_format }
        : null,
    width,
    height,
    alt: local('media', row.id)('alt', row.alt),
    standIn: row.stand_in === 1,
  };
}

/** Prepared read statements over one database connection. */
export function contentQueries(db: Db) {
  const stmt = <R>(sql: string) => db.prepare<unknown[], R>(sql);
  return {
    exhibit: stmt<{ id: number; title: string; subtitle: string | null; credit: string | null; language: string; languages: string; attract: string | null; package_id: string; version: string; imported_at: string }>(
      `SELECT e.id, e.title, e.subtitle, e.credit, e.language, e.languages, e.attract, v.package_id, v.version, v.imported_at
       FROM exhibits e JOIN package_versions v ON v.id = e.version_id WHERE e.version_id = ?`,
    ),
    sections: stmt<{ id: number; slug: string; title: string; topics: number; artifacts: number; paragraphs: number }>(
      `SELECT s.id, s.slug, s.title,
         (SELECT count(*) FROM topics t WHERE t.section_id = s.id) AS topics,
         (SELECT count(*) FROM topic_blocks b JOIN topics t ON t.id = b.topic_id WHERE t.section_id = s.id AND b.kind = 'artifact') AS artifacts,
         (SELECT count(*) FROM section_paragraphs p WHERE p.section_id = s.id) AS paragraphs
       FROM sections s WHERE s.exhibit_id = ? ORDER BY s.position`,
    ),
    sectionBySlug: stmt<{ id: number; slug: string; title: string }>(
      'SELECT s.id, s.slug, s.title FROM sections s JOIN exhibits e ON e.id = s.exhibit_id WHERE e.version_id = ? AND s.slug = ?',
    ),
    sectionParagraphs: stmt<{ id: number; text: string }>('SELECT id, text FROM section_paragraphs WHERE section_id = ? ORDER BY position'),
    sectionTopics: stmt<{ id: number; slug: string; title: string; era: string | null; artifacts: number }>(
      `SELECT t.id, t.slug, t.title, t.era,
         (SELECT count(*) FROM topic_blocks b WHERE b.topic_id = t.id AND b.kind = 'artifact') AS artifacts
       FROM topics t WHERE t.section_id = ? ORDER BY t.position`,
    ),
    /** Topics of a version in exhibit order (section, then topic position). */
    topicOrder: stmt<{ id: number; slug: string }>(
      `SELECT t.id, t.slug FROM topics t JOIN sections s ON s.id = t.section_id
       WHERE t.version_id = ? ORDER BY s.position, t.position`,
    ),
    topicBySlug: stmt<{ id: number; slug: string; title: string; era: string | null; section_id: number; section_slug: string; section_title: string }>(
      `SELECT t.id, t.slug, t.title, t.era, s.id AS section_id, s.slug AS section_slug, s.title AS section_title
       FROM topics t JOIN sections s ON s.id = t.section_id WHERE t.version_id = ? AND t.slug = ?`,
    ),
    topicBlocks: stmt<{ id: number; kind: 'paragraph' | 'artifact'; text: string | null; artifact_id: number | null; slug: string | null; title: string | null }>(
      `SELECT b.id, b.kind, b.text, b.artifact_id, a.slug, a.title FROM topic_blocks b
       LEFT JOIN artifacts a ON a.id = b.artifact_id WHERE b.topic_id = ? ORDER BY b.position`,
    ),
    /** Artifacts in the order a visitor meets them: where first placed in the exhibit, then unplaced ones. */
    artifactOrder: stmt<{ id: number; slug: string; title: string }>(
      `SELECT a.id, a.slug, a.title FROM artifacts a
       LEFT JOIN (SELECT b.artifact_id, min(s.position * 1000000 + t.position * 10000 + b.position) AS at
                  FROM topic_blocks b JOIN topics t ON t.id = b.topic_id JOIN sections s ON s.id = t.section_id
                  WHERE t.version_id = ? AND b.kind = 'artifact' GROUP BY b.artifact_id) p ON p.artifact_id = a.id
       WHERE a.version_id = ? ORDER BY p.at IS NULL, p.at, a.position`,
    ),
    artifactBySlug: stmt<{ id: number; slug: string; title: string; caption: string | null; permanent_url: string | null; translation: string | null; translation_note: string | null; date_text: string | null }>(
      'SELECT id, slug, title, caption, permanent_url, translation, translation_note, date_text FROM artifacts WHERE version_id = ? AND slug = ?',
    ),
    artifactPlacement: stmt<{ id: number; slug: string; title: string; era: string | null }>(
      `SELECT t.id, t.slug, t.title, t.era FROM topic_blocks b JOIN topics t ON t.id = b.topic_id JOIN sections s ON s.id = t.section_id
       WHERE b.artifact_id = ? ORDER BY s.position, t.position, b.position LIMIT 1`,
    ),
    /** The first artifact placed in a section, for its cover image. */
    sectionCover: stmt<MediaRow>(
      `SELECT m.* FROM topic_blocks b JOIN topics t ON t.id = b.topic_id JOIN media m ON m.artifact_id = b.artifact_id AND m.page = 1
       WHERE t.section_id = ? AND b.kind = 'artifact' ORDER BY t.position, b.position LIMIT 1`,
    ),
    media: stmt<MediaRow>('SELECT * FROM media WHERE artifact_id = ? ORDER BY page'),
    firstMedia: stmt<MediaRow>('SELECT * FROM media WHERE artifact_id = ? AND page = 1'),
    firstRecording: stmt<PosterColumns & { kind: 'video' | 'audio'; sha256: string; ext: string }>(
      `SELECT kind, sha256, ext, poster_sha256, poster_ext, poster_width, poster_height, poster_display_sha256, poster_thumb_sha256
       FROM recordings WHERE artifact_id = ? ORDER BY position LIMIT 1`,
    ),
    localized: stmt<{ field: string; ordinal: number; lang: string; text: string }>(
      'SELECT field, ordinal, lang, text FROM localized_text WHERE owner_kind = ? AND owner_id = ?',
    ),
  };
}

/** A content row's kind, as localized_text names its owner (migrations 0008 and 0012). */
export type OwnerKind = 'exhibit' | 'section' | 'section_paragraph' | 'topic' | 'topic_block' | 'artifact' | 'media' | 'recording' | 'recording_paragraph';

/**
 * A row's texts with their other languages: `text(field, value)` gives `value` (the column, in
 * the exhibit's language) as is when the row has no other language for it, else the map.
 */
export type Localizer = (kind: OwnerKind, ownerId: number) => <T extends string | null>(field: string, value: T, ordinal?: number) => LocalText | T;

/** The localizer of a one-language exhibit: every text as its column holds it. */
export const plainTexts: Localizer = () => (_field, value) => value;

/** Reads other languages of exhibit `exhibit`'s rows, only when it has any (most have none). */
export function localizer(q: ContentQueries, exhibit: { language: string; languages: string }): Localizer {
  if (exhibit.languages === '[]') return plainTexts;
  return (kind, ownerId) => {
    const rows = q.localized.all(kind, ownerId);
    return (field, value, ordinal = 0) => {
      const others = rows.filter((r) => r.field === field && r.ordinal === ordinal);
      if (value === null || others.length === 0) return value;
      return Object.fromEntries([[exhibit.language, value], ...others.map((r) => [r.lang, r.text])]) as LocalText;
    };
  };
}

export type ContentQueries = ReturnType<typeof contentQueries>;

/** A card for an artifact: its title, first image and first recording. */
export function artifactSummary(q: ContentQueries, row: { id: number; slug: string; title: string }, local: Localizer = plainTexts): ArtifactSummary {
  const media = q.firstMedia.get(row.id);
  const recording = q.firstRecording.get(row.id);
  return {
    id: row.slug,
    title: local('artifact', row.id)('title', row.title),
    thumb: media ? toImageView(media, local) : null,
    recording: recording
      ? {
          kind: recording.kind,
          poster: posterOf(recording),
          film: recording.kind === 'video' ? { src: mediaUrl(recording.sha256, recording.ext), mimeType: MIME_TYPES[recording.ext] ?? 'video/mp4' } : null,
        }
      : null,
  };
}

/** The body of a topic, paragraphs and artifact cards in the order the package gives. */
export function topicBlocks(q: ContentQueries, topicId: number, local: Localizer = plainTexts): TopicBlock[] {
  return q.topicBlocks.all(topicId).map((b) =>
    b.kind === 'paragraph'
      ? { type: 'paragraph', text: local('topic_block', b.id)('text', b.text ?? '') }
      : { type: 'artifact', artifact: artifactSummary(q, { id: b.artifact_id!, slug: b.slug!, title: b.title! }, local) },
  );
}
