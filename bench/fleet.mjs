/**
 * A kiosk following a channel (issue 22, "Benchmark"): what it costs the kiosk.
 *
 * - Polling: the browser host on the built-in exhibit, its channel served by nginx (Debian's, on
 *   127.0.0.1) offering what it already has, looked at every minute: the host process's CPU and
 *   RSS over 150 s, sampled each second from /proc, and the looks nginx logged.
 * - Downloading: the channel then offers a 250 MB file (random bytes, signed into channel.json
 *   with its size and SHA-256), at the default ceiling (channelMaxKBps 2048): the same samples
 *   until the download ends, and the tap walk of bench/taps.mjs meanwhile; then as many visits
 *   again with no download, for the tap p95 during against without. The file is not a package,
 *   so the import that follows refuses it at once: importing is bench/import.mjs's figure.
 * - The same 250 MB with no ceiling: how long, and the CPU it takes.
 *   node bench/fleet.mjs
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { callApi, cli, launchChromium, preparedDataDir, requireBuild, root, startHost, tempDir } from './support.mjs';
import { staticHostFor } from './static-exhibit.mjs';
import { cycles, report, startWalk } from './taps.mjs';

const MB = 1024 * 1024;
const CLK_TCK = 100; // Linux's USER_HZ: /proc's CPU times are in hundredths of a second
const PIN = '2468';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds so far and RSS now of process `pid`, from /proc. */
function processSample(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime + stime
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  return { at: performance.now(), cpu, rss };
}

/** Samples `pid` every quarter second until `done()` says stop; returns CPU % and RSS over the window. */
async function watch(pid, done) {
  const samples = [processSample(pid)];
  do {
    await sleep(250);
    samples.push(processSample(pid));
  } while (!(await done()));
  const first = samples[0];
  const last = samples.at(-1);
  const seconds = (last.at - first.at) / 1000;
  const rss = samples.map((s) => s.rss);
  return { seconds, cpuPercent: (100 * (last.cpu - first.cpu)) / seconds, rssStartMB: first.rss / MB, rssMaxMB: Math.max(...rss) / MB, rssEndMB: last.rss / MB };
}

/** A random file of `bytes`, and its SHA-256. */
async function randomFile(path, bytes) {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let written = 0; written < bytes; written += MB) {
    const chunk = randomBytes(Math.min(MB, bytes - written));
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return hash.digest('hex');
}

