/**
 * Writes a package version's periods and timeline span (issue 6), inside writePackageVersion's
 * transaction, once its topics and artifacts are in. Rows are found by id within the version, so
 * the content inserts stay as they are and no search-index trigger fires twice.
 */
import type { Db } from '../store/connection';
import type { Manifest, Period } from './manifest';

/** Inserts every topic's and artifact's period, and the exhibit's axis span, for `versionId`. */
export function writePeriods(db: Db, versionId: number, manifest: Manifest): void {
  const topic = db.prepare<[number, number, number, string | null, number, string]>(
    `INSERT INTO periods (version_id, topic_id, year_from, year_to, label)
     SELECT ?, t.id, ?, ?, ? FROM topics t WHERE t.version_id = ? AND t.slug = ?`,
  );
  const artifact = db.prepare<[number, number, number, string | null, number, string]>(
    `INSERT INTO periods (version_id, artifact_id, year_from, year_to, label)
     SELECT ?, a.id, ?, ?, ? FROM artifacts a WHERE a.version_id = ? AND a.slug = ?`,
  );
  const years = (p: Period) => [p.from, p.to ?? p.from, p.label] as const;

  for (const section of manifest.exhibit.sections) {
    for (const t of section.topics) if (t.period) topic.run(versionId, ...years(t.period), versionId, t.id);
  }
  for (const a of manifest.artifacts) if (a.period) artifact.run(versionId, ...years(a.period), versionId, a.id);

  const span = manifest.exhibit.timeline;
  if (span) db.prepare('UPDATE exhibits SET timeline_from = ?, timeline_to = ? WHERE version_id = ?').run(span.from, span.to, versionId);
}
