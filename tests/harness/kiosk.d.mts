/** Types of kiosk.mjs, for the specs (the harness is plain JavaScript so benchmarks run it with Node alone). */
import type { Page } from '@playwright/test';

export type Driver = 'browser' | 'electron' | 'electron-packaged';
export const DRIVERS: readonly Driver[];
export const ROOT: string;
export const CLI: string;
export const HOST_ENTRY: string;

export function currentDriver(env?: Record<string, string | undefined>): Driver;
export function electronExecutable(driver: Driver, env?: Record<string, string | undefined>): { path: string; why?: undefined } | { path?: undefined; why: string };
export function cli(args: string[]): string;
export function setSettings(dataDir: string, settings: Record<string, string | number | boolean>): void;
export const epochNow: () => number;

export interface KioskOptions {
  settings?: Record<string, string | number | boolean>;
  /** Runs on the data folder before settings and start (e.g. to import a package). */
  prepare?: (dataDir: string) => Promise<void> | void;
  /** A data folder to use (kept by stop()); else a fresh temporary one (removed by stop()). */
  dataDir?: string;
  readyTimeoutMs?: number;
  driver?: Driver;
  /** The browser host's entry (browser driver), when not the built one. */
  entry?: string;
}

export interface RunningKiosk {
  driver: Driver;
  /** The kiosk's start address: http://127.0.0.1:<port>/ or vitrine://app/index.html. */
  url: string;
  dataDir: string;
  /** Epoch milliseconds at spawn and when the host said it was ready. */
  spawnedAt: number;
  readyAt: number;
  pid: number | undefined;
  /**
   * Shows the kiosk's start and resolves with the page to drive (this page, or Electron's window).
   * `clock`: Playwright's clock is installed on that page first (time flowing as usual), so a
   * spec can move the kiosk's idle clock on with `page.clock.runFor` in either driver.
   */
  open(page: Page, options?: { clock?: boolean }): Promise<Page>;
  /** Stops the kiosk (and removes a data folder it made). */
  stop(): Promise<void>;
}

export function startKiosk(options?: KioskOptions): Promise<RunningKiosk>;
