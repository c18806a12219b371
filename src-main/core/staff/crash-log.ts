/**
 * The kiosk's last crashes, for the staff screen's health. A crash is usually followed by a
 * relaunch (recovery, the supervisor, the nightly relaunch), so the records live in a small JSON
 * file in the data folder rather than in memory, bounded to the last few. A file, not a table:
 * the Electron host records GPU crashes before the store is open, and a crash log must never be
 * the reason a kiosk fails to start (unreadable means empty; written atomically).
 */
import type { CrashReportView } from '../../contract/types';
import { readJsonFile, writeJsonFileAtomically, type JsonFileFs } from '../json-file';
import type { Logger } from '../log';

/** The file, beside the store in the data folder. */
export const CRASH_LOG_FILE = 'crashes.json';

/** How many crashes are kept; staff see the newest few. */
export const CRASHES_KEPT = 20;

export interface CrashLog {
  /** Records one crash now ("renderer", "gpu", "browser" …, and what happened) and saves it. */
  record(kind: string, detail: string): void;
  /** The kept crashes, newest first. */
  recent(): CrashReportView[];
}

interface CrashFile {
  version: 1;
  /** Oldest first, so a technician reading the file reads it in order. */
  crashes: CrashReportView[];
}

const isReport = (value: unknown): value is CrashReportView => {
  const r = value as Partial<CrashReportView> | null;
  return typeof r?.at === 'string' && typeof r.kind === 'string' && typeof r.detail === 'string';
};

/** Opens the crash log at `path` (created at the first crash). */
export function openCrashLog(path: string, options: { log?: Logger; now?: () => number; fs?: JsonFileFs } = {}): CrashLog {
  const { log, now = Date.now, fs } = options;
  let crashes = read(path, fs, log);

  return {
    record(kind, detail) {
      crashes = [...crashes, { at: new Date(now()).toISOString(), kind, detail }].slice(-CRASHES_KEPT);
      try {
        const file: CrashFile = { version: 1, crashes };
        writeJsonFileAtomically(path, file, fs);
      } catch (error) {
        log?.warn('crashes', 'Could not save the crash record', error);
      }
    },
    recent: () => [...crashes].reverse(),
  };
}

function read(path: string, fs?: JsonFileFs, log?: Logger): CrashReportView[] {
  try {
    const file = readJsonFile(path, fs) as Partial<CrashFile> | null | undefined;
    if (file === undefined) return []; // never a crash yet
    if (!Array.isArray(file?.crashes)) throw new Error('no crashes list');
    return file.crashes.filter(isReport).slice(-CRASHES_KEPT);
  } catch (error) {
    log?.warn('crashes', 'Crash log unreadable; starting a new one', error);
    return [];
  }
}
