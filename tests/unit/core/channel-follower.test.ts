// @vitest-environment node
/**
 * A kiosk following a channel (issue 22), against a real web server on the loopback address:
 * it takes a signed package and shows it at its own next idle; an unchanged channel costs a 304;
 * a tampered channel, a truncated or wrong download, an old channel.json put back and an older
 * version are refused in words and change nothing; a cut download resumes where it stopped; a
 * channel that cannot be reached leaves the kiosk as it was, looking again later and later.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signChannel } from '../../../src-main/core/channel/channel-file';
import { publishPackage } from '../../../src-main/core/channel/publish';
import { createLogger } from '../../../src-main/core/log';
import { generateSigningKeys } from '../../../src-main/core/packages/signing';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { startChannelServer, type ChannelServer } from '../../helpers/channel-server';
import { ManualClock } from '../../helpers/clock';
import { makePackage, smallSource, tempDir } from '../../helpers/packages';

const key = generateSigningKeys();
let root: ReturnType<typeof tempDir>;
const packages: Record<string, string> = {};
let server: ChannelServer;
let channelDir: string;
let core: VitrineCore;
let clock: ManualClock;
let sleeps: number[];
let n = 0;

const withVersion = (version: string) => {
  const source = smallSource();
  source.package.version = version;
  return source;
};
const publish = (version: string, group: string | null = null) => publishPackage({ archive: packages[version]!, channelDir, privatePem: key.privatePem, group });
const live = () => core.store.db.prepare<[], { version: string }>('SELECT v.version FROM live JOIN package_versions v ON v.id = live.version_id').get()?.version ?? null;
const packageRequests = () => server.requests.filter((r) => r.path.endsWith('.vitrine'));
const downloads = () => readdirSync(join(core.store.db.name, '../channel')).filter((f) => f !== 'state.json');

beforeAll(async () => {
  root = tempDir();
  for (const version of ['1.0.0', '2.0.0', '3.0.0']) packages[version] = await makePackage(root.path, withVersion(version), `v${version}.vitrine`, { signingKeyPem: key.privatePem });
}, 60_000);
afterAll(() => root.cleanup());

/** The kiosk on this test's data folder (opened anew: a restart). */
const openKiosk = () =>
  openVitrine({
    dataDir: join(root.path, `data-${n}`), builtinPackage: null, clock, log: createLogger(() => undefined),
    channel: { firstCheckMs: 3_600_000, random: () => 0.5, sleep: (ms) => { sleeps.push(ms); return new Promise((resolve) => setTimeout(resolve, ms)); } },
  });

beforeEach(async () => {
  n += 1;
  channelDir = join(root.path, `channel-${n}`);
  server = await startChannelServer(channelDir);
  clock = new ManualClock();
  sleeps = [];
  core = await openKiosk();
  core.settings.set('trustedKeys', [key.publicKey]);
  core.settings.set('channelMaxKBps', 0);
});
afterEach(async () => {
  core.close();
  await server.close();
});

