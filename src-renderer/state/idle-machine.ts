/**
 * The idle clock of an unattended kiosk, as a small pure state machine: no runes, no DOM, and
 * the timers come in from outside so tests drive it with fake ones.
 *
 *   attract ──activity──▶ active ──idle timeout without input──▶ warning ──countdown ends──▶ reset → attract
 *                          ▲                                        │
 *                          └──────────── continue / activity ───────┘
 *
 * A visitor who walks away mid-story must not leave their page to the next one (kiosk guide,
 * "Visitors"; OneZoom#19), but a visitor watching a film or staff at work must never be reset:
 * while any pause reason holds, the clock stands still (Kiosk Pro's API, electron#35942).
 * On attract nothing is running: no timer at all until someone touches the screen.
 */

/** Where the kiosk is in its idle cycle. */
export type IdleState = 'attract' | 'active' | 'warning';

/** Why the idle clock is held: media playing, or the staff panel open. */
export type PauseReason = 'media' | 'staff';

/** The clock the machine runs on; the real one in the app, a fake one in tests. */
export interface IdleTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Monotonic milliseconds (performance.now in the app, so a clock change cannot cut a visit short). */
  now(): number;
}

/** What the machine tells its listeners. `reset` comes once per countdown that ran out. */
export type IdleEvent =
  | { type: 'state'; state: IdleState }
  | { type: 'countdown'; secondsLeft: number }
  | { type: 'reset' };

export interface IdleMachineOptions {
  /** Time without input before the warning appears. */
  idleTimeoutMs: number;
  /** Length of the warning's countdown before the reset. */
  countdownMs: number;
  timers: IdleTimers;
}

/** The pure idle state machine; feed it input, pause reasons and time, and listen to its events. */
export class IdleMachine {
  #options: IdleMachineOptions;
  readonly #listeners = new Set<(event: IdleEvent) => void>();
  readonly #held = new Set<PauseReason>();
  #state: IdleState = 'attract';
  #timer: unknown = null;
  #lastInput = 0;
  #deadline = 0;
  #secondsLeft = 0;

  constructor(options: IdleMachineOptions) {
    if (!(options.idleTimeoutMs > 0) || !(options.countdownMs > 0)) {
      throw new RangeError('The idle timeout and the countdown must both be longer than zero.');
    }
    this.#options = options;
  }

  /** The current state. */
  get state(): IdleState {
    return this.#state;
  }

  /** Whole seconds left on the warning's countdown (0 outside the warning). */
  get secondsLeft(): number {
    return this.#secondsLeft;
  }

  /** True while at least one pause reason holds the clock. */
  get paused(): boolean {
    return this.#held.size > 0;
  }

  /**
   * New durations (staff changed the settings). A quiet time under way is measured against the
   * new timeout from now on; a countdown already showing runs to its end as announced.
   */
  setDurations(durations: Pick<IdleMachineOptions, 'idleTimeoutMs' | 'countdownMs'>): void {
    if (!(durations.idleTimeoutMs > 0) || !(durations.countdownMs > 0)) {
      throw new RangeError('The idle timeout and the countdown must both be longer than zero.');
    }
    this.#options = { ...this.#options, ...durations };
    if (this.#state !== 'active' || this.#timer === null) return;
    this.#armIdle(Math.max(0, durations.idleTimeoutMs - (this.#now() - this.#lastInput)));
  }

  /** Adds a listener; returns a function that removes it. */
  subscribe(listener: (event: IdleEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** A visitor touched, scrolled or typed: starts a session on attract, restarts the quiet time otherwise. */
  activity(): void {
    this.#lastInput = this.#now();
    if (this.#state !== 'active') return this.#enterActive();
    // Input arrives dozens of times a second while scrolling: rather than re-arming a timer for
    // each, the one pending timer looks at the time of the last input when it fires.
    if (this.#timer === null && !this.paused) this.#armIdle(this.#options.idleTimeoutMs);
  }

  /** The visitor answered the warning: the session goes on as it was. */
  continueSession(): void {
    if (this.#state !== 'warning') return;
    this.#lastInput = this.#now();
    this.#enterActive();
  }

  /** Holds the clock for a reason; it stands still while any reason holds. */
  pause(reason: PauseReason): void {
    if (this.#held.has(reason)) return;
    this.#held.add(reason);
    // A film that starts or staff who step in during the warning mean someone is there.
    if (this.#state === 'warning') this.#enterActive();
    else this.#clear();
  }

  /** Releases one reason; when none is left, the full idle time starts again from now. */
  resume(reason: PauseReason): void {
    if (!this.#held.delete(reason) || this.paused || this.#state !== 'active') return;
    this.#lastInput = this.#now();
    this.#armIdle(this.#options.idleTimeoutMs);
  }

  /** Stops every timer and forgets every listener (the app is going away). */
  dispose(): void {
    this.#clear();
    this.#listeners.clear();
  }

  #enterActive(): void {
    this.#clear();
    this.#secondsLeft = 0;
    this.#setState('active');
    if (!this.paused) this.#armIdle(this.#options.idleTimeoutMs);
  }

  #armIdle(ms: number): void {
    this.#clear();
    this.#timer = this.#options.timers.setTimeout(() => this.#onIdleTimer(), ms);
  }

  #onIdleTimer(): void {
    this.#timer = null;
    const quiet = this.#now() - this.#lastInput;
    if (quiet < this.#options.idleTimeoutMs) return this.#armIdle(this.#options.idleTimeoutMs - quiet);
    this.#deadline = this.#now() + this.#options.countdownMs;
    this.#secondsLeft = Math.ceil(this.#options.countdownMs / 1000);
    this.#setState('warning');
    this.#emit({ type: 'countdown', secondsLeft: this.#secondsLeft });
    this.#armTick();
  }

  /** Wakes up when the whole-second number changes, and checks the real time left then. */
  #armTick(): void {
    const remaining = this.#deadline - this.#now();
    const wait = remaining - (Math.ceil(remaining / 1000) - 1) * 1000;
    this.#timer = this.#options.timers.setTimeout(() => this.#onTick(), Math.max(0, wait));
  }

  #onTick(): void {
    this.#timer = null;
    const remaining = this.#deadline - this.#now();
    if (remaining <= 0) return this.#reset();
    const seconds = Math.ceil(remaining / 1000);
    if (seconds !== this.#secondsLeft) {
      this.#secondsLeft = seconds;
      this.#emit({ type: 'countdown', secondsLeft: seconds });
    }
    this.#armTick();
  }

  #reset(): void {
    this.#clear();
    this.#secondsLeft = 0;
    this.#setState('attract');
    this.#emit({ type: 'reset' });
  }

  #setState(state: IdleState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#emit({ type: 'state', state });
  }

  #clear(): void {
    if (this.#timer !== null) this.#options.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #now(): number {
    return this.#options.timers.now();
  }

  #emit(event: IdleEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}
