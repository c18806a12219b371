/**
 * The one way content enters the kiosk, the built-in exhibit included: open the package (folder
 * or archive), validate the manifest, stage and check every image, and only then move the media
 * into the content-addressed store and switch to the new version in one transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from '../log';
import type { Store } from '../store/connection';
import { adoptFile, mediaPath } from '../media/store';
import { adoptTiles } from '../media/tiles';
import { MANIFEST_FILE, type Manifest } from './manifest';
import { openPackageSource, readText } from './source';
import { stageMedia, type StagedSet, type StageOptions } from './stage';
import { parseManifest } from './validate';
import { writePackageVersion } from './write';

/** The largest manifest accepted (a 100,000-artifact exhibit fits comfortably). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface ImportOptions {
  mediaDir: string;
  /** Deep Zoom pyramids; defaults to a `tiles` folder beside the media folder. */
  tilesDir?: string;
  /** Where to stage; defaults to a `staging` folder beside the media folder (same file system). */
  stagingRoot?: string;
  /** How the package arrived, kept with the version: "built-in", a file path, "inbox", ... */
  source: string;
  log?: Logger;
  onProgress?: (done: number, total: number) => void;
}

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
  milliseconds: number;
}

export interface CheckedPackage {
  manifest: Manifest;
  manifestSha256: string;
  staged: StagedSet;
}

/**
 * Validates a package completely (manifest, files, checksums, images) into `stagingDir` and
 * hands the result to `use`; the staging folder is removed afterwards whatever happens.
 */
export async function withCheckedPackage<T>(path: string, stagingDir: string, stage: StageOptions, use: (checked: CheckedPackage) => Promise<T>): Promise<T> {
  const source = await openPackageSource(path);
  try {
    const text = await readText(source, MANIFEST_FILE, MAX_MANIFEST_BYTES);
    const manifest = parseManifest(text);
    const manifestSha256 = createHash('sha256').update(text).digest('hex'); // identifies the exact content imported
    const staged = await stageMedia(source, manifest, stagingDir, stage);
    return await use({ manifest, manifestSha256, staged });
  } finally {
    await source.close();
    await rm(stagingDir, { recursive: true, force: true });
  }
}

/** Imports the package at `path` and makes it live. Throws PackageError; the store is then unchanged. */
export async function importPackage(store: Store, path: string, options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const stagingRoot = options.stagingRoot ?? join(dirname(options.mediaDir), 'staging');
  const stagingDir = join(stagingRoot, randomBytes(6).toString('hex'));
  const tilesDir = options.tilesDir ?? join(dirname(options.mediaDir), 'tiles');
  const knownRenditions = knownRenditionsIn(store, options.mediaDir);
  return withCheckedPackage(path, stagingDir, { tilesDir, knownRenditions, onProgress: options.onProgress }, async ({ manifest, manifestSha256, staged }) => {
    // Files first, rows second: a crash in between leaves unused files, never rows without files.
    for (const media of staged.values()) {
      for (const file of [media.original, media.display, media.thumb]) await adoptFile(options.mediaDir, file.path, file.sha256, file.ext);
      if (media.tiles) await adoptTiles(tilesDir, media.tiles, media.original.sha256);
    }
    const versionId = writePackageVersion(store, manifest, staged, { manifestSha256, source: options.source });
    const result: ImportResult = {
      versionId,
      packageId: manifest.package.id,
      version: manifest.package.version,
      title: manifest.package.title,
      artifacts: manifest.artifacts.length,
      topics: manifest.exhibit.sections.reduce((n, s) => n + s.topics.length, 0),
      images: staged.size,
      newImages: [...staged.values()].filter((m) => m.tiles !== null || m.display.path !== null).length,
      milliseconds: Math.round(performance.now() - started),
    };
    options.log?.info('import', `Imported ${result.packageId} ${result.version}`, result);
    return result;
  });
}

/** Looks up renditions the store already made for an original, checking their files are there. */
function knownRenditionsIn(store: Store, mediaDir: string): StageOptions['knownRenditions'] {
  const find = store.db.prepare<[string], { display_sha256: string; thumb_sha256: string }>('SELECT display_sha256, thumb_sha256 FROM media WHERE sha256 = ? LIMIT 1');
  return (sha256) => {
    const row = find.get(sha256);
    if (!row || !existsSync(mediaPath(mediaDir, row.display_sha256, 'webp')) || !existsSync(mediaPath(mediaDir, row.thumb_sha256, 'webp'))) return null;
    return { display: row.display_sha256, thumb: row.thumb_sha256 };
  };
}
