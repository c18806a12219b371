/**
 * The timeline's result types (issue 6), re-exported by types.ts: plain data, like the rest of
 * the contract.
 */
import type { ImageView, LocalText, RecordingMark } from './types';

/** Whole years, both included: `from === to` for a single year. Negative years are BCE. */
export interface YearSpan {
  from: number;
  to: number;
}

/** A period as the package gives it. */
export interface PeriodView extends YearSpan {
  /** The package's own label ("early 1920s"), or null: the UI then words the years in its language. */
  label: string | null;
}

export interface TimelineTopic {
  kind: 'topic';
  id: string;
  title: LocalText;
  era: LocalText | null;
  artifactCount: number;
  period: PeriodView | null;
}

export interface TimelineArtifact {
  kind: 'artifact';
  id: string;
  title: LocalText;
  thumb: ImageView | null;
  /** Its first film or sound recording (issue 20), or null. */
  recording: RecordingMark | null;
  /** Where the object sits on the axis: its own period, else its topic's, else null (undated). */
  period: PeriodView | null;
  /**
   * 'own' when the package dates the object itself; 'topic' when it is placed by its topic's
   * period because the package gives it no date (the UI must say so: that is not the document's
   * date); null when undated.
   */
  periodSource: 'own' | 'topic' | null;
  /** The topic that places the object (its first placement), or null. */
  topic: { id: string; title: LocalText } | null;
}

export type TimelineEntry = TimelineTopic | TimelineArtifact;

/** The exhibit on a time axis (issue 6). */
export interface TimelineView {
  /** The axis: the package's own span, else from the earliest to the latest period; null when nothing is dated. */
  span: YearSpan | null;
  /** Entries with a period, in time order (start, then end, a topic before objects placed by it, then exhibit order). */
  dated: TimelineEntry[];
  /** Topics and objects without a period, in exhibit order, each object after its topic. */
  undated: TimelineEntry[];
}
