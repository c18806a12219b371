/**
 * The idle clock as the UI sees it: the pure IdleMachine's state and countdown as runes, fed by
 * document-level input listeners and by whatever media plays. Components only read `state` and
 * `secondsLeft` and call `begin()` / `continueSession()`; nothing here knows about screens.
 */
import type { KioskConfig } from '@contract/types';
import { IdleMachine, type IdleState, type IdleTimers, type PauseReason } from './idle-machine';

/** The real clock. Looked up at each call, so fake timers installed by a test are honoured. */
export const browserTimers: IdleTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

export interface IdleOptions {
  timers?: IdleTimers;
  /** Called once each time the countdown runs out: clear the visitor's session here. */
  onReset?: () => void;
}

// Capture phase and passive: input is seen before any component can stop it, and never delayed.
const INPUT_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;
// Media events do not bubble, but they do pass the document in the capture phase.
const MEDIA_START = ['play', 'playing'] as const;
const MEDIA_STOP = ['pause', 'ended', 'emptied'] as const;
const LISTEN = { capture: true, passive: true } as const;

/** Reactive idle clock for the kiosk UI (one per app). */
export class Idle {
  state = $state<IdleState>('attract');
  secondsLeft = $state(0);
  readonly #machine: IdleMachine;
  // Plain, not SvelteSet: nothing renders from it; it only lists what to pause on a reset.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see the line above
  readonly #playing = new Set<HTMLMediaElement>();
  #observer: MutationObserver | null = null;

  constructor(config: Pick<KioskConfig, 'idleTimeoutSeconds' | 'idleCountdownSeconds'>, options: IdleOptions = {}) {
    this.#machine = new IdleMachine({
      idleTimeoutMs: config.idleTimeoutSeconds * 1000,
      countdownMs: config.idleCountdownSeconds * 1000,
      timers: options.timers ?? browserTimers,
    });
    this.#machine.subscribe((event) => {
      if (event.type === 'state') this.state = event.state;
      else if (event.type === 'countdown') this.secondsLeft = event.secondsLeft;
      else options.onReset?.();
    });
  }

  /** Applies new idle settings (staff changed them); see IdleMachine.setDurations. */
  configure(config: Pick<KioskConfig, 'idleTimeoutSeconds' | 'idleCountdownSeconds'>): void {
    this.#machine.setDurations({ idleTimeoutMs: config.idleTimeoutSeconds * 1000, countdownMs: config.idleCountdownSeconds * 1000 });
  }

  /** A visitor left the attract screen: their session and its clock start now. */
  begin(): void {
    this.#machine.activity();
  }

  /** The visitor answered "Still exploring?". */
  continueSession(): void {
    this.#machine.continueSession();
  }

  /** Holds the clock (staff panel open, media playing). */
  pause(reason: PauseReason): void {
    this.#machine.pause(reason);
  }

  /** Releases a hold taken with pause(). */
  resume(reason: PauseReason): void {
    this.#machine.resume(reason);
  }

  /** Listens for input and media on a document; returns a function that stops listening. */
  connect(doc: Document): () => void {
    const onInput = () => {
      // Only a running session is kept alive by raw input. On attract the Attract screen's own
      // click starts the session (begin()), so a touch that ends nowhere, or the staff corner,
      // cannot start a ghost session. During the warning only an answer counts, and it comes at
      // the end of the gesture (click): a touch meant to keep exploring must not pull the overlay
      // away at touchstart and let the lift press whatever lies beneath.
      if (this.#machine.state === 'active') this.#machine.activity();
    };
    const onMediaStart = (event: Event) => {
      if (!isMedia(event.target)) return;
      this.#playing.add(event.target);
      this.#syncMedia(doc);
    };
    const onMediaStop = (event: Event) => {
      if (!isMedia(event.target)) return;
      this.#playing.delete(event.target);
      this.#syncMedia(doc);
    };
    for (const type of INPUT_EVENTS) doc.addEventListener(type, onInput, LISTEN);
    for (const type of MEDIA_START) doc.addEventListener(type, onMediaStart, LISTEN);
    for (const type of MEDIA_STOP) doc.addEventListener(type, onMediaStop, LISTEN);
    return () => {
      for (const type of INPUT_EVENTS) doc.removeEventListener(type, onInput, LISTEN);
      for (const type of MEDIA_START) doc.removeEventListener(type, onMediaStart, LISTEN);
      for (const type of MEDIA_STOP) doc.removeEventListener(type, onMediaStop, LISTEN);
      this.#playing.clear();
      this.#syncMedia(doc);
    };
  }

  /** Stops the clock for good. */
  dispose(): void {
    this.#observer?.disconnect();
    this.#machine.dispose();
  }

  /**
   * Holds the clock while any tracked media element is still in the page. A playing element
   * that is removed (the visitor left the screen) is paused by the browser, but its `pause`
   * event no longer passes through the document: a mutation observer, running only while
   * something plays, catches that case so the clock cannot stay held forever.
   */
  #syncMedia(doc: Document): void {
    for (const media of this.#playing) if (!media.isConnected) this.#playing.delete(media);
    if (this.#playing.size > 0) {
      this.#machine.pause('media');
      if (!this.#observer && typeof MutationObserver === 'function') {
        this.#observer = new MutationObserver(() => this.#syncMedia(doc));
        this.#observer.observe(doc.documentElement, { childList: true, subtree: true });
      }
    } else {
      this.#observer?.disconnect();
      this.#observer = null;
      this.#machine.resume('media');
    }
  }
}

/**
 * A recording a visitor plays. The attract loop's muted film (issue 20) is decoration, not a
 * visitor watching: it never holds the clock.
 */
function isMedia(target: EventTarget | null): target is HTMLMediaElement {
  return typeof HTMLMediaElement === 'function' && target instanceof HTMLMediaElement && target.dataset.role !== 'attract-film';
}
