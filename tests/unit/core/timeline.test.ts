/**
 * The timeline in the core (issue 6): periods written at import and read back from a real
 * SQLite store, the getTimeline verb and getExhibit's axis, and the ordering rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ApiImplementation } from '../../../src-main/contract/api';
import type { TimelineEntry } from '../../../src-main/contract/types';
import { createApi } from '../../../src-main/core/api';
import { importPackage } from '../../../src-main/core/packages/importer';
import { createSettingsStore } from '../../../src-main/core/settings/store';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { readExhibitFolder } from '../../../src-main/core/packages/source-format/exhibit-folder';
import { buildTimeline, periodLabel } from '../../../src-main/core/timeline';
import { BUILTIN_DIR, datedSource, makePackage, smallSource, tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
const stores: Store[] = [];

beforeAll(() => {
  root = tempDir();
});
afterAll(() => {
  stores.forEach((s) => s.close());
  root.cleanup();
});

/** A fresh store with `source` imported and live, and the API over it. */
async function kioskWith(name: string, source: Record<string, any>): Promise<{ store: Store; api: ApiImplementation }> {
  const store = openStore(join(root.path, name, 'vitrine.sqlite'));
  stores.push(store);
  await importPackage(store, await makePackage(root.path, source, `${name}-package`), { mediaDir: join(root.path, name, 'media'), source: 'test' });
  return { store, api: createApi(store, { startedAt: 0, settings: createSettingsStore(store.db) }) };
}

// The package's label, else the bare years (the renderer words those in the visitor's language).
const when = (e: TimelineEntry) => (e.period ? (e.period.label ?? (e.period.from === e.period.to ? `${e.period.from}` : `${e.period.from}–${e.period.to}`)) : '-');
const brief = (e: TimelineEntry) => (e.kind === 'topic' ? `${e.id} ${when(e)}` : `${e.id} ${when(e)} (${e.periodSource ?? 'undated'})`);

describe('periods in the store', () => {
  it('writes each period once, beside the content, and the exhibit axis', async () => {
    const { store } = await kioskWith('rows', datedSource());
    const rows = store.db
      .prepare(
        `SELECT coalesce(t.slug, a.slug) AS owner, p.year_from, p.year_to, p.label FROM periods p
         LEFT JOIN topics t ON t.id = p.topic_id LEFT JOIN artifacts a ON a.id = p.artifact_id ORDER BY p.year_from`,
      )
      .all();
    // A single year is stored as from = to; a label left out stays null (the renderer words the years).
    expect(rows).toEqual([
      { owner: 'alpha', year_from: 1920, year_to: 1923, label: '1920–1923' },
      { owner: 'a3', year_from: 1950, year_to: 1950, label: 'about 1950' },
      { owner: 'beta', year_from: 1962, year_to: 1962, label: null },
    ]);
    expect(store.db.prepare('SELECT timeline_from, timeline_to FROM exhibits').get()).toEqual({ timeline_from: 1900, timeline_to: 2000 });
  });

  it('refuses a period row that runs backwards or belongs to nothing, whatever writes it', async () => {
    const { store } = await kioskWith('checks', datedSource());
    const topic = store.db.prepare("SELECT id, version_id FROM topics WHERE slug = 'gamma'").get() as { id: number; version_id: number };
    const insert = store.db.prepare('INSERT INTO periods (version_id, topic_id, year_from, year_to) VALUES (?, ?, ?, ?)');
    expect(() => insert.run(topic.version_id, topic.id, 1930, 1920)).toThrow(/CHECK constraint/);
    expect(() => insert.run(topic.version_id, null, 1930, 1930)).toThrow(/CHECK constraint/);
    expect(() => store.db.prepare('UPDATE exhibits SET timeline_from = 2050').run()).toThrow(/CHECK constraint/);
    expect(() => store.db.prepare('UPDATE exhibits SET timeline_to = NULL').run()).toThrow(/CHECK constraint/);
  });

  it('goes with its version: deleting a version deletes its periods', async () => {
    const { store } = await kioskWith('cascade', datedSource());
    const versionId = store.liveVersionId()!;
    store.db.transaction(() => {
      store.db.prepare('DELETE FROM live').run();
      store.db.prepare('DELETE FROM package_versions WHERE id = ?').run(versionId);
    })();
    expect(store.db.prepare('SELECT count(*) AS n FROM periods').get()).toEqual({ n: 0 });
  });
});

