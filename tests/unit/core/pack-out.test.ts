// @vitest-environment node
/**
 * Where `vitrine pack --out` writes. A curator's walk through the docs found that pack replaced
 * whatever was at --out: the source folder itself (`--out my-exhibit`, the .vitrine forgotten),
 * its parent (`--out ~/Desktop`, the source and a letter beside it gone), a document, or the
 * source's own media folder. Pack now replaces only what it would have made (an earlier package),
 * refuses anything else with the place and what it expected, and leaves it exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackageError } from '../../../src-main/core/packages/errors';
import { pack } from '../../../src-main/core/packages/pack';
import { exampleFiles, writeExhibitFolder } from '../../helpers/exhibit-folder';
import { tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let n = 0;
beforeAll(() => {
  root = tempDir();
});
afterAll(() => root.cleanup());

/** A fresh copy of the docs' example folder, in a folder of its own (its "Desktop"). */
async function source(): Promise<{ desk: string; dir: string }> {
  const desk = join(root.path, `desk-${++n}`);
  mkdirSync(desk);
  const dir = await writeExhibitFolder(join(desk, 'my-exhibit'), exampleFiles());
  return { desk, dir };
}

/** Every file under `dir`, with its contents, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name)).toString('base64');
  }
  return out;
}

async function refusal(dir: string, out: string): Promise<PackageError> {
  try {
    await pack(dir, out);
  } catch (error) {
    if (error instanceof PackageError) return error;
    throw error;
  }
  throw new Error(`test: ${dir} packed into ${out}`);
}

describe('pack --out refuses to replace what it did not make', () => {
  it('the source folder itself (the .vitrine forgotten)', async () => {
    const { desk, dir } = await source();
    const before = snapshot(desk);
    const error = await refusal(dir, dir);
    expect(error.message).toBe(`${dir}, --out: a place for the package outside the source folder; this is the source folder, and packing there would replace exhibit.yaml and the rest (try --out ${dir}.vitrine)`);
    expect(snapshot(desk)).toEqual(before);
  });

  it("the source's parent folder (--out ~/Desktop), which holds the source and other files", async () => {
    const { desk, dir } = await source();
    writeFileSync(join(desk, 'letters.docx'), 'a letter');
    const before = snapshot(desk);
    const error = await refusal(dir, desk);
    expect(error.message).toBe(`${desk}, --out: a place for the package outside the source folder; this folder holds the source folder, and packing there would replace it (try --out ${join(desk, 'my-exhibit.vitrine')})`);
    expect(snapshot(desk)).toEqual(before);
  });

  it("a folder inside the source (its media folder)", async () => {
    const { desk, dir } = await source();
    const before = snapshot(desk);
    const error = await refusal(dir, join(dir, 'media'));
    expect(error.message).toBe(`${join(dir, 'media')}, --out: a place for the package outside the source folder; this is inside it, and packing there would replace the source's own files (try --out ${dir}.vitrine)`);
    expect(snapshot(desk)).toEqual(before);
  });

  it('a folder of other files', async () => {
    const { desk, dir } = await source();
    const other = join(desk, 'letters');
    mkdirSync(other);
    writeFileSync(join(other, 'draft.txt'), 'a draft');
    const before = snapshot(desk);
    const error = await refusal(dir, other);
    expect(error.message).toBe(`${other}, --out: a new folder, an empty one, or an earlier package folder to replace; this folder holds other files (draft.txt), which pack never replaces`);
    expect(snapshot(desk)).toEqual(before);
  });

  it('a file that is not a package archive, given as a folder', async () => {
    const { desk, dir } = await source();
    const notes = join(desk, 'notes.txt');
    writeFileSync(notes, 'notes');
    const before = snapshot(desk);
    const error = await refusal(dir, notes);
    expect(error.message).toBe(`${notes}, --out: a folder to write the package in, or a package file ending in .vitrine or .zip; this is a file, which pack never replaces`);
    expect(snapshot(desk)).toEqual(before);
  });

  it('a folder named like an archive', async () => {
    const { desk, dir } = await source();
    const folder = join(desk, 'old.vitrine');
    mkdirSync(folder);
    writeFileSync(join(folder, 'keep.txt'), 'keep');
    const error = await refusal(dir, folder);
    expect(error.message).toBe(`${folder}, --out: a package file to write; this is a folder, which pack never replaces`);
    expect(readFileSync(join(folder, 'keep.txt'), 'utf8')).toBe('keep');
  });
});

describe('pack --out replaces what it made', () => {
  it('an earlier package file, and an earlier package folder; a new or empty folder is filled', async () => {
    const { desk, dir } = await source();
    const file = join(desk, 'my-exhibit.vitrine');
    await pack(dir, file);
    await pack(dir, file);
    const folder = join(desk, 'packed');
    await pack(dir, folder);
    await pack(dir, folder);
    expect(readdirSync(folder).sort()).toEqual(['manifest.json', 'media']);
    const empty = join(desk, 'empty');
    mkdirSync(empty);
    await pack(dir, empty);
    expect(existsSync(join(empty, 'manifest.json'))).toBe(true);
  });
});
