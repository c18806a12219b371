#!/usr/bin/env node
/**
 * `npm run package`: the installers of this platform (Linux: AppImage and deb; Windows: NSIS),
 * in dist/. Needs a machine with internet: Electron's runtime, Electron's headers (to rebuild
 * better-sqlite3 for Electron's ABI) and electron-builder's tools are all downloaded. Where they
 * cannot be (our offline build machines), it stops and says so, rather than package a native
 * module built for Node: that package would install fine and fail on the kiosk at first start.
 *
 *   npm run package                           the installers (after npm run build)
 *   VITRINE_TEST_BUILD=1 npm run package      a test build Playwright can launch (docs/deploy.md)
 *   npm run package -- --dir                  extra arguments go to electron-builder
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:https';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeIcons } from './make-icons.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SQLITE_BINARY = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
const HEADERS_URL = process.env.ELECTRON_REBUILD_DIST_URL ?? 'https://electronjs.org/headers';
const HOW = 'See docs/deploy.md, "Building the installers".';

/** A reason not to package, said in one sentence or two; exit code 1. */
export class PackagingRefused extends Error {}

/** Electron's version and ABI from node_modules/electron (offline), and its binary if installed. */
export function electronTarget(projectRoot = root) {
  const dir = join(projectRoot, 'node_modules/electron');
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  // electron's package ships abi_version: the NODE_MODULE_VERSION its Node was built with.
  const abi = Number(readFileSync(join(dir, 'abi_version'), 'utf8').trim());
  const pathFile = join(dir, 'path.txt');
  const binary = existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  return { version, abi, binary: binary && existsSync(binary) ? binary : null };
}

/**
 * The NODE_MODULE_VERSION a native module was compiled for, read from the file itself: a module
 * built with NODE_MODULE exports `node_register_module_v<ABI>` (ELF, PE and Mach-O alike).
 * Null when the file has no such symbol (not a V8-ABI module).
 */
export function nativeModuleAbi(file) {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'));
  return match ? Number(match[1]) : null;
}

/** Refuses a native module that is not built for `electron`'s ABI (the nodedir=/usr trap). */
export function checkNativeAbi(file, electron) {
  const found = nativeModuleAbi(file);
  if (found === electron.abi) return;
  const what = found === null ? 'no Node module version' : `NODE_MODULE_VERSION ${found}${found === Number(process.versions.modules) ? ` (this Node, ${process.version})` : ''}`;
  throw new PackagingRefused(
    `${relative(root, file) || file} is built for ${what}, not for Electron ${electron.version} (${electron.abi}): ` +
      `the kiosk could not open its store. Packaging stopped. If npm's nodedir is set (npm config get nodedir), ` +
      `node-gyp used those headers instead of Electron's: unset it and run npm run package again. ${HOW}`,
  );
}

/** What must be true before anything is rebuilt or downloaded; a refusal says why and what to do. */
export function preflight({ electron, online, platform = process.platform, args = [] }) {
  const wanted = { '--win': 'win32', '-w': 'win32', '--linux': 'linux', '-l': 'linux', '--mac': 'darwin', '-m': 'darwin' };
  for (const [flag, target] of Object.entries(wanted)) {
    if (args.includes(flag) && target !== platform) {
      throw new PackagingRefused(`${flag} asks for a ${target} package on ${platform}: better-sqlite3 and sharp are native modules and are built on the system they run on. Package on ${target} itself. ${HOW}`);
    }
  }
  if (!electron.binary) {
    throw new PackagingRefused(
      `Electron's runtime is not installed here (node_modules/electron has no binary: its download failed or was skipped), ` +
        `so this machine cannot package Vitrine: better-sqlite3 must be rebuilt for Electron ${electron.version} (ABI ${electron.abi}) ` +
        `with Electron's headers from the internet, and electron-builder downloads Electron itself. ` +
        `Run npm ci and npm run package on a machine with internet access. ${HOW}`,
    );
  }
  if (!online) {
    throw new PackagingRefused(
      `${HEADERS_URL} cannot be reached, so better-sqlite3 cannot be rebuilt for Electron ${electron.version} and electron-builder cannot download its tools. ` +
        `Run npm run package on a machine with internet access. ${HOW}`,
    );
  }
}

