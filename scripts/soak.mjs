#!/usr/bin/env node
/**
 * `npm run soak` (after `npm run build`): a random visitor plays the kiosk in Chromium against
 * the browser host for a given time or number of actions, with idle resets and staff imports
 * through the inbox in between (tests/e2e/support/soak-driver.mjs). Fails (exit 1) on any
 * uncaught error, console error, failed request, request outside the app's origin, or growth of
 * the JS objects the renderer keeps over the bound (the whole JS heap, V8's compiled code included,
 * is reported beside it: soak-driver.mjs says why), and writes what it saw to bench/soak/ (not committed).
 *   node scripts/soak.mjs [--minutes N] [--actions N] [--seed S] [--max-heap-growth 0.05]
 *                         [--staff-every N] [--report file.json]
 *   node scripts/soak.mjs --hours 8 [--pace-ms 4000] [--plot docs/soak-memory.svg]
 * --hours: a kiosk's day at a visitor's pace (a look of --pace-ms at each screen, idle reset
 * 30 s + 10 s), with the day's bounds (issue 18): renderer RSS at most 400 MB at every sample,
 * whole JS heap growth under 10 % after the first hour, the host process's RSS flat (under 10 %
 * after the first hour). Every sample is in the report; --plot draws them (soak-plot.mjs).
 * The seed is printed first: the same seed and options replay the same visitor.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { cli, launchChromium, requireBuild, root, SCREEN, setSettings, startHost, tempDir } from '../bench/support.mjs';
import { runSoak } from '../tests/e2e/support/soak-driver.mjs';
import { dayBounds, hostRss, plotSamples } from './soak-plot.mjs';

const QUICK_IDLE = { timeoutSeconds: 5, countdownSeconds: 3 };
/** A day's run: the visitor looks at each screen, so the idle reset must wait longer than a look. */
const DAY_IDLE = { timeoutSeconds: 30, countdownSeconds: 10 };
const PIN = '2468';

function options() {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string' },
      hours: { type: 'string' },
      'pace-ms': { type: 'string' },
      plot: { type: 'string' },
      actions: { type: 'string' },
      seed: { type: 'string' },
      'max-heap-growth': { type: 'string', default: '0.05' },
      'staff-every': { type: 'string', default: '400' },
      report: { type: 'string' },
    },
  });
  const number = (name, value, integer) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
      throw new Error(`--${name} must be a ${integer ? 'whole ' : ''}number above 0 (got "${value}").`);
    }
    return n;
  };
  const hours = number('hours', values.hours, false);
  const minutes = hours ? hours * 60 : number('minutes', values.minutes, false);
  let actions = number('actions', values.actions, true);
  if (minutes === undefined && actions === undefined) actions = 1000;
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : number('seed', values.seed, true);
  return {
    minutes,
    hours,
    paceMs: number('pace-ms', values['pace-ms'], true) ?? (hours ? 4000 : 0),
    plot: values.plot,
    actions,
    seed,
    maxHeapGrowth: number('max-heap-growth', values['max-heap-growth'], false),
    staffEvery: number('staff-every', values['staff-every'], true),
    report: values.report ?? join(root, 'bench/soak', `soak-${seed}.json`),
  };
}

let opts;
try {
  opts = options();
  requireBuild();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
console.log(`soak: seed ${opts.seed} (replay: npm run soak -- --seed ${opts.seed}${opts.actions ? ` --actions ${opts.actions}` : ''}${opts.hours ? ` --hours ${opts.hours}` : opts.minutes ? ` --minutes ${opts.minutes}` : ''}${opts.paceMs ? ` --pace-ms ${opts.paceMs}` : ''})`);

const IDLE = opts.hours ? DAY_IDLE : QUICK_IDLE;
const work = tempDir('vitrine-soak-');
const dataDir = join(work, 'data');
const inbox = join(work, 'inbox');
mkdirSync(inbox, { recursive: true });
mkdirSync(dataDir);
setSettings(dataDir, { idleTimeoutSeconds: IDLE.timeoutSeconds, idleCountdownSeconds: IDLE.countdownSeconds, inboxDir: inbox });
cli(['staff', 'set-pin', PIN, '--data', dataDir, '--create']);
const host = await startHost({ dataDir });
const browser = await launchChromium();
let report;
const hostSamples = [];
try {
  const page = await (await browser.newContext(SCREEN)).newPage();
  report = await runSoak(page, {
    url: host.url,
    seed: opts.seed,
    actions: opts.actions,
    minutes: opts.minutes,
    idle: IDLE,
    paceMs: opts.paceMs,
    // The host's RSS beside each renderer sample: the store, the API and the server must stay flat.
    afterReset: ({ afterAction }) => void hostSamples.push({ afterAction, hostRssBytes: hostRss(host.pid) }),
    maxHeapGrowth: opts.maxHeapGrowth,
    staff: { pin: PIN, inbox, every: opts.staffEvery, packages: work },
    log: (line) => console.log(line),
  });
} finally {
  await browser.close();
  await host.stop();
  rmSync(work, { recursive: true, force: true });
}

for (const sample of report.memory.samples) sample.hostRssBytes = hostSamples.find((h) => h.afterAction === sample.afterAction)?.hostRssBytes ?? null;
if (opts.hours) {
  report.dayBounds = dayBounds(report.memory.samples);
  for (const missed of report.dayBounds.filter((b) => !b.met)) report.problems.push({ action: report.actions, kind: 'day-bound', detail: `${missed.bound}: ${missed.figure}` });
  report.ok = report.problems.length === 0;
}
if (opts.plot) writeFileSync(opts.plot, plotSamples(report.memory.samples, { title: `Soak, seed ${opts.seed}: ${report.actions} actions, ${report.resets} idle resets in ${(report.durationMs / 3_600_000).toFixed(2)} h` }));
mkdirSync(dirname(opts.report), { recursive: true });
writeFileSync(opts.report, JSON.stringify(report, null, 2) + '\n');
const pct = (x) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
// The bound's baseline: the second reset's sample once there are three (soak-driver.mjs says why).
const samples = report.memory.samples;
const [first, last] = [samples.length >= 3 ? samples[1] : samples[0], samples.at(-1)];
const mb = (bytes) => (bytes === undefined ? '?' : (bytes / 2 ** 20).toFixed(2));
console.log(`soak: ${report.actions} actions, ${report.resets} idle resets, ${report.staffImports} staff imports in ${(report.durationMs / 1000).toFixed(0)} s; report ${opts.report}`);
console.log(`soak: JS objects kept ${mb(first?.heapObjectsBytes)} -> ${mb(last?.heapObjectsBytes)} MB (${pct(report.memory.heapObjectsGrowth)} from the second reset, the bound's figure; ${pct(report.memory.heapObjectsGrowthFromFirst)} from the first); whole JS heap ${mb(first?.heapUsedBytes)} -> ${mb(last?.heapUsedBytes)} MB (${pct(report.memory.heapGrowth)}), of which compiled code ${mb(first?.compiledCodeBytes)} -> ${mb(last?.compiledCodeBytes)} MB`);
for (const b of report.dayBounds ?? []) console.log(`soak: ${b.met ? 'met' : 'MISSED'}: ${b.bound}: ${b.figure}`);
if (!report.ok) {
  for (const p of report.problems) console.error(`soak: action ${p.action}: ${p.kind}: ${p.detail}`);
  console.error(`soak: FAILED (seed ${opts.seed})`);
  process.exit(1);
}
console.log('soak: passed');
