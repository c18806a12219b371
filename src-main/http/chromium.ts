/**
 * Finding and launching a Chromium-family browser as the kiosk window. Finding is pure (the file
 * check comes in as an argument) so every platform's rules are tested on one machine.
 */
import { posix, win32 } from 'node:path';
import { kioskSwitchArgs } from '../common/chromium-switches';
import type { HostEnvironment } from './options';

/** Commands tried on PATH, in order of preference. */
export const CHROMIUM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

/** Where installers put the browsers on systems that do not add them to PATH. */
const WELL_KNOWN: Partial<Record<NodeJS.Platform, (env: HostEnvironment['env']) => string[]>> = {
  darwin: () => [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: (env) =>
    [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']]
      .filter((dir): dir is string => Boolean(dir))
      .flatMap((dir) => [
        win32.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        win32.join(dir, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]),
};

/**
 * Path of a Chromium to launch, or null: $CHROMIUM_PATH first (an explicit choice), then the
 * commands on PATH, then the platform's usual install places.
 */
export function findChromium(environment: HostEnvironment, isFile: (path: string) => boolean): string | null {
  const { env, platform } = environment;
  if (env.CHROMIUM_PATH && isFile(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
  const path = platform === 'win32' ? win32 : posix;
  const pathVar = env.PATH ?? env.Path ?? '';
  const suffixes = platform === 'win32' ? ['.exe', ''] : [''];
  for (const command of CHROMIUM_COMMANDS) {
    for (const dir of pathVar.split(path.delimiter)) {
      if (dir === '') continue;
      for (const suffix of suffixes) {
        const candidate = path.join(dir, command + suffix);
        if (isFile(candidate)) return candidate;
      }
    }
  }
  return WELL_KNOWN[platform]?.(env).find((candidate) => isFile(candidate)) ?? null;
}

/** True when a window can be shown: on Linux and BSDs that needs an X11 or Wayland session. */
export function hasDisplay({ env, platform }: HostEnvironment): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Arguments for a full-screen kiosk window on `url` with its own profile. The networking flags
 * matter offline: without them Chromium keeps trying to reach Google's services and fills a
 * closed museum network (and its logs) with refused connections.
 */
export function chromiumKioskArgs(url: string, profileDir: string): string[] {
  return [
    '--kiosk',
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate',
    // A swipe past the edge would navigate "back" out of the exhibit (kiosk guide, visitors).
    '--overscroll-history-navigation=0',
    // Pinch would zoom the whole UI with nothing to zoom it back.
    '--disable-pinch',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--check-for-update-interval=31536000',
    // Memory bounded for a long day, as in the Electron app (common/chromium-switches.ts).
    ...kioskSwitchArgs(),
  ];
}
