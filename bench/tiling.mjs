/**
 * Import throughput against sharp alone, on the same images (issue: "Looking closely").
 * Baseline: a process that does only sharp's work per image (metadata, the two renditions and the
 * Deep Zoom pyramid), two images at a time like the importer. Measured: `vitrine import` of the
 * built-in package into a fresh data folder (reading, hashing, checking, staging, renaming,
 * SQLite). Both include one Node start-up. Overhead = import / sharp alone - 1.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const pkg = join(root, 'out/exhibit');
const manifest = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8'));
const images = manifest.artifacts.flatMap((a) => a.media.map((m) => join(pkg, m.file)));

const sharpOnly = `
import sharp from 'sharp';
import { mkdirSync } from 'node:fs';
sharp.cache(false);
const [out, ...images] = process.argv.slice(2);
let next = 0;
async function one(input, i) {
  await sharp(input).metadata();
  await sharp(input).rotate().resize({ width: 2048, height: 2048, fit: 'inside', withoutEnlargement: true }).webp({ quality: 82, effort: 3 }).toFile(out + '/d' + i + '.webp');
  await sharp(input).rotate().resize({ width: 480, height: 480, fit: 'inside', withoutEnlargement: true }).webp({ quality: 74, effort: 3 }).toFile(out + '/t' + i + '.webp');
  mkdirSync(out + '/z' + i, { recursive: true });
  await sharp(input).rotate().jpeg({ quality: 84 }).tile({ size: 512, overlap: 1, layout: 'dz' }).toFile(out + '/z' + i + '/image.dz');
}
const worker = async () => { while (next < images.length) { const i = next++; await one(images[i], i); } };
await Promise.all([worker(), worker()]);
`;

function timed(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Runs both, `runs` times each, alternating, and returns the figures. */
export function benchTiling(runs = 3) {
  const script = join(root, 'bench', '.sharp-only.mjs');
  writeFileSync(script, sharpOnly);
  const base = [];
  const full = [];
  try {
    for (let r = 0; r < runs; r++) {
      const a = mkdtempSync(join(tmpdir(), 'vitrine-bench-sharp-'));
      base.push(timed(() => execFileSync(process.execPath, [script, a, ...images], { cwd: root })));
      rmSync(a, { recursive: true, force: true });
      const b = mkdtempSync(join(tmpdir(), 'vitrine-bench-import-'));
      full.push(timed(() => execFileSync(process.execPath, [join(root, 'out/main/cli.js'), 'import', pkg, '--data', b], { cwd: root })));
      rmSync(b, { recursive: true, force: true });
    }
  } finally {
    rmSync(script, { force: true });
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const megapixels = manifest.artifacts.flatMap((a) => a.media).length;
  return {
    images: images.length,
    sharpAloneMs: base,
    importMs: full,
    ratio: median(full) / median(base),
    imagesPerSecond: (megapixels / median(full)) * 1000,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(benchTiling(Number(process.argv[2] ?? 3)), null, 2));
}
