/**
 * A content package as a set of named files, whether it arrives as a folder or as one zip
 * archive. Archives are hostile until proven otherwise: they are read entry by entry (yauzl),
 * never unpacked whole or held in memory, and every entry of the central directory is checked
 * (archive-checks.ts) before a single byte of data is read.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import yauzl from 'yauzl';
import { checkArchiveEntry, entryField, LIMITS, type SourceLimits } from './archive-checks';
import { PackageError } from './errors';

export { LIMITS, type SourceLimits } from './archive-checks';

export interface PackageSource {
  /** What a person would call it in a message: the folder path or the archive's file name. */
  readonly label: string;
  /** The names of all files, with `/` separators, relative to the package root. */
  names(): string[];
  /** Size in bytes of a file as the source declares it. */
  size(name: string): number;
  open(name: string): Promise<Readable>;
  close(): Promise<void>;
}

/** Opens a package folder or archive file, refusing anything over `limits`. */
export async function openPackageSource(path: string, limits: Partial<SourceLimits> = {}): Promise<PackageSource> {
  const all = { ...LIMITS, ...limits };
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new PackageError(path, null, 'a package folder or archive file that exists');
  }
  return info.isDirectory() ? openFolder(path, all) : openArchive(path, all);
}

/**
 * Only the named files of a folder (a curator's folder holds much else: its Markdown, notes, a
 * .git folder). A name that is a link or not a regular file is refused as a folder source would.
 */
export async function openListedFiles(root: string, names: readonly string[]): Promise<PackageSource> {
  const sizes = new Map<string, number>();
  for (const name of names) {
    const info = await lstat(join(root, ...name.split('/'))).catch(() => null);
    if (!info) continue; // the manifest's check names it: "not in the package"
    if (!info.isFile()) throw new PackageError(name, null, 'a regular file, not a link or a folder');
    sizes.set(name, info.size);
  }
  return folderFiles(root, sizes);
}

/**
 * `source` with some files given in memory as well (replacing any of the same name): how
 * `vitrine preview` imports a curator's folder with the manifest.json it has just made, without
 * writing into the curator's folder or copying the images elsewhere first.
 */
export function withFiles(source: PackageSource, files: ReadonlyMap<string, Buffer>): PackageSource {
  return {
    label: source.label,
    names: () => [...new Set([...source.names(), ...files.keys()])],
    size: (name) => files.get(name)?.length ?? source.size(name),
    open: async (name) => {
      const bytes = files.get(name);
      return bytes ? Readable.from([bytes]) : source.open(name);
    },
    close: () => source.close(),
  };
}

/** Reads a whole (small) file of a source as UTF-8 text, refusing files over `maxBytes`. */
export async function readText(source: PackageSource, name: string, maxBytes: number): Promise<string> {
  return (await readBytes(source, name, maxBytes)).toString('utf8');
}

/** Reads a whole (small) file of a source, refusing files over `maxBytes`. */
export async function readBytes(source: PackageSource, name: string, maxBytes: number): Promise<Buffer> {
  if (!source.names().includes(name)) {
    // A curator's source folder handed to import: say what to do, not only what is missing.
    const curator = source.names().includes('exhibit.yaml') ? `; this is a curator's source folder (it has exhibit.yaml): make a package of it first with vitrine pack` : '';
    throw new PackageError(source.label, name, `a file named ${name} at the top of the package${curator}`);
  }
  if (source.size(name) > maxBytes) throw new PackageError(name, null, `a file of at most ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  for await (const chunk of await source.open(name)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function openFolder(root: string, limits: SourceLimits): Promise<PackageSource> {
  const sizes = new Map<string, number>();
  let total = 0;
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const name = relative(root, full).split(sep).join('/');
      // Links could point anywhere on the machine: a package is only what is inside its folder.
      if (entry.isSymbolicLink()) throw new PackageError(name, null, 'a regular file, not a link');
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const size = (await lstat(full)).size;
        if (size > limits.fileBytes) throw new PackageError(name, null, `a file of at most ${limits.fileBytes} bytes, but it has ${size}`);
        total += size;
        if (total > limits.totalBytes) throw new PackageError(root, null, `at most ${limits.totalBytes} bytes in all`);
        sizes.set(name, size);
      }
      if (sizes.size > limits.entries) throw new PackageError(root, null, `at most ${limits.entries} files`);
    }
  }
  await walk(root);
  return folderFiles(root, sizes);
}

function openZip(path: string, label: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings and validateEntrySizes off: names and sizes are checked here, with messages
    // that name the entry (yauzl's own would only say "invalid relative path" or "size mismatch").
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false }, (error, zip) => {
      if (error || !zip) reject(new PackageError(label, null, `a zip archive or a package folder (${error?.message ?? 'unreadable'})`));
      else resolve(zip);
    });
  });
}

async function openArchive(path: string, limits: SourceLimits): Promise<PackageSource> {
  const label = basename(path);
  const zip = await openZip(path, label);
  const entries = new Map<string, yauzl.Entry>();
  try {
    // The central directory says how many entries follow: refuse a flood before reading one.
    if (zip.entryCount > limits.entries) throw new PackageError(label, null, `at most ${limits.entries} entries, but the archive has ${zip.entryCount}`);
    const folded = new Map<string, string>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e: Error) => reject(new PackageError(label, null, `a readable zip archive (${e.message})`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          const name = checkArchiveEntry(entry, label, limits, entries, folded);
          total += entry.uncompressedSize;
          if (total > limits.totalBytes) throw new PackageError(label, null, `at most ${limits.totalBytes} bytes in all once unpacked`);
          if (!name.endsWith('/')) entries.set(name, entry);
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
    label,
    names: () => [...entries.keys()],
    size: (name) => entries.get(name)?.uncompressedSize ?? 0,
    open: (name) =>
      new Promise((resolve, reject) => {
        const entry = entries.get(name);
        if (!entry) return reject(new PackageError(label, name, 'a file that is in the archive'));
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(new PackageError(label, entryField(name), `a readable archive entry (${error?.message})`));
          resolve(checkedStream(stream, label, name, entry.uncompressedSize));
        });
      }),
    close: async () => zip.close(),
  };
}

/**
 * Counts an entry's real bytes against the size the central directory declares, and stops at
 * the first byte too many: a forged size is refused by name, and a bomb never inflates further.
 */
function checkedStream(stream: Readable, label: string, name: string, declared: number): Readable {
  let bytes = 0;
  const refuse = (why: string) => new PackageError(label, entryField(name), `data of the size the archive declares (${declared} bytes), but ${why} (a damaged or forged archive)`);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > declared) return done(refuse('it has more'));
      done(null, chunk);
    },
    flush(done) {
      done(bytes < declared ? refuse(`it has only ${bytes}`) : null);
    },
  });
  stream.on('error', (e: Error) => counter.destroy(new PackageError(label, entryField(name), `readable compressed data, but it is damaged (${e.message})`)));
  // A reader that gives up early (a file longer than the manifest says) stops the inflater too.
  counter.on('close', () => stream.destroy());
  return stream.pipe(counter);
}

/** The files of a folder, by their package names and sizes, read from disk as they are opened. */
function folderFiles(root: string, sizes: ReadonlyMap<string, number>): PackageSource {
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
