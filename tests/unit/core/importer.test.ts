import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { importPackage } from '../../../src-main/core/packages/importer';
import { PackageError } from '../../../src-main/core/packages/errors';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { editManifest, folderFingerprint, makeImage, makePackage, smallSource, tempDir } from '../../helpers/packages';
import { createApi } from '../../../src-main/core/api';
import { createSettingsStore } from '../../../src-main/core/settings/store';

let root: ReturnType<typeof tempDir>;
let goodPackage: string;
let dataDir: string;
let store: Store;
const mediaDir = () => join(dataDir, 'media');

/** Every row of every content table, so "unchanged" means unchanged. */
function dump(s: Store): string {
  const tables = ['package_versions', 'live', 'exhibits', 'sections', 'section_paragraphs', 'artifacts', 'topics', 'topic_blocks', 'media', 'search_index'];
  return JSON.stringify(tables.map((t) => s.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

beforeAll(async () => {
  root = tempDir();
  goodPackage = await makePackage(root.path);
  dataDir = join(root.path, 'data');
  store = openStore(join(dataDir, 'vitrine.sqlite'));
  await importPackage(store, goodPackage, { mediaDir: mediaDir(), source: 'test', allowOlder: true });
});
afterAll(() => {
  store.close();
  root.cleanup();
});

describe('importing a valid package', () => {
  it('writes rows for every artifact, topic and image and makes the version live', () => {
    const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
    expect(store.liveVersionId()).not.toBeNull();
    expect(count('SELECT count(*) n FROM artifacts')).toBe(4);
    expect(count('SELECT count(*) n FROM topics')).toBe(3);
    expect(count('SELECT count(*) n FROM media')).toBe(5);
    expect(count("SELECT count(*) n FROM topic_blocks WHERE kind = 'artifact'")).toBe(3);
  });

  it('stores each image content-addressed, with display and thumbnail renditions', () => {
    const files = folderFingerprint(mediaDir());
    // 5 originals + 5 display + 5 thumbnails, each named by its own SHA-256.
    expect(files).toHaveLength(15);
    for (const line of files) {
      const [path, sha] = line.split(' ');
      expect(path).toMatch(new RegExp(`^${sha!.slice(0, 2)}/${sha}\\.(jpg|webp)$`));
    }
  });

  it('makes a Deep Zoom pyramid for every image', () => {
    const pyramids = folderFingerprint(join(dataDir, 'tiles')).filter((f) => f.includes('image.dzi'));
    expect(pyramids).toHaveLength(5);
    const dzi = readFileSync(join(dataDir, 'tiles', pyramids[0]!.split(' ')[0]!), 'utf8');
    expect(dzi).toMatch(/TileSize="512"/);
  });

  it('never processes an unchanged image twice: a second import reuses renditions and tiles', async () => {
    const before = folderFingerprint(join(dataDir, 'tiles'));
    const again = await importPackage(store, goodPackage, { mediaDir: mediaDir(), source: 'test', allowOlder: true });
    expect(again).toMatchObject({ images: 5, newImages: 0 });
    expect(folderFingerprint(join(dataDir, 'tiles'))).toEqual(before);
    // One image changed: only that one is processed.
    const changed = join(root.path, 'changed');
    cpSync(goodPackage, changed, { recursive: true });
    await makeImage(join(changed, 'media/a4-1.jpg'), 99);
    const bytes = readFileSync(join(changed, 'media/a4-1.jpg'));
    editManifest(changed, (m) => Object.assign(m.artifacts[3].media[0], { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }));
    expect(await importPackage(store, changed, { mediaDir: mediaDir(), source: 'test', allowOlder: true })).toMatchObject({ images: 5, newImages: 1 });
  });

  it('keeps the attract loop the package chooses, in its order', async () => {
    const source = smallSource();
    source.exhibit.attract = { title: 'Come closer', invitation: 'Touch the screen', artifacts: ['a3', 'a1'] };
    const other = openStore(join(root.path, 'attract', 'vitrine.sqlite'));
    await importPackage(other, await makePackage(root.path, source, 'attract-package'), { mediaDir: join(root.path, 'attract', 'media'), source: 'test' });
    const api = createApi(other, { startedAt: 0, settings: createSettingsStore(other.db) });
    const { attract } = await api.getExhibit({});
    expect(attract.title).toBe('Come closer');
    expect(attract.invitation).toBe('Touch the screen');
    expect(attract.artifacts.map((a) => a.id)).toEqual(['a3', 'a1']);
    other.close();
  });

  it('reads a zip archive exactly like a folder', async () => {
    const zip = await makePackage(root.path, undefined, 'package.zip');
    const other = openStore(join(root.path, 'zipdata', 'vitrine.sqlite'));
    const result = await importPackage(other, zip, { mediaDir: join(root.path, 'zipdata', 'media'), source: 'zip' });
    expect(result).toMatchObject({ artifacts: 4, topics: 3, images: 5 });
    other.close();
  });
});

/** Copies the good package, breaks it with `breakIt`, and expects a refusal matching `message`. */
async function expectRefused(name: string, breakIt: (dir: string) => void | Promise<void>, message: RegExp): Promise<PackageError> {
  const dir = join(root.path, `bad-${name}`);
  cpSync(goodPackage, dir, { recursive: true });
  await breakIt(dir);
  const rowsBefore = dump(store);
  const filesBefore = folderFingerprint(dataDir);
  const error = await importPackage(store, dir, { mediaDir: mediaDir(), source: 'test', allowOlder: true }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PackageError);
  expect((error as PackageError).message).toMatch(message);
  // Nothing lost, nothing half-written: the store and the media folder are exactly as before.
  expect(dump(store)).toBe(rowsBefore);
  expect(folderFingerprint(dataDir)).toEqual(filesBefore);
  return error as PackageError;
}

describe('refusing a bad package leaves the live exhibit unchanged', () => {
  it('a missing required field', async () => {
    const e = await expectRefused('missing', (d) => editManifest(d, (m) => delete m.artifacts[1].title), /manifest\.json, artifacts\[1\]\.title: .*missing/);
    expect(e.file).toBe('manifest.json');
    expect(e.field).toBe('artifacts[1].title');
  });

  it('a field of the wrong type', () =>
    expectRefused('type', (d) => editManifest(d, (m) => (m.exhibit.sections[0].topics[0].title = 42)), /exhibit\.sections\[0\]\.topics\[0\]\.title: .*text/));

  it('a misspelt field', () =>
    expectRefused('spelling', (d) => editManifest(d, (m) => (m.artifacts[0].titel = 'x')), /artifacts\[0\]: no field named "titel"/));

  it('a manifest that is not JSON', () =>
    expectRefused('json', (d) => writeFileSync(join(d, 'manifest.json'), '{ "format": '), /manifest\.json: valid JSON/));

  it('a newer schema version', () =>
    expectRefused('schema', (d) => editManifest(d, (m) => (m.schemaVersion = 2)), /schemaVersion: schema version 1/));

  it('a media file that is not in the package', () =>
    expectRefused('nofile', (d) => editManifest(d, (m) => (m.artifacts[2].media[0].file = 'media/nowhere.jpg')), /artifacts\[2\]\.media\[0\]\.file: .*"media\/nowhere\.jpg" is not there/));

  it('a bad checksum', () =>
    expectRefused('checksum', (d) => editManifest(d, (m) => (m.artifacts[0].media[0].sha256 = 'ab'.repeat(32))), /media\/a1-1\.jpg: the checksum given in artifacts\[0\]\.media\[0\]\.sha256/));

  it('a file whose size differs from the manifest', () =>
    expectRefused('size', (d) => editManifest(d, (m) => (m.artifacts[0].media[0].bytes += 10)), /media\/a1-1\.jpg: \d+ bytes as the manifest says/));

  it('a file that is not an image', async () => {
    await expectRefused(
      'notimage',
      async (d) => {
        const text = Buffer.from('this is a text file, not a JPEG');
        writeFileSync(join(d, 'media/a3-1.jpg'), text);
        editManifest(d, (m) => {
          m.artifacts[2].media[0].bytes = text.length;
          m.artifacts[2].media[0].sha256 = createHash('sha256').update(text).digest('hex');
        });
      },
      /media\/a3-1\.jpg: an image file \(JPEG, PNG or WebP\), but this file is not one/,
    );
  });

  it('a truncated image (its header is fine, its data is not)', async () => {
    await expectRefused(
      'truncated',
      async (d) => {
        await makeImage(join(d, 'media/a1-1.jpg'), 7, 1200, 900);
        const whole = readFileSync(join(d, 'media/a1-1.jpg'));
        const cut = whole.subarray(0, Math.floor(whole.length / 3));
        writeFileSync(join(d, 'media/a1-1.jpg'), cut);
        editManifest(d, (m) => Object.assign(m.artifacts[0].media[0], { bytes: cut.length, sha256: createHash('sha256').update(cut).digest('hex') }));
      },
      /media\/a1-1\.jpg: an image that decodes completely, but it is damaged/,
    );
    expect(existsSync(join(dataDir, 'staging')) ? readdirSync(join(dataDir, 'staging')) : []).toEqual([]);
  });

  it('a reference to an artifact that does not exist', () =>
    expectRefused('ref', (d) => editManifest(d, (m) => (m.exhibit.sections[0].topics[1].body[1].ref = 'zz')), /topics\[1\]\.body\[1\]\.ref: .*no artifact "zz"/));

  it('an attract loop naming an artifact that does not exist', () =>
    expectRefused('attract', (d) => editManifest(d, (m) => (m.exhibit.attract = { artifacts: ['a1', 'zz'] })), /exhibit\.attract\.artifacts\[1\]: .*no artifact "zz"/));

  it('two artifacts with one id', () =>
    expectRefused('dupe', (d) => editManifest(d, (m) => (m.artifacts[3].id = 'a1')), /artifacts\[3\]\.id: an id used only once/));

  it('text that would be markup', () =>
    expectRefused('markup', (d) => editManifest(d, (m) => (m.artifacts[0].caption = 'Hello <script>alert(1)</script>')), /artifacts\[0\]\.caption: plain text without HTML tags/));

  it('a path that tries to leave the package', () =>
    expectRefused('traversal', (d) => editManifest(d, (m) => (m.artifacts[0].media[0].file = 'media/../../etc/passwd.jpg')), /artifacts\[0\]\.media\[0\]\.file: a file name under media\//));

  it('a package path that does not exist', async () => {
    const error = await importPackage(store, join(root.path, 'nope'), { mediaDir: mediaDir(), source: 'test', allowOlder: true }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/a package folder or archive file that exists/);
  });
});
