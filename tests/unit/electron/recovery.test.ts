import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import { superviseKioskWindow, type KioskSupervisor, type SupervisedWindow } from '../../../src-main/electron/recovery';
import { FakeWindow } from './fakes';

const APP = 'vitrine://app/index.html';
const FALLBACK = 'vitrine://app/fallback.html';
const SECOND = 1_000;
const MINUTE = 60 * SECOND;

let log: ReturnType<typeof createMemoryLogger>;
let first: FakeWindow;
let created: FakeWindow[];
let supervisor: KioskSupervisor<SupervisedWindow>;
/** What recovery reported as failures, for the crash log. */
let failures: { kind: string; detail: string }[];
/** Whether the old window was still alive when each replacement was built. */
let oldAliveAtCreation: boolean[];

beforeEach(() => {
  vi.useFakeTimers();
  log = createMemoryLogger();
  first = new FakeWindow();
  created = [];
  failures = [];
  oldAliveAtCreation = [];
  const createWindow = vi.fn(() => {
    oldAliveAtCreation.push(!supervisor.current().isDestroyed());
    const window = new FakeWindow();
    created.push(window);
    return window as unknown as SupervisedWindow;
  });
  supervisor = superviseKioskWindow({
    window: first as unknown as SupervisedWindow, createWindow, appUrl: APP, fallbackUrl: FALLBACK, log,
    onFailure: (failure) => void failures.push(failure),
  });
});

afterEach(() => {
  supervisor.stop();
  vi.useRealTimers();
});

/** The window the supervisor shows now. */
const current = () => supervisor.current() as unknown as FakeWindow;
const messages = () => log.entries.map((entry) => entry.message);
/** Every URL loaded in any window, in order. */
const loads = () => [first, ...created].flatMap((window) => window.webContents.loaded);

/** Crash the current page, then let its recovery step run; the step comes after at most 30 s. */
function crashAndRecover(reason: 'crashed' | 'oom' = 'crashed') {
  current().webContents.crash(reason);
  vi.advanceTimersByTime(30 * SECOND);
}

describe('superviseKioskWindow: crashes', () => {
  it('reloads the app 1 s after the renderer is gone, and logs the reason and exit code', () => {
    first.webContents.crash('oom', 137);
    vi.advanceTimersByTime(999);
    expect(loads()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(first.webContents.loaded).toEqual([APP]);
    expect(created).toHaveLength(0);
    expect(messages()).toContain('Renderer gone (oom, exit code 137)');
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'error', area: 'recovery' }));
  });

  it('doubles the back-off for each failure in the window, and keeps reloading when reloads hold', () => {
    crashAndRecover();
    vi.advanceTimersByTime(2 * MINUTE); // The reload held.
    first.webContents.crash();
    vi.advanceTimersByTime(1_999);
    expect(first.webContents.loaded).toEqual([APP]);
    vi.advanceTimersByTime(1);
    expect(first.webContents.loaded).toEqual([APP, APP]);
    expect(created).toHaveLength(0);
  });

  it('replaces the window when a reload does not hold, building the new one before destroying the old', () => {
    crashAndRecover();
    vi.advanceTimersByTime(5 * SECOND);
    first.webContents.crash(); // 35 s after the reload: it did not hold.
    vi.advanceTimersByTime(2 * SECOND);
    expect(created).toHaveLength(1);
    expect(first.destroy).toHaveBeenCalled();
    // Had the old window gone first, main.ts's window-all-closed would have quit the app.
    expect(oldAliveAtCreation).toEqual([true]);
    expect(created[0]!.webContents.loaded).toEqual([APP]);
    expect(current()).toBe(created[0]);
  });

  it('watches the replacement window, and no longer the destroyed one', () => {
    crashAndRecover();
    crashAndRecover(); // Replaced.
    const replacement = created[0]!;
    expect(first.webContents.listenerCount('render-process-gone')).toBe(0);
    vi.advanceTimersByTime(2 * MINUTE);
    replacement.webContents.crash();
    vi.advanceTimersByTime(30 * SECOND);
    expect(replacement.webContents.loaded).toEqual([APP, APP]);
  });

  it('after 5 failures within 10 minutes stops the loop, shows the fallback page, and retries 5 min later with counters reset', () => {
    for (let i = 0; i < 4; i++) crashAndRecover();
    const loadsBefore = loads().length;
    current().webContents.crash();
    // The fallback page at once: no back-off to wait out on a failing app.
    expect(loads().slice(loadsBefore)).toEqual([FALLBACK]);
    expect(supervisor.isResting()).toBe(true);
    expect(log.entries).toContainEqual(expect.objectContaining({
      level: 'error', message: expect.stringMatching(/5 failures in 10 min .*fallback page/),
    }));

    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(loads().slice(loadsBefore)).toEqual([FALLBACK]); // The loop stopped.
    vi.advanceTimersByTime(1);
    expect(loads().slice(loadsBefore)).toEqual([FALLBACK, APP]);
    expect(supervisor.isResting()).toBe(false);

    // Counters were reset: the next failure, long after the retry held, is a plain 1 s reload.
    vi.advanceTimersByTime(2 * MINUTE);
    const window = current();
    window.webContents.crash();
    vi.advanceTimersByTime(SECOND);
    expect(window.webContents.loaded.at(-1)).toBe(APP);
    expect(supervisor.isResting()).toBe(false);
  });

  it('shows the fallback page again if it fails too, without leaving the rest early', () => {
    for (let i = 0; i < 5; i++) crashAndRecover();
    const window = current();
    window.webContents.crash();
    vi.advanceTimersByTime(30 * SECOND);
    expect(window.webContents.loaded.slice(-2)).toEqual([FALLBACK, FALLBACK]);
    expect(supervisor.isResting()).toBe(true);
  });

  it('does not count failures spread over more than 10 minutes towards the fallback page', () => {
    for (let i = 0; i < 8; i++) {
      first.webContents.crash();
      vi.advanceTimersByTime(11 * MINUTE);
    }
    expect(first.webContents.loaded).toEqual(Array(8).fill(APP));
    expect(supervisor.isResting()).toBe(false);
  });

  it('counts one incident once: a crash while a step is pending adds no second step', () => {
    first.webContents.crash();
    first.webContents.crash('oom');
    vi.advanceTimersByTime(10 * SECOND);
    expect(first.webContents.loaded).toEqual([APP]);
  });
});

