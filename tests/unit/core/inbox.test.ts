// @vitest-environment node
/**
 * The inbox: a package dropped into the watched folder is taken once its size has settled,
 * validated and imported once (remembered across restarts), and the outcome, imported or
 * refused with the curator's message, is kept for staff.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryLogger } from '../../../src-main/core/log';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { ManualClock } from '../../helpers/clock';
import { editManifest, makePackage, smallSource, tempDir } from '../../helpers/packages';
import { count, dumpStore } from '../../helpers/store';

let root: ReturnType<typeof tempDir>;
let builtin: string;
let v2zip: string;
let v2folder: string;

beforeAll(async () => {
  root = tempDir();
  builtin = await makePackage(root.path);
  const v2 = smallSource();
  v2.package.version = '2.0.0';
  v2zip = await makePackage(root.path, v2, 'v2.zip', { seeds: { 'media/a4-1.jpg': 42 } });
  v2folder = await makePackage(root.path, v2, 'v2-folder', { seeds: { 'media/a4-1.jpg': 43 } });
});
afterAll(() => root.cleanup());

const cores: VitrineCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

interface Kiosk {
  core: VitrineCore;
  clock: ManualClock;
  inbox: string;
  fireWatch: () => void;
}

async function kiosk(name: string, clock = new ManualClock()): Promise<Kiosk> {
  const inbox = join(root.path, name, 'inbox');
  mkdirSync(inbox, { recursive: true });
  let listener: (() => void) | null = null;
  const watch = (_dir: string, onChange: () => void) => ((listener = onChange), { close: () => void (listener = null) });
  const core = await openVitrine({ dataDir: join(root.path, name, 'data'), builtinPackage: builtin, log: createMemoryLogger(), clock, inbox: { stableMs: 3000, scanEveryMs: 30_000, watch } });
  cores.push(core);
  core.settings.set('inboxDir', inbox);
  core.inbox.refresh();
  return { core, clock, inbox, fireWatch: () => listener?.() };
}

/** Two scans a settling time apart: the first sees the file, the second takes it. */
async function scanTwice(k: Kiosk) {
  await k.core.inbox.scan();
  k.clock.advance(3000);
  return k.core.inbox.scan();
}

describe('the inbox', () => {
  it('imports a new archive once, records the outcome, and the kiosk switches at the attract screen', async () => {
    const k = await kiosk('once');
    copyFileSync(v2zip, join(k.inbox, 'exhibit-2.zip'));
    const first = await k.core.inbox.scan();
    expect(first).toEqual({ taken: [], waiting: 1 }); // seen, but not yet known to be complete
    k.clock.advance(3000);
    await k.core.inbox.scan();
    const results = k.core.inbox.results();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      name: 'exhibit-2.zip', outcome: 'imported', packageVersion: '2.0.0', artifacts: 4, images: 5,
      message: 'Imported "Test exhibit" 2.0.0: 4 artifacts, 3 topics, 5 images. It goes live when the kiosk is next idle.',
    });
    expect(k.core.publisher.report('attract').liveVersionId).toBe(results[0]!.versionId);

    // Never twice: not on later scans, not for a fresh copy of the same file, not after a restart.
    await scanTwice(k);
    copyFileSync(v2zip, join(k.inbox, 'exhibit-2.zip'));
    utimesSync(join(k.inbox, 'exhibit-2.zip'), new Date(), new Date(Date.now() + 60_000));
    await scanTwice(k);
    k.core.close();
    const again = await openVitrine({ dataDir: join(root.path, 'once', 'data'), builtinPackage: builtin, log: createMemoryLogger(), clock: k.clock, inbox: { watch: () => ({ close() {} }) } });
    cores.push(again);
    await again.inbox.scan();
    k.clock.advance(3000);
    await again.inbox.scan();
    expect(again.inbox.results()).toHaveLength(1);
    expect(count(again.store, 'SELECT count(*) FROM package_versions')).toBe(2);
  });

  it('imports a package folder dropped into it', async () => {
    const k = await kiosk('folder');
    cpSync(v2folder, join(k.inbox, 'exhibit-2'), { recursive: true });
    await scanTwice(k);
    expect(k.core.inbox.results()[0]).toMatchObject({ name: 'exhibit-2', outcome: 'imported' });
  });

  it('records a refused package with the curator\'s message, once, and leaves the exhibit unchanged', async () => {
    const k = await kiosk('refused');
    const bad = join(k.inbox, 'broken');
    cpSync(v2folder, bad, { recursive: true });
    editManifest(bad, (m) => delete m.artifacts[1].title);
    const before = dumpStore(k.core.store);
    await scanTwice(k);
    await scanTwice(k);
    expect(k.core.inbox.results()).toEqual([
      expect.objectContaining({ name: 'broken', outcome: 'refused', versionId: null, message: expect.stringMatching(/^manifest\.json, artifacts\[1\]\.title: .*missing/) }),
    ]);
    expect(dumpStore(k.core.store)).toBe(before);
  });

  it('does not take a file whose size is still changing (a copy in progress)', async () => {
    const k = await kiosk('unstable');
    const bytes = readFileSync(v2zip);
    const target = join(k.inbox, 'big.vitrine');
    const third = Math.floor(bytes.length / 3);
    writeFileSync(target, bytes.subarray(0, third));
    expect((await k.core.inbox.scan()).waiting).toBe(1);
    k.clock.advance(3000);
    appendFileSync(target, bytes.subarray(third, 2 * third)); // the copy goes on
    expect(await k.core.inbox.scan()).toEqual({ taken: [], waiting: 1 });
    appendFileSync(target, bytes.subarray(2 * third));
    k.clock.advance(3000);
    expect(await k.core.inbox.scan()).toEqual({ taken: [], waiting: 1 });
    expect(k.core.inbox.results()).toEqual([]);
    k.clock.advance(3000);
    await k.core.inbox.scan();
    expect(k.core.inbox.results()).toEqual([expect.objectContaining({ name: 'big.vitrine', outcome: 'imported' })]);
  });

  it('a change seen by the watcher leads to a scan, and the package is taken once settled', async () => {
    const k = await kiosk('watched');
    const running = k.clock.pending; // the kiosk's own timers (publisher, inbox, visitor counts)
    copyFileSync(v2zip, join(k.inbox, 'new.zip'));
    k.fireWatch();
    k.clock.advance(3000); // the watcher's scan: sees the file, plans another look
    await vi.waitFor(() => expect(k.clock.pending).toBeGreaterThan(running), { timeout: 5000 });
    k.clock.advance(3000); // the follow-up scan takes it
    await vi.waitFor(() => expect(k.core.inbox.results()).toHaveLength(1), { timeout: 10_000 });
  });

  it('does nothing without an inbox folder', async () => {
    const k = await kiosk('none');
    k.core.settings.set('inboxDir', null);
    copyFileSync(v2zip, join(k.inbox, 'ignored.zip'));
    expect(await scanTwice(k)).toEqual({ taken: [], waiting: 0 });
  });
});
