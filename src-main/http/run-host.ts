/**
 * What the browser host does from start to stop, with the world passed in (the core, the file
 * check, the browser launcher, stdout and stderr), so the tests can run it whole with fakes.
 * Every way it can fail ends in one plain sentence and an exit code, never in silence.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiImplementation } from '../contract/api';
import type { Logger } from '../core/log';
import type { KioskHost } from '../core/staff/api';
import { CRASH_LOG_FILE, openCrashLog, type CrashLog } from '../core/staff/crash-log';
import { chromiumKioskArgs, findChromium, hasDisplay } from './chromium';
import { parseBrowserHostArgs, USAGE, type HostEnvironment } from './options';
import { startHttpHost, type HttpHost } from './server';

/** The part of the opened core the host uses. */
export interface CoreHandle {
  api: ApiImplementation;
  mediaDir: string;
  tilesDir: string;
  close(): void;
}

/** A launched browser process, reduced to what the host needs. */
export interface LaunchedBrowser {
  kill(): void;
  onExit(listener: (code: number | null) => void): void;
  onError(listener: (error: Error) => void): void;
}

export interface HostDeps {
  argv: readonly string[];
  environment: HostEnvironment;
  rendererDir: string;
  /** Opens the core in `dataDir`; `host` tells staff which host this is (address, crashes). */
  openCore(dataDir: string, host: KioskHost): Promise<CoreHandle>;
  isFile(path: string): boolean;
  launch(command: string, args: string[]): LaunchedBrowser;
  log: Logger;
  /** One line to stdout (the address, the ready line, plain notices). */
  out(line: string): void;
  /** One line to stderr (why it could not start). */
  err(line: string): void;
  now?(): number;
}

export interface RunningHost {
  url: string;
  /** Closes the browser it launched, the server and the store; safe to call twice. */
  stop(): Promise<void>;
  /** Settles once the host has stopped, whoever stopped it. */
  stopped: Promise<void>;
}

export type HostOutcome = { exitCode: number } | { running: RunningHost };

/**
 * A browser that exits sooner than this after launch was most likely a wrapper handing over to
 * another process, or one that could not start: keep serving rather than vanish.
 */
const QUICK_EXIT_MS = 10_000;

/** Parses options, opens the core, serves, and opens the kiosk window when it can. */
export async function runBrowserHost(deps: HostDeps): Promise<HostOutcome> {
  const parsed = parseBrowserHostArgs(deps.argv, deps.environment);
  if (!parsed.ok) {
    deps.err(parsed.message);
    return { exitCode: 2 };
  }
  const options = parsed.options;
  if (options.help) {
    deps.out(USAGE);
    return { exitCode: 0 };
  }
  if (!existsSync(join(deps.rendererDir, 'index.html'))) {
    deps.err(`The kiosk's screens are not built (no index.html in ${deps.rendererDir}): run npm run build first.`);
    return { exitCode: 1 };
  }

  // The address is known once the server listens, after the core is open.
  let url: string | null = null;
  const crashes = openCrashLog(join(options.dataDir, CRASH_LOG_FILE), { log: deps.log, ...(deps.now ? { now: deps.now } : {}) });
  const kioskHost: KioskHost = { kind: 'browser', address: () => url, versions: { node: process.versions.node }, recentCrashes: () => crashes.recent() };
  let core: CoreHandle;
  try {
    core = await deps.openCore(options.dataDir, kioskHost);
  } catch (error) {
    deps.err(`Vitrine could not open its data folder ${options.dataDir}: ${messageOf(error)}`);
    return { exitCode: 1 };
  }

  let host: HttpHost;
  try {
    host = await startHttpHost({ api: core.api, rendererDir: deps.rendererDir, mediaDir: core.mediaDir, tilesDir: core.tilesDir, log: deps.log, port: options.port });
  } catch (error) {
    core.close();
    deps.err(listenFailure(error, options.port));
    return { exitCode: 1 };
  }
  url = host.url;
  deps.out(`Vitrine is running at ${host.url}`);
  deps.out(`VITRINE_READY ${host.url}`);

  let browser: LaunchedBrowser | null = null;
  let stopping: Promise<void> | null = null;
  let markStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const stop = () =>
    (stopping ??= (async () => {
      try {
        browser?.kill();
        await host.close();
        core.close();
      } catch (error) {
        deps.log.error('http', 'Stopping was not clean', error);
      } finally {
        // Whatever failed, the process must still be able to exit.
        markStopped();
      }
    })());

  if (options.openBrowser) {
    browser = openKioskWindow(deps, host.url, join(options.dataDir, 'chromium-profile'), crashes, () => void stop());
  }
  return { running: { url: host.url, stop, stopped } };
}

/** Launches the kiosk window, or says in one sentence why not and where to point a browser. */
function openKioskWindow(deps: HostDeps, url: string, profileDir: string, crashes: CrashLog, stopHost: () => void): LaunchedBrowser | null {
  const chromium = findChromium(deps.environment, deps.isFile);
  const display = hasDisplay(deps.environment);
  if (!chromium || !display) {
    const missing = !chromium && !display
      ? 'No Chromium-family browser and no display (DISPLAY or WAYLAND_DISPLAY) were found'
      : !chromium
        ? 'No Chromium-family browser was found (install chromium or set CHROMIUM_PATH)'
        : 'No display was found (neither DISPLAY nor WAYLAND_DISPLAY is set)';
    deps.out(`${missing}, so no kiosk window was opened: open ${url} in a browser on this machine.`);
    return null;
  }
  const now = deps.now ?? Date.now;
  const launchedAt = now();
  const browser = deps.launch(chromium, chromiumKioskArgs(url, profileDir));
  deps.log.info('http', 'Kiosk window launched', { chromium });
  let failedToStart = false;
  browser.onError((error) => {
    failedToStart = true;
    deps.out(`The browser ${chromium} could not be started (${error.message}): open ${url} in a browser on this machine.`);
  });
  browser.onExit((code) => {
    if (failedToStart) return;
    if (now() - launchedAt < QUICK_EXIT_MS) {
      deps.out(`The browser exited at once (exit code ${code ?? 'none'}); Vitrine keeps running at ${url}`);
      return;
    }
    // The window is the app: closing it (or a crash, for a supervisor to restart) ends the host.
    // A crash is kept for the staff screen of the next start.
    if (code !== 0) crashes.record('browser', `The kiosk window's browser ended with ${code === null ? 'a signal' : `exit code ${code}`}`);
    deps.out('The kiosk window was closed, so Vitrine stops.');
    stopHost();
  });
  return browser;
}

function listenFailure(error: unknown, port: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return `Port ${port} is already in use; start with --port <another>.`;
  if (code === 'EACCES') return `Port ${port} may not be used by this user; start with --port <another>.`;
  return `The browser host could not start: ${messageOf(error)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
