/**
 * Deep Zoom tile pyramids, made once per image at import. A pyramid is named by its original's
 * SHA-256, so an unchanged image is never tiled twice, whatever package brings it again; it is
 * written aside and renamed into place, so a folder that exists is a complete pyramid.
 */
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
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

/** The URL of the folder holding an image's tiles (`<level>/<column>_<row>.<format>`). */
export function tileFolderUrl(sha256: string): string {
  return `/tiles/${sha256}/image_files/`;
}

export type TileFormat = 'jpeg' | 'png' | 'webp';

/** How a pyramid is cut: the facts its descriptor holds, which a viewer needs to open it. */
export interface PyramidLayout {
  /** Size of the full-resolution level: the image as shown, after its EXIF orientation. */
  width: number;
  height: number;
  tileSize: number;
  overlap: number;
  format: TileFormat;
}

const TILE_FORMATS: readonly string[] = ['jpeg', 'png', 'webp'] satisfies TileFormat[];

/**
 * Reads the layout of the pyramid in `dir` from its descriptor (`image.dzi`, as libvips writes
 * it). Read, not assumed: a pyramid is kept for as long as any version uses its image, so one
 * cut by an older Vitrine may have another tile size than TILE_SIZE says today.
 */
export async function readPyramid(dir: string): Promise<PyramidLayout> {
  const path = join(dir, 'image.dzi');
  const xml = await readFile(path, 'utf8');
  const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];
  const count = (name: string, least: number) => {
    const value = Number(attribute(name));
    if (!Number.isInteger(value) || value < least) throw new Error(`${path}: ${name} should be a whole number of at least ${least}, but it is ${attribute(name) ?? 'missing'}`);
    return value;
  };
  const format = attribute('Format') ?? '';
  if (!TILE_FORMATS.includes(format)) throw new Error(`${path}: Format should be one of ${TILE_FORMATS.join(', ')}, but it is "${format}"`);
  return { width: count('Width', 1), height: count('Height', 1), tileSize: count('TileSize', 1), overlap: count('Overlap', 0), format: format as TileFormat };
}

/** True when a complete pyramid for this image is already in the store. */
export async function hasTiles(tilesDir: string, sha256: string): Promise<boolean> {
  try {
    return (await stat(join(tilePyramidDir(tilesDir, sha256), 'image.dzi'))).isFile();
  } catch {
    return false;
  }
}

/** Writes the pyramid of `input` into the new folder `outDir` (image.dzi + image_files/); returns its layout. */
export async function writeTiles(input: string, outDir: string): Promise<PyramidLayout> {
  await mkdir(outDir, { recursive: true });
  // The format must be set before .tile(), or sharp silently writes a single image.
  await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .rotate()
    .jpeg({ quality: 84, mozjpeg: false })
    .tile({ size: TILE_SIZE, overlap: TILE_OVERLAP, layout: 'dz' })
    .toFile(join(outDir, 'image.dz'));
  return readPyramid(outDir);
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
