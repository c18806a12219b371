/** Where a kiosk keeps its data when no folder is given: the platform's per-user data folder. */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The default data folder: $VITRINE_DATA, else the OS's per-user application data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.VITRINE_DATA) return env.VITRINE_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Vitrine');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Vitrine');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'vitrine');
}
