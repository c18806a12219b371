// @vitest-environment node
/**
 * An image's size as shown (after its EXIF orientation) and its pyramid's layout: read at
 * import from a real, EXIF-rotated JPEG, stored, and given to the viewer so it can open the
 * tiles without fetching their descriptor (issue 4). Rows stored before migration 0009 keep
 * displaying through the descriptor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { createApi } from '../../../src-main/core/api';
import { inspectImage } from '../../../src-main/core/media/images';
import { mediaPath } from '../../../src-main/core/media/store';
import { readPyramid, tilePyramidDir, writeTiles } from '../../../src-main/core/media/tiles';
import { pack } from '../../../src-main/core/packages/pack';
import { importPackage } from '../../../src-main/core/packages/importer';
import { createSettingsStore } from '../../../src-main/core/settings/store';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { contentQueries, toImageView, type MediaRow } from '../../../src-main/core/store/content';
import { MIGRATIONS } from '../../../src-main/core/store/migrations/index';
import { smallSource, tempDir, writeSource } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
/** A 1200 × 700 landscape JPEG whose EXIF orientation 6 says "turn a quarter clockwise": shown 700 × 1200. */
let turned: string;

/** Stores a JPEG of `width` × `height` pixels (left half dark, right half light) tagged with `orientation`. */
async function taggedJpeg(path: string, width: number, height: number, orientation: number): Promise<void> {
  const half = await sharp({ create: { width: width / 2, height, channels: 3, background: '#202020' } }).png().toBuffer();
  await sharp({ create: { width, height, channels: 3, background: '#e0e0e0' } })
    .composite([{ input: half, left: 0, top: 0 }])
    .jpeg()
    .withMetadata({ orientation })
    .toFile(path);
}

beforeAll(async () => {
  root = tempDir();
  turned = join(root.path, 'turned.jpg');
  await taggedJpeg(turned, 1200, 700, 6);
});
afterAll(() => root.cleanup());

describe('the size of an image as shown', () => {
  it('is the header’s size turned by the EXIF orientation', async () => {
    expect(await inspectImage(turned)).toEqual({ format: 'jpg', width: 1200, height: 700, shownWidth: 700, shownHeight: 1200 });
    const upright = join(root.path, 'upright.jpg');
    await taggedJpeg(upright, 1200, 700, 1);
    expect(await inspectImage(upright)).toMatchObject({ width: 1200, height: 700, shownWidth: 1200, shownHeight: 700 });
  });

  it('is the size of the pyramid cut from the turned pixels, as its descriptor says', async () => {
    const dir = join(root.path, 'pyramid');
    const layout = await writeTiles(turned, dir);
    expect(layout).toEqual({ width: 700, height: 1200, tileSize: 512, overlap: 1, format: 'jpeg' });
    expect(await readPyramid(dir)).toEqual(layout);
    // The top level really is portrait, and its first column is the dark half turned to the top.
    const top = join(dir, 'image_files', '11');
    expect(existsSync(join(top, '1_2.jpeg'))).toBe(true);
    expect(existsSync(join(top, '2_0.jpeg'))).toBe(false);
    const { dominant } = await sharp(join(top, '0_0.jpeg')).stats();
    expect(dominant.r).toBeLessThan(100);
  });

  it('refuses a descriptor it cannot read, naming the file and the field', async () => {
    const dir = join(root.path, 'broken');
    cpSync(join(root.path, 'pyramid'), dir, { recursive: true });
    const dzi = join(dir, 'image.dzi');
    writeFileSync(dzi, readFileSync(dzi, 'utf8').replace('TileSize="512"', 'TileSize="big"'));
    await expect(readPyramid(dir)).rejects.toThrow(`${dzi}: TileSize should be a whole number of at least 1, but it is big`);
    writeFileSync(dzi, readFileSync(dzi, 'utf8').replace('Format="jpeg"', 'Format="tiff"'));
    await expect(readPyramid(dir)).rejects.toThrow(/Format should be one of jpeg, png, webp, but it is "tiff"/);
  });
});

