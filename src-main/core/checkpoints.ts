/**
 * Named moments of an import and of its clean-up (staging, writing rows, moving files, marking
 * ready, switching, collecting garbage). Production registers nothing here: a checkpoint is one
 * property read and does nothing. The power-cut test (tests/unit/cli/power-cut.test.ts) loads
 * tests/helpers/crash-at.mjs with `node --import`, which puts a hook on globalThis that kills the
 * process at the chosen moment; no test logic ships in the kiosk (issue 19).
 */
export type Checkpoint = 'stage' | 'write' | 'adopt' | 'ready' | 'switch' | 'gc';

/** Where a test's hook is found: a registered symbol, so the bundle and the preload agree on it. */
export const CHECKPOINT_HOOK = Symbol.for('vitrine.checkpoint');

/** Tells a registered hook (a test's) that the import reached `name`. */
export function checkpoint(name: Checkpoint): void {
  (globalThis as { [CHECKPOINT_HOOK]?: (name: Checkpoint) => void })[CHECKPOINT_HOOK]?.(name);
}
