/**
 * The kiosk's health at a glance for staff (kiosk lesson: "whether the kiosk is healthy, without
 * a keyboard and without a network"): uptime, memory, the database's own check, free disk space,
 * and the crashes the host noticed.
 */
import { statfsSync } from 'node:fs';
import type { CrashReportView, StaffHealthView } from '../../contract/types';
import type { Store } from '../store/connection';

/** Measures the kiosk's health now. */
export function measureHealth(store: Store, options: { dataDir: string; startedAt: number; now: number; crashes?: () => CrashReportView[] }): StaffHealthView {
  const memory = process.memoryUsage();
  return {
    uptimeSeconds: Math.round((options.now - options.startedAt) / 1000),
    memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, heapTotalBytes: memory.heapTotal, externalBytes: memory.external },
    database: quickCheck(store),
    disk: freeDisk(options.dataDir),
    crashes: options.crashes?.() ?? [],
  };
}

/** PRAGMA quick_check: "ok", or the first few problems it found. */
export function quickCheck(store: Store): { ok: boolean; detail: string } {
  try {
    const rows = store.db.pragma('quick_check(5)') as { quick_check: string }[];
    const lines = rows.map((r) => r.quick_check);
    return { ok: lines.length === 1 && lines[0] === 'ok', detail: lines.join('; ') };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

/** Free and total space where `dir` lives, or null when the system cannot tell. */
export function freeDisk(dir: string): StaffHealthView['disk'] {
  try {
    const fs = statfsSync(dir);
    return { freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize };
  } catch {
    return null;
  }
}
