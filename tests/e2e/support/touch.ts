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

  /** One finger from `from` to `to` in `steps` moves, `stepMs` apart (a swipe when quick, a pan when slow). */
  async drag(from: Point, to: Point, steps = 10, stepMs = 16): Promise<void> {
    await this.send('touchStart', [{ ...from, id: 1 }]);
    for (let i = 1; i <= steps; i++) {
      await pause(stepMs);
      await this.send('touchMove', [{ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps, id: 1 }]);
    }
    // Held still a moment before lifting, so a pan ends without a flick.
    await pause(stepMs);
    await this.send('touchEnd', []);
  }

  /** Two fingers around `centre`, `fromGap` px apart, moving to `toGap` px apart (spread when it grows). */
  async pinch(centre: Point, fromGap: number, toGap: number, steps = 12): Promise<void> {
    const fingers = (gap: number): TouchPoint[] => [
      { x: centre.x - gap / 2, y: centre.y, id: 1 },
      { x: centre.x + gap / 2, y: centre.y, id: 2 },
    ];
    await this.send('touchStart', fingers(fromGap));
    for (let i = 1; i <= steps; i++) {
      await pause(16);
      await this.send('touchMove', fingers(fromGap + ((toGap - fromGap) * i) / steps));
    }
    await pause(16);
    await this.send('touchEnd', []);
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
  async tap(at: Point): Promise<void> {
    await this.down(at);
    await pause(40);
    await this.up();
  }

  /** Two quick taps in the same place. */
  async doubleTap(at: Point): Promise<void> {
    await this.tap(at);
    await pause(90);
    await this.tap(at);
  }
}
