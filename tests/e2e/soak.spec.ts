/**
 * The short soak, part of `npm test`: a random visitor plays the kiosk for a few hundred actions
 * (taps on whatever is tappable, swipes, pinches, saves, searches when there is a Search button),
 * walks away again and again so the kiosk resets itself, and staff import a package through the
 * inbox in between. Nothing may go wrong: no uncaught or console error, no failed request, no
 * request outside the app's origin. `npm run soak` runs the same driver for longer.
 * A failure prints its seed: `SOAK_SEED=<seed> npx playwright test soak.spec.ts` replays it.
 */
import { writeFile } from 'node:fs/promises';
import { browserHostOnly, expect, test } from './support/test';
import { runSoak } from './support/soak-driver.mjs';
import { startStaffHost, type StaffHost } from './support/staff-host';

browserHostOnly('the soak driver opens its pages by address (bench/soak for long runs)');

const IDLE = { timeoutSeconds: 5, countdownSeconds: 3 };
const PIN = '2468';
const ACTIONS = Number(process.env.SOAK_ACTIONS ?? 250);
const SEED = process.env.SOAK_SEED ? Number(process.env.SOAK_SEED) : Math.floor(Math.random() * 2 ** 31);
// The bound is on the JS objects the page keeps (soak-driver.mjs: the whole heap also holds the
// code V8 compiles as the visitor meets new paths, +39 % in one such run). In 250 actions they
// grew 8 % (measured: objects first met late, after a first reset only 125 actions in), so a
// quarter leaves room for that warm-up, not for a leak that adds with every visit. The issue's
// 5 % bound is the long run's (npm run soak).
const MAX_HEAP_GROWTH = 0.25;

let staff: StaffHost;

test.beforeAll(async () => {
  staff = await startStaffHost(PIN, { idleTimeoutSeconds: IDLE.timeoutSeconds, idleCountdownSeconds: IDLE.countdownSeconds });
});

test.afterAll(async () => {
  await staff?.stop();
});

test('a random visitor, idle resets and a staff import, and nothing goes wrong', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  testInfo.annotations.push({ type: 'seed', description: String(SEED) });
  console.log(`soak seed ${SEED}`);
  const report = await runSoak(page, {
    url: staff.host.url,
    seed: SEED,
    actions: ACTIONS,
    idle: IDLE,
    resetEvery: [25, 60],
    maxHeapGrowth: MAX_HEAP_GROWTH,
    staff: { pin: PIN, inbox: staff.inbox, every: Math.ceil(ACTIONS / 2), packages: staff.work },
  });
  await writeFile(testInfo.outputPath('soak-report.json'), JSON.stringify(report, null, 2));
  const replay = `seed ${SEED}: replay with SOAK_SEED=${SEED} npx playwright test soak.spec.ts`;
  expect(report.problems, replay).toEqual([]);
  expect(report.actions, replay).toBe(ACTIONS);
  expect(report.resets, replay).toBeGreaterThanOrEqual(3);
  expect(report.staffImports, replay).toBeGreaterThanOrEqual(1);
});