describe('following a channel', () => {
  it('takes nothing without a trusted key, and asks nothing', async () => {
    core.settings.set('trustedKeys', []);
    core.settings.set('channelUrl', server.channelUrl);
    await publish('1.0.0');
    const status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'needs-key', problem: expect.stringMatching(/no trusted key/) });
    expect(server.requests).toEqual([]);
  });

  it('takes the package, records it for staff, and an unchanged channel then costs a 304', async () => {
    await publish('1.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    const status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'waiting', problem: null, failures: 0, offered: { packageId: 'test-exhibit', version: '1.0.0' } });
    expect(live()).toBe('1.0.0');
    expect(core.inbox.results(1)[0]).toMatchObject({ name: 'channel: test-exhibit 1.0.0', outcome: 'imported' });
    expect(downloads()).toEqual([]); // the download is removed once imported

    await core.channel.checkNow();
    expect(server.requests.at(-1)).toMatchObject({ path: 'channel.json', status: 304 });
    expect(packageRequests()).toHaveLength(1);
  });

  it('goes live at its own next idle, never in front of a visitor', async () => {
    await publish('1.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    await core.channel.checkNow();
    core.api.reportVisitorState({ state: 'visiting' });
    await publish('2.0.0');
    await core.channel.checkNow();
    expect(live()).toBe('1.0.0');
    expect(core.inbox.results(1)[0]!.message).toMatch(/goes live when the kiosk is next idle/);
    core.api.reportVisitorState({ state: 'attract' });
    expect(live()).toBe('2.0.0');
  });

  it('refuses a tampered channel.json, downloading nothing and changing nothing', async () => {
    await publish('1.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    await core.channel.checkNow();
    await publish('2.0.0');
    const path = join(channelDir, 'channel.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"title": "Test exhibit"', '"title": "Test exhibit!"'));
    const status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'refused', problem: expect.stringMatching(/changed after it was signed/) });
    expect(live()).toBe('1.0.0');
    expect(packageRequests()).toHaveLength(1);
  });

  it('refuses a download cut short on the server or with other bytes, deletes it, and does not fetch it again until the channel changes', async () => {
    await publish('1.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    server.faults.truncateTo = 1000;
    let status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'refused', problem: expect.stringMatching(/is 1000 bytes, but the channel says \d+/) });
    expect(live()).toBeNull();
    expect(downloads()).toEqual([]);
    expect(core.inbox.results(1)[0]).toMatchObject({ outcome: 'refused' });
    await core.channel.checkNow();
    expect(packageRequests()).toHaveLength(1); // refused once is enough for this channel.json

    // The same size, other bytes: the hash catches it.
    delete server.faults.truncateTo;
    await publish('2.0.0'); // a new channel.json: the kiosk tries again
    const served = join(channelDir, 'packages/test-exhibit-2.0.0.vitrine');
    const bytes = readFileSync(served);
    bytes[bytes.length - 30] = bytes[bytes.length - 30]! ^ 0xff;
    writeFileSync(served, bytes);
    status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'refused', failures: 0, problem: expect.stringMatching(/has SHA-256 [0-9a-f]{64}, but the channel says/) });
    expect(live()).toBeNull();
    expect(downloads()).toEqual([]);
  });

  it('stops a download when staff point the kiosk elsewhere, imports nothing from the old channel, and looks again soon', async () => {
    await publish('1.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    core.settings.set('channelMaxKBps', 4); // slow: a few seconds for the package
    const look = core.channel.checkNow();
    await vi.waitFor(() => expect(core.channel.status().download?.done ?? 0).toBeGreaterThan(0), { timeout: 10_000 });
    const before = clock.pending;
    core.settings.set('channelUrl', `${server.url}elsewhere/channel.json`); // apply(): the download stops
    const ended = await look;
    expect(ended).toMatchObject({ state: 'waiting', problem: null });
    expect(live()).toBeNull();
    expect(core.inbox.results(1)).toEqual([]);
    expect(Date.parse(ended.nextCheckAt!) - clock.now()).toBe(1000); // soon, for the new address
    expect(clock.pending).toBe(before);
    expect(downloads().some((f) => f.endsWith('.part'))).toBe(true); // kept for a resume
  });

  it('stops a download when the kiosk stops, and imports nothing', async () => {
    await publish('1.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    core.settings.set('channelMaxKBps', 4);
    const look = core.channel.checkNow();
    await vi.waitFor(() => expect(core.channel.status().download?.done ?? 0).toBeGreaterThan(0), { timeout: 10_000 });
    core.channel.stop();
    expect((await look).state).toBe('waiting');
    expect(live()).toBeNull();
    expect(core.inbox.results(1)).toEqual([]);
  });

  it('refuses a package the disk has no room for, before downloading a byte', async () => {
    const huge = signChannel({
      format: 'vitrine-channel', formatVersion: 1, sequence: 1, published: new Date().toISOString(),
      packages: [{ group: null, packageId: 'huge', version: '1.0.0', title: 'Huge', bytes: 64 * 1024 ** 3, sha256: 'a'.repeat(64), url: 'packages/huge.vitrine' }],
    }, key.privatePem);
    mkdirSync(channelDir, { recursive: true });
    writeFileSync(join(channelDir, 'channel.json'), huge);
    core.settings.set('channelUrl', server.channelUrl);
    const status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'refused', problem: expect.stringMatching(/^Not enough disk space for "Huge" 1\.0\.0: it needs about [\d,]+ MB free/) });
    expect(packageRequests()).toEqual([]);
  });

  it('resumes a download cut by the network from where it stopped', async () => {
    await publish('1.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    const half = Math.floor(statSync(packages['1.0.0']!).size / 2);
    server.faults.cutAfter = half;
    let status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'offline', failures: 1, problem: expect.stringMatching(new RegExp(`stopped at ${half} of \\d+ bytes`)) });
    const part = downloads().find((f) => f.endsWith('.part'))!;
    expect(statSync(join(core.store.db.name, '../channel', part)).size).toBe(half);
    status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'waiting', failures: 0 });
    expect(packageRequests().at(-1)).toMatchObject({ status: 206, headers: { range: `bytes=${half}-`, 'if-range': expect.any(String) } });
    expect(live()).toBe('1.0.0');
  });

  it('looks at its normal pace again once the channel answers, even when it refuses what the channel offers', async () => {
    await publish('1.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    server.faults.cutAfter = 1000;
    expect(await core.channel.checkNow()).toMatchObject({ state: 'offline', failures: 1 });
    server.faults.truncateTo = 2000; // the file on the server is now cut short
    const status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'refused', failures: 0 });
    expect(Date.parse(status.nextCheckAt!) - clock.now()).toBe(15 * 60_000); // channelPollMinutes, not a retry
  });

  it('keeps what it shows when the channel cannot be reached, and waits longer after each failure', async () => {
    await publish('1.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    await core.channel.checkNow();
    await server.close();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const status = await core.channel.checkNow();
      expect(status).toMatchObject({ state: 'offline', failures: i + 1, problem: expect.stringMatching(/could not be reached \((the server refused the connection: is the web server running\?; ECONNREFUSED|the connection was closed; UND_ERR_SOCKET)\)\. The kiosk keeps showing what it has/) });
      waits.push(Date.parse(status.nextCheckAt!) - clock.now());
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000]); // random 0.5: the middle of the spread
    expect(live()).toBe('1.0.0');
    server = await startChannelServer(channelDir); // for afterEach
  });

  it('refuses an older channel.json put back, and an older version than it shows', async () => {
    await publish('2.0.0');
    const old = readFileSync(join(channelDir, 'channel.json'));
    await publish('3.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    await core.channel.checkNow();
    expect(live()).toBe('3.0.0');
    writeFileSync(join(channelDir, 'channel.json'), old);
    let status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'refused', problem: expect.stringMatching(/sequence 1 is older than the 2 this kiosk has read/) });

    rmSync(join(channelDir, 'channel.json'));
    rmSync(join(channelDir, 'packages'), { recursive: true });
    const fresh = join(root.path, `channel-${n}-b`);
    channelDir = fresh;
    await publish('1.0.0');
    await server.close();
    server = await startChannelServer(fresh);
    core.settings.set('channelUrl', server.channelUrl);
    status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'refused', problem: expect.stringMatching(/older than the 3.0.0 this kiosk has/) });
    expect(packageRequests()).toHaveLength(0);
    expect(existsSync(join(fresh, 'channel.json'))).toBe(true);
  });

  it('still refuses an old channel.json put back after it was pointed at another channel and back', async () => {
    await publish('2.0.0');
    const old = readFileSync(join(channelDir, 'channel.json'));
    await publish('3.0.0');
    const first = server;
    core.settings.set('channelUrl', first.channelUrl);
    await core.channel.checkNow();
    expect(live()).toBe('3.0.0');

    channelDir = join(root.path, `channel-${n}-other`);
    await publish('3.0.0');
    const other = await startChannelServer(channelDir);
    try {
      core.settings.set('channelUrl', other.channelUrl);
      expect((await core.channel.checkNow()).problem).toBeNull();
    } finally {
      await other.close();
    }

    writeFileSync(join(root.path, `channel-${n}`, 'channel.json'), old);
    core.settings.set('channelUrl', first.channelUrl);
    const status = await core.channel.checkNow();
    expect(status).toMatchObject({ state: 'refused', problem: expect.stringMatching(/sequence 1 is older than the 2 this kiosk has read/) });
    expect(live()).toBe('3.0.0');
  });

  it('remembers a refused download across a restart, and does not fetch it again', async () => {
    await publish('1.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    server.faults.truncateTo = 1000;
    const refused = await core.channel.checkNow();
    expect(refused).toMatchObject({ state: 'refused', problem: expect.stringMatching(/is 1000 bytes, but the channel says \d+/) });
    expect(packageRequests()).toHaveLength(1);

    core.close();
    core = await openKiosk();
    const again = await core.channel.checkNow();
    expect(again).toMatchObject({ state: 'refused', problem: refused.problem });
    expect(server.requests.at(-1)).toMatchObject({ path: 'channel.json', status: 200 }); // a new process asks in full
    expect(packageRequests()).toHaveLength(1);
    expect(live()).toBeNull();
  });

  it('holds a download under the bandwidth ceiling', async () => {
    await publish('1.0.0');
    core.settings.set('channelUrl', server.channelUrl);
    core.settings.set('channelMaxKBps', 64);
    const status = await core.channel.checkNow();
    expect(status.state).toBe('waiting');
    const bytes = statSync(packages['1.0.0']!).size;
    // The waits asked for add up to the time the bytes take at 64 KB/s (less what the transfer itself took).
    const asked = sleeps.reduce((a, b) => a + b, 0);
    expect(asked).toBeGreaterThan((bytes / (64 * 1024)) * 1000 * 0.7);
    expect(asked).toBeLessThanOrEqual((bytes / (64 * 1024)) * 1000);
  });
});
