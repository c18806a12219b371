/**
 * The timeline's part of the API (issue 6): reads one package version's periods from the store
 * and hands them to the pure builder in timeline.ts.
 */
import type { TimelineView, YearSpan } from '../contract/types';
import { artifactSummary, type ContentQueries } from './store/content';
import type { PeriodQueries, PeriodRow } from './store/periods';
import { buildTimeline, timelineSpan, type PeriodInput } from './timeline';

const periodOf = (row: PeriodRow): PeriodInput | null =>
  row.year_from === null || row.year_to === null ? null : { from: row.year_from, to: row.year_to, label: row.label };

function packageSpan(axis: { timeline_from: number | null; timeline_to: number | null } | undefined): YearSpan | null {
  return axis && axis.timeline_from !== null && axis.timeline_to !== null ? { from: axis.timeline_from, to: axis.timeline_to } : null;
}

/** The axis of a version's timeline, or null when it dates nothing (for getExhibit, without reading every row). */
export function timelineSpanOf(periods: PeriodQueries, versionId: number): YearSpan | null {
  const axis = periods.axis.get(versionId);
  return timelineSpan(packageSpan(axis), { first: axis?.first_year ?? null, last: axis?.last_year ?? null });
}

/** A version's topics and objects on its time axis. */
export function timelineOf(q: ContentQueries, periods: PeriodQueries, versionId: number): TimelineView {
  return buildTimeline({
    span: packageSpan(periods.axis.get(versionId)),
    topics: periods.topics.all(versionId).map((t) => ({ id: t.slug, title: t.title, era: t.era, artifactCount: t.artifacts, period: periodOf(t) })),
    artifacts: periods.artifacts.all(versionId, versionId).map((a) => ({ ...artifactSummary(q, a), period: periodOf(a), topicId: a.topic_slug })),
  });
}
