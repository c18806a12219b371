/**
 * Loaded with `node --import` by the power-cut test: `VITRINE_CRASH_AT=adopt:3` kills this process
 * with SIGKILL (no clean-up of any kind) the third time the import reaches the checkpoint `adopt`
 * (src-main/core/checkpoints.ts). Without the variable it registers nothing.
 */
const spec = /^(\w+):(\d+)$/.exec(process.env.VITRINE_CRASH_AT ?? '');
if (spec) {
  const [, name, at] = spec;
  let hits = 0;
  globalThis[Symbol.for('vitrine.checkpoint')] = (reached) => {
    if (reached !== name) return;
    hits += 1;
    if (hits === Number(at)) process.kill(process.pid, 'SIGKILL');
  };
}
