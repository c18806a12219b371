/**
 * The host-independent kiosk core, opened once per process by a host (Electron or browser).
 * Opening it migrates the store, clears whatever an import cut short left, imports the built-in
 * exhibit on first start, and starts the publisher (new content goes live only in attract) and
 * the inbox (packages arriving in a watched folder).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiImplementation } from '../contract/api';
import { ActivityRecorder } from './analytics/recorder';
import { liveContent } from './analytics/report';
import { createApi } from './api';
import { ChannelFollower, type ChannelFollowerOptions } from './channel/follower';
import { systemClock, type Clock } from './clock';
import { Inbox, type InboxImportOptions, type WatchFolder } from './inbox/inbox';
import { createLogger, type Logger } from './log';
import { kioskMetricsSources } from './metrics/kiosk-sources';
import { createKioskMetrics } from './metrics/registry';
import { MetricsService } from './metrics/service';
import { importPackage, type ImportResult } from './packages/importer';
import { createSettingsStore, type SettingsStore } from './settings/store';
import type { KioskHost } from './staff/api';
import { createPinStore } from './staff/pin';
import { StaffSessions } from './staff/session';
import { openStore, type Store } from './store/connection';
import { DataBusyError, withDataLock } from './versions/lock';
import { Publisher } from './versions/publisher';
import type { PreviewStateView } from '../contract/types';
import { recoverInterruptedImport } from './versions/recover';

/** What a host passes to open the core. */
export interface VitrineOptions {
  /** Folder for the store and media; created if missing. */
  dataDir: string;
  /** Folder of the built-in exhibit package, imported when the store has no live package (null: none, as in a preview). */
  builtinPackage: string | null;
  /** In `vitrine preview`: what it made of the curator's folder, for getPreviewState. */
  preview?: () => PreviewStateView;
  log?: Logger;
  /** What the host offers staff (leaving kiosk mode, crash reports). */
  host?: KioskHost;
  clock?: Clock;
  /** Inbox timing and watcher, for tests. */
  inbox?: { stableMs?: number; scanEveryMs?: number; watch?: WatchFolder };
  /** The inbox folders staff may pick, for tests; by default the removable media mounted now. */
  inboxChoices?: () => string[];
  /** The app's version, for the health endpoint and the metrics. */
  appVersion?: string;
  /** Channel timing and fetch, for tests. */
  channel?: Partial<Pick<ChannelFollowerOptions, 'fetch' | 'random' | 'firstCheckMs' | 'retryBaseMs' | 'sleep'>>;
}

/** The opened core: the contract's implementation and the services behind it. */
export interface VitrineCore {
  api: ApiImplementation;
  store: Store;
  settings: SettingsStore;
  publisher: Publisher;
  inbox: Inbox;
  /** The content channel this kiosk follows, if any (issue 22). */
  channel: ChannelFollower;
  /** The Prometheus metrics endpoint (issue 22), off unless metricsAddress and metricsToken are set. */
  metrics: MetricsService;
  /** Visitor analytics (issue 21): visits in progress, written as hourly counts when they end. */
  activity: ActivityRecorder;
  /** Imports a package as the inbox does: validated, written aside, live when the kiosk is idle. */
  importPackage(path: string, source: string, options?: InboxImportOptions): Promise<ImportResult>;
  /** Folder of content-addressed media files (`/media/<sha256>.<ext>` resolves inside it). */
  mediaDir: string;
  /** Folder of Deep Zoom pyramids (`/tiles/<sha256>/…` resolves inside it). */
  tilesDir: string;
  log: Logger;
  close(): void;
}

