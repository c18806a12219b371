/**
 * Writes what Electron reports of crashed helper processes (GPU, network service, utilities)
 * into the kiosk's crash log, for the staff screen's health. The renderer's own crashes and hangs
 * come from recovery.ts, which knows which of them it caused itself.
 */
import type { App, Details } from 'electron';
import type { CrashLog } from '../core/staff/crash-log';

export type CrashWatchedApp = Pick<App, 'on' | 'removeListener'>;

/** Records every child process that did not end cleanly; returns a function that stops. */
export function recordChildProcessCrashes(app: CrashWatchedApp, crashes: Pick<CrashLog, 'record'>): () => void {
  const onChildGone = (_event: unknown, details: Details) => {
    if (details.reason === 'clean-exit') return;
    const name = details.name ?? details.serviceName;
    crashes.record(details.type.toLowerCase(), `${name ? `${name}: ` : ''}${details.reason}, exit code ${details.exitCode}`);
  };
  app.on('child-process-gone', onChildGone);
  return () => void app.removeListener('child-process-gone', onChildGone);
}
