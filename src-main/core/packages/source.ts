/**
 * A content package as a set of named files, whether it arrives as a folder or as one zip
 * archive. Archives are read entry by entry (yauzl), never unpacked whole or held in memory,
 * and names that could escape a folder are refused before anything is read.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { PackageError } from './errors';

export interface PackageSource {
  /** What a person would call it in a message: the folder or archive path. */
  readonly label: string;
  /** The names of all files, with `/` separators, relative to the package root. */
  names(): string[];
  /** Size in bytes of a file as the source declares it. */
  size(name: string): number;
  open(name: string): Promise<Readable>;
  close(): Promise<void>;
}

export const LIMITS = {
  entries: 250_000,
  fileBytes: 512 * 1024 * 1024,
  totalBytes: 16 * 1024 * 1024 * 1024,
  /** Deflate rarely exceeds 1:20 on real images and text; a bomb reaches 1:1000. */
  compressionRatio: 100,
};

/** Opens a package folder or archive file. */
export async function openPackageSource(path: string): Promise<PackageSource> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new PackageError(path, null, 'a package folder or archive file that exists');
  }
  return info.isDirectory() ? openFolder(path) : openArchive(path);
}

/** Reads a whole (small) file of a source as UTF-8 text, refusing files over `maxBytes`. */
export async function readText(source: PackageSource, name: string, maxBytes: number): Promise<string> {
  if (!source.names().includes(name)) throw new PackageError(source.label, name, `a file named ${name} at the top of the package`);
  if (source.size(name) > maxBytes) throw new PackageError(name, null, `a file of at most ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  for await (const chunk of await source.open(name)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function openFolder(root: string): Promise<PackageSource> {
  const sizes = new Map<string, number>();
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const name = relative(root, full).split(sep).join('/');
      // Links could point anywhere on the machine: a package is only what is inside its folder.
      if (entry.isSymbolicLink()) throw new PackageError(name, null, 'a regular file, not a link');
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) sizes.set(name, (await lstat(full)).size);
      if (sizes.size > LIMITS.entries) throw new PackageError(root, null, `at most ${LIMITS.entries} files`);
    }
  }
  await walk(root);
  return {
    label: root,
    names: () => [...sizes.keys()],
    size: (name) => sizes.get(name) ?? 0,
    open: async (name) => {
      if (!sizes.has(name)) throw new PackageError(root, name, 'a file that is in the package');
      return createReadStream(join(root, ...name.split('/')));
    },
    close: async () => {},
  };
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) reject(new PackageError(path, null, `a zip archive or a package folder (${error?.message ?? 'unreadable'})`));
      else resolve(zip);
    });
  });
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

async function openArchive(path: string): Promise<PackageSource> {
  const zip = await openZip(path);
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e: Error) => reject(new PackageError(path, null, `a readable zip archive (${e.message})`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          checkEntry(entry, entries, path);
          total += entry.uncompressedSize;
          if (total > LIMITS.totalBytes) throw new PackageError(path, null, `at most ${LIMITS.totalBytes} bytes in all once unpacked`);
          if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
          zip.readEntry();
        } catch (error) {
          reject(error);
        }
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    label: path,
    names: () => [...entries.keys()],
    size: (name) => entries.get(name)?.uncompressedSize ?? 0,
    open: (name) =>
      new Promise((resolve, reject) => {
        const entry = entries.get(name);
        if (!entry) return reject(new PackageError(path, name, 'a file that is in the archive'));
        zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(new PackageError(name, null, `a readable archive entry (${error?.message})`)) : resolve(stream)));
      }),
    close: async () => zip.close(),
  };
}

function checkEntry(entry: yauzl.Entry, seen: Map<string, yauzl.Entry>, path: string): void {
  const name = entry.fileName;
  // yauzl's strictFileNames already refuses absolute paths, "..", and backslashes.
  if (seen.has(name)) throw new PackageError(name, null, 'each file name once in the archive, but it appears twice');
  if (seen.size >= LIMITS.entries) throw new PackageError(path, null, `at most ${LIMITS.entries} entries`);
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw new PackageError(name, null, 'a regular file, not a link');
  if (entry.isEncrypted()) throw new PackageError(name, null, 'an unencrypted file');
  if (entry.uncompressedSize > LIMITS.fileBytes) throw new PackageError(name, null, `a file of at most ${LIMITS.fileBytes} bytes`);
  if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > LIMITS.compressionRatio && entry.uncompressedSize > 1024 * 1024) {
    throw new PackageError(name, null, `an ordinary compression ratio (this entry expands ${Math.round(entry.uncompressedSize / entry.compressedSize)} times: a zip bomb?)`);
  }
}
