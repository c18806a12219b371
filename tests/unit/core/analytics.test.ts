// @vitest-environment node
/**
 * Visitor analytics in the core (issue 21): a visit's events become hourly counts when it ends,
 * under the hour it began and the content it saw; a search's words are kept only once enough
 * visits typed them; nothing about a visit in progress is written; queues are bounded and what
 * they drop is counted; a store that will not take a write loses nothing it can keep; old counts
 * go after the retention period; and the summary answers the questions curators ask.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEvent, RecordActivityArgs } from '../../../src-main/contract/analytics';
import { recordActivitySchema } from '../../../src-main/contract/analytics';
import { ActivityRecorder, hourOf, type AnalyticsSettings } from '../../../src-main/core/analytics/recorder';
import { createReports, toCsv } from '../../../src-main/core/analytics/report';
import { lengthBucket, tallyVisit } from '../../../src-main/core/analytics/tally';
import { createMemoryLogger } from '../../../src-main/core/log';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { ManualClock } from '../../helpers/clock';
import { tempDir } from '../../helpers/packages';

const CONTENT = 'test-exhibit@1.0.0';
let root: ReturnType<typeof tempDir>;
let store: Store;
let clock: ManualClock;
let settings: AnalyticsSettings;
let recorder: ActivityRecorder;
let visits = 0;

beforeEach(() => {
  root = tempDir('vitrine-analytics-');
  store = openStore(join(root.path, 'vitrine.sqlite'));
  clock = new ManualClock(new Date(2026, 11, 4, 10, 20).getTime());
  settings = { enabled: true, searchThreshold: 5, retentionDays: 400 };
  recorder = new ActivityRecorder({ db: store.db, clock, settings: () => settings, content: () => CONTENT, log: createMemoryLogger() });
});
afterEach(() => {
  store.close();
  root.cleanup();
});

const visitId = () => `visit-${String(++visits).padStart(4, '0')}-abcdefghij`;
const screen = (s: 'home' | 'topic' | 'artifact' | 'search', id: string | null, dwellMs: number): ActivityEvent => ({ kind: 'screen', screen: s, id, dwellMs });

/** A whole visit in one batch, `lengthMs` long, ending now; returns its id. */
function visit(events: ActivityEvent[], lengthMs = 60_000, extra: Partial<RecordActivityArgs> = {}): string {
  const id = visitId();
  expect(recorder.accept({ visit: id, events, endedMs: lengthMs, ...extra })).toEqual({ accepted: true });
  return id;
}

const rows = () => store.db.prepare('SELECT hour, content, metric, subject, count, total FROM analytics_hours ORDER BY metric, subject').all() as Record<string, unknown>[];
const row = (metric: string, subject = '') => rows().find((r) => r.metric === metric && r.subject === subject);

