/**
 * A visitor's hands for the accessibility spec: start a visit, walk to a screen, switch the
 * language and the accessibility settings in the page (as a visitor does, through the bar and the
 * panel), and bring up the overlays (the idle warning, the staff PIN pad). One page is reused for
 * everything, so the spec stays quick on a small machine.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningHost } from './host';
import { scrollIntoReach } from './test';

export type Locale = 'en' | 'ru';

/** The accessibility modes the spec walks through, each as the panel's buttons that make it. */
export const MODES = [
  { name: 'default', settings: [] },
  { name: 'text 125 %', settings: ['text-125'] },
  { name: 'text 150 %', settings: ['text-150'] },
  { name: 'text 200 %', settings: ['text-200'] },
  { name: 'high contrast', settings: ['contrast'] },
  { name: 'reduced motion', settings: ['motion'] },
  { name: 'reach', settings: ['reach'] },
] as const;

export type Mode = (typeof MODES)[number];

/** The root attributes a mode must leave on <html> (state/accessibility.svelte.ts). */
const ROOT_ATTRIBUTE: Record<string, [string, string]> = {
  'text-125': ['data-text-size', '125'],
  'text-150': ['data-text-size', '150'],
  'text-200': ['data-text-size', '200'],
  contrast: ['data-contrast', 'high'],
  motion: ['data-motion', 'reduced'],
  reach: ['data-reach', 'on'],
};

/** Idle time of the spec's kiosk: long, so no warning comes unasked while it measures. */
export const IDLE_SECONDS = 3600;

export class Kiosk {
  /** The page driven: the one given, until start() opens the kiosk (Electron's window, under that driver). */
  constructor(public page: Page, readonly host: Pick<RunningHost, 'open'>) {}

  readonly screen = (name: string) => this.page.locator(`main[data-screen="${name}"]`);
  readonly panel = () => this.page.getByTestId('accessibility-panel');

  /** A fresh page on the attract screen, the visit begun unless `begin` is false. */
  async start(begin = true): Promise<void> {
    this.page = await this.host.open(this.page);
    await expect(this.screen('attract')).toBeVisible();
    if (!begin) return;
    await this.page.getByRole('button', { name: 'Touch to begin' }).tap();
    await expect(this.screen('home')).toBeVisible();
  }

  /**
   * Taps the button named `name` (a string is matched from its start, as names carry counts),
   * scrolling to it first as a visitor looking for it would.
   */
  async tap(name: string | RegExp): Promise<void> {
    const button = this.page.getByRole('button', { name: typeof name === 'string' ? new RegExp(`^${escape(name)}`) : name }).first();
    await scrollIntoReach(button);
    await button.tap();
  }

  /** Taps the button named `name` if the screen shows one (the translation drawer's, in portrait). */
  async tapIfShown(name: string): Promise<void> {
    const button = this.page.getByRole('button', { name, exact: true });
    if (await button.isVisible()) await button.tap();
  }

  /** Taps through the buttons named, waiting for the screen `arrive` when given. */
  async walk(names: (string | RegExp)[], arrive?: string): Promise<void> {
    for (const name of names) await this.tap(name);
    if (arrive) await expect(this.screen(arrive)).toBeVisible();
  }

  /** The visitor scrolls to the end of the screen (instantly, so the end is where it stays). */
  async scrollToEnd(): Promise<void> {
    await this.page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await expect.poll(() => this.page.evaluate(() => Math.ceil(window.scrollY + innerHeight) >= document.documentElement.scrollHeight - 1)).toBe(true);
  }

