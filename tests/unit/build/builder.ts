/**
 * electron-builder's own code, run offline: its configuration loader and schema validation
 * (app-builder-lib), and the file matchers it packs with. Nothing here downloads or packages.
 */
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { DebugLogger } from 'builder-util/out/DebugLogger';
import { walk } from 'builder-util/out/fs';

export const ROOT = join(import.meta.dirname, '../../..');
export const CONFIG_FILE = 'electron-builder.config.mjs';

// getMainFileMatchers is electron-builder's @internal entry (absent from its .d.ts): it adds the
// default exclusions (node_modules, the output folder, lock files …) to our `files` patterns.
const fileMatcher = createRequire(import.meta.url)('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers(appDir: string, destination: string, expand: (s: string) => string, platformOptions: object, packager: object, outDir: string, isElectronCompile: boolean): FileMatcher[];
  getFileMatchers(config: Configuration, name: 'extraResources', destination: string, options: object): FileMatcher[] | null;
};

/** Loads the configuration as `electron-builder --config electron-builder.config.mjs` does. */
export async function loadConfig(env: Record<string, string | undefined> = {}): Promise<Configuration> {
  const saved = process.env.VITRINE_TEST_BUILD;
  if (env.VITRINE_TEST_BUILD === undefined) delete process.env.VITRINE_TEST_BUILD;
  else process.env.VITRINE_TEST_BUILD = env.VITRINE_TEST_BUILD;
  try {
    return await getConfig(ROOT, CONFIG_FILE, null);
  } finally {
    if (saved === undefined) delete process.env.VITRINE_TEST_BUILD;
    else process.env.VITRINE_TEST_BUILD = saved;
  }
}

/** electron-builder's schema check (scheme.json), as it runs before every build. */
export function validate(config: Configuration): Promise<void> {
  return validateConfiguration(config, new DebugLogger(false));
}

const expand = (pattern: string) => pattern;

async function list(matchers: FileMatcher[], base: string): Promise<string[]> {
  const files: string[] = [];
  for (const matcher of matchers) {
    for (const file of await walk(matcher.from, matcher.createFilter())) files.push(relative(base, join(matcher.to, relative(matcher.from, file))));
  }
  return files.map((f) => f.split('\\').join('/')).sort();
}

/** The project files electron-builder would put in app.asar (node_modules aside), as paths inside it. */
export function appFiles(config: Configuration): Promise<string[]> {
  const outDir = resolve(ROOT, config.directories?.output ?? 'dist');
  const info = {
    projectDir: ROOT,
    buildResourcesDir: resolve(ROOT, config.directories?.buildResources ?? 'build'),
    config,
    debugLogger: new DebugLogger(false),
    isPrepackedAppAsar: false,
  };
  return list(fileMatcher.getMainFileMatchers(ROOT, '/app', expand, {}, { info }, outDir, false), '/app');
}

/** The files electron-builder would copy beside app.asar (`extraResources`), as paths in resources/. */
export function resourceFiles(config: Configuration): Promise<string[]> {
  const options = { macroExpander: expand, customBuildOptions: {}, globalOutDir: resolve(ROOT, 'dist'), defaultSrc: ROOT };
  return list(fileMatcher.getFileMatchers(config, 'extraResources', '/resources', options) ?? [], '/resources');
}
