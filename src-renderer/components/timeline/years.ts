/**
 * How years read, in the visitor's language: "1921", "500 BCE" / «500 до н. э.». The core hands
 * over bare years (and the package's own label when it gives one), so the era's wording comes
 * from the catalogue, never from the core.
 */
import type { Translate } from '../../i18n/messages';
import type { PeriodView, YearSpan } from '@contract/types';

// Years go in as strings: a number would be grouped ("1 921" in Russian).
const plain = (year: number) => String(Math.abs(year));

/** One year: 1921, or 500 BCE. */
export function yearText(t: Translate, year: number): string {
  return year < 0 ? t('timeline.yearBce', { year: plain(year) }) : plain(year);
}

/** A period: the package's label, else "1920–1923", "753–509 BCE", "50 BCE – 30 CE" or "1962". */
export function periodText(t: Translate, period: YearSpan & { label?: PeriodView['label'] }): string {
  if (period.label) return period.label;
  const { from, to } = period;
  if (from === to) return yearText(t, from);
  if (to < 0) return t('timeline.yearsBce', { from: plain(from), to: plain(to) });
  if (from < 0) return t('timeline.yearsAcrossEra', { from: plain(from), to: plain(to) });
  return t('timeline.years', { from: plain(from), to: plain(to) });
}

/** The years of the whole axis or of the part in view: "1917 – 1991". */
export function spanText(t: Translate, span: YearSpan): string {
  return t('timeline.span', { from: yearText(t, span.from), to: yearText(t, span.to) });
}
