/**
 * Staging: every media file of a package is copied aside, checked (size, checksum, real image,
 * pixel limit) and given its screen renditions, before anything of the live exhibit is touched.
 * A refused package leaves only its own staging folder behind, which the importer removes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inspectImage, RENDITIONS, writeRendition, type ImageFormat } from '../media/images';
import { hashFile } from '../media/store';
import { hasTiles, readPyramid, tilePyramidDir, writeTiles, type PyramidLayout } from '../media/tiles';
import { checkpoint } from '../checkpoints';
import { MAX_PROBLEMS, PackageError, Problems } from './errors';
import { MANIFEST_FILE, type Manifest, type ManifestMedia } from './manifest';
import type { PackageSource } from './source';

export interface StagedFile {
  /** Where the staged copy is, or null when the store already holds this exact file. */
  path: string | null;
  sha256: string;
  ext: ImageFormat | 'webp';
}

export interface StagedMedia {
  /** `width` and `height` as the file's header gives them; `shown` after its EXIF orientation. */
  original: StagedFile & { bytes: number; width: number; height: number; shown: { width: number; height: number } };
  display: StagedFile;
  thumb: StagedFile;
  /** The staged Deep Zoom pyramid folder, or null when the store already has this image's tiles. */
  tiles: string | null;
  /** How the image's pyramid (staged or already stored) is cut, or null if that is not known. */
  pyramid: PyramidLayout | null;
}

export interface StageOptions {
  /** The store's tile folder: an image already tiled there is not tiled again. */
  tilesDir: string;
  /** Renditions the store already made for an original with this SHA-256, if any. */
  knownRenditions?: (sha256: string) => { display: string; thumb: string } | null;
  onProgress?: (done: number, total: number) => void;
}

/** Staged media keyed by the manifest's file name. */
export type StagedSet = Map<string, StagedMedia>;

/** Copies and checks every media file of `manifest` into `stagingDir`, two at a time. */
export async function stageMedia(source: PackageSource, manifest: Manifest, stagingDir: string, options: StageOptions): Promise<StagedSet> {
  await mkdir(stagingDir, { recursive: true });
  const jobs: { media: ManifestMedia; field: string }[] = [];
  manifest.artifacts.forEach((artifact, a) =>
    artifact.media.forEach((media, m) => jobs.push({ media, field: `artifacts[${a}].media[${m}]` })),
  );
  const staged: StagedSet = new Map();
  // Every image is checked, and every refusal kept (issue 17: ten bad images take one run); a
  // failure that is not the package's (a full disk) stops at once.
  const problems = new Problems();
  let next = 0;
  let done = 0;
  let failed = false;
  // libvips already uses threads per image; two images at once keeps both cores busy on small images.
  const worker = async () => {
    while (next < jobs.length && !failed && problems.size < MAX_PROBLEMS) {
      const job = jobs[next++]!;
      try {
        staged.set(job.media.file, await stageOne(source, job.media, job.field, stagingDir, options));
        checkpoint('stage');
      } catch (error) {
        if (!(error instanceof PackageError)) {
          failed = true;
          throw error;
        }
        error.media = job.field;
        problems.add(error);
      }
      options.onProgress?.(++done, jobs.length);
    }
  };
  // Wait for both workers to stop before reporting, so nobody writes into a folder being removed.
  const results = await Promise.allSettled([worker(), worker()]);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  problems.check();
  return staged;
}

async function stageOne(source: PackageSource, media: ManifestMedia, field: string, dir: string, options: StageOptions): Promise<StagedMedia> {
  if (!source.names().includes(media.file)) {
    throw new PackageError(MANIFEST_FILE, `${field}.file`, `the name of a file in the package, but "${media.file}" is not there`);
  }
  const temp = join(dir, randomBytes(8).toString('hex'));
  const hash = createHash('sha256');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      // Stop reading as soon as the file is longer than declared: never trust declared sizes.
      if (bytes > media.bytes) return done(new PackageError(media.file, null, `${media.bytes} bytes as the manifest says (${field}.bytes), but it is larger`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(await source.open(media.file), counter, createWriteStream(temp));
  if (bytes !== media.bytes) throw new PackageError(media.file, null, `${media.bytes} bytes as the manifest says (${field}.bytes), but it has ${bytes}`);
  const sha256 = hash.digest('hex');
  if (sha256 !== media.sha256) throw new PackageError(media.file, null, `the checksum given in ${field}.sha256, but its content differs (damaged or replaced file)`);

  let info;
  try {
    info = await inspectImage(temp);
  } catch (error) {
    throw new PackageError(media.file, null, (error as Error).message);
  }
  const damaged = (error: unknown) => new PackageError(media.file, null, `an image that decodes completely, but it is damaged (${(error as Error).message}): save it again from the original in an image editor`);
  const shown = { width: info.shownWidth, height: info.shownHeight };
  const original = { path: temp, sha256, ext: info.format, bytes, width: info.width, height: info.height, shown };

  // An image the store already has (same bytes) keeps its renditions and tiles: no work twice.
  const known = options.knownRenditions?.(sha256);
  let display: StagedFile, thumb: StagedFile;
  if (known) {
    display = { path: null, sha256: known.display, ext: 'webp' };
    thumb = { path: null, sha256: known.thumb, ext: 'webp' };
  } else {
    const made: Partial<Record<'display' | 'thumb', StagedFile>> = {};
    for (const rendition of RENDITIONS) {
      const out = `${temp}.${rendition.name}.webp`;
      // Writing a rendition decodes every pixel: it is also the check that the image is whole.
      await writeRendition(temp, out, rendition).catch((error: unknown) => Promise.reject(damaged(error)));
      made[rendition.name] = { path: out, sha256: await hashFile(out), ext: 'webp' };
    }
    display = made.display!;
    thumb = made.thumb!;
  }
  let tiles: string | null = null;
  let layout: PyramidLayout | null;
  if (await hasTiles(options.tilesDir, sha256)) {
    // Kept from an earlier import: an unreadable descriptor is the store's trouble, not this
    // package's; the viewer then reads the descriptor itself, as it did before layouts were kept.
    layout = await readPyramid(tilePyramidDir(options.tilesDir, sha256)).catch(() => null);
  } else {
    tiles = `${temp}.tiles`;
    layout = await writeTiles(temp, tiles).catch((error: unknown) => Promise.reject(damaged(error)));
  }
  // The viewer lays the tiles out by this size: a pyramid that disagrees with the image as shown
  // is not promised to it.
  const pyramid = layout && layout.width === shown.width && layout.height === shown.height ? layout : null;
  return { original, display, thumb, tiles, pyramid };
}