export async function benchFleet({ sizeMB = 250, pollSeconds = 150 } = {}) {
  requireBuild();
  const vite = await createServer({
    configFile: false, root, logLevel: 'error', appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true, include: [] },
  });
  const work = tempDir('vitrine-bench-fleet-');
  const channel = join(work, 'channel');
  mkdirSync(join(channel, 'packages'), { recursive: true });
  let server;
  let host;
  let browser;
  const walks = [];
  let baseline;
  try {
    const { signChannel } = await vite.ssrLoadModule('/src-main/core/channel/channel-file.ts');
    const { generateSigningKeys } = await vite.ssrLoadModule('/src-main/core/packages/signing.ts');
    const { nginx } = await vite.ssrLoadModule('/tests/e2e/support/fleet.ts');
    const keys = generateSigningKeys();
    let sequence = 0;
    const offer = (entry) => writeFileSync(join(channel, 'channel.json'), signChannel({
      format: 'vitrine-channel', formatVersion: 1, sequence: ++sequence, published: new Date().toISOString(), packages: [{ group: null, ...entry }],
    }, keys.privatePem));
    const bytes = sizeMB * MB;
    const sha256 = await randomFile(join(channel, 'packages/big.vitrine'), bytes);
    server = await nginx(channel, work);

    const dataDir = await preparedDataDir({
      prefix: 'vitrine-bench-fleet-',
      settings: { trustedKeys: JSON.stringify([keys.publicKey]), channelUrl: `${server.url}channel.json`, channelPollMinutes: 1, idleTimeoutSeconds: 5, idleCountdownSeconds: 3 },
    });
    cli(['staff', 'set-pin', PIN, '--data', dataDir]);
    host = await startHost({ dataDir, removeData: true });
    const { package: live } = await callApi(host.url, 'getExhibit');
    // What the kiosk already shows: every look is a 304, or a 200 that changes nothing.
    offer({ packageId: live.id, version: live.version, title: 'the built-in exhibit', bytes: 1, sha256: '0'.repeat(64), url: 'packages/none.vitrine' });
    const { token } = await callApi(host.url, 'staffLogin', { pin: PIN });
    const channelState = async () => (await callApi(host.url, 'staffStatus', { token, watching: true })).channel;

    /** True once a look newer than `before` has finished its download (the import that follows refuses it). */
    const lookedAndDone = async (before) => {
      const state = await channelState();
      return state.lastCheckAt !== before && !['checking', 'downloading'].includes(state.state);
    };
    const looks = () => server.accessLog().filter((line) => line.startsWith('/channel.json ')).length;
    const pollEnd = performance.now() + pollSeconds * 1000;
    const polling = { ...(await watch(host.pid, async () => performance.now() >= pollEnd)), looks: looks() };

    // The download at the default ceiling, with visitors tapping meanwhile.
    baseline = await staticHostFor(host.url);
    const steps = cycles(baseline.shape);
    browser = await launchChromium();
    const walk = await startWalk(browser, host.url, steps, false);
    walks.push(walk);
    offer({ packageId: 'bench-fleet', version: '1.0.0', title: `${sizeMB} MB of random bytes`, bytes, sha256, url: 'packages/big.vitrine' });
    let downloading = true;
    const during = [];
    const before = (await channelState()).lastCheckAt;
    const sampling = watch(host.pid, async () => {
      downloading = !(await lookedAndDone(before));
      return !downloading;
    });
    await callApi(host.url, 'staffCheckChannel', { token });
    let visitsDuring = 0;
    for (; downloading; visitsDuring++) during.push(...(await walk.visit()));
    const download = await sampling;
    const after = [];
    for (let v = 0; v < visitsDuring; v++) after.push(...(await walk.visit()));
    const outcome = await channelState();

    // The same file with no ceiling: what the disk and the hash cost at full speed.
    await callApi(host.url, 'staffSetSetting', { token, key: 'channelMaxKBps', value: 0 });
    offer({ packageId: 'bench-fleet', version: '1.0.1', title: `${sizeMB} MB of random bytes`, bytes, sha256, url: 'packages/big.vitrine' });
    const lastLook = (await channelState()).lastCheckAt;
    const looking = callApi(host.url, 'staffCheckChannel', { token });
    const unlimited = await watch(host.pid, () => lookedAndDone(lastLook));
    await looking;

    return {
      sizeMB, polling, download: { ...download, ceilingKBps: 2048, afterwards: outcome.problem }, unlimited,
      taps: { visitsDuring, during: report([during]), without: report([after]) },
    };
  } finally {
    for (const w of walks) await w.close().catch(() => undefined);
    await browser?.close();
    await host?.stop();
    baseline?.remove();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
    await vite.close();
  }
}

const f1 = (v) => v.toFixed(1);

export function rows(r) {
  const p95 = (which, kind, field) => {
    const s = r.taps[which][kind]?.[field];
    return s ? `${s.p95.toFixed(1)} ms` : 'n/a';
  };
  const watched = (w) => `CPU ${f1(w.cpuPercent)} % of one core; RSS ${f1(w.rssStartMB)} MB at the start, at most ${f1(w.rssMaxMB)} MB, ${f1(w.rssEndMB)} MB at the end`;
  return [
    [`Channel: the host process while polling (${r.polling.seconds.toFixed(0)} s, a look a minute: ${r.polling.looks} looks)`, watched(r.polling), ''],
    [`Channel: the host process while downloading ${r.sizeMB} MB at ${r.download.ceilingKBps} KB/s (${r.download.seconds.toFixed(0)} s)`, watched(r.download), ''],
    [`Channel: the same ${r.sizeMB} MB with no ceiling (${r.unlimited.seconds.toFixed(1)} s)`, watched(r.unlimited), ''],
    ...['cold', 'warm', 'back'].map((kind) => [
      `Screen change from the lift (p95), ${kind}: during the download against without (${r.taps.visitsDuring} visits each)`,
      `${p95('during', kind, 'change')} against ${p95('without', kind, 'change')}; press feedback ${p95('during', kind, 'press')} against ${p95('without', kind, 'press')}`,
      '',
    ]),
  ];
}

export const NOTES = [
  "Fleet (bench/fleet.mjs): the browser host on the built-in exhibit following a channel served by Debian's nginx on 127.0.0.1; the host process's CPU (utime + stime) and RSS from /proc each second. The 250 MB file is random bytes signed into channel.json; the import after it refuses it at once, so importing is not in these figures (bench/import.mjs).",
];

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchFleet(), null, 2));
}
