/**
 * Visitor analytics, the reading side (issue 21): a summary of a stretch of days for staff and
 * `vitrine analytics summary`, and every hourly row for `vitrine analytics export`. Reads only
 * analytics_hours, plus the live exhibit's objects for their titles and the never opened.
 */
import type { AnalyticsRow, AnalyticsSummaryView, SecondsSpread } from '../../contract/analytics';
import type { Db } from '../store/connection';

/** A stretch of local days, "YYYY-MM-DD", both included; `content` null for every content's figures. */
export interface ReportRange {
  from: string;
  to: string;
  content: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The hour keys of a range: from its first day's 00 to its last day's 23. */
function hours(range: ReportRange): [string, string] {
  if (!DAY.test(range.from) || !DAY.test(range.to)) throw new RangeError('days are written YYYY-MM-DD, such as 2026-12-04');
  // 2025-02-30 has the form of a day: it found nothing, and said so as if nobody had come.
  for (const day of [range.from, range.to]) if (!isCalendarDay(day)) throw new RangeError(`${day} is not a day of the calendar (days are written YYYY-MM-DD, such as 2026-12-04)`);
  if (range.to < range.from) throw new RangeError(`the last day (${range.to}) comes before the first (${range.from})`);
  return [`${range.from}T00`, `${range.to}T23`];
}

/** True when "YYYY-MM-DD" names a real day: month 1 to 12, and a day that month has. */
function isCalendarDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const d = new Date(Date.UTC(year, month - 1, date));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === date;
}

/** The local day `daysAgo` days before `now`, "YYYY-MM-DD". */
export function localDay(now: number, daysAgo = 0): string {
  const d = new Date(now);
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The live content, as analytics files it (`packageId@version`), or null. */
export function liveContent(db: Db): string | null {
  const row = db.prepare<[], { package_id: string; version: string }>('SELECT v.package_id, v.version FROM live l JOIN package_versions v ON v.id = l.version_id').get();
  return row ? `${row.package_id}@${row.version}` : null;
}

/** Median and 90th percentile of counts by bucket (subject = seconds). */
function spread(buckets: { subject: string; count: number }[]): SecondsSpread {
  const sorted = buckets.map((b) => ({ seconds: Number(b.subject), count: b.count })).sort((a, b) => a.seconds - b.seconds);
  const n = sorted.reduce((sum, b) => sum + b.count, 0);
  if (n === 0) return { median: null, p90: null };
  const at = (q: number) => {
    let seen = 0;
    for (const b of sorted) if ((seen += b.count) >= q * n) return b.seconds;
    return sorted.at(-1)!.seconds;
  };
  return { median: at(0.5), p90: at(0.9) };
}

export function createReports(db: Db) {
  const bySubject = db.prepare<[string, string, string, string | null, string | null], { subject: string; count: number; total: number }>(
    `SELECT subject, sum(count) AS count, sum(total) AS total FROM analytics_hours
     WHERE metric = ? AND hour BETWEEN ? AND ? AND (? IS NULL OR content = ?) GROUP BY subject ORDER BY sum(count) DESC, subject`,
  );
  const byHourOfDay = db.prepare<[string, string, string | null, string | null], { h: string; count: number }>(
    `SELECT substr(hour, 12, 2) AS h, sum(count) AS count FROM analytics_hours
     WHERE metric = 'visits' AND hour BETWEEN ? AND ? AND (? IS NULL OR content = ?) GROUP BY h`,
  );
  const liveObjects = db.prepare<[], { slug: string; title: string }>('SELECT a.slug, a.title FROM live l JOIN artifacts a ON a.version_id = l.version_id ORDER BY a.position');
  const rows = db.prepare<[string, string, string | null, string | null], AnalyticsRow>(
    `SELECT hour, content, metric, subject, count, total FROM analytics_hours
     WHERE hour BETWEEN ? AND ? AND (? IS NULL OR content = ?) ORDER BY hour, content, metric, subject`,
  );

  return {
    summary(range: ReportRange, top = 10): AnalyticsSummaryView {
      const [first, last] = hours(range);
      const metric = (name: string) => bySubject.all(name, first, last, range.content, range.content);
      const sum = (name: string) => metric(name).reduce((n, r) => n + r.count, 0);
      const visitsByHour = Array.from({ length: 24 }, () => 0);
      for (const r of byHourOfDay.all(first, last, range.content, range.content)) visitsByHour[Number(r.h)] = r.count;
      const objects = liveObjects.all();
      const titles = new Map(objects.map((o) => [o.slug, o.title]));
      const opens = metric('open');
      const opened = new Set(opens.map((o) => o.subject));
      const isLive = range.content !== null && range.content === liveContent(db);
      return {
        from: range.from,
        to: range.to,
        content: range.content,
        visits: sum('visits'),
        visitsByHour,
        visitLength: spread(metric('visit-seconds')),
        idleBetween: spread(metric('idle-seconds')),
        topObjects: opens.slice(0, top).map((o) => ({ id: o.subject, title: titles.get(o.subject) ?? null, opens: o.count })),
        neverOpened: isLive ? objects.filter((o) => !opened.has(o.slug)).map((o) => ({ id: o.slug, title: o.title })) : null,
        searches: sum('search'),
        searchesWithoutResults: sum('search-empty'),
        unansweredSearches: metric('search-words-empty').slice(0, top).map((r) => ({ words: r.subject, visits: r.count })),
        languages: metric('language').map((r) => ({ language: r.subject, visits: r.count })),
        modes: metric('mode').map((r) => ({ mode: r.subject, visits: r.count })),
        droppedEvents: sum('dropped-events'),
      };
    },

    /** Every hourly row of the range, in hour order: what `vitrine analytics export` writes. */
    rows(range: ReportRange): AnalyticsRow[] {
      const [first, last] = hours(range);
      return rows.all(first, last, range.content, range.content);
    },
  };
}

/** A cell a spreadsheet will not run: a visitor's words starting with = + - @ are data, not a formula. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV (RFC 4180, CRLF), with a header line. */
export function toCsv(list: readonly AnalyticsRow[]): string {
  const header = 'hour,content,metric,subject,count,total';
  return [header, ...list.map((r) => [r.hour, r.content, r.metric, r.subject, r.count, r.total].map(csvCell).join(','))].join('\r\n') + '\r\n';
}
