// @vitest-environment node
/**
 * scripts/package.mjs, on this machine: it must refuse to package (no Electron runtime, no
 * internet) with a sentence saying why, and must catch a better-sqlite3 built for Node's ABI
 * but about to be shipped with Electron (the npm nodedir=/usr trap of docs/deploy.md).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderFingerprint, tempDir } from '../../helpers/packages';
import { ROOT } from './builder';

interface Electron {
  version: string;
  abi: number;
  binary: string | null;
}
interface PackageScript {
  PackagingRefused: new (message: string) => Error;
  electronTarget(root: string): Electron;
  nativeModuleAbi(file: string): number | null;
  checkNativeAbi(file: string, electron: Electron): void;
  preflight(facts: { electron: Electron; online: boolean; platform?: string; args?: string[] }): void;
}

const SQLITE = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const scriptUrl = pathToFileURL(join(ROOT, 'scripts/package.mjs')).href;
const script = (await import(scriptUrl)) as PackageScript;
const electron = script.electronTarget(ROOT);
let tmp: ReturnType<typeof tempDir>;

beforeAll(() => void (tmp = tempDir()));
afterAll(() => tmp.cleanup());

describe("Electron's ABI and a native module's", () => {
  it("reads Electron's version and ABI offline, and they agree with node-abi's table", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    const nodeAbi = createRequire(import.meta.url)('node-abi') as { getAbi(target: string, runtime: string): string };
    expect(electron.version).toBe(pkg.version);
    expect(electron.abi).toBe(Number(nodeAbi.getAbi(pkg.version, 'electron')));
    expect(electron.abi).not.toBe(Number(process.versions.modules));
  });

  it('reads the ABI a native module was compiled for from the file itself', () => {
    // The better-sqlite3 the tests load is built for this Node.
    expect(script.nativeModuleAbi(SQLITE)).toBe(Number(process.versions.modules));
    // A SQLite extension is a shared library but not a Node module.
    expect(script.nativeModuleAbi(join(ROOT, 'node_modules/better-sqlite3/build/Release/test_extension.node'))).toBeNull();
  });

  it('refuses to ship a better-sqlite3 built for Node, naming the file and both ABIs', () => {
    const check = () => script.checkNativeAbi(SQLITE, electron);
    expect(check).toThrow(script.PackagingRefused);
    expect(check).toThrow(`is built for NODE_MODULE_VERSION ${process.versions.modules} (this Node, ${process.version}), not for Electron ${electron.version} (${electron.abi})`);
    expect(check).toThrow('npm config get nodedir');
  });

  it("accepts a module built for Electron's ABI", () => {
    // The same binary with its registration symbol saying Electron's ABI (same length, so the file stays valid).
    const copy = join(tmp.path, 'better_sqlite3.node');
    const bytes = readFileSync(SQLITE);
    const from = Buffer.from(`node_register_module_v${process.versions.modules}`);
    const at = bytes.indexOf(from);
    expect(at).toBeGreaterThan(0);
    Buffer.from(`node_register_module_v${electron.abi}`).copy(bytes, at);
    writeFileSync(copy, bytes);
    expect(() => script.checkNativeAbi(copy, electron)).not.toThrow();
  });
});

describe('before packaging', () => {
  const installed = () => ({ ...electron, binary: '/opt/electron/electron' });

  it('stops where Electron is not installed, saying why and what to do', () => {
    const refusal = () => script.preflight({ electron: { ...electron, binary: null }, online: true, platform: 'linux' });
    expect(refusal).toThrow(/^Electron's runtime is not installed here/);
    expect(refusal).toThrow(`rebuilt for Electron ${electron.version} (ABI ${electron.abi})`);
    expect(refusal).toThrow('Run npm ci and npm run package on a machine with internet access. See docs/deploy.md');
  });

  it("stops where Electron's headers cannot be reached", () => {
    expect(() => script.preflight({ electron: installed(), online: false, platform: 'linux' })).toThrow(/cannot be reached, so better-sqlite3 cannot be rebuilt/);
  });

  it('stops before building a Windows installer anywhere but on Windows', () => {
    expect(() => script.preflight({ electron: installed(), online: true, platform: 'linux', args: ['--win'] })).toThrow('Package on win32 itself');
    expect(() => script.preflight({ electron: installed(), online: true, platform: 'win32', args: ['--win'] })).not.toThrow();
  });

  it('goes ahead with a runtime and a network', () => {
    expect(() => script.preflight({ electron: installed(), online: true, platform: 'linux' })).not.toThrow();
  });
});

describe('npm run package on this machine', () => {
  // Where Electron is installed this would package for real: that is not a unit test's job.
  it.skipIf(electron.binary !== null)('exits 1 with one clear sentence and leaves node_modules as it was', () => {
    const before = folderFingerprint(join(ROOT, 'node_modules/better-sqlite3/build/Release'));
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/package.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Not packaged: Electron's runtime is not installed here .* See docs\/deploy\.md, "Building the installers"\.\n$/);
    expect(folderFingerprint(join(ROOT, 'node_modules/better-sqlite3/build/Release'))).toEqual(before);
  });
});
