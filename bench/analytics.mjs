/**
 * Visitor analytics (issue 21, "Benchmark"): what counting costs.
 *
 * - The store's growth per 10,000 visits, and the main process's time to take a visit's batch
 *   and to write ended visits: a generated visitor (the soak's seeded generator) makes 10,000
 *   visits of 5 to 40 events over an exhibit of 1,000 objects, 10 an hour through 8 opening hours
 *   a day, through the core's own ActivityRecorder into a real SQLite file (its size read after a
 *   WAL checkpoint).
 * - Export time for a year of data: the same visitor on for 365 days (29,200 visits), then
 *   `vitrine analytics export`'s reads (every hourly row, as CSV and as JSON) and a 30-day summary.
 * - The cost on a tap: the tap walk of bench/taps.mjs on two app hosts, one counting visitors and
 *   one with analyticsEnabled false, taking turns visit by visit, in one run.
 *   node bench/analytics.mjs
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';
import { seededRandom } from '../tests/e2e/support/soak-visitor.mjs';
import { launchChromium, preparedDataDir, requireBuild, startHost } from './support.mjs';
import { staticHostFor } from './static-exhibit.mjs';
import { cycles, report, startWalk } from './taps.mjs';

const root = join(import.meta.dirname, '..');
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return { p50Ms: percentile(s, 50), p95Ms: percentile(s, 95), maxMs: s.at(-1) };
};

const SCREENS = ['home', 'section', 'topic', 'artifact', 'search', 'timeline', 'my-list'];
const WORDS = ['stalin', 'famine', 'grain', 'potsdam', 'cuba', 'missile', 'lenin', 'telegram', 'treaty', 'yalta'];

/** One visit's events: screens and objects (skewed: a few objects are opened far more), and the rest. */
function visitEvents(random, objects) {
  const events = [];
  const n = 5 + Math.floor(random() * 36);
  for (let i = 0; i < n; i++) {
    const r = random();
    const object = `obj${1 + Math.floor(objects * random() ** 2)}`;
    if (r < 0.55) {
      const screen = SCREENS[Math.floor(random() * SCREENS.length)];
      events.push({ kind: 'screen', screen, id: screen === 'artifact' ? object : null, dwellMs: Math.floor(random() * 60_000) });
    } else if (r < 0.7) events.push({ kind: 'zoom', artifact: object });
    else if (r < 0.78) events.push({ kind: 'page', artifact: object });
    else if (r < 0.84) events.push({ kind: 'save', artifact: object });
    else if (r < 0.9) events.push({ kind: 'search', query: random() < 0.8 ? WORDS[Math.floor(random() * WORDS.length)] : `rare ${Math.floor(random() * 1e6)}`, results: Math.floor(random() * 4) });
    else if (r < 0.95) events.push({ kind: 'play', artifact: object, recording: 1, playedSeconds: Math.floor(random() * 120), durationSeconds: 120 });
    else events.push({ kind: 'language', language: random() < 0.7 ? 'en' : 'ru' });
  }
  return events;
}

/** A recorder over a fresh store, with a clock the visitor moves. */
async function recorderIn(dir, load) {
  const [{ openStore }, { ActivityRecorder }, { createReports, toCsv }] = await Promise.all(['store/connection', 'analytics/recorder', 'analytics/report'].map(load));
  const store = openStore(join(dir, 'vitrine.sqlite'));
  let now = new Date(2026, 0, 1, 10, 0).getTime();
  const timers = [];
  const clock = {
    now: () => now,
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => {},
    setInterval: () => 0,
    clearInterval: () => {},
  };
  const log = { info() {}, warn: (...a) => console.error(...a), error: (...a) => console.error(...a) };
  const recorder = new ActivityRecorder({ db: store.db, clock, log, settings: () => ({ enabled: true, searchThreshold: 5, retentionDays: 400 }), content: () => 'bench-exhibit@1.0.0' });
  const bytes = () => {
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return statSync(join(dir, 'vitrine.sqlite')).size;
  };
  return {
    store, recorder, createReports, toCsv, bytes,
    advance: (ms) => (now += ms),
    flushTimers: () => timers.splice(0).forEach((fn) => fn()),
    at: () => now,
  };
}

