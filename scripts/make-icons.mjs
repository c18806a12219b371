#!/usr/bin/env node
/**
 * Renders the app icon (assets/icons/vitrine.svg) into what electron-builder wants, under
 * out/icons/: `NxN.png` for Linux (its hicolor theme sizes), `icon.ico` for Windows and
 * `icon.png` (512 px). Run by scripts/package.mjs; the PNGs are build output, not committed.
 *
 *   node scripts/make-icons.mjs [out-folder]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = fileURLToPath(new URL('..', import.meta.url));
export const ICON_SOURCE = join(root, 'assets/icons/vitrine.svg');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
/** Windows shows 16 to 256 px; 256 is the largest an .ico entry can declare. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** The icon as a PNG of `size` px, rendered from the vector (not scaled from one bitmap). */
export function renderPng(size) {
  // 72 dpi renders the 512-unit drawing at 512 px; scale the density so librsvg draws at size.
  return sharp(ICON_SOURCE, { density: (72 * size) / 512 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}

/**
 * An .ico file holding PNG images (allowed since Windows Vista): a 6-byte header, one 16-byte
 * entry per image, then the images. A width or height of 256 is written as 0, as the format says.
 */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** Writes every icon file into `outDir`; returns the paths written. */
export async function makeIcons(outDir) {
  mkdirSync(outDir, { recursive: true });
  const pngs = new Map();
  for (const size of new Set([...LINUX_SIZES, ...ICO_SIZES])) pngs.set(size, await renderPng(size));
  const written = [];
  const write = (name, data) => {
    writeFileSync(join(outDir, name), data);
    written.push(join(outDir, name));
  };
  for (const size of LINUX_SIZES) write(`${size}x${size}.png`, pngs.get(size));
  write('icon.png', pngs.get(512));
  write('icon.ico', icoFromPngs(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(root, 'out/icons'));
  const written = await makeIcons(outDir);
  console.log(`Rendered ${written.length} icon files from assets/icons/vitrine.svg -> ${outDir}`);
}
