import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenCache } from '../../src-renderer/state/screen-cache';
import { loadScreen, screensOneTapAway } from '../../src-renderer/state/screen-data';
import { kioskApi, openKiosk, type RecordedApi } from './real-kiosk';

afterEach(() => {
  vi.useRealTimers();
});

// Real ids of the built-in exhibit, as the core serves it.
const { read } = await openKiosk();
const SECTION = read.exhibit().sections.find((s) => s.hasContent)!.id;
const [TOPIC, OTHER_TOPIC] = read.section(SECTION).eras.flatMap((e) => e.topics.map((t) => t.id));
const ARTIFACTS = read.exhibit().highlights.map((a) => a.id);

const countOf = (api: RecordedApi, method: string) => api.calls.filter((c) => c.method === method).length;

describe('ScreenCache', () => {
  it('answers a content read it has seen without asking the API again, with the same value', async () => {
    const api = await kioskApi();
    const cache = new ScreenCache(api);
    const first = await cache.api.getTopic({ id: TOPIC! });
    const again = await cache.api.getTopic({ id: TOPIC! });
    expect(again).toBe(first);
    expect(countOf(api, 'getTopic')).toBe(1);
    await cache.api.getTopic({ id: OTHER_TOPIC! });
    expect(countOf(api, 'getTopic')).toBe(2);
  });

  it('never remembers search, health or staff verbs', async () => {
    const api = await kioskApi();
    const cache = new ScreenCache(api);
    await cache.api.search({ query: 'lend', limit: 5 });
    await cache.api.search({ query: 'lend', limit: 5 });
    await cache.api.getHealth({});
    await cache.api.getHealth({});
    expect(countOf(api, 'search')).toBe(2);
    expect(countOf(api, 'getHealth')).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('forgets a failure, so the next tap asks again', async () => {
    const api = await kioskApi({ failing: ['getSection'] });
    const cache = new ScreenCache(api);
    await expect(cache.api.getSection({ id: SECTION })).rejects.toThrow('The kiosk could not answer this request.');
    await Promise.resolve();
    expect(cache.size).toBe(0);
    await expect(cache.api.getSection({ id: SECTION })).rejects.toThrow();
    expect(countOf(api, 'getSection')).toBe(2);
  });

  it('keeps at most its bound, dropping the answer used longest ago', async () => {
    const api = await kioskApi();
    const cache = new ScreenCache(api, 2);
    const [a, b, c] = ARTIFACTS as [string, string, string];
    await cache.api.getArtifact({ id: a });
    await cache.api.getArtifact({ id: b });
    await cache.api.getArtifact({ id: a }); // used again: now the most recent
    await cache.api.getArtifact({ id: c }); // pushes out b
    expect(cache.size).toBe(2);
    await cache.api.getArtifact({ id: a });
    expect(countOf(api, 'getArtifact')).toBe(3);
    await cache.api.getArtifact({ id: b });
    expect(countOf(api, 'getArtifact')).toBe(4);
  });

  it('reads ahead one screen per idle moment, and a newer list replaces the older one', async () => {
    vi.useFakeTimers();
    const api = await kioskApi();
    const cache = new ScreenCache(api);
    cache.warm([(a) => a.getTopic({ id: TOPIC! }), (a) => a.getTopic({ id: OTHER_TOPIC! }), (a) => a.getSection({ id: SECTION })]);
    expect(countOf(api, 'getTopic')).toBe(0);
    await vi.advanceTimersByTimeAsync(60);
    expect(countOf(api, 'getTopic')).toBe(1);
    cache.warm([(a) => a.getArtifact({ id: ARTIFACTS[0]! })]);
    await vi.advanceTimersByTimeAsync(500);
    expect(api.calls.map((c) => c.method)).toEqual(['getTopic', 'getArtifact']);
    // What was read ahead is there for the tap.
    await cache.api.getArtifact({ id: ARTIFACTS[0]! });
    expect(countOf(api, 'getArtifact')).toBe(1);
  });

  it('stops reading ahead when the visit ends', async () => {
    vi.useFakeTimers();
    const api = await kioskApi();
    const cache = new ScreenCache(api);
    cache.warm([(a) => a.getTopic({ id: TOPIC! })]);
    cache.dispose();
    await vi.advanceTimersByTimeAsync(500);
    expect(api.calls).toEqual([]);
  });
});

describe('screensOneTapAway', () => {
  it('from home: the sections with content (and the timeline when the exhibit has one)', () => {
    const exhibit = read.exhibit();
    const next = screensOneTapAway({ kind: 'home', exhibit });
    const sections = exhibit.sections.filter((s) => s.hasContent).map((s) => ({ kind: 'section', id: s.id }));
    expect(next).toEqual([...sections, ...(exhibit.timeline ? [{ kind: 'timeline' }] : [])]);
    expect(sections.length).toBeGreaterThan(0);
  });

  it('from a section: its topics; from a topic: its objects, neighbours and section', () => {
    const section = read.section(SECTION);
    const topics = screensOneTapAway({ kind: 'section', section });
    expect(topics.map((s) => ('id' in s ? s.id : ''))).toEqual(section.eras.flatMap((e) => e.topics.map((t) => t.id)));
    expect(topics.every((s) => s.kind === 'topic')).toBe(true);

    const topic = read.topic(TOPIC!);
    const next = screensOneTapAway({ kind: 'topic', topic });
    const objects = topic.blocks.flatMap((b) => (b.type === 'artifact' ? [b.artifact.id] : []));
    expect(next.filter((s) => s.kind === 'artifact').map((s) => ('id' in s ? s.id : ''))).toEqual(objects);
    expect(objects.length).toBeGreaterThan(0);
    expect(next.at(-1)).toEqual({ kind: 'section', id: topic.section.id });
  });

  it('read ahead through the cache, a visitor’s next screens need no request', async () => {
    vi.useFakeTimers();
    const api = await kioskApi();
    const cache = new ScreenCache(api);
    const home = await loadScreen(cache.api, { kind: 'home' });
    const next = screensOneTapAway(home);
    cache.warm(next.map((screen) => (reader) => loadScreen(reader, screen)));
    await vi.advanceTimersByTimeAsync(60 * (next.length + 1));
    const before = api.calls.length;
    for (const screen of next) await loadScreen(cache.api, screen);
    expect(api.calls.length).toBe(before);
  });
});