/** The ABI the installed Electron really runs (its own Node), when its binary can be asked. */
function runtimeAbi(binary) {
  const run = spawnSync(binary, ['-p', 'process.versions.modules'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 60_000 });
  const abi = Number(run.stdout?.trim());
  return run.status === 0 && Number.isInteger(abi) ? abi : null;
}

/** True when `url` answers at all (any HTTP status) within `ms`. */
function reachable(url, ms = 10_000) {
  return new Promise((done) => {
    const req = request(url, { method: 'HEAD', timeout: ms }, (res) => {
      res.resume();
      done(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(false));
    req.end();
  });
}

/** Runs a Node tool from node_modules; throws with its name when it fails. */
function runTool(name, script, args, env = process.env) {
  console.log(`\n> ${name} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, env, stdio: 'inherit' });
  if (run.status !== 0) throw new PackagingRefused(`${name} failed (exit ${run.status ?? run.signal}); its output is above. ${HOW}`);
}

/** The better-sqlite3 binaries electron-builder put in its unpacked app folders. */
function packedSqliteBinaries(outDir) {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.endsWith('-unpacked'))
    .map((d) => join(outDir, d.name, 'resources/app.asar.unpacked', SQLITE_BINARY))
    .filter((file) => existsSync(file));
}

async function main(args) {
  for (const file of ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'out/exhibit/manifest.json']) {
    if (!existsSync(join(root, file))) throw new PackagingRefused(`${file} is missing: run npm run build first (npm run package does).`);
  }
  const electron = electronTarget();
  preflight({ electron, online: electron.binary ? await reachable(`${HEADERS_URL}/v${electron.version}/SHASUMS256.txt`) : false, args });
  const running = runtimeAbi(electron.binary);
  if (running !== null && running !== electron.abi) throw new PackagingRefused(`node_modules/electron says ABI ${electron.abi} but its binary runs ${running}: reinstall it with npm ci. ${HOW}`);

  await makeIcons(join(root, 'out/icons'));
  const sqlite = join(root, SQLITE_BINARY);
  // The rebuild replaces the Node build that tests and the staff CLI use: keep it, put it back.
  // Kept outside node_modules, or electron-builder would pack the copy too.
  const keep = mkdtempSync(join(tmpdir(), 'vitrine-package-'));
  const nodeBuild = join(keep, 'better_sqlite3.node');
  copyFileSync(sqlite, nodeBuild);
  try {
    // The trap (docs/deploy.md): with nodedir set, node-gyp builds against Node's headers.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
    runTool('electron-rebuild', 'node_modules/@electron/rebuild/lib/cli.js', ['--version', electron.version, '--only', 'better-sqlite3', '--force', '--dist-url', HEADERS_URL], env);
    checkNativeAbi(sqlite, electron);
    runTool('electron-builder', 'node_modules/electron-builder/cli.js', ['--config', 'electron-builder.config.mjs', '--publish', 'never', ...args], env);
    const outDir = join(root, process.env.VITRINE_TEST_BUILD === '1' ? 'dist/test-build' : 'dist');
    for (const packed of packedSqliteBinaries(outDir)) checkNativeAbi(packed, electron);
    console.log(`\nPackaged Vitrine for Electron ${electron.version} (ABI ${electron.abi}) into ${relative(root, outDir)}/.`);
  } finally {
    copyFileSync(nodeBuild, sqlite);
    rmSync(keep, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof PackagingRefused ? `Not packaged: ${error.message}` : error);
    process.exit(1);
  });
}
