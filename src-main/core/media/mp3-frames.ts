/**
 * The frames of an MP3, walked from first to last. An MP3 has no container, so only its frames
 * say where it should end, and the demuxer does not ask them: it drops a last frame that runs past
 * the end of the file, and without a Xing header it takes the length from the file's size, so a
 * copy cut mid-frame reads as a shorter recording. Here each frame's length comes from its own
 * 4-byte header, and the frames must tile the file exactly, from the end of its ID3v2 tags to the
 * tags a tagger may append (APE, Lyrics3, ID3v1). Read 1 MiB at a time: a one-hour MP3 (55 MB,
 * 140,000 frames) takes tens of milliseconds.
 */

/** Reads `length` bytes at `position`; fewer where the file ends. */
export type ReadAt = (position: number, length: number) => Promise<Buffer>;

/** What is wrong with an MP3's frames, in words for the refusal the caller makes of it. */
export interface Mp3Problem {
  reason: 'truncated' | 'damaged' | 'codec';
  /** "its MP3 frame 78 (at byte 8120) declares 104 bytes, but only 79 remain" */
  detail: string;
}

const CHUNK_BYTES = 1024 * 1024;
/** Kilobits per second by bitrate index, Layer III: MPEG-1, and MPEG-2 and 2.5. 0 is "free format". */
const KBPS_MPEG1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const KBPS_LOWER = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES = [44100, 48000, 32000];
/** The header's version bits: 0 is MPEG-2.5, 1 is reserved. */
const VERSION_WORDS = ['MPEG-2.5', '', 'MPEG-2', 'MPEG-1'];

interface FrameHeader {
  /** Version, layer, sample rate and mono or not: what every frame of one stream shares. */
  stream: number;
  /** 1, 2 or 3. */
  layer: number;
  versionBits: number;
  /** The whole frame, header included; 0 for Layers I and II, which are not measured. */
  bytes: number;
}

