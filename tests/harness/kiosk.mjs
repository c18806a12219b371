/**
 * One kiosk harness, two drivers. Every end-to-end spec and benchmark starts its kiosk here:
 * a data folder (prepared, then settings written through the staff CLI, as staff would), then
 * the host, then a page on the attract screen.
 *
 * - `browser` (the default): the built browser host (out/main/browser-host.js) on a free port,
 *   driven in Chromium. Runs on every machine, CI included.
 * - `electron`: the built app (out/main/main.js) in Electron, through Playwright's
 *   `_electron.launch`: the sandboxed preload, the vitrine:// protocol and the IPC binding.
 * - `electron-packaged`: the packaged test build (docs/deploy.md, "A test build for Playwright").
 *
 * `VITRINE_DRIVER` picks the driver; `npm run test:electron` sets it (scripts/test-electron.mjs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from '@playwright/test';
import { spawnUntilReady } from './ready.mjs';

export const ROOT = join(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'out/main/cli.js');
export const HOST_ENTRY = join(ROOT, 'out/main/browser-host.js');
const ELECTRON_MAIN = join(ROOT, 'out/main/main.js');
/** Where `VITRINE_TEST_BUILD=1 npm run package -- --dir` leaves the Linux test build. */
const PACKAGED_APP = join(ROOT, 'dist/test-build/linux-unpacked/vitrine-kiosk');
/** What the Electron window shows (src-main/electron/app-url.ts). */
const APP_ENTRY_URL = 'vitrine://app/index.html';

export const DRIVERS = ['browser', 'electron', 'electron-packaged'];

/** The driver this run uses. */
export function currentDriver(env = process.env) {
  const driver = env.VITRINE_DRIVER ?? 'browser';
  if (!DRIVERS.includes(driver)) throw new Error(`VITRINE_DRIVER is "${driver}": expected one of ${DRIVERS.join(', ')}.`);
  return driver;
}

/**
 * The Electron executable for `driver`, or the one-line reason there is none on this machine.
 */
export function electronExecutable(driver, env = process.env) {
  if (driver === 'electron-packaged') {
    const app = env.VITRINE_ELECTRON_APP ?? PACKAGED_APP;
    return existsSync(app) ? { path: app } : { why: `no packaged test build at ${app} (make one with VITRINE_TEST_BUILD=1 npm run package -- --dir on a machine with internet)` };
  }
  const dir = join(ROOT, 'node_modules/electron');
  // The electron package records its downloaded binary in path.txt; offline installs skip the
  // download (ELECTRON_SKIP_BINARY_DOWNLOAD), so the file or the binary is missing.
  const pathFile = join(dir, 'path.txt');
  const binary = existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  return binary && existsSync(binary)
    ? { path: binary }
    : { why: "Electron's binary is not installed here (npm ci skipped its download: this machine has no internet); run it where `npm ci` can fetch Electron" };
}

/** Runs the staff CLI on a data folder. */
export function cli(args) {
  return execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Writes settings into a data folder as staff would (`vitrine settings set`, all pairs in one run). */
export function setSettings(dataDir, settings) {
  const pairs = Object.entries(settings).flatMap(([key, value]) => [key, String(value)]);
  if (pairs.length > 0) cli(['settings', 'set', ...pairs, '--data', dataDir, '--create']);
}

/**
 * Starts a kiosk. Options: `settings` (written through the CLI), `prepare(dataDir)` (runs first,
 * e.g. to import a package so it opens live), `dataDir` (else a fresh temporary one, removed by
 * `stop()`), `readyTimeoutMs`, `driver`. Resolves with
 * `{ driver, url, dataDir, spawnedAt, readyAt, pid, open(page), stop() }`: `open(page)` shows the
 * kiosk's start and resolves with the page to drive (the given browser page, or Electron's window).
 */
export async function startKiosk(options = {}) {
  const driver = options.driver ?? currentDriver();
  const ownData = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'vitrine-kiosk-'));
  const removeData = () => {
    if (ownData) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await options.prepare?.(dataDir);
    setSettings(dataDir, options.settings ?? {});
    const started = driver === 'browser' ? await browserKiosk(dataDir, options) : await electronKiosk(driver, dataDir, options);
    return {
      driver,
      dataDir,
      ...started,
      stop: async () => {
        await started.stop();
        removeData();
      },
    };
  } catch (error) {
    removeData();
    throw error;
  }
}

async function browserKiosk(dataDir, { entry = HOST_ENTRY, readyTimeoutMs }) {
  const spawnedAt = epochNow();
  const host = await spawnUntilReady([entry, '--port', '0', '--no-browser', '--data', dataDir], { cwd: ROOT, timeoutMs: readyTimeoutMs });
  return {
    url: host.url,
    spawnedAt,
    readyAt: epochNow(),
    pid: host.child.pid,
    open: async (page, { clock = false } = {}) => {
      if (clock) await page.clock.install();
      await page.goto(host.url);
      return page;
    },
    stop: host.stop,
  };
}

async function electronKiosk(driver, dataDir, { readyTimeoutMs = 180_000 }) {
  const executable = electronExecutable(driver);
  if (!executable.path) throw new Error(`Cannot start the Electron kiosk: ${executable.why}.`);
  const spawnedAt = epochNow();
  const app = await _electron.launch({
    executablePath: executable.path,
    // The built app from the project root; a packaged build carries its own.
    args: driver === 'electron' ? [ELECTRON_MAIN] : [],
    cwd: ROOT,
    // VITRINE_DATA: the data folder the kiosk and the staff CLI share (src-main/core/paths.ts).
    env: { ...process.env, VITRINE_DATA: dataDir },
    timeout: readyTimeoutMs,
  });
  const window = await app.firstWindow({ timeout: readyTimeoutMs });
  await window.waitForURL(APP_ENTRY_URL, { timeout: readyTimeoutMs });
  return {
    url: APP_ENTRY_URL,
    spawnedAt,
    readyAt: epochNow(),
    pid: app.process().pid,
    // One window per kiosk: a fresh start is a reload of it, as after an idle reset. The clock,
    // when asked for, goes in before that reload, so the new document's timers are its own.
    open: async (_page, { clock = false } = {}) => {
      if (clock) await window.clock.install();
      await window.goto(APP_ENTRY_URL);
      return window;
    },
    stop: () => app.close(),
  };
}

/** Milliseconds since the epoch, comparable with a page's `performance.timeOrigin + performance.now()`. */
export const epochNow = () => performance.timeOrigin + performance.now();
