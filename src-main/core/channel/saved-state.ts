/**
 * What the channel follower keeps across restarts, in the data folder's channel/state.json: the
 * sequence of the latest channel.json it read, so an older one put back on the server (a replay
 * of a signed file) is refused. A missing or damaged file is "nothing read yet": the channel's
 * signature still binds, and the store still refuses older versions.
 */
import { join } from 'node:path';
import { readJsonFile, writeJsonFileAtomically } from '../json-file';

export const STATE_FILE = 'state.json';

export interface SavedState {
  url: string;
  sequence: number;
}

export function readSaved(dir: string): SavedState | null {
  try {
    const saved = readJsonFile(join(dir, STATE_FILE)) as Partial<SavedState> | undefined;
    return typeof saved?.url === 'string' && typeof saved.sequence === 'number' ? { url: saved.url, sequence: saved.sequence } : null;
  } catch {
    return null;
  }
}

export function writeSaved(dir: string, state: SavedState): void {
  writeJsonFileAtomically(join(dir, STATE_FILE), state);
}
