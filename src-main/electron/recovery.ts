/**
 * Keeps the kiosk page alive for weeks without anyone at the screen. A renderer that dies
 * (crash, OOM, killed) or hangs is the "white screen after hours or days" of deployed kiosks
 * (kiosk.md; FullPageOS #98, #107; electron#11102). The ladder, each step logged with its reason:
 *   1. reload the app after a back-off (1 s, 2 s, 4 s …, at most 30 s);
 *   2. if a reload does not hold (the next failure comes within a minute of it), destroy the
 *      window and build a fresh one, since a wedged window/GPU surface survives reloads;
 *   3. after 5 failures in 10 minutes, stop the loop: a crash loop is worse for visitors than
 *      a calm screen. Show the branded fallback page and try the app again 5 minutes later,
 *      with the counters reset.
 */
import type { BrowserWindow, RenderProcessGoneDetails, WebContents } from 'electron';
import type { Logger } from '../core/log';
import { systemClock, type Clock, type TimerHandle } from './clock';

export interface RecoveryPolicy {
  /** First back-off delay; doubled for each failure inside `failureWindowMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** A failure this soon after a reload or recreation means that step did not hold. */
  holdMs: number;
  /** This many failures within `failureWindowMs` stop the loop and show the fallback page. */
  maxFailures: number;
  failureWindowMs: number;
  /** After `unresponsive`, how long the page may take to answer again before it is restarted. */
  unresponsiveGraceMs: number;
  /** How long the fallback page stays before the app is tried again. */
  retryAfterMs: number;
}

export const DEFAULT_RECOVERY_POLICY: RecoveryPolicy = {
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
  holdMs: 60_000,
  maxFailures: 5,
  failureWindowMs: 10 * 60_000,
  // Chromium already waits several seconds before it calls a page unresponsive; a long image
  // decode can still hold the main thread a little longer without anything being wrong.
  unresponsiveGraceMs: 15_000,
  retryAfterMs: 5 * 60_000,
};

export type SupervisedWindow = Pick<BrowserWindow, 'destroy' | 'isDestroyed'> & {
  webContents: Pick<WebContents, 'on' | 'removeListener' | 'loadURL' | 'isDestroyed' | 'forcefullyCrashRenderer'>;
};

export interface RecoveryOptions<W extends SupervisedWindow> {
  /** The kiosk window as created at startup (loaded by the caller). */
  window: W;
  /** Builds a new, fully locked-down kiosk window (not loaded); used to replace a wedged one. */
  createWindow: () => W;
  appUrl: string;
  fallbackUrl: string;
  log: Logger;
  clock?: Clock;
  policy?: Partial<RecoveryPolicy>;
  /**
   * Told of each real failure (a renderer gone, a hang past its grace period), not of the ends
   * of hung renderers recovery asked for itself: main.ts keeps them for the staff screen.
   */
  onFailure?: (failure: { kind: 'renderer' | 'hang'; detail: string }) => void;
}

export interface KioskSupervisor<W> {
  /** The window currently shown (changes when a wedged one is replaced). */
  current(): W;
  /** True while the fallback page is shown. */
  isResting(): boolean;
  /** Stops watching and cancels every pending step (on quit). */
  stop(): void;
}

/** Our own forcefullyCrashRenderer() reports back as render-process-gone; not a new failure. */
const OWN_KILL_MS = 5_000;

