/**
 * The disk a channel's downloads live on (the data folder's channel/): room is checked before a
 * download starts, and downloads of packages the channel no longer offers are cleared, so a
 * kiosk following a channel for years never fills its disk with them.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { freeDisk } from '../staff/health';
import type { ChannelEntry } from './channel-file';
import { STATE_FILE } from './saved-state';

/** Room kept free besides a package's download and its import: the store, its journal, the logs. */
const DISK_MARGIN = 500 * 1024 * 1024;
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024)).toLocaleString('en');

/**
 * Why `entry` cannot be downloaded for lack of room, in a sentence for staff; null when it fits.
 * The download, then the import beside the live content: about three times its size.
 */
export function noRoomFor(dataDir: string, entry: Pick<ChannelEntry, 'bytes' | 'title' | 'version'>): string | null {
  const disk = freeDisk(dataDir);
  const needed = entry.bytes * 3 + DISK_MARGIN;
  if (!disk || disk.freeBytes >= needed) return null;
  return `Not enough disk space for "${entry.title}" ${entry.version}: it needs about ${mb(needed)} MB free, and ${mb(disk.freeBytes)} MB are. Free space on the kiosk (earlier versions: keepVersions).`;
}

/** Removes every download in `dir` but those of the package with SHA-256 `keep`. */
export async function clearOtherDownloads(dir: string, keep: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name !== STATE_FILE && !name.startsWith(keep)) await rm(join(dir, name), { force: true });
  }
}
