/** A clock for tests: time moves only when the test says, and due timers then run in order. */
import type { Clock } from '../../src-main/core/clock';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
  every: number | null;
}

/** A Clock whose time starts at `start` and moves with advance(). */
export class ManualClock implements Clock {
  #now: number;
  #timers: Timer[] = [];
  #ids = 0;

  constructor(start = Date.UTC(2026, 0, 5, 10, 0, 0)) {
    this.#now = start;
  }

  now = (): number => this.#now;
  setTimeout = (fn: () => void, ms: number): unknown => this.#add(fn, ms, null);
  setInterval = (fn: () => void, ms: number): unknown => this.#add(fn, ms, ms);
  clearTimeout = (id: unknown): void => void (this.#timers = this.#timers.filter((t) => t.id !== id));
  clearInterval = (id: unknown): void => this.clearTimeout(id);

  /** Timers waiting to run. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const next = this.#timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.#now = next.at;
      if (next.every === null) this.clearTimeout(next.id);
      else next.at += next.every;
      next.fn();
    }
    this.#now = end;
  }

  #add(fn: () => void, ms: number, every: number | null): number {
    const id = ++this.#ids;
    this.#timers.push({ id, at: this.#now + ms, fn, every });
    return id;
  }
}
