/**
 * Read queries for the timeline (issue 6): periods of the topics and artifacts of one package
 * version, and its axis. Like content.ts, every query is scoped to one version.
 */
import type { Db } from './connection';

/** A period row as stored: `year_to` equals `year_from` for a single year. */
export interface PeriodRow {
  year_from: number | null;
  year_to: number | null;
  label: string | null;
}

/** Prepared timeline reads over one database connection. */
export function periodQueries(db: Db) {
  const stmt = <R>(sql: string) => db.prepare<unknown[], R>(sql);
  return {
    /** The package's own axis (or nulls) and the earliest and latest year of any period. */
    axis: stmt<{ timeline_from: number | null; timeline_to: number | null; first_year: number | null; last_year: number | null }>(
      `SELECT e.timeline_from, e.timeline_to, min(p.year_from) AS first_year, max(p.year_to) AS last_year
       FROM exhibits e LEFT JOIN periods p ON p.version_id = e.version_id WHERE e.version_id = ? GROUP BY e.id`,
    ),
    /** Topics in exhibit order, with their periods. */
    topics: stmt<PeriodRow & { slug: string; title: string; era: string | null; artifacts: number }>(
      `SELECT t.slug, t.title, t.era, p.year_from, p.year_to, p.label,
         (SELECT count(*) FROM topic_blocks b WHERE b.topic_id = t.id AND b.kind = 'artifact') AS artifacts
       FROM topics t JOIN sections s ON s.id = t.section_id LEFT JOIN periods p ON p.topic_id = t.id
       WHERE t.version_id = ? ORDER BY s.position, t.position`,
    ),
    /** Artifacts in the order a visitor meets them, with their own periods and the topic that first places them. */
    artifacts: stmt<PeriodRow & { id: number; slug: string; title: string; topic_slug: string | null; topic_title: string | null }>(
      `WITH placed AS (
         SELECT b.artifact_id, t.slug AS topic_slug, t.title AS topic_title, s.position AS sp, t.position AS tp, b.position AS bp,
           row_number() OVER (PARTITION BY b.artifact_id ORDER BY s.position, t.position, b.position) AS n
         FROM topic_blocks b JOIN topics t ON t.id = b.topic_id JOIN sections s ON s.id = t.section_id
         WHERE t.version_id = ? AND b.kind = 'artifact')
       SELECT a.id, a.slug, a.title, p.year_from, p.year_to, p.label, pl.topic_slug, pl.topic_title
       FROM artifacts a LEFT JOIN placed pl ON pl.artifact_id = a.id AND pl.n = 1 LEFT JOIN periods p ON p.artifact_id = a.id
       WHERE a.version_id = ? ORDER BY pl.artifact_id IS NULL, pl.sp, pl.tp, pl.bp, a.position`,
    ),
  };
}

export type PeriodQueries = ReturnType<typeof periodQueries>;
