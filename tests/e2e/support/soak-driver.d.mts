/** Types of soak-driver.mjs, for the spec (the driver is plain JavaScript so Node runs it alone). */
import type { CDPSession, Page } from '@playwright/test';

export interface SoakOptions {
  /** The kiosk's address. */
  url: string;
  /** Seeds the random visitor: the same seed and options replay the same run. */
  seed: number;
  /** Stop after this many actions (and/or minutes, whichever comes first). */
  actions?: number;
  minutes?: number;
  /** A visitor's look at each screen before the next action, in ms (0: at once). */
  paceMs?: number;
  /** The idle settings the host was started with. */
  idle: { timeoutSeconds: number; countdownSeconds: number };
  /** The visitor walks away after a number of actions drawn from [min, max]. */
  resetEvery?: [number, number];
  /** Largest accepted growth of the JS objects the renderer keeps (the JS heap without V8's compiled code), last reset over first (0.05 = 5 %). */
  maxHeapGrowth?: number;
  /** Staff imports through the inbox every `every` actions, with packages made in `packages`. */
  staff?: { pin: string; inbox: string; every: number; packages: string };
  log?: (line: string) => void;
  /** Count what the visitor is shown (visits, screens, objects, languages), for report.visitors. */
  countVisitors?: boolean;
  /** Awaited after each idle reset's memory sample, on the attract screen (e.g. to take a heap snapshot). */
  afterReset?: (at: { cdp: CDPSession; reset: number; afterAction: number; staffImports: number }) => Promise<void> | void;
}

export interface SoakProblem {
  /** The action during which it happened (0: while loading). */
  action: number;
  kind: string;
  detail: string;
}

export interface MemorySample {
  afterAction: number;
  /** The whole JS heap in use after a forced GC (Runtime.getHeapUsage). */
  heapUsedBytes: number;
  /** From a heap snapshot taken next: V8's compiled code and its metadata, and every other JS object. */
  compiledCodeBytes: number;
  heapObjectsBytes: number;
  detachedDomNodes: number;
  /** The timers pending in Playwright's clock ("setTimeout 90000 ms"), or null without it. */
  pendingTimers: string[] | null;
  domNodes: number | null;
  jsEventListeners: number | null;
  rendererRssBytes: number | null;
}

export interface SoakReport {
  ok: boolean;
  seed: number;
  options: Record<string, unknown>;
  startedAt: string;
  durationMs: number;
  actions: number;
  counts: Record<string, number>;
  resets: number;
  staffImports: number;
  /** With countVisitors: what the visitor was shown, counted as the kiosk's analytics count it (visit-tally.mjs). */
  visitors: { visits: number; screens: Record<string, number>; opens: Record<string, number>; languages: Record<string, number> } | null;
  /** Requests the browser cancelled because the visitor moved on (not failures). */
  cancelledRequests: number;
  memory: { heapGrowth: number | null; heapObjectsGrowth: number | null; rendererRssGrowth: number | null; samples: MemorySample[] };
  problems: SoakProblem[];
  /** The last actions, newest last. */
  trail: { n: number; move: string }[];
}

export function runSoak(page: Page, options: SoakOptions): Promise<SoakReport>;
export function makeSoakPackage(dir: string, k: number): string;
