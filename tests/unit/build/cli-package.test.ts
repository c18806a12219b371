// @vitest-environment node
/**
 * The standalone `vitrine` for a curator's computer (issue 17): `npm run cli:pack` makes a tarball
 * holding everything the command needs but the npm packages it names; unpacked beside those
 * packages it answers --version, validates the example exhibit, and has the screens preview serves.
 * (Installing it from the registry is `npm install -g`, shown in the README; not repeated here.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/packages';

const ROOT = join(import.meta.dirname, '../../..');
const built = existsSync(join(ROOT, 'out/main/cli.js')) && existsSync(join(ROOT, 'out/renderer/index.html'));
const project = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
let root: ReturnType<typeof tempDir>;
let unpacked: string;

beforeAll(() => {
  root = tempDir();
  if (!built) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts/pack-cli.mjs'), '--out', root.path], { stdio: 'pipe' });
  mkdirSync(join(root.path, 'x'));
  execFileSync('tar', ['xzf', join(root.path, `vitrine-cli-${project.version}.tgz`), '-C', join(root.path, 'x')]);
  unpacked = join(root.path, 'x/package');
  // What `npm install` would put there: the packages it names, here the project's own.
  symlinkSync(join(ROOT, 'node_modules'), join(unpacked, 'node_modules'));
}, 120_000);
afterAll(() => root?.cleanup());

describe.skipIf(!built)('the standalone vitrine-cli package', () => {
  it('names the packages the kiosk runs with, at the same versions, and a bin', () => {
    const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'vitrine-cli', version: project.version, bin: { vitrine: 'bin/vitrine.mjs' }, dependencies: project.dependencies });
    expect(existsSync(join(unpacked, 'out/renderer/index.html'))).toBe(true);
  });

  it('runs: --version, and validate on the example exhibit', () => {
    const vitrine = (...args: string[]) => execFileSync(process.execPath, [join(unpacked, 'bin/vitrine.mjs'), ...args], { encoding: 'utf8' });
    expect(vitrine('--version')).toBe(`vitrine ${project.version}\n`);
    expect(vitrine('validate', join(ROOT, 'assets/exhibit'))).toMatch(/^Valid source: "Revelations from the Russian Archives \(built-in\)" 1\.0\.0, 9 artifacts, 10 images\./);
  }, 120_000);
});
