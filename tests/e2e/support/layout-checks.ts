/**
 * The layout check (issue 16): what a visitor meets on the screen as it is now, in the page and in
 * one pass. Playwright's "visible" is true for a button far below the fold or under a bar; this
 * asks what a person asks. It returns what it found wrong, one sentence per fault:
 *
 * - a control meant to be on screen is not wholly in the viewport: fixed UI (the bar, Back to top,
 *   a drawer) and what the screen marks `data-on-screen` (its controls at rest);
 * - a control's centre is covered by another element (`elementFromPoint` is not the control or
 *   inside it), or fixed UI lies over any part of it. A control under a fixed bar is not a fault while the page can still scroll it
 *   out from under the bar, as a visitor would; at the end of the scroll it is;
 * - text or an image clipped by an ancestor that hides its overflow, cut in mid-screen by a strip
 *   that scrolls sideways, or running outside the screen's sides;
 * - a control at rest that would do nothing if pressed (Zoom out at home zoom, Earlier at the
 *   start of the timeline, Back to top at the top of the page), and a zoom viewer nobody zoomed
 *   that does not show its whole image.
 */
import type { Page } from '@playwright/test';

/**
 * `atRest`: the visitor has not zoomed or moved anything on this screen (the accessibility matrix
 * only switches modes), so a zoom viewer must show its whole image: a mode turned on over an
 * object must not crop it.
 */
