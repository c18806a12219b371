/**
 * Package text in more languages than the exhibit's own (issue 6). The exhibit's language stays
 * in the content tables' own columns, so every query written before this still reads a complete
 * exhibit; a text's other languages are rows here, keyed by the row and column they translate.
 * `ordinal` tells apart the paragraphs of one column that holds a list (an artifact's translation).
 */
export const up = `
ALTER TABLE exhibits ADD COLUMN languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages));

CREATE TABLE localized_text (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES package_versions(id) ON DELETE CASCADE,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('exhibit', 'section', 'section_paragraph', 'topic', 'topic_block', 'artifact', 'media')),
  owner_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  ordinal INTEGER NOT NULL DEFAULT 0 CHECK (ordinal >= 0),
  lang TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (owner_kind, owner_id, field, ordinal, lang)
) STRICT;
CREATE INDEX localized_text_version ON localized_text(version_id);
`;
