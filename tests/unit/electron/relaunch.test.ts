import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import { scheduleNightlyRelaunch, type NightlyRelaunch } from '../../../src-main/electron/relaunch';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let order: string[];
let app: { relaunch: Mock<() => void>; exit: Mock<(code?: number) => void> };
let log: ReturnType<typeof createMemoryLogger>;
let relaunch: NightlyRelaunch | null;

beforeEach(() => {
  vi.useFakeTimers();
  // Wednesday 4 March 2026, 22:30 local time.
  vi.setSystemTime(new Date(2026, 2, 4, 22, 30));
  order = [];
  app = { relaunch: vi.fn(() => void order.push('relaunch')), exit: vi.fn((code?: number) => void order.push(`exit ${code}`)) };
  log = createMemoryLogger();
  relaunch = null;
});

afterEach(() => {
  relaunch?.cancel();
  vi.useRealTimers();
});

const schedule = (time: () => string | null) => {
  relaunch = scheduleNightlyRelaunch(app, { time, log, beforeExit: () => void order.push('close store') });
  return relaunch;
};

describe('scheduleNightlyRelaunch', () => {
  it('relaunches at the set time: store closed, relaunch registered, then exit(0)', () => {
    schedule(() => '03:00');
    vi.advanceTimersByTime(4 * HOUR + 30 * MINUTE - 1);
    expect(app.relaunch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(order).toEqual(['close store', 'relaunch', 'exit 0']);
    expect(log.entries.map((entry) => entry.message)).toContain('Nightly relaunch at 03:00, in 270 min');
  });

  it('plans the next night when the time has already passed today', () => {
    vi.setSystemTime(new Date(2026, 2, 4, 3, 0, 30));
    schedule(() => '03:00');
    vi.advanceTimersByTime(24 * HOUR - 31_000);
    expect(app.relaunch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(app.relaunch).toHaveBeenCalledTimes(1);
  });

  it('plans again every day, reading the setting afresh at each plan', () => {
    let time = '03:00';
    schedule(() => time);
    vi.advanceTimersByTime(4 * HOUR + 30 * MINUTE);
    expect(app.relaunch).toHaveBeenCalledTimes(1);
    // Staff move it to 04:00 during the day; the night's 03:00 plan was already made.
    time = '04:00';
    vi.advanceTimersByTime(24 * HOUR - 1);
    expect(app.relaunch).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(app.relaunch).toHaveBeenCalledTimes(2);
    // The plan made at that relaunch reads the new time: 04:00, an hour later.
    vi.advanceTimersByTime(HOUR - 1);
    expect(app.relaunch).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(app.relaunch).toHaveBeenCalledTimes(3);
    expect(new Date(Date.now()).getHours()).toBe(4);
  });

  it('does nothing when no relaunch time is set', () => {
    schedule(() => null);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(48 * HOUR);
    expect(app.relaunch).not.toHaveBeenCalled();
  });

  it('plans again at once when staff turn it on, move it, or turn it off', () => {
    let time: string | null = null;
    const nightly = schedule(() => time);
    time = '23:00';
    nightly.reschedule();
    expect(vi.getTimerCount()).toBe(1);
    time = '23:30';
    nightly.reschedule();
    expect(vi.getTimerCount()).toBe(1); // the 23:00 plan is gone, not doubled
    vi.advanceTimersByTime(HOUR - 1); // it is 22:30
    expect(app.relaunch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(app.relaunch).toHaveBeenCalledTimes(1);
    time = null;
    nightly.reschedule();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(48 * HOUR);
    expect(app.relaunch).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled (on quit)', () => {
    schedule(() => '03:00').cancel();
    vi.advanceTimersByTime(48 * HOUR);
    expect(app.relaunch).not.toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('lets `instead` take the relaunch over (an app update installing), else relaunches plainly', () => {
    const answers: (boolean | Error)[] = [true, false, new Error('updater gone')];
    const instead = vi.fn(() => {
      const answer = answers.shift()!;
      if (answer instanceof Error) throw answer;
      order.push(answer ? 'install update' : 'no update');
      return answer;
    });
    relaunch = scheduleNightlyRelaunch(app, { time: () => '03:00', log, beforeExit: () => void order.push('close store'), instead });
    vi.advanceTimersByTime(4 * HOUR + 30 * MINUTE);
    expect(order).toEqual(['install update']);
    expect(app.relaunch).not.toHaveBeenCalled();
    // Should the app still run, the next night is planned; there, nothing to install.
    vi.advanceTimersByTime(24 * HOUR);
    expect(order).toEqual(['install update', 'no update', 'close store', 'relaunch', 'exit 0']);
    // A failing hook never costs the relaunch.
    vi.advanceTimersByTime(24 * HOUR);
    expect(app.relaunch).toHaveBeenCalledTimes(2);
    expect(instead).toHaveBeenCalledTimes(3);
  });

  it('relaunches even if closing the store fails first', () => {
    relaunch = scheduleNightlyRelaunch(app, {
      time: () => '03:00',
      log,
      beforeExit: () => { throw new Error('database is locked') },
    });
    vi.advanceTimersByTime(5 * HOUR);
    expect(app.relaunch).toHaveBeenCalled();
    expect(app.exit).toHaveBeenCalledWith(0);
  });
});