/** Opens (and if needed initialises) the kiosk's data folder. */
export async function openVitrine(options: VitrineOptions): Promise<VitrineCore> {
  const log = options.log ?? createLogger();
  const clock = options.clock ?? systemClock;
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const dirs = { mediaDir: join(dataDir, 'media'), tilesDir: join(dataDir, 'tiles'), stagingRoot: join(dataDir, 'staging') };
  const store = openStore(join(dataDir, 'vitrine.sqlite'));
  let publisher: Publisher | null = null;
  let inbox: Inbox | null = null;
  let channel: ChannelFollower | null = null;
  try {
    // An import cut short (power loss) leaves a staging folder and an unfinished version: clear
    // them, unless a `vitrine import` is running right now and owns them.
    await withDataLock(dataDir, () => recoverInterruptedImport(store, dirs, log)).catch((error: unknown) => {
      if (!(error instanceof DataBusyError)) throw error;
      log.warn('core', error.message);
    });
    const settings = createSettingsStore(store.db, log);
    const keepVersions = () => settings.get('keepVersions');
    if (store.liveVersionId() === null && options.builtinPackage !== null) {
      log.info('core', 'No live exhibit yet: importing the built-in package', { from: options.builtinPackage });
      // The built-in package ships inside the app: it is trusted as the app itself is.
      await importPackage(store, options.builtinPackage, { ...dirs, log, source: 'built-in', publish: 'now', keepVersions: keepVersions() });
    }
    const pub = new Publisher({ store, dataDir, ...dirs, keepVersions, clock, log });
    publisher = pub;
    const importAndOffer = async (path: string, source: string, { allowOlder = false, onProgress }: InboxImportOptions = {}): Promise<ImportResult> => {
      const result = await importPackage(store, path, {
        ...dirs, log, source, publish: 'pending', keepVersions: keepVersions(), trustedKeys: settings.get('trustedKeys'), allowOlder, onProgress,
      });
      // Live at once if the kiosk is idle (or shows nothing yet); else at the next attract screen.
      return { ...result, live: pub.tryPublish()?.to === result.versionId };
    };
    inbox = new Inbox({ store, folder: () => settings.get('inboxDir'), importPackage: importAndOffer, clock, log, ...options.inbox });
    const follower = new ChannelFollower({
      store, dataDir, clock, log, importPackage: (path, source) => importAndOffer(path, source),
      // One read of the settings table, not one per key (each get() reads and checks every row).
      settings: () => {
        const all = settings.all();
        return { url: all.channelUrl, group: all.channelGroup, pollMinutes: all.channelPollMinutes, maxKBps: all.channelMaxKBps, trustedKeys: all.trustedKeys };
      },
      ...options.channel,
    });
    channel = follower;
    const startedAt = clock.now();
    const activity = new ActivityRecorder({
      db: store.db, clock, log,
      settings: () => ({ enabled: settings.get('analyticsEnabled'), searchThreshold: settings.get('analyticsSearchThreshold'), retentionDays: settings.get('analyticsRetentionDays') }),
      content: () => liveContent(store.db),
    });
    const appVersion = options.appVersion ?? 'unknown';
    const metrics = new MetricsService({
      settings: () => {
        const all = settings.all();
        return { address: all.metricsAddress, token: all.metricsToken };
      },
      registry: () => createKioskMetrics(kioskMetricsSources({ store, dataDir, settings, channel: follower, activity, host: options.host, appVersion }), { log }),
      log,
    });
    const staff = {
      store, settings, publisher: pub, inbox, channel: follower, metrics, dataDir, startedAt, clock, log, host: options.host, inboxChoices: options.inboxChoices,
      pins: createPinStore(store.db, clock),
      sessions: new StaffSessions({ clock }),
    };
    // A preview shows a curator's draft: its visits are the curator's own, not a museum's visitors'.
    const api = createApi(store, { startedAt, settings, publisher: pub, staff, appVersion, ...(options.preview ? { preview: options.preview } : { activity }) });
    pub.start();
    const box = inbox;
    box.start();
    activity.start();
    // A preview is a curator's laptop, not a kiosk of the fleet: no channel, no metrics.
    if (!options.preview) {
      follower.start();
      void metrics.start();
    }
    // Staff changed where or how the channel is followed, or the metrics endpoint: apply it now.
    const CHANNEL_KEYS = new Set(['channelUrl', 'channelGroup', 'channelPollMinutes', 'trustedKeys']);
    const unwatch = settings.onChange((key) => {
      if (options.preview) return;
      if (CHANNEL_KEYS.has(key)) follower.apply();
      if (key === 'metricsAddress' || key === 'metricsToken') void metrics.apply();
    });
    const { mediaDir, tilesDir } = dirs;
    return {
      api, store, settings, publisher: pub, inbox: box, channel: follower, metrics, activity, importPackage: importAndOffer, mediaDir, tilesDir, log,
      close: () => {
        unwatch();
        follower.stop();
        void metrics.stop();
        box.stop();
        pub.stop();
        activity.stop();
        store.close();
      },
    };
  } catch (error) {
    channel?.stop();
    inbox?.stop();
    publisher?.stop();
    store.close();
    throw error;
  }
}
