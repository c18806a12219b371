/**
 * The one way content enters the kiosk, the built-in exhibit included: open the package (folder
 * or archive), check its signature and manifest, stage and check every file (images, and video
 * and audio recordings with theirs), and only then write the new version beside the live one,
 * move its files into the content-addressed store, and mark it ready. Going live is a separate,
 * one-transaction switch: at once (`publish: 'now'`) or when the kiosk is idle (versions/publisher.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../log';
import type { Store } from '../store/connection';
import { adoptFile, mediaPath } from '../media/store';
import { adoptTiles } from '../media/tiles';
import { durably, flushFilesToDisk } from '../versions/durable';
import { collectGarbage } from '../versions/gc';
import { withDataLock } from '../versions/lock';
import { recoverInterruptedImport } from '../versions/recover';
import { discardIncomplete, markReady, publishVersion } from '../versions/versions';
import { checkpoint } from '../checkpoints';
import { withCheckedPackage } from './check';
import type { Manifest } from './manifest';
import type { PackageSource, SourceLimits } from './source';
import { refuseOlder } from './version-order';
import type { StageOptions } from './stage';
import { recordingFiles } from './stage-recordings';
import { writePackageVersion } from './write';

export { withCheckedPackage, type CheckedPackage, type CheckOptions } from './check';

/** Where the kiosk's data is, how the package arrived, and when it goes live. */
export interface ImportOptions {
  mediaDir: string;
  /** Deep Zoom pyramids; defaults to a `tiles` folder beside the media folder. */
  tilesDir?: string;
  /** Where to stage; defaults to a `staging` folder beside the media folder (same file system). */
  stagingRoot?: string;
  /** How the package arrived, kept with the version: "built-in", a file path, "inbox", ... */
  source: string;
  /** 'now' switches to the new version at once; 'pending' leaves it for the publisher. Default 'now'. */
  publish?: 'now' | 'pending';
  /** Earlier versions kept for rollback when this import switches (the keepVersions setting). */
  keepVersions?: number;
  /** Public keys whose signature a package must carry; empty or absent: signatures are not required. */
  trustedKeys?: readonly string[];
  limits?: Partial<SourceLimits>;
  /** Lets an older (or the same) version of the live package in: staff asked for it (version-order.ts). */
  allowOlder?: boolean;
  /** Opens the package another way than from `path` (check.ts). */
  open?: () => Promise<PackageSource>;
  log?: Logger;
  onProgress?: (done: number, total: number) => void;
}

/** What an import wrote, for the CLI, the inbox and staff. */
export interface ImportResult {
  versionId: number;
  packageId: string;
  version: string;
  title: string;
  artifacts: number;
  topics: number;
  images: number;
  /** Images decoded and tiled by this import; the rest were already in the store, byte for byte. */
  newImages: number;
  /** Video and audio recordings (issue 20). */
  recordings: number;
  /** True when this import switched the kiosk to the new version; false when it waits for the publisher. */
  live: boolean;
  /** Fingerprint of the trusted key that signed it, or null when signatures were not required. */
  signedBy: string | null;
  milliseconds: number;
}

/** Imports the package at `path`. Throws PackageError for a refused package; the store is then unchanged. */
export async function importPackage(store: Store, path: string, options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const dataDir = dirname(options.mediaDir);
  const dirs = {
    mediaDir: options.mediaDir,
    tilesDir: options.tilesDir ?? join(dataDir, 'tiles'),
    stagingRoot: options.stagingRoot ?? join(dataDir, 'staging'),
  };
  return withDataLock(dataDir, async () => {
    // Holding the lock, nothing else is importing: whatever a cut-short import left can go.
    await recoverInterruptedImport(store, dirs, options.log);
    const stagingDir = join(dirs.stagingRoot, randomBytes(6).toString('hex'));
    const stage: StageOptions = { tilesDir: dirs.tilesDir, knownRenditions: knownRenditionsIn(store, dirs.mediaDir), onProgress: options.onProgress };
    const accept = options.allowOlder ? undefined : (manifest: Manifest) => refuseOlder(store, manifest);
    const check = { ...stage, trustedKeys: options.trustedKeys, limits: options.limits, accept, open: options.open };
    return withCheckedPackage(path, stagingDir, check, async ({ manifest, manifestSha256, staged, signedBy }) => {
      // Rows first, as 'incomplete', then files: the rows protect the files from any clean-up,
      // and a version is only ever switched to once every file it names is in place.
      const versionId = writePackageVersion(store, manifest, staged, { manifestSha256, source: options.source, signedBy });
      let superseded: number[];
      try {
        for (const media of staged.images.values()) {
          for (const file of [media.original, media.display, media.thumb]) {
            await adoptFile(dirs.mediaDir, file.path, file.sha256, file.ext);
            checkpoint('adopt');
          }
          if (media.tiles) await adoptTiles(dirs.tilesDir, media.tiles, media.original.sha256);
        }
        for (const recording of staged.recordings.values()) {
          for (const file of recordingFiles(recording)) {
            await adoptFile(dirs.mediaDir, file.path, file.sha256, file.ext);
            checkpoint('adopt');
          }
        }
        await flushFilesToDisk();
        superseded = durably(store, () => markReady(store, versionId));
      } catch (error) {
        // A full disk, say: the half-moved version goes now rather than at the next import.
        discardIncomplete(store);
        await collectGarbage(store, dirs).catch(() => undefined);
        throw error;
      }
      const removed = [...superseded];
      let live = false;
      if ((options.publish ?? 'now') === 'now') {
        removed.push(...durably(store, () => publishVersion(store, versionId, { keep: options.keepVersions ?? 3 })).removed);
        live = true;
      }
      // After the commit, never before: a crash here leaves unused files, never missing ones.
      if (removed.length > 0) await collectGarbage(store, dirs);
      const result: ImportResult = {
        versionId,
        packageId: manifest.package.id,
        version: manifest.package.version,
        title: manifest.package.title,
        artifacts: manifest.artifacts.length,
        topics: manifest.exhibit.sections.reduce((n, s) => n + s.topics.length, 0),
        images: staged.images.size,
        newImages: [...staged.images.values()].filter((m) => m.tiles !== null || m.display.path !== null).length,
        recordings: staged.recordings.size,
        live,
        signedBy,
        milliseconds: Math.round(performance.now() - started),
      };
      options.log?.info('import', `Imported ${result.packageId} ${result.version}${live ? '' : ' (waiting to go live)'}`, result);
      return result;
    });
  });
}

/** Looks up renditions the store already made for an original, checking their files are there. */
function knownRenditionsIn(store: Store, mediaDir: string): StageOptions['knownRenditions'] {
  // A recording's poster is an image too (issue 20), with the same two renditions.
  const find = store.db.prepare<[string, string], { display_sha256: string; thumb_sha256: string }>(
    `SELECT display_sha256, thumb_sha256 FROM (SELECT display_sha256, thumb_sha256 FROM media WHERE sha256 = ? LIMIT 1)
     UNION ALL SELECT * FROM (SELECT poster_display_sha256, poster_thumb_sha256 FROM recordings WHERE poster_sha256 = ? LIMIT 1) LIMIT 1`,
  );
  return (sha256) => {
    const row = find.get(sha256, sha256);
    if (!row || !existsSync(mediaPath(mediaDir, row.display_sha256, 'webp')) || !existsSync(mediaPath(mediaDir, row.thumb_sha256, 'webp'))) return null;
    return { display: row.display_sha256, thumb: row.thumb_sha256 };
  };
}
