/**
 * Command-line options of the browser host. Pure: the environment, platform, home and working
 * folders come in as arguments, so the tests can play Linux, macOS and Windows on one machine.
 * A bad value is refused with a sentence a technician can act on, never silently defaulted.
 */
import { defaultDataDir, pathFor, type HostEnvironment } from '../core/paths';

export const DEFAULT_PORT = 4380;

export interface BrowserHostOptions {
  /** 0 picks any free port. */
  port: number;
  /** Absolute data folder (store, media, the kiosk browser's profile). */
  dataDir: string;
  /** False with --no-browser: only serve, and print the address. */
  openBrowser: boolean;
  help: boolean;
}

export type { HostEnvironment };
export { defaultDataDir };

export type ParseResult = { ok: true; options: BrowserHostOptions } | { ok: false; message: string };

/** Text printed for --help. */
export const USAGE = `Usage: vitrine-browser-host [options]

Serves the Vitrine kiosk on this machine only (127.0.0.1) and opens it in a Chromium kiosk window.

Options:
  --port N       port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
  --data DIR     data folder (default: $VITRINE_DATA, else the platform's app-data folder)
  --no-browser   only serve; print the address to open
  --help         show this help`;

/** Parses argv (without node and the script); `--opt value` and `--opt=value` both work. */
export function parseBrowserHostArgs(argv: readonly string[], environment: HostEnvironment): ParseResult {
  const path = pathFor(environment.platform);
  let port = DEFAULT_PORT;
  let dataDir: string | null = null;
  let openBrowser = true;
  let help = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const takeValue = (): string | null => {
      if (eq !== -1) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };
    switch (name) {
      case '--port': {
        const value = takeValue();
        if (value === null) return fail('--port needs a value, e.g. --port 4380.');
        if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
          return fail(`--port must be a number from 0 to 65535 (got "${value}").`);
        }
        port = Number(value);
        break;
      }
      case '--data': {
        const value = takeValue();
        if (value === null || value.trim() === '') return fail('--data needs a folder, e.g. --data /srv/vitrine.');
        dataDir = path.resolve(environment.cwd, value);
        break;
      }
      case '--no-browser':
        if (eq !== -1) return fail('--no-browser takes no value.');
        openBrowser = false;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        return fail(`Unknown option "${arg}". Run with --help to see the options.`);
    }
  }
  return { ok: true, options: { port, dataDir: dataDir ?? defaultDataDir(environment), openBrowser, help } };
}

function fail(message: string): ParseResult {
  return { ok: false, message };
}
