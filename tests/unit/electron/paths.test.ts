// @vitest-environment node
import { cpSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import { createPinStore } from '../../../src-main/core/staff/pin';
import { openVitrine } from '../../../src-main/core/vitrine';
import { defaultDataDir } from '../../../src-main/core/paths';
import { isDevLaunch, resolveAppPaths } from '../../../src-main/electron/paths';
import { runCli } from '../../helpers/cli';
import { folderFingerprint, makePackage, tempDir } from '../../helpers/packages';
import { count } from '../../helpers/store';

describe('resolveAppPaths', () => {
  it('finds everything under out/ when run from the project in development', () => {
    const paths = resolveAppPaths({ isPackaged: false, appPath: '/src/vitrine', resourcesPath: '/usr/lib/electron/resources' });
    expect(paths).toEqual({
      rendererDir: join('/src/vitrine', 'out', 'renderer'),
      preloadPath: join('/src/vitrine', 'out', 'preload', 'preload.cjs'),
      builtinPackage: join('/src/vitrine', 'out', 'exhibit'),
    });
  });

  it('reads renderer and preload from app.asar but the exhibit from the resources folder when packaged', () => {
    const paths = resolveAppPaths({
      isPackaged: true,
      appPath: '/opt/Vitrine/resources/app.asar',
      resourcesPath: '/opt/Vitrine/resources',
    });
    expect(paths.rendererDir).toBe(join('/opt/Vitrine/resources/app.asar', 'out', 'renderer'));
    expect(paths.preloadPath).toBe(join('/opt/Vitrine/resources/app.asar', 'out', 'preload', 'preload.cjs'));
    expect(paths.builtinPackage).toBe(join('/opt/Vitrine/resources', 'exhibit'));
  });
});

describe('isDevLaunch', () => {
  const base = { argv: ['/opt/Vitrine/vitrine'], env: {}, isPackaged: true };

  it('runs a plain launch as a kiosk, packaged or not', () => {
    expect(isDevLaunch(base)).toBe(false);
    expect(isDevLaunch({ ...base, isPackaged: false })).toBe(false);
  });

  it('opens a developer window for --dev or VITRINE_DEV=1', () => {
    expect(isDevLaunch({ ...base, argv: [...base.argv, '--dev'] })).toBe(true);
    expect(isDevLaunch({ ...base, env: { VITRINE_DEV: '1' } })).toBe(true);
  });

  it('honours VITRINE_WINDOWED=1 only on an unpackaged build, so a kiosk cannot be talked out of kiosk mode', () => {
    expect(isDevLaunch({ ...base, isPackaged: false, env: { VITRINE_WINDOWED: '1' } })).toBe(true);
    expect(isDevLaunch({ ...base, isPackaged: true, env: { VITRINE_WINDOWED: '1' } })).toBe(false);
    expect(isDevLaunch({ ...base, env: { VITRINE_DEV: 'yes' } })).toBe(false);
  });
});

/**
 * A first start of an installed kiosk, laid out as electron-builder installs it: app.asar and
 * resources/exhibit under /opt/Vitrine, the data folder elsewhere. Real store, real package.
 */
describe('first start on a new machine (packaged layout)', () => {
  it('imports the built-in exhibit without a question, takes a PIN from the CLI, and never writes to the installed files', async () => {
    const tmp = tempDir();
    try {
      const install = join(tmp.path, 'opt/Vitrine');
      mkdirSync(join(install, 'resources/app.asar'), { recursive: true });
      cpSync(await makePackage(join(tmp.path, 'build')), join(install, 'resources/exhibit'), { recursive: true });
      const paths = resolveAppPaths({ isPackaged: true, appPath: join(install, 'resources/app.asar'), resourcesPath: join(install, 'resources') });
      const dataDir = defaultDataDir({ env: { VITRINE_DATA: join(tmp.path, 'var/lib/vitrine') }, platform: 'linux', homedir: join(tmp.path, 'home'), cwd: tmp.path });
      expect(relative(install, dataDir).startsWith('..')).toBe(true);
      const installed = folderFingerprint(install);

      const kiosk = await openVitrine({ dataDir, builtinPackage: paths.builtinPackage, log: createMemoryLogger() });
      try {
        expect(kiosk.store.liveVersionId()).not.toBeNull();
        expect(count(kiosk.store, 'SELECT count(*) FROM artifacts')).toBe(4);
        // The technician sets the PIN while the kiosk runs, from standard input (no shell history).
        const run = await runCli(['staff', 'set-pin', '-'], { VITRINE_DATA: dataDir }, '2468\n');
        expect(run).toMatchObject({ code: 0, stderr: '' });
        await expect(createPinStore(kiosk.store.db).verify('2468')).resolves.toBeUndefined();
      } finally {
        kiosk.close();
      }

      // After a power cut the kiosk starts on what it has: no second import.
      const again = await openVitrine({ dataDir, builtinPackage: paths.builtinPackage, log: createMemoryLogger() });
      try {
        expect(count(again.store, 'SELECT count(*) FROM package_versions')).toBe(1);
      } finally {
        again.close();
      }
      expect(folderFingerprint(install)).toEqual(installed);
    } finally {
      tmp.cleanup();
    }
  });
});
