/**
 * Writes a validated, staged package as a new package version, all in one SQLite transaction,
 * beside the live one: it starts 'incomplete' (its files are not in place yet) and is switched
 * to later (versions/versions.ts), so visitors see either the old exhibit or the new one.
 */
import type { Store } from '../store/connection';
import { crashPoint } from './crash-points';
import type { Manifest } from './manifest';
import type { StagedSet } from './stage';

export interface WriteOptions {
  manifestSha256: string;
  source: string;
  /** Fingerprint of the key that signed the package, when signatures were checked. */
  signedBy?: string | null;
  importedAt?: Date;
}

/** Inserts every row of `manifest` as an 'incomplete' version; returns the version id. */
export function writePackageVersion(store: Store, manifest: Manifest, staged: StagedSet, options: WriteOptions): number {
  const { db } = store;
  const q = {
    version: db.prepare(
      "INSERT INTO package_versions (package_id, version, title, manifest_sha256, source, imported_at, status, signed_by) VALUES (?, ?, ?, ?, ?, ?, 'incomplete', ?)",
    ),
    exhibit: db.prepare('INSERT INTO exhibits (version_id, title, subtitle, credit, language, attract) VALUES (?, ?, ?, ?, ?, ?)'),
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
  };

  const write = db.transaction((): number => {
    const { package: pkg, exhibit } = manifest;
    const versionId = Number(
      q.version.run(pkg.id, pkg.version, pkg.title, options.manifestSha256, options.source, (options.importedAt ?? new Date()).toISOString(), options.signedBy ?? null).lastInsertRowid,
    );
    const exhibitId = Number(q.exhibit.run(versionId, exhibit.title, exhibit.subtitle, exhibit.credit, exhibit.language, exhibit.attract ? JSON.stringify(exhibit.attract) : null).lastInsertRowid);

    const artifactRowIds = new Map<string, number>();
    manifest.artifacts.forEach((a, position) => {
      const rowId = Number(
        q.artifact.run(versionId, a.id, position, a.title, a.caption, a.permanentUrl, a.translation ? JSON.stringify(a.translation) : null, a.translationNote, a.date).lastInsertRowid,
      );
      artifactRowIds.set(a.id, rowId);
      a.media.forEach((m, index) => {
        const s = staged.get(m.file);
        if (!s) throw new Error(`internal: ${m.file} was not staged`);
        q.media.run(rowId, index + 1, s.original.sha256, s.original.ext, s.original.bytes, s.original.width, s.original.height, s.display.sha256, s.thumb.sha256, m.alt, m.standIn ? 1 : 0,
          s.original.shown.width, s.original.shown.height, s.pyramid?.tileSize ?? null, s.pyramid?.overlap ?? null, s.pyramid?.format ?? null);
      });
    });

    exhibit.sections.forEach((section, sPos) => {
      const sectionId = Number(q.section.run(exhibitId, section.id, sPos, section.title).lastInsertRowid);
      section.introduction.forEach((text, pPos) => q.intro.run(sectionId, pPos, text));
      section.topics.forEach((topic, tPos) => {
        const topicId = Number(q.topic.run(sectionId, versionId, topic.id, tPos, topic.era, topic.title).lastInsertRowid);
        topic.body.forEach((block, bPos) => {
          if (block.type === 'paragraph') q.block.run(topicId, bPos, 'paragraph', block.text, null);
          else q.block.run(topicId, bPos, 'artifact', null, artifactRowIds.get(block.ref)!);
        });
      });
    });

    crashPoint('write');
    return versionId;
  });
  return write.immediate();
}
