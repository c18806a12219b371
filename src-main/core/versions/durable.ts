/**
 * Making an import survive a real power cut, not only a killed process. SQLite's WAL with
 * synchronous=NORMAL may lose the last commits on power loss (never consistency), and file data
 * sits in the page cache for a while. So: every file of a new version is flushed to the disk
 * before the commit that marks it ready, and that commit and every switch are synced (FULL),
 * so no clean-up can ever run after a switch the disk has not kept.
 */
import { spawn } from 'node:child_process';
import type { Store } from '../store/connection';

/**
 * Flushes written file data and renames to the disk. One `sync` flushes the thousands of tiles
 * of an import in one go, where an fsync per file would take minutes on a kiosk's SD card or
 * eMMC. Windows has no `sync` command; there NTFS journals the renames, not the data.
 */
export function flushFilesToDisk(): Promise<void> {
  if (process.platform === 'win32') return Promise.resolve();
  // Asynchronous: the kiosk imports from its inbox in the process that answers the screen.
  return new Promise((resolve) => {
    const child = spawn('sync', { stdio: 'ignore', timeout: 120_000 });
    child.on('error', () => resolve()); // no sync command: the commits below are still synced
    child.on('close', () => resolve());
  });
}

/** Runs `fn` (which commits) with synchronous=FULL, so its commit is on the disk when it returns. */
export function durably<T>(store: Store, fn: () => T): T {
  if (store.path === ':memory:') return fn();
  store.db.pragma('synchronous = FULL');
  try {
    return fn();
  } finally {
    store.db.pragma('synchronous = NORMAL');
  }
}
