/**
 * Keeps the display awake while the museum is open, and lets the operating system sleep it
 * (no burn-in, less power) when it is closed (kiosk.md: "The display sleeps or burns in").
 * Modelled on Signal-Desktop's PreventDisplaySleepService: Electron's powerSaveBlocker comes in
 * through the constructor, so tests pass a fake.
 */
import type { PowerSaveBlocker } from 'electron';
import type { Logger } from '../core/log';
import { isOpen } from '../core/settings/hours';
import type { OpeningHours } from '../core/settings/schema';
import { systemClock, type Clock, type TimerHandle } from './clock';

export interface DisplayAwakeOptions {
  /**
   * The opening hours, read at every check, so a change staff make in the settings applies
   * within a minute without a restart.
   */
  openingHours: () => OpeningHours;
  log: Logger;
  clock?: Clock;
  /** How often the hours are checked; a minute, so opening and closing are at most that late. */
  intervalMs?: number;
}

/** Holds a `prevent-display-sleep` blocker exactly while the museum is open. */
export class DisplayAwakeService {
  private blockerId: number | null = null;
  private timer: TimerHandle | null = null;
  private readonly clock: Clock;
  private readonly intervalMs: number;

  constructor(
    private readonly powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop'>,
    private readonly options: DisplayAwakeOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.intervalMs = options.intervalMs ?? 60_000;
  }

  /** Whether the blocker is held right now. */
  get isKeepingAwake(): boolean {
    return this.blockerId !== null;
  }

  /** Checks now, then every interval until `stop()`. */
  start(): void {
    this.check();
    this.schedule();
  }

  /** Starts or stops the blocker to match the opening hours at this moment. */
  check(): void {
    let open: boolean;
    try {
      open = isOpen(this.options.openingHours(), new Date(this.clock.now()));
    } catch (error) {
      // Settings unreadable for a moment: keep the current state rather than flicker.
      this.options.log.warn('display', 'Could not read the opening hours; keeping the display as it is', error);
      return;
    }
    if (open && this.blockerId === null) {
      this.blockerId = this.powerSaveBlocker.start('prevent-display-sleep');
      this.options.log.info('display', 'Opening hours: keeping the display awake');
    } else if (!open && this.blockerId !== null) {
      this.release();
      this.options.log.info('display', 'Outside opening hours: the display may sleep');
    }
  }

  /** Stops checking and releases the blocker (on quit). */
  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.release();
  }

  private release(): void {
    if (this.blockerId === null) return;
    this.powerSaveBlocker.stop(this.blockerId);
    this.blockerId = null;
  }

  private schedule(): void {
    this.timer = this.clock.setTimeout(() => {
      this.check();
      this.schedule();
    }, this.intervalMs);
  }
}
