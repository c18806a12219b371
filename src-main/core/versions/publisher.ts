/**
 * Switches the kiosk to new content only when nobody is using it. The renderer reports whether
 * the attract screen is showing (nobody there) or a visitor is exploring; a version waiting to
 * go live is switched to, in one transaction, when the state is or becomes 'attract', never
 * under a visitor's finger (kiosk lesson: the Science Museum Group's client waits for idle).
 * Files freed by the switch are collected afterwards, in the background, holding the data lock.
 */
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../log';
import type { Store } from '../store/connection';
import { durably } from './durable';
import { collectGarbage } from './gc';
import { DataBusyError, withDataLock } from './lock';
import { pendingVersion, publishVersion, rollbackVersion, type SwitchOutcome } from './versions';

export type VisitorState = 'attract' | 'visiting';

export interface PublisherOptions {
  store: Store;
  dataDir: string;
  mediaDir: string;
  tilesDir: string;
  /** The keepVersions setting, read at each switch. */
  keepVersions: () => number;
  clock?: Clock;
  log?: Logger;
  /** How often to look for a version another process (`vitrine import`) left waiting. */
  checkEveryMs?: number;
}

/** What the renderer learns from each report: which version is live, and whether one waits. */
export interface PublishState {
  liveVersionId: number | null;
  pendingVersionId: number | null;
}

/** Holds the visitor state and switches waiting versions live when the kiosk is idle. */
export class Publisher {
  #state: VisitorState | 'unknown' = 'unknown';
  #timer: unknown = null;
  #background: Promise<void> = Promise.resolve();
  readonly #clock: Clock;

  constructor(private readonly options: PublisherOptions) {
    this.#clock = options.clock ?? systemClock;
  }

  /** What the renderer last reported ('unknown' until its first report: not idle). */
  get visitorState(): VisitorState | 'unknown' {
    return this.#state;
  }

  /** Starts looking for waiting versions periodically (they may come from another process). */
  start(): void {
    this.#timer ??= this.#clock.setInterval(() => this.tryPublish(), this.options.checkEveryMs ?? 30_000);
  }

  /** Stops the periodic check. */
  stop(): void {
    if (this.#timer !== null) this.#clock.clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Records the renderer's state; entering 'attract' switches a waiting version live at once. */
  report(state: VisitorState): PublishState {
    this.#state = state;
    if (state === 'attract') this.tryPublish();
    return this.current();
  }

  /** The live and the waiting version ids. */
  current(): PublishState {
    return { liveVersionId: this.options.store.liveVersionId(), pendingVersionId: pendingVersion(this.options.store)?.id ?? null };
  }

  /**
   * Switches to the waiting version if the kiosk is idle, or if nothing is live yet (no visitor
   * can be disturbed by a first exhibit). Returns the switch, or null when nothing happened.
   */
  tryPublish(): SwitchOutcome | null {
    const { store } = this.options;
    const pending = pendingVersion(store);
    if (!pending) return null;
    if (this.#state !== 'attract' && store.liveVersionId() !== null) return null;
    const outcome = durably(store, () => publishVersion(store, pending.id, { keep: this.options.keepVersions() }));
    this.options.log?.info('publish', `Version ${outcome.to} (${pending.package_id} ${pending.version}) is live`, outcome);
    this.#collectLater(outcome);
    return outcome;
  }

  /** Switches back in one step (to `to`, or the newest version older than the live one). Throws VersionError. */
  rollback(to?: number): SwitchOutcome {
    const { store } = this.options;
    const outcome = durably(store, () => rollbackVersion(store, { to, keep: this.options.keepVersions() }));
    this.options.log?.info('publish', `Rolled back from version ${outcome.from} to ${outcome.to}`, outcome);
    this.#collectLater(outcome);
    return outcome;
  }

  /** Settles when the background clean-ups started so far have finished (for tests and shutdown). */
  settled(): Promise<void> {
    return this.#background;
  }

  #collectLater(outcome: SwitchOutcome): void {
    if (outcome.removed.length === 0) return;
    const { store, dataDir, mediaDir, tilesDir, log } = this.options;
    this.#background = this.#background.then(async () => {
      try {
        const freed = await withDataLock(dataDir, () => collectGarbage(store, { mediaDir, tilesDir }));
        log?.info('publish', 'Deleted files no version uses any more', freed);
      } catch (error) {
        // Busy: another process is importing. Unused files only wait: every import and every
        // start collects them first (versions/recover.ts).
        if (error instanceof DataBusyError) log?.info('publish', 'Clean-up deferred: an import is running');
        else log?.error('publish', 'Clean-up after a switch failed', error);
      }
    });
  }
}
