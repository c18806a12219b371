// @vitest-environment node
/**
 * Every archive is hostile until proven otherwise. Each test crafts a REAL archive (yazl, then
 * byte patches for what yazl will not write), imports it over a live exhibit, and asserts the
 * refusal names the archive, the entry and what was expected, and that the store and the data
 * folder are unchanged, byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPackage } from '../../../src-main/core/packages/importer';
import { PackageError } from '../../../src-main/core/packages/errors';
import type { SourceLimits } from '../../../src-main/core/packages/source';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { editManifest, folderFingerprint, makePackage, tempDir } from '../../helpers/packages';
import { pngClaiming } from '../../helpers/images';
import { dumpStore } from '../../helpers/store';
import { clearEntryFlags, folderEntries, makeZip, renameEntry, setEntryFlags, setEntryMethod, setEntryUncompressedSize, type ZipEntry } from '../../helpers/zips';

let root: ReturnType<typeof tempDir>;
let good: string;
let dataDir: string;
let store: Store;
// allowOlder: each hostile variant has the good package's id and version; the checks under test come after that one.
const options = (limits?: Partial<SourceLimits>) => ({ mediaDir: join(dataDir, 'media'), source: 'test', limits, allowOlder: true });

beforeAll(async () => {
  root = tempDir();
  good = await makePackage(root.path);
  dataDir = join(root.path, 'data');
  store = openStore(join(dataDir, 'vitrine.sqlite'));
  await importPackage(store, good, options());
});
afterAll(() => {
  store.close();
  root.cleanup();
});

/** Writes `zip` as bad-<name>.zip, imports it, and checks the refusal and that nothing changed. */
async function expectRefused(name: string, zip: Buffer | Promise<Buffer>, message: RegExp, limits?: Partial<SourceLimits>): Promise<PackageError> {
  const path = join(root.path, `bad-${name}.zip`);
  writeFileSync(path, await zip);
  const rows = dumpStore(store);
  const files = folderFingerprint(dataDir);
  const error = await importPackage(store, path, options(limits)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PackageError);
  expect((error as PackageError).message).toMatch(message);
  expect(dumpStore(store)).toBe(rows);
  expect(folderFingerprint(dataDir)).toEqual(files);
  return error as PackageError;
}

/** The good package's entries plus `extra`. */
const withExtra = (...extra: ZipEntry[]) => makeZip([...folderEntries(good), ...extra]);

describe('names that could leave the package', () => {
  it('an absolute path', async () => {
    const zip = renameEntry(await withExtra({ name: 'zzzzzzzzzzz', data: Buffer.from('x') }), 'zzzzzzzzzzz', '/etc/passwd');
    const e = await expectRefused('absolute', zip, /^bad-absolute\.zip, entry "\/etc\/passwd": a name inside the package, but it is an absolute path$/);
    expect([e.file, e.field]).toEqual(['bad-absolute.zip', 'entry "/etc/passwd"']);
  });

  it('a Windows drive path', async () => {
    const zip = renameEntry(await withExtra({ name: 'cc/win.ini', data: Buffer.from('x') }), 'cc/win.ini', 'C:/win.ini');
    await expectRefused('drive', zip, /entry "C:\/win\.ini": a name inside the package, but it is an absolute path/);
  });

  it('".." in a name', async () => {
    const zip = renameEntry(await withExtra({ name: 'media/aa/outside.jpg', data: Buffer.from('x') }), 'media/aa/outside.jpg', 'media/../outside.jpg');
    await expectRefused('dotdot', zip, /entry "media\/\.\.\/outside\.jpg": a name inside the package, but it contains "\.\."/);
  });

  it('a backslash in a name', async () => {
    const zip = renameEntry(await withExtra({ name: 'media_evil.jpg', data: Buffer.from('x') }), 'media_evil.jpg', 'media\\evil.jpg');
    await expectRefused('backslash', zip, /entry "media\\\\evil\.jpg": a name with "\/" between folders, but it contains a backslash/);
  });

  // Issue 17: an ESC without the UTF-8 flag was decoded as code page 437's "←" and passed.
  it('a control character in a name without the UTF-8 flag', async () => {
    // yazl marks every name UTF-8 (bit 11); without the mark a reader decodes it as code page 437.
    const named = renameEntry(await withExtra({ name: 'media/escape.jpg', data: Buffer.from('x') }), 'media/escape.jpg', 'media/esc\u001bpe.jpg');
    const zip = clearEntryFlags(named, 'media/esc\u001bpe.jpg', 1 << 11);
    await expectRefused('escape', zip, /: a name without control characters$/);
  });

  it('a C1 control character in a UTF-8 name', async () => {
    // "é" makes yazl set the UTF-8 flag; U+0085 (NEXT LINE) takes its two bytes.
    const zip = renameEntry(await withExtra({ name: 'media/caf\u00e9.jpg', data: Buffer.from('x') }), 'media/caf\u00e9.jpg', 'media/caf\u0085.jpg');
    await expectRefused('c1', zip, /: a name without control characters$/);
  });

  it('a symbolic link', () =>
    expectRefused('link', withExtra({ name: 'media/link.jpg', data: Buffer.from('/etc/passwd'), mode: 0o120777 }), /entry "media\/link\.jpg": a regular file, not a link/));
});

