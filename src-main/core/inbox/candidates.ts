/**
 * What in an inbox folder looks like a package: an archive (`.zip`, `.vitrine`) or a folder
 * holding a manifest.json, each with a signature of its size and age (to tell a file still
 * being copied from a finished one) and an identity (its SHA-256, to import it only once).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../packages/manifest';

/** A package-like entry of the inbox folder. */
export interface Candidate {
  name: string;
  path: string;
  kind: 'archive' | 'folder';
  /** Bytes in all (a folder: all its files). */
  bytes: number;
  /** Latest modification time of the file or of any file in the folder. */
  mtimeMs: number;
  /** Changes while a copy is still under way: size, time and file count together. */
  signature: string;
}

const ARCHIVE = /\.(zip|vitrine)$/i;

/** The package-like entries directly inside `dir`; an empty list when the folder is not there. */
export async function listCandidates(dir: string): Promise<Candidate[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return []; // not mounted, not created yet: nothing to import
  }
  const found: Candidate[] = [];
  for (const entry of entries) {
    // Hidden names are what operating systems leave on sticks (.Trashes, ._x.zip): never packages.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    try {
      if (entry.isFile() && ARCHIVE.test(entry.name)) {
        const info = await stat(path);
        found.push({ name: entry.name, path, kind: 'archive', bytes: info.size, mtimeMs: Math.floor(info.mtimeMs), signature: `${info.size}:${info.mtimeMs}` });
      } else if (entry.isDirectory() && (await stat(join(path, MANIFEST_FILE)).catch(() => null))?.isFile()) {
        const sum = await folderSummary(path);
        found.push({ name: entry.name, path, kind: 'folder', ...sum, signature: `${sum.bytes}:${sum.mtimeMs}:${sum.files}` });
      }
    } catch {
      // vanished between listing and looking (a stick pulled out): the next scan decides
    }
  }
  return found;
}

async function folderSummary(root: string): Promise<{ bytes: number; mtimeMs: number; files: number }> {
  const sum = { bytes: 0, mtimeMs: 0, files: 0 };
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const info = await stat(path);
        sum.bytes += info.size;
        sum.mtimeMs = Math.max(sum.mtimeMs, Math.floor(info.mtimeMs));
        sum.files += 1;
      }
    }
  };
  await walk(root);
  return sum;
}

/**
 * SHA-256 identifying a candidate's content: the whole archive, or a folder's manifest.json
 * (which holds every file's checksum, so it identifies the whole folder).
 */
export async function identify(candidate: Candidate): Promise<string> {
  const hash = createHash('sha256');
  const file = candidate.kind === 'archive' ? candidate.path : join(candidate.path, MANIFEST_FILE);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
