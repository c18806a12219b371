// @vitest-environment node
/** The browser host from start to stop, with a fake core and a fake browser launcher. */
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import type { KioskHost } from '../../../src-main/core/staff/api';
import type { HostEnvironment } from '../../../src-main/http/options';
import { runBrowserHost, type HostDeps, type LaunchedBrowser, type RunningHost } from '../../../src-main/http/run-host';
import { fakeApi, makeFixture, type Fixture } from './helpers';

let fixture: Fixture;
const running: RunningHost[] = [];

beforeAll(() => {
  fixture = makeFixture();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((host) => host.stop()));
});
afterAll(() => fixture.cleanup());

interface FakeBrowser extends LaunchedBrowser {
  command: string;
  args: string[];
  killed: boolean;
  exit(code: number | null): void;
  fail(error: Error): void;
}

function setup(argv: string[], env: HostEnvironment['env'] = {}, files: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const core = { opened: [] as string[], hosts: [] as KioskHost[], closed: 0 };
  const browsers: FakeBrowser[] = [];
  let clock = 1_000;
  const deps: HostDeps = {
    argv,
    environment: { env, platform: 'linux', homedir: fixture.root, cwd: fixture.root },
    rendererDir: fixture.rendererDir,
    openCore: async (dataDir, host) => {
      core.opened.push(dataDir);
      core.hosts.push(host);
      return { api: fakeApi(), mediaDir: fixture.mediaDir, tilesDir: fixture.tilesDir, close: () => void core.closed++ };
    },
    isFile: (path) => files.includes(path),
    launch: (command, args) => {
      const exits: ((code: number | null) => void)[] = [];
      const errors: ((error: Error) => void)[] = [];
      const browser: FakeBrowser = {
        command,
        args,
        killed: false,
        kill: () => void (browser.killed = true),
        onExit: (listener) => void exits.push(listener),
        onError: (listener) => void errors.push(listener),
        exit: (code) => exits.forEach((listener) => listener(code)),
        fail: (error) => errors.forEach((listener) => listener(error)),
      };
      browsers.push(browser);
      return browser;
    },
    log: createMemoryLogger(),
    out: (line) => void out.push(line),
    err: (line) => void err.push(line),
    now: () => clock,
  };
  const start = async () => {
    const outcome = await runBrowserHost(deps);
    if ('running' in outcome) running.push(outcome.running);
    return outcome;
  };
  return { deps, out, err, core, browsers, start, advance: (ms: number) => void (clock += ms) };
}

function runningOf(outcome: Awaited<ReturnType<typeof runBrowserHost>>): RunningHost {
  if (!('running' in outcome)) throw new Error(`expected a running host, got exit ${outcome.exitCode}`);
  return outcome.running;
}

