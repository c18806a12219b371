import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { dispatch } from '../../../src-main/core/dispatch';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { createMemoryLogger } from '../../../src-main/core/log';
import { readExhibitFolder } from '../../../src-main/core/packages/source-format/exhibit-folder';
import { BUILTIN_DIR, makePackage, tempDir } from '../../helpers/packages';

// The real built-in exhibit text, with small real images in place of the stand-ins (faster).
let root: ReturnType<typeof tempDir>;
let core: VitrineCore;

beforeAll(async () => {
  root = tempDir();
  const pkg = await makePackage(root.path, readExhibitFolder(BUILTIN_DIR, { images: false }));
  core = await openVitrine({ dataDir: join(root.path, 'data'), builtinPackage: pkg, log: createMemoryLogger() });
});
afterAll(() => {
  core.close();
  root.cleanup();
});

describe('API on the built-in exhibit', () => {
  it('getExhibit lists both sections; the one without content is marked so', async () => {
    const exhibit = await core.api.getExhibit({});
    expect(exhibit.title).toBe('Revelations from the Russian Archives');
    expect(exhibit.sections.map((s) => [s.title, s.hasContent, s.topicCount, s.artifactCount])).toEqual([
      ['Internal Workings of the Soviet System', false, 0, 0],
      ['The Soviet Union and the United States', true, 8, 9],
    ]);
    expect(exhibit.highlights.map((h) => h.id)).toEqual(['obj1', 'obj2', 'obj3', 'obj4', 'obj5', 'obj6', 'obj7', 'obj8', 'obj9']);
    expect(exhibit.highlights[0]!.thumb?.thumb).toMatch(/^\/media\/[0-9a-f]{64}\.webp$/);
    // Without an attract section in the package: every artifact with an image, under the exhibit title.
    expect(exhibit.attract).toMatchObject({ title: exhibit.title, invitation: null });
    expect(exhibit.attract.artifacts).toHaveLength(9);
  });

  it('getSection groups consecutive topics by era, and keeps a topic without an era on its own', async () => {
    const section = await core.api.getSection({ id: 'the-soviet-union-and-the-united-states' });
    expect(section.introduction).toHaveLength(3);
    expect(section.eras.map((g) => [g.era, g.topics.map((t) => t.title)])).toEqual([
      ['Early Cooperation', ['American Famine Relief', 'Economic Cooperation']],
      [null, ['Soviet and American Communist Parties']],
      ['World War II', ['Alliance', 'American POWs and MIAs']],
      ['Cold War', ['Postwar Estrangement', 'Soviet Perspectives', 'Cuban Missile Crisis']],
    ]);
  });

  it('getTopic interleaves paragraphs and artifacts as the source does', async () => {
    const topic = await core.api.getTopic({ id: 'postwar-estrangement' });
    expect(topic.blocks.map((b) => (b.type === 'paragraph' ? 'p' : b.artifact.id))).toEqual(['p', 'obj6', 'p', 'p', 'p', 'obj7']);
    expect(topic).toMatchObject({ era: 'Cold War', previousId: 'american-pows-and-mias', nextId: 'soviet-perspectives' });
  });

  it('getArtifact gives pages, caption, permanent address and says when there is no translation', async () => {
    const obj4 = await core.api.getArtifact({ id: 'obj4' });
    expect(obj4.images.map((i) => i.page)).toEqual([1, 2]);
    expect(obj4.translation).toBeNull();
    expect(obj4.translationNote).toMatch(/not included/);
    expect(obj4.permanentUrl).toBe('https://www.loc.gov/exhibits/archives/sovi.html#obj4');
    expect(obj4.topic).toEqual({ id: 'alliance', title: 'Alliance', era: 'World War II' });
    const obj6 = await core.api.getArtifact({ id: 'obj6' });
    expect(obj6.caption).toMatch(/^Joseph Stalin \(right center, rear in white uniform\)/);
    expect([obj6.previousId, obj6.nextId]).toEqual(['obj5', 'obj7']);
  });

  it('search finds text through the FTS index, folding diacritics and matching prefixes', async () => {
    const detente = await core.api.search({ query: 'detente' });
    expect(detente.hits.map((h) => h.id)).toContain('the-soviet-union-and-the-united-states');
    const famine = await core.api.search({ query: 'famin reli' });
    expect(famine.hits[0]).toMatchObject({ kind: 'topic', id: 'american-famine-relief' });
    expect(famine.hits[0]!.snippet).toContainEqual({ text: 'famine', match: true });
    const potsdam = await core.api.search({ query: 'Potsdam' });
    expect(potsdam.hits.map((h) => h.id)).toContain('obj6');
    expect(await core.api.search({ query: '"NEAR(' })).toMatchObject({ hits: [] });
  });

  it('getKioskConfig gives the renderer its settings, defaults first, then what staff set', async () => {
    expect(await core.api.getKioskConfig({})).toEqual({ idleTimeoutSeconds: 90, idleCountdownSeconds: 15, attractSlideSeconds: 8, showCursor: false, volumeCeilingPercent: 100, preview: false });
    core.settings.set('idleTimeoutSeconds', 30);
    expect((await core.api.getKioskConfig({})).idleTimeoutSeconds).toBe(30);
    core.settings.reset('idleTimeoutSeconds');
  });

  it('getQr encodes the text as a square matrix', async () => {
    const qr = await core.api.getQr({ text: 'https://www.loc.gov/exhibits/archives/sovi.html#obj1' });
    expect(qr.cells).toHaveLength(qr.size * qr.size);
    expect(qr.cells).toMatch(/^[01]+$/);
  });

  it('unknown ids are a not-found error through dispatch, bad arguments a bad-request', async () => {
    expect(await dispatch(core.api, 'getTopic', { id: 'nope' })).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no topic "nope" in this exhibit.' } });
    const bad = await dispatch(core.api, 'getTopic', { id: '../etc' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('argument "id"') } });
    expect(await dispatch(core.api, 'dropTables', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch(core.api, 'getExhibit', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('keeps the search index in step when a package version is deleted', () => {
    const db = core.store.db;
    const before = (db.prepare('SELECT count(*) n FROM search_index').get() as { n: number }).n;
    expect(before).toBeGreaterThan(40);
    db.pragma('foreign_keys = ON');
    db.transaction(() => {
      db.prepare('DELETE FROM live').run();
      db.prepare('DELETE FROM package_versions').run();
    })();
    expect((db.prepare('SELECT count(*) n FROM search_index').get() as { n: number }).n).toBe(0);
  });
});
