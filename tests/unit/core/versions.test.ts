// @vitest-environment node
/**
 * Versions: new content waits until the kiosk shows its attract screen, goes live in one
 * transaction, earlier versions are kept (keepVersions) and older ones pruned with their files,
 * never a file another version still uses; rollback switches back in one step.
 */
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createMemoryLogger } from '../../../src-main/core/log';
import { importPackage } from '../../../src-main/core/packages/importer';
import { mediaPath } from '../../../src-main/core/media/store';
import { tilePyramidDir } from '../../../src-main/core/media/tiles';
import { openStore } from '../../../src-main/core/store/connection';
import { MIGRATIONS } from '../../../src-main/core/store/migrations/index';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { listVersions } from '../../../src-main/core/versions/versions';
import { ManualClock } from '../../helpers/clock';
import { makePackage, smallSource, tempDir } from '../../helpers/packages';
import { count, missingFiles } from '../../helpers/store';

let root: ReturnType<typeof tempDir>;
/** Three versions sharing the images of a1-a3; each has one image of its own (a4, seeded differently). */
const packages: string[] = [];
const own = (n: number) => ({ 'media/a4-1.jpg': 100 + n });

beforeAll(async () => {
  root = tempDir();
  for (const n of [1, 2, 3]) {
    const source = smallSource();
    source.package.version = `${n}.0.0`;
    packages.push(await makePackage(root.path, source, `v${n}`, { seeds: own(n) }));
  }
});
afterAll(() => root.cleanup());

