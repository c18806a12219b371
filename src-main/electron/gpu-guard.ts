/**
 * A GPU process that keeps crashing takes the kiosk down with it (kiosk.md: "count GPU crashes
 * and turn hardware acceleration off at the next launch"). Chromium gives up on the GPU after a
 * few crashes in one run, but a kiosk relaunched by its supervisor starts over every time; so the
 * crashes are remembered in userData, and a launch that finds 3 or more in the last 24 hours
 * starts in software rendering. Slower, but on screen.
 *
 * The state file is a convenience, never a reason not to start: missing, unreadable or corrupt
 * means "no crashes"; it is written atomically (temp file + rename), so a power cut mid-write
 * leaves the old file whole.
 */
import type { App, Details } from 'electron';
import { readJsonFile, writeJsonFileAtomically, type JsonFileFs } from '../core/json-file';
import type { Logger } from '../core/log';

/** The file, beside the store in userData. */
export const GPU_STATE_FILE = 'gpu-crashes.json';

export type GpuGuardFs = JsonFileFs;

export interface GpuGuardOptions {
  /** Absolute path of the state file (userData/gpu-crashes.json). */
  statePath: string;
  log: Logger;
  now?: () => number;
  fs?: GpuGuardFs;
  /** This many crashes within `windowMs` turn hardware acceleration off. */
  threshold?: number;
  windowMs?: number;
}

export interface GpuGuard {
  /** Whether this launch runs without hardware acceleration. */
  readonly hardwareAccelerationDisabled: boolean;
  /** Stops counting (on quit). */
  stop(): void;
}

export type GuardedApp = Pick<App, 'disableHardwareAcceleration' | 'on' | 'removeListener'>;

interface GpuState {
  version: 1;
  /** ISO times of GPU process crashes, oldest first; readable by a technician. */
  crashes: string[];
}

/** Keeps the file small however long the kiosk runs. */
const MAX_KEPT = 20;

/** Reads the crash times; anything unexpected reads as "no crashes". */
function readCrashes(fs: GpuGuardFs | undefined, path: string, log: Logger): number[] {
  try {
    const state = readJsonFile(path, fs) as Partial<GpuState> | null | undefined;
    if (state === undefined) return []; // First launch, or never a crash.
    if (!state || !Array.isArray(state.crashes)) throw new Error('no crashes list');
    return state.crashes.map((at) => (typeof at === 'string' ? Date.parse(at) : NaN)).filter(Number.isFinite);
  } catch (error) {
    log.warn('gpu', 'GPU crash record unreadable; counting from zero', error);
    return [];
  }
}

function writeCrashes(fs: GpuGuardFs | undefined, path: string, crashes: number[]): void {
  const state: GpuState = { version: 1, crashes: crashes.slice(-MAX_KEPT).map((at) => new Date(at).toISOString()) };
  writeJsonFileAtomically(path, state, fs);
}

/**
 * Call before `ready`: disables hardware acceleration when the GPU crashed often lately, then
 * records every GPU crash of this run for the next launch.
 */
export function guardAgainstGpuCrashes(app: GuardedApp, options: GpuGuardOptions): GpuGuard {
  const { statePath, log, now = () => Date.now(), fs, threshold = 3, windowMs = 24 * 3_600_000 } = options;
  const recent = () => readCrashes(fs, statePath, log).filter((at) => now() - at < windowMs);

  const before = recent();
  const disabled = before.length >= threshold;
  if (disabled) {
    // Must happen before `ready`; afterwards Electron ignores it.
    app.disableHardwareAcceleration();
    log.warn('gpu', `Hardware acceleration off for this launch: ${before.length} GPU crashes in the last 24 h`);
  }

  const onChildGone = (_event: unknown, details: Details) => {
    if (details.type !== 'GPU') return;
    // Read again rather than trust memory: another launch may have written meanwhile.
    const crashes = [...recent(), now()];
    log.error('gpu', `GPU process gone (${details.reason}, exit code ${details.exitCode}); ${crashes.length} in 24 h`, details);
    try {
      writeCrashes(fs, statePath, crashes);
    } catch (error) {
      log.warn('gpu', 'Could not record the GPU crash', error);
    }
    if (crashes.length >= threshold && !disabled) {
      log.warn('gpu', 'The next launch will start without hardware acceleration');
    }
  };
  app.on('child-process-gone', onChildGone);

  return {
    hardwareAccelerationDisabled: disabled,
    stop: () => void app.removeListener('child-process-gone', onChildGone),
  };
}
