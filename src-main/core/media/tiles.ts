/**
 * Deep Zoom tile pyramids, made once per image at import. A pyramid is named by its original's
 * SHA-256, so an unchanged image is never tiled twice, whatever package brings it again; it is
 * written aside and renamed into place, so a folder that exists is a complete pyramid.
 */
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { MAX_PIXELS } from './images';

/** 512 px tiles: a quarter of the requests of 256 px tiles for the same screen, still light to decode. */
export const TILE_SIZE = 512;
export const TILE_OVERLAP = 1;

/** The folder of an image's pyramid: `<tilesDir>/ab/<sha256>/` holding `image.dzi` and `image_files/`. */
export function tilePyramidDir(tilesDir: string, sha256: string): string {
  return join(tilesDir, sha256.slice(0, 2), sha256);
}

/** The URL both hosts serve an image's Deep Zoom descriptor at. */
export function tilesUrl(sha256: string): string {
  return `/tiles/${sha256}/image.dzi`;
}

/** True when a complete pyramid for this image is already in the store. */
export async function hasTiles(tilesDir: string, sha256: string): Promise<boolean> {
  try {
    return (await stat(join(tilePyramidDir(tilesDir, sha256), 'image.dzi'))).isFile();
  } catch {
    return false;
  }
}

/** Writes the pyramid of `input` into the new folder `outDir` (image.dzi + image_files/). */
export async function writeTiles(input: string, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  // The format must be set before .tile(), or sharp silently writes a single image.
  await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .rotate()
    .jpeg({ quality: 84, mozjpeg: false })
    .tile({ size: TILE_SIZE, overlap: TILE_OVERLAP, layout: 'dz' })
    .toFile(join(outDir, 'image.dz'));
}

/** Moves a staged pyramid into the store under its image's hash; one already there is kept. */
export async function adoptTiles(tilesDir: string, stagedDir: string, sha256: string): Promise<void> {
  const target = tilePyramidDir(tilesDir, sha256);
  if (await hasTiles(tilesDir, sha256)) {
    await rm(stagedDir, { recursive: true, force: true });
    return;
  }
  await mkdir(join(tilesDir, sha256.slice(0, 2)), { recursive: true });
  // A leftover partial folder (from a crash before this check existed) must not block the rename.
  await rm(target, { recursive: true, force: true });
  await rename(stagedDir, target);
}
