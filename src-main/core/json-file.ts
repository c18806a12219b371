/**
 * Small JSON files of state beside the store (the crash log, the GPU crash count): convenience
 * records that must never stop a kiosk from starting. Read: a missing file is "nothing yet".
 * Written atomically and durably: a temporary file, flushed to the disk (fsync), renamed over the
 * old one, and the folder flushed too, so after a power cut the file is the old one or the new one,
 * whole, and a rename the disk never kept cannot bring back a file written before it (issue 19).
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type JsonFileFs = Pick<typeof nodeFs, 'readFileSync' | 'writeFileSync' | 'renameSync' | 'mkdirSync' | 'rmSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'readdirSync'>;

/** The parsed file, or undefined when there is none; throws when it is there but not JSON. */
export function readJsonFile(path: string, fs: JsonFileFs = nodeFs): unknown {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text) as unknown;
}

/** Writes `value` as indented JSON through a temporary file renamed over `path`. */
export function writeJsonFileAtomically(path: string, value: unknown, fs: JsonFileFs = nodeFs): void {
  const temp = `${path}.${process.pid}.tmp`;
  fs.mkdirSync(dirname(path), { recursive: true });
  removeLeftovers(path, fs);
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(value, null, 2) + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, path);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(path), fs);
}

/** Temporary files of earlier writes cut short (a kill between write and rename): never read, removed. */
function removeLeftovers(path: string, fs: JsonFileFs): void {
  const name = basename(path);
  const leftover = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.tmp$`);
  try {
    for (const entry of fs.readdirSync(dirname(path))) if (leftover.test(entry)) fs.rmSync(join(dirname(path), entry), { force: true });
  } catch {
    // a folder that cannot be listed: the write below still works
  }
}

/** Flushes a folder's entries (the rename) to the disk; where a folder cannot be opened (Windows), NTFS journals it. */
function syncFolder(folder: string, fs: JsonFileFs): void {
  let fd: number;
  try {
    fd = fs.openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the rename stands either way.
  } finally {
    fs.closeSync(fd);
  }
}
