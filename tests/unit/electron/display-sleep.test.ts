import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import type { OpeningHours } from '../../../src-main/core/settings/schema';
import { DisplayAwakeService } from '../../../src-main/electron/display-sleep';

const MINUTE = 60_000;
const day = { open: '10:00', close: '18:00' };
/** Open 10:00-18:00 Monday to Saturday, closed on Sunday. */
const hours: OpeningHours = {
  monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: day, sunday: null,
};

let blocker: { start: Mock<(type: 'prevent-app-suspension' | 'prevent-display-sleep') => number>; stop: Mock<(id: number) => boolean> };
let log: ReturnType<typeof createMemoryLogger>;
let current: OpeningHours;
let service: DisplayAwakeService;

/** Wednesday 4 March 2026, local time. */
const wednesdayAt = (h: number, m: number) => new Date(2026, 2, 4, h, m);

function startAt(time: Date) {
  vi.setSystemTime(time);
  service = new DisplayAwakeService(blocker, { openingHours: () => current, log });
  service.start();
}

beforeEach(() => {
  vi.useFakeTimers();
  blocker = { start: vi.fn((_type) => 7), stop: vi.fn((_id) => true) };
  log = createMemoryLogger();
  current = hours;
});

afterEach(() => {
  service.stop();
  vi.useRealTimers();
});

describe('DisplayAwakeService', () => {
  it('keeps the display awake during opening hours, with one blocker however often it checks', () => {
    startAt(wednesdayAt(12, 0));
    expect(blocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    vi.advanceTimersByTime(60 * MINUTE);
    expect(blocker.start).toHaveBeenCalledTimes(1);
    expect(blocker.stop).not.toHaveBeenCalled();
    expect(service.isKeepingAwake).toBe(true);
  });

  it('lets the display sleep outside opening hours and on a closed day', () => {
    startAt(wednesdayAt(20, 0));
    expect(blocker.start).not.toHaveBeenCalled();
    service.stop();
    startAt(new Date(2026, 2, 8, 12, 0)); // Sunday noon.
    expect(blocker.start).not.toHaveBeenCalled();
  });

  it('starts the blocker within a minute of opening and releases it within a minute of closing', () => {
    startAt(wednesdayAt(9, 58));
    expect(blocker.start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 * MINUTE);
    expect(blocker.start).toHaveBeenCalledTimes(1);
    vi.setSystemTime(wednesdayAt(17, 59));
    vi.advanceTimersByTime(MINUTE);
    expect(blocker.stop).toHaveBeenCalledWith(7);
    expect(service.isKeepingAwake).toBe(false);
    expect(log.entries.map((entry) => entry.message)).toEqual([
      'Opening hours: keeping the display awake',
      'Outside opening hours: the display may sleep',
    ]);
  });

  it('follows a change of the opening-hours setting without a restart', () => {
    startAt(wednesdayAt(20, 0));
    current = { ...hours, wednesday: { open: '10:00', close: '22:00' } };
    vi.advanceTimersByTime(MINUTE);
    expect(blocker.start).toHaveBeenCalledTimes(1);
  });

  it('keeps its state when the settings cannot be read for a moment', () => {
    startAt(wednesdayAt(12, 0));
    const read = vi.fn((): OpeningHours => { throw new Error('database is locked') });
    service.stop();
    blocker.start.mockClear();
    service = new DisplayAwakeService(blocker, { openingHours: read, log });
    service.start();
    expect(blocker.start).not.toHaveBeenCalled();
    expect(log.entries.at(-1)).toMatchObject({ level: 'warn', area: 'display' });
  });

  it('releases the blocker on stop and checks no more', () => {
    startAt(wednesdayAt(12, 0));
    service.stop();
    expect(blocker.stop).toHaveBeenCalledWith(7);
    vi.advanceTimersByTime(24 * 60 * MINUTE);
    expect(blocker.start).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
