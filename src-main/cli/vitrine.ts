/**
 * `vitrine`: the staff command line. Runs on plain Node with the same core as the kiosk; see
 * help.ts for the commands. Exit codes: 0 done, 1 refused (a package, a setting, a PIN, a
 * rollback, a backup, or a busy data folder: the message says why), 2 wrong usage.
 */
import { fileURLToPath } from 'node:url';
import { runCli } from './run';

// The bundle sits in out/main/, the kiosk's screens in out/renderer/ (vitrine preview serves them).
process.env.VITRINE_RENDERER_DIR ??= fileURLToPath(new URL('../renderer', import.meta.url));

void runCli(process.argv.slice(2)).then((code) => process.exit(code));
