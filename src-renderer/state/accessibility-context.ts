/**
 * How components reach the visitor's accessibility settings without a singleton: Kiosk.svelte
 * provides them once, following the current VisitorSession, so a reset swaps them with it.
 */
import { getContext, setContext } from 'svelte';
import { AccessibilitySettings } from './accessibility.svelte';

const KEY = Symbol('vitrine.accessibility');

/** Gives every component below the settings of whichever session `current` returns at the time. */
export function provideAccessibility(current: () => AccessibilitySettings): void {
  setContext(KEY, current);
}

/** Mount options' `context` giving `settings` to a component mounted on its own (tests). */
export function accessibilityContext(settings: AccessibilitySettings): Map<symbol, () => AccessibilitySettings> {
  return new Map([[KEY, () => settings]]);
}

/**
 * The current visitor's settings, read through a getter so a template or effect follows a reset.
 * A component mounted on its own gets defaults of its own (with the system's motion setting).
 */
export function useAccessibility(): () => AccessibilitySettings {
  const provided = getContext<(() => AccessibilitySettings) | undefined>(KEY);
  if (provided) return provided;
  const own = new AccessibilitySettings();
  return () => own;
}
