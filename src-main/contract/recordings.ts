/**
 * What the artifact screen gets of a film or sound recording (issue 20): part of the API
 * contract, split from types.ts only to keep that file readable; types.ts re-exports it.
 */
import type { LocalText, MediaUrl } from './types';

/** A film or sound recording of an artifact (issue 20), with what makes it accessible. */
export interface RecordingView {
  /** 1-based, in the order the package gives: which recording of its artifact this is. */
  position: number;
  /** 'audio' for sound only (no picture). */
  kind: 'video' | 'audio';
  title: LocalText | null;
  src: MediaUrl;
  /** The file's media type, for a <source type>: video/mp4, video/webm, audio/mpeg, audio/mp4 or audio/ogg; codecs=opus. */
  mimeType: string;
  /** Its length as its packets give it (not its header), in seconds. */
  durationSeconds: number;
  /** Size as shown, in pixels; null for sound. */
  width: number | null;
  height: number | null;
  /** The still shown before it plays (else a video's first frame), or null. */
  poster: PosterView | null;
  /** WebVTT captions, one file per language, in the package's order (the visitor's language falls back as text does). */
  captions: CaptionsView[];
  /** Transcript paragraphs, or null when the package has none. */
  transcript: LocalText[] | null;
  /** A sign-language video to play in step with it, or null. */
  signLanguage: MediaUrl | null;
  /** The same recording with an audio description of what is seen (sound, played in step), or null. */
  audioDescription: MediaUrl | null;
}

/** A recording's poster: an image with its renditions, as ImageView has them, but no tiles (never zoomed). */
export interface PosterView {
  src: MediaUrl;
  /** Screen-sized rendition (longest side at most 2048 px). */
  display: MediaUrl;
  /** Small rendition (longest side at most 480 px). */
  thumb: MediaUrl;
  /** Size in pixels as shown. */
  width: number;
  height: number;
}

export interface CaptionsView {
  /** BCP 47 language tag, e.g. "en". */
  language: string;
  /** The WebVTT file (text/vtt). */
  src: MediaUrl;
}

/**
 * What a card shows of an artifact's recordings: the first one's kind, so the card can say "film"
 * or "sound", and its poster, the card's picture when the artifact has no image.
 */
export interface RecordingMark {
  kind: 'video' | 'audio';
  poster: PosterView | null;
  /** The first recording's file when it is a film: the attract loop plays it, muted, for an object that is a film alone. */
  film: { src: MediaUrl; mimeType: string } | null;
}
