/**
 * `vitrine backup`: a consistent copy of a kiosk's store, taken while the kiosk runs. It uses
 * SQLite's online backup API, never a file copy: the store is in WAL mode, so the file alone
 * misses the commits still in vitrine.sqlite-wal, and a copy made during a write can be torn.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { existingDataDir, rejectUnknownOptions, storePath, UsageError } from '../args';

/** A backup that cannot be made; the message says which file and why (exit code 1). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupResult {
  target: string;
  bytes: number;
  /** The store's schema version (PRAGMA user_version), which a restore must match. */
  schemaVersion: number;
  milliseconds: number;
}

/** All remaining pages in one step: one read snapshot, so writers never make the copy restart. */
const ALL_PAGES = 0x7fffffff;

/** Copies the store at `source` to the new file `target`, checks the copy, then names it. */
export async function backupStore(source: string, target: string): Promise<BackupResult> {
  const started = performance.now();
  if (!existsSync(source)) throw new BackupError(`There is no store at ${source}: --data must be the kiosk's data folder (the one holding vitrine.sqlite).`);
  if (resolve(target) === resolve(source)) throw new BackupError(`${target} is the store itself: write the backup to another file.`);
  if (existsSync(target)) throw new BackupError(`${target} already exists: a backup never overwrites a file. Choose a new name.`);
  if (!existsSync(dirname(resolve(target)))) throw new BackupError(`The folder ${dirname(resolve(target))} does not exist.`);
  // Written under another name first, so an interrupted backup never looks like a finished one.
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    // Read-only: a backup must not write to the store (nor migrate it, as openStore would).
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      await db.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      db.close();
    }
    const copy = new Database(partial);
    let check: unknown;
    let schemaVersion: number;
    try {
      // One self-contained file: no -wal beside it to lose when the backup is moved.
      copy.pragma('journal_mode = DELETE');
      check = copy.pragma('integrity_check', { simple: true });
      schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    } finally {
      copy.close();
    }
    if (check !== 'ok') throw new BackupError(`The copy of ${source} failed SQLite's integrity check (${String(check)}); nothing was kept.`);
    renameSync(partial, target);
    return { target, bytes: statSync(target).size, schemaVersion, milliseconds: Math.round(performance.now() - started) };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** vitrine backup <file> [--data DIR] */
export async function backupCommand(args: string[]): Promise<number> {
  const dataDir = existingDataDir(args, 'vitrine backup');
  rejectUnknownOptions(args, 'backup');
  const [target, extra] = args;
  if (!target) throw new UsageError('backup needs the file to write, for example vitrine-2025-01-31.sqlite');
  if (extra) throw new UsageError(`backup takes one file, not also ${extra}`);
  const result = await backupStore(storePath(dataDir), target);
  const megabytes = (result.bytes / 1_048_576).toFixed(1);
  console.log(`Backed up ${storePath(dataDir)} to ${result.target} (${megabytes} MB, schema ${result.schemaVersion}) in ${result.milliseconds} ms; the copy passed SQLite's integrity check.`);
  console.log(`Images are not in it: copy ${resolve(dataDir, 'media')} and ${resolve(dataDir, 'tiles')} too (their files never change once written).`);
  return 0;
}
