/**
 * The inbox: a folder (where a USB stick mounts, or a shared folder) watched for new content
 * packages. Each new archive or package folder is taken once its size has stayed the same for
 * a few seconds (a copy in progress is never imported half-written), validated and imported
 * once, and the outcome kept for staff. fs.watch is fast but unreliable on removable and network
 * file systems, so a periodic scan backs it up.
 */
import { watch as fsWatch } from 'node:fs';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../log';
import { PackageError } from '../packages/errors';
import { OlderVersionError } from '../packages/version-order';
import type { ImportResult } from '../packages/importer';
import type { Store } from '../store/connection';
import { DataBusyError } from '../versions/lock';
import { identify, listCandidates, type Candidate } from './candidates';
import { inboxRecords, type InboxOutcome, type InboxRecord, type NewInboxRecord } from './records';

/** Starts watching a folder; the default is fs.watch, tests pass a fake. */
export type WatchFolder = (dir: string, onChange: () => void) => { close(): void };

/** What the inbox needs: the store, the folder setting, the importer, and time. */
export interface InboxOptions {
  store: Store;
  /** The inboxDir setting, read at every scan (staff may change it while the kiosk runs). */
  folder: () => string | null;
  /** Imports one package (validated completely; it goes live when the kiosk is idle). */
  importPackage: (path: string, source: string, options?: InboxImportOptions) => Promise<ImportResult>;
  clock?: Clock;
  log?: Logger;
  watch?: WatchFolder;
  /** How long a file's size and time must stay unchanged before it is taken. */
  stableMs?: number;
  scanEveryMs?: number;
}

/** How the inbox asks for an import: staff may let an older version in; progress is reported. */
export interface InboxImportOptions {
  allowOlder?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** What one look at the folder did. */
export interface ScanOutcome {
  /** What this scan imported or refused. */
  taken: InboxRecord[];
  /** Packages seen but still changing (being copied): a later scan takes them. */
  waiting: number;
}

/** True when a file with this outcome is not to be taken again. */
const settled = (outcome: InboxOutcome | null, retryFailed: boolean) => outcome !== null && (outcome !== 'failed' || !retryFailed);

const defaultWatch: WatchFolder = (dir, onChange) => {
  const watcher = fsWatch(dir, { persistent: false }, () => onChange());
  watcher.on('error', () => watcher.close()); // a stick pulled out: the periodic scan goes on
  return watcher;
};

/** Watches the inbox folder and imports what arrives there, once. */
export class Inbox {
  readonly #clock: Clock;
  readonly #records;
  readonly #stableMs: number;
  readonly #seen = new Map<string, { signature: string; since: number }>();
  /** Files found to be already taken by their hash (re-copied, say): not hashed again each scan. */
  readonly #known = new Set<string>();
  #watcher: { dir: string; close(): void } | null = null;
  #interval: unknown = null;
  #debounce: unknown = null;
  #chain: Promise<unknown> = Promise.resolve();
  #queued: Promise<ScanOutcome> | null = null;
  #retryFailed = false;
  #current: string | null = null;
  #progress: { done: number; total: number } | null = null;

  constructor(private readonly options: InboxOptions) {
    this.#clock = options.clock ?? systemClock;
    this.#records = inboxRecords(options.store.db);
    this.#stableMs = options.stableMs ?? 3000;
  }

  /** The package being imported now, or null. */
  get importing(): string | null {
    return this.#current;
  }

  /** How far the import under way is: images checked of all, or null (issue 17: staff see it). */
  get progress(): { done: number; total: number } | null {
    return this.#current === null ? null : this.#progress;
  }