describe('runBrowserHost', () => {
  it('serves the core, prints the address and exactly one ready line, then stops cleanly', async () => {
    const t = setup(['--port', '0', '--no-browser', '--data', 'kiosk-data']);
    const host = runningOf(await t.start());
    expect(t.core.opened).toEqual([join(fixture.root, 'kiosk-data')]);
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(t.out).toEqual([`Vitrine is running at ${host.url}`, `VITRINE_READY ${host.url}`]);
    expect(t.err).toEqual([]);
    expect(t.browsers).toEqual([]);

    const res = await fetch(`${host.url}api/getHealth`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(await res.json()).toMatchObject({ ok: true, result: { version: '0.1.0' } });

    await Promise.all([host.stop(), host.stop()]);
    await host.stopped;
    expect(t.core.closed).toBe(1);
    await expect(fetch(host.url)).rejects.toThrow();
  });

  it('refuses a bad option with its message and exit code 2, before opening anything', async () => {
    const t = setup(['--port', 'eighty']);
    expect(await t.start()).toEqual({ exitCode: 2 });
    expect(t.err).toEqual(['--port must be a number from 0 to 65535 (got "eighty").']);
    expect(t.core.opened).toEqual([]);
  });

  it('prints the usage for --help', async () => {
    const t = setup(['--help']);
    expect(await t.start()).toEqual({ exitCode: 0 });
    expect(t.out[0]).toMatch(/^Usage:/);
    expect(t.out[0]).toContain('--no-browser');
  });

  it('says the renderer must be built when index.html is missing', async () => {
    const t = setup(['--port', '0', '--no-browser']);
    t.deps.rendererDir = join(fixture.root, 'not-built');
    expect(await t.start()).toEqual({ exitCode: 1 });
    expect(t.err[0]).toContain('run npm run build first');
  });

  it('reports a core failure with its message and exit code 1', async () => {
    const t = setup(['--port', '0', '--no-browser']);
    t.deps.openCore = async () => {
      throw new Error('The store was written by a newer Vitrine (version 9).');
    };
    expect(await t.start()).toEqual({ exitCode: 1 });
    expect(t.err).toHaveLength(1);
    expect(t.err[0]).toContain('The store was written by a newer Vitrine (version 9).');
    expect(t.out).toEqual([]);
  });

  it('says which port is in use and how to choose another, and closes the core', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const t = setup(['--port', String(port), '--no-browser']);
      expect(await t.start()).toEqual({ exitCode: 1 });
      expect(t.err).toEqual([`Port ${port} is already in use; start with --port <another>.`]);
      expect(t.core.closed).toBe(1);
      expect(t.out.some((line) => line.startsWith('VITRINE_READY'))).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('says plainly when no browser or no display is found, with the address to open', async () => {
    const noBrowser = setup(['--port', '0'], { DISPLAY: ':0', PATH: '/usr/bin' });
    const first = runningOf(await noBrowser.start());
    expect(noBrowser.out[2]).toBe(`No Chromium-family browser was found (install chromium or set CHROMIUM_PATH), so no kiosk window was opened: open ${first.url} in a browser on this machine.`);

    const noDisplay = setup(['--port', '0'], { PATH: '/usr/bin' }, ['/usr/bin/chromium']);
    const second = runningOf(await noDisplay.start());
    expect(noDisplay.out[2]).toContain('No display was found');
    expect(noDisplay.out[2]).toContain(second.url);
    expect(noDisplay.browsers).toEqual([]);
  });

  it('opens a kiosk window with its own profile in the data folder, and stops when it is closed', async () => {
    const t = setup(['--port', '0', '--data', '/var/vitrine'], { WAYLAND_DISPLAY: 'wayland-0', PATH: '/usr/bin' }, ['/usr/bin/chromium']);
    const host = runningOf(await t.start());
    expect(t.out).toEqual([`Vitrine is running at ${host.url}`, `VITRINE_READY ${host.url}`]);
    const [browser] = t.browsers;
    expect(browser?.command).toBe('/usr/bin/chromium');
    expect(browser?.args).toContain(`--app=${host.url}`);
    expect(browser?.args).toContain('--kiosk');
    expect(browser?.args).toContain('--user-data-dir=/var/vitrine/chromium-profile');

    t.advance(60_000);
    browser!.exit(0);
    await host.stopped;
    expect(t.out.at(-1)).toBe('The kiosk window was closed, so Vitrine stops.');
    expect(t.core.closed).toBe(1);
  });

  it('tells the core it is the browser host and where it serves, and keeps a browser crash for the next start', async () => {
    const dataDir = join(fixture.root, 'data-crash');
    const env = { DISPLAY: ':0', PATH: '/usr/bin' };
    const t = setup(['--port', '0', '--data', dataDir], env, ['/usr/bin/chromium']);
    const host = runningOf(await t.start());
    const [kiosk] = t.core.hosts;
    expect(kiosk).toMatchObject({ kind: 'browser', versions: { node: process.versions.node } });
    expect(kiosk!.address!()).toBe(host.url);
    expect(kiosk!.recentCrashes!()).toEqual([]);
    t.advance(60_000);
    t.browsers[0]!.exit(139);
    await host.stopped;

    const again = setup(['--port', '0', '--data', dataDir], env, ['/usr/bin/chromium']);
    runningOf(await again.start());
    expect(again.core.hosts[0]!.recentCrashes!()).toEqual([{ at: expect.any(String), kind: 'browser', detail: "The kiosk window's browser ended with exit code 139" }]);
  });

  it('keeps serving when the browser exits at once or cannot start', async () => {
    const t = setup(['--port', '0'], { DISPLAY: ':0', CHROMIUM_PATH: '/opt/chrome' }, ['/opt/chrome']);
    const host = runningOf(await t.start());
    t.browsers[0]!.exit(1);
    expect(t.out.at(-1)).toBe(`The browser exited at once (exit code 1); Vitrine keeps running at ${host.url}`);

    const u = setup(['--port', '0'], { DISPLAY: ':0', CHROMIUM_PATH: '/opt/chrome' }, ['/opt/chrome']);
    const other = runningOf(await u.start());
    u.browsers[0]!.fail(Object.assign(new Error('spawn /opt/chrome EACCES'), { code: 'EACCES' }));
    u.browsers[0]!.exit(null);
    expect(u.out.slice(2)).toEqual([`The browser /opt/chrome could not be started (spawn /opt/chrome EACCES): open ${other.url} in a browser on this machine.`]);
    expect((await fetch(host.url)).status).toBe(200);
    expect((await fetch(other.url)).status).toBe(200);
  });

  it('closes the browser it launched when the host is stopped', async () => {
    const t = setup(['--port', '0'], { DISPLAY: ':0', CHROMIUM_PATH: '/opt/chrome' }, ['/opt/chrome']);
    const host = runningOf(await t.start());
    await host.stop();
    expect(t.browsers[0]!.killed).toBe(true);
  });
});
