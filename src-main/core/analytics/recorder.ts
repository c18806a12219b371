/**
 * Visitor analytics, the recording side (issue 21; docs/analytics.md). recordActivity hands each
 * batch of a visit's events here and returns at once: a visit in progress is kept in memory only,
 * under its random id; when it ends (or is abandoned) it becomes counts (tally.ts), queued, and
 * written later in one transaction with the others. Nothing on a tap's path waits for the disk.
 *
 * Every queue is bounded, and what does not fit is dropped and counted ('dropped-events'):
 * a busy or broken store can never make the kiosk's memory grow.
 */
import type { ActivityEvent, ActivityReceipt, RecordActivityArgs } from '../../contract/analytics';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Db } from '../store/connection';
import { SearchThreshold } from './searches';
import { tallyVisit, type Tally } from './tally';

/** Events kept of one visit at most; a visit of a few minutes makes a few dozen. */
const MAX_EVENTS_PER_VISIT = 5000;
/** Visits open at once at most (a kiosk has one visitor; more is a fault or an abuse). */
const MAX_OPEN_VISITS = 16;
/** Ended visits waiting to be written at most. */
const MAX_QUEUED = 1000;
/** A visit not heard of for this long is ended where it stopped (a renderer that crashed). */
const ABANDONED_MS = 30 * 60_000;
/** Written this long after a visit ends, with any others by then: off the path of the next tap. */
const WRITE_DELAY_MS = 1000;
/** A write the store refused (busy) is tried again this much later. */
const RETRY_MS = 30_000;
/** How often abandoned visits are ended and old counts forgotten. */
const SWEEP_MS = 10 * 60_000;

export interface AnalyticsSettings {
  enabled: boolean;
  /** Visits that must type a search before its words are kept. */
  searchThreshold: number;
  /** Days the hourly counts are kept. */
  retentionDays: number;
}

export interface RecorderOptions {
  db: Db;
  clock: Clock;
  settings: () => AnalyticsSettings;
  /** The live content, as `packageId@version`, or null when there is none. */
  content: () => string | null;
  log: Logger;
}

interface OpenVisit {
  hour: string;
  content: string;
  events: ActivityEvent[];
  dropped: number;
  startedAt: number;
  lastHeard: number;
}

/** A finished visit's rows, waiting for the disk. */
interface Written {
  hour: string;
  content: string;
  rows: Tally[];
}

