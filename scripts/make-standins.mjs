#!/usr/bin/env node
/**
 * Generates the built-in exhibit's stand-in images into assets/exhibit/media/ (not committed:
 * the repo stays small, and `npm run build` makes them once). The original documents are not
 * available, so each image says plainly, in large type and as a watermark, that it is a
 * stand-in. They are several thousand pixels on a side with fine detail, so deep zoom has
 * something to show.
 *
 *   node scripts/make-standins.mjs [exhibit-source-folder]
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = process.argv[2] ?? join(root, 'assets/exhibit');
// exhibit.yaml as `vitrine pack` reads it (docs/content-package.md): every value is text.
const artifacts = Object.entries(parse(readFileSync(join(sourceDir, 'exhibit.yaml'), 'utf8'), { schema: 'failsafe' }).artifacts ?? {}).map(
  ([id, { title, caption = null, permanentUrl = null, images }]) => ({ id, title, caption, permanentUrl, media: images.map((i) => ({ ...i, standIn: i.standIn === 'true' })) }),
);
const self = statSync(fileURLToPath(import.meta.url)).mtimeMs;

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function wrap(text, max) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > max) { lines.push(line); line = word; } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  return lines;
}

function svgFor(artifact, media, page, pages) {
  const photo = artifact.caption !== null; // the Potsdam photograph is the one object with a caption
  const [w, h] = photo ? [4800, 3400] : [3200, 4400];
  const address = artifact.permanentUrl ?? '';
  const title = wrap(artifact.title, photo ? 34 : 24).map((l, i) => `<text x="${w / 2}" y="${1080 + i * 190}" class="title">${esc(l)}</text>`).join('');
  // A field of small, numbered cells: the detail deep zoom reveals.
  const cells = [];
  const cols = photo ? 12 : 8, rows = photo ? 7 : 10, cw = (w - 400) / cols, ch = 150;
  const top = h - 400 - rows * ch;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    const x = 200 + c * cw, y = top + r * ch;
    cells.push(`<rect x="${x}" y="${y}" width="${cw - 8}" height="${ch - 8}" fill="none" stroke="#9b8f78" stroke-width="2"/>` +
      `<text x="${x + 10}" y="${y + 38}" class="tiny">${artifact.id} p${page} ${String.fromCharCode(65 + r)}${c + 1}</text>` +
      `<text x="${x + 10}" y="${y + 80}" class="micro">stand-in image,</text>` +
      `<text x="${x + 10}" y="${y + 112}" class="micro">not the original</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <style>
    text { font-family: 'DejaVu Serif', serif; fill: #2c2418; }
    .band { font-family: 'DejaVu Sans', sans-serif; font-size: 120px; font-weight: bold; fill: #f6efe0; text-anchor: middle; }
    .title { font-size: 170px; text-anchor: middle; }
    .meta { font-family: 'DejaVu Sans', sans-serif; font-size: 80px; text-anchor: middle; fill: #5a4a32; }
    .tiny { font-family: 'DejaVu Sans Mono', monospace; font-size: 30px; fill: #4a3f2c; }
    .micro { font-family: 'DejaVu Sans', sans-serif; font-size: 24px; fill: #6d604a; }
    .mark { font-family: 'DejaVu Sans', sans-serif; font-size: ${photo ? 900 : 700}px; font-weight: bold; fill: #8c2f24; fill-opacity: 0.10; text-anchor: middle; }
  </style>
  <rect width="${w}" height="${h}" fill="#efe6d2"/>
  <rect x="60" y="60" width="${w - 120}" height="${h - 120}" fill="none" stroke="#8c7a5a" stroke-width="12"/>
  <rect x="60" y="60" width="${w - 120}" height="420" fill="#8c2f24"/>
  <text x="${w / 2}" y="230" class="band">STAND-IN IMAGE</text>
  <text x="${w / 2}" y="390" class="band">NOT THE ORIGINAL ${photo ? 'PHOTOGRAPH' : 'DOCUMENT'}</text>
  <text x="${w / 2}" y="760" class="meta">Revelations from the Russian Archives · object ${artifact.id}</text>
  ${title}
  <text x="${w / 2}" y="${1080 + 190 * wrap(artifact.title, photo ? 34 : 24).length + 80}" class="meta">Page ${page} of ${pages}</text>
  <text x="${w / 2}" y="${1080 + 190 * wrap(artifact.title, photo ? 34 : 24).length + 220}" class="meta">The original: ${esc(address.replace('https://', ''))}</text>
  <text x="${w / 2}" y="${h / 2 + 250}" class="mark" transform="rotate(-30 ${w / 2} ${h / 2})">STAND-IN</text>
  ${cells.join('')}
</svg>`;
}

mkdirSync(join(sourceDir, 'media'), { recursive: true });
let made = 0;
for (const artifact of artifacts) {
  for (const [index, media] of artifact.media.entries()) {
    if (!media.standIn) continue;
    const out = join(sourceDir, media.file);
    try {
      if (statSync(out).mtimeMs > self) continue; // already made by this version of the script
    } catch { /* missing: make it */ }
    const svg = svgFor(artifact, media, index + 1, artifact.media.length);
    await sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toFile(out);
    made++;
  }
}
console.log(made ? `Made ${made} stand-in images in ${join(sourceDir, 'media')}` : 'Stand-in images are up to date');
