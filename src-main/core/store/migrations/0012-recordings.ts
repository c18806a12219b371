/**
 * Video and audio artifacts (issue 20). An artifact's recordings, in the package's order, each a
 * content-addressed media file with what a player needs (kind, length, size) and what makes it
 * accessible: a poster (stored as images are: original and its two renditions, no tiles), captions
 * per language (WebVTT files), a sign-language video and an audio description (files), and a
 * transcript, one row per paragraph, found by search like an artifact's translation.
 *
 * Texts follow migration 0008: the exhibit's language in the columns here (a recording's title,
 * a paragraph's text), other languages in localized_text, whose owner kinds grow by 'recording'
 * and 'recording_paragraph'. SQLite cannot change a CHECK in place, so localized_text is rebuilt
 * with its rows and ids (the search index's rowids derive from them) and its triggers (0010)
 * made again, now also indexing a transcript paragraph in another language.
 *
 * Search rowids continue 0001's scheme (id * 8 + kind, kinds 1-7 taken): a transcript paragraph
 * in the exhibit's language is recording_paragraphs.id * 8 + 0, indexed as its artifact's text.
 */

const MEDIA_SHA = (column: string) => `${column} TEXT CHECK (${column} IS NULL OR (length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*'))`;

/** localized_text's owner kinds (0008) with the recordings'. */
const OWNER_KINDS = `'exhibit', 'section', 'section_paragraph', 'topic', 'topic_block', 'artifact', 'media', 'recording', 'recording_paragraph'`;

/** 0010's list of searched localized texts, with a transcript paragraph's. */
const INDEXED = `n.owner_kind || '.' || n.field IN
  ('artifact.title', 'artifact.caption', 'artifact.translation', 'topic.title', 'topic.era', 'section.title', 'topic_block.text', 'section_paragraph.text', 'recording_paragraph.text')`;
const IS_TITLE = `n.field IN ('title', 'era')`;

/** The index row of localized_text row `n`, as 0010 made it; a transcript paragraph belongs to its artifact. */
const indexRows = (from: string) => `
  INSERT INTO search_index(rowid, title, body, kind, owner_id, version_id)
  SELECT n.id * 8 + CASE WHEN ${IS_TITLE} THEN 6 ELSE 7 END,
    CASE WHEN ${IS_TITLE} THEN n.text ELSE '' END,
    CASE WHEN ${IS_TITLE} THEN '' ELSE n.text END,
    CASE n.owner_kind WHEN 'topic_block' THEN 'topic' WHEN 'section_paragraph' THEN 'section' WHEN 'recording_paragraph' THEN 'artifact' ELSE n.owner_kind END,
    CASE n.owner_kind
      WHEN 'topic_block' THEN (SELECT topic_id FROM topic_blocks WHERE id = n.owner_id)
      WHEN 'section_paragraph' THEN (SELECT section_id FROM section_paragraphs WHERE id = n.owner_id)
      WHEN 'recording_paragraph' THEN (SELECT r.artifact_id FROM recording_paragraphs p JOIN recordings r ON r.id = p.recording_id WHERE p.id = n.owner_id)
      ELSE n.owner_id END,
    n.version_id
  FROM ${from} WHERE ${INDEXED};`;

const dropRows = (alias: string) => `DELETE FROM search_index WHERE rowid IN (${alias}.id * 8 + 6, ${alias}.id * 8 + 7);`;
const NEW_ROW = '(SELECT new.id AS id, new.owner_kind AS owner_kind, new.owner_id AS owner_id, new.field AS field, new.text AS text, new.version_id AS version_id) n';

