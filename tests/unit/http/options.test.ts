// @vitest-environment node
/** Command-line options of the browser host, on every platform's rules. */
import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseBrowserHostArgs, type HostEnvironment } from '../../../src-main/http/options';

const linux: HostEnvironment = { env: {}, platform: 'linux', homedir: '/home/ada', cwd: '/srv/kiosk' };

function parse(argv: string[], environment: HostEnvironment = linux) {
  return parseBrowserHostArgs(argv, environment);
}

describe('parseBrowserHostArgs', () => {
  it('defaults to port 4380, the platform data folder and opening a browser', () => {
    expect(parse([])).toEqual({
      ok: true,
      options: { port: 4380, dataDir: '/home/ada/.local/share/vitrine', openBrowser: true, help: false },
    });
  });

  it('reads --port, --data and --no-browser in both spellings', () => {
    expect(parse(['--port', '8080', '--data', 'data', '--no-browser'])).toEqual({
      ok: true,
      options: { port: 8080, dataDir: '/srv/kiosk/data', openBrowser: false, help: false },
    });
    expect(parse(['--port=0', '--data=/var/lib/vitrine'])).toMatchObject({ ok: true, options: { port: 0, dataDir: '/var/lib/vitrine' } });
    expect(parse(['--port', '65535'])).toMatchObject({ ok: true, options: { port: 65535 } });
  });

  it('reads --help', () => {
    expect(parse(['--help'])).toMatchObject({ ok: true, options: { help: true } });
    expect(parse(['-h'])).toMatchObject({ ok: true, options: { help: true } });
  });

  it('refuses a port that is not a number from 0 to 65535', () => {
    for (const value of ['65536', '-1', 'abc', '80.5', '1e3', '', ' 80', '0x50', '999999']) {
      const result = parse([`--port=${value}`]);
      expect(result, value).toEqual({ ok: false, message: `--port must be a number from 0 to 65535 (got "${value}").` });
    }
    expect(parse(['--port', 'abc'])).toMatchObject({ ok: false, message: expect.stringContaining('--port must be a number from 0 to 65535') });
  });

  it('refuses an option with its value missing', () => {
    expect(parse(['--port'])).toEqual({ ok: false, message: '--port needs a value, e.g. --port 4380.' });
    expect(parse(['--port', '--no-browser'])).toMatchObject({ ok: false, message: expect.stringContaining('--port needs a value') });
    expect(parse(['--data'])).toMatchObject({ ok: false, message: expect.stringContaining('--data needs a folder') });
    expect(parse(['--data='])).toMatchObject({ ok: false, message: expect.stringContaining('--data needs a folder') });
  });

  it('refuses unknown options and stray words, naming them', () => {
    expect(parse(['--prot', '80'])).toEqual({ ok: false, message: 'Unknown option "--prot". Run with --help to see the options.' });
    expect(parse(['kiosk'])).toMatchObject({ ok: false, message: expect.stringContaining('"kiosk"') });
    expect(parse(['--no-browser=yes'])).toMatchObject({ ok: false });
  });
});

describe('defaultDataDir', () => {
  it('prefers $VITRINE_DATA, resolved against the working folder', () => {
    expect(defaultDataDir({ ...linux, env: { VITRINE_DATA: '/data/v', XDG_DATA_HOME: '/x' } })).toBe('/data/v');
    expect(defaultDataDir({ ...linux, env: { VITRINE_DATA: 'rel' } })).toBe('/srv/kiosk/rel');
    expect(parse(['--data', '/cli'], { ...linux, env: { VITRINE_DATA: '/data/v' } })).toMatchObject({ options: { dataDir: '/cli' } });
  });

  it('follows XDG on Linux, ignoring a relative XDG_DATA_HOME as the spec says', () => {
    expect(defaultDataDir({ ...linux, env: { XDG_DATA_HOME: '/home/ada/xdg' } })).toBe('/home/ada/xdg/vitrine');
    expect(defaultDataDir({ ...linux, env: { XDG_DATA_HOME: 'xdg' } })).toBe('/home/ada/.local/share/vitrine');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({ ...linux, platform: 'darwin', homedir: '/Users/ada' })).toBe('/Users/ada/Library/Application Support/Vitrine');
  });

  it('uses %APPDATA% on Windows', () => {
    const windows: HostEnvironment = { env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, platform: 'win32', homedir: 'C:\\Users\\ada', cwd: 'C:\\kiosk' };
    expect(defaultDataDir(windows)).toBe('C:\\Users\\ada\\AppData\\Roaming\\Vitrine');
    expect(defaultDataDir({ ...windows, env: {} })).toBe('C:\\Users\\ada\\AppData\\Roaming\\Vitrine');
    expect(parse(['--data', 'data'], windows)).toMatchObject({ options: { dataDir: 'C:\\kiosk\\data' } });
  });
});
