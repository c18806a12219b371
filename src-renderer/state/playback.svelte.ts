/**
 * One recording's playback as logic (issue 20), so the player's components only show it: play and
 * pause, ±10 s and the scrubber clamped to the recording, the captions in the visitor's language
 * (falling back as the exhibit's texts do) and the cue on show, and the two companions played in
 * step with the recording: a muted sign-language video, and an audio description that stands in
 * for the recording's own sound (the recording is muted while it plays).
 *
 * Sound starts only from a visitor's tap: nothing here plays by itself, and a companion plays
 * only while the recording does, so the idle clock (state/idle.svelte.ts, which counts every
 * playing media element) runs again once the recording stops. Media elements come in through
 * `connect` and `companion` (attachments in RecordingPlayer.svelte); a test passes fakes.
 */
import type { RecordingView } from '@contract/types';
import { clampTime, companionStep, cueText, type CompanionRole, type MediaLike, type TrackLike } from './playback-rules';

const quietly = (promise: Promise<void> | undefined) => void promise?.catch(() => undefined);

export interface PlaybackOptions {
  /** The loudest the recording may play, 0 to 1 (staff's volume ceiling); read at each use. */
  volumeCeiling?: () => number;
}

/** One recording's player state: what the controls show, and what they do. */
export class Playback {
  /** Where the recording is, in seconds (follows the element's timeupdate). */
  time = $state(0);
  /** Its length: the package's figure until the element knows better. */
  duration = $state(0);
  playing = $state(false);
  /** Captions are on from the start (a museum norm); the visitor may turn them off. */
  captionsOn = $state(true);
  signLanguageOn = $state(false);
  audioDescriptionOn = $state(false);
  /** The words of the cues on show, in the captions' language ('' between cues). */
  cue = $state('');
  /** While a finger holds the scrubber: the time under it. */
  held = $state<number | null>(null);

  readonly hasCaptions: boolean;
  readonly hasSignLanguage: boolean;
  readonly hasAudioDescription: boolean;

  #main: MediaLike | null = null;
  // Plain: nothing renders from it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see the line above
  readonly #companions = new Map<CompanionRole, MediaLike>();
  readonly #ceiling: () => number;

  constructor(recording: Pick<RecordingView, 'durationSeconds' | 'captions' | 'signLanguage' | 'audioDescription'>, options: PlaybackOptions = {}) {
    this.duration = recording.durationSeconds;
    this.hasCaptions = recording.captions.length > 0;
    this.hasSignLanguage = recording.signLanguage !== null;
    this.hasAudioDescription = recording.audioDescription !== null;
    this.#ceiling = options.volumeCeiling ?? (() => 1);
  }

  /** Where the scrubber and the clock stand: under the finger while it holds the scrubber. */
  get position(): number {
    return this.held ?? this.time;
  }

  /** True at the recording's start: "back 10 s" would do nothing. */
  get atStart(): boolean {
    return this.position <= 0.05;
  }

  /** True at its end: "forward 10 s" would do nothing. */
  get atEnd(): boolean {
    return this.position >= this.duration - 0.05;
  }

  /** Follows the recording's element; returns the end of that, which stops everything. */
  connect(main: MediaLike): () => void {
    this.#main = main;
    this.#applySound();
    const onTime = () => {
      this.time = main.currentTime;
      this.#sync();
    };
    const onPlay = () => {
      this.playing = true;
      this.#sync();
    };
    const onStop = () => {
      this.playing = false;
      this.time = main.currentTime;
      this.#sync();
    };
    const onDuration = () => {
      if (Number.isFinite(main.duration) && main.duration > 0) this.duration = main.duration;
    };
    const listen: [string, () => void][] = [
      ['timeupdate', onTime],
      ['seeked', onTime],
      ['seeking', onTime],
      ['play', onPlay],
      ['pause', onStop],
      ['ended', onStop],
      ['durationchange', onDuration],
      ['loadedmetadata', onDuration],
    ];
    for (const [type, handler] of listen) main.addEventListener(type, handler);
    onDuration();
    return () => {
      for (const [type, handler] of listen) main.removeEventListener(type, handler);
      this.stop();
      this.#main = null;
    };
  }

