/** Fake metric sources and a reader of Prometheus's text format, for the metrics endpoint's tests. */
import type { AppUpdateView, ChannelStatusView, CrashReportView } from '../../src-main/contract/types';
import type { MetricsSources } from '../../src-main/core/metrics/registry';

/** Everything the sources answer, changeable between scrapes. */
export interface FakeKiosk {
  content: ReturnType<MetricsSources['content']>;
  lastImport: ReturnType<MetricsSources['lastImport']>;
  channel: ChannelStatusView;
  crashes: CrashReportView[];
  rendererMemoryBytes: number | null;
  freeDisk: ReturnType<MetricsSources['freeDisk']>;
  visits: ReturnType<MetricsSources['visits']>;
  appUpdate: AppUpdateView | null;
}

/** A kiosk in a known state: content 2.10.3 live, the channel offering 2.11.0, one renderer crash. */
export function fakeKiosk(): FakeKiosk {
  return {
    content: { packageId: 'soviet-us', version: '2.10.3', title: 'Revelations "from" the Russian Archives', liveSince: '2026-11-27T09:00:00.000Z' },
    lastImport: { outcome: 'refused', finishedAt: '2026-11-27T08:30:00.000Z', source: 'inbox' },
    channel: {
      url: 'https://content.example.org/channel/', group: 'east-wing', state: 'offline',
      lastCheckAt: '2026-11-27T09:50:00.000Z', lastReachedAt: '2026-11-27T06:00:00.000Z', nextCheckAt: '2026-11-27T10:50:00.000Z',
      offered: { packageId: 'soviet-us', version: '2.11.0', title: 'Revelations', bytes: 1000, sha256: 'ab'.repeat(32) },
      download: null, problem: 'The channel could not be reached.', failures: 4,
    },
    crashes: [{ at: '2026-11-27T09:59:00.000Z', kind: 'renderer', detail: 'oom' }],
    rendererMemoryBytes: 180_000_000,
    freeDisk: { freeBytes: 5e9, totalBytes: 64e9 },
    visits: { visits: 12, idleResets: 9 },
    appUpdate: null,
  };
}

/** Sources reading `kiosk` at each call, as the host's functions read its services. */
export function sourcesOf(kiosk: FakeKiosk, version = '0.1.0'): MetricsSources {
  return {
    app: { version, host: 'browser' },
    content: () => kiosk.content,
    lastImport: () => kiosk.lastImport,
    channel: () => kiosk.channel,
    crashes: () => kiosk.crashes,
    rendererMemoryBytes: () => kiosk.rendererMemoryBytes,
    freeDisk: () => kiosk.freeDisk,
    visits: () => kiosk.visits,
    appUpdate: () => kiosk.appUpdate,
  };
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the text exposition format strictly: a line it cannot read fails the test. */
export function parseExposition(text: string): { samples: Sample[]; types: Map<string, string>; help: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      (meta[1] === 'HELP' ? help : types).set(meta[2]!, meta[3]!);
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`Not a line of the exposition format: ${line}`);
    const labels: Record<string, string> = {};
    const body = m[2] ?? '';
    const labelRe = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;
    let read = 0;
    for (let l = labelRe.exec(body); l; l = labelRe.exec(body)) {
      labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      read = labelRe.lastIndex;
    }
    if (read !== body.length) throw new Error(`Labels not readable: ${line}`);
    const value = m[3] === '+Inf' ? Infinity : m[3] === '-Inf' ? -Infinity : Number(m[3]);
    // prom-client writes NaN as "Nan", which Prometheus (Go's ParseFloat) reads in any case.
    if (Number.isNaN(value) && m[3]!.toLowerCase() !== 'nan') throw new Error(`Not a value: ${line}`);
    samples.push({ name: m[1]!, labels, value });
  }
  return { samples, types, help };
}

/** The samples named `name` (optionally with these labels among theirs). */
export function series(samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

/** The one value of `name` with `labels`, or undefined when absent; fails when there are several. */
export function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = series(samples, name, labels);
  if (found.length > 1) throw new Error(`${found.length} series of ${name} ${JSON.stringify(labels)}`);
  return found[0]?.value;
}
