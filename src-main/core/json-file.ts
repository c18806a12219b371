/**
 * Small JSON files of state beside the store (the crash log, the GPU crash count): convenience
 * records that must never stop a kiosk from starting. Read: a missing file is "nothing yet".
 * Written atomically (temp file + rename), so a power cut mid-write leaves the old file whole.
 */
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';

export type JsonFileFs = Pick<typeof nodeFs, 'readFileSync' | 'writeFileSync' | 'renameSync' | 'mkdirSync' | 'rmSync'>;

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
  try {
    fs.writeFileSync(temp, JSON.stringify(value, null, 2) + '\n');
    fs.renameSync(temp, path);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