/** `days` days of 8 opening hours with `perHour` visits each; returns each accept's and each write's time. */
function playDays(k, random, days, perHour, objects, onDay = () => {}) {
  const accept = [];
  const write = [];
  let visits = 0;
  for (let day = 0; day < days; day++) {
    for (let hour = 0; hour < 8; hour++) {
      for (let v = 0; v < perHour; v++) {
        const events = visitEvents(random, objects);
        const id = `bench-visit-${++visits}-${Math.floor(random() * 1e9).toString(36)}`;
        const started = performance.now();
        k.recorder.accept({ visit: id, events, dropped: 0, endedMs: 60_000 + Math.floor(random() * 300_000) });
        accept.push(performance.now() - started);
        k.advance(3_600_000 / perHour);
        const writing = performance.now();
        k.flushTimers();
        write.push(performance.now() - writing);
      }
    }
    k.advance(16 * 3_600_000);
    onDay(day, visits);
  }
  return { accept, write, visits };
}

export async function benchAnalytics({ visits = 10_000, days = 365, perHour = 10, objects = 1000, tapVisits = 2, tapRuns = 3 } = {}) {
  const vite = await createServer({
    configFile: false, root, logLevel: 'error', appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true, include: [] },
  });
  const load = (path) => vite.ssrLoadModule(`/src-main/core/${path}.ts`);
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-analytics-'));
  const out = {};
  try {
    const k = await recorderIn(dir, load);
    const random = seededRandom(20261204);
    const empty = k.bytes();
    let grown = null;
    const daysFor10k = Math.ceil(visits / (8 * perHour));
    const played = playDays(k, random, days, perHour, objects, (day) => {
      if (day === daysFor10k - 1) grown = { visits: (day + 1) * 8 * perHour, bytes: k.bytes(), rows: k.store.db.prepare('SELECT count(*) AS n FROM analytics_hours').get().n };
    });
    const yearBytes = k.bytes();
    const yearRows = k.store.db.prepare('SELECT count(*) AS n FROM analytics_hours').get().n;
    out.growth = { emptyBytes: empty, ...grown, bytesPerVisit: (grown.bytes - empty) / grown.visits };
    out.recording = { acceptVisit: summary(played.accept), writeVisit: summary(played.write) };
    const reports = k.createReports(k.store.db);
    const last = new Date(k.at());
    const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const range = { from: '2026-01-01', to: day(last), content: null };
    const timed = (fn) => {
      const started = performance.now();
      const value = fn();
      return { ms: performance.now() - started, value };
    };
    const rows = timed(() => reports.rows(range));
    const csv = timed(() => k.toCsv(rows.value));
    const json = timed(() => JSON.stringify(rows.value));
    const monthFrom = new Date(last);
    monthFrom.setDate(monthFrom.getDate() - 29);
    const month = timed(() => reports.summary({ from: day(monthFrom), to: day(last), content: 'bench-exhibit@1.0.0' }));
    out.year = { days, visits: played.visits, rows: yearRows, bytes: yearBytes, readMs: rows.ms, csvMs: rows.ms + csv.ms, csvBytes: Buffer.byteLength(csv.value), jsonMs: rows.ms + json.ms, summary30DaysMs: month.ms };
    k.store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await vite.close();
  }
  out.taps = await tapCost({ visits: tapVisits, runs: tapRuns });
  return out;
}

