/**
 * Tells whether a video or audio file from a content package is one the kiosk can play (issue
 * 20), reading it by byte ranges (mediabunny's FilePathSource, an 8 MiB cache at most): never whole
 * into memory, whatever its size. The file's name, container and codecs must agree; its header
 * must not promise more than it holds; its length, size, resolution and bitrate stay within the
 * limits in media-facts.ts.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  ADTS, EncodedPacketSink, FilePathSource, FLAC, Input, Logging, LogLevel, MATROSKA, MP3, MP4, MPEG_TS, OGG, QTFF,
  UnsupportedInputFormatError, WAVE, WEBM, type InputFormat, type InputTrack,
} from 'mediabunny';
import { checkStructure } from './container-structure';
import {
  DURATION_GRACE_SECONDS, EXPECTED_BY_EXTENSION, formatBitrate, formatSeconds, MAX_AUDIO_BITS_PER_SECOND, MAX_AUDIO_BYTES, MAX_DURATION_SECONDS, MAX_MEDIA_BYTES,
  MAX_VIDEO_BITS_PER_SECOND, MAX_VIDEO_LONG_SIDE, MAX_VIDEO_SHORT_SIDE, MediaRefusal, type Expectation, type MediaFacts,
  type PlayableAudioCodec, type PlayableVideoCodec, type RefusalReason,
} from './media-facts';

export * from './media-facts';

// mediabunny warns on the console about codecs it does not know ("sample entry type 'mp4v'"); the
// refusal says that in words, and a kiosk's log should not fill with a library's asides.
Logging.level = LogLevel.Errors;

/**
 * Every single-file format the demuxer knows, so that a refusal can say what a file really is.
 * Not HLS: a playlist would make the demuxer open other paths or URLs that an untrusted file names.
 */
const KNOWN_FORMATS: InputFormat[] = [MP4, QTFF, MATROSKA, WEBM, WAVE, OGG, FLAC, MP3, ADTS, MPEG_TS];

const FAMILIES = new Map<InputFormat, Expectation['family']>([[MP4, 'isobmff'], [WEBM, 'webm'], [MP3, 'mp3'], [OGG, 'ogg']]);

const FORMAT_WORDS = new Map<InputFormat, string>([
  [MP4, 'an MP4'], [QTFF, 'a QuickTime movie (.mov)'], [MATROSKA, 'a Matroska file (.mkv)'], [WEBM, 'a WebM'],
  [WAVE, 'a WAVE file (.wav)'], [OGG, 'an Ogg file'], [FLAC, 'a FLAC file'], [MP3, 'an MP3'],
  [ADTS, 'raw AAC audio (.aac)'], [MPEG_TS, 'an MPEG transport stream (.ts)'],
]);

const RENAME: Record<Expectation['family'], string> = {
  isobmff: 'name it .mp4 (.m4a if it is audio only)',
  webm: 'name it .webm',
  mp3: 'name it .mp3',
  ogg: 'name it .opus',
};

const CODEC_WORDS: Record<string, string> = {
  avc: 'H.264', hevc: 'H.265 (HEVC)', vp9: 'VP9', av1: 'AV1', vp8: 'VP8', prores: 'ProRes', mp4v: 'MPEG-4 Part 2',
  aac: 'AAC', opus: 'Opus', mp3: 'MP3', vorbis: 'Vorbis', flac: 'FLAC', ac3: 'AC-3', eac3: 'E-AC-3', dts: 'DTS',
};

const HOW_TO_FIX = 'Export it again as H.264/AAC in MP4 (or VP9/Opus in WebM for video, MP3, AAC in .m4a or Opus for audio).';

/**
 * Reads `path` (the file as stored) and returns its facts, or throws a MediaRefusal naming `name`
 * (the file as the package names it, whose extension says what it must be).
 */
