/**
 * Each image's size as shown (after its EXIF orientation, the way its renditions and tiles are
 * cut) and its Deep Zoom pyramid's layout, so the viewer opens the tiles at once instead of
 * first fetching their descriptor (issue 4: the first sharp frame).
 *
 * Rows written before stay NULL here: SQL cannot read a file's EXIF header. Nothing is lost and
 * they still display: their size stays the header's (which differs only for a turned photo),
 * and the viewer reads the pyramid's own descriptor (image.dzi), as it did before. Every image a
 * later import brings, again or for the first time, gets its row filled.
 */
export const up = `
ALTER TABLE media ADD COLUMN shown_width INTEGER CHECK (shown_width > 0);
ALTER TABLE media ADD COLUMN shown_height INTEGER CHECK (shown_height > 0);
ALTER TABLE media ADD COLUMN tile_size INTEGER CHECK (tile_size > 0);
ALTER TABLE media ADD COLUMN tile_overlap INTEGER CHECK (tile_overlap >= 0);
-- The last column carries the rules across them: a whole size or none, a whole layout or none,
-- and a layout only with the size it lays out.
ALTER TABLE media ADD COLUMN tile_format TEXT
  CHECK (tile_format IN ('jpeg', 'png', 'webp'))
  CHECK ((shown_width IS NULL) = (shown_height IS NULL))
  CHECK ((tile_size IS NULL) = (tile_format IS NULL) AND (tile_overlap IS NULL) = (tile_format IS NULL))
  CHECK (tile_format IS NULL OR shown_width IS NOT NULL);
`;
