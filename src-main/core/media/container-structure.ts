/**
 * Checks of a media container's own bookkeeping, read by byte ranges (a few KB of most files; an
 * MP3's frames are walked to the end, 1 MiB at a time): does every box, element or frame fit in
 * the file, and what length does the header claim? The demuxer trusts these numbers (a
 * half-copied MP4 whose index is whole reads as 4 seconds long; its packets stop silently), so
 * they are checked here first, with a message saying what is missing.
 */
import type { FileHandle } from 'node:fs/promises';
import { MediaRefusal, type Expectation } from './media-facts';
import { walkMp3Frames } from './mp3-frames';

/** What the container's header claims, for comparing with what the packets show. */
export interface DeclaredStructure {
  /** The movie header's duration (MP4 `mvhd`), in seconds; null where there is none. */
  declaredSeconds: number | null;
}

/** Past this many boxes at one level, a file is refused rather than walked (a fragmented 3-hour MP4 has a few thousand). */
const MAX_BOXES = 100_000;
/** The longest Ogg page: header, 255 lacing values, 255 segments of 255 bytes. */
const MAX_OGG_PAGE = 27 + 255 + 255 * 255;

/** Reads `length` bytes at `position`; fewer where the file ends. */
async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * Checks that the container's structure fits in `size` bytes and returns what its header claims.
 * Throws a MediaRefusal ('truncated' or 'damaged') naming `file` otherwise.
 */
export async function checkStructure(handle: FileHandle, size: number, family: Expectation['family'], file: string): Promise<DeclaredStructure> {
  if (family === 'isobmff') return checkIsobmff(handle, size, file);
  if (family === 'webm') await checkWebmSegment(handle, size, file);
  if (family === 'ogg') await checkOggEnd(handle, size, file);
  // An MP3's Xing header gives the demuxer a length, compared with the packets by the caller.
  if (family === 'mp3') await checkMp3Frames(handle, size, file);
  return { declaredSeconds: null };
}

interface Box {
  type: string;
  /** Where the box starts, where its payload starts, and where it ends (exclusive). */
  start: number;
  body: number;
  end: number;
}

const cutShort = (file: string, detail: string) =>
  new MediaRefusal(file, 'truncated', `${detail}: the file is cut short (an interrupted copy or download?). Copy it again from the original.`);

/** The boxes between `start` and `end`; a box that runs past `end` means the file is cut short. */
async function boxesIn(handle: FileHandle, start: number, end: number, file: string, where: string): Promise<Box[]> {
  const boxes: Box[] = [];
  for (let at = start; at < end; ) {
    if (boxes.length >= MAX_BOXES) throw new MediaRefusal(file, 'damaged', `has more than ${MAX_BOXES} boxes in ${where}: this is not an MP4 a camera or an encoder writes. Export it again as MP4.`);
    if (end - at < 8) throw cutShort(file, `ends ${end - at} bytes into a box header in ${where}`);
    const head = await readAt(handle, at, 16);
    const size32 = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    let length = size32;
    let body = at + 8;
    if (size32 === 1) {
      if (end - at < 16) throw cutShort(file, `ends inside the header of its "${type}" box`);
      length = Number(head.readBigUInt64BE(8));
      body = at + 16;
    } else if (size32 === 0) {
      length = end - at; // "to the end of the file", allowed for the last box
    }
    if (length < body - at) throw new MediaRefusal(file, 'damaged', `has a "${type}" box of impossible size ${length} in ${where}: the file is damaged. Export it again as MP4.`);
    if (at + length > end) {
      throw cutShort(file, `its "${type}" box declares ${length} bytes, but only ${end - at} remain in ${where}`);
    }
    boxes.push({ type, start: at, body, end: at + length });
    at += length;
  }
  return boxes;
}

/**
 * An MP4 (or M4A): every top-level box fits in the file, every sample its tables declare fits in
 * its media data (a `stsz` claiming megabytes per frame of a 30 KB file is a lie or a cut), and
 * the movie header's duration is returned for the limits.
 */
async function checkIsobmff(handle: FileHandle, size: number, file: string): Promise<DeclaredStructure> {
  const top = await boxesIn(handle, 0, size, file, 'the file');
  const mediaBytes = top.filter((b) => b.type === 'mdat').reduce((sum, b) => sum + (b.end - b.body), 0);
  const moov = top.find((b) => b.type === 'moov');
  if (!moov) return { declaredSeconds: null }; // the demuxer says "no tracks" in its own words
  const inMoov = await boxesIn(handle, moov.body, moov.end, file, 'its "moov" box');
  let declaredSeconds: number | null = null;
  const mvhd = inMoov.find((b) => b.type === 'mvhd');
  if (mvhd) declaredSeconds = movieHeaderSeconds(await readAt(handle, mvhd.body, Math.min(32, mvhd.end - mvhd.body)));
  let sampleBytes = 0;
  for (const trak of inMoov.filter((b) => b.type === 'trak')) {
    const stsz = await findPath(handle, trak, ['mdia', 'minf', 'stbl', 'stsz'], file);
    if (stsz) sampleBytes += await sampleTableBytes(handle, stsz, file);
  }
  if (sampleBytes > mediaBytes) {
    throw cutShort(file, `its sample tables declare ${sampleBytes} bytes of media, but its media data holds ${mediaBytes}`);
  }
  return { declaredSeconds };
}

