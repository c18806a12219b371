/**
 * Content model, version 1. Every content row belongs to one imported package version, so a new
 * package is written beside the live one and switched to in one statement (and a rollback is the
 * same switch backwards). Media files are content-addressed on disk; rows only point at them.
 */
export const up = `
CREATE TABLE package_versions (
  id INTEGER PRIMARY KEY,
  package_id TEXT NOT NULL,
  version TEXT NOT NULL,
  title TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  source TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;

-- Exactly one row: which package version visitors see.
CREATE TABLE live (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version_id INTEGER NOT NULL REFERENCES package_versions(id)
) STRICT;

CREATE TABLE exhibits (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL UNIQUE REFERENCES package_versions(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  subtitle TEXT,
  credit TEXT,
  language TEXT NOT NULL
) STRICT;

CREATE TABLE sections (
  id INTEGER PRIMARY KEY,
  exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  UNIQUE (exhibit_id, slug),
  UNIQUE (exhibit_id, position)
) STRICT;

CREATE TABLE section_paragraphs (
  id INTEGER PRIMARY KEY,
  section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (section_id, position)
) STRICT;

CREATE TABLE artifacts (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES package_versions(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  caption TEXT,
  permanent_url TEXT,
  translation TEXT CHECK (translation IS NULL OR json_valid(translation)),
  translation_note TEXT,
  date_text TEXT,
  UNIQUE (version_id, slug)
) STRICT;

CREATE TABLE topics (
  id INTEGER PRIMARY KEY,
  section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
  version_id INTEGER NOT NULL REFERENCES package_versions(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  position INTEGER NOT NULL,
  era TEXT,
  title TEXT NOT NULL,
  UNIQUE (version_id, slug),
  UNIQUE (section_id, position)
) STRICT;

CREATE TABLE topic_blocks (
  id INTEGER PRIMARY KEY,
  topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('paragraph', 'artifact')),
  text TEXT,
  artifact_id INTEGER REFERENCES artifacts(id) ON DELETE CASCADE,
  CHECK ((kind = 'paragraph' AND text IS NOT NULL AND artifact_id IS NULL)
      OR (kind = 'artifact' AND text IS NULL AND artifact_id IS NOT NULL)),
  UNIQUE (topic_id, position)
) STRICT;
CREATE INDEX topic_blocks_artifact ON topic_blocks(artifact_id);

CREATE TABLE media (
  id INTEGER PRIMARY KEY,
  artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
  page INTEGER NOT NULL CHECK (page >= 1),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  ext TEXT NOT NULL CHECK (ext IN ('jpg', 'png', 'webp')),
  bytes INTEGER NOT NULL,
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  display_sha256 TEXT NOT NULL,
  thumb_sha256 TEXT NOT NULL,
  alt TEXT NOT NULL,
  stand_in INTEGER NOT NULL CHECK (stand_in IN (0, 1)),
  UNIQUE (artifact_id, page)
) STRICT;
CREATE INDEX media_sha ON media(sha256);

-- Full-text index over titles, essays, introductions, captions and translations.
-- Diacritics are folded (détente = detente) and 2-3 letter prefixes are indexed for type-ahead.
-- Rowids are derived from the owning row (id * 8 + kind) so triggers can delete in O(log n).
CREATE VIRTUAL TABLE search_index USING fts5(
  title, body,
  kind UNINDEXED, owner_id UNINDEXED, version_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER artifacts_ai AFTER INSERT ON artifacts BEGIN
  INSERT INTO search_index(rowid, title, body, kind, owner_id, version_id)
  VALUES (new.id * 8 + 1, new.title,
          concat_ws(' ', new.caption,
            (SELECT group_concat(value, ' ') FROM json_each(coalesce(new.translation, '[]')))),
          'artifact', new.id, new.version_id);
END;
CREATE TRIGGER artifacts_ad AFTER DELETE ON artifacts BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;
CREATE TRIGGER artifacts_au AFTER UPDATE ON artifacts BEGIN
  UPDATE search_index SET title = new.title,
    body = concat_ws(' ', new.caption,
      (SELECT group_concat(value, ' ') FROM json_each(coalesce(new.translation, '[]'))))
  WHERE rowid = new.id * 8 + 1;
END;

CREATE TRIGGER topics_ai AFTER INSERT ON topics BEGIN
  INSERT INTO search_index(rowid, title, body, kind, owner_id, version_id)
  VALUES (new.id * 8 + 2, concat_ws(': ', new.era, new.title), '', 'topic', new.id, new.version_id);
END;
CREATE TRIGGER topics_ad AFTER DELETE ON topics BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER topic_blocks_ai AFTER INSERT ON topic_blocks WHEN new.kind = 'paragraph' BEGIN
  INSERT INTO search_index(rowid, title, body, kind, owner_id, version_id)
  SELECT new.id * 8 + 3, '', new.text, 'topic', t.id, t.version_id FROM topics t WHERE t.id = new.topic_id;
END;
CREATE TRIGGER topic_blocks_ad AFTER DELETE ON topic_blocks WHEN old.kind = 'paragraph' BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER section_paragraphs_ai AFTER INSERT ON section_paragraphs BEGIN
  INSERT INTO search_index(rowid, title, body, kind, owner_id, version_id)
  SELECT new.id * 8 + 4, '', new.text, 'section', s.id, e.version_id
  FROM sections s JOIN exhibits e ON e.id = s.exhibit_id WHERE s.id = new.section_id;
END;
CREATE TRIGGER section_paragraphs_ad AFTER DELETE ON section_paragraphs BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;

CREATE TRIGGER sections_ai AFTER INSERT ON sections BEGIN
  INSERT INTO search_index(rowid, title, body, kind, owner_id, version_id)
  SELECT new.id * 8 + 5, new.title, '', 'section', new.id, e.version_id FROM exhibits e WHERE e.id = new.exhibit_id;
END;
CREATE TRIGGER sections_ad AFTER DELETE ON sections BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;
`;