/** The frame header at `at`, or null where there is none (no sync, or a reserved or free-format value). */
function frameHeader(b: Buffer, at: number): FrameHeader | null {
  if (at + 4 > b.length || b[at] !== 0xff) return null;
  const b1 = b[at + 1]!;
  const b2 = b[at + 2]!;
  const b3 = b[at + 3]!;
  const versionBits = (b1 >> 3) & 3;
  const layer = 4 - ((b1 >> 1) & 3);
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if ((b1 & 0xe0) !== 0xe0 || versionBits === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const mono = (b3 >> 6) === 3 ? 1 : 0;
  const stream = (versionBits << 5) | (layer << 3) | (rateIndex << 1) | mono;
  if (layer !== 3) return { stream, layer, versionBits, bytes: 0 };
  const sampleRate = SAMPLE_RATES[rateIndex]! >> [2, 0, 1, 0][versionBits]!; // MPEG-2 halves the rates, 2.5 quarters them
  const padding = (b2 >> 1) & 1;
  const bytes = versionBits === 3
    ? Math.floor((144_000 * KBPS_MPEG1[bitrateIndex]!) / sampleRate) + padding
    : Math.floor((72_000 * KBPS_LOWER[bitrateIndex]!) / sampleRate) + padding;
  return { stream, layer, versionBits, bytes };
}

/**
 * The frame count of a Xing/Info or VBRI header in the first frame (at `at` in `b`), or null. Such
 * a frame carries no audio (decoders skip it), so it is not counted among the frames.
 */
function headerFrameCount(b: Buffer, at: number, header: FrameHeader): { tag: 'Xing' | 'VBRI'; count: number | null } | null {
  const mono = (header.stream & 1) === 1;
  const xing = at + (header.versionBits === 3 ? (mono ? 21 : 36) : mono ? 13 : 21);
  const tag = b.toString('latin1', xing, xing + 4);
  if ((tag === 'Xing' || tag === 'Info') && xing + 12 <= b.length) {
    return { tag: 'Xing', count: b.readUInt32BE(xing + 4) & 1 ? b.readUInt32BE(xing + 8) : null }; // flag 1: a frame count
  }
  if (b.toString('latin1', at + 36, at + 40) === 'VBRI' && at + 54 <= b.length) return { tag: 'VBRI', count: b.readUInt32BE(at + 50) };
  return null;
}

/** Where the frames start: after any ID3v2 tags (a tag may follow another). */
async function afterId3v2(read: ReadAt, size: number): Promise<number | Mp3Problem> {
  let at = 0;
  for (;;) {
    const head = await read(at, 10);
    if (head.length < 10 || head.toString('latin1', 0, 3) !== 'ID3' || head.subarray(6, 10).some((byte) => byte >= 0x80)) return at;
    // A synchsafe size (7 bits a byte), not counting the 10-byte header, nor the footer of flag 0x10.
    const length = 10 + ((head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!) + (head[5]! & 0x10 ? 10 : 0);
    if (at + length > size) return { reason: 'truncated', detail: `its ID3 tag declares ${length} bytes, but only ${size - at} remain` };
    at += length;
  }
}

/**
 * Where the frames end: before the tags a tagger appends, last first. ID3v1 is the last 128
 * bytes; an APE tag and a Lyrics3v2 tag, in either order, end with a footer giving their length.
 */
async function beforeTrailingTags(read: ReadAt, start: number, size: number): Promise<number> {
  let end = size;
  if (end - start >= 128 && (await read(end - 128, 3)).toString('latin1') === 'TAG') end -= 128;
  for (let tries = 0; tries < 2; tries++) {
    const tail = await read(Math.max(start, end - 32), Math.min(32, end - start));
    if (tail.length === 32 && tail.toString('latin1', 0, 8) === 'APETAGEX') {
      const length = tail.readUInt32LE(12) + (tail.readUInt32LE(20) & 0x80000000 ? 32 : 0); // flag: a header as well
      if (length >= 32 && length <= end - start) end -= length;
    } else if (tail.length >= 15 && tail.toString('latin1', tail.length - 9) === 'LYRICS200') {
      const length = Number(tail.toString('latin1', tail.length - 15, tail.length - 9)) + 15; // 6 digits, then the marker
      if (Number.isInteger(length) && length <= end - start) end -= length;
    } else {
      break;
    }
  }
  return end;
}

const hexOf = (b: Buffer) => [...b].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');

/**
 * Walks the frames of an MP3 of `size` bytes. Null when they fill the file to the byte and their
 * Xing (or VBRI) header, if any, counts at most one more than were found; else what is wrong.
 */
export async function walkMp3Frames(read: ReadAt, size: number): Promise<Mp3Problem | null> {
  const start = await afterId3v2(read, size);
  if (typeof start !== 'number') return start;
  const end = await beforeTrailingTags(read, start, size);
  let chunk: Buffer = Buffer.alloc(0);
  let chunkAt = start;
  let first: FrameHeader | null = null;
  /** Every frame so far, the tag's included, as a message numbers them. */
  let frames = 0;
  let tagFrames = 0;
  let declared: { tag: string; count: number | null } | null = null;
  for (let at = start; at < end; ) {
    if (at + 4 > chunkAt + chunk.length) {
      chunkAt = at;
      chunk = await read(at, Math.min(CHUNK_BYTES, end - at));
    }
    const i = at - chunkAt;
    // Some taggers leave zeros between the ID3 tag and the first frame, outside the tag's size.
    if (!first && chunk[i] === 0) {
      let j = i;
      while (j < chunk.length && chunk[j] === 0) j++;
      at = chunkAt + j;
      continue;
    }
    if (end - at < 4 && chunk[i] === 0xff) return { reason: 'truncated', detail: `it ends ${end - at} bytes into the header of its MP3 frame ${frames + 1} (at byte ${at})` };
    const header = frameHeader(chunk, i);
    const where = first ? `where its MP3 frame ${frames} ends` : at === 0 ? 'at its start' : 'after its ID3 tag';
    if (!header || (first && header.stream !== first.stream)) {
      return { reason: 'damaged', detail: `has bytes ${hexOf(chunk.subarray(i, i + 4))} at byte ${at}, ${where}, instead of an MP3 frame header` };
    }
    if (!first) {
      first = header;
      const version = VERSION_WORDS[header.versionBits];
      if (header.layer !== 3) return { reason: 'codec', detail: `has ${version} Layer ${header.layer === 1 ? 'I audio (MP1)' : 'II audio (MP2)'}` };
      const tagged = headerFrameCount(chunk, i, header);
      if (tagged) [declared, tagFrames] = [tagged, 1];
    }
    if (at + header.bytes > end) {
      return { reason: 'truncated', detail: `its MP3 frame ${frames + 1} (at byte ${at}) declares ${header.bytes} bytes, but only ${end - at} remain` };
    }
    frames++;
    at += header.bytes;
  }
  if (!first) return { reason: 'damaged', detail: `has no MP3 frames, only zeros ${start > 0 ? 'after its ID3 tag' : ''}`.trimEnd() };
  // Encoders differ on whether the count includes the tag's own frame: one frame short is allowed.
  // More frames than counted is the duration check's to judge (a claim shorter than the media).
  const audioFrames = frames - tagFrames;
  if (declared?.count != null && audioFrames + 1 < declared.count) {
    return { reason: 'truncated', detail: `its ${declared.tag} header counts ${declared.count} MP3 frames of audio, but the file holds ${audioFrames}` };
  }
  return null;
}
