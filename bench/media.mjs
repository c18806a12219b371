/**
 * Films and sound (issue 20): how soon a tap on Play shows the film moving, and the renderer's
 * memory over 200 plays and stops against the first.
 *
 * - A package of one topic and one object with a 4-second 320 × 180 H.264/AAC film, English
 *   captions and a poster, made by scripts/make-test-media.mjs (ffmpeg) and packed with the
 *   kiosk's own `vitrine pack`; imported into a browser host of its own.
 * - Tap to first frame: a visitor opens the object, looks for a second, and taps Play (a finger
 *   held 40 ms through Playwright's touch). From the lift (`touchend`, when the tap becomes a
 *   click) to the presentation time of the first new video frame after it
 *   (HTMLVideoElement.requestVideoFrameCallback). Then Back, and the object again: each tap meets
 *   a player built anew, as the next visitor's would be.
 * - Memory: on one open object, `cycles` times: Play, a second of the film, Pause, back to the
 *   start. After the first cycle and every 20th, a forced garbage collection (CDP), the JS heap in
 *   use and the renderer process's RSS (/proc). Growth = last sample / first - 1.
 *   node bench/media.mjs [taps] [cycles]      (after npm run build; needs ffmpeg)
 */
import { mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestMedia, ffmpeg } from '../scripts/make-test-media.mjs';
import { rendererRss } from '../tests/e2e/support/soak-watch.mjs';
import { cli, isMain, launchChromium, percentile, preparedDataDir, requireBuild, SCREEN, startHost, tempDir } from './support.mjs';

const TITLE = 'A film of the harbour';
const OPEN = `Open ${TITLE}`;

