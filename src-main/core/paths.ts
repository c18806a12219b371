/**
 * Where a kiosk keeps its data when no folder is given. Pure: the environment comes in as an
 * argument, so tests can play Linux, macOS and Windows on one machine.
 */
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export interface HostEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homedir: string;
  cwd: string;
}

/** This process's environment, for callers that run for real. */
export function currentEnvironment(): HostEnvironment {
  return { env: process.env, platform: process.platform, homedir: homedir(), cwd: process.cwd() };
}

/** The data folder when --data is not given: $VITRINE_DATA, else the platform's usual place. */
export function defaultDataDir({ env, platform, homedir, cwd }: HostEnvironment): string {
  const path = pathFor(platform);
  if (env.VITRINE_DATA) return path.resolve(cwd, env.VITRINE_DATA);
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Application Support', 'Vitrine');
  if (platform === 'win32') return path.join(env.APPDATA || path.join(homedir, 'AppData', 'Roaming'), 'Vitrine');
  // XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : null;
  return path.join(xdg ?? path.join(homedir, '.local', 'share'), 'vitrine');
}

/** Path functions of the given platform (Windows paths differ from POSIX ones). */
export function pathFor(platform: NodeJS.Platform): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

