/**
 * A fleet of three kiosks (issue 22) with the servers a museum's IT runs, from Debian: nginx
 * serves a channel that `vitrine publish` wrote; each kiosk pulls the same package and shows it
 * at its own next idle (one has a visitor, who is never interrupted); the channel is updated and
 * all three follow by their own polling; Prometheus scrapes the three, and vitrine_content_version
 * is read back through its HTTP API; a tampered channel and a truncated download are refused;
 * nginx stopped mid-download and started again, and the download resumes with a Range request.
 * All traffic stays on 127.0.0.1.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { ChannelStatusView, StaffStatusView } from '../../src-main/contract/types';
import { writeSource, smallSource, tempDir } from '../helpers/packages';
import { browserHostOnly, expect, screenOf, scrollIntoReach, test, type Page } from './support/test';
import { freePort, nginx, prometheus, type Nginx, type Prometheus } from './support/fleet';
import { startHost, type RunningHost } from './support/host';
import { openStaffMode } from './support/staff-host';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);
const PIN = '2468';
const TOKEN = 'fleet-e2e-metrics-token-0123456789';
/**
 * The rotunda's visitor stays through everything the test does before they leave (the other
 * kiosks reset sooner): long, since leaving costs nothing: the rotunda's own clock is moved on
 * (page.clock) rather than waited for.
 */
const ROTUNDA_IDLE_SECONDS = 120;
const cli = (...args: string[]) => run(process.execPath, [join(ROOT, 'out/main/cli.js'), ...args], { cwd: ROOT });

let work: ReturnType<typeof tempDir>;
let channel: string;
let key: string;
let server: Nginx;
let prom: Prometheus | null = null;
const kiosks: { name: string; host: RunningHost; token: string; metrics: string }[] = [];

/** Packs edition `n` of the small exhibit, signed, and publishes it to the channel, as IT would. */
async function publishEdition(n: number, big = false): Promise<string> {
  const source = smallSource();
  source.package.version = `${n}.0.0`;
  source.exhibit.title = `Edition ${n}`;
  const dir = await writeSource(join(work.path, `source-${n}`), source);
  // A large page of noise (it does not compress): a download long enough to be cut halfway.
  if (big) await sharp(Buffer.from(Array.from({ length: 1400 * 1000 * 3 }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 251)), { raw: { width: 1400, height: 1000, channels: 3 } }).jpeg({ quality: 95 }).toFile(join(dir, 'media/a1-1.jpg'));
  const archive = join(work.path, `edition-${n}.vitrine`);
  await cli('pack', dir, '--out', archive, '--sign', `${key}.key`);
  await cli('publish', archive, '--channel', channel, '--key', `${key}.key`);
  return archive;
}

