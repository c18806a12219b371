/**
 * Where each dated entry sits on the timeline's track, in rem from the axis's start: topics as
 * spans above the axis, objects as marks below it, each in the first lane where it overlaps
 * nothing. A topic's box is as long as its period, or longer when the period is short (a
 * one-year topic still needs a readable, tappable label), and its bar shows the true length.
 * An object's box is a mark of one size at the start of its period: a document is not a span.
 */
import type { PeriodView, TimelineEntry, YearSpan } from '@contract/types';

/** Width of one year on an axis of up to 200 years: a decade is 40rem, about a third of a kiosk screen. */
export const YEAR_REM = 4;
/** Longer axes are squeezed to about this length, so a swipe still covers a useful stretch. */
const LONG_AXIS_REM = 600;
/** A topic's box: wide enough for a title in two lines at arm's length. */
export const TOPIC_BOX_REM = 17;
/** An object's box: thumbnail and two lines of title. */
export const ARTIFACT_BOX_REM = 21;
/** Space between boxes in one lane. */
const GAP_REM = 1;
/** Tick steps in years; the smallest that leaves at least 10rem between ticks is used (decades on the built-in exhibit). */
const TICK_STEPS = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

export interface Tick {
  year: number;
  /** From the axis's start, in rem. */
  at: number;
}

export interface Axis {
  from: number;
  to: number;
  yearRem: number;
  /** Length of the axis itself, in rem (the last year included). */
  length: number;
  ticks: Tick[];
}

export interface Placed {
  entry: TimelineEntry & { period: PeriodView };
  row: 'topic' | 'artifact';
  /** Start of the period, in rem from the axis's start. */
  at: number;
  /** True length of the period, in rem (one year at least). */
  length: number;
  /** Width of the entry's box, in rem: a topic's period or the readable minimum; an object's mark. */
  box: number;
  lane: number;
}

export interface Layout {
  axis: Axis;
  /** In the order given (time order): the list a screen reader and a switch user walk. */
  placed: Placed[];
  topicLanes: number;
  artifactLanes: number;
  /** The track's length in rem: the axis, or further where a last box reaches beyond it. */
  extent: number;
}

/** The axis for a span: its scale and its ticks. */
export function axisOf(span: YearSpan): Axis {
  const years = span.to - span.from + 1;
  const yearRem = years <= 200 ? YEAR_REM : LONG_AXIS_REM / years;
  const step = TICK_STEPS.find((s) => s * yearRem >= 10) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const ticks: Tick[] = [];
  for (let year = Math.ceil(span.from / step) * step; year <= span.to + 1; year += step) ticks.push({ year, at: (year - span.from) * yearRem });
  return { from: span.from, to: span.to, yearRem, length: years * yearRem, ticks };
}

/** Places dated entries (in time order) on the axis of `span`. */
export function layOut(span: YearSpan, dated: readonly TimelineEntry[]): Layout {
  const axis = axisOf(span);
  const lanes = { topic: [] as number[], artifact: [] as number[] };
  const placed: Placed[] = [];
  for (const entry of dated) {
    if (!entry.period) continue;
    const row = entry.kind;
    // Clamped to the axis: the package validator already keeps periods on a package's own axis.
    const from = Math.max(entry.period.from, span.from);
    const to = Math.min(Math.max(entry.period.to, from), span.to);
    const at = (from - span.from) * axis.yearRem;
    const length = (to - from + 1) * axis.yearRem;
    const box = row === 'topic' ? Math.max(length, TOPIC_BOX_REM) : ARTIFACT_BOX_REM;
    const ends = lanes[row];
    let lane = ends.findIndex((end) => end <= at);
    if (lane === -1) lane = ends.push(0) - 1;
    ends[lane] = at + box + GAP_REM;
    placed.push({ entry: { ...entry, period: entry.period }, row, at, length, box, lane });
  }
  const extent = placed.reduce((end, p) => Math.max(end, p.at + p.box), axis.length);
  return { axis, placed, topicLanes: lanes.topic.length, artifactLanes: lanes.artifact.length, extent };
}

/** The years in view for a scroll position, for the caption under the track. */
export function yearsInView(axis: Axis, leftRem: number, widthRem: number): YearSpan {
  const year = (rem: number) => Math.min(axis.to, Math.max(axis.from, axis.from + Math.floor(rem / axis.yearRem)));
  return { from: year(leftRem), to: year(leftRem + widthRem - 0.001) };
}
