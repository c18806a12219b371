// @vitest-environment node
/**
 * Package text is prose (issue 6): a control character other than a line break or a tab is
 * refused in every text field, in any language, naming the file, the field, the character and
 * where it is, and the live exhibit stays exactly as it was. U+0002 and U+0003 matter most:
 * search marks its matches with them (store/search.ts).
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackageError } from '../../../src-main/core/packages/errors';
import { pack } from '../../../src-main/core/packages/pack';
import { importPackage } from '../../../src-main/core/packages/importer';
import { controlCharacterIn } from '../../../src-main/core/packages/manifest';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { createSearch } from '../../../src-main/core/store/search';
import { editManifest, folderFingerprint, makePackage, smallSource, tempDir } from '../../helpers/packages';
import { dumpStore } from '../../helpers/store';
import { EXAMPLE_IMAGES, exampleFiles, lineOf, writeExhibitFolder } from '../../helpers/exhibit-folder';

type Json = Record<string, any>;
const TAIL = 'text may hold letters, punctuation, spaces, tabs and line breaks only';

describe('controlCharacterIn', () => {
  it('names the first control character and its position, counting characters from 1', () => {
    expect(controlCharacterIn('Stalin \u0002at\u0003 Potsdam')).toBe('U+0002 at position 8');
    expect(controlCharacterIn('😀\u0007')).toBe('U+0007 at position 2');
    for (const c of ['\u0000', '\u0008', '\u000B', '\u000C', '\r', '\u001B', '\u001F', '\u007F', '\u0080', '\u0085', '\u009F']) {
      expect(controlCharacterIn(`a${c}b`), JSON.stringify(c)).toMatch(/^U\+00[0-9A-F]{2} at position 2$/);
    }
  });

  it('lets prose through: line breaks, tabs, accents, Cyrillic, typographic punctuation', () => {
    for (const text of ['One.\nTwo.', 'a\tb', 'Détente — «Хрущёв» … “quoted” ’', '\u00A0non-breaking', 'Z\u0301']) expect(controlCharacterIn(text)).toBeNull();
  });
});

describe('a package with a control character in its text', () => {
  let root: ReturnType<typeof tempDir>;
  let store: Store;
  let good: string;
  const dataDir = () => join(root.path, 'data');

  beforeAll(async () => {
    root = tempDir();
    mkdirSync(dataDir());
    store = openStore(join(dataDir(), 'vitrine.sqlite'));
    good = await makePackage(root.path, smallSource(), 'good');
    await importPackage(store, good, { mediaDir: join(dataDir(), 'media'), source: 'test' });
  });
  afterAll(() => {
    store.close();
    root.cleanup();
  });

  async function refusal(name: string, edit: (m: Json) => void): Promise<string> {
    const dir = join(root.path, `bad-${name}`);
    cpSync(good, dir, { recursive: true });
    editManifest(dir, edit);
    const rows = dumpStore(store);
    const files = folderFingerprint(dataDir());
    const error = await importPackage(store, dir, { mediaDir: join(dataDir(), 'media'), source: 'test' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    // Nothing written, nothing lost: the live exhibit is exactly as it was.
    expect(dumpStore(store)).toBe(rows);
    expect(folderFingerprint(dataDir())).toEqual(files);
    return (error as Error).message;
  }

  it('refuses the search markers in a title, naming the file, the field, the character and its place', async () => {
    expect(await refusal('marker', (m) => (m.exhibit.sections[0].topics[1].title = 'Famine \u0002Relief\u0003'))).toBe(
      `manifest.json, exhibit.sections[0].topics[1].title: plain text without control characters, but it contains one (U+0002 at position 8); ${TAIL}`,
    );
  });

  it('refuses them in every kind of text field, and in a text given in another language', async () => {
    expect(await refusal('caption', (m) => (m.artifacts[0].caption = 'Bell\u0007'))).toMatch(/^manifest\.json, artifacts\[0\]\.caption: .*\(U\+0007 at position 5\)/);
    expect(await refusal('paragraph', (m) => (m.exhibit.sections[0].topics[0].body[0].text = 'A\r\nB'))).toMatch(/body\[0\]\.text: .*\(U\+000D at position 2\)/);
    expect(await refusal('alt', (m) => (m.artifacts[0].media[0].alt = '\u009BAlt'))).toMatch(/media\[0\]\.alt: .*\(U\+009B at position 1\)/);
    expect(await refusal('package', (m) => (m.package.title = 'Null\u0000'))).toMatch(/^manifest\.json, package\.title: .*U\+0000/);
    expect(
      await refusal('russian', (m) => {
        m.exhibit.languages = ['ru'];
        m.exhibit.title = { en: m.exhibit.title, ru: 'Выставка\u0003' };
      }),
    ).toMatch(/^manifest\.json, exhibit\.title\.ru: .*\(U\+0003 at position 9\)/);
  });

  it('still takes line breaks and tabs, and search marks stay the only markers', async () => {
    const dir = join(root.path, 'tabs');
    cpSync(good, dir, { recursive: true });
    editManifest(dir, (m) => {
      m.package.version = '1.0.1';
      m.exhibit.sections[0].topics[0].body[0].text = 'Famine relief\tbegan\nin 1921.';
    });
    await importPackage(store, dir, { mediaDir: join(dataDir(), 'media'), source: 'test' });
    const version = store.db.prepare('SELECT max(id) AS id FROM package_versions').get() as { id: number };
    const snippet = createSearch(store.db)(version.id, 'began', 5).hits[0]!.snippet;
    expect(snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['began']);
  });
});

describe('a curator source folder with a control character', () => {
  it('is refused at its file and line, the character named, not printed', async () => {
    const root = tempDir();
    try {
      const files = exampleFiles();
      const topic = 'sections/leaving/01-on-board.md';
      files[topic] = files[topic]!.replace('the noise and', 'the noise\u0002 and');
      const dir = await writeExhibitFolder(join(root.path, 'source'), files, EXAMPLE_IMAGES);
      const error = await pack(dir, join(root.path, 'package')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PackageError);
      const message = (error as Error).message;
      expect(message).toMatch(new RegExp(`^${topic}, line ${lineOf(files[topic]!, "Anna's")}: this paragraph should be plain text without control characters, but it contains one \\(U\\+0002 at position \\d+\\); ${TAIL}$`));
      expect(message).not.toContain('\u0002');
    } finally {
      root.cleanup();
    }
  });
});