/** A package folder (manifest.json and media) with one object carrying a film; packed to a zip. */
async function filmPackage(work) {
  const media = await makeTestMedia(join(work, 'made'));
  const src = join(work, 'source');
  mkdirSync(join(src, 'media'), { recursive: true });
  copyFileSync(media['video.mp4'], join(src, 'media/film.mp4'));
  copyFileSync(media['captions.en.vtt'], join(src, 'media/film.en.vtt'));
  copyFileSync(media['poster.png'], join(src, 'media/film-poster.png'));
  await ffmpeg(['-f', 'lavfi', '-i', 'color=c=0x806040:s=1200x900', '-frames:v', '1'], join(src, 'media/still.png'));
  const manifest = {
    format: 'vitrine-package',
    schemaVersion: 1,
    package: { id: 'bench-film', version: '1.0.0', title: 'Benchmark film' },
    exhibit: {
      title: 'The harbour on film',
      language: 'en',
      sections: [{ id: 'films', title: 'Films', topics: [{ id: 'arrival', title: 'Arrival', body: [{ type: 'paragraph', text: 'The ship comes in.' }, { type: 'artifact', ref: 'film' }] }] }],
    },
    artifacts: [
      {
        id: 'film',
        title: TITLE,
        media: [{ file: 'media/still.png', alt: 'A brown still' }],
        recordings: [{ file: 'media/film.mp4', title: 'The harbour', poster: { file: 'media/film-poster.png' }, captions: [{ language: 'en', file: 'media/film.en.vtt' }] }],
      },
    ],
  };
  writeFileSync(join(src, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const zip = join(work, 'film.zip');
  cli(['pack', src, '--out', zip]);
  return zip;
}

/** From the home screen to the film's object, through its section and topic. */
async function openFilm(page) {
  await page.getByRole('button', { name: /^Films/ }).tap();
  await page.getByRole('button', { name: /^Arrival/ }).tap();
  await page.getByRole('button', { name: OPEN }).tap();
  await page.locator('main[data-screen="artifact"] [data-testid="recording"]').waitFor();
}

/** Arms the page to time the next Play tap: from its lift to the first new frame presented. */
function armFirstFrame() {
  const video = document.querySelector('[data-testid="recording"] video');
  const play = [...document.querySelectorAll('[data-testid="recording"] button')].find((b) => b.textContent?.trim() === 'Play');
  if (!video || !play) throw new Error('No film or Play button on the screen.');
  window.__firstFrame = new Promise((resolve) => {
    play.addEventListener('touchend', (event) => {
      const lift = event.timeStamp;
      video.requestVideoFrameCallback((_now, meta) => resolve(meta.presentationTime - lift));
    }, { once: true, capture: true });
  });
}

/** `taps` taps on Play, each on a player built anew; milliseconds from the lift to the first frame. */
async function firstFrames(page, taps) {
  const times = [];
  for (let i = 0; i < taps; i++) {
    await openFilm(page);
    await page.waitForTimeout(1000);
    await page.evaluate(armFirstFrame);
    await page.getByRole('button', { name: 'Play', exact: true }).tap();
    times.push(await page.evaluate(() => window.__firstFrame));
    await page.getByRole('button', { name: 'Pause', exact: true }).tap();
    await page.getByRole('button', { name: 'Back', exact: true }).tap();
    await page.getByRole('button', { name: 'Back', exact: true }).tap();
    await page.getByRole('button', { name: 'Back', exact: true }).tap();
    await page.locator('main[data-screen="home"]').waitFor();
  }
  return times;
}

/** Heap after a forced GC, and renderer RSS. */
async function sample(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { heapBytes: usedSize, rssBytes: await rendererRss(page.context().browser()) };
}

async function playStopCycles(page, cycles) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.enable');
  const samples = [];
  try {
    await openFilm(page);
    for (let cycle = 1; cycle <= cycles; cycle++) {
      await page.getByRole('button', { name: 'Play', exact: true }).tap();
      await page.waitForTimeout(1000);
      await page.getByRole('button', { name: 'Pause', exact: true }).tap();
      await page.evaluate(() => { document.querySelector('[data-testid="recording"] video').currentTime = 0; });
      if (cycle === 1 || cycle % 20 === 0) samples.push({ cycle, ...(await sample(page, cdp)) });
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return samples;
}

/** Runs both measures; returns their figures. */
export async function benchMedia({ taps = 30, cycles = 200 } = {}) {
  requireBuild();
  const work = tempDir('vitrine-bench-media-');
  try {
    const pkg = await filmPackage(work);
    // Idle far away: the walk and the cycles must not meet a reset (the clock pauses while the film plays, not between).
    const dataDir = await preparedDataDir({ pkg, settings: { idleTimeoutSeconds: 3600 }, prefix: 'vitrine-bench-media-data-' });
    const host = await startHost({ dataDir, removeData: true });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage(SCREEN);
      await page.goto(host.url);
      await page.getByRole('button', { name: 'Touch to begin' }).tap();
      const canPlay = await page.evaluate(() => document.createElement('video').canPlayType('video/mp4; codecs="avc1.42E01E, mp4a.40.2"'));
      if (!canPlay) throw new Error('This Chromium cannot play H.264/AAC: no figure would mean anything.');
      const times = await firstFrames(page, taps);
      const samples = await playStopCycles(page, cycles);
      const sorted = [...times].sort((a, b) => a - b);
      const [first, last] = [samples[0], samples.at(-1)];
      const mb = (bytes) => (bytes == null ? null : Math.round((bytes / 2 ** 20) * 100) / 100);
      return {
        taps: times.length,
        firstFrameP50Ms: percentile(sorted, 50),
        firstFrameP95Ms: percentile(sorted, 95),
        firstFrameMaxMs: sorted.at(-1),
        cycles,
        heapFirstMb: mb(first.heapBytes),
        heapLastMb: mb(last.heapBytes),
        heapGrowth: last.heapBytes / first.heapBytes - 1,
        rssFirstMb: mb(first.rssBytes),
        rssLastMb: mb(last.rssBytes),
        rssGrowth: first.rssBytes && last.rssBytes ? last.rssBytes / first.rssBytes - 1 : null,
        samples: samples.map((s) => ({ cycle: s.cycle, heapMb: mb(s.heapBytes), rssMb: mb(s.rssBytes) })),
      };
    } finally {
      await browser.close();
      await host.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Rows of the table in docs/performance.md. */
export function rows(r) {
  const pct = (x) => (x == null ? 'not measured' : `${(x * 100).toFixed(1)} %`);
  return [
    [`Tap on Play to the film's first new frame presented (${r.taps} taps, each on a new player)`, `p50 ${r.firstFrameP50Ms.toFixed(0)} ms, p95 ${r.firstFrameP95Ms.toFixed(0)} ms, max ${r.firstFrameMaxMs.toFixed(0)} ms`, ''],
    [`Renderer JS heap after a forced GC, ${r.cycles} plays and stops, last against the first`, `${r.heapFirstMb} MB to ${r.heapLastMb} MB (${pct(r.heapGrowth)})`, ''],
    [`Renderer process RSS, ${r.cycles} plays and stops, last against the first`, r.rssFirstMb == null ? 'not measured (Linux only)' : `${r.rssFirstMb} MB to ${r.rssLastMb} MB (${pct(r.rssGrowth)})`, ''],
  ];
}

export const NOTES = [
  'Films (bench/media.mjs): a package of one object with a 4-second 320 × 180 H.264/AAC film (made by ffmpeg, packed by `vitrine pack`). Tap to first frame: from the lift of a 40 ms touch on Play to the presentation time of the first new video frame (requestVideoFrameCallback), each tap on a player built anew after a second\'s look. Memory: Play, one second, Pause, back to the start, 200 times on one player; after the first cycle and every 20th a forced GC, then the JS heap and the renderer\'s RSS. Headless Chromium decodes in software and presents no display frames.',
];

if (isMain(import.meta)) {
  console.log(JSON.stringify(await benchMedia({ taps: Number(process.argv[2] ?? 30), cycles: Number(process.argv[3] ?? 200) }), null, 2));
}
