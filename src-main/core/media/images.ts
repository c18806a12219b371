/**
 * Image checks and screen renditions. Every image is decoded once at import, never at a
 * visitor's tap: its real format and size come from the pixels, not from the file name.
 */
import sharp from 'sharp';

// The kiosk process runs for weeks and imports rarely: libvips' operation cache would keep
// hundreds of MB of decoded pixels alive after an import (measured: peak RSS 730 MB with the
// cache, 450 MB without, on the built-in exhibit), and gains nothing here.
sharp.cache(false);

/** Pixel count above which an image is refused before it is decoded (a decompression bomb). */
export const MAX_PIXELS = 200_000_000;

export type ImageFormat = 'jpg' | 'png' | 'webp';

export interface ImageInfo {
  format: ImageFormat;
  /** Size as stored in the file's header. */
  width: number;
  height: number;
  /**
   * Size as shown: after the EXIF orientation is applied, as the renditions and tiles are cut.
   * A phone's portrait photo is often stored landscape with a tag saying "turn me".
   */
  shownWidth: number;
  shownHeight: number;
}

const FORMATS: Record<string, ImageFormat> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/** Reads an image's header; throws a plain-words Error if it is not an image this kiosk can show. */
export async function inspectImage(path: string): Promise<ImageInfo> {
  let meta;
  try {
    // Only the header is read here, so no limit is needed; and with one, sharp would report an
    // over-large image as "not an image" instead of the plain count checked below.
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    throw new Error('an image file (JPEG, PNG or WebP), but this file is not one, or is damaged: open it in an image editor and save it again as JPEG');
  }
  const format = meta.format ? FORMATS[meta.format] : undefined;
  if (!format) throw new Error(`a JPEG, PNG or WebP image, but this is ${meta.format ? meta.format.toUpperCase() : 'an unknown format'}, whatever its name says: save it again as JPEG (or PNG)`);
  const { width = 0, height = 0 } = meta;
  if (width * height > MAX_PIXELS) throw new Error(`an image of at most ${MAX_PIXELS / 1e6} megapixels, but this one is ${Math.round((width * height) / 1e6)} (${width} x ${height}): scale it down and save it again`);
  // EXIF orientations 5-8 turn the image a quarter: width and height trade places.
  return { format, width, height, shownWidth: meta.autoOrient.width, shownHeight: meta.autoOrient.height };
}

export interface Rendition {
  name: 'display' | 'thumb';
  maxSide: number;
  quality: number;
}

/** Screen-sized and card-sized WebP renditions, so a tap never waits on a full-size decode. */
export const RENDITIONS: readonly Rendition[] = [
  { name: 'display', maxSide: 2048, quality: 82 },
  { name: 'thumb', maxSide: 480, quality: 74 },
];

/**
 * Writes one rendition of `input` to `output` (WebP). This decodes every pixel, so it is also
 * the check that an image whose header looked fine is not truncated or corrupt.
 */
export async function writeRendition(input: string, output: string, rendition: Rendition): Promise<void> {
  await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: rendition.maxSide, height: rendition.maxSide, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: rendition.quality, effort: 3 })
    .toFile(output);
}
