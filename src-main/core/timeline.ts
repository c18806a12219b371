/**
 * The exhibit on a time axis (issue 6), built from plain rows: which topics and objects are
 * dated, in what order, and what is left undated. Pure, so the store-backed API and the
 * renderer's test fixtures build the same view from the same rules.
 *
 * The one rule that matters to a museum: an object the package gives no date is never shown as
 * if it had one. It may sit at its topic's period, marked `periodSource: 'topic'`, and the
 * renderer says so in words. Years stay numbers: the renderer words them in the visitor's language.
 */
import type { ArtifactSummary, PeriodView, TimelineArtifact, TimelineEntry, TimelineTopic, TimelineView, YearSpan } from '../contract/types';

/** A period as a package gives it: `to` equal to `from` for a single year. */
export interface PeriodInput {
  from: number;
  to: number;
  label: string | null;
}

export interface TimelineInput {
  /** The axis the package asks for, or null. */
  span: YearSpan | null;
  /** Topics in exhibit order. */
  topics: { id: string; title: string; era: string | null; artifactCount: number; period: PeriodInput | null }[];
  /** Objects in exhibit order, each with the topic that first places it (or null). */
  artifacts: (ArtifactSummary & { period: PeriodInput | null; topicId: string | null })[];
}

/**
 * The package's own words for a period, or null. The core words no years itself: "BCE" or
 * «до н. э.» is the visitor's language, which only the renderer knows.
 */
export function periodLabel(period: PeriodInput): string | null {
  return period.label?.trim() || null;
}

/** The axis: the package's span, else the earliest to the latest period; null when nothing is dated. */
export function timelineSpan(packageSpan: YearSpan | null, periods: { first: number | null; last: number | null }): YearSpan | null {
  if (periods.first === null || periods.last === null) return null;
  return packageSpan ?? { from: periods.first, to: periods.last };
}

const view = (period: PeriodInput): PeriodView => ({ from: period.from, to: period.to, label: periodLabel(period) });

/** Builds the timeline from an exhibit's topics and objects. */
export function buildTimeline(input: TimelineInput): TimelineView {
  const topics = new Map(input.topics.map((t) => [t.id, t]));
  const topicEntries: TimelineTopic[] = input.topics.map((t) => ({
    kind: 'topic', id: t.id, title: t.title, era: t.era, artifactCount: t.artifactCount, period: t.period ? view(t.period) : null,
  }));
  const artifactEntries: TimelineArtifact[] = input.artifacts.map((a) => {
    const topic = a.topicId !== null ? topics.get(a.topicId) : undefined;
    const period = a.period ?? topic?.period ?? null;
    return {
      kind: 'artifact', id: a.id, title: a.title, thumb: a.thumb, recording: a.recording,
      period: period ? view(period) : null,
      periodSource: a.period ? 'own' : period ? 'topic' : null,
      topic: topic ? { id: topic.id, title: topic.title } : null,
    };
  });

  // Ties in time keep exhibit order, each topic followed by the objects it places.
  const topicIndex = new Map(input.topics.map((t, i) => [t.id, i]));
  const order = new Map<TimelineEntry, readonly [number, number, number]>();
  topicEntries.forEach((t, i) => order.set(t, [i, 0, 0]));
  artifactEntries.forEach((a, i) => order.set(a, [a.topic ? topicIndex.get(a.topic.id)! : input.topics.length, 1, i]));
  const byExhibit = (a: TimelineEntry, b: TimelineEntry) => {
    const [x, y] = [order.get(a)!, order.get(b)!];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  };
  const dated = [...topicEntries, ...artifactEntries]
    .filter((e) => e.period !== null)
    .sort((a, b) => a.period!.from - b.period!.from || a.period!.to - b.period!.to || byExhibit(a, b));

  const undated: TimelineEntry[] = [];
  for (const topic of topicEntries.filter((t) => t.period === null)) {
    undated.push(topic, ...artifactEntries.filter((a) => a.period === null && a.topic?.id === topic.id));
  }
  undated.push(...artifactEntries.filter((a) => a.period === null && a.topic === null));

  // Sorted by start, so the first entry starts earliest; the latest end needs a pass.
  const first = dated[0]?.period?.from ?? null;
  const last = dated.reduce<number | null>((max, e) => Math.max(max ?? -Infinity, e.period!.to), null);
  return { span: timelineSpan(input.span, { first, last }), dated, undated };
}
