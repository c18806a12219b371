/**
 * Named moments of an import where a test can cut the power. `VITRINE_CRASH_AT=adopt:3` kills
 * this process with SIGKILL the third time the import reaches `adopt`, so the power-cut test
 * (tests/unit/cli/power-cut.test.ts) can prove a kill at each step leaves the kiosk whole.
 * Without the variable, a crash point costs one comparison.
 */
export type CrashPoint = 'stage' | 'write' | 'adopt' | 'ready' | 'switch' | 'gc';

const spec = /^(\w+):(\d+)$/.exec(process.env.VITRINE_CRASH_AT ?? '');
const target = spec ? { name: spec[1], at: Number(spec[2]) } : null;
let hits = 0;

/** Dies here (SIGKILL, no clean-up of any kind) when VITRINE_CRASH_AT names this point and hit. */
export function crashPoint(name: CrashPoint): void {
  if (!target || target.name !== name) return;
  hits += 1;
  if (hits === target.at) process.kill(process.pid, 'SIGKILL');
}
