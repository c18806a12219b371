/**
 * What the kiosk tells Prometheus (issue 22, "Health where IT looks"; docs/fleet/): the health a
 * museum's IT already watches for its other machines, in its own tool, so nobody has to walk to
 * the gallery to find out a kiosk is showing last year's exhibit or crashing every hour.
 *
 * Every value is read when Prometheus scrapes (a `collect()` callback), never pushed: the kiosk
 * keeps no second copy of its state, and a metric cannot go stale between scrapes. A source that
 * throws leaves its own metric out of that scrape (logged once), never the whole answer: the rest
 * of a sick kiosk's health is what IT needs most then.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppUpdateView, ChannelStatusView, CrashReportView } from '../../contract/types';
import type { Logger } from '../log';

/** Where the metrics come from: functions the host wires to its services, read at each scrape. */
export interface MetricsSources {
  app: { version: string; host: 'electron' | 'browser' };
  /** The live content, or null when nothing is live. `liveSince` is an ISO time. */
  content(): { packageId: string; version: string; title: string; liveSince: string } | null;
  /** The last import that finished (from the inbox or the channel), or null when none has. */
  lastImport(): { outcome: 'imported' | 'refused' | 'failed'; finishedAt: string; source: 'inbox' | 'channel' } | null;
  channel(): ChannelStatusView;
  /** Recent crashes the host noticed, newest first. */
  crashes(): CrashReportView[];
  /** What the visitor's page holds in memory, or null when the host cannot tell. */
  rendererMemoryBytes(): number | null;
  /** Space where the kiosk keeps its data, or null when the system cannot tell. */
  freeDisk(): { freeBytes: number; totalBytes: number } | null;
  /** Counters since the kiosk started; null when visitor analytics is off. */
  visits(): { visits: number; idleResets: number } | null;
  /** The app's own updater (Electron), or null where the host has none (the browser host). */
  appUpdate(): AppUpdateView | null;
}

export interface KioskMetricsOptions {
  log?: Logger;
  /** The clock the crash window is measured on (tests pass their own). */
  now?: () => number;
}

/**
 * A crash counts toward `vitrine_crashes` for this long. The host keeps its last 20 crashes
 * whatever their age (crash-log.ts), so a plain count would stay high for months after one bad
 * night, and an alert on it would never resolve.
 */
export const CRASH_WINDOW_MS = 24 * 3_600_000;

/** Crash kinds always reported, at 0 when none: an alert then resolves instead of losing its series. */
const USUAL_CRASH_KINDS = ['renderer', 'gpu', 'browser'];

/** Every channel state, one series each (the compiler checks this list against the contract). */
const CHANNEL_STATES = Object.keys({
  off: 1, 'needs-key': 1, waiting: 1, checking: 1, downloading: 1, importing: 1, offline: 1, refused: 1,
} satisfies Record<ChannelStatusView['state'], 1>);

/** Every state of the app updater, one series each (checked against the contract as above). */
const APP_UPDATE_STATES = Object.keys({
  off: 1, idle: 1, checking: 1, downloading: 1, downloaded: 1, error: 1,
} satisfies Record<AppUpdateView['state'], 1>);

/**
 * A package version as one number Prometheus can compare: major * 1e6 + minor * 1e3 + patch, so
 * 2.10.3 is 2010003 and `offered > live` is a plain comparison in an alert rule. Only dotted
 * numbers qualify (missing parts count as 0, as compareVersions reads them), each part after the
 * first below 1000; build metadata (`+…`) is ignored, as semver orders it. A pre-release (`-beta`)
 * or anything else gives null: its metric is left out rather than compared wrongly.
 */
export function encodeVersion(version: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,3}))?(?:\.(\d{1,3}))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version);
  if (!match) return null;
  const [, major = '0', minor = '0', patch = '0'] = match;
  return Number(major) * 1e6 + Number(minor) * 1e3 + Number(patch);
}

/** An ISO time as Unix seconds, or null when it is missing or not a time. */
function seconds(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms / 1000 : null;
}

type Sample = { labels?: Record<string, string>; value: number | null };