export const up = `
CREATE TABLE recordings (
  id INTEGER PRIMARY KEY,
  artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  ext TEXT NOT NULL CHECK (ext IN ('mp4', 'webm', 'mp3', 'm4a', 'opus', 'ogg')),
  bytes INTEGER NOT NULL CHECK (bytes > 0),
  kind TEXT NOT NULL CHECK (kind IN ('video', 'audio')),
  duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
  -- Size as shown, for video only.
  width INTEGER CHECK (width > 0),
  height INTEGER CHECK (height > 0),
  title TEXT,
  -- The poster: its original and its display and thumbnail renditions (WebP), all or none.
  ${MEDIA_SHA('poster_sha256')},
  poster_ext TEXT CHECK (poster_ext IN ('jpg', 'png', 'webp')),
  poster_width INTEGER CHECK (poster_width > 0),
  poster_height INTEGER CHECK (poster_height > 0),
  ${MEDIA_SHA('poster_display_sha256')},
  ${MEDIA_SHA('poster_thumb_sha256')},
  ${MEDIA_SHA('sign_language_sha256')},
  sign_language_ext TEXT CHECK (sign_language_ext IN ('mp4', 'webm')),
  ${MEDIA_SHA('audio_description_sha256')},
  audio_description_ext TEXT CHECK (audio_description_ext IN ('mp3', 'm4a', 'opus', 'ogg')),
  CHECK ((kind = 'video') = (width IS NOT NULL AND height IS NOT NULL) AND (width IS NULL) = (height IS NULL)),
  -- What the name says is what probing found (media/probe-media.ts): .mp4 and .webm are video.
  CHECK ((kind = 'video') = (ext IN ('mp4', 'webm'))),
  CHECK ((poster_sha256 IS NULL) = (poster_ext IS NULL)
     AND (poster_sha256 IS NULL) = (poster_width IS NULL)
     AND (poster_sha256 IS NULL) = (poster_height IS NULL)
     AND (poster_sha256 IS NULL) = (poster_display_sha256 IS NULL)
     AND (poster_sha256 IS NULL) = (poster_thumb_sha256 IS NULL)),
  CHECK ((sign_language_sha256 IS NULL) = (sign_language_ext IS NULL)),
  CHECK ((audio_description_sha256 IS NULL) = (audio_description_ext IS NULL)),
  UNIQUE (artifact_id, position)
) STRICT;
-- Garbage collection and the importer's look-up of a poster's renditions by its original.
CREATE INDEX recordings_poster ON recordings(poster_sha256) WHERE poster_sha256 IS NOT NULL;

CREATE TABLE recording_captions (
  id INTEGER PRIMARY KEY,
  recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  UNIQUE (recording_id, language),
  UNIQUE (recording_id, position)
) STRICT;

CREATE TABLE recording_paragraphs (
  id INTEGER PRIMARY KEY,
  recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  text TEXT NOT NULL,
  UNIQUE (recording_id, position)
) STRICT;

CREATE TRIGGER recording_paragraphs_ai AFTER INSERT ON recording_paragraphs BEGIN
  INSERT INTO search_index(rowid, title, body, kind, owner_id, version_id)
  SELECT new.id * 8, '', new.text, 'artifact', a.id, a.version_id
  FROM recordings r JOIN artifacts a ON a.id = r.artifact_id WHERE r.id = new.recording_id;
END;
CREATE TRIGGER recording_paragraphs_ad AFTER DELETE ON recording_paragraphs BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8;
END;
CREATE TRIGGER recording_paragraphs_au AFTER UPDATE OF text ON recording_paragraphs BEGIN
  UPDATE search_index SET body = new.text WHERE rowid = new.id * 8;
END;

CREATE TABLE localized_text_0012 (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES package_versions(id) ON DELETE CASCADE,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN (${OWNER_KINDS})),
  owner_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  ordinal INTEGER NOT NULL DEFAULT 0 CHECK (ordinal >= 0),
  lang TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (owner_kind, owner_id, field, ordinal, lang)
) STRICT;
INSERT INTO localized_text_0012 (id, version_id, owner_kind, owner_id, field, ordinal, lang, text)
  SELECT id, version_id, owner_kind, owner_id, field, ordinal, lang, text FROM localized_text;
-- Takes 0010's triggers with it (a DROP fires no DELETE trigger: the index keeps its rows).
DROP TABLE localized_text;
ALTER TABLE localized_text_0012 RENAME TO localized_text;
CREATE INDEX localized_text_version ON localized_text(version_id);

CREATE TRIGGER localized_text_ai AFTER INSERT ON localized_text BEGIN
  ${indexRows(NEW_ROW)}
END;
CREATE TRIGGER localized_text_ad AFTER DELETE ON localized_text BEGIN
  ${dropRows('old')}
END;
CREATE TRIGGER localized_text_au AFTER UPDATE ON localized_text BEGIN
  ${dropRows('old')}
  ${indexRows(NEW_ROW)}
END;
`;
