/** How the staff screen writes sizes, durations, times and counts. */
import type { StaffHostView, StaffVersionView } from '../../../src-main/contract/types';

/** 1.5 GB, 320 MB, 12 KB. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** 3 d 4 h, 2 h 5 min, 40 s. */
export function formatDuration(seconds: number): string {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min`;
  return `${s} s`;
}

/** A local date and time, e.g. "27 Nov 2026, 10:41". */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "12 artifacts, 3 topics, 20 images". */
export function formatCounts(version: Pick<StaffVersionView, 'artifacts' | 'topics' | 'images'>): string {
  return [plural(version.artifacts, 'artifact', 'artifacts'), plural(version.topics, 'topic', 'topics'), plural(version.images, 'image', 'images')].join(', ');
}

/** "Electron 41.7.1 (chrome 140.0, node 22.1)", "Browser kiosk at http://127.0.0.1:4380/ (node 20.19.2)". */
export function formatHost(host: StaffHostView): string {
  const { electron, ...others } = host.versions;
  const versions = Object.entries(others).map(([name, version]) => `${name} ${version}`).join(', ');
  const name = host.kind === 'electron' ? `Electron ${electron ?? ''}`.trim() : host.kind === 'browser' ? 'Browser kiosk' : 'Unknown host';
  const at = host.address ? ` at ${host.address}` : '';
  return `${name}${at}${versions ? ` (${versions})` : ''}`;
}