export async function probeMedia(path: string, name: string): Promise<MediaFacts> {
  const expected = EXPECTED_BY_EXTENSION[extname(name).toLowerCase()];
  if (!expected) {
    throw new MediaRefusal(name, 'name', `is not named as a media file the kiosk plays: expected video named .mp4 or .webm, or audio named .mp3, .m4a, .opus or .ogg.`);
  }
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new MediaRefusal(name, 'not-media', `is empty (0 bytes): expected ${expected.says}.`);
    if (size > MAX_MEDIA_BYTES) {
      throw new MediaRefusal(name, 'size', `is ${(size / 1024 ** 3).toFixed(2)} GiB: the kiosk plays files of at most ${MAX_MEDIA_BYTES / 1024 ** 3} GiB. Export it again at a lower bitrate.`);
    }
    if (!expected.needsVideo && size > MAX_AUDIO_BYTES) {
      throw new MediaRefusal(name, 'size', `is ${Math.round(size / 1e6)} MB: audio of at most ${formatSeconds(MAX_DURATION_SECONDS)} at ${formatBitrate(MAX_AUDIO_BITS_PER_SECOND)} is at most ${Math.round(MAX_AUDIO_BYTES / 1e6)} MB. Export it again at a lower bitrate, or split it.`);
    }
    // A read that fails while none is pending would otherwise become an unhandled rejection,
    // which can end the kiosk's process; the pending read's own error is what is reported.
    const source = new FilePathSource(path, { handleUnhandledError: () => undefined });
    const input = new Input({ formats: KNOWN_FORMATS, source });
    try {
      return await readFacts(input, handle, size, expected, name);
    } catch (error) {
      if (error instanceof MediaRefusal) throw error;
      const why = error instanceof Error ? error.message : String(error);
      throw new MediaRefusal(name, 'damaged', `cannot be read as ${expected.says} (${why}): the file is damaged or cut short. ${HOW_TO_FIX}`);
    } finally {
      input.dispose();
    }
  } finally {
    await handle.close();
  }
}

async function readFacts(input: Input, handle: FileHandle, size: number, expected: Expectation, name: string): Promise<MediaFacts> {
  const refuse = (reason: RefusalReason, detail: string) => new MediaRefusal(name, reason, detail);
  let format: InputFormat;
  try {
    format = await input.getFormat();
  } catch (error) {
    if (!(error instanceof UnsupportedInputFormatError)) throw error;
    throw refuse('not-media', `is not a media file the kiosk recognises: expected ${expected.says}. ${HOW_TO_FIX}`);
  }
  const family = FAMILIES.get(format);
  if (family !== expected.family) {
    const found = FORMAT_WORDS.get(format) ?? format.name;
    const fix = family ? `${RENAME[family]}, or convert it` : 'convert it';
    throw refuse('container', `is ${found}, whatever its name says: expected ${expected.says}. Either ${fix}.`);
  }
  const { declaredSeconds } = await checkStructure(handle, size, family, name);

  const videoTracks = await input.getVideoTracks();
  const audioTracks = await input.getAudioTracks();
  const [video] = videoTracks;
  const [audio] = audioTracks;
  if (videoTracks.length > 1 || audioTracks.length > 1) {
    throw refuse('tracks', `has ${videoTracks.length} video and ${audioTracks.length} audio tracks: the kiosk plays one of each at most. Export it again with one.`);
  }
  if (expected.needsVideo && !video) {
    throw refuse('tracks', `has no video track${audio ? ' (audio only)' : ''}: expected ${expected.says}.${audio ? ' Name an audio file .m4a, .mp3 or .opus.' : ''}`);
  }
  if (!expected.needsVideo && video) {
    throw refuse('tracks', `has a video track (${await codecWords(video)}): expected ${expected.says}. Name a video .mp4 or .webm.`);
  }
  if (!video && !audio) throw refuse('tracks', `has neither a video nor an audio track: expected ${expected.says}.`);

  const videoCodec = video ? await playableCodec(video, expected.video) : null;
  const audioCodec = audio ? await playableCodec(audio, expected.audio) : null;
  if (video && !videoCodec) throw refuse('codec', `has ${await codecWords(video)} video, which the kiosk cannot play: expected ${expected.says}. ${HOW_TO_FIX}`);
  if (audio && !audioCodec) throw refuse('codec', `has ${await codecWords(audio)} audio, which the kiosk cannot play: expected ${expected.says}. ${HOW_TO_FIX}`);

  const durationSeconds = await checkDuration(input, declaredSeconds, refuse);
  for (const track of [video, audio]) if (track) await checkLastPacket(track, refuse);

  let width: number | null = null;
  let height: number | null = null;
  if (video) {
    width = await video.getDisplayWidth();
    height = await video.getDisplayHeight();
    const long = Math.max(width, height);
    const short = Math.min(width, height);
    if (!(Number.isInteger(width) && Number.isInteger(height) && short > 0)) throw refuse('dimensions', `has a video of impossible size ${width} x ${height}: the file is damaged. ${HOW_TO_FIX}`);
    if (long > MAX_VIDEO_LONG_SIDE || short > MAX_VIDEO_SHORT_SIDE) {
      throw refuse('dimensions', `is ${width} x ${height} pixels: the kiosk plays video up to ${MAX_VIDEO_LONG_SIDE} x ${MAX_VIDEO_SHORT_SIDE} (either way round). Scale it down.`);
    }
  }

  const bitsPerSecond = Math.round((size * 8) / durationSeconds);
  const maxBits = video ? MAX_VIDEO_BITS_PER_SECOND : MAX_AUDIO_BITS_PER_SECOND;
  if (bitsPerSecond > maxBits) {
    throw refuse('bitrate', `averages ${formatBitrate(bitsPerSecond)} (${size} bytes over ${formatSeconds(durationSeconds)}): the kiosk plays ${video ? 'video' : 'audio'} of at most ${formatBitrate(maxBits)}. Export it again at a lower bitrate.`);
  }
  return { kind: video ? 'video' : 'audio', container: expected.container, videoCodec, audioCodec, durationSeconds, width, height, bitsPerSecond, bytes: size };
}

