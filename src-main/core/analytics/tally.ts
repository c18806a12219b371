/**
 * One ended visit as counts (issue 21): what analytics_hours adds under the hour it began. Pure,
 * so what a visit becomes can be read and tested on its own. A search's words are not here: they
 * are kept only once enough visits typed them (searches.ts).
 */
import type { ActivityEvent } from '../../contract/analytics';

/** One row's worth: `count` more of (metric, subject), and `total` more of its measure. */
export interface Tally {
  metric: string;
  subject: string;
  count: number;
  total: number;
}

/** What the core knows of a visit when it ends. */
export interface EndedVisit {
  events: readonly ActivityEvent[];
  /** From the first touch to the reset. */
  lengthMs: number;
  /** Since the visit before ended, when this process saw it end; else null. */
  idleMs: number | null;
  /** Events dropped on the way (the renderer's queue and the core's), counted here. */
  dropped: number;
}

/**
 * A length in whole seconds, rounded to a step that grows with it (5 s under 10 minutes, 1 minute
 * under an hour, 10 minutes beyond; at most a day): fine enough for a median, coarse enough that
 * no visit's exact length is kept.
 */
export function lengthBucket(ms: number): number {
  const s = Math.min(Math.max(ms, 0) / 1000, 86_400);
  const step = s < 600 ? 5 : s < 3600 ? 60 : 600;
  return Math.round(s / step) * step;
}

/** The counts of one ended visit, each (metric, subject) once. */
export function tallyVisit(visit: EndedVisit): Tally[] {
  const rows = new Map<string, Tally>();
  const add = (metric: string, subject: string, total = 0, count = 1) => {
    const key = `${metric}\u0000${subject}`;
    const row = rows.get(key);
    if (row) {
      row.count += count;
      row.total += total;
    } else rows.set(key, { metric, subject, count, total });
  };
  // Once per visit, however often it happened in it: languages and modes used.
  const once = new Set<string>();
  const addOnce = (metric: string, subject: string) => {
    if (once.has(`${metric}\u0000${subject}`)) return;
    once.add(`${metric}\u0000${subject}`);
    add(metric, subject);
  };

  add('visits', '', visit.lengthMs / 1000);
  add('visit-seconds', String(lengthBucket(visit.lengthMs)));
  if (visit.idleMs !== null) add('idle-seconds', String(lengthBucket(visit.idleMs)));
  if (visit.dropped > 0) add('dropped-events', '', 0, visit.dropped);

  for (const event of visit.events) {
    switch (event.kind) {
      case 'screen':
        add('screen', event.screen, event.dwellMs);
        if (event.screen === 'artifact' && event.id) add('open', event.id, event.dwellMs);
        break;
      case 'zoom':
      case 'page':
      case 'save':
        add(event.kind, event.artifact);
        break;
      case 'play': {
        const subject = `${event.artifact}#${event.recording}`;
        add('play', subject, event.playedSeconds);
        // Heard or seen to its end (the last 5 %, or second, may be credits or silence).
        if (event.durationSeconds > 0 && event.playedSeconds >= Math.min(event.durationSeconds * 0.95, event.durationSeconds - 1)) add('play-complete', subject);
        break;
      }
      case 'take-home':
        add('take-home', '', event.codes);
        break;
      case 'search':
        add('search', '', event.results);
        if (event.results === 0) add('search-empty', '');
        break;
      case 'language':
        addOnce('language', event.language);
        break;
      case 'mode':
        addOnce('mode', event.mode);
        break;
    }
  }
  return [...rows.values()];
}
