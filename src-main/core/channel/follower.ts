/**
 * Follows a content channel (issue 22): every few minutes, with a random spread so a fleet does
 * not ask at once, the kiosk asks the channel's web server for channel.json (If-None-Match, so an
 * unchanged channel costs a 304), checks its signature against the trusted keys, and when it
 * offers a package this kiosk does not have, downloads it in the background (downloadPackage)
 * and imports it through the inbox's own pipeline: validated whole, and live at the kiosk's own
 * next idle. Offline is normal: the kiosk keeps what it shows, waits longer between tries, and
 * says so on the staff screen. Nothing here throws out of a timer.
 */
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChannelStatusView } from '../../contract/types';
import type { Clock } from '../clock';
import { inboxRecords } from '../inbox/records';
import type { Logger } from '../log';
import { PackageError } from '../packages/errors';
import type { ImportResult } from '../packages/importer';
import type { Store } from '../store/connection';
import { DataBusyError } from '../versions/lock';
import { ChannelError, MAX_CHANNEL_BYTES, entryFor, packageUrl, readChannel, type ChannelBody, type ChannelEntry } from './channel-file';
import { DownloadError, downloadPackage, networkReason, readCapped } from './download';
import { compareWithStore } from './known';
import { clearOtherDownloads, noRoomFor } from './room';
import { ChannelMemory } from './saved-state';

export interface ChannelSettings {
  url: string | null;
  group: string | null;
  pollMinutes: number;
  maxKBps: number;
  trustedKeys: readonly string[];
}

export interface ChannelFollowerOptions {
  store: Store;
  dataDir: string;
  settings: () => ChannelSettings;
  /** Imports a downloaded package as the inbox does (live at the next idle). */
  importPackage: (path: string, source: string) => Promise<ImportResult>;
  clock: Clock;
  log: Logger;
  fetch?: typeof fetch;
  /** A number in [0, 1): the spread of the waits. */
  random?: () => number;
  /** Before the first look after start (default 2-10 s: soon, but not all kiosks of a fleet at once). */
  firstCheckMs?: number;
  /** The first wait after a failure; it doubles with each failure in a row, up to an hour. */
  retryBaseMs?: number;
  /** Passed to the download (tests shorten it). */
  sleep?: (ms: number) => Promise<void>;
}

const HOUR_MS = 3_600_000;
const CHANNEL_TIMEOUT_MS = 30_000;


export class ChannelFollower {
  readonly #o: ChannelFollowerOptions;
  readonly #dir: string;
  readonly #records;
  #status: ChannelStatusView;
  #timer: unknown = null;
  #running: Promise<ChannelStatusView> | null = null;
  #stopped = true;
  /** The last good channel.json and its ETag, for If-None-Match. */
  #cached: { url: string; etag: string | null; body: ChannelBody } | null = null;
  /** Sequences read per address, and packages refused after their download (saved-state.ts). */
  readonly #memory: ChannelMemory;
  /** Ends the look under way: its download stops (what is on disk is kept) and nothing is imported. */
  #look: AbortController | null = null;
  /** Settings changed during a look: look again soon after it, not at the next planned time. */
  #again = false;

  constructor(options: ChannelFollowerOptions) {
    this.#o = options;
    this.#dir = join(options.dataDir, 'channel');
    this.#memory = new ChannelMemory(this.#dir);
    this.#records = inboxRecords(options.store.db);
    const { url, group } = options.settings();
    this.#status = { url, group, state: 'off', lastCheckAt: null, lastReachedAt: null, nextCheckAt: null, offered: null, download: null, problem: null, failures: 0 };
  }

