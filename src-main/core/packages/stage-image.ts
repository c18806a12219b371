/**
 * Staging one image (an artifact's image, or a recording's poster): copied aside and checked
 * (stage-file.ts), then read as an image (real format, pixel limit), given its screen renditions
 * and, for an artifact's image, its Deep Zoom tiles.
 */
import { inspectImage, RENDITIONS, writeRendition, type ImageFormat } from '../media/images';
import { hashFile } from '../media/store';
import { hasTiles, readPyramid, tilePyramidDir, writeTiles, type PyramidLayout } from '../media/tiles';
import { PackageError } from './errors';
import { copyAside, type DeclaredFile, type StagedFile } from './stage-file';
import type { PackageSource } from './source';

export interface StagedMedia {
  /** `width` and `height` as the file's header gives them; `shown` after its EXIF orientation. */
  original: StagedFile<ImageFormat> & { bytes: number; width: number; height: number; shown: { width: number; height: number } };
  display: StagedFile<'webp'>;
  thumb: StagedFile<'webp'>;
  /** The staged Deep Zoom pyramid folder, or null when the store already has this image's tiles (or none is made). */
  tiles: string | null;
  /** How the image's pyramid (staged or already stored) is cut, or null if that is not known. */
  pyramid: PyramidLayout | null;
}

export interface ImageStageOptions {
  /** The store's tile folder: an image already tiled there is not tiled again. */
  tilesDir: string;
  /** Renditions the store already made for an original with this SHA-256, if any. */
  knownRenditions?: ((sha256: string) => { display: string; thumb: string } | null) | undefined;
}

/**
 * Stages the image `entry` (manifest field `field`) into `dir`. `tiles: false` for a poster: it is
 * shown whole before its recording plays, never zoomed into.
 */
export async function stageImage(source: PackageSource, entry: DeclaredFile, field: string, dir: string, options: ImageStageOptions, { tiles: tiled = true } = {}): Promise<StagedMedia> {
  const { path: temp, sha256, bytes } = await copyAside(source, entry, field, dir);
  let info;
  try {
    info = await inspectImage(temp);
  } catch (error) {
    throw new PackageError(entry.file, null, (error as Error).message);
  }
  const damaged = (error: unknown) => new PackageError(entry.file, null, `an image that decodes completely, but it is damaged (${(error as Error).message}): save it again from the original in an image editor`);
  const shown = { width: info.shownWidth, height: info.shownHeight };
  const original = { path: temp, sha256, ext: info.format, bytes, width: info.width, height: info.height, shown };

  // An image the store already has (same bytes) keeps its renditions and tiles: no work twice.
  const known = options.knownRenditions?.(sha256);
  let display: StagedFile<'webp'>, thumb: StagedFile<'webp'>;
  if (known) {
    display = { path: null, sha256: known.display, ext: 'webp' };
    thumb = { path: null, sha256: known.thumb, ext: 'webp' };
  } else {
    const made: Partial<Record<'display' | 'thumb', StagedFile<'webp'>>> = {};
    for (const rendition of RENDITIONS) {
      const out = `${temp}.${rendition.name}.webp`;
      // Writing a rendition decodes every pixel: it is also the check that the image is whole.
      await writeRendition(temp, out, rendition).catch((error: unknown) => Promise.reject(damaged(error)));
      made[rendition.name] = { path: out, sha256: await hashFile(out), ext: 'webp' };
    }
    display = made.display!;
    thumb = made.thumb!;
  }
  if (!tiled) return { original, display, thumb, tiles: null, pyramid: null };
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
