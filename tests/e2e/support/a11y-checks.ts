/**
 * What the accessibility spec measures on a screen, in the page itself and in one pass: axe-core's
 * WCAG 2.2 AA rules, the size of every control (48 × 48 CSS px at least), reach mode's promise
 * (nothing to press in the top 40 % of the screen), reflow at the largest text (nothing
 * overflows its box), and the layout check (support/layout-checks.ts: on screen, uncovered,
 * whole, nothing enabled that would do nothing). It returns what it found wrong, in words that name the element, so a
 * failure reads as a list.
 *
 * axe-core goes into the page once (injectAxe) and `axe.run` is called directly for each check:
 * AxeBuilder would inject its 500 kB again, frame by frame, on every one of some 200 checks.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { layoutProblems } from './layout-checks';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource: Promise<string> | undefined;

/** Puts axe-core into the page (once per document: the kiosk never reloads while it is measured). */
export async function injectAxe(page: Page): Promise<void> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  // Evaluated through the debugger protocol, which the page's CSP (script-src 'self') does not cover.
  await page.evaluate(source);
}

export interface Checks {
  /** Reach mode: no control on screen above the lower 60 % of the viewport. */
  reach: boolean;
  /** The largest text: nothing wider than its box, nothing cut off, no sideways scrolling. */
  reflow: boolean;
  /** High contrast: text at 7:1 at least (WCAG's AAA level, axe's color-contrast-enhanced), not only AA's 4.5:1. */
  enhancedContrast?: boolean;
}

/** Everything measured on the screen as it is now; an empty list means it passes. */
export async function problems(page: Page, checks: Checks): Promise<string[]> {
  const found = await accessibilityProblems(page, checks);
  return [...found, ...(await layoutProblems(page))];
}

/** axe-core, target sizes, reach and reflow. */
function accessibilityProblems(page: Page, checks: Checks): Promise<string[]> {
  return page.evaluate(
    async ({ tags, reach, reflow, enhancedContrast }) => {
      const found: string[] = [];

      // A fade or a transition still running (a dialog arriving, a button just pressed) would be
      // measured half-way: wait for the finite ones to end, as a visitor's eye would.
      const running = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));

      // axe-core's violations, one line each: rule, impact, and the elements it names.
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      // A rule switched on by name runs beside the tags (axe checks rule options before tags).
      const rules: Record<string, { enabled: boolean }> = enhancedContrast ? { 'color-contrast-enhanced': { enabled: true } } : {};
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      for (const v of result.violations) found.push(`${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

      // The controls a visitor can press or reach with Tab, where they can now: shown, not under
      // an inert overlay, not hidden from everyone.
      const describe = (el: Element) => {
        const name = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
        const kind = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
        return `${el.tagName.toLowerCase()}${kind} "${name}"`;
      };
      const controls = [...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])')]
        .filter((el) => !el.closest('[inert], [aria-hidden="true"]') && el.checkVisibility({ visibilityProperty: true }))
        .map((el) => ({ box: el.getBoundingClientRect(), name: describe(el) }));

      // Smaller than 48 × 48 CSS px (WCAG 2.5.8 asks 24; a standing visitor needs 48).
      for (const { box, name } of controls) {
        if (box.width < 47.5 || box.height < 47.5) found.push(`${name} is ${Math.round(box.width)} x ${Math.round(box.height)}`);
      }

      // Reach mode: controls on screen now (at the top of the page) whose top lies above the
      // lower 60 % of the viewport. Those further down come up from below as the page scrolls,
      // so a screen scrolled down is not measured for reach.
      if (reach && scrollY <= 0) {
        const line = innerHeight * 0.4 - 1;
        for (const { box, name } of controls) {
          if (box.bottom > 0 && box.top < innerHeight && box.top < line) found.push(`${name} at y=${Math.round(box.top)} (reach line ${Math.round(line)})`);
        }
      }

      // Reflow: text wider than its box, text cut off by a box that hides its overflow, or a page
      // that scrolls sideways. Boxes made to scroll (a strip of pages, a drawer of text) may;
      // visually hidden text (for screen readers) is meant to be clipped.
      if (reflow) {
        if (document.documentElement.scrollWidth > innerWidth + 1) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`);
        const hasText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        const scrolls = (value: string) => value === 'auto' || value === 'scroll';
        const clips = (value: string) => value === 'hidden' || value === 'clip';
        for (const el of document.querySelectorAll<HTMLElement>('body *')) {
          if (!hasText(el) || el.closest('.visually-hidden') || !el.checkVisibility({ visibilityProperty: true })) continue;
          const style = getComputedStyle(el);
          if (style.display === 'inline' || el.clientWidth === 0) continue;
          const name = `${el.tagName.toLowerCase()}.${el.className || ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
          if (!scrolls(style.overflowX) && el.scrollWidth > el.clientWidth + 1) found.push(`${name} is ${el.scrollWidth} px wide in ${el.clientWidth}`);
          if (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1) found.push(`${name} is cut off: ${el.scrollHeight} px tall in ${el.clientHeight}`);
        }
      }
      return found;
    },
    { tags: AXE_TAGS, ...checks },
  );
}
