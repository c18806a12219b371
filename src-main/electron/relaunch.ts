/**
 * The optional nightly relaunch (setting `nightlyRelaunch`, "HH:MM" or null). A fresh process
 * each night returns whatever weeks of uptime slowly leak (kiosk.md: memory growth,
 * electron#17213, #38935) at an hour when nobody is looking.
 */
import type { App } from 'electron';
import type { Logger } from '../core/log';
import { msUntil } from '../core/settings/hours';
import { systemClock, type Clock, type TimerHandle } from './clock';

export interface NightlyRelaunchOptions {
  /** The relaunch time, read at each scheduling, so a changed setting applies from the next day on. */
  time: () => string | null;
  log: Logger;
  /** Runs just before the relaunch: close the store cleanly, since `app.exit` skips `before-quit`. */
  beforeExit?: () => void;
  /**
   * Runs first at the relaunch time; true means it restarts the app itself (a downloaded app
   * update installs and starts the new version, app-update.ts), so the plain relaunch is skipped.
   */
  instead?: () => boolean;
  clock?: Clock;
}

export interface NightlyRelaunch {
  /** Plans again from the setting now (staff changed the time, or turned it on or off). */
  reschedule(): void;
  /** Cancels the pending relaunch (on quit). */
  cancel(): void;
}

/** Schedules `app.relaunch(); app.exit(0)` at the configured time, every day, until cancelled. */
export function scheduleNightlyRelaunch(
  app: Pick<App, 'relaunch' | 'exit'>,
  { time, log, beforeExit, instead, clock = systemClock }: NightlyRelaunchOptions,
): NightlyRelaunch {
  let timer: TimerHandle | null = null;
  let cancelled = false;

  const schedule = () => {
    if (cancelled) return;
    let at: string | null;
    try {
      at = time();
    } catch (error) {
      log.error('relaunch', 'Could not read the relaunch time; no nightly relaunch this run', error);
      return;
    }
    if (at === null) return;
    const ms = msUntil(at, new Date(clock.now()));
    log.info('relaunch', `Nightly relaunch at ${at}, in ${Math.round(ms / 60_000)} min`);
    timer = clock.setTimeout(fire, ms);
  };

  const fire = () => {
    timer = null;
    let replaced = false;
    try {
      replaced = instead?.() ?? false;
    } catch (error) {
      log.error('relaunch', 'The step instead of the relaunch failed; relaunching plainly', error);
    }
    if (replaced) {
      log.info('relaunch', 'Nightly relaunch: an app update installs and restarts the app instead');
      // Should the app not quit after all, tomorrow is still planned.
      schedule();
      return;
    }
    log.info('relaunch', 'Nightly relaunch now');
    try {
      beforeExit?.();
    } catch (error) {
      log.error('relaunch', 'Cleaning up before the relaunch failed; relaunching anyway', error);
    }
    // relaunch() only registers the new start; exit(0) ends this process without asking the
    // page (quit() could wait on it). Electron docs: app.relaunch.
    app.relaunch();
    app.exit(0);
    // exit() does not return in Electron; should it ever, tomorrow is still planned.
    schedule();
  };

  const clear = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };

  schedule();
  return {
    reschedule() {
      clear();
      schedule();
    },
    cancel() {
      cancelled = true;
      clear();
    },
  };
}
