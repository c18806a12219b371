// @vitest-environment node
/** Finding a Chromium and a display, and the flags of the kiosk window. */
import { describe, expect, it } from 'vitest';
import { chromiumKioskArgs, findChromium, hasDisplay } from '../../../src-main/http/chromium';
import type { HostEnvironment } from '../../../src-main/http/options';

const linux = (env: HostEnvironment['env']): HostEnvironment => ({ env, platform: 'linux', homedir: '/home/ada', cwd: '/' });
const files = (...paths: string[]) => (path: string) => paths.includes(path);

describe('findChromium', () => {
  it('takes $CHROMIUM_PATH first when it exists', () => {
    const env = linux({ CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' });
    expect(findChromium(env, files('/opt/chrome/chrome', '/usr/bin/chromium'))).toBe('/opt/chrome/chrome');
    // A stale CHROMIUM_PATH falls back to PATH rather than failing.
    expect(findChromium(env, files('/usr/bin/chromium'))).toBe('/usr/bin/chromium');
  });

  it('searches PATH in order of preference', () => {
    const env = linux({ PATH: '/usr/local/bin:/usr/bin:/snap/bin' });
    expect(findChromium(env, files('/usr/bin/google-chrome', '/snap/bin/chromium'))).toBe('/snap/bin/chromium');
    expect(findChromium(env, files('/usr/bin/microsoft-edge'))).toBe('/usr/bin/microsoft-edge');
    expect(findChromium(env, files('/usr/bin/firefox'))).toBeNull();
    expect(findChromium(linux({}), files('/usr/bin/chromium'))).toBeNull();
  });

  it('finds .exe on Windows PATH and the usual install folders', () => {
    const windows: HostEnvironment = { env: { Path: 'C:\\Tools;C:\\Windows', PROGRAMFILES: 'C:\\Program Files' }, platform: 'win32', homedir: 'C:\\Users\\ada', cwd: 'C:\\' };
    expect(findChromium(windows, files('C:\\Tools\\chromium.exe'))).toBe('C:\\Tools\\chromium.exe');
    expect(findChromium(windows, files('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'))).toBe(
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    );
  });

  it('finds an app bundle on macOS', () => {
    const mac: HostEnvironment = { env: { PATH: '/usr/bin' }, platform: 'darwin', homedir: '/Users/ada', cwd: '/' };
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(mac, files(chrome))).toBe(chrome);
  });
});

describe('hasDisplay', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux, and assumes one on macOS and Windows', () => {
    expect(hasDisplay(linux({}))).toBe(false);
    expect(hasDisplay(linux({ DISPLAY: ':0' }))).toBe(true);
    expect(hasDisplay(linux({ WAYLAND_DISPLAY: 'wayland-0' }))).toBe(true);
    expect(hasDisplay({ ...linux({}), platform: 'darwin' })).toBe(true);
    expect(hasDisplay({ ...linux({}), platform: 'win32' })).toBe(true);
  });
});

describe('chromiumKioskArgs', () => {
  it('opens the address as a kiosk app with its own profile and no calls home', () => {
    const args = chromiumKioskArgs('http://127.0.0.1:4380/', '/data/chromium-profile');
    expect(args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--app=http://127.0.0.1:4380/',
        '--user-data-dir=/data/chromium-profile',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-features=Translate',
        '--overscroll-history-navigation=0',
        '--disable-pinch',
        '--noerrdialogs',
        '--disable-session-crashed-bubble',
        '--check-for-update-interval=31536000',
      ]),
    );
  });

  it('bounds the renderer\'s memory as the Electron app does (issue 18), without 16-bit tiles', () => {
    const args = chromiumKioskArgs('http://127.0.0.1:4380/', '/data/chromium-profile');
    expect(args).toEqual(expect.arrayContaining(['--enable-low-end-device-mode', '--disable-rgba-4444-textures']));
  });
});
