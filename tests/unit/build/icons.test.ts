// @vitest-environment node
/** The app icon: rendered from assets/icons/vitrine.svg into the files electron-builder reads. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/packages';
import { loadConfig, ROOT } from './builder';

interface IconScript {
  LINUX_SIZES: number[];
  ICO_SIZES: number[];
  makeIcons(outDir: string): Promise<string[]>;
}

const icons = (await import(pathToFileURL(join(ROOT, 'scripts/make-icons.mjs')).href)) as IconScript;
let tmp: ReturnType<typeof tempDir>;
let written: string[];

beforeAll(async () => {
  tmp = tempDir();
  written = await icons.makeIcons(tmp.path);
});
afterAll(() => tmp.cleanup());

describe('the app icon', () => {
  it('writes every size Linux uses, named as electron-builder expects, at that size', async () => {
    for (const size of icons.LINUX_SIZES) {
      const file = join(tmp.path, `${size}x${size}.png`);
      expect(written).toContain(file);
      expect(await sharp(file).metadata()).toMatchObject({ format: 'png', width: size, height: size });
    }
  });

  it('draws the mark, not a blank square: transparent rounded corners, an opaque brass-and-stone centre', async () => {
    const { data, info } = await sharp(join(tmp.path, '256x256.png')).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4)];
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(128, 128)[3]).toBe(255);
    const colours = new Set<string>();
    for (let y = 0; y < 256; y += 8) for (let x = 0; x < 256; x += 8) colours.add(pixel(x, y).map((c) => c >> 5).join());
    expect(colours.size).toBeGreaterThan(8);
  });

  it('writes a Windows .ico whose entries are PNGs of the sizes it declares', async () => {
    const ico = readFileSync(join(tmp.path, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, icons.ICO_SIZES.length]);
    for (const [i, size] of icons.ICO_SIZES.entries()) {
      const entry = 6 + 16 * i;
      expect(ico.readUInt8(entry)).toBe(size === 256 ? 0 : size); // 0 means 256 in this format
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: size, height: size });
    }
  });

  it('is what the builder configuration points at (out/icons, written by npm run package)', async () => {
    const config = await loadConfig();
    expect(config.linux?.icon).toBe('out/icons');
    expect(written.map((f) => basename(f))).toContain(basename(String(config.win?.icon)));
    expect(written.map((f) => basename(f))).toContain(basename(String(config.icon)));
  });
});
