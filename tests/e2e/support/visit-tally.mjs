/**
 * What the random visitor itself was shown, counted as the kiosk's analytics count it (issue 21,
 * docs/analytics.md), so a run can compare the kiosk's exported figures with the driver's own,
 * exactly: visits (from the first screen or panel after attract to the reset), each screen shown
 * (a move to a different screen; the same one again is not a new one), each object opened, and
 * the visits per language seen.
 *
 * Screens are caught as the page inserts them (watchScreens, a mutation observer added before the
 * kiosk loads), not by looking after each move: a look can come before a tap's screen is in
 * place, or after a second one replaced it.
 */

/** In the page, before anything loads: every screen (and accessibility panel) inserted, in order, on `window.__vitrineShown`. */
export function watchScreens() {
  const shown = [];
  Object.defineProperty(window, '__vitrineShown', { value: shown });
  const note = (element) => {
    if (element.matches('main[data-screen]')) shown.push(element);
    else if (element.matches('[data-testid="accessibility-panel"]')) shown.push(element);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        note(node);
        for (const inner of node.querySelectorAll('main[data-screen], [data-testid="accessibility-panel"]')) note(inner);
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** In the page: the screens inserted since the last call (their attributes read now, when set), and the document's language. */
export function takeShown() {
  const elements = window.__vitrineShown?.splice(0) ?? [];
  return {
    lang: document.documentElement.lang,
    screens: elements.map((e) => (e.matches('main[data-screen]') ? { kind: e.getAttribute('data-screen'), id: e.getAttribute('data-id') } : { kind: 'panel', id: null })),
  };
}

export class VisitTally {
  visits = 0;
  /** @type {Record<string, number>} */
  screens = {};
  /** @type {Record<string, number>} */
  opens = {};
  /** @type {Record<string, number>} */
  languages = {};
  /** @type {Set<string> | null} the languages of the visit going on, or null between visits */
  #visitLanguages = null;
  /** @type {string | null} */
  #current = null;

  /**
   * After a move: the screens the page inserted meanwhile, in order, and its language now.
   * @param {{ lang: string; screens: { kind: string; id: string | null }[] }} shown
   */
  saw({ lang, screens }) {
    for (const { kind, id } of screens) {
      if (kind === 'loading' || kind === 'error') continue;
      if (kind === 'attract') {
        // Back on attract: the visit going on (if any) has ended, by the kiosk's own idle clock.
        this.reset();
        continue;
      }
      this.#begin(lang);
      if (kind === 'panel') continue;
      const key = `${kind}:${id ?? ''}`;
      if (key === this.#current) continue;
      this.#current = key;
      this.screens[kind] = (this.screens[kind] ?? 0) + 1;
      if (kind === 'artifact' && id) this.opens[id] = (this.opens[id] ?? 0) + 1;
    }
    this.#visitLanguages?.add(lang);
  }

  /** The idle reset: the visit going on (if any) ends. */
  reset() {
    for (const lang of this.#visitLanguages ?? []) this.languages[lang] = (this.languages[lang] ?? 0) + 1;
    this.#visitLanguages = null;
    this.#current = null;
  }

  #begin(lang) {
    if (this.#visitLanguages !== null) return;
    this.visits++;
    this.#visitLanguages = new Set([lang]);
  }

  result() {
    return { visits: this.visits, screens: this.screens, opens: this.opens, languages: this.languages };
  }
}