describe('entries that are not what they seem', () => {
  it('the same name twice', () =>
    expectRefused('duplicate', withExtra({ name: 'media/a1-1.jpg', data: Buffer.from('another') }), /entry "media\/a1-1\.jpg": each name once in the archive, but it appears twice/));

  it('names that differ only in case', () =>
    expectRefused('case', withExtra({ name: 'MEDIA/A1-1.JPG', data: Buffer.from('another') }), /entry "MEDIA\/A1-1\.JPG": names that differ by more than upper and lower case, but it clashes with "media\/a1-1\.jpg"/));

  it('an encrypted entry', async () => {
    const zip = setEntryFlags(await withExtra(), 'media/a1-1.jpg', 0x1);
    await expectRefused('encrypted', zip, /entry "media\/a1-1\.jpg": an unencrypted file, but it is encrypted/);
  });

  it('an uncompressed entry whose packed and unpacked sizes differ', async () => {
    const zip = setEntryUncompressedSize(await withExtra(), 'media/a4-1.jpg', 10);
    await expectRefused('stored', zip, /entry "media\/a4-1\.jpg": the same packed and unpacked size for an uncompressed entry, but it declares \d+ and 10 bytes/);
  });

  it('a compression method no zip tool uses for packages', async () => {
    const zip = setEntryMethod(await withExtra(), 'media/a2-1.jpg', 12);
    await expectRefused('method', zip, /entry "media\/a2-1\.jpg": stored or deflated data .*compression method 12/);
  });

  it('data longer than the size the archive declares', async () => {
    const entries = folderEntries(good).map((e) => (e.name === 'manifest.json' ? { ...e, compress: true } : e));
    const manifest = entries.find((e) => e.name === 'manifest.json')!;
    const zip = setEntryUncompressedSize(await makeZip(entries), 'manifest.json', manifest.data.length - 100);
    await expectRefused('longer', zip, /entry "manifest\.json": data of the size the archive declares \(\d+ bytes\), but it has more \(a damaged or forged archive\)/);
  });

  it('data shorter than the size the archive declares', async () => {
    const entries = folderEntries(good).map((e) => (e.name === 'media/a3-1.jpg' ? { ...e, compress: true } : e));
    const real = entries.find((e) => e.name === 'media/a3-1.jpg')!.data.length;
    const zip = setEntryUncompressedSize(await makeZip(entries), 'media/a3-1.jpg', real + 500);
    await expectRefused('shorter', zip, /entry "media\/a3-1\.jpg": data of the size the archive declares \(\d+ bytes\), but it has only \d+ \(a damaged or forged archive\)/);
  });
});

