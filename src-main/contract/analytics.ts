/**
 * What the renderer tells the core about a visit (issue 21): the verb recordActivity's events,
 * each a thing a visitor did, never anything about who they are. A part of the API contract, in
 * its own file to keep api.ts readable; api.ts uses the schema, types.ts re-exports the types.
 *
 * No event carries a time of day: the core knows when a batch arrives, and files every visit
 * under the hour it began. Offsets within a visit (a screen's dwell, a visit's length) are
 * durations, not times.
 */
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'a short id of letters, digits, - or _');
const durationMs = z.number().int().min(0).max(86_400_000);

/** The screens a visitor moves between (the attract screen is not part of a visit). */
export const ACTIVITY_SCREENS = ['home', 'section', 'topic', 'artifact', 'search', 'timeline', 'my-list'] as const;
/** The accessibility modes a visitor can turn on (the accessibility panel). */
export const ACTIVITY_MODES = ['text-size', 'contrast', 'motion', 'reach'] as const;

export const activityEventSchema = z.discriminatedUnion('kind', [
  /** A screen left (or on show when the visit ended), with how long it was on show. */
  z.strictObject({ kind: z.literal('screen'), screen: z.enum(ACTIVITY_SCREENS), id: id.nullable(), dwellMs: durationMs }),
  /** A zoom into an object's image (a spread, a double tap or the + button), at most one per viewer opened. */
  z.strictObject({ kind: z.literal('zoom'), artifact: id }),
  /** Another page of a document turned to. */
  z.strictObject({ kind: z.literal('page'), artifact: id }),
  /** A film or sound recording played: how much of it, of how long. */
  z.strictObject({
    kind: z.literal('play'),
    artifact: id,
    recording: z.number().int().min(1).max(20),
    playedSeconds: z.number().min(0).max(86_400),
    durationSeconds: z.number().min(0).max(86_400),
  }),
  /** An object saved to My list. */
  z.strictObject({ kind: z.literal('save'), artifact: id }),
  /** My list shown with this many take-home codes. */
  z.strictObject({ kind: z.literal('take-home'), codes: z.number().int().min(1).max(200) }),
  /** A search the visitor settled on (acted on, or left), with the number of results it had. */
  z.strictObject({ kind: z.literal('search'), query: z.string().min(1).max(200), results: z.number().int().min(0).max(1_000_000) }),
  /** The visitor's language, chosen (or the exhibit's, at the start). */
  z.strictObject({ kind: z.literal('language'), language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/) }),
  /** An accessibility mode turned on. */
  z.strictObject({ kind: z.literal('mode'), mode: z.enum(ACTIVITY_MODES) }),
]);

export type ActivityEvent = z.output<typeof activityEventSchema>;
export type ActivityScreen = (typeof ACTIVITY_SCREENS)[number];
export type ActivityMode = (typeof ACTIVITY_MODES)[number];

/** recordActivity's arguments: a batch of one visit's events, the last one with `endedMs` set. */
export const recordActivitySchema = z.strictObject({
  /** The visit's random id, made by the renderer at its start and forgotten at its reset. */
  visit: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a random visit id of 16 to 64 letters, digits, - or _'),
  events: z.array(activityEventSchema).max(500),
  /** Events the renderer's queue dropped rather than grow (counted, never silently lost). */
  dropped: z.number().int().min(0).max(1_000_000).default(0),
  /** Set on the visit's last batch: its length from the first touch to the reset. */
  endedMs: durationMs.optional(),
});

export type RecordActivityArgs = z.input<typeof recordActivitySchema>;

/** recordActivity's answer: nothing to act on; the renderer never waits for it. */
export interface ActivityReceipt {
  accepted: boolean;
}

/** A median and a 90th percentile in seconds (to the step analytics keeps), or null without data. */
export interface SecondsSpread {
  median: number | null;
  p90: number | null;
}

/** What staff and `vitrine analytics summary` read for a stretch of days (issue 21). */
export interface AnalyticsSummaryView {
  /** First and last local day counted, "YYYY-MM-DD", both included. */
  from: string;
  to: string;
  /** Whose figures: one content as `packageId@version` (by default the live one), or null for all. */
  content: string | null;
  visits: number;
  /** Visits by the local hour of day they began, 0 to 23. */
  visitsByHour: number[];
  visitLength: SecondsSpread;
  /** Time the kiosk stood between one visit's end and the next one's start. */
  idleBetween: SecondsSpread;
  /** Objects most opened, with how often; `title` from the live exhibit where it still has them. */
  topObjects: { id: string; title: string | null; opens: number }[];
  /** The live exhibit's objects no visit opened; null when the figures are not the live content's. */
  neverOpened: { id: string; title: string }[] | null;
  searches: number;
  searchesWithoutResults: number;
  /** Words of searches that found nothing, typed by at least the threshold of visits. */
  unansweredSearches: { words: string; visits: number }[];
  languages: { language: string; visits: number }[];
  modes: { mode: string; visits: number }[];
  /** Events lost rather than let memory grow (a busy store); 0 when nothing was lost. */
  droppedEvents: number;
}

/** One row of `vitrine analytics export`: a count of one thing in one hour. */
export interface AnalyticsRow {
  hour: string;
  content: string;
  metric: string;
  subject: string;
  count: number;
  total: number;
}
