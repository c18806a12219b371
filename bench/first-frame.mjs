/**
 * Time from a tap on an artifact to its first sharp deep-zoom frame (issue 4, "Measure and show";
 * target under 200 ms). A browser host of its own on the built output and a fresh data folder,
 * Chromium with the same offline flags as playwright.config.ts, a 1920 × 1080 touch screen. For
 * each of the built-in exhibit's artifacts, `rounds` times: tap its card in the topic's essay, and
 * read the renderer's performance marks (src-renderer/state/first-frame.ts), all measured from
 * `vitrine:artifact-open` (set in the tap's click handler):
 *   - `vitrine:artifact-sharp`: the first painted frame showing the whole image with an image
 *     pixel for every screen pixel: the still display rendition under the viewer, or the
 *     viewer's fully loaded tiles, whichever comes first (p50Ms, p95Ms, maxMs);
 *   - `vitrine:artifact-tiles`: the viewer's own first fully loaded view, when zooming in starts
 *     from sharp tiles (tilesP50Ms, tilesP95Ms, tilesMaxMs).
 * The next tap waits for both, and each object is tapped after a second's look at its topic. The
 * first round meets every image for the first time (files from the host); later rounds may be
 * served from the browser's cache, as on a kiosk that has run for a while. The load average before and after says how busy the machine was meanwhile.
 *   node bench/first-frame.mjs [rounds] [look ms]      (after npm run build)
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { escapeRegExp, launchChromium, percentile, preparedDataDir, requireBuild, root, SCREEN, startHost } from './support.mjs';

const OPEN = 'vitrine:artifact-open';
const SHARP = 'vitrine:artifact-sharp';
const TILES = 'vitrine:artifact-tiles';
const LOOK_MS = 1000;

/** The built-in exhibit's first section with content: its topics and the titles of their artifacts. */
function exhibitPlan() {
  const source = JSON.parse(readFileSync(join(root, 'out/exhibit/manifest.json'), 'utf8'));
  const titles = new Map(source.artifacts.map((a) => [a.id, a.title]));
  const section = source.exhibit.sections.find((s) => s.topics.length > 0);
  return {
    section: section.title,
    topics: section.topics.map((t) => ({
      title: t.title,
      artifacts: t.body.filter((b) => b.type === 'artifact').map((b) => titles.get(b.ref)),
    })),
  };
}

/** Taps every artifact `rounds` times and returns the first-frame times and their summary. */
export async function benchFirstFrame({ rounds = 5, lookMs = LOOK_MS } = {}) {
  requireBuild();
  const plan = exhibitPlan();
  const host = await startHost({ dataDir: await preparedDataDir({ prefix: 'vitrine-bench-frame-' }), removeData: true });
  const browser = await launchChromium();
  const times = [];
  const tileTimes = [];
  const cold = [];
  const loadBefore = loadavg()[0];
  try {
    const page = await browser.newPage(SCREEN);
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Touch to begin' }).tap();
    await page.getByRole('button', { name: new RegExp(`^${escapeRegExp(plan.section)}`) }).tap();
    for (let round = 0; round < rounds; round++) {
      for (const topic of plan.topics) {
        await page.getByRole('button', { name: new RegExp(`^${escapeRegExp(topic.title)}`) }).first().tap();
        await page.locator('main[data-screen="topic"]').waitFor();
        for (const title of topic.artifacts) {
          // A visitor's look at the essay before the object (as in bench/taps.mjs): what the
          // kiosk reads ahead in that second is the kiosk's to use.
          await page.waitForTimeout(lookMs);
          await page.getByRole('button', { name: `Open ${title}` }).tap();
          const [ms, tilesMs] = await page.evaluate(
            ([open, sharp, tiles]) =>
              new Promise((resolve, reject) => {
                const started = performance.now();
                const check = () => {
                  const [a, b, c] = [open, sharp, tiles].map((name) => performance.getEntriesByName(name)[0]);
                  if (a && b && c) resolve([b.startTime - a.startTime, c.startTime - a.startTime]);
                  else if (performance.now() - started > 15_000) reject(new Error('No sharp frame and fully loaded tiles within 15 s.'));
                  else requestAnimationFrame(check);
                };
                check();
              }),
            [OPEN, SHARP, TILES],
          );
          times.push(ms);
          tileTimes.push(tilesMs);
          if (round === 0) cold.push(ms);
          await page.getByRole('button', { name: 'Back', exact: true }).tap();
          await page.locator('main[data-screen="topic"]').waitFor();
        }
        await page.getByRole('button', { name: 'Back', exact: true }).tap();
        await page.locator('main[data-screen="section"]').waitFor();
      }
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const coldSorted = [...cold].sort((a, b) => a - b);
  const tilesSorted = [...tileTimes].sort((a, b) => a - b);
  return {
    runs: times.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1),
    firstVisitP50Ms: percentile(coldSorted, 50),
    firstVisitP95Ms: percentile(coldSorted, 95),
    firstVisitMaxMs: coldSorted.at(-1),
    tilesP50Ms: percentile(tilesSorted, 50),
    tilesP95Ms: percentile(tilesSorted, 95),
    tilesMaxMs: tilesSorted.at(-1),
    lookMs,
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchFirstFrame({ rounds: Number(process.argv[2] ?? 5), lookMs: Number(process.argv[3] ?? LOOK_MS) });
  console.log(JSON.stringify(figures, null, 2));
}
