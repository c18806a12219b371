/** How the staff screen writes sizes, durations, times and counts, in the staff member's language. */
import type { StaffHostView, StaffVersionView } from '@contract/types';
import type { Locale } from '../../i18n/languages';
import type { Translate } from '../../i18n/messages';

const UNITS = ['staff.bytes', 'staff.kb', 'staff.mb', 'staff.gb', 'staff.tb'] as const;

/** 1.5 GB, 320 MB, 12 KB (in the staff member's language). */
export function formatBytes(t: Translate, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return t(UNITS[unit]!, { value: Number(unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)) });
}

/** 3 d 4 h, 2 h 5 min, 40 s. */
export function formatDuration(t: Translate, seconds: number): string {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d > 0) return t('staff.days', { d, h });
  if (h > 0) return t('staff.hours', { h, m });
  if (m > 0) return t('staff.minutes', { m });
  return t('staff.seconds', { s });
}

/** A local date and time in `locale`, e.g. "27 Nov 2026, 10:41" or «27 нояб. 2026 г., 10:41». */
export function formatTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === 'en' ? 'en-GB' : locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "12 artifacts, 3 topics, 20 images". */
export function formatCounts(t: Translate, version: Pick<StaffVersionView, 'artifacts' | 'topics' | 'images'>): string {
  return [t('staff.artifacts', { count: version.artifacts }), t('staff.topics', { count: version.topics }), t('staff.images', { count: version.images })].join(', ');
}

/** "Electron 41.7.1 (chrome 140.0, node 22.1)", "Browser kiosk at http://127.0.0.1:4380/ (node 20.19.2)". */
export function formatHost(t: Translate, host: StaffHostView): string {
  const { electron, ...others } = host.versions;
  const versions = Object.entries(others).map(([name, version]) => `${name} ${version}`).join(', ');
  const name = host.kind === 'electron' ? `Electron ${electron ?? ''}`.trim() : t(host.kind === 'browser' ? 'staff.hostBrowser' : 'staff.hostUnknown');
  const at = host.address ? t('staff.hostAt', { host: name, address: host.address }) : name;
  return `${at}${versions ? ` (${versions})` : ''}`;
}