/** One verb of a kiosk's API over HTTP, as its own page would call it. */
async function call<T>(kiosk: { host: RunningHost }, verb: string, args: object): Promise<T> {
  const response = await fetch(new URL(`api/${verb}`, kiosk.host.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
  const envelope = (await response.json()) as { ok: boolean; result?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${verb}: ${envelope.error?.message}`);
  return envelope.result as T;
}
const status = (k: (typeof kiosks)[number]) => call<StaffStatusView>(k, 'staffStatus', { token: k.token, watching: true });
const liveOf = async (k: (typeof kiosks)[number]) => (await status(k)).live?.version ?? null;

test.beforeAll(async () => {
  browserHostOnly('three kiosks at once, each with its own servers');
  test.setTimeout(240_000);
  work = tempDir('vitrine-e2e-fleet-');
  channel = join(work.path, 'channel');
  key = join(work.path, 'museum');
  await cli('keygen', '--out', key);
  const trusted = JSON.stringify([readFileSync(`${key}.pub`, 'utf8').trim()]);
  const first = await publishEdition(1);
  // A slow line (2 Mbit/s): a large package is still on its way when the test stops nginx,
  // rather than already whole in the kernel's socket buffers.
  server = await nginx(channel, work.path, { limitRate: '256k' });
  for (const name of ['east-1', 'east-2', 'rotunda']) {
    const metrics = `127.0.0.1:${await freePort()}`;
    const host = await startHost(
      {
        trustedKeys: trusted, channelUrl: `${server.url}channel.json`, channelPollMinutes: 1, channelMaxKBps: 0,
        metricsAddress: metrics, metricsToken: TOKEN, idleTimeoutSeconds: name === 'rotunda' ? ROTUNDA_IDLE_SECONDS : 8, idleCountdownSeconds: 3,
      },
      undefined,
      async (dataDir) => {
        await cli('staff', 'set-pin', PIN, '--data', dataDir, '--create');
        await cli('import', first, '--now', '--data', dataDir); // edition 1, as from a USB stick at install
      },
    );
    const { token } = await call<{ token: string }>({ host }, 'staffLogin', { pin: PIN });
    kiosks.push({ name, host, token, metrics });
  }
});

test.afterAll(async () => {
  for (const k of kiosks) await k.host.stop();
  await prom?.stop();
  await server?.stop();
  work?.cleanup();
});

test('three kiosks pull from nginx, each at its own idle; they follow the channel; Prometheus reads their versions', async ({ browser }) => {
  test.setTimeout(300_000);
  const [east1, east2, rotunda] = kiosks as [(typeof kiosks)[number], (typeof kiosks)[number], (typeof kiosks)[number]];
  const pages: Page[] = [];
  for (const k of kiosks) {
    const page = await (await browser.newContext({ hasTouch: true, viewport: { width: 1920, height: 1080 } })).newPage();
    pages.push(await k.host.open(page, { clock: k === rotunda }));
  }
  const [page1, , page3] = pages as [Page, Page, Page];
  for (const page of pages) await expect(screenOf(page, 'attract').getByRole('heading', { level: 1 })).toHaveText('Edition 1');

  // A visitor is exploring the rotunda's kiosk when edition 2 is published (and stays longer
  // than it takes the kiosk to find it, by its own look or when asked).
  await page3.getByRole('button', { name: 'Touch to begin' }).tap();
  await expect(screenOf(page3, 'home')).toBeVisible();
  await publishEdition(2);

  // Staff at east-1 look now, on the staff screen; the others are asked through their staff API.
  const panel = await openStaffMode(page1, PIN);
  const lookNow = panel.getByRole('button', { name: 'Look at the channel now' });
  await scrollIntoReach(lookNow);
  await lookNow.tap();
  await expect(panel.getByTestId('staff-fleet')).toContainText('"Test exhibit" 2.0.0', { timeout: 30_000 });
  await expect(panel.getByTestId('staff-channel-state')).toHaveText('Up to date', { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Close' }).tap();
  // Closing staff mode ended its session (one at a time): the test's own staff session is renewed.
  east1.token = (await call<{ token: string }>(east1, 'staffLogin', { pin: PIN })).token;
  for (const k of [east2, rotunda]) await call<ChannelStatusView>(k, 'staffCheckChannel', { token: k.token });
  await expect.poll(() => liveOf(east1), { timeout: 30_000 }).toBe('2.0.0');
  await expect.poll(() => liveOf(east2), { timeout: 30_000 }).toBe('2.0.0');
  // The rotunda's visitor is not interrupted: edition 2 waits until the kiosk is idle again.
  await expect.poll(async () => (await status(rotunda)).pending?.version, { timeout: 30_000 }).toBe('2.0.0');
  expect(await liveOf(rotunda)).toBe('1.0.0');
  await expect(screenOf(page3, 'home')).toBeVisible();
  // The visitor walks away.
  await page3.clock.runFor((ROTUNDA_IDLE_SECONDS + 3 + 1) * 1000);
  await expect(screenOf(page3, 'attract').getByRole('heading', { level: 1 })).toHaveText('Edition 2', { timeout: 30_000 });
  // East-1 stayed on its attract screen throughout: it shows the new edition from its next
  // report to the core (every 30 s, src-renderer/state/publish-watch.ts).
  await expect(screenOf(page1, 'attract').getByRole('heading', { level: 1 })).toHaveText('Edition 2', { timeout: 60_000 });

  // Edition 3: nobody asks; every kiosk finds it at its own next look (each minute, spread).
  await publishEdition(3);
  for (const k of kiosks) await expect.poll(() => liveOf(k), { timeout: 120_000, intervals: [1000] }).toBe('3.0.0');

  // Prometheus scrapes the three kiosks; their versions are read through its own HTTP API.
  prom = await prometheus(Object.fromEntries(kiosks.map((k) => [k.name, k.metrics])), TOKEN, work.path);
  await expect.poll(async () => (await prom!.query('vitrine_content_version')).map((r) => `${r.metric.kiosk} ${r.value}`).sort(), { timeout: 30_000 })
    .toEqual(['east-1 3000000', 'east-2 3000000', 'rotunda 3000000']);
  const up = await prom.query('up{job="vitrine"}');
  expect(up.map((r) => r.value)).toEqual([1, 1, 1]);
});

test('a tampered channel and a truncated download are refused; a download cut by nginx stopping resumes', async () => {
  test.setTimeout(300_000);
  const east1 = kiosks[0]!;
  // east-1 looks only when asked from now on: its own looks each minute could otherwise meet a
  // file between two of the test's steps. (Setting it makes a look; it is waited for.)
  await call(east1, 'staffSetSetting', { token: east1.token, key: 'channelPollMinutes', value: 600 });
  await expect.poll(async () => (await call<ChannelStatusView>(east1, 'staffCheckChannel', { token: east1.token })).state, { timeout: 30_000 }).toBe('waiting');
  const channelFile = join(channel, 'channel.json');
  const signed = readFileSync(channelFile, 'utf8');

  // Someone edits channel.json on the server: refused, and nothing changes.
  writeFileSync(channelFile, signed.replace('"version": "3.0.0"', '"version": "9.0.0"'));
  let look = await call<ChannelStatusView>(east1, 'staffCheckChannel', { token: east1.token });
  expect(look).toMatchObject({ state: 'refused', problem: expect.stringMatching(/changed after it was signed/) });
  expect(await liveOf(east1)).toBe('3.0.0');
  writeFileSync(channelFile, signed);

  // Edition 4's file is cut short on the server: refused by its size, deleted, nothing changes.
  await publishEdition(4);
  const file4 = join(channel, 'packages/test-exhibit-4.0.0.vitrine');
  truncateSync(file4, Math.floor(statSync(file4).size / 2));
  look = await call<ChannelStatusView>(east1, 'staffCheckChannel', { token: east1.token });
  expect(look).toMatchObject({ state: 'refused', problem: expect.stringMatching(/is \d+ bytes, but the channel says \d+/) });
  expect(await liveOf(east1)).toBe('3.0.0');
  expect(readdirSync(join(east1.host.dataDir, 'channel')).filter((f) => f.endsWith('.part'))).toEqual([]);

  // Edition 5 is large; east-1 downloads it over a slow line (nginx's limit_rate), and nginx
  // stops halfway.
  await publishEdition(5, true);
  const bytes5 = statSync(join(channel, 'packages/test-exhibit-5.0.0.vitrine')).size;
  expect(bytes5).toBeGreaterThan(1_000_000);
  void call(east1, 'staffCheckChannel', { token: east1.token }).catch(() => undefined);
  await expect.poll(async () => (await status(east1)).channel.download?.done ?? 0, { timeout: 30_000, intervals: [200] }).toBeGreaterThan(200_000);
  await server.stop();
  await expect.poll(async () => (await status(east1)).channel.state, { timeout: 90_000 }).toBe('offline');
  const part = readdirSync(join(east1.host.dataDir, 'channel')).find((f) => f.endsWith('.part'))!;
  const kept = statSync(join(east1.host.dataDir, 'channel', part)).size;
  expect(kept).toBeGreaterThan(200_000);
  expect(kept).toBeLessThan(bytes5);
  expect(await liveOf(east1)).toBe('3.0.0');

  // nginx is back; staff look now: the download resumes where it stopped.
  await server.start();
  await call(east1, 'staffCheckChannel', { token: east1.token });
  await expect.poll(() => liveOf(east1), { timeout: 60_000 }).toBe('5.0.0');
  // Its request in nginx's log: "<path> 206 bytes=<kept>- <bytes sent>" (other kiosks poll too).
  expect(server.accessLog()).toContain(`/packages/test-exhibit-5.0.0.vitrine 206 bytes=${kept}- ${bytes5 - kept}`);
});