/** The box at `path` below `box` (first match at each level), or null. */
async function findPath(handle: FileHandle, box: Box, path: string[], file: string): Promise<Box | null> {
  let current = box;
  for (const type of path) {
    const next = (await boxesIn(handle, current.body, current.end, file, `its "${current.type}" box`)).find((b) => b.type === type);
    if (!next) return null;
    current = next;
  }
  return current;
}

/** `mvhd`'s duration over its timescale; null when unknown (all ones) or without a timescale. */
function movieHeaderSeconds(mvhd: Buffer): number | null {
  if (mvhd.length < 20) return null;
  const version = mvhd[0];
  if (version === 1 && mvhd.length >= 32) {
    const timescale = mvhd.readUInt32BE(20);
    const duration = mvhd.readBigUInt64BE(24);
    return timescale && duration !== 0xffffffffffffffffn ? Number(duration) / timescale : null;
  }
  const timescale = mvhd.readUInt32BE(12);
  const duration = mvhd.readUInt32BE(16);
  return timescale && duration !== 0xffffffff ? duration / timescale : null;
}

/** The sum of a `stsz` box's sample sizes, read 64 KB at a time. */
async function sampleTableBytes(handle: FileHandle, stsz: Box, file: string): Promise<number> {
  const head = await readAt(handle, stsz.body, 12);
  if (head.length < 12) throw new MediaRefusal(file, 'damaged', 'has a sample size table ("stsz") too short to read: the file is damaged. Export it again as MP4.');
  const uniform = head.readUInt32BE(4);
  const count = head.readUInt32BE(8);
  if (uniform !== 0) return uniform * count;
  const tableStart = stsz.body + 12;
  if (tableStart + count * 4 > stsz.end) {
    throw new MediaRefusal(file, 'damaged', `declares ${count} samples in a sample size table ("stsz") that holds ${Math.floor((stsz.end - tableStart) / 4)}: the file is damaged. Export it again as MP4.`);
  }
  let total = 0;
  const chunk = 16_384; // entries per read
  for (let done = 0; done < count; done += chunk) {
    const entries = await readAt(handle, tableStart + done * 4, Math.min(chunk, count - done) * 4);
    for (let i = 0; i + 4 <= entries.length; i += 4) total += entries.readUInt32BE(i);
  }
  return total;
}

/** An MP3's frames fill it to the byte (mp3-frames.ts); Layer I or II audio is refused as a codec. */
async function checkMp3Frames(handle: FileHandle, size: number, file: string): Promise<void> {
  const problem = await walkMp3Frames((position, length) => readAt(handle, position, length), size);
  if (problem?.reason === 'truncated') throw cutShort(file, problem.detail);
  if (problem?.reason === 'damaged') throw new MediaRefusal(file, 'damaged', `${problem.detail}: the file is damaged. Export it again as MP3.`);
  if (problem?.reason === 'codec') throw new MediaRefusal(file, 'codec', `${problem.detail}, which the kiosk cannot play: expected MP3 audio (MPEG Layer III). Export it again as MP3.`);
}

/** An EBML variable-length integer at `at`: its length in bytes, value, and whether it means "unknown". */
function readVint(bytes: Buffer, at: number): { length: number; value: number; unknown: boolean } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23; // leading zeros within the byte, plus one
  if (at + length > bytes.length) return null;
  const marker = 0x80 >> (length - 1);
  let value = first & (marker - 1);
  let allOnes = value === marker - 1;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { length, value, unknown: allOnes };
}

/**
 * A WebM: its Segment, which holds everything after the EBML header, fits in the file. A live
 * recording may leave the Segment's size unknown; then the caller's duration check remains.
 */
async function checkWebmSegment(handle: FileHandle, size: number, file: string): Promise<void> {
  const head = await readAt(handle, 0, 4096);
  const headerSize = readVint(head, 4);
  if (!headerSize) return; // the demuxer accepted it; nothing more to learn here
  const segmentAt = 4 + headerSize.length + headerSize.value;
  if (segmentAt + 5 > head.length || head.readUInt32BE(segmentAt) !== 0x18538067) return;
  const segmentSize = readVint(head, segmentAt + 4);
  if (!segmentSize || segmentSize.unknown) return;
  const segmentEnd = segmentAt + 4 + segmentSize.length + segmentSize.value;
  if (segmentEnd > size) throw cutShort(file, `its Segment declares ${segmentEnd} bytes, but the file has ${size}`);
}

/**
 * An Ogg file ends with a whole page marked "end of stream": a cut file ends inside a page, or
 * after one that is not the last.
 */
async function checkOggEnd(handle: FileHandle, size: number, file: string): Promise<void> {
  const tailStart = Math.max(0, size - MAX_OGG_PAGE);
  const tail = await readAt(handle, tailStart, size - tailStart);
  for (let at = tail.lastIndexOf('OggS'); at >= 0; at = at > 0 ? tail.lastIndexOf('OggS', at - 1) : -1) {
    const segments = tail[at + 26];
    if (segments === undefined || at + 27 + segments > tail.length) continue;
    let pageLength = 27 + segments;
    for (let i = 0; i < segments; i++) pageLength += tail[at + 27 + i] ?? 0;
    if (at + pageLength !== tail.length) continue; // "OggS" inside a packet, or a page cut off
    const endOfStream = ((tail[at + 5] ?? 0) & 0x04) !== 0;
    if (!endOfStream) throw cutShort(file, 'its last Ogg page is not marked as the end of the stream');
    return;
  }
  throw cutShort(file, 'it ends inside an Ogg page');
}
