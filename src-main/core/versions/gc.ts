/**
 * Deletes media files and tile pyramids that no package version references any more. Runs only
 * after the transaction that removed the versions has committed (a crash before it leaves the
 * files, a crash during it leaves fewer unused files), and only holding the data lock, so it
 * never races an import that has just moved a file into place.
 */
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { checkpoint } from '../checkpoints';
import type { Store } from '../store/connection';

const TRASH = '.trash-';

export interface GarbageReport {
  files: number;
  pyramids: number;
}

/** What every remaining version references: media file names (images, recordings and theirs) and tiled originals. */
function references(store: Store): { files: Set<string>; tiled: Set<string> } {
  const files = new Set<string>();
  const tiled = new Set<string>();
  const rows = store.db.prepare<[], { sha256: string; ext: string; display_sha256: string; thumb_sha256: string }>(
    'SELECT DISTINCT sha256, ext, display_sha256, thumb_sha256 FROM media',
  );
  for (const row of rows.iterate()) {
    files.add(`${row.sha256}.${row.ext}`);
    files.add(`${row.display_sha256}.webp`);
    files.add(`${row.thumb_sha256}.webp`);
    tiled.add(row.sha256);
  }
  // Recordings (issue 20): the file, its poster and renditions (no tiles), sign-language video,
  // audio description and captions.
  const recordings = store.db.prepare<[], { name: string }>(
    `SELECT sha256 || '.' || ext AS name FROM recordings
     UNION SELECT poster_sha256 || '.' || poster_ext FROM recordings WHERE poster_sha256 IS NOT NULL
     UNION SELECT poster_display_sha256 || '.webp' FROM recordings WHERE poster_sha256 IS NOT NULL
     UNION SELECT poster_thumb_sha256 || '.webp' FROM recordings WHERE poster_sha256 IS NOT NULL
     UNION SELECT sign_language_sha256 || '.' || sign_language_ext FROM recordings WHERE sign_language_sha256 IS NOT NULL
     UNION SELECT audio_description_sha256 || '.' || audio_description_ext FROM recordings WHERE audio_description_sha256 IS NOT NULL
     UNION SELECT sha256 || '.vtt' FROM recording_captions`,
  );
  for (const row of recordings.iterate()) files.add(row.name);
  return { files, tiled };
}

async function list(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return []; // no folder yet: nothing to collect
  }
}

/** Deletes unreferenced files under `mediaDir` and pyramids under `tilesDir`. Call holding the data lock. */
export async function collectGarbage(store: Store, dirs: { mediaDir: string; tilesDir: string }): Promise<GarbageReport> {
  const { files, tiled } = references(store);
  const report: GarbageReport = { files: 0, pyramids: 0 };
  // Both folders are two levels deep: <first two hex digits>/<sha256>[.ext].
  for (const shard of await list(dirs.mediaDir)) {
    for (const name of await list(join(dirs.mediaDir, shard))) {
      if (files.has(name)) continue;
      checkpoint('gc');
      await rm(join(dirs.mediaDir, shard, name), { recursive: true, force: true });
      report.files += 1;
    }
  }
  const shards = await list(dirs.tilesDir);
  // Left by a collection cut short: cleared first, so a new rename to the same name cannot fail.
  for (const left of shards.filter((s) => s.startsWith(TRASH))) await rm(join(dirs.tilesDir, left), { recursive: true, force: true });
  for (const shard of shards.filter((s) => !s.startsWith(TRASH))) {
    for (const name of await list(join(dirs.tilesDir, shard))) {
      if (tiled.has(name)) continue;
      checkpoint('gc');
      // Renamed away first: a pyramid half-deleted in place could keep its image.dzi and look whole
      // to the next import of the same image (media/tiles.ts hasTiles).
      const trash = join(dirs.tilesDir, `${TRASH}${name}`);
      await rename(join(dirs.tilesDir, shard, name), trash);
      await rm(trash, { recursive: true, force: true });
      report.pyramids += 1;
    }
  }
  return report;
}
