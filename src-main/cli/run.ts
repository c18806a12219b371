/**
 * The staff command line as a function: parses the arguments, runs one command and turns every
 * outcome into an exit code and a message (0 done, 1 refused, 2 wrong usage). Two entries use it:
 * `vitrine.ts` on plain Node, and the packaged kiosk's `--cli` mode (electron/cli-mode.ts), where
 * Node itself cannot run because the RunAsNode fuse is off.
 */
import { ChannelError } from '../core/channel/channel-file';
import { PackageError } from '../core/packages/errors';
import { SettingError } from '../core/settings/store';
import { PinError } from '../core/staff/pin';
import { StoreVersionError } from '../core/store/connection';
import { DataBusyError } from '../core/versions/lock';
import { VersionError } from '../core/versions/versions';
import { NoStoreError, UsageError } from './args';
import { analyticsCommand } from './commands/analytics';
import { BackupError, backupCommand } from './commands/backup';
import { importCommand, rollbackCommand, versionsCommand } from './commands/kiosk';
import { keygenCommand, packCommand, validateCommand } from './commands/package';
import { previewCommand } from './commands/preview';
import { publishCommand } from './commands/publish';
import { settingsCommand, staffCommand } from './commands/settings';
import { COMMAND_HELP, HELP } from './help';
import { installedVersion } from '../common/app-version';

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  pack: packCommand,
  validate: validateCommand,
  preview: previewCommand,
  import: importCommand,
  rollback: rollbackCommand,
  versions: versionsCommand,
  keygen: keygenCommand,
  settings: settingsCommand,
  staff: staffCommand,
  backup: backupCommand,
  analytics: analyticsCommand,
  publish: publishCommand,
};

async function dispatch(argv: string[]): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  if (command === '--version' || command === '-v') {
    console.log(`vitrine ${installedVersion()}`);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command ? 0 : 2;
  }
  const handler = COMMANDS[command];
  if (!handler) throw new UsageError(`Unknown command "${command}"`);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(COMMAND_HELP[command]);
    return 0;
  }
  return handler(args);
}

/** Refusals the user can act on: one line, exit code 1. */
const REFUSALS = [PackageError, ChannelError, SettingError, PinError, VersionError, DataBusyError, StoreVersionError, BackupError, NoStoreError];

/** Runs one staff command; never throws: the answer is the exit code, the words are on stdout/stderr. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    return await dispatch([...argv]);
  } catch (error: unknown) {
    if (error instanceof UsageError) {
      console.error(`${error.message}. See vitrine --help.`);
      return 2;
    }
    if (REFUSALS.some((kind) => error instanceof kind)) {
      console.error(`Refused: ${(error as Error).message}`);
      return 1;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
