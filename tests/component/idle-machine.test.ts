/**
 * The idle state machine on its own, with fake timers: every transition, the pause reasons, and
 * the promise that nothing runs on attract and a reset happens exactly once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleMachine, type IdleEvent } from '../../src-renderer/state/idle-machine';

const TIMEOUT = 90_000;
const COUNTDOWN = 15_000;

let machine: IdleMachine;
let events: IdleEvent[];

beforeEach(() => {
  vi.useFakeTimers();
  machine = new IdleMachine({
    idleTimeoutMs: TIMEOUT,
    countdownMs: COUNTDOWN,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number), now: () => Date.now() },
  });
  events = [];
  machine.subscribe((event) => events.push(event));
});

afterEach(() => {
  machine.dispose();
  vi.useRealTimers();
});

const resets = () => events.filter((e) => e.type === 'reset').length;

/** Starts a session and lets it go quiet until the warning shows. */
function toWarning(): void {
  machine.activity();
  vi.advanceTimersByTime(TIMEOUT);
  expect(machine.state).toBe('warning');
}

describe('IdleMachine', () => {
  it('starts on attract with no timer running, however long nobody comes', () => {
    expect(machine.state).toBe('attract');
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10 * TIMEOUT);
    expect(machine.state).toBe('attract');
    expect(events).toEqual([]);
  });

  it('keeps no timer on attract even while paused and resumed', () => {
    machine.pause('media');
    machine.resume('media');
    machine.pause('staff');
    machine.resume('staff');
    expect(vi.getTimerCount()).toBe(0);
    expect(machine.state).toBe('attract');
  });

  it('goes from attract to active on the first touch', () => {
    machine.activity();
    expect(machine.state).toBe('active');
    expect(events).toEqual([{ type: 'state', state: 'active' }]);
  });

  it('warns after the idle timeout without input, not a moment before', () => {
    machine.activity();
    vi.advanceTimersByTime(TIMEOUT - 1);
    expect(machine.state).toBe('active');
    vi.advanceTimersByTime(1);
    expect(machine.state).toBe('warning');
    expect(machine.secondsLeft).toBe(15);
  });

  it('restarts the quiet time with every input', () => {
    machine.activity();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(TIMEOUT - 1_000);
      machine.activity();
    }
    expect(machine.state).toBe('active');
    vi.advanceTimersByTime(TIMEOUT - 1);
    expect(machine.state).toBe('active');
    vi.advanceTimersByTime(1);
    expect(machine.state).toBe('warning');
  });

  it('counts the warning down once a second', () => {
    toWarning();
    const seen = [machine.secondsLeft];
    for (let i = 0; i < 14; i++) {
      vi.advanceTimersByTime(1_000);
      seen.push(machine.secondsLeft);
    }
    expect(seen).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(events.filter((e) => e.type === 'countdown').map((e) => (e as { secondsLeft: number }).secondsLeft)).toEqual(seen);
  });

  it('goes back to active when the visitor continues, with the full idle time again', () => {
    toWarning();
    vi.advanceTimersByTime(10_000);
    machine.continueSession();
    expect(machine.state).toBe('active');
    expect(machine.secondsLeft).toBe(0);
    vi.advanceTimersByTime(TIMEOUT - 1);
    expect(machine.state).toBe('active');
    expect(resets()).toBe(0);
  });

  it('goes back to active on any activity during the warning', () => {
    toWarning();
    machine.activity();
    expect(machine.state).toBe('active');
    vi.advanceTimersByTime(COUNTDOWN * 2);
    expect(resets()).toBe(0);
  });

  it('resets when the countdown ends: one reset event, then attract, and no timer left', () => {
    toWarning();
    vi.advanceTimersByTime(COUNTDOWN - 1);
    expect(machine.state).toBe('warning');
    expect(resets()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(machine.state).toBe('attract');
    expect(resets()).toBe(1);
    expect(events.slice(-2)).toEqual([{ type: 'state', state: 'attract' }, { type: 'reset' }]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10 * TIMEOUT);
    expect(resets()).toBe(1);
  });

  it('ignores continue outside the warning', () => {
    machine.continueSession();
    expect(machine.state).toBe('attract');
    machine.activity();
    machine.continueSession();
    expect(events).toEqual([{ type: 'state', state: 'active' }]);
  });

  it('stands still while media plays, and gives the full idle time once it stops', () => {
    machine.activity();
    vi.advanceTimersByTime(TIMEOUT - 5_000);
    machine.pause('media');
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10 * TIMEOUT);
    expect(machine.state).toBe('active');
    machine.resume('media');
    vi.advanceTimersByTime(TIMEOUT - 1);
    expect(machine.state).toBe('active');
    vi.advanceTimersByTime(1);
    expect(machine.state).toBe('warning');
  });

  it('stays paused until every overlapping reason is released', () => {
    machine.activity();
    machine.pause('media');
    machine.pause('staff');
    machine.pause('staff'); // the same reason twice is one hold
    machine.resume('media');
    expect(machine.paused).toBe(true);
    vi.advanceTimersByTime(10 * TIMEOUT);
    expect(machine.state).toBe('active');
    machine.resume('staff');
    expect(machine.paused).toBe(false);
    vi.advanceTimersByTime(TIMEOUT);
    expect(machine.state).toBe('warning');
  });

  it('leaves the warning when a pause begins during it (someone is there), and resets no one', () => {
    toWarning();
    machine.pause('staff');
    expect(machine.state).toBe('active');
    vi.advanceTimersByTime(10 * TIMEOUT);
    expect(resets()).toBe(0);
    machine.resume('staff');
    vi.advanceTimersByTime(TIMEOUT + COUNTDOWN);
    expect(resets()).toBe(1);
  });

  it('ignores a resume for a reason that was not held', () => {
    machine.activity();
    machine.pause('media');
    machine.resume('staff');
    expect(machine.paused).toBe(true);
    vi.advanceTimersByTime(10 * TIMEOUT);
    expect(machine.state).toBe('active');
  });

  it('input while paused does not start the clock', () => {
    machine.activity();
    machine.pause('media');
    machine.activity();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a new session after a reset runs the same cycle again', () => {
    toWarning();
    vi.advanceTimersByTime(COUNTDOWN);
    machine.activity();
    expect(machine.state).toBe('active');
    vi.advanceTimersByTime(TIMEOUT + COUNTDOWN);
    expect(resets()).toBe(2);
  });

  it('refuses a zero or negative time', () => {
    const timers = { setTimeout, clearTimeout, now: Date.now } as never;
    expect(() => new IdleMachine({ idleTimeoutMs: 0, countdownMs: 1, timers })).toThrow(RangeError);
    expect(() => new IdleMachine({ idleTimeoutMs: 1, countdownMs: -1, timers })).toThrow(RangeError);
  });

  it('stops all timers on dispose', () => {
    machine.activity();
    machine.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes new durations from staff: a quiet time under way is measured against the new timeout, a countdown shown runs out as announced', () => {
    machine.activity();
    vi.advanceTimersByTime(20_000);
    machine.setDurations({ idleTimeoutMs: 30_000, countdownMs: 5_000 });
    vi.advanceTimersByTime(9_999);
    expect(machine.state).toBe('active');
    vi.advanceTimersByTime(1);
    expect(machine.state).toBe('warning');
    expect(machine.secondsLeft).toBe(5);
    machine.setDurations({ idleTimeoutMs: 30_000, countdownMs: 60_000 });
    vi.advanceTimersByTime(5_000);
    expect(resets()).toBe(1);
    expect(() => machine.setDurations({ idleTimeoutMs: 0, countdownMs: 1 })).toThrow(RangeError);
  });
});