/** The track's codec if it is one of `allowed`, else null. */
async function playableCodec<C extends PlayableVideoCodec | PlayableAudioCodec>(track: InputTrack, allowed: readonly C[]): Promise<C | null> {
  const codec = await track.getCodec();
  return allowed.find((c) => c === codec) ?? null;
}

/** "H.265 (HEVC)", or the container's own name for a codec the demuxer does not know ("mp4v"). */
async function codecWords(track: InputTrack): Promise<string> {
  const codec = await track.getCodec();
  if (codec) return CODEC_WORDS[codec] ?? codec;
  const id = await track.getInternalCodecId();
  const label = typeof id === 'string' ? id : id === null ? 'unknown' : String(id);
  return CODEC_WORDS[label] ? `${CODEC_WORDS[label]} ("${label}")` : `an unknown codec ("${label}")`;
}

/**
 * The length from the packets, checked against what the headers claim. A claim over the limit
 * is refused as such (a player shows the claim); a claim longer than the packets means a cut
 * file (the demuxer stops silently where the data stops); a claim shorter is a wrong header.
 */
async function checkDuration(input: Input, declaredSeconds: number | null, refuse: (reason: RefusalReason, detail: string) => MediaRefusal): Promise<number> {
  const seconds = await input.computeDuration();
  const fromMetadata = await input.getDurationFromMetadata();
  if (!Number.isFinite(seconds) || seconds <= 0) throw refuse('duration', `has no playable length (its packets give ${seconds} s). ${HOW_TO_FIX}`);
  const limit = formatSeconds(MAX_DURATION_SECONDS);
  for (const claim of [seconds, declaredSeconds, fromMetadata]) {
    if (claim !== null && !(claim <= MAX_DURATION_SECONDS + DURATION_GRACE_SECONDS)) {
      const whose = claim === seconds ? 'runs' : 'says in its header that it runs';
      throw refuse('duration', `${whose} ${formatSeconds(claim)}: the kiosk plays at most ${limit}. Split it, or fix its header by exporting it again.`);
    }
  }
  const tolerance = Math.max(1, seconds * 0.02);
  if (fromMetadata !== null && fromMetadata > seconds + tolerance) {
    throw refuse('truncated', `says in its header that it runs ${formatSeconds(fromMetadata)}, but its media stops at ${formatSeconds(seconds)}: the file is cut short (an interrupted copy?). Copy it again from the original.`);
  }
  for (const claim of [fromMetadata, declaredSeconds]) {
    if (claim !== null && Math.abs(claim - seconds) > tolerance) {
      throw refuse('duration', `says in its header that it runs ${formatSeconds(claim)}, but its media runs ${formatSeconds(seconds)}: the header is wrong. Export it again.`);
    }
  }
  return seconds;
}

/**
 * The track's last packet can be read: its sample table may point past the end of the file
 * (a cut copy, or a lie), in which case mediabunny returns no packet instead of failing.
 */
async function checkLastPacket(track: InputTrack, refuse: (reason: RefusalReason, detail: string) => MediaRefusal): Promise<void> {
  const sink = new EncodedPacketSink(track);
  const listed = await sink.getPacket(Infinity, { metadataOnly: true });
  if (!listed) throw refuse('truncated', `has a ${track.type} track without any packets: the file is damaged or cut short. ${HOW_TO_FIX}`);
  const read = await sink.getPacket(Infinity);
  if (!read || read.byteLength !== listed.byteLength) {
    throw refuse('truncated', `lists ${track.type} up to ${formatSeconds(listed.timestamp)}, but that data lies beyond the end of the file: it is cut short (an interrupted copy?). Copy it again from the original.`);
  }
}
