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
 * The seed is printed first: the same seed and options replay the same visitor.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { cli, launchChromium, requireBuild, root, SCREEN, setSettings, startHost, tempDir } from '../bench/support.mjs';
import { runSoak } from '../tests/e2e/support/soak-driver.mjs';

const IDLE = { timeoutSeconds: 5, countdownSeconds: 3 };
const PIN = '2468';

function options() {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string' },
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
  const minutes = number('minutes', values.minutes, false);
  let actions = number('actions', values.actions, true);
  if (minutes === undefined && actions === undefined) actions = 1000;
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : number('seed', values.seed, true);
  return {
    minutes,
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
console.log(`soak: seed ${opts.seed} (replay: npm run soak -- --seed ${opts.seed}${opts.actions ? ` --actions ${opts.actions}` : ''}${opts.minutes ? ` --minutes ${opts.minutes}` : ''})`);

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
try {
  const page = await (await browser.newContext(SCREEN)).newPage();
  report = await runSoak(page, {
    url: host.url,
    seed: opts.seed,
    actions: opts.actions,
    minutes: opts.minutes,
    idle: IDLE,
    maxHeapGrowth: opts.maxHeapGrowth,
    staff: { pin: PIN, inbox, every: opts.staffEvery, packages: work },
    log: (line) => console.log(line),
  });
} finally {
  await browser.close();
  await host.stop();
  rmSync(work, { recursive: true, force: true });
}

mkdirSync(dirname(opts.report), { recursive: true });
writeFileSync(opts.report, JSON.stringify(report, null, 2) + '\n');
const pct = (x) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
// The bound's baseline: the second reset's sample once there are three (soak-driver.mjs says why).
const samples = report.memory.samples;
const [first, last] = [samples.length >= 3 ? samples[1] : samples[0], samples.at(-1)];
const mb = (bytes) => (bytes === undefined ? '?' : (bytes / 2 ** 20).toFixed(2));
console.log(`soak: ${report.actions} actions, ${report.resets} idle resets, ${report.staffImports} staff imports in ${(report.durationMs / 1000).toFixed(0)} s; report ${opts.report}`);
console.log(`soak: JS objects kept ${mb(first?.heapObjectsBytes)} -> ${mb(last?.heapObjectsBytes)} MB (${pct(report.memory.heapObjectsGrowth)} from the second reset, the bound's figure; ${pct(report.memory.heapObjectsGrowthFromFirst)} from the first); whole JS heap ${mb(first?.heapUsedBytes)} -> ${mb(last?.heapUsedBytes)} MB (${pct(report.memory.heapGrowth)}), of which compiled code ${mb(first?.compiledCodeBytes)} -> ${mb(last?.compiledCodeBytes)} MB`);
if (!report.ok) {
  for (const p of report.problems) console.error(`soak: action ${p.action}: ${p.kind}: ${p.detail}`);
  console.error(`soak: FAILED (seed ${opts.seed})`);
  process.exit(1);
}
console.log('soak: passed');
