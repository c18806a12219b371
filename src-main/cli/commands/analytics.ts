/**
 * `vitrine analytics summary` and `vitrine analytics export` (issue 21): what visitors did, from
 * a kiosk's hourly counts, for staff at a terminal and for a museum's own spreadsheets. Reads the
 * store only (safe while the kiosk runs: SQLite's WAL lets a reader in beside the writer).
 */
import { writeFileSync } from 'node:fs';
import type { AnalyticsSummaryView, SecondsSpread } from '../../contract/analytics';
import { createReports, liveContent, localDay, toCsv, type ReportRange } from '../../core/analytics/report';
import { openStore } from '../../core/store/connection';
import { existingDataDir, rejectUnknownOptions, storePath, takeFlag, takeOption, UsageError } from '../args';

/** vitrine analytics summary [--days N | --from DAY --to DAY] [--all-content] [--json] · export --from DAY --to DAY [--format csv|json] [--out FILE] [--content C] */
export async function analyticsCommand(args: string[]): Promise<number> {
  const dataDir = existingDataDir(args, 'vitrine analytics');
  const action = args.shift();
  const from = takeOption(args, '--from');
  const to = takeOption(args, '--to');
  const daysText = takeOption(args, '--days');
  const allContent = takeFlag(args, '--all-content');
  const contentOption = takeOption(args, '--content');
  const json = takeFlag(args, '--json');
  const format = takeOption(args, '--format') ?? 'csv';
  const out = takeOption(args, '--out');
  rejectUnknownOptions(args, 'analytics');
  if (args.length > 0) throw new UsageError(`analytics ${action} takes no "${args[0]}"`);
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format is csv or json, not "${format}"`);

  const store = openStore(storePath(dataDir));
  try {
    const reports = createReports(store.db);
    // A summary is of one content (a new exhibit's figures are not mixed with the old one's);
    // an export holds every content's rows, each row saying whose it is.
    const content = contentOption ?? (allContent || action === 'export' ? null : liveContent(store.db));
    const range = (days: number): ReportRange => {
      if (from !== undefined || to !== undefined) {
        if (from === undefined || to === undefined) throw new UsageError('--from and --to go together (days as YYYY-MM-DD)');
        return { from, to, content };
      }
      return { from: localDay(Date.now(), days - 1), to: localDay(Date.now()), content };
    };
    const checked = <T>(read: () => T): T => {
      try {
        return read();
      } catch (error) {
        if (error instanceof RangeError) throw new UsageError(error.message);
        throw error;
      }
    };
    if (action === 'summary') {
      const days = daysText === undefined ? 7 : Number(daysText);
      if (!Number.isInteger(days) || days < 1 || days > 3650) throw new UsageError('--days is a whole number from 1 to 3650');
      const summary = checked(() => reports.summary(range(days)));
      console.log(json ? JSON.stringify(summary, null, 2) : summaryText(summary));
    } else if (action === 'export') {
      if (from === undefined || to === undefined) throw new UsageError('analytics export needs --from and --to (days as YYYY-MM-DD)');
      const rows = checked(() => reports.rows(range(1)));
      const text = format === 'csv' ? toCsv(rows) : JSON.stringify(rows, null, 2) + '\n';
      if (out) {
        writeFileSync(out, text);
        console.error(`${rows.length} rows written to ${out}`);
      } else process.stdout.write(text);
    } else throw new UsageError(action ? `Unknown analytics action "${action}"` : 'analytics needs summary or export');
  } finally {
    store.close();
  }
  return 0;
}

const duration = (s: number | null) => (s === null ? '-' : s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`);
const spreadText = (s: SecondsSpread) => `median ${duration(s.median)}, 90 % under ${duration(s.p90)}`;

/** The summary as a terminal shows it: the questions curators ask, one line or list each. */
export function summaryText(s: AnalyticsSummaryView): string {
  const busiest = s.visitsByHour.map((n, h) => ({ n, h })).filter((x) => x.n > 0).sort((a, b) => b.n - a.n).slice(0, 3);
  const list = <T>(items: T[], line: (item: T) => string) => (items.length === 0 ? ['  (none)'] : items.map((i) => `  ${line(i)}`));
  return [
    `Visitors from ${s.from} to ${s.to}${s.content ? `, content ${s.content}` : ', all content'}`,
    `Visits: ${s.visits}${busiest.length ? ` (busiest hours: ${busiest.map((b) => `${String(b.h).padStart(2, '0')}:00 ${b.n}`).join(', ')})` : ''}`,
    `Visit length: ${spreadText(s.visitLength)}`,
    `Idle between visits: ${spreadText(s.idleBetween)}`,
    'Most opened objects:',
    ...list(s.topObjects, (o) => `${o.opens} × ${o.title ?? o.id} (${o.id})`),
    ...(s.neverOpened ? ['Never opened:', ...list(s.neverOpened, (o) => `${o.title} (${o.id})`)] : []),
    `Searches: ${s.searches}, ${s.searchesWithoutResults} without results`,
    'Searches without results (typed by enough visits to be kept):',
    ...list(s.unansweredSearches, (q) => `${q.visits} × "${q.words}"`),
    `Languages: ${s.languages.map((l) => `${l.language} ${l.visits}`).join(', ') || '-'}`,
    `Accessibility modes: ${s.modes.map((m) => `${m.mode} ${m.visits}`).join(', ') || '-'}`,
    ...(s.droppedEvents > 0 ? [`Events lost (the store was busy): ${s.droppedEvents}`] : []),
  ].join('\n');
}
