/**
 * The player's logic (issue 20, state/playback.svelte.ts and playback-rules.ts) on fake media elements: which captions
 * a visitor gets (their language, else the exhibit's, as texts fall back), ±10 s and the
 * scrubber clamped to the recording, a cue's words without its markup, and the companions (sign
 * language, audio description) kept in step: playing only while the recording plays, put back
 * when they drift more than 0.3 s, stopped with it. Nothing plays until asked.
 */
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { CaptionsView } from '../../src-main/contract/types';
import { clampTime, clockTime, companionStep, cueText, DRIFT_SECONDS, pickCaptions, type MediaLike, type TrackLike } from '../../src-renderer/state/playback-rules';
import { Playback } from '../../src-renderer/state/playback.svelte';

/** A media element's clock and events, moved by the test. */
class FakeMedia extends EventTarget implements MediaLike {
  paused = true;
  ended = false;
  muted = false;
  volume = 1;
  plays = 0;
  #time = 0;

  constructor(readonly duration = Number.NaN) {
    super();
  }

  get currentTime(): number {
    return this.#time;
  }

  /** A seek, as an element reports one. */
  set currentTime(seconds: number) {
    this.#time = seconds;
    this.ended = false;
    for (const type of ['seeking', 'timeupdate', 'seeked']) this.emit(type);
  }

  play(): Promise<void> {
    this.plays++;
    if (this.paused) {
      this.paused = false;
      this.ended = false;
      this.emit('play');
    }
    return Promise.resolve();
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.emit('pause');
  }

  /** Time passes while it plays. */
  runTo(seconds: number): void {
    this.#time = seconds;
    this.emit('timeupdate');
  }

  /** It reaches its end by itself. */
  end(): void {
    this.#time = this.duration;
    this.paused = true;
    this.ended = true;
    this.emit('pause');
    this.emit('ended');
  }

  emit(type: string): void {
    this.dispatchEvent(new Event(type));
  }
}

/** A text track whose active cues the test sets. */
class FakeTrack extends EventTarget implements TrackLike {
  mode = 'disabled';
  activeCues: { text: string }[] | null = null;

  constructor(readonly language: string) {
    super();
  }

  show(...texts: string[]): void {
    this.activeCues = texts.map((text) => ({ text }));
    this.dispatchEvent(new Event('cuechange'));
  }
}

const captions = (...languages: string[]): CaptionsView[] => languages.map((language) => ({ language, src: `/media/${language}.vtt` }));

/** A 4-second film with every aid, as the test media have it. */
const film = { durationSeconds: 4, captions: captions('en', 'ru'), signLanguage: '/media/sign.mp4', audioDescription: '/media/described.m4a' };

function player(ceiling = 1) {
  const playback = new Playback(film, { volumeCeiling: () => ceiling });
  const main = new FakeMedia(4);
  const disconnect = playback.connect(main);
  return { playback, main, disconnect };
}

