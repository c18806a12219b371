/** Accessible names the kiosk composes from its own words and the package's. */
import type { Translate } from './messages';

/**
 * "Open {title}" for a card that opens an object, with the stand-in label when the card shows
 * one: a name must hold every word the card shows that a visitor might say (WCAG 2.5.3), and a
 * screen-reader user must learn, as a sighted one does, that the picture is not the original.
 */
export function openName(t: Translate, title: string, standIn = false): string {
  return standIn ? `${t('object.open', { title })}, ${t('object.standIn')}` : t('object.open', { title });
}
