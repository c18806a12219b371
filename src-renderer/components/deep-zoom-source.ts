/**
 * What the deep-zoom viewer opens: the image's pyramid given inline (no request for its
 * descriptor first), starting at the level that fills the stage, so that OpenSeadragon's first
 * requests are exactly the tiles of the first sharp view (issue 4, the first frame).
 *
 * Below that level OpenSeadragon would also fetch coarser tiles to stand in while the sharp ones
 * load. Here nothing needs them: the still display image covers the wait, and the visitor can
 * never zoom out past the whole image. Left in, they cost requests (a browser opens at most six
 * at once to one host) and frames: OpenSeadragon starts only a few tiles per frame once more
 * than one level is wanted, so the last sharp tiles were asked for frames later.
 */
import type OpenSeadragon from 'openseadragon';
import type { DeepZoomPyramid, ImageView } from '@contract/types';

/** OpenSeadragon's minPixelRatio (its default): a level is drawn while each of its pixels covers at least half a device pixel. */
const MIN_PIXEL_RATIO = 0.5;

/**
 * The level OpenSeadragon draws for the whole image fitted into a stage of this size (CSS
 * pixels) on a screen of this pixel density: the most detailed one not finer than
 * MIN_PIXEL_RATIO, counted the way OpenSeadragon counts (DZI: level n is 2^n pixels at most
 * across). A stage with no size yet gives level 0, which leaves every level to the viewer.
 */
export function homeLevel(pyramid: Pick<DeepZoomPyramid, 'width' | 'height'>, stageWidth: number, stageHeight: number, pixelRatio: number): number {
  const { width, height } = pyramid;
  // The same expression as OpenSeadragon's TileSource, so both agree even where floating point rounds.
  const maxLevel = Math.ceil(Math.log(Math.max(width, height)) / Math.log(2));
  const drawnWidth = Math.min(stageWidth, (stageHeight * width) / height) * pixelRatio;
  for (let level = maxLevel; level > 0; level--) {
    if (drawnWidth / (width / 2 ** (maxLevel - level)) >= MIN_PIXEL_RATIO) return level;
  }
  return 0;
}

/** The viewer's tile source: the pyramid inline from its home level up, or (layout unknown) its descriptor's URL. */
export function tileSourceOf(image: ImageView, stage: { width: number; height: number }, pixelRatio: number): OpenSeadragon.Options['tileSources'] {
  const p = image.pyramid;
  if (!p) return image.tiles;
  const source = {
    Image: {
      xmlns: 'http://schemas.microsoft.com/deepzoom/2008',
      Url: p.url,
      Format: p.format,
      Overlap: String(p.overlap),
      TileSize: String(p.tileSize),
      Size: { Width: String(p.width), Height: String(p.height) },
    },
    // OpenSeadragon merges this into the tile source's options (DziTileSource.configure).
    minLevel: homeLevel(p, stage.width, stage.height, pixelRatio),
  };
  return source;
}