describe('sizes and counts over the limits', () => {
  const sizes = () => folderEntries(good).map((e) => e.data.length);

  it('too many entries (counted from the central directory, before any is read)', () =>
    expectRefused('entries', withExtra(), /^bad-entries\.zip: at most 5 entries, but the archive has 6$/, { entries: 5 }));

  it('one file over the size limit', () => {
    const limit = Math.max(...sizes()) - 1;
    return expectRefused('file', withExtra(), new RegExp(`entry ".*": a file of at most ${limit} bytes, but it declares ${limit + 1}`), { fileBytes: limit });
  });

  it('all files together over the limit', () => {
    const limit = sizes().reduce((a, b) => a + b, 0) - 1;
    return expectRefused('total', withExtra(), new RegExp(`^bad-total\\.zip: at most ${limit} bytes in all once unpacked$`), { totalBytes: limit });
  });

  it('a zip bomb: an entry that expands a thousandfold (with the real limits)', () =>
    expectRefused('bomb', withExtra({ name: 'media/bomb.jpg', data: Buffer.alloc(4 * 1024 * 1024), compress: true }), /entry "media\/bomb\.jpg": an ordinary compression ratio \(at most 1:100\), but it expands \d+ times: a zip bomb\?/));
});

describe('content that would hurt once unpacked', () => {
  it('an image whose header claims 30000 x 30000 pixels is refused before decoding', async () => {
    const dir = join(root.path, 'pixels');
    cpSync(good, dir, { recursive: true });
    const png = pngClaiming(30000, 30000);
    writeFileSync(join(dir, 'media/bomb.png'), png);
    editManifest(dir, (m) => Object.assign(m.artifacts[0].media[0], { file: 'media/bomb.png', bytes: png.length, sha256: createHash('sha256').update(png).digest('hex') }));
    const started = performance.now();
    await expectRefused('pixels', makeZip(folderEntries(dir)), /^media\/bomb\.png: an image of at most 200 megapixels, but this one is 900 \(30000 x 30000\): scale it down and save it again$/);
    // 900 megapixels would take gigabytes and many seconds to decode: it was never tried.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it.each([
    ['a script tag in a paragraph', (m: any) => (m.exhibit.sections[0].topics[0].body[0].text = 'Read <script src=x></script> this'), /exhibit\.sections\[0\]\.topics\[0\]\.body\[0\]\.text: plain text without HTML tags/],
    ['an image tag with a handler in an alt text', (m: any) => (m.artifacts[1].media[0].alt = '<img src=x onerror=alert(1)>'), /artifacts\[1\]\.media\[0\]\.alt: plain text without HTML tags/],
    ['an HTML comment in a title', (m: any) => (m.exhibit.title = 'Soviet <!-- hidden --> Archives'), /exhibit\.title: plain text without HTML tags/],
    ['a closing tag in a caption', (m: any) => (m.artifacts[0].caption = 'Text</p><p>more'), /artifacts\[0\]\.caption: plain text without HTML tags/],
  ])('text that would render as HTML: %s', async (_name, edit, message) => {
    const dir = join(root.path, `html-${Math.random().toString(36).slice(2)}`);
    cpSync(good, dir, { recursive: true });
    editManifest(dir, edit);
    await expectRefused('html', makeZip(folderEntries(dir)), message);
  });

  // Issue 17: zod's records dropped the key in silence, and the package was accepted.
  it('a language key no text can have ("__proto__") is refused, not dropped', async () => {
    const dir = join(root.path, 'proto');
    cpSync(good, dir, { recursive: true });
    editManifest(dir, (m) => (m.exhibit.title = JSON.parse('{"en": "Archives", "__proto__": "hidden"}')));
    await expectRefused('proto', makeZip(folderEntries(dir)), /^manifest\.json, exhibit\.title\.__proto__: no key named "__proto__" \(it is no field of the format, nor a language\)$/);
  });
});
