/**
 * What a card, a list row or an attract slide shows of an object (issue 20): its first image,
 * else its first recording's poster, else no picture but the recording's kind. An object may be
 * a film or a sound recording alone, so "the object's image" is not always there to show.
 */
import type { ImageView, LocalText, MediaUrl, RecordingMark, RecordingView } from '@contract/types';

export interface CardPicture {
  /** Small rendition (cards, lists) and screen-sized rendition (attract, first frame ahead). */
  thumb: MediaUrl;
  display: MediaUrl;
  width: number;
  height: number;
  /** The image's description; null for a poster, which the object's title names well enough. */
  alt: LocalText | null;
  standIn: boolean;
}

/** The picture of an object with first image `image` and first recording `recording`, or null. */
export function cardPicture(image: ImageView | null, recording: RecordingMark | null): CardPicture | null {
  if (image) return { thumb: image.thumb, display: image.display, width: image.width, height: image.height, alt: image.alt, standIn: image.standIn };
  const poster = recording?.poster;
  return poster ? { thumb: poster.thumb, display: poster.display, width: poster.width, height: poster.height, alt: null, standIn: false } : null;
}

/** The card's mark of an object's recordings: the first one's kind and poster, as the API gives a summary's. */
export function recordingMark(recordings: readonly RecordingView[]): RecordingMark | null {
  const first = recordings[0];
  return first ? { kind: first.kind, poster: first.poster, film: first.kind === 'video' ? { src: first.src, mimeType: first.mimeType } : null } : null;
}

/** The icon standing in for a missing picture: a film, a sound wave, or an image. */
export function placeholderIcon(recording: RecordingMark | null): 'image' | 'film' | 'sound' {
  return recording === null ? 'image' : recording.kind === 'video' ? 'film' : 'sound';
}

/** The message key of a recording's kind, for the card's tag and its name. */
export const recordingWord = (recording: RecordingMark): 'player.film' | 'player.sound' => (recording.kind === 'video' ? 'player.film' : 'player.sound');
