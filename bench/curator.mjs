/**
 * A curator's tools, timed (issue 17, "Show it"):
 * - `vitrine validate` and `vitrine pack` of a curator's folder of about 130 MB (generated:
 *   exhibit.yaml, Markdown topics, distinct photo-sized JPEGs), each run kept;
 * - `vitrine preview`: from the moment a file is saved to the moment the screen on show presents
 *   the change, in Chromium, for a text edit (a paragraph of the topic on screen) and for a
 *   replaced image (the object on screen), on the built-in exhibit and on the 130 MB folder.
 *   The clock starts just before the write (epoch time, the same clock the page reads) and stops
 *   at the first animation frame in which the new words are in the page, or the new image is
 *   decoded and in its place.
 *   node bench/curator.mjs      (after npm run build)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { CLI, epochNow, isMain, launchChromium, requireBuild, root, SCREEN, summarize, tempDir } from './support.mjs';
import { spawnUntilReady } from '../tests/harness/ready.mjs';

sharp.cache(false);

/** A distinct photo-sized JPEG (about 200 KB): grain under a block and a number. */
async function photo(path, n, width = 1024, height = 768) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="${(n * 37) % 600}" y="${(n * 53) % 400}" width="360" height="300" fill="hsl(${(n * 137) % 360},50%,40%)"/><text x="60" y="${height - 68}" font-family="sans-serif" font-size="180" fill="#222">No. ${n}</text></svg>`;
  await sharp({ create: { width, height, channels: 3, noise: { type: 'gaussian', mean: 96 + (n % 96), sigma: 22 } } })
    .composite([{ input: Buffer.from(svg) }])
    .jpeg({ quality: 85 })
    .toFile(path);
}

/** A curator's folder of `count` artifacts, one image each, in 5 sections of topics of 10. */
export async function makeCuratorFolder(dir, count) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'media'), { recursive: true });
  const sections = Array.from({ length: 5 }, (_, s) => `  - id: part-${s + 1}\n    title: Part ${s + 1}`).join('\n');
  const artifacts = [];
  for (let n = 1; n <= count; n++) {
    await photo(join(dir, `media/obj${n}.jpg`), n);
    artifacts.push(`  obj${n}:\n    title: Object number ${n}\n    caption: A generated photograph, number ${n}.\n    images:\n      - file: media/obj${n}.jpg\n        alt: Photograph number ${n}`);
  }
  writeFileSync(
    join(dir, 'exhibit.yaml'),
    `package:\n  id: bench-curator\n  version: 1.0.0\n  title: Curator benchmark\n\ntitle: Curator benchmark\nlanguage: en\n\nsections:\n${sections}\n\nartifacts:\n${artifacts.join('\n')}\n`,
  );
  const perTopic = 10;
  for (let t = 0; t * perTopic < count; t++) {
    const section = `part-${(t % 5) + 1}`;
    mkdirSync(join(dir, 'sections', section), { recursive: true });
    const refs = Array.from({ length: Math.min(perTopic, count - t * perTopic) }, (_, i) => `{{artifact obj${t * perTopic + i + 1}}}`).join('\n\n');
    writeFileSync(join(dir, 'sections', section, `${String(t + 1).padStart(3, '0')}-topic-${t + 1}.md`), `---\ntitle: Topic ${t + 1}\n---\n\nThe paragraph of topic ${t + 1}, which the benchmark edits.\n\n${refs}\n`);
  }
  return dir;
}

/** The bytes of every file under `dir`. */
function folderBytes(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const full = join(dir, entry.name);
    return total + (entry.isDirectory() ? folderBytes(full) : statSync(full).size);
  }, 0);
}

/** Times one CLI run; throws with its output when it fails. */
function timed(args) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`vitrine ${args[0]} failed (${run.status}): ${run.stderr}`);
  return ms;
}

/** Starts `vitrine preview` on `dir`; resolves with its address and a stop function. */
function startPreview(dir) {
  return spawnUntilReady([CLI, 'preview', dir, '--port', '0', '--no-browser'], { cwd: root, timeoutMs: 900_000, signal: 'SIGINT' });
}

/** In the page: resolves with the epoch time of the first frame in which `seen()` holds. */
function whenShown(page, kind, value) {
  return page.evaluate(
    ({ kind, value }) =>
      new Promise((resolve) => {
        const seen = () => {
          if (kind === 'text') return document.body.textContent.includes(value);
          const img = document.querySelector('[data-testid="deep-zoom"] img.preview');
          return img && !img.src.endsWith(value) && img.complete && img.naturalWidth > 0;
        };
        const look = () => (seen() ? resolve(performance.timeOrigin + performance.now()) : requestAnimationFrame(look));
        look();
      }),
    { kind, value },
  );
}

/** Save-to-screen times of `edits` text edits and `images` image replacements in a preview of `dir`. */
async function previewTimings(browser, dir, { topicFile, topicButton, sectionButton, objectButton, imageFile, edits = 5, images = 3 }) {
  const preview = await startPreview(dir);
  const page = await browser.newPage(SCREEN);
  const text = [];
  const image = [];
  try {
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Touch to begin' }).click();
    await page.getByRole('button', { name: sectionButton }).first().click();
    await page.getByRole('button', { name: topicButton }).first().click();
    await page.locator('main[data-screen="topic"]').waitFor();
    const path = join(dir, topicFile);
    for (let i = 1; i <= edits; i++) {
      const marker = `Edited ${i} at ${Date.now()}.`;
      const shown = whenShown(page, 'text', marker);
      const saved = epochNow();
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\n\n([^{\n][^\n]*)\n/, `\n\n${marker} $1\n`));
      text.push((await shown) - saved);
    }
    await page.getByRole('button', { name: objectButton }).first().click();
    await page.locator('[data-testid="deep-zoom"] img.preview').waitFor();
    for (let i = 1; i <= images; i++) {
      const before = await page.locator('[data-testid="deep-zoom"] img.preview').getAttribute('src');
      const next = join(dir, `.bench-next-${i}.jpg`);
      await photo(next, 9000 + i, 2400, 1800);
      const shown = whenShown(page, 'image', before);
      const saved = epochNow();
      cpSync(next, join(dir, imageFile));
      rmSync(next);
      image.push((await shown) - saved);
    }
  } finally {
    await page.close();
    await preview.stop();
  }
  return { text: summarize(text), image: summarize(image), textRuns: text, imageRuns: image };
}

export async function benchCurator({ artifacts = 650, runs = 2 } = {}) {
  requireBuild();
  const work = tempDir('vitrine-bench-curator-');
  try {
    const big = await makeCuratorFolder(join(work, 'big'), artifacts);
    const megabytes = folderBytes(big) / 1e6;
    const validateMs = [];
    const packMs = [];
    for (let i = 0; i < runs; i++) {
      validateMs.push(timed(['validate', big]));
      packMs.push(timed(['pack', big, '--out', join(work, `big-${i}.vitrine`)]));
    }
    const builtin = join(work, 'builtin');
    cpSync(join(root, 'assets/exhibit'), builtin, { recursive: true });
    const browser = await launchChromium();
    try {
      const small = await previewTimings(browser, builtin, {
        topicFile: 'sections/the-soviet-union-and-the-united-states/06-postwar-estrangement.md',
        sectionButton: /^The Soviet Union and the United States/, topicButton: /^Postwar Estrangement/, objectButton: /^Open Stalin at Potsdam/, imageFile: 'media/obj6-1.jpg',
      });
      const large = await previewTimings(browser, big, {
        topicFile: 'sections/part-1/001-topic-1.md', sectionButton: /^Part 1/, topicButton: /^Topic 1\b/, objectButton: /^Open Object number 1\b/, imageFile: 'media/obj1.jpg',
      });
      return { artifacts, megabytes, runs, validate: summarize(validateMs), pack: summarize(packMs), validateRuns: validateMs, packRuns: packMs, preview: { builtin: small, large } };
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const s = (x) => `min ${(x.min / 1000).toFixed(1)} s, median ${(x.median / 1000).toFixed(1)} s, max ${(x.max / 1000).toFixed(1)} s (${x.n} runs)`;
const m = (x) => `min ${x.min} ms, median ${x.median} ms, max ${x.max} ms (${x.n} saves)`;

/** The rows for docs/performance.md. */
export function rows(r) {
  const size = `${r.megabytes.toFixed(0)} MB, ${r.artifacts} images`;
  return [
    [`vitrine validate of a curator's folder (${size})`, s(r.validate), ''],
    [`vitrine pack of the same folder (checked as an import will, images decoded and tiled)`, s(r.pack), ''],
    ['vitrine preview, save to screen: a text edit, built-in exhibit', m(r.preview.builtin.text), 'no image processed again'],
    ['vitrine preview, save to screen: a replaced image, built-in exhibit', m(r.preview.builtin.image), ''],
    [`vitrine preview, save to screen: a text edit, ${size}`, m(r.preview.large.text), ''],
    [`vitrine preview, save to screen: a replaced image, ${size}`, m(r.preview.large.image), ''],
  ];
}

export const NOTES = 'Curator tools (bench/curator.mjs): the folder is generated (distinct 1024 x 768 JPEGs of about 200 KB); validate and pack run one after the other, every run kept. Preview: the clock starts just before the file is written and stops at the first animation frame in which the page holds the new words, or the new image is decoded in place; each save waits for the one before to show.';

if (isMain(import.meta)) {
  console.log(JSON.stringify(await benchCurator({ artifacts: Number(process.argv[2] ?? 650) }), null, 2));
}