/** The tap walk on a host that counts visitors and on one that does not, in turns. */
async function tapCost({ visits, runs }) {
  requireBuild();
  const IDLE = { idleTimeoutSeconds: 5, idleCountdownSeconds: 3 };
  const on = await preparedDataDir({ prefix: 'vitrine-bench-analytics-on-', settings: { ...IDLE, analyticsEnabled: true } });
  const off = await preparedDataDir({ prefix: 'vitrine-bench-analytics-off-', settings: { ...IDLE, analyticsEnabled: false } });
  const hosts = [];
  const walks = [];
  let baseline;
  let browser;
  try {
    hosts.push(await startHost({ dataDir: on, removeData: true }), await startHost({ dataDir: off, removeData: true }));
    // The static rendition is only where the walk's steps come from (its shape); it is not timed here.
    baseline = await staticHostFor(hosts[0].url);
    const steps = cycles(baseline.shape);
    browser = await launchChromium();
    walks.push(await startWalk(browser, hosts[0].url, steps, false), await startWalk(browser, hosts[1].url, steps, false));
    const [counting, notCounting] = [[], []];
    for (let run = 0; run < runs; run++) {
      const [a, b] = [[], []];
      for (let v = 0; v < visits; v++) {
        // Taking turns which goes first, so neither always meets a warmer machine.
        if ((run + v) % 2) {
          a.push(...(await walks[0].visit()));
          b.push(...(await walks[1].visit()));
        } else {
          b.push(...(await walks[1].visit()));
          a.push(...(await walks[0].visit()));
        }
      }
      counting.push(a);
      notCounting.push(b);
    }
    return { visits, runs, counting: report(counting), notCounting: report(notCounting) };
  } finally {
    for (const w of walks) await w.close().catch(() => undefined);
    await browser?.close();
    for (const host of hosts) await host.stop();
    baseline?.remove();
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (v) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

export function rows(r) {
  const tap = (which, kind, field) => r.taps[which][kind]?.[field];
  const p95 = (s) => (s ? `${s.p95.toFixed(1)} ms` : 'n/a');
  const tapRows = ['cold', 'warm', 'back'].map((kind) => [
    `Screen change from the lift (p95), ${kind}: counting visitors against not counting (${r.taps.runs} runs of ${r.taps.visits} visits each, taking turns)`,
    `${p95(tap('counting', kind, 'change'))} against ${p95(tap('notCounting', kind, 'change'))}; press feedback ${p95(tap('counting', kind, 'press'))} against ${p95(tap('notCounting', kind, 'press'))}`,
    '',
  ]);
  return [
    [`Visitor analytics: store growth per ${r.growth.visits.toLocaleString('en')} visits (1,000 objects, 10 visits an hour)`, `${kb(r.growth.bytes - r.growth.emptyBytes)} (${r.growth.rows.toLocaleString('en')} hourly rows; ${r.growth.bytesPerVisit.toFixed(0)} bytes a visit)`, ''],
    ['Main process: taking one visit\'s batch; writing one ended visit', `p50 ${ms(r.recording.acceptVisit.p50Ms)}, p95 ${ms(r.recording.acceptVisit.p95Ms)}; p50 ${ms(r.recording.writeVisit.p50Ms)}, p95 ${ms(r.recording.writeVisit.p95Ms)}`, ''],
    [`Export of a year (${r.year.visits.toLocaleString('en')} visits, ${r.year.rows.toLocaleString('en')} rows, store ${kb(r.year.bytes)}): CSV; JSON; a 30-day summary`, `${ms(r.year.csvMs)} (${kb(r.year.csvBytes)}); ${ms(r.year.jsonMs)}; ${ms(r.year.summary30DaysMs)}`, ''],
    ...tapRows,
  ];
}

export const NOTES = [
  'Visitor analytics (bench/analytics.mjs): a generated visitor (seeded) through the core\'s own ActivityRecorder into a real SQLite file, 8 opening hours a day at 10 visits an hour; the store measured after a WAL checkpoint. The tap cost: bench/taps.mjs\'s walk on two app hosts on copies of one data folder, one with analyticsEnabled false, taking turns visit by visit.',
];

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchAnalytics(), null, 2));
}
