/**
 * Time as the main-process services see it. Injected, so their tests drive a fake clock
 * (vitest fake timers) instead of waiting minutes or hours.
 */

/** A handle returned by `setTimeout`, opaque to callers. */
export type TimerHandle = unknown;

export interface Clock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock. Looks the globals up at call time, so vitest's fake timers replace them too. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