  /**
   * A companion element came (mounted when the visitor turned it on): it follows the recording
   * from where it is. Returns its end (turned off, or the screen left), which stops it.
   */
  companion(role: CompanionRole, media: MediaLike): () => void {
    this.#companions.set(role, media);
    if (role === 'signLanguage') media.muted = true;
    this.#applySound();
    const follow = () => this.#follow(media);
    // A companion never plays on its own: should it start while the recording stands, it stops.
    const onPlay = () => {
      if (!this.#main || this.#main.paused) media.pause();
    };
    // A description that cannot play gives the visitor the recording's own sound back.
    const onError = () => {
      if (role === 'audioDescription') this.audioDescriptionOn = false;
      this.#companions.delete(role);
      this.#applySound();
    };
    media.addEventListener('loadedmetadata', follow);
    media.addEventListener('play', onPlay);
    media.addEventListener('error', onError);
    follow();
    return () => {
      media.removeEventListener('loadedmetadata', follow);
      media.removeEventListener('play', onPlay);
      media.removeEventListener('error', onError);
      media.pause();
      if (this.#companions.get(role) === media) this.#companions.delete(role);
      this.#applySound();
    };
  }

  /** Play, or pause; at the end, play from the start again. */
  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  play(): void {
    const main = this.#main;
    if (!main) return;
    if (main.ended || main.currentTime >= this.duration - 0.05) this.seek(0);
    this.#applySound();
    quietly(main.play());
  }

  pause(): void {
    this.#main?.pause();
  }

  /** Forward (positive) or back by `seconds`, never past either end. */
  skip(seconds: number): void {
    this.seek(this.position + seconds);
  }

  /** To `seconds` into the recording, clamped to it. */
  seek(seconds: number): void {
    const to = clampTime(seconds, this.duration);
    this.time = to;
    if (this.#main) this.#main.currentTime = to;
    this.#sync();
  }

  /** A finger on the scrubber at `seconds`: the picture follows it. */
  hold(seconds: number): void {
    this.held = clampTime(seconds, this.duration);
    this.seek(this.held);
  }

  /** The finger lifted (or was taken away): the recording stays where it was left. */
  release(): void {
    this.held = null;
  }

  toggleCaptions(): void {
    this.captionsOn = !this.captionsOn;
  }

  toggleSignLanguage(): void {
    this.signLanguageOn = this.hasSignLanguage && !this.signLanguageOn;
  }

  toggleAudioDescription(): void {
    this.audioDescriptionOn = this.hasAudioDescription && !this.audioDescriptionOn;
    this.#applySound();
  }

  /**
   * Shows the cues of `tracks`' track in `language` (set to 'hidden': its cues are loaded and
   * followed, never drawn by Chromium). Every track is 'hidden', so a language switch finds the
   * other's cues loaded. Returns the end of following it.
   */
  followCaptions(tracks: ArrayLike<TrackLike>, language: string): () => void {
    const all = Array.from(tracks);
    for (const track of all) if (track.mode !== 'hidden') track.mode = 'hidden';
    const track = all.find((t) => t.language === language);
    if (!track) {
      this.cue = '';
      return () => {};
    }
    const show = () => this.showCues(track.activeCues);
    track.addEventListener('cuechange', show);
    show();
    return () => track.removeEventListener('cuechange', show);
  }

  /** The cues on show now (each cue a line). */
  showCues(cues: ArrayLike<object> | null): void {
    this.cue = cues ? Array.from(cues, cueText).filter((text) => text.trim() !== '').join('\n') : '';
  }

  /** Applies staff's ceiling again (it changed). */
  refreshSound(): void {
    this.#applySound();
  }

  /** Stops the recording and its companions (the visitor left, or the next one came). */
  stop(): void {
    this.#main?.pause();
    for (const media of this.#companions.values()) media.pause();
    this.playing = false;
  }

  /** Puts every companion in step with the recording. */
  #sync(): void {
    for (const media of this.#companions.values()) this.#follow(media);
  }

  #follow(media: MediaLike): void {
    const main = this.#main;
    if (!main) return;
    const step = companionStep(main, media);
    if (step.seekTo !== null) media.currentTime = step.seekTo;
    if (step.run === 'play') quietly(media.play());
    else if (step.run === 'pause') media.pause();
  }

  /** The recording's sound, or its description's in its place; never above staff's ceiling. */
  #applySound(): void {
    const ceiling = Math.min(1, Math.max(0, this.#ceiling()));
    const described = this.#companions.get('audioDescription');
    if (this.#main) {
      this.#main.volume = ceiling;
      this.#main.muted = this.audioDescriptionOn && described !== undefined;
    }
    if (described) described.volume = ceiling;
  }
}
