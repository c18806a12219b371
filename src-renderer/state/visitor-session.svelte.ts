/**
 * Everything one visitor leaves behind, in one object that is thrown away whole at reset.
 *
 * Why one object: the next visitor must find nothing of the last one (kiosk guide, "Visitors";
 * issue 3). Clearing field by field is how kiosks leak: each new feature adds a field that
 * someone forgets to reset. Here the reset creates a new VisitorSession, and the UI under it is
 * remounted with `{#key session}` (Kiosk.svelte), so:
 *   - state held here (screen, back stack, saved scroll positions) starts from its initial value;
 *   - state held inside components (open panels, zoom, the page shown, a half-typed search, the
 *     on-screen keyboard) is destroyed with them and cannot survive;
 *   - the document's own leftovers (window scroll, focus) are cleared by resetVisitorSession().
 * Later issues add their per-visitor state HERE as fields (saved items, search text, language,
 * accessibility choices: text size, contrast), never as module-level singletons, and the reset
 * covers them with no extra code.
 */
import { AccessibilitySettings } from './accessibility.svelte';
import { Language } from './language.svelte';
import { Navigation } from './navigation.svelte';
import { SavedItems } from './saved-items.svelte';
import { SearchDraft } from './search.svelte';

/** One visitor's session: created when the kiosk starts and anew at every idle reset. */
export class VisitorSession {
  /** Where the visitor is, their back stack and the scroll positions along it. */
  readonly nav = new Navigation();
  /** The objects they saved to take home (My list). */
  readonly saved = new SavedItems();
  /** The language of the kiosk's own words: their choice, back to the default at reset. */
  readonly language = new Language();
  /** The words they typed into search, and the keyboard's letters (Latin or Cyrillic). */
  readonly search = new SearchDraft();
  /** Text size, contrast, motion and reach: their choices, back to the defaults at reset. */
  readonly accessibility = new AccessibilitySettings();
}

/** Clears what the document itself keeps between sessions: window scroll and keyboard focus. */
export function clearDocumentLeftovers(win: Window): void {
  if (typeof win.scrollTo === 'function') win.scrollTo({ top: 0, left: 0, behavior: 'instant' });
  const focused = win.document.activeElement;
  if (focused instanceof HTMLElement && focused !== win.document.body) focused.blur();
  // A selection cannot be made (kiosk guards), but one made by a script or a test must not stay.
  win.getSelection?.()?.removeAllRanges();
}
