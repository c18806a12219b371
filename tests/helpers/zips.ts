/**
 * Real zip archives for hostile-archive tests, made in the test: yazl writes them, and for what
 * yazl refuses to write (`../x`, `/abs`, backslashes, encrypted flags, lying sizes) the bytes are
 * patched afterwards, in both the local header and the central directory, as an attacker would.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  data: Buffer;
  compress?: boolean;
  /** Unix mode, e.g. 0o120777 for a symbolic link. */
  mode?: number;
}

/** A zip archive of `entries`, written by yazl. */
export function makeZip(entries: ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { compress: e.compress ?? false, ...(e.mode ? { mode: e.mode } : {}) });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Every file of a package folder as zip entries (manifest.json first). */
export function folderEntries(dir: string): ZipEntry[] {
  const out: ZipEntry[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ name: relative(dir, full).split(sep).join('/'), data: readFileSync(full) });
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.name === 'manifest.json' ? -1 : b.name === 'manifest.json' ? 1 : a.name.localeCompare(b.name)));
}

/** Offsets of one entry's headers in an archive. */
export interface EntryHeaders {
  name: string;
  central: number;
  local: number;
}

/** Lists the entries of an archive from its central directory. */
export function entryHeaders(zip: Buffer): EntryHeaders[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: EntryHeaders[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    out.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), central: at, local: zip.readUInt32LE(at + 42) });
    at += skip;
  }
  return out;
}

function find(zip: Buffer, name: string): EntryHeaders {
  const entry = entryHeaders(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  return entry;
}

/** Renames an entry in both headers; the new name must have the same length in bytes. */
export function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  const out = Buffer.from(zip);
  const bytes = Buffer.from(to, 'utf8');
  if (bytes.length !== Buffer.byteLength(from)) throw new Error('renameEntry needs a name of the same length');
  const e = find(out, from);
  bytes.copy(out, e.central + 46);
  bytes.copy(out, e.local + 30);
  return out;
}

/** Sets general-purpose flag bits of an entry in both headers (bit 0: encrypted). */
export function setEntryFlags(zip: Buffer, name: string, bits: number): Buffer {
  const out = Buffer.from(zip);
  const e = find(out, name);
  out.writeUInt16LE(out.readUInt16LE(e.central + 8) | bits, e.central + 8);
  out.writeUInt16LE(out.readUInt16LE(e.local + 6) | bits, e.local + 6);
  return out;
}

/** Clears general-purpose flag bits of an entry in both headers (bit 11: the name is UTF-8). */
export function clearEntryFlags(zip: Buffer, name: string, bits: number): Buffer {
  const out = Buffer.from(zip);
  const e = find(out, name);
  out.writeUInt16LE(out.readUInt16LE(e.central + 8) & ~bits, e.central + 8);
  out.writeUInt16LE(out.readUInt16LE(e.local + 6) & ~bits, e.local + 6);
  return out;
}

/** Sets an entry's compression method in both headers. */
export function setEntryMethod(zip: Buffer, name: string, method: number): Buffer {
  const out = Buffer.from(zip);
  const e = find(out, name);
  out.writeUInt16LE(method, e.central + 10);
  out.writeUInt16LE(method, e.local + 8);
  return out;
}

/** Declares another unpacked size for an entry, in both headers (its data stays as it is). */
export function setEntryUncompressedSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const e = find(out, name);
  out.writeUInt32LE(size, e.central + 24);
  out.writeUInt32LE(size, e.local + 22);
  return out;
}
