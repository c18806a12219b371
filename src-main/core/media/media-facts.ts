/**
 * What the kiosk knows about a video or audio artifact (issue 20), the limits it holds every file
 * to, and the refusal it throws. A package is untrusted input: a file is played only if its name,
 * its container and its codecs agree, and its header tells the truth about its length.
 */

export type MediaContainer = 'mp4' | 'webm' | 'mp3' | 'm4a' | 'ogg';
export type PlayableVideoCodec = 'avc' | 'vp9' | 'av1';
export type PlayableAudioCodec = 'aac' | 'opus' | 'mp3';

/** A media file the kiosk can play, as read from its container (not from its name). */
export interface MediaFacts {
  /** 'audio' means the file has no video track. */
  kind: 'video' | 'audio';
  container: MediaContainer;
  videoCodec: PlayableVideoCodec | null;
  audioCodec: PlayableAudioCodec | null;
  /** The end of the last packet of any track, from the packets themselves, not the header. */
  durationSeconds: number;
  /** Size as shown (pixel aspect ratio and rotation applied); null for audio. */
  width: number | null;
  height: number | null;
  /** Average over the whole file: its size in bits over its duration. */
  bitsPerSecond: number;
  bytes: number;
}

/** Three hours: longer than any gallery film, short enough that a lying header stands out. */
export const MAX_DURATION_SECONDS = 3 * 60 * 60;
/**
 * How far past the limit a file may run: a film cut to exactly 3:00:00 gains some milliseconds of
 * encoder padding (an MP3 of 3 hours measured 3:00:00.04).
 */
export const DURATION_GRACE_SECONDS = 1;
/**
 * 4K UHD. A kiosk screen may stand in portrait, so the longer side may be 3840 and the shorter
 * 2160 either way round.
 */
export const MAX_VIDEO_LONG_SIDE = 3840;
export const MAX_VIDEO_SHORT_SIDE = 2160;
/** Average bitrates: above these a kiosk's disk and decoder are asked for more than a visitor sees. */
export const MAX_VIDEO_BITS_PER_SECOND = 20_000_000;
export const MAX_AUDIO_BITS_PER_SECOND = 512_000;
/** 2 GiB: three hours at a sensible bitrate fit; a bigger file is a mistake or an attack. */
export const MAX_MEDIA_BYTES = 2 * 1024 ** 3;
/**
 * The most an audio file within the limits can weigh (3 hours at 512 kbit/s, about 691 MB). A
 * heavier one is refused before it is read: an MP3 has no index, and finding its length means
 * scanning every frame (a 3-hour MP3 takes seconds).
 */
export const MAX_AUDIO_BYTES = ((MAX_DURATION_SECONDS + DURATION_GRACE_SECONDS) * MAX_AUDIO_BITS_PER_SECOND) / 8;

/** Why a file was refused, for code that handles refusals (the message says it in words). */
export type RefusalReason =
  | 'name' // the file name's extension is not one the kiosk plays
  | 'not-media' // empty, or no container the kiosk recognises
  | 'container' // a real media container, but not the one the name says
  | 'tracks' // video where audio was expected, no video in a video file, several tracks
  | 'codec' // a codec the kiosk cannot play
  | 'truncated' // the header promises more than the file holds
  | 'damaged' // the container cannot be read
  | 'duration' // missing, zero, or over the limit (including a header that claims so)
  | 'dimensions'
  | 'bitrate'
  | 'size';

/** A media file the kiosk will not play: `message` names the file, what was found and what is expected. */
export class MediaRefusal extends Error {
  override readonly name = 'MediaRefusal';

  constructor(
    /** The file as the package names it. */
    readonly file: string,
    readonly reason: RefusalReason,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** What a file name's extension promises. */
export interface Expectation {
  container: MediaContainer;
  /** The container family as the demuxer reports it. */
  family: 'isobmff' | 'webm' | 'mp3' | 'ogg';
  video: readonly PlayableVideoCodec[];
  audio: readonly PlayableAudioCodec[];
  needsVideo: boolean;
  /** In words, for messages. */
  says: string;
}

const MP4: Expectation = { container: 'mp4', family: 'isobmff', video: ['avc'], audio: ['aac'], needsVideo: true, says: 'an MP4 with H.264 video (and AAC audio, if any)' };
const WEBM: Expectation = { container: 'webm', family: 'webm', video: ['vp9', 'av1'], audio: ['opus'], needsVideo: true, says: 'a WebM with VP9 or AV1 video (and Opus audio, if any)' };
const MP3: Expectation = { container: 'mp3', family: 'mp3', video: [], audio: ['mp3'], needsVideo: false, says: 'MP3 audio' };
const M4A: Expectation = { container: 'm4a', family: 'isobmff', video: [], audio: ['aac'], needsVideo: false, says: 'an MP4 audio file with AAC and no video' };
const OGG: Expectation = { container: 'ogg', family: 'ogg', video: [], audio: ['opus'], needsVideo: false, says: 'an Ogg file with Opus audio' };

/** Every extension the kiosk plays, and what a file so named must be. */
export const EXPECTED_BY_EXTENSION: Readonly<Record<string, Expectation>> = {
  '.mp4': MP4,
  '.webm': WEBM,
  '.mp3': MP3,
  '.m4a': M4A,
  '.opus': OGG,
  '.ogg': OGG,
};

/** 5400 s as "1:30:00", 4.2 s as "4.2 s": how a person reads a length. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds < 60) return `${Math.round(seconds * 10) / 10} s`;
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${m}:${ss}`;
}

/** 20000000 as "20 Mbit/s", 512000 as "512 kbit/s". */
export function formatBitrate(bitsPerSecond: number): string {
  return bitsPerSecond >= 1_000_000 ? `${Math.round(bitsPerSecond / 100_000) / 10} Mbit/s` : `${Math.round(bitsPerSecond / 1000)} kbit/s`;
}
