/**
 * Entry of the browser host (`node out/main/browser-host.js`): the kiosk core behind a loopback
 * HTTP server, shown in a Chromium kiosk window. It exists because Electron's binary cannot be
 * installed everywhere; the same core and renderer run here as in Electron. Only wiring: the
 * behaviour is in run-host.ts, where it is tested.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../core/log';
import { currentEnvironment } from '../core/paths';
import { installedVersion } from '../common/app-version';
import { openVitrine } from '../core/vitrine';
import { runBrowserHost, type LaunchedBrowser } from './run-host';

// The bundle sits in out/main/; the renderer and the built-in exhibit are built next to it.
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const builtinPackage = fileURLToPath(new URL('../exhibit', import.meta.url));

const log = createLogger();

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function launch(command: string, args: string[]): LaunchedBrowser {
  // Chromium's own chatter would bury the host's messages; the window is what matters.
  const child = spawn(command, args, { stdio: 'ignore' });
  return {
    kill: () => void (child.exitCode === null && child.signalCode === null && child.kill()),
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    onError: (listener) => void child.on('error', listener),
  };
}

const outcome = await runBrowserHost({
  argv: process.argv.slice(2),
  environment: currentEnvironment(),
  rendererDir,
  openCore: (dataDir, host) => openVitrine({ dataDir, builtinPackage, log, host, appVersion: installedVersion() }),
  isFile,
  launch,
  log,
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
});

if ('exitCode' in outcome) {
  process.exitCode = outcome.exitCode;
} else {
  const { running } = outcome;
  const shutdown = () => void running.stop();
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  await running.stopped;
  process.exit(0);
}
