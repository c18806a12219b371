/**
 * What a day's soak is held to, and its picture (scripts/soak.mjs --hours, issue 18). Samples are
 * the soak's, one after each idle reset: `at` (ISO time), renderer RSS, whole JS heap, host RSS.
 */
import { readFileSync } from 'node:fs';

const MB = 2 ** 20;
const HOUR_MS = 3_600_000;

/** Resident memory of process `pid` in bytes (Linux /proc), or null. */
export function hostRss(pid) {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

const hoursIn = (samples, s) => (Date.parse(s.at) - Date.parse(samples[0].at)) / HOUR_MS;

/** Growth of `key` from the first sample an hour or more in to the last; null without two. */
function growthAfterFirstHour(samples, key) {
  const later = samples.filter((s) => hoursIn(samples, s) >= 1 && typeof s[key] === 'number');
  return later.length < 2 ? null : later.at(-1)[key] / later[0][key] - 1;
}

/** The day's bounds, each with its figure and whether it was met (a missing figure is not met). */
export function dayBounds(samples) {
  const pct = (x) => (x === null ? 'not measured (the run was shorter than an hour and a sample)' : `${(x * 100).toFixed(1)} %`);
  const rss = samples.map((s) => s.rendererRssBytes).filter((v) => typeof v === 'number');
  const maxRss = rss.length ? Math.max(...rss) : null;
  const heap = growthAfterFirstHour(samples, 'heapUsedBytes');
  const host = growthAfterFirstHour(samples, 'hostRssBytes');
  return [
    { bound: 'renderer RSS at most 400 MB at every sample', figure: maxRss === null ? 'not measured' : `max ${(maxRss / MB).toFixed(1)} MB over ${rss.length} samples`, met: maxRss !== null && maxRss <= 400 * MB },
    { bound: 'whole JS heap growth under 10 % after the first hour', figure: pct(heap), met: heap !== null && heap < 0.1 },
    { bound: 'host process RSS flat (under 10 % growth after the first hour)', figure: pct(host), met: host !== null && host < 0.1 },
  ];
}

const SERIES = [
  { key: 'rendererRssBytes', name: 'renderer RSS', color: '#b3261e' },
  { key: 'hostRssBytes', name: 'host process RSS', color: '#1b5e9e' },
  { key: 'heapUsedBytes', name: 'renderer JS heap', color: '#2e7d32' },
];

/** An SVG line chart of the samples in MB over hours, with the 400 MB bound drawn. */
export function plotSamples(samples, { title }) {
  const [w, h, left, right, top, bottom] = [960, 480, 70, 20, 50, 60];
  const xs = samples.map((s) => hoursIn(samples, s));
  const maxX = Math.max(1, ...xs);
  const values = samples.flatMap((s) => SERIES.map((k) => s[k.key])).filter((v) => typeof v === 'number');
  const maxY = Math.max(450, ...values.map((v) => v / MB)) * 1.05;
  const x = (hours) => left + (hours / maxX) * (w - left - right);
  const y = (mb) => h - bottom - (mb / maxY) * (h - top - bottom);
  const esc = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const lines = SERIES.map((k) => {
    const points = samples.map((s, i) => (typeof s[k.key] === 'number' ? `${x(xs[i]).toFixed(1)},${y(s[k.key] / MB).toFixed(1)}` : null)).filter(Boolean);
    const dots = points.map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="2.5" fill="${k.color}"/>`);
    return `<polyline fill="none" stroke="${k.color}" stroke-width="2" points="${points.join(' ')}"/>${dots.join('')}`;
  });
  const yTicks = Array.from({ length: Math.floor(maxY / 100) + 1 }, (_, i) => i * 100);
  const xTicks = Array.from({ length: Math.floor(maxX) + 1 }, (_, i) => i);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="13">
<rect width="${w}" height="${h}" fill="#fff"/>
<text x="${left}" y="24" font-size="16">${esc(title)}</text>
${yTicks.map((t) => `<line x1="${left}" x2="${w - right}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/><text x="${left - 8}" y="${y(t) + 4}" text-anchor="end">${t}</text>`).join('\n')}
${xTicks.map((t) => `<text x="${x(t)}" y="${h - bottom + 20}" text-anchor="middle">${t} h</text>`).join('\n')}
<line x1="${left}" x2="${w - right}" y1="${y(400)}" y2="${y(400)}" stroke="#b3261e" stroke-dasharray="6 4"/><text x="${w - right}" y="${y(400) - 6}" text-anchor="end" fill="#b3261e">bound: renderer RSS 400 MB</text>
<text x="16" y="${top + (h - top - bottom) / 2}" transform="rotate(-90 16 ${top + (h - top - bottom) / 2})" text-anchor="middle">MB</text>
${lines.join('\n')}
${SERIES.map((k, i) => `<rect x="${left + i * 200}" y="${h - 24}" width="14" height="4" fill="${k.color}"/><text x="${left + i * 200 + 20}" y="${h - 18}">${k.name}</text>`).join('\n')}
</svg>
`;
}
