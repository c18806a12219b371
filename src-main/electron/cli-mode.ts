/**
 * The packaged kiosk as the staff command line: `vitrine-kiosk --cli staff set-pin`. A packaged
 * build has the RunAsNode fuse off (docs/deploy.md), so Node cannot run the `vitrine` CLI from the
 * installed files; the app's own binary runs the same commands instead, with better-sqlite3
 * built for its ABI. No window, no single-instance lock (a running kiosk must not block staff
 * setting a PIN; the store's own data lock guards imports), and the CLI's exit code.
 */
import { runCli } from '../cli/run';

export const CLI_FLAG = '--cli';

/** The staff command after `--cli`, or null when this launch is the kiosk itself. */
export function staffCommandArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_FLAG);
  return at === -1 ? null : argv.slice(at + 1);
}

/** Runs the command, then exits the app with its code (0 done, 1 refused, 2 wrong usage). */
export async function runStaffCommand(app: { exit(code: number): void }, args: readonly string[], run: (args: readonly string[]) => Promise<number> = runCli): Promise<void> {
  let code = 1;
  try {
    code = await run(args);
  } finally {
    app.exit(code);
  }
}