  /**
   * Waits, as an eye would, for the screen to come to rest: finite animations ended, the images
   * on screen decoded, the zoom viewer (if any) showing a sharp view, and two frames drawn.
   */
  async settle(): Promise<void> {
    await this.page.evaluate(async () => {
      const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
      await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
      await Promise.all([...document.images].filter((img) => img.src && !img.complete).map((img) => img.decode().catch(() => undefined)));
    });
    const zoom = this.page.getByTestId('deep-zoom');
    if ((await zoom.count()) > 0) await expect(zoom.first()).toHaveAttribute('data-sharp', 'true', { timeout: 10_000 }).catch(() => undefined);
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  /**
   * A visitor scrolls down, a short swipe at a time, until `control` is wholly on the screen and
   * nothing lies over its centre (a bar at the foot of a tall screen); it stops at the page's end.
   */
  async scrollUntilUncovered(control: Locator): Promise<void> {
    for (let step = 0; step < 40; step++) {
      const state = await control.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        const whole = box.top >= 0 && box.bottom <= innerHeight;
        const atEnd = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1;
        return { done: whole && top !== null && (top === el || el.contains(top)), atEnd, below: box.top > 0 };
      });
      if (state.done || state.atEnd || !state.below) return;
      await this.page.evaluate(() => window.scrollBy({ top: 160, behavior: 'instant' }));
    }
  }

  /** The bar's language switch. */
  async language(locale: Locale): Promise<void> {
    const html = this.page.locator('html');
    if ((await html.getAttribute('lang')) === locale) return;
    await this.page.locator(`header nav button[lang="${locale}"]`).tap();
    await expect(html).toHaveAttribute('lang', locale);
  }

  /** Opens the accessibility panel from the bar (or the attract screen). */
  async openPanel(): Promise<void> {
    if (await this.panel().isVisible()) return;
    await this.page.locator('.accessibility-button').first().tap();
    await expect(this.panel()).toBeVisible();
  }

  /** Sets exactly `mode` by tapping through the panel; closes it again unless `keepOpen`. */
  async mode(mode: { readonly settings: readonly string[] }, keepOpen = false): Promise<void> {
    await this.openPanel();
    const panel = this.panel();
    const reset = panel.locator('[data-setting="reset"]');
    if (await reset.isEnabled()) await reset.tap();
    for (const setting of mode.settings) await panel.locator(`[data-setting="${setting}"]`).tap();
    if (!keepOpen) {
      await panel.locator('[data-setting="close"]').tap();
      await expect(panel).toBeHidden();
    }
    await this.expectRoot(mode.settings);
  }

  /**
   * Sets exactly `mode` through the same panel buttons, pressed in the page in one round trip:
   * the settings class and the root's attributes work as for a tap, without Playwright's checks
   * before each of some thousand taps (tapping itself is covered by `mode` in the other tests).
   */
  async modeInPage(mode: { readonly settings: readonly string[] }, keepOpen = false): Promise<void> {
    const problem = await this.page.evaluate(
      async ({ settings, keepOpen }) => {
        // Svelte applies a change in a microtask; a few let the panel mount or the root follow.
        const settle = async () => {
          for (let i = 0; i < 4; i++) await new Promise<void>((resolve) => queueMicrotask(resolve));
        };
        const press = async (root: ParentNode, selector: string) => {
          const button = root.querySelector<HTMLButtonElement>(selector);
          if (!button) return `no ${selector}`;
          if (!button.disabled) button.click();
          await settle();
          return null;
        };
        const panel = () => document.querySelector('[data-testid="accessibility-panel"]');
        // Just after an overlay closes the page may still be inert for a moment, and a click on
        // an inert button does nothing: press again until the panel is there (2 s at most).
        for (let tries = 0; !panel() && tries < 100; tries++) {
          const missing = await press(document, '.accessibility-button');
          if (missing) return missing;
          if (!panel()) await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const open = panel();
        if (!open) return 'the accessibility panel did not open';
        for (const selector of ['[data-setting="reset"]', ...settings.map((s) => `[data-setting="${s}"]`), ...(keepOpen ? [] : ['[data-setting="close"]'])]) {
          const missing = await press(open, selector);
          if (missing) return missing;
        }
        return null;
      },
      { settings: [...mode.settings], keepOpen },
    );
    expect(problem).toBeNull();
    if (!keepOpen) await expect(this.panel()).toBeHidden();
    await this.expectRoot(mode.settings);
  }

  /** The root says what is on; motion may also be on from the system's own setting. */
  private async expectRoot(settings: readonly string[]): Promise<void> {
    const wanted = new Map(settings.map((setting) => ROOT_ATTRIBUTE[setting]!));
    const names = ['data-text-size', 'data-contrast', 'data-reach', 'data-motion'].filter((name) => wanted.has(name) || name !== 'data-motion');
    const expected = Object.fromEntries(names.map((name) => [name, wanted.get(name) ?? null]));
    await expect.poll(() => this.page.evaluate((names) => Object.fromEntries(names.map((name) => [name, document.documentElement.getAttribute(name)])), names)).toEqual(expected);
  }

  /** "Still exploring?": the kiosk's clock jumps past its idle time (page.clock, installed at start). */
  async showIdleWarning(): Promise<void> {
    await this.page.clock.fastForward(IDLE_SECONDS * 1000 + 1000);
    await expect(this.page.getByTestId('idle-warning')).toBeVisible();
  }

  /** The visitor answers with Escape (a keyboard or a switch). */
  async answerIdleWarning(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('idle-warning')).toBeHidden();
  }

  /** The staff PIN pad: a finger held in the top-left corner while the clock runs 3 s on. */
  async showStaffPinPad(): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 20, y: 20 }] });
    await this.page.clock.fastForward(3100);
    await expect(this.page.getByTestId('staff-pin')).toBeVisible();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  /** Staff close their panel with Escape. */
  async closeStaff(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('staff-panel')).toBeHidden();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