describe('a visit becomes counts', () => {
  it('tallies what a visit did, languages and modes once per visit', () => {
    const tally = tallyVisit({
      events: [
        screen('home', null, 3000), screen('artifact', 'obj4', 20_000), { kind: 'zoom', artifact: 'obj4' }, screen('artifact', 'obj4', 5000),
        { kind: 'play', artifact: 'obj9', recording: 1, playedSeconds: 59.5, durationSeconds: 60 }, { kind: 'play', artifact: 'obj9', recording: 1, playedSeconds: 10, durationSeconds: 60 },
        { kind: 'language', language: 'ru' }, { kind: 'language', language: 'ru' }, { kind: 'mode', mode: 'reach' },
        { kind: 'search', query: 'stalin', results: 3 }, { kind: 'search', query: 'zzz', results: 0 }, { kind: 'take-home', codes: 2 },
      ],
      lengthMs: 93_000, idleMs: 4 * 60_000 + 2000, dropped: 2,
    });
    const get = (metric: string, subject = '') => tally.find((t) => t.metric === metric && t.subject === subject);
    expect(get('visits')).toEqual({ metric: 'visits', subject: '', count: 1, total: 93 });
    expect(get('visit-seconds', '95')?.count).toBe(1);
    expect(get('idle-seconds', '240')?.count).toBe(1);
    expect(get('open', 'obj4')).toMatchObject({ count: 2, total: 25_000 });
    expect(get('screen', 'artifact')).toMatchObject({ count: 2, total: 25_000 });
    expect(get('play', 'obj9#1')).toMatchObject({ count: 2, total: 69.5 });
    expect(get('play-complete', 'obj9#1')?.count).toBe(1);
    expect(get('language', 'ru')?.count).toBe(1);
    expect(get('search')).toMatchObject({ count: 2, total: 3 });
    expect(get('search-empty')?.count).toBe(1);
    expect(get('take-home')).toMatchObject({ count: 1, total: 2 });
    expect(get('dropped-events')?.count).toBe(2);
    // No search words in a tally: they wait for the threshold.
    expect(JSON.stringify(tally)).not.toContain('stalin');
  });

  it('rounds lengths to a step that grows with them', () => {
    expect([2400, 93_000, 599_000, 754_000, 4_000_000, 999_999_999].map(lengthBucket)).toEqual([0, 95, 600, 780, 4200, 86_400]);
  });

  it('writes nothing while the visit goes on, then its counts under the hour it began, a moment after it ends', () => {
    const id = visitId();
    recorder.accept({ visit: id, events: [screen('home', null, 1000)] });
    clock.advance(50 * 60_000); // the visit began at 10:20 and ends at 11:10
    recorder.accept({ visit: id, events: [screen('artifact', 'obj1', 4000)], endedMs: 50 * 60_000 });
    expect(rows()).toEqual([]);
    clock.advance(1000);
    expect(row('visits')).toEqual({ hour: '2026-12-04T10', content: CONTENT, metric: 'visits', subject: '', count: 1, total: 3000 });
    expect(row('open', 'obj1')?.count).toBe(1);
  });

  it('ends a visit not heard of for half an hour where it stopped, and counts the idle time between visits', () => {
    recorder.accept({ visit: visitId(), events: [screen('home', null, 1000)] });
    clock.advance(31 * 60_000);
    recorder.sweep();
    clock.advance(1000);
    expect(row('visits')?.count).toBe(1);
    clock.advance(2 * 60_000);
    visit([screen('home', null, 500)], 10_000);
    recorder.flush();
    // It ended when last heard (10:20); the next began at 10:53:01 - 10 s: about 32 minutes between.
    expect(rows().filter((r) => r.metric === 'idle-seconds').map((r) => r.subject)).toEqual(['1980']);
  });

  it('records nothing when staff turned analytics off, or before any content is live', () => {
    settings.enabled = false;
    expect(recorder.accept({ visit: visitId(), events: [], endedMs: 1000 })).toEqual({ accepted: false });
    recorder.flush();
    expect(rows()).toEqual([]);
  });
});

describe('privacy', () => {
  it('keeps a search\'s words only once the threshold of visits typed them, counting each visit once', () => {
    for (let i = 0; i < 4; i++) visit([{ kind: 'search', query: i % 2 ? 'Stalin ' : 'stalin', results: 2 }, { kind: 'search', query: 'stalin', results: 2 }]);
    recorder.flush();
    expect(row('search-words', 'stalin')).toBeUndefined();
    visit([{ kind: 'search', query: 'STALIN', results: 2 }]);
    recorder.flush();
    expect(row('search-words', 'stalin')?.count).toBe(5);
    visit([{ kind: 'search', query: 'stalin', results: 2 }]);
    recorder.flush();
    expect(row('search-words', 'stalin')?.count).toBe(6);
    expect(row('search')?.count).toBe(10);
  });

  it('leaves no visit id, no time finer than an hour and no search under the threshold anywhere in the data folder', () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push(visit([screen('search', null, 2000), { kind: 'search', query: `rare words ${i}`, results: i % 3 }, { kind: 'search', query: 'famine', results: 4 }], 30_000 + i * 1000));
      clock.advance(7 * 60_000 + 13_000);
    }
    recorder.flush();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    // Every byte of every file of the store (the database, its WAL and journal).
    const bytes = readdirSync(root.path).map((f) => readFileSync(join(root.path, f)).toString('latin1')).join('\n');
    for (const id of ids) expect(bytes).not.toContain(id);
    for (let i = 0; i < 30; i++) expect(bytes).not.toContain(`rare words ${i}`);
    expect(bytes).toContain('famine');
    // Every text of every table: no time finer than the hour.
    const db = new Database(join(root.path, 'vitrine.sqlite'), { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const texts = tables.flatMap((t) => (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]).flatMap((r) => Object.values(r).filter((v): v is string => typeof v === 'string')));
    db.close();
    expect(texts.filter((t) => /\d{2}:\d{2}|T\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\d{2}\d/.test(t))).toEqual([]);
    expect(texts.filter((t) => /^\d{4}-\d{2}-\d{2}T\d{2}$/.test(t)).length).toBeGreaterThan(0);
  });
});

