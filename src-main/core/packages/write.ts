/**
 * Writes a validated, staged package as a new package version, all in one SQLite transaction,
 * beside the live one: it starts 'incomplete' (its files are not in place yet) and is switched
 * to later (versions/versions.ts), so visitors see either the old exhibit or the new one.
 */
import type { Store } from '../store/connection';
import { checkpoint } from '../checkpoints';
import { defaultText as one, otherTexts } from './local-text';
import type { LocalTextValue, Manifest } from './manifest';
import type { StagedPackage } from './stage';
import { recordingWriter } from './write-recordings';
import { writePeriods } from './write-periods';

export interface WriteOptions {
  manifestSha256: string;
  source: string;
  /** Fingerprint of the key that signed the package, when signatures were checked. */
  signedBy?: string | null;
  importedAt?: Date;
}

/** Inserts every row of `manifest` as an 'incomplete' version; returns the version id. */
export function writePackageVersion(store: Store, manifest: Manifest, staged: StagedPackage, options: WriteOptions): number {
  const { db } = store;
  const q = {
    version: db.prepare(
      "INSERT INTO package_versions (package_id, version, title, manifest_sha256, source, imported_at, status, signed_by) VALUES (?, ?, ?, ?, ?, ?, 'incomplete', ?)",
    ),
    exhibit: db.prepare('INSERT INTO exhibits (version_id, title, subtitle, credit, language, attract, languages) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    section: db.prepare('INSERT INTO sections (exhibit_id, slug, position, title) VALUES (?, ?, ?, ?)'),
    intro: db.prepare('INSERT INTO section_paragraphs (section_id, position, text) VALUES (?, ?, ?)'),
    artifact: db.prepare(
      'INSERT INTO artifacts (version_id, slug, position, title, caption, permanent_url, translation, translation_note, date_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    media: db.prepare(
      'INSERT INTO media (artifact_id, page, sha256, ext, bytes, width, height, display_sha256, thumb_sha256, alt, stand_in, shown_width, shown_height, tile_size, tile_overlap, tile_format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    topic: db.prepare('INSERT INTO topics (section_id, version_id, slug, position, era, title) VALUES (?, ?, ?, ?, ?, ?)'),
    block: db.prepare('INSERT INTO topic_blocks (topic_id, position, kind, text, artifact_id) VALUES (?, ?, ?, ?, ?)'),
    local: db.prepare('INSERT INTO localized_text (version_id, owner_kind, owner_id, field, ordinal, lang, text) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };

  const write = db.transaction((): number => {
    const { package: pkg, exhibit } = manifest;
    const lang = exhibit.language;
    // The exhibit's language goes in the content columns (as before issue 6), the others beside.
    const others = (kind: string, ownerId: number, field: string, value: LocalTextValue | null, ordinal = 0) => {
      for (const [l, text] of otherTexts(value, lang)) q.local.run(versionId, kind, ownerId, field, ordinal, l, text);
    };
    const writeRecordings = recordingWriter(db, staged.recordings, lang, others);
    const versionId = Number(
      q.version.run(pkg.id, pkg.version, pkg.title, options.manifestSha256, options.source, (options.importedAt ?? new Date()).toISOString(), options.signedBy ?? null).lastInsertRowid,
    );
    const attract = exhibit.attract && { ...exhibit.attract, title: one(exhibit.attract.title, lang), invitation: one(exhibit.attract.invitation, lang) };
    const exhibitId = Number(
      q.exhibit.run(versionId, one(exhibit.title, lang), one(exhibit.subtitle, lang), one(exhibit.credit, lang), lang, attract ? JSON.stringify(attract) : null, JSON.stringify(exhibit.languages ?? [])).lastInsertRowid,
    );
    others('exhibit', exhibitId, 'title', exhibit.title);
    others('exhibit', exhibitId, 'subtitle', exhibit.subtitle);
    others('exhibit', exhibitId, 'credit', exhibit.credit);
    others('exhibit', exhibitId, 'attract_title', exhibit.attract?.title ?? null);
    others('exhibit', exhibitId, 'attract_invitation', exhibit.attract?.invitation ?? null);

    const artifactRowIds = new Map<string, number>();
    manifest.artifacts.forEach((a, position) => {
      const rowId = Number(
        q.artifact.run(versionId, a.id, position, one(a.title, lang), one(a.caption, lang), a.permanentUrl, a.translation ? JSON.stringify(a.translation.map((p) => one(p, lang))) : null, one(a.translationNote, lang), one(a.date, lang)).lastInsertRowid,
      );
      artifactRowIds.set(a.id, rowId);
      others('artifact', rowId, 'title', a.title);
      others('artifact', rowId, 'caption', a.caption);
      others('artifact', rowId, 'translation_note', a.translationNote);
      others('artifact', rowId, 'date_text', a.date);
      a.translation?.forEach((p, i) => others('artifact', rowId, 'translation', p, i));
      a.media.forEach((m, index) => {
        const s = staged.images.get(m.file);
        if (!s) throw new Error(`internal: ${m.file} was not staged`);
        const mediaId = Number(
          q.media.run(rowId, index + 1, s.original.sha256, s.original.ext, s.original.bytes, s.original.width, s.original.height, s.display.sha256, s.thumb.sha256, one(m.alt, lang), m.standIn ? 1 : 0,
            s.original.shown.width, s.original.shown.height, s.pyramid?.tileSize ?? null, s.pyramid?.overlap ?? null, s.pyramid?.format ?? null).lastInsertRowid,
        );
        others('media', mediaId, 'alt', m.alt);
      });
      if (a.recordings) writeRecordings(rowId, a.recordings);
    });

    exhibit.sections.forEach((section, sPos) => {
      const sectionId = Number(q.section.run(exhibitId, section.id, sPos, one(section.title, lang)).lastInsertRowid);
      others('section', sectionId, 'title', section.title);
      section.introduction.forEach((text, pPos) => others('section_paragraph', Number(q.intro.run(sectionId, pPos, one(text, lang)).lastInsertRowid), 'text', text));
      section.topics.forEach((topic, tPos) => {
        const topicId = Number(q.topic.run(sectionId, versionId, topic.id, tPos, one(topic.era, lang), one(topic.title, lang)).lastInsertRowid);
        others('topic', topicId, 'title', topic.title);
        others('topic', topicId, 'era', topic.era);
        topic.body.forEach((block, bPos) => {
          if (block.type === 'paragraph') others('topic_block', Number(q.block.run(topicId, bPos, 'paragraph', one(block.text, lang), null).lastInsertRowid), 'text', block.text);
          else q.block.run(topicId, bPos, 'artifact', null, artifactRowIds.get(block.ref)!);
        });
      });
    });
    writePeriods(db, versionId, manifest);

    checkpoint('write');
    return versionId;
  });
  return write.immediate();
}
