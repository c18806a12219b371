#!/usr/bin/env node
/**
 * `npm start` (after `npm run build`): runs Vitrine in Electron when Electron's runtime is
 * installed, else (or with --browser) as the browser host, a loopback server shown in a
 * Chromium kiosk window. Electron's binary is downloaded by a post-install step that fails on
 * offline machines, so its absence is normal here and must not end in a stack trace.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const browserHost = fileURLToPath(new URL('../out/main/browser-host.js', import.meta.url));
const electronMain = fileURLToPath(new URL('../out/main/main.js', import.meta.url));

const args = process.argv.slice(2);
const wantsBrowser = args.includes('--browser');
const rest = args.filter((arg) => arg !== '--browser');

/** Path of Electron's binary, or null when the package or its downloaded binary is missing. */
function electronBinary() {
  try {
    // In plain Node, the electron package exports the binary's path; it throws "Electron failed
    // to install correctly" when the binary was never downloaded.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Runs a child with our stdio, passes signals on, and leaves with its exit code. */
function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    // A child ended by a signal: exit the conventional 128 + signal number.
    const signalNumber = signal ? ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal] ?? 1) : 0;
    process.exit(code ?? 128 + signalNumber);
  });
}

const electron = wantsBrowser ? null : electronBinary();
const target = wantsBrowser || !electron ? browserHost : electronMain;
if (!existsSync(target)) {
  console.error(`Run npm run build first: ${target} is missing.`);
  process.exit(1);
}

if (electron) {
  // package.json's "main" (out/main/main.js) is what Electron runs from the project root.
  run(electron, [root, ...rest]);
} else {
  if (!wantsBrowser) {
    console.log("Electron's runtime is not installed on this machine, so Vitrine starts as a browser kiosk instead (see README).");
  }
  run(process.execPath, [browserHost, ...rest]);
}
