/**
 * `vitrine`: the staff command line. Runs on plain Node with the same core as the kiosk; see
 * help.ts for the commands. Exit codes: 0 done, 1 refused (a package, a setting, a PIN, a
 * rollback, a backup, or a busy data folder: the message says why), 2 wrong usage.
 */
import { PackageError } from '../core/packages/errors';
import { SettingError } from '../core/settings/store';
import { PinError } from '../core/staff/pin';
import { StoreVersionError } from '../core/store/connection';
import { DataBusyError } from '../core/versions/lock';
import { VersionError } from '../core/versions/versions';
import { UsageError } from './args';
import { BackupError, backupCommand } from './commands/backup';
import { importCommand, rollbackCommand, versionsCommand } from './commands/kiosk';
import { keygenCommand, packCommand, validateCommand } from './commands/package';
import { settingsCommand, staffCommand } from './commands/settings';
import { COMMAND_HELP, HELP } from './help';

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  pack: packCommand,
  validate: validateCommand,
  import: importCommand,
  rollback: rollbackCommand,
  versions: versionsCommand,
  keygen: keygenCommand,
  settings: settingsCommand,
  staff: staffCommand,
  backup: backupCommand,
};

async function run(argv: string[]): Promise<number> {
  const args = [...argv];
  const command = args.shift();
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
const REFUSALS = [PackageError, SettingError, PinError, VersionError, DataBusyError, StoreVersionError, BackupError];

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}. See vitrine --help.`);
      process.exit(2);
    }
    if (REFUSALS.some((kind) => error instanceof kind)) {
      console.error(`Refused: ${(error as Error).message}`);
      process.exit(1);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
