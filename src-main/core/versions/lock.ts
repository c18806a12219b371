/**
 * One import (or clean-up) at a time per data folder, across processes: the kiosk's inbox and a
 * `vitrine import` run by staff must not interleave, or a clean-up could delete a file an import
 * has just moved into place. Inside one process calls queue; across processes a lock file holds
 * the owner's pid. A lock left by a killed process (its pid is gone) or from before the last boot
 * (a power cut) is stale and taken over.
 */
import { linkSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'import.lock';

/** Another process is importing into the same data folder. */
export class DataBusyError extends Error {
  constructor(readonly pid: number) {
    super(`Another import is running on this kiosk's data folder (process ${pid}). Wait for it to finish, then try again.`);
    this.name = 'DataBusyError';
  }
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` holding the data folder's lock; throws DataBusyError when another process holds it. */
export async function withDataLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const before = queues.get(dataDir) ?? Promise.resolve();
  const run = before.catch(() => {}).then(async () => {
    const release = acquireFileLock(dataDir);
    try {
      return await fn();
    } finally {
      release();
    }
  });
  queues.set(dataDir, run);
  try {
    return await run;
  } finally {
    if (queues.get(dataDir) === run) queues.delete(dataDir);
  }
}

function acquireFileLock(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written aside and hard-linked into place: the lock appears atomically, already holding its pid.
    const temp = `${path}.${process.pid}`;
    writeFileSync(temp, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
    try {
      linkSync(temp, path);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = lockOwner(path);
      if (owner !== null) throw new DataBusyError(owner);
      rmSync(path, { force: true }); // stale: its owner is gone
    } finally {
      rmSync(temp, { force: true });
    }
  }
  throw new DataBusyError(lockOwner(path) ?? -1);
}

/** The pid of a live process holding the lock, or null when the lock is stale. */
function lockOwner(path: string): number | null {
  let pid: number;
  try {
    const bootedAt = Date.now() - uptime() * 1000;
    if (statSync(path).mtimeMs < bootedAt) return null; // written before this boot: a power cut
    pid = Number(JSON.parse(readFileSync(path, 'utf8')).pid);
  } catch {
    return null; // unreadable: not a lock this code wrote
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null; // ours: the queue above already serialises us
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
