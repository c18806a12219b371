/**
 * Where the built pieces live, in development (`electron .` from the project root, after
 * `npm run build`) and when packaged by electron-builder. Pure, so both layouts are tested.
 */
import { join } from 'node:path';

export interface AppLocation {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** `app.getAppPath()`: the project root in development, `resources/app.asar` when packaged. */
  appPath: string;
  /** `process.resourcesPath`: the folder beside app.asar that holds extra resources. */
  resourcesPath: string;
}

export interface AppPaths {
  /** The built renderer (index.html and its assets), served on `vitrine://app/`. */
  rendererDir: string;
  /** The sandboxed preload bundle. */
  preloadPath: string;
  /** The built-in exhibit package, imported on first start. */
  builtinPackage: string;
}

/** Resolves the renderer, preload and built-in package folders for this launch. */
export function resolveAppPaths(location: AppLocation): AppPaths {
  const out = join(location.appPath, 'out');
  return {
    // Renderer and preload travel inside app.asar; Electron's fs reads them there transparently.
    rendererDir: join(out, 'renderer'),
    preloadPath: join(out, 'preload', 'preload.cjs'),
    // The exhibit is an extra resource outside the archive, so staff can see and replace it.
    builtinPackage: location.isPackaged ? join(location.resourcesPath, 'exhibit') : join(out, 'exhibit'),
  };
}

export interface LaunchInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
}

/**
 * True for a developer's windowed launch with devtools: `--dev`, `VITRINE_DEV=1`, or
 * `VITRINE_WINDOWED=1` on an unpackaged build. Anything else runs as a locked kiosk.
 */
export function isDevLaunch({ argv, env, isPackaged }: LaunchInput): boolean {
  return argv.includes('--dev') || env.VITRINE_DEV === '1' || (!isPackaged && env.VITRINE_WINDOWED === '1');
}