describe('getTimeline and getExhibit', () => {
  let api: ApiImplementation;
  beforeAll(async () => {
    ({ api } = await kioskWith('dated', datedSource()));
  });

  it('lists dated topics and objects in time order, each object placed by its topic right after it', async () => {
    const timeline = await api.getTimeline({});
    expect(timeline.span).toEqual({ from: 1900, to: 2000 });
    expect(timeline.dated.map(brief)).toEqual(['alpha 1920–1923', 'a1 1920–1923 (topic)', 'a3 about 1950 (own)', 'beta 1962', 'a2 1962 (topic)']);
    expect(timeline.dated[1]).toMatchObject({ kind: 'artifact', title: 'Letter on grain', topic: { id: 'alpha', title: 'Alpha' } });
    expect(timeline.dated[0]).toMatchObject({ kind: 'topic', era: 'Early Years', artifactCount: 1, period: { from: 1920, to: 1923 } });
  });

  it('gives objects their thumbnails, as the exhibit does', async () => {
    const [timeline, exhibit] = await Promise.all([api.getTimeline({}), api.getExhibit({})]);
    const a1 = timeline.dated.find((e) => e.id === 'a1');
    expect(a1?.kind === 'artifact' && a1.thumb).toEqual(exhibit.highlights.find((h) => h.id === 'a1')?.thumb);
  });

  it('keeps what has no period apart, in exhibit order: an undated topic, and an object no topic places', async () => {
    const timeline = await api.getTimeline({});
    expect(timeline.undated.map(brief)).toEqual(['gamma -', 'a4 - (undated)']);
  });

  it('tells the home screen the axis, so it offers the timeline', async () => {
    expect((await api.getExhibit({})).timeline).toEqual({ from: 1900, to: 2000 });
  });

  it('spans the periods given when the package names no axis, and offers no timeline when nothing is dated', async () => {
    const source = datedSource();
    delete source.exhibit.timeline;
    const { api: derived } = await kioskWith('derived', source);
    expect((await derived.getTimeline({})).span).toEqual({ from: 1920, to: 1962 });
    expect((await derived.getExhibit({})).timeline).toEqual({ from: 1920, to: 1962 });

    const { api: plain } = await kioskWith('plain', smallSource());
    expect(await plain.getTimeline({})).toMatchObject({ span: null, dated: [] });
    expect((await plain.getTimeline({})).undated.map((e) => e.id)).toEqual(['alpha', 'a1', 'beta', 'a2', 'a3', 'gamma', 'a4']);
    expect((await plain.getExhibit({})).timeline).toBeNull();
  });
});

describe('the built-in exhibit, whose source carries the seed periods (scripts/seed-periods.mjs)', () => {
  it('imports, and puts seven topics and their objects on 1917–1991 and the POW topic under Undated', async () => {
    const { api } = await kioskWith('builtin', readExhibitFolder(BUILTIN_DIR, { images: false }));
    const timeline = await api.getTimeline({});
    expect(timeline.span).toEqual({ from: 1917, to: 1991 });
    expect(timeline.dated.filter((e) => e.kind === 'topic').map((e) => `${e.title} ${e.period!.label}`)).toEqual([
      'Soviet and American Communist Parties 1919–1991',
      'American Famine Relief 1920–1923',
      'Economic Cooperation 1921–1929',
      'Alliance 1941–1945',
      'Postwar Estrangement 1945–1946',
      'Soviet Perspectives 1947–1985',
      'Cuban Missile Crisis 1962',
    ]);
    // The seed dates no document: every object on the axis stands at its topic's period.
    const objects = timeline.dated.filter((e) => e.kind === 'artifact');
    expect(objects).toHaveLength(8);
    expect(objects.every((e) => e.kind === 'artifact' && e.periodSource === 'topic')).toBe(true);
    expect(timeline.undated.map((e) => e.id)).toEqual(['american-pows-and-mias', 'obj5']);
  });
});

describe('timeline rules', () => {
  it('keeps the package’s label, and words no years itself (BCE is the renderer’s, in the visitor’s language)', () => {
    expect(periodLabel({ from: 1920, to: 1923, label: 'early 1920s' })).toBe('early 1920s');
    expect(periodLabel({ from: 1962, to: 1962, label: null })).toBeNull();
    expect(periodLabel({ from: -753, to: -509, label: null })).toBeNull();
    expect(periodLabel({ from: -753, to: -509, label: '  ' })).toBeNull();
  });

  it('orders by start, then end, then exhibit order, and never dates an object its topic does not', () => {
    const t = (id: string, from: number | null, to = from) => ({ id, title: id, era: null, artifactCount: 0, period: from === null ? null : { from, to: to!, label: null } });
    const a = (id: string, topicId: string | null, from: number | null = null) => ({ id, title: id, thumb: null, recording: null, topicId, period: from === null ? null : { from, to: from, label: null } });
    const view = buildTimeline({
      span: null,
      topics: [t('long', 1950, 1990), t('short', 1950, 1952), t('same', 1950, 1952), t('none', null)],
      artifacts: [a('x', 'same'), a('y', 'short'), a('z', 'none'), a('w', 'none', 1940), a('v', null)],
    });
    expect(view.dated.map(brief)).toEqual(['w 1940 (own)', 'short 1950–1952', 'y 1950–1952 (topic)', 'same 1950–1952', 'x 1950–1952 (topic)', 'long 1950–1990']);
    expect(view.undated.map(brief)).toEqual(['none -', 'z - (undated)', 'v - (undated)']);
    expect(view.span).toEqual({ from: 1940, to: 1990 });
  });
});
