/** Accessible names the kiosk composes from its own words and the package's. */
import type { Translate } from './messages';

/**
 * "Open {title}" for a card that opens an object, followed by the other words the card shows
 * (its stand-in label, "Film" or "Sound recording", its action), in their order: a name must hold every word a visitor sees
 * on the control, so one who speaks them is understood (WCAG 2.5.3), and a screen-reader user
 * learns, as a sighted one does, that the picture is not the original.
 */
export function openName(t: Translate, title: string, shown: { standIn?: boolean; medium?: string; action?: string } = {}): string {
  return [t('object.open', { title }), shown.standIn ? t('object.standIn') : null, shown.medium ?? null, shown.action ?? null].filter((part) => part !== null).join(', ');
}