describe('captions: the visitor’s language, falling back as texts do', () => {
  it('picks the visitor’s language, exactly or a regional variant of it', () => {
    expect(pickCaptions(captions('en', 'ru'), 'ru', 'en')?.language).toBe('ru');
    expect(pickCaptions(captions('en', 'ru-RU'), 'ru', 'en')?.language).toBe('ru-RU');
    expect(pickCaptions(captions('en-GB', 'ru'), 'en', 'ru')?.language).toBe('en-GB');
  });

  it('falls back to the exhibit’s language, then to the first the package gives', () => {
    expect(pickCaptions(captions('fr', 'en'), 'ru', 'en')?.language).toBe('en');
    expect(pickCaptions(captions('fr', 'en-US'), 'ru', 'en')?.language).toBe('en-US');
    expect(pickCaptions(captions('fr', 'de'), 'ru', 'en')?.language).toBe('fr');
    expect(pickCaptions(captions('de'), 'ru', undefined)?.language).toBe('de');
    expect(pickCaptions([], 'ru', 'en')).toBeNull();
  });

  it('follows the chosen track’s cues, hides every track from Chromium’s own drawing, and switches language mid-play', () => {
    const { playback } = player();
    const [en, ru] = [new FakeTrack('en'), new FakeTrack('ru')];
    en.activeCues = [{ text: 'The delegates arrive at <i>Potsdam</i>.' }];
    ru.activeCues = [{ text: 'Делегаты прибывают в <i>Потсдам</i>.' }];
    let stop = playback.followCaptions([en, ru], 'en');
    expect([en.mode, ru.mode]).toEqual(['hidden', 'hidden']);
    expect(playback.cue).toBe('The delegates arrive at Potsdam.');
    en.show('<v Narrator>The conference opens.</v>');
    expect(playback.cue).toBe('The conference opens.');
    en.show();
    expect(playback.cue).toBe('');

    // The visitor turns to Russian: the Russian cue at once, and English cues no longer count.
    stop();
    stop = playback.followCaptions([en, ru], 'ru');
    expect(playback.cue).toBe('Делегаты прибывают в Потсдам.');
    en.show('The conference opens.');
    expect(playback.cue).toBe('Делегаты прибывают в Потсдам.');
    ru.show('Конференция открывается.', 'Второй голос.');
    expect(playback.cue).toBe('Конференция открывается.\nВторой голос.');
    stop();
  });

  it('shows a cue’s words, never its markup: tags dropped, entities read as text', () => {
    expect(cueText({ text: '<v Narrator>The conference <b>opens</b>.</v>' })).toBe('The conference opens.');
    expect(cueText({ text: 'Tom &amp; Jerry &lt;script&gt;' })).toBe('Tom & Jerry <script>');
    expect(cueText({})).toBe('');
  });

  it('has captions on from the start; the visitor may turn them off', () => {
    const { playback } = player();
    expect(playback.captionsOn).toBe(true);
    playback.toggleCaptions();
    expect(playback.captionsOn).toBe(false);
  });
});

describe('moving through the recording', () => {
  it('clamps any time to the recording', () => {
    expect([clampTime(-3, 4), clampTime(2.5, 4), clampTime(14, 4), clampTime(Number.NaN, 4), clampTime(7, Number.NaN)]).toEqual([0, 2.5, 4, 0, 7]);
  });

  it('moves back and forward 10 s, never past either end', () => {
    const { playback, main } = player();
    expect(playback.atStart).toBe(true);
    playback.seek(1);
    playback.skip(10);
    expect([main.currentTime, playback.time, playback.atEnd]).toEqual([4, 4, true]);
    playback.skip(-10);
    expect([main.currentTime, playback.time, playback.atStart]).toEqual([0, 0, true]);
    const long = new Playback({ ...film, durationSeconds: 95 });
    const element = new FakeMedia(95);
    long.connect(element);
    long.seek(42);
    long.skip(10);
    expect(element.currentTime).toBe(52);
    long.skip(-10);
    long.skip(-10);
    expect(element.currentTime).toBe(32);
  });

  it('follows a finger on the scrubber: the picture moves with it, and stays where it lifts', () => {
    const { playback, main } = player();
    playback.hold(1.2);
    expect([playback.held, playback.position, main.currentTime]).toEqual([1.2, 1.2, 1.2]);
    main.runTo(1.25); // the element's own clock does not pull the knob from under the finger
    expect(playback.position).toBe(1.2);
    playback.hold(9);
    expect(playback.position).toBe(4);
    playback.release();
    expect([playback.held, main.currentTime]).toEqual([null, 4]);
  });

  it('plays only when asked, at staff’s ceiling; at the end, Play starts again from the beginning', async () => {
    const { playback, main } = player(0.6);
    expect([main.plays, main.paused, playback.playing]).toEqual([0, true, false]);
    playback.toggle();
    await Promise.resolve();
    expect([main.plays, playback.playing, main.volume, main.muted]).toEqual([1, true, 0.6, false]);
    main.end();
    expect(playback.playing).toBe(false);
    playback.toggle();
    expect([main.currentTime, main.paused]).toEqual([0, false]);
  });

  it('takes the element’s own length once it knows it', () => {
    const playback = new Playback(film);
    const main = new FakeMedia(4.04);
    playback.connect(main);
    expect(playback.duration).toBe(4.04);
  });

  it('writes the clock as minutes and seconds, and hours when there are some', () => {
    expect([clockTime(0), clockTime(4.9), clockTime(65), clockTime(3725), clockTime(Number.NaN)]).toEqual(['0:00', '0:04', '1:05', '1:02:05', '0:00']);
  });
});

