/**
 * The kiosk's own services as metrics sources (registry.ts): each read at scrape time from the
 * store, the channel follower, the host and the visitor counts, with nothing kept twice.
 */
import type { ActivityRecorder } from '../analytics/recorder';
import type { ChannelFollower } from '../channel/follower';
import { inboxRecords } from '../inbox/records';
import type { SettingsStore } from '../settings/store';
import type { KioskHost } from '../staff/api';
import { freeDisk } from '../staff/health';
import type { Store } from '../store/connection';
import type { MetricsSources } from './registry';

export interface KioskSourceDeps {
  store: Store;
  dataDir: string;
  settings: SettingsStore;
  channel: ChannelFollower;
  activity: ActivityRecorder;
  host: KioskHost | undefined;
  appVersion: string;
}

export function kioskMetricsSources(deps: KioskSourceDeps): MetricsSources {
  const { store } = deps;
  const records = inboxRecords(store.db);
  const live = store.db.prepare<[], { package_id: string; version: string; title: string; published_at: string | null; imported_at: string }>(
    'SELECT v.package_id, v.version, v.title, v.published_at, v.imported_at FROM live JOIN package_versions v ON v.id = live.version_id',
  );
  return {
    app: { version: deps.appVersion, host: deps.host?.kind ?? 'browser' },
    content: () => {
      const row = live.get();
      return row ? { packageId: row.package_id, version: row.version, title: row.title, liveSince: row.published_at ?? row.imported_at } : null;
    },
    lastImport: () => {
      const last = records.recent(1)[0];
      // The channel records its imports in the inbox's table, named "channel: <package> <version>".
      return last ? { outcome: last.outcome, finishedAt: last.finishedAt, source: last.name.startsWith('channel: ') ? 'channel' : 'inbox' } : null;
    },
    channel: () => deps.channel.status(),
    crashes: () => deps.host?.recentCrashes?.() ?? [],
    rendererMemoryBytes: () => deps.host?.rendererMemoryBytes?.() ?? null,
    freeDisk: () => freeDisk(deps.dataDir),
    visits: () => (deps.settings.get('analyticsEnabled') ? deps.activity.counts() : null),
    appUpdate: () => deps.host?.appUpdate?.() ?? null,
  };
}
