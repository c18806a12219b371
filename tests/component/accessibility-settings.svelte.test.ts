// @vitest-environment happy-dom
/**
 * The visitor's accessibility settings: defaults, the system's reduced-motion setting honoured
 * (and not undone by the visitor), the root attributes CSS reads, and the reset a new visitor
 * gets (a new VisitorSession), with the kiosk's root following it.
 */
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { AccessibilitySettings, applyToRoot, rootAttributes, TEXT_SIZES } from '../../src-renderer/state/accessibility.svelte';
import { VisitorSession } from '../../src-renderer/state/visitor-session.svelte';

/** A stand-in for `prefers-reduced-motion`, switchable like the system setting. */
const system = (current: boolean) => ({ current });

describe('AccessibilitySettings', () => {
  it('starts at normal text, normal contrast, full motion and the usual layout', () => {
    const settings = new AccessibilitySettings(system(false));
    expect([settings.textSize, settings.highContrast, settings.reducedMotion, settings.reach, settings.changed]).toEqual([100, false, false, false, false]);
    expect(rootAttributes(settings)).toEqual({ 'data-text-size': undefined, 'data-contrast': undefined, 'data-motion': undefined, 'data-reach': undefined });
  });

  it('offers normal text and at least three larger steps', () => {
    expect(TEXT_SIZES[0]).toBe(100);
    expect(TEXT_SIZES.filter((size) => size > 100).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...TEXT_SIZES)).toBe(200);
  });

  it('honours the system asking for reduced motion, which the visitor cannot turn off', () => {
    const preference = system(true);
    const settings = new AccessibilitySettings(preference);
    expect([settings.reducedMotion, settings.systemReducedMotion, settings.changed]).toEqual([true, true, false]);
    expect(rootAttributes(settings)['data-motion']).toBe('reduced');
    settings.reduceMotion = false;
    expect(settings.reducedMotion).toBe(true);
  });

  it('lets the visitor ask for reduced motion when the system does not', () => {
    const settings = new AccessibilitySettings(system(false));
    settings.reduceMotion = true;
    expect([settings.reducedMotion, settings.changed]).toEqual([true, true]);
  });

  it('reads the real system setting by default (prefers-reduced-motion)', () => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    expect(new AccessibilitySettings().systemReducedMotion).toBe(query.matches);
  });

  it('writes its choices on the root as attributes, and removes them when off', () => {
    const root = document.createElement('html');
    const settings = new AccessibilitySettings(system(false));
    settings.textSize = 200;
    settings.highContrast = true;
    settings.reach = true;
    applyToRoot(root, settings);
    expect([root.dataset.textSize, root.dataset.contrast, root.dataset.reach, root.dataset.motion]).toEqual(['200', 'high', 'on', undefined]);
    settings.reset();
    applyToRoot(root, settings);
    expect(root.getAttributeNames()).toEqual([]);
  });

  it('reset restores every default', () => {
    const settings = new AccessibilitySettings(system(false));
    settings.textSize = 150;
    settings.highContrast = true;
    settings.reduceMotion = true;
    settings.reach = true;
    settings.reset();
    expect([settings.textSize, settings.highContrast, settings.reducedMotion, settings.reach, settings.changed]).toEqual([100, false, false, false, false]);
  });

  it('belongs to the visitor: the next VisitorSession starts from the defaults, and an effect follows', () => {
    // As Kiosk.svelte holds it: the current session in state, replaced whole at reset.
    const kiosk = $state({ session: new VisitorSession() });
    const root = document.createElement('html');
    const cleanup = $effect.root(() => {
      $effect(() => applyToRoot(root, kiosk.session.accessibility));
    });
    flushSync();
    kiosk.session.accessibility.textSize = 200;
    kiosk.session.accessibility.reach = true;
    flushSync();
    expect([root.dataset.textSize, root.dataset.reach]).toEqual(['200', 'on']);

    kiosk.session = new VisitorSession();
    flushSync();
    expect(kiosk.session.accessibility.textSize).toBe(100);
    expect([root.dataset.textSize, root.dataset.reach]).toEqual([undefined, undefined]);
    cleanup();
  });
});
