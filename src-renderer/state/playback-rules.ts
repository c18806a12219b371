/**
 * The player's rules as plain functions (issue 20), apart from its state (playback.svelte.ts):
 * which captions a visitor gets, a time kept within the recording, what a companion (the
 * sign-language video, the audio description) must do to stay in step, a cue's words without
 * its markup, and the clock's words.
 */
import type { CaptionsView } from '@contract/types';

/** What ±10 s moves. */
export const SKIP_SECONDS = 10;
/** A companion further than this from the recording is put back in step (a sign-language video a third of a second late reads as out of step). */
export const DRIFT_SECONDS = 0.3;

/** What playback needs of a media element (an HTMLMediaElement; tests pass a fake). */
export interface MediaLike extends EventTarget {
  currentTime: number;
  readonly duration: number;
  readonly paused: boolean;
  readonly ended: boolean;
  muted: boolean;
  volume: number;
  play(): Promise<void>;
  pause(): void;
}

/** A text track as the captions need it (a TextTrack). */
export interface TrackLike extends EventTarget {
  readonly language: string;
  mode: string;
  readonly activeCues: ArrayLike<object> | null;
}

/** A cue as cueText reads it: a VTTCue (getCueAsHTML), or anything with its raw text. */
interface CueLike {
  readonly text?: unknown;
  getCueAsHTML?: () => DocumentFragment;
}

/** Which companion: the sign-language video, or the audio description. */
export type CompanionRole = 'signLanguage' | 'audioDescription';

/** What a companion must do to be in step with the recording. */
export interface CompanionStep {
  /** Where to put it, when it has drifted (or null: it is in step). */
  seekTo: number | null;
  run: 'play' | 'pause' | null;
}

/** `seconds` within the recording: 0 to its length (0 when not a number). */
export function clampTime(seconds: number, duration: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) return 0;
  return Number.isFinite(duration) && duration > 0 ? Math.min(seconds, duration) : seconds;
}

const base = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * The captions to show: in the visitor's language (exactly, else a regional variant), else in the
 * exhibit's, else the first the package gives; the same order as pickText for the exhibit's texts.
 */
export function pickCaptions(captions: readonly CaptionsView[], uiLang: string, defaultLang: string | undefined): CaptionsView | null {
  const by = (test: (tag: string) => boolean) => captions.find((c) => test(c.language));
  return (
    by((tag) => tag === uiLang) ??
    by((tag) => base(tag) === base(uiLang)) ??
    (defaultLang === undefined ? undefined : (by((tag) => tag === defaultLang) ?? by((tag) => base(tag) === base(defaultLang)))) ??
    captions[0] ??
    null
  );
}

/**
 * What a companion must do now to follow the recording: play while it plays (up to the
 * companion's own end), pause when it stops, and jump to its time when more than `drift` apart.
 */
export function companionStep(
  main: Pick<MediaLike, 'currentTime' | 'paused' | 'ended'>,
  companion: Pick<MediaLike, 'currentTime' | 'paused' | 'duration'>,
  drift = DRIFT_SECONDS,
): CompanionStep {
  const length = companion.duration;
  const target = clampTime(main.currentTime, length);
  const beyondItsEnd = Number.isFinite(length) && main.currentTime >= length;
  const seekTo = Math.abs(companion.currentTime - target) > drift ? target : null;
  const wanted = !main.paused && !main.ended && !beyondItsEnd;
  const run = wanted && companion.paused ? 'play' : !wanted && !companion.paused ? 'pause' : null;
  return { seekTo, run };
}

/**
 * A cue's words without its WebVTT markup (<i>, <v Narrator>, …), for a text node: never HTML.
 * Chromium parses the cue into inert nodes (getCueAsHTML); elsewhere the tags are dropped.
 */
export function cueText(cue: object): string {
  const { text, getCueAsHTML } = cue as CueLike;
  if (typeof getCueAsHTML === 'function') return getCueAsHTML.call(cue).textContent ?? '';
  return (typeof text === 'string' ? text : '')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/** "1:05", or "1:02:05" from an hour: the clock beside the scrubber. */
export function clockTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
