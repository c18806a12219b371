/**
 * Search over every language a package gives (issue 6). Migration 0001 indexes the content
 * columns, which hold the exhibit's own language; the other languages (localized_text, migration
 * 0008) join the same FTS5 table, so one ranked query still covers everything and a Russian
 * visitor finds "ленд-лиз" in a Russian title. Each such row points at the item it belongs to
 * (an essay paragraph at its topic, an introduction paragraph at its section), as 0001's rows do.
 *
 * Rowids continue 0001's scheme (id * 8 + kind, kinds 1-5 taken): localized_text.id * 8 + 6 for a
 * title (a title or a topic's era), + 7 for text (a caption, a translation paragraph, a paragraph).
 * Texts that 0001 does not index in any language (alt text, notes, dates, exhibit texts) are not
 * indexed here either.
 */

/** Which localized texts are searched, and whether each is a title. */
const INDEXED = `n.owner_kind || '.' || n.field IN
  ('artifact.title', 'artifact.caption', 'artifact.translation', 'topic.title', 'topic.era', 'section.title', 'topic_block.text', 'section_paragraph.text')`;
const IS_TITLE = `n.field IN ('title', 'era')`;

/** The index row of localized_text row `n` (a trigger's NEW, or the table itself when backfilling). */
const indexRows = (from: string) => `
  INSERT INTO search_index(rowid, title, body, kind, owner_id, version_id)
  SELECT n.id * 8 + CASE WHEN ${IS_TITLE} THEN 6 ELSE 7 END,
    CASE WHEN ${IS_TITLE} THEN n.text ELSE '' END,
    CASE WHEN ${IS_TITLE} THEN '' ELSE n.text END,
    CASE n.owner_kind WHEN 'topic_block' THEN 'topic' WHEN 'section_paragraph' THEN 'section' ELSE n.owner_kind END,
    CASE n.owner_kind
      WHEN 'topic_block' THEN (SELECT topic_id FROM topic_blocks WHERE id = n.owner_id)
      WHEN 'section_paragraph' THEN (SELECT section_id FROM section_paragraphs WHERE id = n.owner_id)
      ELSE n.owner_id END,
    n.version_id
  FROM ${from} WHERE ${INDEXED};`;

const dropRows = (alias: string) => `DELETE FROM search_index WHERE rowid IN (${alias}.id * 8 + 6, ${alias}.id * 8 + 7);`;

export const up = `
CREATE TRIGGER localized_text_ai AFTER INSERT ON localized_text BEGIN
  ${indexRows('(SELECT new.id AS id, new.owner_kind AS owner_kind, new.owner_id AS owner_id, new.field AS field, new.text AS text, new.version_id AS version_id) n')}
END;
CREATE TRIGGER localized_text_ad AFTER DELETE ON localized_text BEGIN
  ${dropRows('old')}
END;
CREATE TRIGGER localized_text_au AFTER UPDATE ON localized_text BEGIN
  ${dropRows('old')}
  ${indexRows('(SELECT new.id AS id, new.owner_kind AS owner_kind, new.owner_id AS owner_id, new.field AS field, new.text AS text, new.version_id AS version_id) n')}
END;
${indexRows('localized_text n')}
`;
