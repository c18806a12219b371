#!/usr/bin/env node
/**
 * `npm run bench` (after `npm run build`): runs every benchmark in bench/, writes the figures to
 * bench/results.json and a table to docs/performance.md with the machine and the date.
 * Benchmarks measure; they never pass or fail a build. Targets are shown beside the figures.
 *   node scripts/bench.mjs [name …]     run only some (tiling, first-frame, import, search,
 *                                       cold-start, taps, memory, media, analytics, cold-start-large, taps-large,
 *                                       curator): their table is printed, and docs/performance.md
 *                                       is left alone: it holds one whole run, of one day
 * A module may export `NOTES` (how its figures are measured), printed under the table.
 */
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeLargePackage } from './make-large-package.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);

/** Each benchmark: its module, the function it exports, and how to show its figures against a target. */
const BENCHES = [
  {
    name: 'tiling',
    module: 'bench/tiling.mjs',
    run: (m) => m.benchTiling(3),
    rows: (r) => [
      ['Import of the built-in exhibit (10 images, 14-16 MP): time', stats(r.importMs, 'ms'), ''],
      ['The same image work by sharp alone: time', stats(r.sharpAloneMs, 'ms'), ''],
      ['Import overhead beyond sharp (median ratio - 1)', pct(r.ratio - 1), 'under 25 %'],
    ],
  },
  {
    name: 'first-frame',
    module: 'bench/first-frame.mjs',
    run: (m) => m.benchFirstFrame(),
    rows: (r) => [
      ['Tap on an object to its first sharp deep-zoom frame, a second after its topic is shown', `p50 ${r.p50Ms.toFixed(0)} ms, p95 ${r.p95Ms.toFixed(0)} ms, max ${r.maxMs.toFixed(0)} ms (${r.runs} taps)${r.p95Ms < 150 ? ' met' : ' **missed**'}`, 'p95 under 150 ms'],
      ['The same, first visit of each object (the first round)', `p50 ${r.firstVisitP50Ms.toFixed(0)} ms, p95 ${r.firstVisitP95Ms?.toFixed(0)} ms, max ${r.firstVisitMaxMs.toFixed(0)} ms`, ''],
    ],
  },
  {
    name: 'import',
    module: 'bench/import.mjs',
    run: (m) => m.benchImport(),
    rows: (r) => [[`Import of a generated package of ${r.artifacts} artifacts with images`, `${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB`, 'streams: peak memory independent of package size']],
  },
  {
    name: 'search',
    module: 'bench/search.mjs',
    run: (m) => m.benchSearch(),
    rows: (r) => [
      [`Search over ${r.artifacts.toLocaleString('en')} artifacts through the core API (${r.queries} queries x ${r.rounds})`, `p50 ${ms(r.core.p50Ms)}, p95 ${ms(r.core.p95Ms)}`, 'p95 under 100 ms (results as you type)'],
      ['The same MATCH as one raw FTS5 query (rank, snippet, LIMIT 20)', `p50 ${ms(r.raw.p50Ms)}, p95 ${ms(r.raw.p95Ms)}`, ''],
      ['Core search / raw FTS5', `p50 ${r.ratio.p50.toFixed(2)}x, p95 ${r.ratio.p95.toFixed(2)}x (median of per-query ratios ${r.ratio.medianPerQuery.toFixed(2)}x)`, 'under 2x'],
    ],
  },
  // Issue 7: each module writes its own rows, against the static baseline and the targets.
  { name: 'cold-start', module: 'bench/cold-start.mjs', run: (m) => m.benchColdStart({ runs: 10 }), rows: (r, m) => m.rows(r) },
  // Issue 18: visits as a visitor makes them, cold and warm apart, three runs all reported.
  { name: 'taps', module: 'bench/taps.mjs', run: (m) => m.benchTaps({ visits: 2, runs: 3 }), rows: (r, m) => m.rows(r) },
  { name: 'memory', module: 'bench/memory.mjs', run: (m) => m.benchMemory({ interactions: 5000, resets: 100 }), rows: (r, m) => m.rows(r) },
  // Issue 20: tap to a film's first frame, and memory over 200 plays and stops.
  { name: 'media', module: 'bench/media.mjs', run: (m) => m.benchMedia({ taps: 30, cycles: 200 }), rows: (r, m) => m.rows(r) },
  // Issue 21: the store's growth per 10,000 visits, a year's export, and the cost on a tap.
  { name: 'analytics', module: 'bench/analytics.mjs', run: (m) => m.benchAnalytics(), rows: (r, m) => m.rows(r) },
  // Issue 22: a kiosk polling its channel, and downloading 250 MB from it, with the tap p95 meanwhile.
  { name: 'fleet', module: 'bench/fleet.mjs', run: (m) => m.benchFleet(), rows: (r, m) => m.rows(r) },
  // The same on the generated large package (the import benchmark's, made once), with fewer runs.
  { name: 'cold-start-large', module: 'bench/cold-start.mjs', run: async (m) => m.benchColdStart({ runs: 6, pkg: await largePackage() }), rows: (r, m) => m.rows(r, LARGE) },
  { name: 'taps-large', module: 'bench/taps.mjs', run: async (m) => m.benchTaps({ visits: 1, runs: 3, maxTaps: 60, pkg: await largePackage() }), rows: (r, m) => m.rows(r, LARGE) },
  // Issue 17: validate and pack of a 130 MB curator's folder; preview from save to screen.
  { name: 'curator', module: 'bench/curator.mjs', run: (m) => m.benchCurator({ artifacts: 650, runs: 2 }), rows: (r, m) => m.rows(r) },
];

