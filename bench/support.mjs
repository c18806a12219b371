/**
 * What the browser benchmarks share: the built browser host started as a kiosk starts it (its own
 * process, a data folder, `VITRINE_READY <url>` when it listens), Chromium with the same offline
 * flags as playwright.config.ts, the staff CLI, and the summary of a list of figures.
 * Times that cross processes are epoch milliseconds (`timeOrigin + now()`), which the bench
 * process and the browser both read from the same system clock.
 */
import { CHROMIUM_ARGS } from '../tests/harness/chromium.mjs';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { cli, CLI, epochNow, HOST_ENTRY, setSettings, startKiosk } from '../tests/harness/kiosk.mjs';

export { cli, CLI, epochNow, HOST_ENTRY, setSettings };

export const root = join(import.meta.dirname, '..');
/** The kiosk's switches and the offline ones (tests/harness/chromium.mjs). */
export const OFFLINE_ARGS = CHROMIUM_ARGS;
/** The kiosk's screen, as in playwright.config.ts. */
export const SCREEN = { hasTouch: true, viewport: { width: 1920, height: 1080 } };


/** Throws a plain sentence when the build the benchmarks run on is missing. */
export function requireBuild() {
  if (!existsSync(HOST_ENTRY) || !existsSync(CLI)) throw new Error('Run npm run build first (no out/main/browser-host.js).');
}

/** A fresh temporary folder. */
export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Starts a browser host (`entry`, the built one unless another copy is named) on a free port
 * with `dataDir`, through the kiosk harness the specs use (tests/harness/kiosk.mjs). Resolves
 * once it prints its ready line, with the epoch time of the spawn, so a caller can time from
 * process start. `stop()` ends it (and removes the folder with `removeData`).
 */
export async function startHost({ dataDir, entry = HOST_ENTRY, removeData = false, readyTimeoutMs = 180_000 }) {
  const kiosk = await startKiosk({ driver: 'browser', dataDir, entry, readyTimeoutMs });
  return {
    ...kiosk,
    stop: async () => {
      await kiosk.stop();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Data folders with a package imported, one per package (by path; '' for the built-in), removed at exit. */
const imports = new Map();
const importedDirs = [];
process.on('exit', () => {
  for (const dir of importedDirs) rmSync(dir, { recursive: true, force: true });
});

async function importOnce(pkg) {
  const dataDir = tempDir('vitrine-bench-imported-');
  importedDirs.push(dataDir);
  if (pkg) {
    cli(['import', pkg, '--now', '--data', dataDir]);
  } else {
    const host = await startHost({ dataDir });
    await host.stop();
  }
  return dataDir;
}

/**
 * A data folder with content already live, as on any morning after the first: the built-in
 * exhibit (imported by one start of the host, as a new kiosk does), or `pkg` imported with
 * `vitrine import --now`. Each package is imported once per process and its folder copied, so
 * the benchmarks of one run share the import's time. Extra `settings` are written with the CLI.
 */
export async function preparedDataDir({ pkg, settings = {}, prefix = 'vitrine-bench-' } = {}) {
  if (!imports.has(pkg ?? '')) imports.set(pkg ?? '', importOnce(pkg));
  const source = await imports.get(pkg ?? '');
  const dataDir = tempDir(prefix);
  cpSync(source, dataDir, { recursive: true });
  setSettings(dataDir, settings);
  return dataDir;
}

/** Chromium as the end-to-end tests run it (Debian's, headless, offline flags). */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: OFFLINE_ARGS });
}

/** Calls the kiosk's API over its HTTP binding, as the renderer does. */
export async function callApi(url, method, args = {}) {
  const response = await fetch(new URL(`api/${method}`, url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
  const envelope = await response.json();
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
  return envelope.result;
}

/** The value at percentile `p` of ascending `sorted` (nearest rank). */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** min, median, p95 and max of a list of figures (rounded to 0.1), and how many there were. */
export function summarize(values) {
  if (values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) throw new Error(`A figure is missing: ${values.join(', ')}`);
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v) => Math.round(v * 10) / 10;
  return { n: sorted.length, min: round(sorted[0]), median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1)) };
}

/** "min …, median …, max …" of a summary, for the table in docs/performance.md. */
export const spread = (s, unit = 'ms') => `min ${s.min} ${unit}, median ${s.median} ${unit}, max ${s.max} ${unit}`;

/** The label before a row about the generated large package, or nothing. */
export const largeLabel = (artifacts) => (artifacts ? `Large package (${artifacts} artifacts): ` : '');

/** `text` as a literal inside a regular expression. */
export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when a module is run as a script (`node bench/x.mjs`) rather than imported. */
export const isMain = (meta) => meta.url === `file://${process.argv[1]}`;