describe('an imported turned photo', () => {
  let store: Store;
  let dataDir: string;

  beforeAll(async () => {
    const source = smallSource();
    const src = await writeSource(join(root.path, 'source'), source);
    cpSync(turned, join(src, source.artifacts[0].media[0].file));
    const pkg = join(root.path, 'package');
    await pack(src, pkg);
    dataDir = join(root.path, 'data');
    store = openStore(join(dataDir, 'vitrine.sqlite'));
    await importPackage(store, pkg, { mediaDir: join(dataDir, 'media'), source: 'test' });
  });
  afterAll(() => store.close());

  const api = () => createApi(store, { startedAt: 0, settings: createSettingsStore(store.db) });

  it('reaches the viewer with its size as shown and its pyramid inline', async () => {
    const [image] = (await api().getArtifact({ id: 'a1' })).images;
    expect(image).toMatchObject({ width: 700, height: 1200 });
    const sha = /\/tiles\/([0-9a-f]{64})\/image\.dzi$/.exec(image!.tiles)![1]!;
    expect(image!.pyramid).toEqual({ url: `/tiles/${sha}/image_files/`, width: 700, height: 1200, tileSize: 512, overlap: 1, format: 'jpeg' });
    // The same facts as the descriptor the viewer no longer needs to fetch.
    expect(await readPyramid(tilePyramidDir(join(dataDir, 'tiles'), sha))).toMatchObject({ width: 700, height: 1200, tileSize: 512 });
    // Its display rendition is turned the same way.
    const displaySha = /\/media\/([0-9a-f]{64})\.webp$/.exec(image!.display)![1]!;
    const display = await sharp(mediaPath(join(dataDir, 'media'), displaySha, 'webp')).metadata();
    expect(display.height).toBeGreaterThan(display.width);
  });

  it('keeps the header’s size apart, and an upright image is the same both ways', () => {
    const rows = store.db.prepare('SELECT width, height, shown_width, shown_height FROM media ORDER BY id').all();
    expect(rows[0]).toEqual({ width: 1200, height: 700, shown_width: 700, shown_height: 1200 });
    expect(rows[1]).toEqual({ width: 96, height: 128, shown_width: 96, shown_height: 128 });
  });

  it('is laid out from the pyramid already in the store when a package brings it again', async () => {
    const again = smallSource();
    again.package.version = '1.0.1';
    const src = await writeSource(join(root.path, 'source-again'), again);
    cpSync(turned, join(src, again.artifacts[0].media[0].file));
    await pack(src, join(root.path, 'package-again'));
    const result = await importPackage(store, join(root.path, 'package-again'), { mediaDir: join(dataDir, 'media'), source: 'test' });
    expect(result).toMatchObject({ newImages: 0 });
    const row = store.db
      .prepare("SELECT m.* FROM media m JOIN artifacts a ON a.id = m.artifact_id WHERE a.version_id = ? AND a.slug = 'a1'")
      .get(result.versionId) as MediaRow;
    expect(toImageView(row).pyramid).toMatchObject({ width: 700, height: 1200, tileSize: 512, overlap: 1, format: 'jpeg' });
  });
});

describe('migration 0009 (oriented size)', () => {
  it('keeps images stored before it, which still display through their descriptor', () => {
    const path = join(root.path, 'old.sqlite');
    rmSync(path, { force: true });
    // A store as Vitrine wrote it at schema 6, with one image row in it.
    const old = new Database(path);
    old.exec(MIGRATIONS.filter((m) => m.version <= 6).map((m) => m.up).join('\n'));
    old.pragma('user_version = 6');
    old.prepare("INSERT INTO package_versions (id, package_id, version, title, manifest_sha256, source, imported_at) VALUES (1, 'p', '1', 'P', ?, 'test', '2026-01-01T00:00:00Z')").run('0'.repeat(64));
    old.prepare("INSERT INTO artifacts (id, version_id, slug, position, title) VALUES (1, 1, 'a1', 0, 'A')").run();
    old.prepare(
      "INSERT INTO media (artifact_id, page, sha256, ext, bytes, width, height, display_sha256, thumb_sha256, alt, stand_in) VALUES (1, 1, ?, 'jpg', 10, 1200, 700, ?, ?, 'An image', 0)",
    ).run('a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64));
    old.close();

    const store = openStore(path);
    try {
      const [row] = contentQueries(store.db).media.all(1);
      expect(row).toMatchObject({ width: 1200, height: 700, alt: 'An image', shown_width: null, tile_size: null });
      expect(toImageView(row!)).toMatchObject({ width: 1200, height: 700, tiles: `/tiles/${'a'.repeat(64)}/image.dzi`, pyramid: null });
      // Half a size or half a layout is refused.
      expect(() => store.db.prepare('UPDATE media SET shown_width = 700').run()).toThrow(/CHECK constraint failed/);
      expect(() => store.db.prepare('UPDATE media SET shown_width = 700, shown_height = 1200, tile_size = 512').run()).toThrow(/CHECK constraint failed/);
    } finally {
      store.close();
    }
  });
});