const LARGE = 1000;
const largePackage = () => makeLargePackage({ artifacts: LARGE });

const ms = (v) => `${v.toFixed(1)} ms`;

function stats(values, unit) {
  const s = [...values].sort((a, b) => a - b);
  const f = (v) => `${v.toFixed(0)} ${unit}`;
  return `min ${f(s[0])}, median ${f(s[Math.floor(s.length / 2)])}, max ${f(s.at(-1))}`;
}

function pct(x) {
  return `${(x * 100).toFixed(1)} %`;
}

if (!existsSync(join(root, 'out/main/cli.js'))) {
  console.error('Run npm run build first.');
  process.exit(2);
}

/**
 * CPU time the machine's host took away while a benchmark ran (Linux /proc/stat "steal", as a
 * share of all CPU time): on a shared virtual machine it slows every figure, app and baseline
 * alike, and it changes from hour to hour. Undefined where /proc/stat has no steal column.
 */
function cpuTimes() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return fields.length >= 8 ? { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] } : undefined;
  } catch {
    return undefined;
  }
}

function stolenSince(start) {
  const end = cpuTimes();
  if (!start || !end || end.total === start.total) return undefined;
  return Math.round(((end.steal - start.steal) / (end.total - start.total)) * 1000) / 10;
}

const resultsFile = join(root, only.length ? 'bench/results-partial.json' : 'bench/results.json');
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
// One command, one run: figures are never merged with an earlier run's (issue 18). A run of some
// benchmarks only writes its own results file and prints its table.
const results = { date: new Date().toISOString(), machine, benches: {} };
for (const bench of BENCHES) {
  if (only.length && !only.includes(bench.name)) continue;
  if (!existsSync(join(root, bench.module))) continue;
  console.error(`bench: ${bench.name} …`);
  const started = performance.now();
  const cpuAtStart = cpuTimes();
  const module = await import(join(root, bench.module));
  // One benchmark that breaks (a screen renamed, a host that would not start) is reported in its
  // row, and the others still run: a long run is not thrown away for one failure.
  try {
    const figures = await bench.run(module);
    results.benches[bench.name] = {
      ...figures,
      measuredAt: new Date().toISOString(),
      benchSeconds: Math.round((performance.now() - started) / 1000),
      stolenPercent: stolenSince(cpuAtStart),
    };
  } catch (error) {
    console.error(error);
    results.benches[bench.name] = { failed: String(error?.message ?? error).split('\n')[0], measuredAt: new Date().toISOString() };
  }
  // Written after each one, so a run stopped half-way keeps what it measured.
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
}

const table = [];
const notes = [];
const dates = new Set();
for (const bench of BENCHES) {
  const figures = results.benches[bench.name];
  if (!figures) continue;
  if (figures.measuredAt) dates.add(figures.measuredAt.slice(0, 10));
  if (figures.failed) {
    table.push([`${bench.name}: did not run to the end`, figures.failed.replaceAll('|', '/'), '']);
    continue;
  }
  const module = await import(join(root, bench.module));
  const rows = bench.rows(figures, module);
  // The host's share, on the benchmark's first row: a noisy hour shows as such.
  if (figures.stolenPercent !== undefined && rows[0]) rows[0] = [`${rows[0][0]} [CPU taken by the host during this benchmark: ${figures.stolenPercent} %]`, ...rows[0].slice(1)];
  table.push(...rows);
  // A module's NOTES is a list of sentences, or one (bench/curator.mjs).
  for (const note of [module.NOTES ?? []].flat()) if (!notes.includes(note)) notes.push(note);
}
const when = dates.size ? [...dates].sort().join(' and ') : results.date.slice(0, 10);

const md = `# Performance

Measured by \`npm run bench\` on ${when}: ${machine.cpus} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}.
Raw figures: \`bench/results.json\` (not committed; run the command to get your machine's), with the time each was measured.

| measure | figure | target |
|---|---|---|
${table.map((r) => `| ${r.join(' | ')} |`).join('\n')}
${notes.length ? `\n## How the figures are measured\n\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;
if (!only.length) writeFileSync(join(root, 'docs/performance.md'), md);
console.log(md);
if (Object.values(results.benches).some((b) => b.failed)) process.exitCode = 1;