describe('superviseKioskWindow: hangs', () => {
  it('does nothing when the page answers again within the 15 s grace period', () => {
    first.webContents.emit('unresponsive');
    vi.advanceTimersByTime(14 * SECOND);
    first.webContents.emit('responsive');
    vi.advanceTimersByTime(5 * MINUTE);
    expect(loads()).toEqual([]);
    expect(first.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(messages()).toContain('Kiosk page responsive again within the grace period; nothing to do');
  });

  it('ends a page still hung after the grace period and reloads it in a fresh renderer', () => {
    first.webContents.emit('unresponsive');
    vi.advanceTimersByTime(15 * SECOND);
    expect(loads()).toEqual([]); // Then the 1 s back-off.
    vi.advanceTimersByTime(SECOND);
    expect(first.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(first.webContents.loaded).toEqual([APP]);
    // The renderer we ended reports back as gone; that is not a second failure.
    vi.advanceTimersByTime(5 * MINUTE);
    expect(loads()).toEqual([APP]);
    expect(created).toHaveLength(0);
    expect(messages()).toContainEqual(expect.stringContaining('unresponsive'));
  });
});

describe('superviseKioskWindow: what it reports for the crash log', () => {
  it('reports a renderer gone and a hang past its grace, but not the renderer it ended itself', () => {
    first.webContents.crash('oom', 137);
    vi.advanceTimersByTime(5 * MINUTE);
    first.webContents.emit('unresponsive');
    vi.advanceTimersByTime(15 * SECOND + 30 * SECOND);
    // The hung renderer was ended on purpose (reason killed): a step of recovery, not a crash.
    expect(first.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(failures).toEqual([
      { kind: 'renderer', detail: 'oom, exit code 137' },
      { kind: 'hang', detail: 'no answer for 15 s after Chromium called the page unresponsive' },
    ]);
  });

  it('keeps recovering when recording fails, and reports nothing once stopped', () => {
    supervisor.stop();
    const throwing = superviseKioskWindow({
      window: first as unknown as SupervisedWindow, createWindow: () => new FakeWindow() as unknown as SupervisedWindow, appUrl: APP, fallbackUrl: FALLBACK, log,
      onFailure: () => {
        throw new Error('disk full');
      },
    });
    first.webContents.crash();
    vi.advanceTimersByTime(SECOND);
    expect(first.webContents.loaded).toEqual([APP]);
    expect(messages()).toContain('Could not record the failure');
    throwing.stop();
    first.webContents.crash();
    expect(failures).toEqual([]);
  });
});

describe('superviseKioskWindow: stop', () => {
  it('cancels a pending step and ignores later events', () => {
    first.webContents.crash();
    supervisor.stop();
    first.webContents.crash();
    first.webContents.emit('unresponsive');
    vi.advanceTimersByTime(10 * MINUTE);
    expect(loads()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels the retry of a kiosk resting on its fallback page', () => {
    for (let i = 0; i < 5; i++) crashAndRecover();
    supervisor.stop();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(loads().at(-1)).toBe(FALLBACK);
  });
});