/** The local hour of `ms`, as analytics_hours files it: "2026-12-04T17". */
export function hourOf(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}`;
}

export class ActivityRecorder {
  readonly #open = new Map<string, OpenVisit>();
  #queue: Written[] = [];
  /** Events and visits dropped since the last write, added to the next one's counts. */
  #lost = { events: 0, hour: '', content: '' };
  #lastEndedAt: number | null = null;
  /**
   * Counters since start, for the metrics endpoint (issue 22). An idle reset is a visit the
   * renderer ended itself (a batch with `endedMs`): the contract names no reason, but a visit in
   * the renderer ends only when its session is reset (Kiosk.svelte), and that is the idle reset
   * (new content goes live on the attract screen, with no visit open). Visits ended here instead
   * (abandoned by a crashed renderer, too many open, the kiosk closing) count as visits only.
   */
  #visitsEnded = 0;
  #idleResets = 0;
  #timer: unknown = null;
  #sweeper: unknown = null;
  readonly #searches: SearchThreshold;
  readonly #upsert;

  constructor(private readonly options: RecorderOptions) {
    this.#searches = new SearchThreshold(() => options.settings().searchThreshold);
    this.#upsert = options.db.prepare<[string, string, string, string, number, number]>(
      `INSERT INTO analytics_hours (hour, content, metric, subject, count, total) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (hour, content, metric, subject) DO UPDATE SET count = count + excluded.count, total = total + excluded.total`,
    );
  }

  /** One batch of a visit's events (recordActivity). Never throws for the store's sake, never waits for it. */
  accept(args: RecordActivityArgs): ActivityReceipt {
    const { clock, settings } = this.options;
    if (!settings().enabled) return { accepted: false };
    const now = clock.now();
    let visit = this.#open.get(args.visit);
    if (!visit) {
      const content = this.options.content();
      if (content === null) return { accepted: false };
      if (this.#open.size >= MAX_OPEN_VISITS) this.#end(this.#open.keys().next().value!, null);
      visit = { hour: hourOf(now), content, events: [], dropped: 0, startedAt: now, lastHeard: now };
      this.#open.set(args.visit, visit);
    }
    visit.lastHeard = now;
    visit.dropped += args.dropped ?? 0;
    const room = MAX_EVENTS_PER_VISIT - visit.events.length;
    visit.events.push(...args.events.slice(0, Math.max(room, 0)));
    visit.dropped += Math.max(args.events.length - Math.max(room, 0), 0);
    if (args.endedMs !== undefined) {
      this.#idleResets++;
      this.#end(args.visit, args.endedMs);
    }
    return { accepted: true };
  }

  /** Visits ended and idle resets since the kiosk started (in memory only; see #visitsEnded). */
  counts(): { visits: number; idleResets: number } {
    return { visits: this.#visitsEnded, idleResets: this.#idleResets };
  }

  /** Ends visits not heard of for half an hour, and forgets counts older than the retention period. */
  sweep(): void {
    const now = this.options.clock.now();
    for (const [id, visit] of this.#open) if (now - visit.lastHeard > ABANDONED_MS) this.#end(id, null);
    const cutoff = hourOf(now - this.options.settings().retentionDays * 86_400_000);
    this.#guard(() => this.options.db.prepare('DELETE FROM analytics_hours WHERE hour < ?').run(cutoff));
  }

  /** Writes every ended visit now (a test's, or the core's at close). Open visits stay open. */
  flush(): void {
    if (this.#timer !== null) this.options.clock.clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#queue;
    const lost = this.#lost;
    if (batch.length === 0 && lost.events === 0) return;
    const written = this.#guard(() =>
      this.options.db.transaction(() => {
        for (const { hour, content, rows } of batch) for (const r of rows) this.#upsert.run(hour, content, r.metric, r.subject, r.count, r.total);
        if (lost.events > 0) this.#upsert.run(lost.hour, lost.content, 'dropped-events', '', lost.events, 0);
      })(),
    );
    // Written: gone from memory. Not written (the store busy): kept for the next try, within bounds.
    if (written) {
      this.#queue = this.#queue.slice(batch.length);
      this.#lost = { events: 0, hour: '', content: '' };
    } else this.#timer = this.options.clock.setTimeout(() => this.flush(), RETRY_MS);
  }

  /** Sweeps now and every few minutes, until stop(). */
  start(): void {
    this.sweep();
    this.#sweeper = this.options.clock.setInterval(() => this.sweep(), SWEEP_MS);
  }

  stop(): void {
    if (this.#sweeper !== null) this.options.clock.clearInterval(this.#sweeper);
    this.#sweeper = null;
    this.#closeAll();
  }

  /** Ends every visit still open (the process is closing) and writes everything. */
  #closeAll(): void {
    for (const id of [...this.#open.keys()]) this.#end(id, null);
    this.flush();
  }

  /** Ends visit `id`: its counts queued, its id and events forgotten. */
  #end(id: string, lengthMs: number | null): void {
    const visit = this.#open.get(id);
    if (!visit) return;
    this.#open.delete(id);
    this.#visitsEnded++;
    const { clock } = this.options;
    const endedAt = lengthMs === null ? visit.lastHeard : clock.now();
    const length = lengthMs ?? endedAt - visit.startedAt;
    const startedAt = endedAt - length;
    const idleMs = this.#lastEndedAt !== null && startedAt >= this.#lastEndedAt ? startedAt - this.#lastEndedAt : null;
    this.#lastEndedAt = endedAt;
    const rows = tallyVisit({ events: visit.events, lengthMs: length, idleMs, dropped: visit.dropped });
    const searches = visit.events.flatMap((e) => (e.kind === 'search' ? [e] : []));
    for (const s of this.#searches.visit(searches)) rows.push({ metric: s.metric, subject: s.words, count: s.count, total: 0 });
    if (this.#queue.length >= MAX_QUEUED) {
      // The store has not taken a write for a thousand visits: count this one's events as lost.
      this.#lost = { events: this.#lost.events + visit.events.length + 1, hour: visit.hour, content: visit.content };
    } else this.#queue.push({ hour: visit.hour, content: visit.content, rows });
    if (this.#timer === null) this.#timer = clock.setTimeout(() => this.flush(), WRITE_DELAY_MS);
  }

  /**
   * Runs a write, waiting at most 50 ms for a lock another process holds (a `vitrine import`):
   * the store's usual 5 s would stop the kiosk's whole main process that long. A failure is logged
   * (without any visitor's words) and reported as false.
   */
  #guard(write: () => unknown): boolean {
    const { db } = this.options;
    const usual = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 50');
    try {
      write();
      return true;
    } catch (error) {
      this.options.log.warn('analytics', 'Visitor counts not written; kept in memory for the next try', { error: (error as Error).message });
      return false;
    } finally {
      db.pragma(`busy_timeout = ${Math.trunc(usual)}`);
    }
  }
}
