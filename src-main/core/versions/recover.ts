/**
 * What an import cut short (a kill, a power cut) can leave behind, and how it goes: a staging
 * folder, a lock file's temporary twin, and a version whose rows were written but whose files
 * were not all moved into place ('incomplete'). None of it is ever visible to visitors; this
 * clears it before the next import so nothing half-written stands in its way.
 */
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from '../log';
import type { Store } from '../store/connection';
import { collectGarbage } from './gc';
import { LOCK_FILE } from './lock';
import { discardIncomplete } from './versions';

export interface DataDirs {
  mediaDir: string;
  tilesDir: string;
  stagingRoot: string;
}

/** Clears what an interrupted import left. Call holding the data lock. Returns the versions discarded. */
export async function recoverInterruptedImport(store: Store, dirs: DataDirs, log?: Logger): Promise<number[]> {
  await rm(dirs.stagingRoot, { recursive: true, force: true });
  const dataDir = dirname(dirs.mediaDir);
  for (const name of await readdir(dataDir).catch(() => [] as string[])) {
    if (name.startsWith(`${LOCK_FILE}.`) && name !== `${LOCK_FILE}.${process.pid}`) await rm(join(dataDir, name), { force: true });
  }
  const discarded = discardIncomplete(store);
  // Always collected: a clean-up cut short after its switch also leaves files nobody uses.
  const freed = await collectGarbage(store, dirs);
  if (discarded.length > 0 || freed.files + freed.pyramids > 0) log?.warn('import', 'Cleared what an interrupted import left', { versions: discarded, ...freed });
  return discarded;
}
