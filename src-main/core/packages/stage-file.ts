/**
 * The first step of staging any file a package names (an image, a recording, a poster, captions):
 * copy it aside, counting and hashing as it streams, and refuse it unless it is in the package,
 * exactly as long as the manifest says and has the manifest's SHA-256. Declared sizes are never
 * trusted: reading stops as soon as a file is longer than declared.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PackageError } from './errors';
import { MANIFEST_FILE } from './manifest';
import type { PackageSource } from './source';

/** A file entry of the manifest: its name in the package, size and checksum. */
export interface DeclaredFile {
  file: string;
  sha256: string;
  bytes: number;
}

/** A file staged for the content-addressed store. */
export interface StagedFile<Ext extends string = string> {
  /** Where the staged copy is, or null when the store already holds this exact file. */
  path: string | null;
  sha256: string;
  ext: Ext;
}

/** A staged copy whose size and checksum match the manifest's. */
export interface CopiedFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** Copies `entry` (manifest field `field`) from `source` into `dir` under a random name, checked. */
export async function copyAside(source: PackageSource, entry: DeclaredFile, field: string, dir: string): Promise<CopiedFile> {
  if (!source.names().includes(entry.file)) {
    throw new PackageError(MANIFEST_FILE, `${field}.file`, `the name of a file in the package, but "${entry.file}" is not there`);
  }
  const path = join(dir, randomBytes(8).toString('hex'));
  const hash = createHash('sha256');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > entry.bytes) return done(new PackageError(entry.file, null, `${entry.bytes} bytes as the manifest says (${field}.bytes), but it is larger`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(await source.open(entry.file), counter, createWriteStream(path));
  if (bytes !== entry.bytes) throw new PackageError(entry.file, null, `${entry.bytes} bytes as the manifest says (${field}.bytes), but it has ${bytes}`);
  const sha256 = hash.digest('hex');
  if (sha256 !== entry.sha256) throw new PackageError(entry.file, null, `the checksum given in ${field}.sha256, but its content differs (damaged or replaced file)`);
  return { path, sha256, bytes };
}
