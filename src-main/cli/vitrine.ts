/**
 * `vitrine`: the staff command line. Runs on plain Node with the same core as the kiosk.
 *   vitrine pack <source-folder> --out <package.zip|folder>
 *   vitrine validate <package.zip|folder>
 *   vitrine import <package.zip|folder> [--data DIR]
 *   vitrine settings [list | set KEY VALUE | reset KEY] [--data DIR]
 * Exit codes: 0 done, 1 the package was refused (the message says why), 2 wrong usage.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageError } from '../core/packages/errors';
import { importPackage, withCheckedPackage } from '../core/packages/importer';
import { pack } from '../core/packages/pack';
import { openStore } from '../core/store/connection';
import { SETTINGS, type SettingKey } from '../core/settings/schema';
import { createSettingsStore, parseSettingInput, SettingError } from '../core/settings/store';
import { currentEnvironment, defaultDataDir } from '../core/paths';

const HELP = `Vitrine staff tools

Usage:
  vitrine pack <source-folder> --out <package.zip|folder>
      Make a content package from a curator's folder (exhibit.json and its images).
  vitrine validate <package.zip|folder>
      Check a package completely without importing it.
  vitrine import <package.zip|folder> [--data DIR]
      Import a package into a kiosk's data folder and make it live.
  vitrine settings [list | set KEY VALUE | reset KEY] [--data DIR]
      Show or change the kiosk's settings (idle times, attract, cursor, opening hours).
      VALUE is JSON where it parses (90, true, null, {"open":…}), else text.
  vitrine --help

Exit codes: 0 done, 1 package or setting refused, 2 wrong usage.`;

class UsageError extends Error {}

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}

function progress(label: string) {
  return (done: number, total: number) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${label}: ${done}/${total} images`);
    if (done === total && process.stderr.isTTY) process.stderr.write('\n');
  };
}

async function run(argv: string[]): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command ? 0 : 2;
  }
  if (command === 'pack') {
    const out = takeOption(args, '--out');
    const [source] = args;
    if (!source || !out) throw new UsageError('pack needs a source folder and --out');
    const result = await pack(source, out);
    console.log(`Packed "${result.manifest.package.title}" ${result.manifest.package.version}: ${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB -> ${result.output}`);
    return 0;
  }
  if (command === 'validate') {
    const [path] = args;
    if (!path) throw new UsageError('validate needs a package');
    const staging = await mkdtemp(join(tmpdir(), 'vitrine-validate-'));
    try {
      const stage = { tilesDir: join(staging, 'tiles'), onProgress: progress('Checking') };
      const summary = await withCheckedPackage(path, join(staging, 'check'), stage, async ({ manifest, staged }) => ({ manifest, images: staged.size }));
      console.log(`Valid: "${summary.manifest.package.title}" ${summary.manifest.package.version}, ${summary.manifest.artifacts.length} artifacts, ${summary.images} images.`);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    return 0;
  }
  if (command === 'import') {
    const dataDir = takeOption(args, '--data') ?? defaultDataDir(currentEnvironment());
    const [path] = args;
    if (!path) throw new UsageError('import needs a package');
    const store = openStore(join(dataDir, 'vitrine.sqlite'));
    try {
      const result = await importPackage(store, path, { mediaDir: join(dataDir, 'media'), source: path, onProgress: progress('Importing') });
      console.log(`Imported "${result.title}" ${result.version} (${result.artifacts} artifacts, ${result.images} images) in ${result.milliseconds} ms. It is live now.`);
    } finally {
      store.close();
    }
    return 0;
  }
  if (command === 'settings') {
    const dataDir = takeOption(args, '--data') ?? defaultDataDir(currentEnvironment());
    const [action = 'list', key, value] = args;
    const store = openStore(join(dataDir, 'vitrine.sqlite'));
    try {
      const settings = createSettingsStore(store.db);
      if (action === 'set') {
        if (!key || value === undefined) throw new UsageError('settings set needs a KEY and a VALUE');
        settings.set(key, parseSettingInput(value));
        console.log(`${key} = ${JSON.stringify(settings.all()[key as SettingKey])}`);
      } else if (action === 'reset') {
        if (!key) throw new UsageError('settings reset needs a KEY');
        settings.reset(key);
        console.log(`${key} is back to its default: ${JSON.stringify(settings.all()[key as SettingKey])}`);
      } else if (action === 'list') {
        for (const [k, v] of Object.entries(settings.all())) console.log(`${k} = ${JSON.stringify(v)}\n    ${SETTINGS[k as SettingKey].about}`);
      } else throw new UsageError(`Unknown settings action "${action}"`);
    } finally {
      store.close();
    }
    return 0;
  }
  throw new UsageError(`Unknown command "${command}"`);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}. See vitrine --help.`);
      process.exit(2);
    }
    if (error instanceof SettingError) {
      console.error(`Refused: ${error.message}`);
      process.exit(1);
    }
    if (error instanceof PackageError) {
      console.error(`Refused: ${error.message}`);
      process.exit(1);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
