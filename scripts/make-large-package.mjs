#!/usr/bin/env node
/**
 * Generates a large content package for the import benchmark (bench/import.mjs): N artifacts
 * (default 1,000), each with one real, distinct JPEG (1024 x 768, photo-sized, so each is tiled),
 * spread over 10 sections of 10 topics, packed by the real `vitrine pack` into one archive.
 *   node scripts/make-large-package.mjs [N] [--out out/bench/large-N.vitrine]
 * Uses out/main/cli.js (npm run build), or the CLI named by $VITRINE_CLI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

const root = join(import.meta.dirname, '..');
sharp.cache(false);

/**
 * A distinct image: a number and a block drawn over grain, so that it weighs what a photograph
 * of that size does (about 200 KB as JPEG) and the package is far larger than the importer's memory.
 */
async function makeImage(path, n) {
  const hue = (n * 137) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="768">
    <rect x="${(n * 37) % 600}" y="${(n * 53) % 400}" width="360" height="300" fill="hsl(${(hue + 180) % 360},50%,40%)"/>
    <text x="60" y="700" font-family="sans-serif" font-size="180" fill="#222">No. ${n}</text>
  </svg>`;
  const grain = { type: 'gaussian', mean: 96 + (n % 96), sigma: 22 };
  await sharp({ create: { width: 1024, height: 768, channels: 3, noise: grain } })
    .composite([{ input: Buffer.from(svg) }])
    .jpeg({ quality: 85 })
    .toFile(path);
}

/** The manifest (without image sizes and checksums, which pack fills in) of a generated exhibit with `count` artifacts. */
function exhibitSource(count) {
  const id = (n) => `obj${n}`;
  const perTopic = Math.ceil(count / 100);
  const sections = Array.from({ length: 10 }, (_, s) => ({
    id: `section-${s + 1}`,
    title: `Section ${s + 1}`,
    introduction: [`Generated section ${s + 1} of a benchmark exhibit.`],
    topics: Array.from({ length: 10 }, (_, t) => {
      const first = (s * 10 + t) * perTopic + 1;
      const refs = Array.from({ length: perTopic }, (_, i) => first + i).filter((n) => n <= count);
      return {
        id: `topic-${s + 1}-${t + 1}`,
        era: `Era ${s + 1}`,
        title: `Topic ${s + 1}.${t + 1}`,
        body: refs.length ? refs.flatMap((n) => [{ type: 'paragraph', text: `About object ${n}.` }, { type: 'artifact', ref: id(n) }]) : [{ type: 'paragraph', text: 'No objects.' }],
      };
    }),
  }));
  const artifacts = Array.from({ length: count }, (_, i) => ({
    id: id(i + 1),
    title: `Object number ${i + 1}`,
    caption: `A generated object for the import benchmark, number ${i + 1}.`,
    media: [{ file: `media/${id(i + 1)}.jpg`, alt: `Generated image number ${i + 1}` }],
  }));
  return {
    format: 'vitrine-package',
    schemaVersion: 1,
    package: { id: 'bench-large', version: '1.0.0', title: `Benchmark exhibit, ${count} artifacts` },
    exhibit: { title: `Benchmark exhibit (${count} artifacts)`, language: 'en', sections },
    artifacts,
  };
}

/** Writes the source folder and packs it; returns the package's path. Reuses an existing package. */
export async function makeLargePackage({ artifacts = 1000, out, cli = process.env.VITRINE_CLI ?? join(root, 'out/main/cli.js'), force = false } = {}) {
  const target = resolve(out ?? join(root, 'out/bench', `large-${artifacts}.vitrine`));
  if (existsSync(target) && !force) return target;
  if (!existsSync(cli)) throw new Error(`No CLI at ${cli}: run npm run build first (or set VITRINE_CLI).`);
  const source = `${target}.source`;
  rmSync(source, { recursive: true, force: true });
  mkdirSync(join(source, 'media'), { recursive: true });
  for (let n = 1; n <= artifacts; n++) {
    await makeImage(join(source, 'media', `obj${n}.jpg`), n);
    if (process.stderr.isTTY && n % 50 === 0) process.stderr.write(`\rImages: ${n}/${artifacts}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  writeFileSync(join(source, 'manifest.json'), JSON.stringify(exhibitSource(artifacts), null, 2));
  execFileSync(process.execPath, [cli, 'pack', source, '--out', target], { stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(source, { recursive: true, force: true });
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
  const artifacts = Number(args[0] ?? 1000);
  if (!Number.isInteger(artifacts) || artifacts < 1) {
    console.error('Usage: node scripts/make-large-package.mjs [N] [--out path]');
    process.exit(2);
  }
  console.log(await makeLargePackage({ artifacts, out, force: true }));
}
