/**
 * A random visitor's hands: taps on whatever is tappable on the screen now, swipes, pinches on
 * the deep-zoom viewer, saves, searches (when the kiosk has a Search button), all as real touches
 * through CDP (Input.dispatchTouchEvent), chosen by a seeded generator so that a run replays.
 * Used by the soak driver (soak-driver.mjs); plain JavaScript so Node runs it without a loader.
 */

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the same visitor. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One or two fingers on the screen, through a CDP session on the page. */
export class Fingers {
  constructor(cdp) {
    this.cdp = cdp;
  }

  send(type, touchPoints) {
    return this.cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
  }

  /** A quick tap. */
  async tap(at) {
    await this.send('touchStart', [at]);
    await pause(30);
    await this.send('touchEnd', []);
  }

  /** Moves every finger from its `from` to its `to` point in `steps` moves 16 ms apart. */
  async stroke(fingers, steps) {
    const at = (i) => fingers.map((f, id) => ({ id, x: f.from.x + ((f.to.x - f.from.x) * i) / steps, y: f.from.y + ((f.to.y - f.from.y) * i) / steps }));
    await this.send('touchStart', at(0));
    for (let i = 1; i <= steps; i++) {
      await pause(16);
      await this.send('touchMove', at(i));
    }
    await pause(16);
    await this.send('touchEnd', []);
  }

  /** One finger, quickly, from one point to another (a swipe; vertical, a scroll). */
  swipe(from, to) {
    return this.stroke([{ from, to }], 6);
  }

  /** Two fingers around `centre`, from `fromGap` px apart to `toGap` (a spread when it grows). */
  pinch(centre, fromGap, toGap) {
    const finger = (sign) => ({ from: { x: centre.x + (sign * fromGap) / 2, y: centre.y }, to: { x: centre.x + (sign * toGap) / 2, y: centre.y } });
    return this.stroke([finger(-1), finger(1)], 8);
  }
}

/**
 * In the page: the buttons and links a visitor can tap now (visible, enabled, not behind an
 * overlay's `inert`). Picks the one at `fraction` of the list, brings it into view and returns
 * the middle of its box and its name; null when there is nothing to tap.
 */
function pickTappable(fraction) {
  const tappable = [...document.querySelectorAll('button, a[href], [role="button"]')].filter(
    (el) => !el.disabled && !el.closest('[inert]') && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
  );
  if (tappable.length === 0) return null;
  const el = tappable[Math.floor(fraction * tappable.length)];
  el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  const box = el.getBoundingClientRect();
  const name = (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
  return { x: box.left + box.width / 2, y: box.top + box.height / 2, name };
}

/** The middle of `locator`'s first match when it is on screen, else null. */
async function middleOf(locator) {
  const first = locator.first();
  if ((await first.count()) === 0) return null;
  const box = await first.boundingBox();
  return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
}

const SEARCH_WORDS = ['Stalin', 'war', 'letter', 'Soviet', 'famine', 'Potsdam', 'object', 'xqz'];

/** The visitor's moves. Each returns what it did, or null when it did not apply to this screen. */
export function visitorMoves(page, fingers, random) {
  const viewport = page.viewportSize() ?? { width: 1920, height: 1080 };
  const mid = { x: viewport.width / 2, y: viewport.height / 2 };
  const tapOn = async (locator, what) => {
    const at = await middleOf(locator);
    if (!at) return null;
    await fingers.tap(at);
    return what;
  };
  return {
    async tap() {
      const target = await page.evaluate(pickTappable, random());
      if (!target) return null;
      await fingers.tap(target);
      return `tap "${target.name}"`;
    },
    async swipe() {
      const sideways = (await page.locator('main[data-screen="artifact"]').count()) > 0;
      const sign = random() < 0.5 ? -1 : 1;
      const reach = sideways ? { x: 300, y: 0 } : { x: 0, y: 250 };
      await fingers.swipe({ x: mid.x - sign * reach.x, y: mid.y - sign * reach.y }, { x: mid.x + sign * reach.x, y: mid.y + sign * reach.y });
      return `swipe ${sideways ? (sign < 0 ? 'left' : 'right') : sign < 0 ? 'up' : 'down'}`;
    },
    async pinch() {
      const at = await middleOf(page.getByTestId('zoom-stage'));
      if (!at) return null;
      const spread = random() < 0.6;
      await fingers.pinch(at, spread ? 120 : 360, spread ? 360 : 120);
      return spread ? 'pinch out' : 'pinch in';
    },
    save: () => tapOn(page.getByRole('button', { name: /^Saved?$/ }), 'save'),
    async search() {
      if (!(await tapOn(page.getByRole('button', { name: 'Search', exact: true }), 'search'))) return null;
      const word = SEARCH_WORDS[Math.floor(random() * SEARCH_WORDS.length)];
      const box = page.getByRole('searchbox').or(page.getByRole('textbox')).first();
      await box.waitFor({ timeout: 5_000 }).catch(() => undefined);
      if ((await box.count()) === 0) return 'search (no box)';
      // An on-screen keyboard is tapped key by key; without one, typing stands in for it.
      const keys = [...word.toLowerCase()].map((c) => page.getByRole('button', { name: new RegExp(`^${c}$`, 'i') }));
      if (await Promise.all(keys.map((k) => k.count())).then((n) => n.every((c) => c > 0))) {
        for (const key of keys) await tapOn(key, 'key');
      } else {
        await box.fill(word);
      }
      return `search "${word}"`;
    },
  };
}
