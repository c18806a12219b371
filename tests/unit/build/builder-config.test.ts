// @vitest-environment node
/**
 * The packaged build, checked here where packaging cannot run: electron-builder validates the
 * configuration against its own schema, and its own file matchers say what would be packed.
 * Needs `npm run build` first (npm test runs it), because the matchers walk the real out/.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { appFiles, loadConfig, resourceFiles, ROOT, validate } from './builder';

const GALLERY_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

let gallery: Configuration;
let testBuild: Configuration;

beforeAll(async () => {
  for (const file of ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'out/exhibit/manifest.json']) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run npm run build before this test (npm test does).`);
  }
  gallery = await loadConfig();
  testBuild = await loadConfig({ VITRINE_TEST_BUILD: '1' });
});

describe('the builder configuration', () => {
  it("passes electron-builder's own schema, for the gallery build and the test build", async () => {
    await expect(validate(gallery)).resolves.toBeUndefined();
    await expect(validate(testBuild)).resolves.toBeUndefined();
  });

  it('is really checked: a misspelt fuse or a wrong type is refused by the same validation', async () => {
    await expect(validate({ ...gallery, electronFuses: { ...GALLERY_FUSES, runAsnode: false } as never })).rejects.toThrow(/electronFuses/);
    await expect(validate({ ...gallery, asar: 'yes' as never })).rejects.toThrow(/configuration\.asar/);
  });

  it('names the app, packs into asar, and leaves the native rebuild to scripts/package.mjs', () => {
    expect(gallery).toMatchObject({ appId: 'org.vitrine.kiosk', productName: 'Vitrine', asar: true, npmRebuild: false });
    expect(gallery.linux).toMatchObject({ target: ['AppImage', 'deb'], executableName: 'vitrine-kiosk', icon: 'out/icons' });
    expect(gallery.win).toMatchObject({ target: ['nsis'], icon: 'out/icons/icon.ico' });
    expect(gallery.nsis).toMatchObject({ perMachine: true, deleteAppDataOnUninstall: false });
  });

  it('describes app updates for a generic server, and npm run package never uploads', () => {
    // A placeholder: each kiosk's appUpdateUrl setting replaces it (docs/app-updates.md).
    expect(gallery.publish).toEqual({ provider: 'generic', url: 'https://updates.example.org/vitrine/' });
    expect(readFileSync(join(ROOT, 'scripts/package.mjs'), 'utf8')).toContain("'--publish', 'never'");
  });

  it('flips every fuse the issue asks for in the gallery build', () => {
    expect(gallery.electronFuses).toEqual(GALLERY_FUSES);
  });

  it('differs in the test build only by the inspector fuse Playwright needs, its name and its folder', () => {
    expect(testBuild.electronFuses).toEqual({ ...GALLERY_FUSES, enableNodeCliInspectArguments: true });
    expect(testBuild.productName).toBe('Vitrine Test');
    expect(testBuild.directories?.output).toBe('dist/test-build');
    expect(testBuild.artifactName).toContain('-test-');
    const same = (c: Configuration) => ({ ...c, electronFuses: null, productName: null, directories: null, artifactName: null });
    expect(same(testBuild)).toEqual(same(gallery));
  });
});

describe('what the package would contain', () => {
  it('packs what the app runs: main, preload, renderer and package.json', async () => {
    const files = await appFiles(gallery);
    for (const needed of ['package.json', 'out/main/main.js', 'out/main/cli.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'out/renderer/fallback.html']) {
      expect(files).toContain(needed);
    }
    const renderer = readdirSync(join(ROOT, 'out/renderer/assets')).filter((f) => !f.endsWith('.map'));
    expect(files.filter((f) => f.startsWith('out/renderer/assets/')).sort()).toEqual(renderer.map((f) => `out/renderer/assets/${f}`).sort());
  });

  it('packs nothing from the sources, tests, docs, benchmarks, scripts or build leftovers', async () => {
    const files = await appFiles(gallery);
    const outside = files.filter((f) => f !== 'package.json' && !/^out\/(main|preload|renderer)\//.test(f));
    expect(outside).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(tests|src-main|src-renderer|docs|bench|scripts|assets|node_modules)\//.test(f))).toEqual([]);
  });

  it('puts the built-in exhibit beside app.asar, complete, and not inside it', async () => {
    const resources = await resourceFiles(gallery);
    expect(resources).toContain('exhibit/manifest.json');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'out/exhibit/manifest.json'), 'utf8')) as { artifacts: { media: { file: string }[] }[] };
    for (const file of manifest.artifacts.flatMap((a) => a.media.map((m) => m.file))) expect(resources).toContain(`exhibit/${file}`);
    expect((await appFiles(gallery)).filter((f) => f.startsWith('out/exhibit'))).toEqual([]);
  });

  it('lists as production dependencies every package the main process and preload import', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const bundles = ['out/main', 'out/main/chunks', 'out/preload'].flatMap((dir) =>
      readdirSync(join(ROOT, dir)).filter((f) => /\.c?js$/.test(f)).map((f) => readFileSync(join(ROOT, dir, f), 'utf8')),
    );
    const imported = new Set<string>();
    for (const code of bundles) {
      for (const [, spec] of code.matchAll(/(?:\bfrom\s*|\bimport\(\s*|\brequire\(\s*)["']((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)*)["']/g)) {
        // Only what looks like a package name: a message such as 'no earlier than "from" (…)' in
        // the bundle must not count as an import.
        const name = spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!;
        if (!spec!.startsWith('node:') && !builtinModules.includes(name) && name !== 'electron') imported.add(name);
      }
    }
    expect(imported.size).toBeGreaterThan(0);
    expect([...imported].filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });
});
