/**
 * A film or sound recording is found by its title (issue 20), as by its transcript (0012): each
 * title, in the exhibit's language and in every other the package gives, is indexed as its
 * artifact's text, so the artifact's own title still weighs more and is still the one shown.
 *
 * Rowids: 0001's scheme (id * 8 + kind) has all eight kinds taken, so a recording's title in the
 * exhibit's language takes the negative rowids, -(recordings.id * 8) (search.ts: kind 8), which
 * leaves -(id * 8 + 1 … 7) for later kinds. In another language it is a localized_text row and
 * keeps 0010's rowid, localized_text.id * 8 + 7 (text): 0010's rule made every 'title' a title
 * row (+ 6), so localized_text's triggers are made again with a recording's title as text.
 *
 * Recordings and localized titles stored before this migration are indexed here.
 */

/** 0012's list of searched localized texts, with a recording's title. */
const INDEXED = `n.owner_kind || '.' || n.field IN
  ('artifact.title', 'artifact.caption', 'artifact.translation', 'topic.title', 'topic.era', 'section.title', 'topic_block.text', 'section_paragraph.text', 'recording_paragraph.text', 'recording.title')`;
/** A title row (+ 6, column title); a recording's title is its artifact's text (+ 7, column body). */
const IS_TITLE = `(n.field IN ('title', 'era') AND n.owner_kind <> 'recording')`;

/** The index row of localized_text row `n`, as 0012 made it; a recording's title belongs to its artifact. */
const indexRows = (from: string) => `
  INSERT INTO search_index(rowid, title, body, kind, owner_id, version_id)
  SELECT n.id * 8 + CASE WHEN ${IS_TITLE} THEN 6 ELSE 7 END,
    CASE WHEN ${IS_TITLE} THEN n.text ELSE '' END,
    CASE WHEN ${IS_TITLE} THEN '' ELSE n.text END,
    CASE n.owner_kind WHEN 'topic_block' THEN 'topic' WHEN 'section_paragraph' THEN 'section'
      WHEN 'recording_paragraph' THEN 'artifact' WHEN 'recording' THEN 'artifact' ELSE n.owner_kind END,
    CASE n.owner_kind
      WHEN 'topic_block' THEN (SELECT topic_id FROM topic_blocks WHERE id = n.owner_id)
      WHEN 'section_paragraph' THEN (SELECT section_id FROM section_paragraphs WHERE id = n.owner_id)
      WHEN 'recording_paragraph' THEN (SELECT r.artifact_id FROM recording_paragraphs p JOIN recordings r ON r.id = p.recording_id WHERE p.id = n.owner_id)
      WHEN 'recording' THEN (SELECT artifact_id FROM recordings WHERE id = n.owner_id)
      ELSE n.owner_id END,
    n.version_id
  FROM ${from} WHERE ${INDEXED};`;

const dropRows = (alias: string) => `DELETE FROM search_index WHERE rowid IN (${alias}.id * 8 + 6, ${alias}.id * 8 + 7);`;
const NEW_ROW = '(SELECT new.id AS id, new.owner_kind AS owner_kind, new.owner_id AS owner_id, new.field AS field, new.text AS text, new.version_id AS version_id) n';

/** The index row of recordings row `r`'s title in the exhibit's language; none for a recording without one. */
const titleRow = (from: string) => `
  INSERT INTO search_index(rowid, title, body, kind, owner_id, version_id)
  SELECT -(r.id * 8), '', r.title, 'artifact', a.id, a.version_id
  FROM ${from} JOIN artifacts a ON a.id = r.artifact_id WHERE r.title IS NOT NULL;`;
const NEW_RECORDING = '(SELECT new.id AS id, new.artifact_id AS artifact_id, new.title AS title) r';

export const up = `
DROP TRIGGER localized_text_ai;
DROP TRIGGER localized_text_au;
CREATE TRIGGER localized_text_ai AFTER INSERT ON localized_text BEGIN
  ${indexRows(NEW_ROW)}
END;
CREATE TRIGGER localized_text_au AFTER UPDATE ON localized_text BEGIN
  ${dropRows('old')}
  ${indexRows(NEW_ROW)}
END;

CREATE TRIGGER recordings_ai AFTER INSERT ON recordings BEGIN
  ${titleRow(NEW_RECORDING)}
END;
CREATE TRIGGER recordings_ad AFTER DELETE ON recordings BEGIN
  DELETE FROM search_index WHERE rowid = -(old.id * 8);
END;
CREATE TRIGGER recordings_au AFTER UPDATE OF title, artifact_id ON recordings BEGIN
  DELETE FROM search_index WHERE rowid = -(old.id * 8);
  ${titleRow(NEW_RECORDING)}
END;

${titleRow('recordings r')}
${indexRows("(SELECT * FROM localized_text WHERE owner_kind = 'recording') n")}
`;
