import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDevLaunch, resolveAppPaths } from '../../../src-main/electron/paths';

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
