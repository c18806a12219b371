/**
 * The checks every archive entry passes before any data is read: its name cannot leave the
 * package, it is a plain file (no link, no encryption, a method we can decode), it is unique
 * (also ignoring case, so it cannot overwrite another on a case-insensitive disk), and its
 * sizes are within limits and plausible (a zip bomb expands far beyond any real image or text).
 */
import yauzl from 'yauzl';
import { MAX_MEDIA_BYTES } from '../media/media-facts';
import { PackageError } from './errors';

export interface SourceLimits {
  entries: number;
  /** Largest single file, unpacked. */
  fileBytes: number;
  /** All files together, unpacked. */
  totalBytes: number;
  /** Deflate rarely exceeds 1:20 on real images and text; a bomb reaches 1:1000. */
  compressionRatio: number;
  /** Files smaller than this are not ratio-checked: a tiny, repetitive text may compress well. */
  ratioMinBytes: number;
}

export const LIMITS: SourceLimits = {
  entries: 250_000,
  // The largest file a package may hold is a recording (issue 20): a film of an hour or more is
  // gigabytes. Images are bounded by their pixels (media/images.ts), bombs by the ratio below.
  fileBytes: MAX_MEDIA_BYTES,
  totalBytes: 16 * 1024 * 1024 * 1024,
  compressionRatio: 100,
  ratioMinBytes: 1024 * 1024,
};

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const ENCRYPTED = 0x1;
const STORED = 0;
const DEFLATED = 8;

/** How a refusal names an entry: `entry "media/a.jpg"`. */
export function entryField(name: string): string {
  return `entry ${JSON.stringify(name)}`;
}

/**
 * Checks one central-directory entry; returns its decoded name. `seen` holds the names so far,
 * `folded` the same names in lower case (NFC), each pointing at the name that claimed it.
 */
export function checkArchiveEntry(entry: yauzl.Entry, label: string, limits: SourceLimits, seen: ReadonlyMap<string, unknown>, folded: Map<string, string>): string {
  // strict = true: keep backslashes as they are, so they can be refused rather than rewritten.
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
  const refuse = (expected: string) => new PackageError(label, entryField(name), expected);

  if (name === '') throw new PackageError(label, null, 'entries with names, but one has an empty name');
  // Control characters, checked in the bytes too: a name without the UTF-8 flag is decoded as
  // code page 437, where ESC (0x1B) becomes a printable arrow and would pass a check of the text
  // (issue 17, found by an outside test of hostile packages). C1 controls (U+0080-U+009F) as well.
  const raw = entry.fileNameRaw;
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  if (raw.some((byte) => byte < 0x20 || byte === 0x7f) || /[\u0000-\u001f\u007f-\u009f]/.test(name)) throw refuse('a name without control characters');
  if (name.includes('\\')) throw refuse('a name with "/" between folders, but it contains a backslash "\\" (it could name a path outside the package)');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw refuse('a name inside the package, but it is an absolute path');
  if (name.split('/').includes('..')) throw refuse('a name inside the package, but it contains ".." (it could write outside the package folder)');

  const key = name.normalize('NFC').toLowerCase();
  if (seen.has(name)) throw refuse('each name once in the archive, but it appears twice');
  const clash = folded.get(key);
  if (clash !== undefined) throw refuse(`names that differ by more than upper and lower case, but it clashes with "${clash}"`);
  folded.set(key, name);

  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw refuse('a regular file, not a link');
  if (entry.generalPurposeBitFlag & ENCRYPTED) throw refuse('an unencrypted file, but it is encrypted');
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw refuse(`stored or deflated data (what zip tools write), but it uses compression method ${entry.compressionMethod}`);
  }
  if (entry.compressionMethod === STORED && entry.compressedSize !== entry.uncompressedSize) {
    throw refuse(`the same packed and unpacked size for an uncompressed entry, but it declares ${entry.compressedSize} and ${entry.uncompressedSize} bytes`);
  }
  if (entry.uncompressedSize > limits.fileBytes) throw refuse(`a file of at most ${limits.fileBytes} bytes, but it declares ${entry.uncompressedSize}`);
  const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 1;
  if (entry.uncompressedSize >= limits.ratioMinBytes && ratio > limits.compressionRatio) {
    throw refuse(`an ordinary compression ratio (at most 1:${limits.compressionRatio}), but it expands ${Number.isFinite(ratio) ? Math.round(ratio) : 'infinitely'} times: a zip bomb?`);
  }
  return name;
}
