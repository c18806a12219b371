// @vitest-environment node
/**
 * The kiosk's Prometheus endpoint (issue 22), scraped as Prometheus does: over HTTP on a real
 * port, with a bearer token. Every value comes from the kiosk's sources at the moment of the
 * scrape; what the kiosk cannot tell is absent, never a made-up 0; the endpoint answers only
 * `GET /metrics` to the holder of the token.
 */
import { Gauge, Registry, register as globalRegistry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import { CRASH_WINDOW_MS, createKioskMetrics, encodeVersion } from '../../../src-main/core/metrics/registry';
import { parseListenAddress, startMetricsServer, type MetricsServer } from '../../../src-main/core/metrics/server';
import { fakeKiosk, parseExposition, series, sourcesOf, valueOf, type FakeKiosk } from '../../helpers/metrics';

const TOKEN = 'scrape-token-0123456789abcdef';
const NOW = Date.parse('2026-11-27T10:00:00.000Z');

let kiosk: FakeKiosk;
let log: ReturnType<typeof createMemoryLogger>;
let registry: Registry;
let server: MetricsServer;

beforeEach(async () => {
  kiosk = fakeKiosk();
  log = createMemoryLogger();
  registry = createKioskMetrics(sourcesOf(kiosk, '0.1.0'), { now: () => NOW, log });
  server = await startMetricsServer({ address: '127.0.0.1:0', token: TOKEN, registry, log });
});
afterEach(() => server.close());

const get = (path = '/metrics', init: RequestInit = {}) => fetch(new URL(path, server.url), init);
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** One scrape with the right token, parsed. */
async function scrape() {
  const res = await get('/metrics', bearer(TOKEN));
  expect(res.status).toBe(200);
  return parseExposition(await res.text());
}

describe('who may read the metrics', () => {
  it('refuses a scrape without the token, or with a wrong one, and tells nothing', async () => {
    const attempts: RequestInit[] = [
      {},
      bearer('scrape-token-0123456789abcdeX'),
      bearer(TOKEN.slice(0, -1)),
      bearer(`${TOKEN}0`),
      { headers: { authorization: `Basic ${Buffer.from(`prometheus:${TOKEN}`).toString('base64')}` } },
      { headers: { authorization: TOKEN } },
    ];
    for (const init of attempts) {
      const res = await get('/metrics', init);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.text()).not.toContain('vitrine_');
    }
  });

  it('answers the token with the exposition format, in the registry\'s content type', async () => {
    const res = await get('/metrics', bearer(TOKEN));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(registry.contentType);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toContain('\nvitrine_up 1');
    // The scheme's name is case-insensitive (RFC 7235); Prometheus's query string is ignored.
    expect((await get('/metrics?x=1', { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('answers only GET /metrics: 404 elsewhere, 405 for other methods', async () => {
    for (const path of ['/', '/metrics/', '/metrics/x', '/favicon.ico', '/api/health']) {
      expect((await get(path, bearer(TOKEN))).status, path).toBe(404);
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD']) {
      const res = await get('/metrics', { method, ...bearer(TOKEN) });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET');
    }
  });
});

describe('what the kiosk tells', () => {
  it('holds every metric with the sources\' values, each with its HELP and the right type', async () => {
    const { samples, types, help } = await scrape();
    const v = (name: string, labels: Record<string, string> = {}) => valueOf(samples, name, labels);
    const t = (iso: string) => Date.parse(iso) / 1000;
    expect(v('vitrine_up')).toBe(1);
    expect(v('vitrine_app_info', { version: '0.1.0', host: 'browser' })).toBe(1);
    expect(v('vitrine_content_info', { package: 'soviet-us', version: '2.10.3', title: 'Revelations "from" the Russian Archives' })).toBe(1);
    expect(v('vitrine_content_version', { package: 'soviet-us' })).toBe(2_010_003);
    expect(v('vitrine_content_live_since_timestamp_seconds')).toBe(t('2026-11-27T09:00:00Z'));
    expect(v('vitrine_last_import_timestamp_seconds', { outcome: 'refused', source: 'inbox' })).toBe(t('2026-11-27T08:30:00Z'));
    expect(v('vitrine_channel_last_check_timestamp_seconds')).toBe(t('2026-11-27T09:50:00Z'));
    expect(v('vitrine_channel_last_success_timestamp_seconds')).toBe(t('2026-11-27T06:00:00Z'));
    expect(v('vitrine_channel_failures')).toBe(4);
    expect(v('vitrine_channel_offered_version', { package: 'soviet-us' })).toBe(2_011_000);
    expect(v('vitrine_crashes', { kind: 'renderer' })).toBe(1);
    expect(v('vitrine_renderer_memory_bytes')).toBe(180_000_000);
    expect(v('vitrine_disk_free_bytes')).toBe(5e9);
    expect(v('vitrine_disk_total_bytes')).toBe(64e9);
    expect(v('vitrine_visits_total')).toBe(12);
    expect(v('vitrine_idle_resets_total')).toBe(9);

    expect(types.get('vitrine_visits_total')).toBe('counter');
    expect(types.get('vitrine_idle_resets_total')).toBe('counter');
    for (const name of ['vitrine_up', 'vitrine_content_version', 'vitrine_channel_failures', 'vitrine_crashes', 'vitrine_disk_free_bytes']) expect(types.get(name), name).toBe('gauge');
    for (const name of new Set(samples.map((s) => s.name))) expect(help.get(name)?.length, name).toBeGreaterThan(20);
  });

  it('reads every value at the moment of the scrape', async () => {
    const before = (await scrape()).samples;
    kiosk.content = { packageId: 'soviet-us', version: '2.11.0', title: 'Revelations', liveSince: '2026-11-27T09:55:00.000Z' };
    kiosk.channel = { ...kiosk.channel, state: 'waiting', failures: 0, lastReachedAt: '2026-11-27T09:58:00.000Z' };
    kiosk.visits = { visits: 13, idleResets: 10 };
    kiosk.freeDisk = { freeBytes: 4e9, totalBytes: 64e9 };
    kiosk.rendererMemoryBytes = 200_000_000;
    const after = (await scrape()).samples;

    expect(valueOf(before, 'vitrine_content_version', { package: 'soviet-us' })).toBe(2_010_003);
    expect(valueOf(after, 'vitrine_content_version', { package: 'soviet-us' })).toBe(2_011_000);
    expect(series(after, 'vitrine_content_info').map((s) => s.labels.version)).toEqual(['2.11.0']);
    expect(valueOf(after, 'vitrine_channel_failures')).toBe(0);
    expect(valueOf(after, 'vitrine_channel_last_success_timestamp_seconds')).toBe(Date.parse('2026-11-27T09:58:00Z') / 1000);
    expect(valueOf(after, 'vitrine_visits_total')).toBe(13);
    expect(valueOf(after, 'vitrine_idle_resets_total')).toBe(10);
    expect(valueOf(after, 'vitrine_disk_free_bytes')).toBe(4e9);
    expect(valueOf(after, 'vitrine_renderer_memory_bytes')).toBe(200_000_000);
  });

  it('has one channel state series per state, 1 for the current one', async () => {
    const states = ['off', 'needs-key', 'waiting', 'checking', 'downloading', 'importing', 'offline', 'refused'];
    const current = (samples: ReturnType<typeof series>) => samples.filter((s) => s.value === 1).map((s) => s.labels.state);
    let found = series((await scrape()).samples, 'vitrine_channel_state');
    expect(found.map((s) => s.labels.state).sort()).toEqual([...states].sort());
    expect(current(found)).toEqual(['offline']);
    kiosk.channel = { ...kiosk.channel, state: 'downloading' };
    found = series((await scrape()).samples, 'vitrine_channel_state');
    expect(current(found)).toEqual(['downloading']);
    expect(found.filter((s) => s.value === 0)).toHaveLength(states.length - 1);
  });

  it('leaves out what the kiosk cannot tell, instead of a 0 an alert would misread', async () => {
    kiosk.content = null;
    kiosk.lastImport = null;
    kiosk.channel = { ...kiosk.channel, state: 'off', lastCheckAt: null, lastReachedAt: null, offered: null, failures: 0 };
    kiosk.rendererMemoryBytes = null;
    kiosk.freeDisk = null;
    kiosk.visits = null;
    const { samples } = await scrape();
    for (const name of [
      'vitrine_content_info', 'vitrine_content_version', 'vitrine_content_live_since_timestamp_seconds', 'vitrine_last_import_timestamp_seconds',
      'vitrine_channel_last_check_timestamp_seconds', 'vitrine_channel_last_success_timestamp_seconds', 'vitrine_channel_offered_version',
      'vitrine_renderer_memory_bytes', 'vitrine_disk_free_bytes', 'vitrine_disk_total_bytes', 'vitrine_visits_total', 'vitrine_idle_resets_total',
    ]) {
      expect(series(samples, name), name).toEqual([]);
    }
    expect(valueOf(samples, 'vitrine_up')).toBe(1);
    expect(valueOf(samples, 'vitrine_channel_state', { state: 'off' })).toBe(1);
  });

  it('gives a version that is not plain numbers no number, on either side of the comparison', async () => {
    kiosk.content = { ...kiosk.content!, version: '3.0.0-beta.1' };
    kiosk.channel = { ...kiosk.channel, offered: { ...kiosk.channel.offered!, packageId: 'other', version: 'latest' } };
    const { samples } = await scrape();
    expect(series(samples, 'vitrine_content_version')).toEqual([]);
    expect(series(samples, 'vitrine_channel_offered_version')).toEqual([]);
    expect(valueOf(samples, 'vitrine_content_info', { version: '3.0.0-beta.1' })).toBe(1);
  });

  it('counts crashes of the last day by kind, the usual kinds at 0 when there are none', async () => {
    const ago = (ms: number) => new Date(NOW - ms).toISOString();
    kiosk.crashes = [
      { at: ago(60_000), kind: 'gpu', detail: '' },
      { at: ago(3_600_000), kind: 'renderer', detail: '' },
      { at: ago(7_200_000), kind: 'renderer', detail: '' },
      { at: ago(CRASH_WINDOW_MS - 60_000), kind: 'utility', detail: '' },
      { at: ago(CRASH_WINDOW_MS + 60_000), kind: 'renderer', detail: 'yesterday' },
      { at: 'not a time', kind: 'renderer', detail: '' },
    ];
    const { samples } = await scrape();
    const crashes = Object.fromEntries(series(samples, 'vitrine_crashes').map((s) => [s.labels.kind, s.value]));
    expect(crashes).toEqual({ renderer: 2, gpu: 1, browser: 0, utility: 1 });
  });

  it('tells the app updater\'s state (Electron) and the version waiting for the museum to close; nothing in the browser kiosk', async () => {
    let { samples } = await scrape();
    for (const name of ['vitrine_app_update_state', 'vitrine_app_update_last_check_timestamp_seconds', 'vitrine_app_update_waiting_info']) {
      expect(series(samples, name), name).toEqual([]);
    }
    kiosk.appUpdate = { state: 'downloaded', version: '1.4.0', lastCheckAt: '2026-11-27T07:00:00.000Z', lastError: null };
    ({ samples } = await scrape());
    const found = series(samples, 'vitrine_app_update_state');
    expect(found.map((s) => s.labels.state).sort()).toEqual(['checking', 'downloaded', 'downloading', 'error', 'idle', 'off']);
    expect(found.filter((s) => s.value === 1).map((s) => s.labels.state)).toEqual(['downloaded']);
    expect(valueOf(samples, 'vitrine_app_update_last_check_timestamp_seconds')).toBe(Date.parse('2026-11-27T07:00:00.000Z') / 1000);
    expect(valueOf(samples, 'vitrine_app_update_waiting_info', { version: '1.4.0' })).toBe(1);
    kiosk.appUpdate = { state: 'error', version: null, lastCheckAt: null, lastError: 'The update server answered 404.' };
    ({ samples } = await scrape());
    expect(valueOf(samples, 'vitrine_app_update_state', { state: 'error' })).toBe(1);
    expect(series(samples, 'vitrine_app_update_waiting_info')).toEqual([]);
    expect(series(samples, 'vitrine_app_update_last_check_timestamp_seconds')).toEqual([]);
  });

  it('adds the main process\'s own memory and CPU under the same prefix, on its own registry', async () => {
    const { samples, types } = await scrape();
    expect(valueOf(samples, 'vitrine_process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
    expect(types.get('vitrine_process_cpu_user_seconds_total')).toBe('counter');
    expect(globalRegistry.getSingleMetric('vitrine_up')).toBeUndefined();
  });
});

describe('a scrape that goes wrong', () => {
  it('leaves out only the metric whose source failed, and says so once in the log', async () => {
    kiosk.freeDisk = null;
    const sources = { ...sourcesOf(kiosk), freeDisk: () => { throw new Error('statfs failed'); } };
    const broken = createKioskMetrics(sources, { now: () => NOW, log });
    const one = await startMetricsServer({ address: '127.0.0.1:0', token: TOKEN, registry: broken, log });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await fetch(one.url, bearer(TOKEN));
        expect(res.status).toBe(200);
        const { samples } = parseExposition(await res.text());
        expect(series(samples, 'vitrine_disk_free_bytes')).toEqual([]);
        expect(valueOf(samples, 'vitrine_content_version', { package: 'soviet-us' })).toBe(2_010_003);
      }
      expect(log.entries.filter((e) => e.area === 'metrics' && e.message.includes('vitrine_disk_free_bytes'))).toHaveLength(1);
    } finally {
      await one.close();
    }
  });

  it('answers 500 with a short sentence when the registry itself fails, and logs it', async () => {
    const failing = new Registry();
    new Gauge({ name: 'vitrine_broken', help: 'A metric whose collect throws.', registers: [failing], collect: () => { throw new Error('secret detail'); } });
    const one = await startMetricsServer({ address: '127.0.0.1:0', token: TOKEN, registry: failing, log });
    try {
      const res = await fetch(one.url, bearer(TOKEN));
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).toMatch(/could not be collected/);
      expect(text).not.toContain('secret detail');
      expect(log.entries).toContainEqual(expect.objectContaining({ level: 'error', area: 'metrics' }));
      expect((await fetch(one.url, bearer(TOKEN))).status).toBe(500); // and it keeps answering
    } finally {
      await one.close();
    }
  });
});

describe('versions and addresses', () => {
  it('encodes dotted-number versions as major*1e6 + minor*1e3 + patch, and nothing else', () => {
    expect(encodeVersion('2.10.3')).toBe(2_010_003);
    expect(encodeVersion('0.0.1')).toBe(1);
    expect(encodeVersion('12.0.0')).toBe(12_000_000);
    expect(encodeVersion('1.999.999')).toBe(1_999_999);
    expect(encodeVersion('3')).toBe(3_000_000);
    expect(encodeVersion('3.4')).toBe(3_004_000);
    expect(encodeVersion('1.2.0+build.7')).toBe(1_002_000);
    for (const version of ['1.2.0-beta', '1.1000.0', '1.2.3.4', 'v1.2.3', '', 'latest', '1..2', '-1.0.0']) expect(encodeVersion(version), version).toBeNull();
    // The encoding keeps the order an alert compares by.
    expect(encodeVersion('1.10.0')!).toBeGreaterThan(encodeVersion('1.9.99')!);
  });

  it('reads "IP:port" and "[v6]:port", and refuses anything else', () => {
    expect(parseListenAddress('0.0.0.0:9464')).toEqual({ host: '0.0.0.0', port: 9464 });
    expect(parseListenAddress('192.168.10.21:0')).toEqual({ host: '192.168.10.21', port: 0 });
    expect(parseListenAddress('[::1]:9464')).toEqual({ host: '::1', port: 9464 });
    expect(parseListenAddress('[fe80::1:2]:80')).toEqual({ host: 'fe80::1:2', port: 80 });
    for (const bad of ['localhost:9464', '::1:9464', '127.0.0.1', '127.0.0.1:65536', '[::1]', 'http://127.0.0.1:9464', '127.0.0.1:94a']) {
      expect(() => parseListenAddress(bad), bad).toThrow(/not an address/);
    }
  });

  it('refuses a bad address by rejecting, not by throwing', async () => {
    await expect(startMetricsServer({ address: 'nowhere:1', token: TOKEN, registry, log })).rejects.toThrow(/not an address/);
  });
});
