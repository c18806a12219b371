/** Opening-hours arithmetic, pure, for keeping the display awake and scheduling relaunches. */
import { WEEKDAYS, type OpeningHours } from './schema';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when `now` (local time) falls within the day's opening hours. */
export function isOpen(hours: OpeningHours, now: Date): boolean {
  const day = hours[WEEKDAYS[(now.getDay() + 6) % 7]!];
  if (!day) return false;
  const m = now.getHours() * 60 + now.getMinutes();
  return m >= minutes(day.open) && m < minutes(day.close);
}

/** Milliseconds from `now` until the next local time `hhmm` (tomorrow if already past today). */
export function msUntil(hhmm: string, now: Date): number {
  const next = new Date(now);
  next.setHours(Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)), 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}
