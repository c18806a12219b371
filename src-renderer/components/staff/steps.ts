/**
 * How the staff screen's steppers move: there is no keyboard on a kiosk, so every number and
 * time is reached by taps, and the step grows with the value so that 90 s → 10 min is a dozen
 * taps, not a hundred. The core still checks every value it is sent.
 */

/** The step at a number of seconds: fine where a second matters, coarse where it does not. */
function secondsStepAt(value: number): number {
  if (value < 10) return 1;
  if (value < 60) return 5;
  if (value < 300) return 15;
  if (value < 1200) return 60;
  return 300;
}

/** The next number of seconds up (+1) or down (-1); going down uses the finer step below. */
export function stepSeconds(value: number, direction: 1 | -1): number {
  return value + direction * secondsStepAt(direction === 1 ? value : value - 1);
}

/** Minutes a time stepper moves by. */
export const TIME_STEP_MINUTES = 15;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const fromMinutes = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const LAST_MINUTE = 24 * 60 - 1;

/**
 * A time of day `direction` steps of 15 minutes later or earlier, on the quarter hour. Opening
 * hours stop at the day's ends (a day does not wrap into the next); a relaunch time wraps
 * around midnight.
 */
export function stepTime(hhmm: string, direction: 1 | -1, mode: 'clamp' | 'wrap' = 'clamp'): string {
  const m = toMinutes(hhmm);
  const snapped = direction === 1 ? Math.floor(m / TIME_STEP_MINUTES) * TIME_STEP_MINUTES + TIME_STEP_MINUTES : Math.ceil(m / TIME_STEP_MINUTES) * TIME_STEP_MINUTES - TIME_STEP_MINUTES;
  if (mode === 'wrap') return fromMinutes((snapped + 24 * 60) % (24 * 60));
  return fromMinutes(Math.min(LAST_MINUTE, Math.max(0, snapped)));
}
