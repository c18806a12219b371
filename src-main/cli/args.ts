/** Small helpers for the `vitrine` command line: options, usage errors, progress lines. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { currentEnvironment, defaultDataDir } from '../core/paths';

/** Wrong usage: exit code 2, with a pointer to --help. */
export class UsageError extends Error {}

/** Removes `name VALUE` from `args` and returns VALUE (undefined when absent). */
export function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}

/** Every `name VALUE` of a repeatable option. */
export function takeOptions(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let value = takeOption(args, name); value !== undefined; value = takeOption(args, name)) values.push(value);
  return values;
}

/** Removes a flag such as `--now`; true when it was there. */
export function takeFlag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i === -1) return false;
  args.splice(i, 1);
  return true;
}

/** Refuses options nobody took (a typo such as --nwo must not be silently ignored). */
export function rejectUnknownOptions(args: string[], command: string): void {
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`${command} has no option ${unknown}`);
}

/** The kiosk's data folder: --data, else $VITRINE_DATA, else the platform's usual place. */
export function dataDirOption(args: string[]): string {
  return takeOption(args, '--data') ?? defaultDataDir(currentEnvironment());
}

/** The store file inside a data folder. */
export function storePath(dataDir: string): string {
  return join(dataDir, 'vitrine.sqlite');
}

/** A data folder that holds no kiosk: refused with exit code 1. */
export class NoStoreError extends Error {}

/**
 * The data folder of an existing kiosk, for commands that read or change one (issue 17): a
 * mistyped --data used to create a new, empty store and say "The staff PIN is set." there.
 * `--create` (where `canCreate`) makes a new store on purpose, to prepare a kiosk before it starts.
 */
export function existingDataDir(args: string[], command: string, canCreate = false): string {
  const create = canCreate && takeFlag(args, '--create');
  const dataDir = dataDirOption(args);
  if (create || existsSync(storePath(dataDir))) return dataDir;
  const hint = canCreate ? `, or add --create to start a new kiosk's store there` : '';
  throw new NoStoreError(`There is no kiosk in ${resolve(dataDir)} (it holds no vitrine.sqlite): check the --data folder for a typo${hint}. ${command} changes nothing.`);
}

/**
 * Progress of a long step, on standard error (issue 17): on a terminal a bar rewritten in place,
 * "Checking images [########        ] 7 of 18"; in a log (no terminal) plain lines, "Checking
 * images: 7 of 18", at most one per tenth of the way and the last, so a 1,000-image package
 * writes a dozen lines, not a thousand.
 */
export function progress(label: string, unit: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  return (done: number, total: number) => {
    if (total === 0) return;
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${label} ${unit} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done} of ${total}`);
      if (done === total) stream.write('\n');
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth === lastTenth && done !== total) return;
    lastTenth = tenth;
    stream.write(`${label} ${unit}: ${done} of ${total}\n`);
  };
}
