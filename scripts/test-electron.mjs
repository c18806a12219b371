#!/usr/bin/env node
/**
 * `npm run test:electron [-- --packaged] [playwright args]`: the whole end-to-end suite on the
 * shipped host, Electron, through the harness's Electron driver (tests/harness/kiosk.mjs):
 * the built app (out/main/main.js, built first), or with --packaged the packaged test build. Where Electron is
 * not installed (offline machines skip its download), it says why in one line and fails.
 * On Linux without a display it runs under xvfb-run when that is installed.
 */
import { spawnSync } from 'node:child_process';
import { electronExecutable } from '../tests/harness/kiosk.mjs';

const args = process.argv.slice(2);
const driver = args.includes('--packaged') ? 'electron-packaged' : 'electron';
const rest = args.filter((arg) => arg !== '--packaged');

const executable = electronExecutable(driver);
if (!executable.path) {
  console.error(`test:electron cannot run here: ${executable.why}.`);
  process.exit(1);
}

// Built after the check, so a machine without Electron hears why at once.
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const playwright = ['npx', 'playwright', 'test', ...rest];
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const hasXvfb = headless && spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error === undefined;
// A kiosk is 1920x1080: the screen Xvfb pretends to have, so the window is the size the specs expect.
const command = hasXvfb ? ['xvfb-run', '--auto-servernum', '--server-args=-screen 0 1920x1080x24', ...playwright] : playwright;
console.log(`End-to-end suite on ${driver} (${executable.path})${hasXvfb ? ' under xvfb-run' : ''}.`);
const run = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, VITRINE_DRIVER: driver } });
process.exit(run.status ?? 1);