/** Builds the kiosk's metrics on a registry of their own (never prom-client's global one). */
export function createKioskMetrics(sources: MetricsSources, options: KioskMetricsOptions = {}): Registry {
  const registry = new Registry();
  const now = options.now ?? Date.now;
  const failing = new Set<string>();

  /** Reads a metric's samples, leaving it out (and saying so once) when its source throws. */
  const read = (name: string, samples: () => Sample[]): Sample[] => {
    try {
      const result = samples().filter((s) => s.value !== null && Number.isFinite(s.value));
      failing.delete(name);
      return result;
    } catch (error) {
      if (!failing.has(name)) options.log?.warn('metrics', `${name} left out of the metrics: its source failed`, error);
      failing.add(name);
      return [];
    }
  };

  /** A gauge holding exactly what `samples` returns at each scrape (absent when it returns none). */
  const gauge = (name: string, help: string, labelNames: string[], samples: () => Sample[]) =>
    new Gauge({
      name, help, labelNames, registers: [registry],
      collect() {
        this.reset();
        if (labelNames.length === 0) this.remove(); // reset() leaves an unlabelled 0; absent is the truth
        for (const s of read(name, samples)) this.set(s.labels ?? {}, s.value!);
      },
    });

  /** A counter mirrored from one of the kiosk's own counters since start (absent when null). */
  const counter = (name: string, help: string, value: () => number | null) =>
    new Counter({
      name, help, registers: [registry],
      collect() {
        this.reset();
        this.remove();
        const [sample] = read(name, () => [{ value: value() }]);
        if (sample) this.inc(sample.value!);
      },
    });

  const one = (value: number | null, labels?: Record<string, string>): Sample[] => [{ value, ...(labels && { labels }) }];

  gauge('vitrine_up', 'Always 1 while the kiosk answers; Prometheus\'s own `up` says whether it could be reached.', [], () => one(1));
  gauge('vitrine_app_info', 'The kiosk app\'s version and host (electron: the installed app; browser: the browser kiosk). Always 1.', ['version', 'host'], () =>
    one(1, { version: sources.app.version, host: sources.app.host }),
  );

  gauge('vitrine_content_info', 'The exhibit on show: its package id, version and title. Always 1; absent when nothing is live.', ['package', 'version', 'title'], () => {
    const c = sources.content();
    return c ? one(1, { package: c.packageId, version: c.version, title: c.title }) : [];
  });
  gauge(
    'vitrine_content_version',
    'The live exhibit\'s version as one number: major*1000000 + minor*1000 + patch (2.10.3 is 2010003). Absent when nothing is live or its version is not plain numbers (1.2.0-beta).',
    ['package'],
    () => {
      const c = sources.content();
      return c ? one(encodeVersion(c.version), { package: c.packageId }) : [];
    },
  );
  gauge('vitrine_content_live_since_timestamp_seconds', 'When the live exhibit went live (Unix time).', [], () => one(seconds(sources.content()?.liveSince)));
  gauge(
    'vitrine_last_import_timestamp_seconds',
    'When the last content import finished (Unix time), with how it went (imported, refused, failed) and where the package came from (inbox, channel).',
    ['outcome', 'source'],
    () => {
      const i = sources.lastImport();
      return i ? one(seconds(i.finishedAt), { outcome: i.outcome, source: i.source }) : [];
    },
  );

  gauge(
    'vitrine_channel_state',
    'What the content channel follower is doing: 1 for the current state, 0 for the others (off: no channel; offline: channel unreachable; refused: its content was refused).',
    ['state'],
    () => {
      const { state } = sources.channel();
      return CHANNEL_STATES.map((s) => ({ labels: { state: s }, value: s === state ? 1 : 0 }));
    },
  );
  gauge('vitrine_channel_last_check_timestamp_seconds', 'When the kiosk last looked at its content channel (Unix time).', [], () => one(seconds(sources.channel().lastCheckAt)));
  gauge('vitrine_channel_last_success_timestamp_seconds', 'When the content channel last answered the kiosk (Unix time).', [], () => one(seconds(sources.channel().lastReachedAt)));
  gauge('vitrine_channel_failures', 'Failed looks at the content channel in a row; 0 after one that went well.', [], () => one(sources.channel().failures));
  gauge(
    'vitrine_channel_offered_version',
    'The version the content channel offers this kiosk, encoded as vitrine_content_version is; compare the two to find a kiosk behind its channel.',
    ['package'],
    () => {
      const offered = sources.channel().offered;
      return offered ? one(encodeVersion(offered.version), { package: offered.packageId }) : [];
    },
  );

  gauge('vitrine_crashes', `Crashes the kiosk noticed in the last ${CRASH_WINDOW_MS / 3_600_000} hours, by kind (renderer: the visitor's page; gpu; browser).`, ['kind'], () => {
    const since = now() - CRASH_WINDOW_MS;
    const counts = new Map(USUAL_CRASH_KINDS.map((k) => [k, 0]));
    for (const crash of sources.crashes()) {
      if (Date.parse(crash.at) >= since) counts.set(crash.kind, (counts.get(crash.kind) ?? 0) + 1);
    }
    return [...counts].map(([kind, value]) => ({ labels: { kind }, value }));
  });
  gauge('vitrine_renderer_memory_bytes', 'Memory the visitor\'s page (the renderer) holds. Absent when the host cannot tell.', [], () => one(sources.rendererMemoryBytes()));
  gauge('vitrine_disk_free_bytes', 'Free space on the disk holding the kiosk\'s data (content, media, database).', [], () => one(sources.freeDisk()?.freeBytes ?? null));
  gauge('vitrine_disk_total_bytes', 'Size of the disk holding the kiosk\'s data.', [], () => one(sources.freeDisk()?.totalBytes ?? null));

  gauge(
    'vitrine_app_update_state',
    'What the app updater (Electron) is doing: 1 for the current state, 0 for the others (off: no appUpdateUrl or an install that cannot update itself; downloaded: a new version waits for the museum to close; error: the last check or download failed). Absent in the browser kiosk.',
    ['state'],
    () => {
      const update = sources.appUpdate();
      return update ? APP_UPDATE_STATES.map((s) => ({ labels: { state: s }, value: s === update.state ? 1 : 0 })) : [];
    },
  );
  gauge('vitrine_app_update_last_check_timestamp_seconds', 'When the app updater last looked for a new version of the app (Unix time).', [], () => one(seconds(sources.appUpdate()?.lastCheckAt)));
  gauge('vitrine_app_update_waiting_info', 'The app version downloaded and waiting to install when the museum is closed. Always 1; absent when none waits.', ['version'], () => {
    const update = sources.appUpdate();
    return update?.state === 'downloaded' && update.version ? one(1, { version: update.version }) : [];
  });

  counter('vitrine_visits_total', 'Visitor visits that ended since the kiosk started. Absent when visitor analytics is off.', () => sources.visits()?.visits ?? null);
  counter('vitrine_idle_resets_total', 'Visits ended by the idle reset (the visitor walked away) since the kiosk started. Absent when visitor analytics is off.', () =>
    sources.visits()?.idleResets ?? null,
  );

  // The main process's own RSS, CPU, event loop lag and handles, under the same prefix.
  collectDefaultMetrics({ register: registry, prefix: 'vitrine_' });
  return registry;
}
