/**
 * A kiosk of its own for a spec that needs other settings than the default one: a fresh data
 * folder, settings written through the staff CLI (as staff would), then the host, through the
 * one harness (tests/harness/kiosk.mjs), in whichever driver this run uses.
 * `npm run build` must have run first.
 */
import { startKiosk, type RunningKiosk } from '../../harness/kiosk.mjs';

export type RunningHost = RunningKiosk;

/**
 * Starts a kiosk with the given settings in a temporary data folder. `prepare` runs on the data
 * folder before it starts (e.g. to import a package, so it opens with that package live instead
 * of the built-in exhibit). Drive it with `page = await host.open(page)`.
 */
export function startHost(
  settings: Record<string, string | number | boolean> = {},
  readyTimeoutMs = 120_000,
  prepare?: (dataDir: string) => Promise<void>,
): Promise<RunningHost> {
  return startKiosk({ settings, readyTimeoutMs, prepare });
}
