// @vitest-environment node
/**
 * Issue 17, fault 7: importing 1.0.0 of a package while its 1.2.0 was live went live at the next
 * idle, without a word. An older or equal version of the same package is now refused before any
 * image is staged, the store left as it was, unless staff ask for it; another package is welcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PackageError } from '../../../src-main/core/packages/errors';
import { importPackage } from '../../../src-main/core/packages/importer';
import { compareVersions } from '../../../src-main/core/packages/version-order';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { folderFingerprint, makePackage, smallSource, tempDir } from '../../helpers/packages';
import { dumpStore } from '../../helpers/store';

let root: ReturnType<typeof tempDir>;
let store: Store;
let dataDir: string;
const pkg: Record<string, string> = {};

async function version(v: string, id = 'test-exhibit'): Promise<string> {
  const source = smallSource();
  source.package.version = v;
  source.package.id = id;
  return makePackage(root.path, source, `${id}-${v}`);
}

beforeAll(async () => {
  root = tempDir();
  for (const v of ['1.0.0', '1.2.0', '1.10.0']) pkg[v] = await version(v);
  pkg.other = await version('0.1.0', 'another-exhibit');
  dataDir = join(root.path, 'data');
  store = openStore(join(dataDir, 'vitrine.sqlite'));
  await importPackage(store, pkg['1.2.0']!, { mediaDir: join(dataDir, 'media'), source: 'test' });
});
afterAll(() => {
  store.close();
  root.cleanup();
});

const importing = (path: string, allowOlder = false) => importPackage(store, path, { mediaDir: join(dataDir, 'media'), source: 'test', allowOlder, publish: 'pending' });

describe('an older package', () => {
  it.each([
    ['1.0.0', 'it is 1.0.0'],
    ['1.2.0', 'it is the same version'],
  ])('%s while 1.2.0 is live is refused, and nothing changes', async (v, found) => {
    const rows = dumpStore(store);
    const files = folderFingerprint(dataDir);
    const error = await importing(pkg[v]!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).message).toBe(
      `manifest.json, package.version: a version newer than 1.2.0, which is live (version 1), but ${found}: give the package a new version number, or import it anyway with --allow-older (on the staff screen: "Import anyway")`,
    );
    expect(dumpStore(store)).toBe(rows);
    expect(folderFingerprint(dataDir)).toEqual(files);
  });

  it('goes in when staff ask for it', async () => {
    expect(await importing(pkg['1.0.0']!, true)).toMatchObject({ version: '1.0.0' });
  });

  it('a newer version (1.10.0 after 1.2.0, by number, not by text) and another package are welcome', async () => {
    expect(await importing(pkg['1.10.0']!)).toMatchObject({ version: '1.10.0' });
    expect(await importing(pkg.other!)).toMatchObject({ packageId: 'another-exhibit' });
  });
});

describe('compareVersions', () => {
  it('orders by number, a pre-release before its release', () => {
    const sorted = ['1.10.0', '1.2.0', '1.2.0-beta', '2.0.0', '1.2.1', '0.9.9'].sort(compareVersions);
    expect(sorted).toEqual(['0.9.9', '1.2.0-beta', '1.2.0', '1.2.1', '1.10.0', '2.0.0']);
  });
});