  status(): ChannelStatusView {
    const { url, group } = this.#o.settings();
    return { ...this.#status, url, group, ...(url === null ? { state: 'off' as const } : {}) };
  }

  start(): void {
    this.#stopped = false;
    this.#schedule(this.#o.firstCheckMs ?? 2000 + (this.#o.random ?? Math.random)() * 8000);
  }

  stop(): void {
    this.#stopped = true;
    this.#look?.abort();
    if (this.#timer !== null) this.#o.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /**
   * A channel setting changed (another channel, group or keys): forget what was read and refused,
   * stop a download for the old settings (its bytes are kept for a resume) and look again soon.
   */
  apply(): void {
    this.#status.failures = 0;
    this.#memory.forgetRefusals();
    this.#cached = null;
    if (this.#running) {
      this.#again = true;
      this.#look?.abort();
    } else if (!this.#stopped) this.#schedule(1000);
  }

  /** Looks now (staff asked, or a test): waits for a look already under way instead of starting another. */
  checkNow(): Promise<ChannelStatusView> {
    this.#running ??= (async () => {
      const look = new AbortController();
      this.#look = look;
      try {
        await this.#check(look.signal);
      } finally {
        this.#running = null;
        this.#look = null;
        const again = this.#again;
        this.#again = false;
        if (!this.#stopped) this.#schedule(again ? 1000 : this.#nextWait());
      }
      return this.status();
    })();
    return this.#running;
  }

  #schedule(ms: number): void {
    if (this.#timer !== null) this.#o.clock.clearTimeout(this.#timer);
    this.#status.nextCheckAt = this.#o.settings().url === null ? null : this.#iso(this.#o.clock.now() + ms);
    this.#timer = this.#o.clock.setTimeout(() => {
      this.#timer = null;
      void this.checkNow().catch((error: unknown) => this.#o.log.error('channel', 'A look at the channel failed', error));
    }, ms);
  }

  /** The normal interval, or after failures 30 s doubling up to an hour; spread by ±20 %. */
  #nextWait(): number {
    const { pollMinutes } = this.#o.settings();
    const failures = this.#status.failures;
    const base = failures === 0 ? pollMinutes * 60_000 : Math.min((this.#o.retryBaseMs ?? 30_000) * 2 ** (failures - 1), HOUR_MS);
    return Math.round(base * (0.8 + 0.4 * (this.#o.random ?? Math.random)()));
  }

  async #check(signal: AbortSignal): Promise<ChannelStatusView> {
    const settings = this.#o.settings();
    const s = this.#status;
    s.problem = null;
    s.download = null;
    if (settings.url === null) {
      s.state = 'off';
      return this.status();
    }
    if (settings.trustedKeys.length === 0) {
      s.state = 'needs-key';
      s.problem = "A channel is set, but this kiosk has no trusted key: a channel's content is taken only when signed. Add the channel's key to trustedKeys.";
      return this.status();
    }
    s.lastCheckAt = this.#iso(this.#o.clock.now());
    s.state = 'checking';
    let body: ChannelBody;
    try {
      body = await this.#readChannel(settings.url, settings.trustedKeys);
    } catch (error) {
      return this.#fail(error instanceof ChannelError ? 'refused' : 'offline', error);
    }
    this.#status.failures = 0; // the channel answered: what follows is about its package, not the line
    const entry = entryFor(body, settings.group);
    if (!entry) {
      s.offered = null;
      return this.#fail('refused', new ChannelError(`channel.json offers no package for the group "${settings.group}" nor for the whole fleet.`));
    }
    s.offered = { packageId: entry.packageId, version: entry.version, title: entry.title, bytes: entry.bytes, sha256: entry.sha256 };
    const known = compareWithStore(this.#o.store, entry.packageId, entry.version);
    if (known.have) return this.#done();
    if (known.newer) {
      return this.#fail('refused', new ChannelError(`The channel offers "${entry.title}" ${entry.version}, older than the ${known.newer} this kiosk has: it is not taken (publish a newer version).`), false);
    }
    const earlier = this.#memory.refusal(entry.sha256);
    if (earlier !== undefined) return this.#fail('refused', new ChannelError(earlier), false);
    return this.#fetchAndImport(settings, entry, signal);
  }

  async #readChannel(url: string, trustedKeys: readonly string[]): Promise<ChannelBody> {
    const cached = this.#cached?.url === url ? this.#cached : null;
    let response: Response;
    try {
      response = await (this.#o.fetch ?? fetch)(url, {
        headers: cached?.etag ? { 'if-none-match': cached.etag } : {},
        signal: AbortSignal.timeout(CHANNEL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new Error(`The channel ${url} could not be reached (${networkReason(error)}). The kiosk keeps showing what it has.`);
    }
    if (response.status === 304 && cached) {
      this.#status.lastReachedAt = this.#iso(this.#o.clock.now());
      return cached.body;
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new Error(`The channel ${url} answered ${response.status} ${response.statusText}. The kiosk keeps showing what it has.`);
    }
    this.#status.lastReachedAt = this.#iso(this.#o.clock.now());
    const text = await readCapped(response, MAX_CHANNEL_BYTES, () => new ChannelError(`channel.json at ${url}: expected at most ${MAX_CHANNEL_BYTES} bytes`));
    const body = readChannel(text, trustedKeys, `channel.json at ${url}`);
    const known = this.#memory.sequenceAt(url);
    if (known !== null && body.sequence < known) {
      throw new ChannelError(`channel.json at ${url}: sequence ${body.sequence} is older than the ${known} this kiosk has read (an old channel.json put back?); it is not followed.`);
    }
    this.#memory.read(url, body.sequence); // a newer one forgets what was refused: it may be fixed
    this.#cached = { url, etag: response.headers.get('etag'), body };
    return body;
  }

  async #fetchAndImport(settings: ChannelSettings, entry: ChannelEntry, signal: AbortSignal): Promise<ChannelStatusView> {
    const s = this.#status;
    const dest = join(this.#dir, `${entry.sha256}.vitrine`);
    try {
      mkdirSync(this.#dir, { recursive: true });
      await clearOtherDownloads(this.#dir, entry.sha256);
      const short = noRoomFor(this.#o.dataDir, entry);
      if (short) return this.#fail('refused', new Error(short));
      s.state = 'downloading';
      s.download = { done: 0, total: entry.bytes };
      await downloadPackage({
        url: packageUrl(entry, settings.url!), dest, bytes: entry.bytes, sha256: entry.sha256, maxBytesPerSecond: settings.maxKBps * 1024, signal,
        onProgress: (done, total) => void (s.download = { done, total }),
        ...(this.#o.fetch ? { fetch: this.#o.fetch } : {}), ...(this.#o.sleep ? { sleep: this.#o.sleep } : {}),
      });
    } catch (error) {
      s.download = null;
      if (signal.aborted) return this.#set('waiting', null); // stopped, or the settings changed: nothing is wrong
      if (error instanceof DownloadError && error.failure === 'refused') {
        this.#memory.refuse(entry.sha256, error.message);
        this.#record(entry, 'refused', error.message);
        return this.#fail('refused', error, false);
      }
      // The network, or this kiosk's own disk (full, read-only): tried again later, bytes kept.
      return this.#fail(error instanceof DownloadError ? 'offline' : 'refused', error);
    }
    s.download = null;
    // Stopped meanwhile, or staff pointed the kiosk elsewhere: the old channel's package is not taken.
    if (signal.aborted || this.#o.settings().url !== settings.url) {
      await rm(dest, { force: true });
      return this.#set('waiting', null);
    }
    s.state = 'importing';
    try {
      const r = await this.#o.importPackage(dest, `channel: ${settings.url}`);
      this.#record(entry, 'imported', `Imported "${r.title}" ${r.version} from the channel: ${r.artifacts} artifacts, ${r.images} images. ${r.live ? 'It is live.' : 'It goes live when the kiosk is next idle.'}`, r.versionId);
      return this.#done();
    } catch (error) {
      if (error instanceof DataBusyError) return this.#fail('waiting', error); // another import runs: look again soon
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PackageError) this.#memory.refuse(entry.sha256, message);
      this.#record(entry, error instanceof PackageError ? 'refused' : 'failed', message);
      return this.#fail('refused', error, !(error instanceof PackageError));
    } finally {
      await rm(dest, { force: true });
    }
  }

  #set(state: ChannelStatusView['state'], problem: string | null): ChannelStatusView {
    Object.assign(this.#status, { state, problem });
    return this.status();
  }

  #done(): ChannelStatusView {
    Object.assign(this.#status, { state: 'waiting', problem: null, failures: 0, download: null });
    return this.status();
  }

  /** Ends a look that did not get the package; `retry` counts it as a failure (the waits grow). */
  #fail(state: ChannelStatusView['state'], error: unknown, retry = true): ChannelStatusView {
    const problem = error instanceof Error ? error.message : String(error);
    if (retry) this.#status.failures += 1;
    if (problem !== this.#status.problem) this.#o.log.warn('channel', problem);
    Object.assign(this.#status, { state, problem });
    return this.status();
  }

  #record(entry: ChannelEntry, outcome: 'imported' | 'refused' | 'failed', message: string, versionId: number | null = null): void {
    this.#records.add({
      name: `channel: ${entry.packageId} ${entry.version}`, sha256: entry.sha256, bytes: entry.bytes, mtimeMs: 0, outcome, message,
      versionId, packageId: entry.packageId, packageVersion: entry.version, title: entry.title, artifacts: null, images: null,
      finishedAt: this.#iso(this.#o.clock.now()), older: false,
    });
  }

  #iso(ms: number): string {
    return new Date(ms).toISOString();
  }
}
