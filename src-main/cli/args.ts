/** Small helpers for the `vitrine` command line: options, usage errors, progress lines. */
import { join } from 'node:path';
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

/** A progress line for long steps, rewritten in place on a terminal, silent in logs. */
export function progress(label: string, unit: string) {
  return (done: number, total: number) => {
    if (!process.stderr.isTTY) return;
    process.stderr.write(`\r${label}: ${done}/${total} ${unit}`);
    if (done === total) process.stderr.write('\n');
  };
}