describe('bounds', () => {
  it('refuses a batch of more than 500 events at the contract, and caps a visit at 5,000, counting what it drops', () => {
    expect(recordActivitySchema.safeParse({ visit: visitId(), events: Array(501).fill({ kind: 'zoom', artifact: 'a' }) }).success).toBe(false);
    const id = visitId();
    for (let i = 0; i < 11; i++) recorder.accept({ visit: id, events: Array(500).fill({ kind: 'zoom', artifact: 'a' }), dropped: i === 0 ? 3 : 0 });
    recorder.accept({ visit: id, events: [], endedMs: 1000 });
    recorder.flush();
    expect(row('zoom', 'a')?.count).toBe(5000);
    expect(row('dropped-events')?.count).toBe(503);
  });

  it('keeps the counts when the store is locked by another process, and writes them once it is free', () => {
    const other = new Database(join(root.path, 'vitrine.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    visit([screen('home', null, 1000)]);
    const started = performance.now();
    recorder.flush();
    expect(performance.now() - started).toBeLessThan(1000); // not the store's usual 5 s wait
    other.exec('ROLLBACK');
    other.close();
    expect(rows()).toEqual([]);
    clock.advance(30_000);
    expect(row('visits')?.count).toBe(1);
  });

  it('forgets counts older than the retention period', () => {
    visit([]);
    recorder.flush();
    settings.retentionDays = 3;
    clock.advance(3 * 86_400_000 - 3_600_000);
    recorder.sweep();
    expect(rows()).toHaveLength(2);
    clock.advance(2 * 3_600_000);
    recorder.sweep();
    expect(rows()).toEqual([]);
  });
});

describe('what staff read', () => {
  it('summarises visits by hour, lengths, objects, searches without results, languages and modes', () => {
    const lengths = [20, 40, 60, 80, 100, 120, 140, 160, 180, 600];
    lengths.forEach((s, i) => {
      visit([screen('artifact', i < 7 ? 'obj1' : 'obj2', 5000), { kind: 'language', language: i < 3 ? 'ru' : 'en' }, ...(i === 0 ? [{ kind: 'mode', mode: 'reach' } as const] : []), { kind: 'search', query: 'Lenin', results: 0 }], s * 1000);
      clock.advance(60_000);
    });
    recorder.flush();
    const summary = createReports(store.db).summary({ from: '2026-12-04', to: '2026-12-04', content: CONTENT });
    expect(summary.visits).toBe(10);
    expect(summary.visitsByHour[10]).toBe(10);
    expect(summary.visitLength).toEqual({ median: 100, p90: 180 });
    expect(summary.topObjects).toEqual([{ id: 'obj1', title: null, opens: 7 }, { id: 'obj2', title: null, opens: 3 }]);
    expect(summary.unansweredSearches).toEqual([{ words: 'lenin', visits: 10 }]);
    expect(summary.searchesWithoutResults).toBe(10);
    expect(summary.languages).toEqual([{ language: 'en', visits: 7 }, { language: 'ru', visits: 3 }]);
    expect(summary.modes).toEqual([{ mode: 'reach', visits: 1 }]);
    expect(summary.neverOpened).toBeNull(); // no live exhibit in this store
    expect(createReports(store.db).summary({ from: '2026-12-04', to: '2026-12-04', content: 'other@2' }).visits).toBe(0);
  });

  it('exports CSV a spreadsheet reads as data: quoted where needed, a visitor\'s = or + never a formula', () => {
    const csv = toCsv([
      { hour: '2026-12-04T10', content: CONTENT, metric: 'search-words', subject: '=HYPERLINK("x")', count: 5, total: 0 },
      { hour: '2026-12-04T10', content: CONTENT, metric: 'search-words', subject: 'lenin, stalin', count: 6, total: 0 },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'hour,content,metric,subject,count,total',
      `2026-12-04T10,${CONTENT},search-words,"'=HYPERLINK(""x"")",5,0`,
      `2026-12-04T10,${CONTENT},search-words,"lenin, stalin",6,0`,
      '',
    ]);
  });

  it('files an hour in local time', () => {
    expect(hourOf(new Date(2026, 0, 2, 3, 59).getTime())).toBe('2026-01-02T03');
  });
});