describe('companions in step', () => {
  const at = (currentTime: number, paused: boolean, extra: Partial<MediaLike> = {}) => ({ currentTime, paused, ended: false, duration: 4, ...extra });

  it('decides what a companion must do: follow play and pause, and jump when more than 0.3 s apart', () => {
    expect(companionStep(at(2, false), at(2, true))).toEqual({ seekTo: null, run: 'play' });
    expect(companionStep(at(2, true), at(2, false))).toEqual({ seekTo: null, run: 'pause' });
    expect(companionStep(at(2, false), at(2 - DRIFT_SECONDS + 0.05, false))).toEqual({ seekTo: null, run: null });
    expect(companionStep(at(2, false), at(1.6, false))).toEqual({ seekTo: 2, run: null });
    expect(companionStep(at(1, true), at(3, true))).toEqual({ seekTo: 1, run: null });
    // The recording ended, or it runs past a shorter companion's end: the companion stands.
    expect(companionStep(at(4, true, { ended: true }), at(4, false))).toEqual({ seekTo: null, run: 'pause' });
    expect(companionStep(at(5, false, { duration: 6 }), at(3.9, false))).toEqual({ seekTo: null, run: 'pause' });
  });

  it('plays the sign-language video muted, in step, and stops it with the recording', () => {
    const { playback, main } = player();
    playback.toggleSignLanguage();
    expect(playback.signLanguageOn).toBe(true);
    const sign = new FakeMedia(4);
    const off = playback.companion('signLanguage', sign);
    expect([sign.muted, sign.paused]).toEqual([true, true]);

    playback.play();
    expect([main.paused, sign.paused]).toEqual([false, false]);
    main.runTo(2);
    expect(sign.currentTime).toBe(2);
    sign.runTo(1.9);
    main.runTo(2.1);
    expect(sign.currentTime).toBe(1.9); // 0.2 s: in step
    playback.seek(0.5);
    expect(sign.currentTime).toBe(0.5);

    main.pause();
    expect(sign.paused).toBe(true);
    // Started by anything else while the recording stands: it stops again.
    void sign.play();
    expect(sign.paused).toBe(true);

    playback.play();
    main.end();
    expect(sign.paused).toBe(true);

    playback.play();
    off();
    expect(sign.paused).toBe(true);
  });

  it('joins a recording already playing where it is', () => {
    const { playback, main } = player();
    playback.play();
    main.runTo(2.5);
    const sign = new FakeMedia(4);
    playback.companion('signLanguage', sign);
    expect([sign.currentTime, sign.paused]).toEqual([2.5, false]);
  });

  it('with audio description on, mutes the recording and plays the description in its place, at the ceiling', () => {
    const { playback, main } = player(0.5);
    playback.toggleAudioDescription();
    const described = new FakeMedia(4);
    const off = playback.companion('audioDescription', described);
    expect([main.muted, described.volume, described.muted]).toEqual([true, 0.5, false]);
    playback.play();
    main.runTo(1);
    expect([described.paused, described.currentTime]).toEqual([false, 1]);

    playback.toggleAudioDescription();
    off(); // the component removes the element
    expect([main.muted, described.paused, main.paused]).toEqual([false, true, false]);
  });

  it('gives the recording its sound back when the description cannot play', () => {
    const { playback, main } = player();
    playback.toggleAudioDescription();
    const described = new FakeMedia(4);
    playback.companion('audioDescription', described);
    described.emit('error');
    expect([playback.audioDescriptionOn, main.muted]).toEqual([false, false]);
  });

  it('offers only the aids the recording has', () => {
    const plain = new Playback({ durationSeconds: 4, captions: [], signLanguage: null, audioDescription: null });
    expect([plain.hasCaptions, plain.hasSignLanguage, plain.hasAudioDescription]).toEqual([false, false, false]);
    plain.toggleSignLanguage();
    plain.toggleAudioDescription();
    expect([plain.signLanguageOn, plain.audioDescriptionOn]).toEqual([false, false]);
  });

  it('stops everything when the screen goes (leaving it, or the idle reset)', () => {
    const { playback, main, disconnect } = player();
    playback.toggleSignLanguage();
    playback.toggleAudioDescription();
    const [sign, described] = [new FakeMedia(4), new FakeMedia(4)];
    playback.companion('signLanguage', sign);
    playback.companion('audioDescription', described);
    playback.play();
    flushSync();
    expect([main.paused, sign.paused, described.paused]).toEqual([false, false, false]);
    disconnect();
    expect([main.paused, sign.paused, described.paused, playback.playing]).toEqual([true, true, true, false]);
  });
});
