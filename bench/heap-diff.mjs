/**
 * Where the renderer's heap goes between two idle resets: plays the soak (tests/e2e/support/
 * soak-driver.mjs) and takes a Chromium heap snapshot through CDP after chosen resets (on the
 * attract screen, after a forced GC), then prints the objects that grew most between the first
 * and the last snapshot, by type and constructor (count and self size), and the detached DOM nodes.
 * An investigation tool, not a benchmark: the figures in docs/performance.md come from memory.mjs.
 *   node bench/heap-diff.mjs [--actions N] [--staff-every N] [--seed S] [--snapshots 1,5,9] [--out dir]
 *   node bench/heap-diff.mjs --compare a.heapsnapshot b.heapsnapshot
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compiledCodeBytes, heapGrowthByGroup, heapObjectsBytes, summarizeHeapSnapshot, takeHeapSnapshot } from '../tests/e2e/support/heap-snapshot.mjs';
import { runSoak } from '../tests/e2e/support/soak-driver.mjs';
import { cli, isMain, launchChromium, requireBuild, SCREEN, setSettings, startHost, tempDir } from './support.mjs';

const IDLE = { timeoutSeconds: 5, countdownSeconds: 3 };
const PIN = '2468';

function printDiff(a, b) {
  const line = (label, x, y) => console.log(`${label}: ${x} -> ${y} (${y - x >= 0 ? '+' : ''}${y - x})`);
  line('JS objects, bytes', heapObjectsBytes(a), heapObjectsBytes(b));
  line('compiled code, bytes', compiledCodeBytes(a), compiledCodeBytes(b));
  line('Blink (native), bytes', a.byType.native ?? 0, b.byType.native ?? 0);
  line('detached DOM nodes', a.detached, b.detached);
  for (const r of heapGrowthByGroup(a, b)) console.log(`${String(r.bytes).padStart(9)} B ${String(r.count).padStart(7)} (now ${r.countAfter})  ${r.key}`);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { actions: { type: 'string', default: '300' }, 'staff-every': { type: 'string', default: '100000' }, seed: { type: 'string', default: '7' }, snapshots: { type: 'string', default: '1,last' }, out: { type: 'string', default: 'bench/soak/heap' }, compare: { type: 'boolean' } },
  });
  if (values.compare) {
    const [a, b] = positionals.map((file) => summarizeHeapSnapshot(readFileSync(file, 'utf8')));
    printDiff(a, b);
    return;
  }
  requireBuild();
  mkdirSync(values.out, { recursive: true });
  const wanted = values.snapshots.split(',');
  const work = tempDir('vitrine-heap-');
  const [dataDir, inbox] = [join(work, 'data'), join(work, 'inbox')];
  mkdirSync(dataDir);
  mkdirSync(inbox);
  setSettings(dataDir, { idleTimeoutSeconds: IDLE.timeoutSeconds, idleCountdownSeconds: IDLE.countdownSeconds, inboxDir: inbox });
  cli(['staff', 'set-pin', PIN, '--data', dataDir, '--create']);
  const host = await startHost({ dataDir });
  const browser = await launchChromium();
  const taken = [];
  try {
    const page = await (await browser.newContext(SCREEN)).newPage();
    const snap = async (cdp, name) => {
      const file = join(values.out, `${name}.heapsnapshot`);
      writeFileSync(file, await takeHeapSnapshot(cdp));
      taken.push(file);
      console.log(`snapshot ${file}`);
    };
    const report = await runSoak(page, {
      url: host.url,
      seed: Number(values.seed),
      actions: Number(values.actions),
      idle: IDLE,
      maxHeapGrowth: Infinity,
      staff: { pin: PIN, inbox, every: Number(values['staff-every']), packages: work },
      log: console.log,
      afterReset: async ({ cdp, reset, afterAction, staffImports }) => {
        console.log(`reset ${reset} after action ${afterAction} (${staffImports} imports)`);
        if (wanted.includes(String(reset))) await snap(cdp, `reset-${reset}`);
        if (afterAction >= Number(values.actions) && wanted.includes('last')) await snap(cdp, `reset-${reset}-last`);
      },
    });
    const { heapGrowth, heapObjectsGrowth, samples } = report.memory;
    console.log(JSON.stringify({ problems: report.problems, heapGrowth, heapObjectsGrowth, samples }));
  } finally {
    await browser.close();
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  }
  if (taken.length >= 2) printDiff(summarizeHeapSnapshot(readFileSync(taken[0], 'utf8')), summarizeHeapSnapshot(readFileSync(taken.at(-1), 'utf8')));
}

if (isMain(import.meta)) await main();
