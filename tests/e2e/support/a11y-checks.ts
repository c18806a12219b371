/**
 * What the accessibility spec measures on a screen, in the page itself: axe-core's WCAG 2.2 AA
 * rules, the size of every control (48 × 48 CSS px at least), reach mode's promise (nothing to
 * press in the top 40 % of the screen) and reflow at the largest text (nothing overflows its box).
 * Each returns what it found wrong, in words that name the element, so a failure reads as a list.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's violations, one line each: rule, impact, and the elements it names. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The controls a visitor can press or reach with Tab, where they can now: shown, not under an
 * inert overlay, not hidden from everyone. Runs in the page.
 */
const CONTROLS_IN_PAGE = `(() => {
  const selector = 'button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])';
  const describe = (el) => {
    const name = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' "' + name + '"';
  };
  return [...document.querySelectorAll(selector)]
    .filter((el) => !el.closest('[inert], [aria-hidden="true"]') && el.checkVisibility({ visibilityProperty: true }))
    .map((el) => ({ el, box: el.getBoundingClientRect(), name: describe(el) }));
})()`;

/** Controls smaller than 48 × 48 CSS px (WCAG 2.5.8 asks 24; a standing visitor needs 48). */
export function undersizedControls(page: Page): Promise<string[]> {
  return page.evaluate(`${CONTROLS_IN_PAGE}
    .filter(({ box }) => box.width < 47.5 || box.height < 47.5)
    .map(({ box, name }) => name + ' is ' + Math.round(box.width) + ' x ' + Math.round(box.height))`);
}

/**
 * Reach mode: controls on screen now (at the top of the page) whose top lies above the lower 60 %
 * of the viewport. Those further down come up from below as the page scrolls.
 */
export function controlsOutOfReach(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const line = innerHeight * 0.4 - 1;
    return ${CONTROLS_IN_PAGE}
      .filter(({ box }) => box.bottom > 0 && box.top < innerHeight && box.top < line)
      .map(({ box, name }) => name + ' at y=' + Math.round(box.top) + ' (reach line ' + Math.round(line) + ')');
  })()`);
}

/**
 * Reflow: text wider than its box, text cut off by a box that hides its overflow, or a page that
 * scrolls sideways. Boxes made to scroll (a strip of pages, a drawer of text) may; visually hidden
 * text (for screen readers) is meant to be clipped.
 */
export function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth + 1) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`);
    const hasText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (!hasText(el) || el.closest('.visually-hidden') || !el.checkVisibility({ visibilityProperty: true })) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || el.clientWidth === 0) continue;
      const scrolls = (value: string) => value === 'auto' || value === 'scroll';
      const clips = (value: string) => value === 'hidden' || value === 'clip';
      const name = `${el.tagName.toLowerCase()}.${el.className || ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      if (!scrolls(style.overflowX) && el.scrollWidth > el.clientWidth + 1) found.push(`${name} is ${el.scrollWidth} px wide in ${el.clientWidth}`);
      if (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1) found.push(`${name} is cut off: ${el.scrollHeight} px tall in ${el.clientHeight}`);
    }
    return found;
  });
}
