/**
 * What one visit did, on its way to the core's analytics (issue 21; docs/analytics.md): screens
 * with how long each was on show, zooms, pages, plays, saves, take-home codes, searches settled
 * on, language and modes. Events wait in a small queue and leave in a batch every few seconds
 * and at the reset, through the API's recordActivity, never on a tap's path; a full queue drops
 * and counts, it never grows. The visit's id is random, made here, and dies with the Visit.
 */
import type { Api } from '@contract/api';
import type { ActivityEvent, ActivityMode, ActivityScreen } from '@contract/analytics';

/** Events waiting at most; a visit of a few minutes makes a few dozen. */
const MAX_QUEUED = 200;
/** Batches leave this often while a visit goes on. */
const SEND_EVERY_MS = 15_000;

/** A random id of 22 URL-safe letters (128 bits): nothing in it says who or when. */
function randomVisitId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface ActivityLogOptions {
  now?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export class ActivityLog {
  readonly visit = randomVisitId();
  #queue: ActivityEvent[] = [];
  #dropped = 0;
  #beganAt: number | null = null;
  #screen: { screen: ActivityScreen; id: string | null; since: number } | null = null;
  #timer: unknown = null;
  #ended = false;
  /** Events told when their owner goes, or at the visit's end if that comes first (a player's play). */
  readonly #held = new Map<object, () => ActivityEvent>();
  /** Once per visit: a language or mode counts a visit once, however often it is chosen. */
  readonly #once = new Set<string>();
  readonly #now: () => number;
  readonly #setTimeout: (fn: () => void, ms: number) => unknown;
  readonly #clearTimeout: (handle: unknown) => void;

  constructor(
    private readonly send: Api['recordActivity'],
    options: ActivityLogOptions = {},
  ) {
    this.#now = options.now ?? (() => performance.now());
    this.#setTimeout = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
    this.#clearTimeout = options.clearTimeout ?? ((handle) => clearTimeout(handle as number));
  }

  /** True from the first touch after attract to the reset. */
  get begun(): boolean {
    return this.#beganAt !== null && !this.#ended;
  }

  /** The visitor left the attract loop: the visit's clock starts. */
  begin(): void {
    if (this.#beganAt === null) this.#beganAt = this.#now();
  }

  /** The screen on show changed: the one left is counted with how long it was on show. */
  screen(screen: ActivityScreen | 'attract', id: string | null = null): void {
    if (!this.begun) return;
    // The same screen again (Home tapped on the home screen): still the one on show.
    if (this.#screen && this.#screen.screen === screen && this.#screen.id === id) return;
    this.#closeScreen();
    if (screen !== 'attract') this.#screen = { screen, id, since: this.#now() };
  }

  /** Something the visitor did; dropped (and counted) when the queue is full. */
  record(event: ActivityEvent): void {
    if (!this.begun) return;
    if (this.#queue.length >= MAX_QUEUED) {
      this.#dropped++;
      return;
    }
    this.#queue.push(event);
    this.#timer ??= this.#setTimeout(() => this.#send(), SEND_EVERY_MS);
  }

  /** A language or mode, counted once per visit. */
  chose(kind: 'language', value: string): void;
  chose(kind: 'mode', value: ActivityMode): void;
  chose(kind: 'language' | 'mode', value: string): void {
    if (!this.begun || this.#once.has(`${kind}:${value}`)) return;
    this.#once.add(`${kind}:${value}`);
    this.record(kind === 'language' ? { kind, language: value } : { kind, mode: value as ActivityMode });
  }

  /**
   * An event whose figures grow until its owner goes (how far a recording was played): `event`
   * is read when release(owner) is called, or at the visit's end, whichever comes first.
   */
  hold(owner: object, event: () => ActivityEvent): void {
    if (this.begun) this.#held.set(owner, event);
  }

  release(owner: object): void {
    const event = this.#held.get(owner);
    if (!event) return;
    this.#held.delete(owner);
    this.record(event());
  }

  /** The reset: the last screen counted, the last batch sent with the visit's length. Once. */
  end(): void {
    if (!this.begun) return;
    for (const owner of [...this.#held.keys()]) this.release(owner);
    this.#closeScreen();
    this.#ended = true;
    this.#send(Math.round(this.#now() - this.#beganAt!));
  }

  #closeScreen(): void {
    const shown = this.#screen;
    this.#screen = null;
    if (shown) this.record({ kind: 'screen', screen: shown.screen, id: shown.id, dwellMs: Math.round(this.#now() - shown.since) });
  }

  #send(endedMs?: number): void {
    if (this.#timer !== null) this.#clearTimeout(this.#timer);
    this.#timer = null;
    const events = this.#queue;
    const dropped = this.#dropped;
    this.#queue = [];
    this.#dropped = 0;
    if (events.length === 0 && dropped === 0 && endedMs === undefined) return;
    // Fire and forget: analytics never holds the visitor up, and a lost batch is no fault of
    // theirs, whether the API refuses it or cannot be reached at all.
    try {
      void this.send({ visit: this.visit, events, dropped, ...(endedMs === undefined ? {} : { endedMs }) }).catch(() => {});
    } catch {
      // An API without the verb (an older host): nothing to count with.
    }
  }
}
