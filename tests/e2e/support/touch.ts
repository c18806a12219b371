/**
 * Real touch gestures for specs, through the Chrome DevTools Protocol (Input.dispatchTouchEvent):
 * Chromium turns them into the same touch and pointer events a finger on a kiosk screen makes,
 * so OpenSeadragon and the page's swipe handling see what they would see in the gallery.
 */
import type { CDPSession, Page } from '@playwright/test';

export interface Point {
  x: number;
  y: number;
}

type TouchPoint = Point & { id: number };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A touch screen on this page. */
export class Touch {
  private constructor(private readonly cdp: CDPSession) {}

  static async on(page: Page): Promise<Touch> {
    return new Touch(await page.context().newCDPSession(page));
  }

  private send(type: 'touchStart' | 'touchMove' | 'touchEnd', touchPoints: TouchPoint[]): Promise<unknown> {
    return this.cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
  }

  /**
   * Sends each event at its time from now, without waiting for the page's answer to the one
   * before: Chromium answers a touch only once the page has handled it, so on a busy machine
   * waiting stretched a gesture (a swipe of 7 moves took 1.3 s, a double-tap's taps came 300 ms
   * apart, each answer 250 ms late) into one a visitor never makes. Sent on time, events the
   * page cannot take at once wait in its queue and arrive closer together, never further apart.
   */
  private async play(events: { atMs: number; type: 'touchStart' | 'touchMove' | 'touchEnd'; points: TouchPoint[] }[]): Promise<void> {
    const start = Date.now();
    const answers: Promise<unknown>[] = [];
    for (const event of events) {
      const wait = event.atMs - (Date.now() - start);
      if (wait > 0) await pause(wait);
      answers.push(this.send(event.type, event.points));
    }
    await Promise.all(answers);
  }

  /** One finger from `from` to `to` in `steps` moves, `stepMs` apart (a swipe when quick, a pan when slow). */
  async drag(from: Point, to: Point, steps = 10, stepMs = 16): Promise<void> {
    const at = (i: number): TouchPoint[] => [{ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps, id: 1 }];
    await this.play([{ atMs: 0, type: 'touchStart', points: at(0) }, ...Array.from({ length: steps }, (_, i) => ({ atMs: (i + 1) * stepMs, type: 'touchMove' as const, points: at(i + 1) }))]);
    // Held still a moment once the page has taken every move, so a pan ends without a flick.
    await pause(stepMs);
    await this.send('touchEnd', []);
  }

  /** Two fingers around `centre`, `fromGap` px apart, moving to `toGap` px apart (spread when it grows). */
  async pinch(centre: Point, fromGap: number, toGap: number, steps = 12): Promise<void> {
    const fingers = (gap: number): TouchPoint[] => [
      { x: centre.x - gap / 2, y: centre.y, id: 1 },
      { x: centre.x + gap / 2, y: centre.y, id: 2 },
    ];
    await this.play([
      { atMs: 0, type: 'touchStart', points: fingers(fromGap) },
      ...Array.from({ length: steps }, (_, i) => ({ atMs: (i + 1) * 16, type: 'touchMove' as const, points: fingers(fromGap + ((toGap - fromGap) * (i + 1)) / steps) })),
      { atMs: (steps + 1) * 16, type: 'touchEnd', points: [] },
    ]);
  }

  /** One finger lands at `at`, and stays until `up()`. */
  down(at: Point): Promise<unknown> {
    return this.send('touchStart', [{ ...at, id: 1 }]);
  }

  /** The finger that is down moves to `to`, and stays there. */
  move(to: Point): Promise<unknown> {
    return this.send('touchMove', [{ ...to, id: 1 }]);
  }

  /** Every finger lifts. */
  up(): Promise<unknown> {
    return this.send('touchEnd', []);
  }

  /** A quick tap. */
  tap(at: Point): Promise<void> {
    return this.play(tapAt(at, 0));
  }

  /** Two quick taps in the same place. */
  doubleTap(at: Point): Promise<void> {
    return this.play([...tapAt(at, 0), ...tapAt(at, 130)]);
  }
}

/** A touch pointer event as the page handled it: its type, and performance.now() when it ran. */
export interface Handled {
  type: string;
  at: number;
}

/**
 * Runs `gesture` and returns when the page handled each touch pointer event it made. The
 * harness sends events on time, but a machine busy elsewhere may hand them to the page late, and
 * a gesture defined by time (a double-tap) is then not the gesture any more: a spec reads here
 * what the page was given, so it can tell a late delivery from the app's own fault.
 */
export async function handledDuring(page: Page, gesture: () => Promise<void>): Promise<Handled[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __handled?: Handled[]; __handledStop?: AbortController };
    w.__handledStop?.abort();
    const stop = new AbortController();
    const handled: Handled[] = [];
    const note = (event: PointerEvent) => void (event.pointerType === 'touch' && handled.push({ type: event.type, at: performance.now() }));
    for (const type of ['pointerdown', 'pointerup']) window.addEventListener(type, note as EventListener, { capture: true, signal: stop.signal });
    Object.assign(w, { __handled: handled, __handledStop: stop });
  });
  await gesture();
  return page.evaluate(() => {
    const w = window as unknown as { __handled: Handled[]; __handledStop: AbortController };
    w.__handledStop.abort();
    return w.__handled;
  });
}

/**
 * Two taps handled as OpenSeadragon counts a double-tap (each lifted within 300 ms of its touch,
 * the second lifted within 300 ms of the first), with a margin under those bounds.
 */
export function isDoubleTap(taps: Handled[]): boolean {
  const [down1, up1, down2, up2] = taps;
  if (taps.map((t) => t.type).join() !== 'pointerdown,pointerup,pointerdown,pointerup') return false;
  return up1!.at - down1!.at < 250 && up2!.at - down2!.at < 250 && up2!.at - up1!.at < 250;
}

/** A finger down at `at` for 40 ms, from `atMs` on. */
const tapAt = (at: Point, atMs: number) => [
  { atMs, type: 'touchStart' as const, points: [{ ...at, id: 1 }] },
  { atMs: atMs + 40, type: 'touchEnd' as const, points: [] },
];