export function layoutProblems(page: Page, { atRest = true }: { atRest?: boolean } = {}): Promise<string[]> {
  return page.evaluate((atRest) => {
    const found: string[] = [];
    const slack = 1; // CSS px of rounding
    const describe = (el: Element) => {
      const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('alt') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const kind = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
      return `${el.tagName.toLowerCase()}${kind} "${name}"`;
    };
    const shown = (el: Element) => !el.closest('[inert], [aria-hidden="true"], .visually-hidden') && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    const position = (el: Element) => getComputedStyle(el).position;
    /** The nearest ancestor-or-self fixed to the screen, if any. */
    const fixedAncestor = (el: Element): Element | null => {
      for (let node: Element | null = el; node; node = node.parentElement) if (position(node) === 'fixed') return node;
      return null;
    };
    const scrolls = (value: string) => value === 'auto' || value === 'scroll';
    const hides = (value: string) => value === 'hidden' || value === 'clip';
    const root = document.documentElement;
    const atTop = scrollY <= 0;
    const atEnd = Math.ceil(scrollY + innerHeight) >= root.scrollHeight - slack;
    const inViewport = (r: DOMRect) => r.top >= -slack && r.left >= -slack && r.bottom <= innerHeight + slack && r.right <= innerWidth + slack;

    const controls = [...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])')].filter(shown);

    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const name = describe(control);

      // Meant to be on screen: fixed UI, and the screen's own controls at rest.
      const fixed = fixedAncestor(control);
      if ((fixed || control.closest('[data-on-screen]')) && !inViewport(box)) {
        found.push(`${name} is off the screen at x=${Math.round(box.left)}, y=${Math.round(box.top)} (${fixed ? 'fixed UI' : 'meant to be on screen'})`);
        continue;
      }

      // Uncovered: what is at its centre, unless the centre is scrolled away inside a strip or
      // off the screen (nothing to press there now).
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      let clippedAway = false;
      for (let node = control.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = node.getBoundingClientRect();
        if (x < clip.left || x > clip.right || y < clip.top || y > clip.bottom) clippedAway = true;
      }
      if (clippedAway) continue;
      const top = document.elementFromPoint(x, y);
      if (!top || top === control || control.contains(top)) continue;
      // Under fixed UI (the bar at the foot of the screen, a drawer) while the page can still
      // scroll it out from under: a visitor scrolls. At the end of the scroll it stays covered.
      const cover = fixedAncestor(top);
      if (cover && !fixed) {
        const coverBox = cover.getBoundingClientRect();
        const below = coverBox.top + coverBox.height / 2 > innerHeight / 2;
        if ((below && !atEnd) || (!below && !atTop)) continue;
      }
      found.push(`${name} is covered at its centre by ${describe(top)}`);
    }

    // Fixed controls over the page's controls where the page can scroll no further to part them
    // (Back to top over "Next topic" at the end of an essay): partly covered is covered.
    const fixedControls = controls.filter((c) => fixedAncestor(c) !== null);
    for (const floating of fixedControls) {
      const a = floating.getBoundingClientRect();
      const layer = fixedAncestor(floating)!;
      const below = a.top + a.height / 2 > innerHeight / 2;
      if ((below && !atEnd) || (!below && !atTop)) continue;
      for (const other of controls) {
        if (fixedAncestor(other) || layer.contains(other) || other.contains(floating)) continue;
        const b = other.getBoundingClientRect();
        const overlap = a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;
        if (b.width > 0 && overlap) found.push(`${describe(floating)} lies over ${describe(other)} at the ${below ? 'end' : 'top'} of the page`);
      }
    }

    // Text and images: clipped by an ancestor, cut in mid-screen by a sideways strip, or off the
    // screen's sides. Text hidden for screen readers only is meant to be clipped.
    const hasText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    const readable = [...document.querySelectorAll('body *')].filter((el) => (el.tagName === 'IMG' || hasText(el)) && shown(el));
    for (const el of readable) {
      const style = getComputedStyle(el);
      if (el.tagName !== 'IMG' && style.display === 'inline') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.bottom < 0 || box.top > innerHeight) continue; // not on the screen now
      const name = describe(el);
      let inStrip = false;
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        const s = getComputedStyle(node);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const clip = node.getBoundingClientRect();
        const left = clip.left + node.clientLeft;
        const right = left + node.clientWidth;
        const upper = clip.top + node.clientTop;
        const lower = upper + node.clientHeight;
        const cutX = box.left < left - slack || box.right > right + slack;
        const cutY = box.top < upper - slack || box.bottom > lower + slack;
        if (scrolls(s.overflowX) && node.scrollWidth > node.clientWidth + slack) {
          inStrip = true;
          // A sideways strip cuts what it scrolls only at the screen's own edge.
          const cutLeft = box.left < left - slack && left > slack;
          const cutRight = box.right > right + slack && right < innerWidth - slack;
          if (cutLeft || cutRight) found.push(`${name} is cut off in mid-screen by a sideways strip (${describe(node)}) at x=${Math.round(cutLeft ? left : right)}`);
        }
        const hiddenX = hides(s.overflowX) && cutX;
        const hiddenY = hides(s.overflowY) && cutY;
        if (hiddenX || hiddenY) found.push(`${name} is clipped by ${describe(node)}`);
        if (hiddenX || hiddenY || (scrolls(s.overflowX) && cutX)) break;
      }
      if (!inStrip && !fixedAncestor(el) && (box.left < -slack || box.right > innerWidth + slack)) found.push(`${name} runs off the side of the screen (${Math.round(box.left)} to ${Math.round(box.right)})`);
    }

    // Controls at rest that would do nothing if pressed.
    const enabled = (selector: string, scope: ParentNode = document) => [...scope.querySelectorAll<HTMLButtonElement>(selector)].filter((b) => shown(b) && !b.disabled);
    for (const zoom of document.querySelectorAll<HTMLElement>('[data-testid="deep-zoom"]')) {
      if (atRest && zoom.dataset.zoom !== '1.00') found.push(`the zoom viewer shows its image at x${zoom.dataset.zoom} though nobody zoomed: the image is cropped`);
      if (zoom.dataset.zoom === '1.00') for (const b of enabled('[data-action="zoom-out"], [data-action="zoom-reset"]', zoom)) found.push(`${describe(b)} is enabled at home zoom, where it does nothing`);
    }
    const strip = document.querySelector<HTMLElement>('[data-testid="timeline-strip"]');
    if (strip && strip.scrollLeft <= 0) for (const b of enabled('[data-action="earlier"]')) found.push(`${describe(b)} is enabled at the start of the timeline`);
    if (strip && strip.scrollLeft + strip.clientWidth >= strip.scrollWidth - slack) for (const b of enabled('[data-action="later"]')) found.push(`${describe(b)} is enabled at the end of the timeline`);
    if (atTop) for (const b of enabled('[data-action="back-to-top"]')) found.push(`${describe(b)} is shown at the top of the page`);
    return found;
  }, atRest);
}