/** Watches the kiosk window and runs the recovery ladder above. */
export function superviseKioskWindow<W extends SupervisedWindow>(options: RecoveryOptions<W>): KioskSupervisor<W> {
  const policy = { ...DEFAULT_RECOVERY_POLICY, ...options.policy };
  const { log, clock = systemClock } = options;
  let window = options.window;
  let failures: number[] = [];
  let lastStepAt = -Infinity;
  let hung = false;
  let ownKillUntil = -Infinity;
  let resting = false;
  let stopped = false;
  let stepTimer: TimerHandle | null = null;
  let graceTimer: TimerHandle | null = null;
  let retryTimer: TimerHandle | null = null;

  const report = (kind: 'renderer' | 'hang', detail: string) => {
    if (stopped) return;
    try {
      options.onFailure?.({ kind, detail });
    } catch (error) {
      log.warn('recovery', 'Could not record the failure', error);
    }
  };

  const cancel = (timer: TimerHandle | null): null => {
    if (timer !== null) clock.clearTimeout(timer);
    return null;
  };

  const onGone = (_event: unknown, details: RenderProcessGoneDetails) => {
    const what = `${details.reason}, exit code ${details.exitCode}`;
    hung = false;
    graceTimer = cancel(graceTimer);
    if (clock.now() < ownKillUntil) {
      log.info('recovery', `Hung renderer ended as asked (${what})`);
      return;
    }
    log.error('recovery', `Renderer gone (${what})`, details);
    report('renderer', what);
    fail(`renderer gone: ${details.reason}`);
  };
  const onUnresponsive = () => {
    hung = true;
    if (stopped || graceTimer !== null) return;
    log.warn('recovery', `Kiosk page unresponsive; waiting ${policy.unresponsiveGraceMs} ms for it to answer`);
    graceTimer = clock.setTimeout(() => {
      graceTimer = null;
      report('hang', `no answer for ${Math.round(policy.unresponsiveGraceMs / 1000)} s after Chromium called the page unresponsive`);
      fail('unresponsive');
    }, policy.unresponsiveGraceMs);
  };
  const onResponsive = () => {
    hung = false;
    if (graceTimer === null) return;
    graceTimer = cancel(graceTimer);
    log.info('recovery', 'Kiosk page responsive again within the grace period; nothing to do');
  };

  const attach = (w: W) =>
    w.webContents.on('render-process-gone', onGone).on('unresponsive', onUnresponsive).on('responsive', onResponsive);
  const detach = (w: W) => {
    if (w.webContents.isDestroyed()) return;
    w.webContents.removeListener('render-process-gone', onGone);
    w.webContents.removeListener('unresponsive', onUnresponsive);
    w.webContents.removeListener('responsive', onResponsive);
  };

  /** Loads `url` in the current window, first ending a hung renderer that could not navigate. */
  const load = (url: string) => {
    if (window.isDestroyed()) replaceWindow();
    if (hung) {
      // electron docs (forcefullyCrashRenderer): a load right after it runs in a fresh process.
      ownKillUntil = clock.now() + OWN_KILL_MS;
      hung = false;
      window.webContents.forcefullyCrashRenderer();
    }
    window.webContents.loadURL(url).catch((error: unknown) => {
      log.warn('recovery', `Loading ${url} did not complete`, error);
    });
  };

  /** A new window first, then the old one goes: with no window left main.ts would quit the app. */
  const replaceWindow = () => {
    const old = window;
    detach(old);
    window = options.createWindow();
    attach(window);
    hung = false;
    if (!old.isDestroyed()) old.destroy();
  };

  /** Loads the app again, in a new window when the last step did not hold. */
  const restart = (inNewWindow: boolean) => {
    lastStepAt = clock.now();
    if (!inNewWindow) log.info('recovery', 'Reloading the kiosk app');
    else {
      log.warn('recovery', 'Replacing the kiosk window: the last reload did not hold');
      replaceWindow();
    }
    load(options.appUrl);
  };
  const showFallback = () => load(options.fallbackUrl);

  const rest = (reason: string) => {
    resting = true;
    stepTimer = cancel(stepTimer);
    const minutes = policy.failureWindowMs / 60_000;
    const again = `trying the app again in ${policy.retryAfterMs / 1000} s`;
    log.error('recovery', `${failures.length} failures in ${minutes} min (last: ${reason}); showing the fallback page, ${again}`);
    showFallback();
    retryTimer = clock.setTimeout(() => {
      [retryTimer, resting, failures] = [null, false, []];
      log.info('recovery', 'Trying the kiosk app again after the fallback page');
      restart(false);
    }, policy.retryAfterMs);
  };

  const fail = (reason: string) => {
    if (stopped) return;
    if (stepTimer !== null) {
      log.info('recovery', `Already recovering; not counting another failure (${reason})`);
      return;
    }
    if (resting) {
      // The fallback page itself failed: show it again, calmly, without restarting the count.
      log.warn('recovery', `The fallback page failed too (${reason}); showing it again`);
      stepTimer = clock.setTimeout(() => ((stepTimer = null), showFallback()), policy.maxBackoffMs);
      return;
    }
    const now = clock.now();
    failures = failures.filter((at) => now - at < policy.failureWindowMs);
    failures.push(now);
    if (failures.length >= policy.maxFailures) return rest(reason);
    const held = now - lastStepAt >= policy.holdMs;
    const delay = Math.min(policy.backoffMs * 2 ** (failures.length - 1), policy.maxBackoffMs);
    log.warn(
      'recovery',
      `Kiosk page failed (${reason}), failure ${failures.length} of ${policy.maxFailures}; ` +
        `${held ? 'reloading' : 'replacing the window'} in ${delay} ms`,
    );
    stepTimer = clock.setTimeout(() => ((stepTimer = null), restart(!held)), delay);
  };

  attach(window);
  return {
    current: () => window,
    isResting: () => resting,
    stop() {
      stopped = true;
      stepTimer = cancel(stepTimer);
      graceTimer = cancel(graceTimer);
      retryTimer = cancel(retryTimer);
      detach(window);
    },
  };
}
