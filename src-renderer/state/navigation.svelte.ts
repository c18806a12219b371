/**
 * Where the visitor is: a stack of screens above the attract loop. Attract is never part of the
 * back stack, so "Back" can never lead a visitor out to the attract screen by accident, and
 * "Back" from the first screen after attract lands on the exhibit home.
 */

/** One place a visitor can be. */
export type Screen =
  | { kind: 'attract' }
  | { kind: 'home' }
  | { kind: 'section'; id: string }
  | { kind: 'topic'; id: string }
  | { kind: 'artifact'; id: string }
  /** The exhibit's topics and objects on a time axis. */
  | { kind: 'timeline' }
  /** The visitor's saved objects, with their take-home QR codes. */
  | { kind: 'my-list' }
  /** Search with the on-screen keyboard; the words typed are the session's (SearchDraft). */
  | { kind: 'search' };

export type ScreenKind = Screen['kind'];

/** A screen plus where the visitor had scrolled to when they left it. */
interface Entry {
  readonly screen: Screen;
  /** Not reactive on purpose: saving a scroll position must not reload the screen. */
  scrollY: number;
}

const ATTRACT: Screen = { kind: 'attract' };
const HOME: Screen = { kind: 'home' };

/** True when both values name the same screen (same kind and, where it has one, same id). */
export function sameScreen(a: Screen, b: Screen): boolean {
  return a.kind === b.kind && ('id' in a ? a.id : null) === ('id' in b ? b.id : null);
}

export class Navigation {
  // $state.raw: the stack is replaced, never mutated, so only real moves notify readers.
  #stack = $state.raw<readonly Entry[]>([{ screen: ATTRACT, scrollY: 0 }]);

  /** The screen on show. */
  get current(): Screen {
    return this.#top().screen;
  }

  /** Number of screens in the back stack (attract counts as one when it is on show). */
  get depth(): number {
    return this.#stack.length;
  }

  /** False on the attract loop and on the exhibit home when there is nothing behind it. */
  get canGoBack(): boolean {
    const kind = this.current.kind;
    return kind !== 'attract' && !(kind === 'home' && this.#stack.length === 1);
  }

  /** Scroll position to restore on the current screen (0 for a newly opened one). */
  get savedScrollY(): number {
    return this.#top().scrollY;
  }

  /** Remembers how far the visitor had scrolled the current screen, for when they come back. */
  saveScroll(y: number): void {
    this.#top().scrollY = y;
  }

  /** Opens a screen on top of the current one; from attract it starts a fresh stack. */
  open(screen: Screen): void {
    if (screen.kind === 'attract') return this.toAttract();
    if (sameScreen(screen, this.current)) return;
    const entry = { screen, scrollY: 0 };
    this.#stack = this.current.kind === 'attract' ? [entry] : [...this.#stack, entry];
  }

  /** Swaps the current screen for another (previous/next browsing), so Back skips the chain. */
  replace(screen: Screen): void {
    if (this.current.kind === 'attract' || screen.kind === 'attract') return this.open(screen);
    if (sameScreen(screen, this.current)) return;
    this.#stack = [...this.#stack.slice(0, -1), { screen, scrollY: 0 }];
  }

  /** Goes one screen back; from the first screen after attract, goes to the exhibit home. */
  back(): void {
    if (!this.canGoBack) return;
    this.#stack = this.#stack.length > 1 ? this.#stack.slice(0, -1) : [{ screen: HOME, scrollY: 0 }];
  }

  /** Goes to the exhibit home and forgets the way there. */
  home(): void {
    if (this.current.kind === 'home' && this.#stack.length === 1) return;
    this.#stack = [{ screen: HOME, scrollY: 0 }];
  }

  /** Returns to the attract loop and forgets the visitor's path. */
  toAttract(): void {
    if (this.current.kind === 'attract') return;
    this.#stack = [{ screen: ATTRACT, scrollY: 0 }];
  }

  #top(): Entry {
    // The stack is never empty: every move leaves at least one entry.
    return this.#stack[this.#stack.length - 1]!;
  }
}