const open: VitrineCore[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

async function kiosk(name: string, clock = new ManualClock()): Promise<{ core: VitrineCore; clock: ManualClock; dataDir: string }> {
  const dataDir = join(root.path, name);
  const core = await openVitrine({ dataDir, builtinPackage: packages[0]!, log: createMemoryLogger(), clock });
  open.push(core);
  return { core, clock, dataDir };
}

/** Where the files of the image only version `n` has are. */
function ownFiles(core: VitrineCore, n: number): string[] {
  const row = core.store.db.prepare("SELECT sha256, display_sha256, thumb_sha256 FROM media m JOIN artifacts a ON a.id = m.artifact_id JOIN package_versions v ON v.id = a.version_id WHERE a.slug = 'a4' AND v.version = ?").get(`${n}.0.0`) as { sha256: string; display_sha256: string; thumb_sha256: string };
  return [mediaPath(core.mediaDir, row.sha256, 'jpg'), mediaPath(core.mediaDir, row.display_sha256, 'webp'), mediaPath(core.mediaDir, row.thumb_sha256, 'webp'), tilePyramidDir(core.tilesDir, row.sha256)];
}

describe('the publisher waits for the attract screen', () => {
  it('a new version waits while a visitor explores, and goes live when the attract screen shows', async () => {
    const { core } = await kiosk('wait');
    const first = (await core.api.getExhibit({})).package;
    core.api.reportVisitorState({ state: 'visiting' });
    const imported = await core.importPackage(packages[1]!, 'test');
    expect(imported.live).toBe(false);
    expect((await core.api.getExhibit({})).package).toEqual(first);
    expect(core.api.reportVisitorState({ state: 'visiting' })).toEqual({ liveVersionId: first.versionId, pendingVersionId: imported.versionId });
    // The visitor leaves: the renderer reports attract, the answer already names the new version.
    expect(core.api.reportVisitorState({ state: 'attract' })).toEqual({ liveVersionId: imported.versionId, pendingVersionId: null });
    const now = (await core.api.getExhibit({})).package;
    expect(now).toMatchObject({ version: '2.0.0', versionId: imported.versionId });
  });

  it('switches at once when the kiosk is already idle', async () => {
    const { core } = await kiosk('idle');
    core.api.reportVisitorState({ state: 'attract' });
    const imported = await core.importPackage(packages[1]!, 'test');
    expect(imported.live).toBe(true);
    expect(core.store.liveVersionId()).toBe(imported.versionId);
  });

  it('does not switch before the renderer has said anything (it may be mid-visit)', async () => {
    const { core } = await kiosk('silent');
    const before = core.store.liveVersionId();
    await core.importPackage(packages[1]!, 'test');
    expect(core.store.liveVersionId()).toBe(before);
  });

  it('picks up a version another process imported, on its periodic check', async () => {
    const { core, clock, dataDir } = await kiosk('other-process');
    core.api.reportVisitorState({ state: 'attract' });
    const other = openStore(join(dataDir, 'vitrine.sqlite')); // as `vitrine import` would, without --now
    const imported = await importPackage(other, packages[1]!, { mediaDir: join(dataDir, 'media'), source: 'cli', publish: 'pending' });
    other.close();
    expect(core.store.liveVersionId()).not.toBe(imported.versionId);
    clock.advance(30_000);
    expect(core.store.liveVersionId()).toBe(imported.versionId);
  });

  it('a newer waiting version replaces an older one, whose own files are collected', async () => {
    const { core } = await kiosk('supersede');
    core.api.reportVisitorState({ state: 'visiting' });
    const older = await core.importPackage(packages[1]!, 'test');
    const olderFiles = ownFiles(core, 2);
    const newer = await core.importPackage(packages[2]!, 'test');
    expect(listVersions(core.store).map((v) => [v.id, v.status])).toEqual([[newer.versionId, 'ready'], [1, 'published']]);
    expect(older.versionId).not.toBe(newer.versionId);
    expect(olderFiles.filter(existsSync)).toEqual([]);
    expect(missingFiles(core.store, join(root.path, 'supersede'))).toEqual([]);
  });
});

describe('keeping earlier versions, and collecting what none uses', () => {
  it('keeps keepVersions earlier versions; a pruned version loses its rows and its own files, shared files stay', async () => {
    const { core, dataDir } = await kiosk('retention');
    core.settings.set('keepVersions', 1);
    core.api.reportVisitorState({ state: 'attract' });
    const v1Files = ownFiles(core, 1);
    await core.importPackage(packages[1]!, 'test');
    const v2Files = ownFiles(core, 2);
    const v3 = await core.importPackage(packages[2]!, 'test');
    await core.publisher.settled();
    expect(listVersions(core.store).map((v) => v.version)).toEqual(['3.0.0', '2.0.0']);
    expect(core.store.liveVersionId()).toBe(v3.versionId);
    // Version 1's rows are gone, including its search entries (the FTS triggers ran on the cascade).
    expect(count(core.store, 'SELECT count(*) FROM artifacts')).toBe(8);
    expect(count(core.store, 'SELECT count(*) FROM search_index WHERE version_id NOT IN (SELECT id FROM package_versions)')).toBe(0);
    expect(v1Files.filter(existsSync)).toEqual([]);
    expect(v2Files.filter(existsSync)).toEqual(v2Files);
    // The images all three versions share are still there, and nothing referenced is missing.
    expect(missingFiles(core.store, dataDir)).toEqual([]);
    expect(count(core.store, "SELECT count(DISTINCT sha256) FROM media WHERE sha256 IN (SELECT sha256 FROM media GROUP BY sha256 HAVING count(*) > 1)")).toBe(4);
  });
});

describe('rollback', () => {
  it('goes back one version in one step, then further back, and drops a version still waiting', async () => {
    const { core } = await kiosk('rollback');
    core.api.reportVisitorState({ state: 'attract' });
    const v2 = await core.importPackage(packages[1]!, 'test');
    const v3 = await core.importPackage(packages[2]!, 'test');
    core.api.reportVisitorState({ state: 'visiting' });
    // An older version on purpose (staff said "Import anyway"), waiting while a visitor explores.
    const waiting = await core.importPackage(packages[1]!, 'test', { allowOlder: true });
    expect(core.publisher.rollback()).toMatchObject({ from: v3.versionId, to: v2.versionId, removed: [waiting.versionId] });
    expect(core.store.liveVersionId()).toBe(v2.versionId);
    expect(core.publisher.rollback().to).toBe(1);
    // Forward again, by id: the newer versions are still kept.
    expect(core.publisher.rollback(v3.versionId).to).toBe(v3.versionId);
    await core.publisher.settled();
    expect(missingFiles(core.store, join(root.path, 'rollback'))).toEqual([]);
  });

  it('refuses plainly when there is nothing to go back to, or no such version', async () => {
    const { core } = await kiosk('rollback-none');
    expect(() => core.publisher.rollback()).toThrow('There is no earlier version to go back to.');
    expect(() => core.publisher.rollback(99)).toThrow('There is no earlier version 99 on this kiosk (there are no earlier versions).');
    expect(() => core.publisher.rollback(1)).toThrow('Version 1 is already live.');
  });
});

describe('migration 0004', () => {
  it('marks versions written before it as published, live when they were imported', () => {
    const path = join(root.path, 'v3.sqlite');
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, 3)) old.exec(m.up);
    old.pragma('user_version = 3');
    old.prepare("INSERT INTO package_versions (package_id, version, title, manifest_sha256, source, imported_at) VALUES ('p', '1.0.0', 'P', ?, 'cli', '2025-05-01T10:00:00.000Z')").run('a'.repeat(64));
    old.prepare('INSERT INTO live (id, version_id) VALUES (1, 1)').run();
    old.close();
    const store = openStore(path);
    expect(listVersions(store)).toEqual([expect.objectContaining({ id: 1, status: 'published', published_at: '2025-05-01T10:00:00.000Z', signed_by: null })]);
    store.close();
  });
});