  /**
   * Imports the inbox file `name` although it is older than (or the same as) the version the
   * kiosk has: staff confirmed it on the staff screen. Queued behind any scan; the outcome is
   * recorded like any other. Returns null when no such file is in the folder now.
   */
  importAnyway(name: string): Promise<InboxRecord | null> {
    const next = this.#chain.then(async () => {
      const folder = this.options.folder();
      const candidate = folder === null ? undefined : (await listCandidates(folder)).find((c) => c.name === name);
      return candidate ? this.#take(candidate, true, { allowOlder: true }) : null;
    });
    this.#chain = next.catch(() => undefined);
    return next;
  }

  /** Starts watching and scanning (at once, then every scanEveryMs). */
  start(): void {
    if (this.#interval !== null) return;
    this.#interval = this.#clock.setInterval(() => this.#tick(), this.options.scanEveryMs ?? 30_000);
    this.#tick();
  }

  /** Stops watching and scanning (a scan under way finishes). */
  stop(): void {
    if (this.#interval !== null) this.#clock.clearInterval(this.#interval);
    if (this.#debounce !== null) this.#clock.clearTimeout(this.#debounce);
    this.#interval = this.#debounce = null;
    this.#watcher?.close();
    this.#watcher = null;
  }

  /** The latest results, newest first. */
  results(limit = 10): InboxRecord[] {
    return this.#records.recent(limit);
  }

  /**
   * Looks at the folder once and imports every new, settled package, one after the other.
   * Scans queue behind each other; `retryFailed` also takes again files whose import failed
   * for a reason other than the package (a full disk, a stick pulled out).
   */
  scan(options: { retryFailed?: boolean } = {}): Promise<ScanOutcome> {
    this.#retryFailed ||= options.retryFailed ?? false;
    if (this.#queued) return this.#queued; // a scan not yet started will see everything anyway
    const next = this.#chain.then(() => {
      this.#queued = null;
      const retry = this.#retryFailed;
      this.#retryFailed = false;
      return this.#scanOnce(retry);
    });
    this.#queued = next;
    this.#chain = next.catch(() => undefined);
    return next;
  }

  /**
   * For staff: scans now, retrying failures, and waits for packages still being copied (a few
   * rounds). Returns everything taken meanwhile, whichever scan took it (the watcher's may).
   */
  async scanNow(rounds = 3): Promise<InboxRecord[]> {
    const before = this.#records.lastId();
    for (let round = 0; round < rounds; round++) {
      const outcome = await this.scan({ retryFailed: round === 0 });
      if (outcome.waiting === 0) break;
      await new Promise<void>((resolve) => this.#clock.setTimeout(resolve, this.#stableMs));
    }
    await this.#chain; // a scan started by a timer meanwhile finishes too
    return this.#records.after(before);
  }

  /** Looks again now: re-reads the folder setting, re-watches, and scans. */
  refresh(): void {
    this.#tick();
  }

  #tick(): void {
    this.#ensureWatcher();
    this.scan().catch((error: unknown) => this.options.log?.error('inbox', 'Scan failed', error));
  }

  #ensureWatcher(): void {
    const dir = this.options.folder();
    if (this.#watcher?.dir === dir) return;
    this.#watcher?.close();
    this.#watcher = null;
    if (!dir) return;
    try {
      const handle = (this.options.watch ?? defaultWatch)(dir, () => this.#soon());
      this.#watcher = { dir, close: () => handle.close() };
    } catch {
      // not there (yet): the periodic scan tries again
    }
  }

  /** A change was seen: scan once things have had time to settle. */
  #soon(): void {
    if (this.#debounce !== null) this.#clock.clearTimeout(this.#debounce);
    this.#debounce = this.#clock.setTimeout(() => {
      this.#debounce = null;
      this.scan().catch((error: unknown) => this.options.log?.error('inbox', 'Scan failed', error));
    }, this.#stableMs);
  }

  async #scanOnce(retryFailed: boolean): Promise<ScanOutcome> {
    const dir = this.options.folder();
    if (!dir) return { taken: [], waiting: 0 };
    const outcome: ScanOutcome = { taken: [], waiting: 0 };
    const now = this.#clock.now();
    for (const candidate of await listCandidates(dir)) {
      if (this.#known.has(`${candidate.path}|${candidate.signature}`)) continue;
      if (settled(this.#records.outcomeAlike(candidate.name, candidate.bytes, candidate.mtimeMs), retryFailed)) continue;
      const seen = this.#seen.get(candidate.path);
      if (!seen || seen.signature !== candidate.signature) {
        this.#seen.set(candidate.path, { signature: candidate.signature, since: now });
        outcome.waiting += 1;
        continue;
      }
      if (now - seen.since < this.#stableMs) {
        outcome.waiting += 1;
        continue;
      }
      const record = await this.#take(candidate, retryFailed);
      if (record) outcome.taken.push(record);
    }
    // Something is still being copied: look again once it may have settled, watcher or not.
    if (outcome.waiting > 0 && this.#debounce === null) this.#soon();
    return outcome;
  }

  async #take(candidate: Candidate, retryFailed: boolean, { allowOlder = false } = {}): Promise<InboxRecord | null> {
    const sha256 = await identify(candidate);
    const base = { name: candidate.name, sha256, bytes: candidate.bytes, mtimeMs: candidate.mtimeMs };
    const blank = { versionId: null, packageId: null, packageVersion: null, title: null, artifacts: null, images: null };
    const before = this.#records.outcome(sha256, candidate.name);
    if (before !== null && before !== 'failed') this.#known.add(`${candidate.path}|${candidate.signature}`);
    if (!allowOlder && settled(before, retryFailed)) return null;
    this.#current = candidate.name;
    this.#progress = null;
    const onProgress = (done: number, total: number) => void (this.#progress = { done, total });
    let record: NewInboxRecord;
    try {
      const r = await this.options.importPackage(candidate.path, `inbox: ${candidate.name}`, { allowOlder, onProgress });
      const message = `Imported "${r.title}" ${r.version}: ${r.artifacts} artifacts, ${r.topics} topics, ${r.images} images. ${r.live ? 'It is live.' : 'It goes live when the kiosk is next idle.'}`;
      record = { ...base, outcome: 'imported', message, versionId: r.versionId, packageId: r.packageId, packageVersion: r.version, title: r.title, artifacts: r.artifacts, images: r.images, finishedAt: this.#iso(), older: false };
    } catch (error) {
      if (error instanceof DataBusyError) return null; // another import runs: try at the next scan
      const refused = error instanceof PackageError;
      if (!refused) this.options.log?.error('inbox', `Importing ${candidate.name} failed`, error);
      const older = error instanceof OlderVersionError;
      const what = older ? { packageId: error.packageId, packageVersion: error.version, title: error.title } : {};
      record = { ...base, ...blank, ...what, outcome: refused ? 'refused' : 'failed', message: error instanceof Error ? error.message : String(error), finishedAt: this.#iso(), older };
    } finally {
      this.#current = null;
      this.#progress = null;
    }
    this.options.log?.info('inbox', `${candidate.name}: ${record.outcome}`, { message: record.message });
    return this.#records.add(record);
  }

  #iso(): string {
    return new Date(this.#clock.now()).toISOString();
  }
}
