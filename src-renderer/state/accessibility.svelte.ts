/**
 * One visitor's accessibility choices (issue 6, "Accessibility settings"): larger text, high
 * contrast, reduced motion and reach mode. They live in the VisitorSession, so the idle reset
 * brings the next visitor the defaults with no extra code: a choice never outlives a visit.
 *
 * The kiosk applies them as attributes on the root element (applyToRoot), so CSS does the work
 * (styles/accessibility.css) and no component needs to know, but for the few that move things in
 * script (the deep-zoom viewer, the attract slides, smooth scrolling): they ask `reducedMotion`.
 */
import { prefersReducedMotion } from 'svelte/motion';

/** The text sizes on offer, in per cent of normal: normal and three steps above (WCAG 1.4.4). */
export const TEXT_SIZES = [100, 125, 150, 200] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** Where the system's own setting is read from: `prefers-reduced-motion` (a test passes a fake). */
export interface MotionPreference {
  readonly current: boolean;
}

export class AccessibilitySettings {
  #system: MotionPreference;

  /** Text size in per cent of normal. */
  textSize = $state<TextSize>(100);
  /** Text at least 7:1 on its ground, borders and focus drawn stronger. */
  highContrast = $state(false);
  /** The visitor asked for less motion here (the system may ask too: see `reducedMotion`). */
  reduceMotion = $state(false);
  /** Every control in the lower part of the screen, for seated visitors and children. */
  reach = $state(false);

  constructor(system: MotionPreference = prefersReducedMotion) {
    this.#system = system;
  }

  /** Less motion, asked for here or by the system: what the UI honours. */
  get reducedMotion(): boolean {
    return this.reduceMotion || this.#system.current;
  }

  /** True when the system asks for reduced motion, so the switch shows it as on and locked. */
  get systemReducedMotion(): boolean {
    return this.#system.current;
  }

  /** True while any choice differs from the default. */
  get changed(): boolean {
    return this.textSize !== 100 || this.highContrast || this.reduceMotion || this.reach;
  }

  /** Back to the defaults (also what a new visitor gets: a new VisitorSession). */
  reset(): void {
    this.textSize = 100;
    this.highContrast = false;
    this.reduceMotion = false;
    this.reach = false;
  }
}

/** The root attributes the stylesheet reads; an attribute is absent while its choice is off. */
export function rootAttributes(settings: AccessibilitySettings): Record<string, string | undefined> {
  return {
    'data-text-size': settings.textSize === 100 ? undefined : String(settings.textSize),
    'data-contrast': settings.highContrast ? 'high' : undefined,
    'data-motion': settings.reducedMotion ? 'reduced' : undefined,
    'data-reach': settings.reach ? 'on' : undefined,
  };
}

/** Writes the settings onto `root` (the <html> element) as attributes. */
export function applyToRoot(root: HTMLElement, settings: AccessibilitySettings): void {
  for (const [name, value] of Object.entries(rootAttributes(settings))) {
    if (value === undefined) root.removeAttribute(name);
    else root.setAttribute(name, value);
  }
}
