// @vitest-environment node
/**
 * `vitrine preview`'s builds (issue 17): the curator's folder imported through the kiosk's one
 * importer; a text edit processes no image again; a mistake keeps the last good build live and
 * lists every problem; fixing it builds again. The folder itself is never written to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryLogger } from '../../../src-main/core/log';
import { PreviewBuilder } from '../../../src-main/core/preview/builder';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { writeExhibitFolder } from '../../helpers/exhibit-folder';
import { folderFingerprint, tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let core: VitrineCore;
let builder: PreviewBuilder;
let source: string;
const ON_BOARD = 'sections/leaving/01-on-board.md';

beforeAll(async () => {
  root = tempDir();
  source = await writeExhibitFolder(join(root.path, 'exhibit'));
  core = await openVitrine({ dataDir: join(root.path, 'preview-data'), builtinPackage: null, log: createMemoryLogger(), preview: () => builder.state() });
  builder = new PreviewBuilder({ sourceDir: source, store: core.store, mediaDir: core.mediaDir });
});
afterAll(() => {
  core.close();
  root.cleanup();
});

const edit = (file: string, from: string, to: string) => writeFileSync(join(source, file), readFileSync(join(source, file), 'utf8').replace(from, to));
const essay = async () => JSON.stringify(await core.api.getTopic({ id: 'on-board' }));

describe('a preview build', () => {
  it('the first build processes every image and goes live; getPreviewState says so', async () => {
    const files = folderFingerprint(source);
    expect(await builder.rebuild()).toMatchObject({ ok: true, newImages: 3 });
    expect(await core.api.getPreviewState({})).toMatchObject({ folder: source, build: 1, attempt: 1, problems: [] });
    expect((await core.api.getKioskConfig({})).preview).toBe(true);
    expect(await essay()).toContain('nine days in good weather');
    expect(folderFingerprint(source)).toEqual(files);
  });

  it('a text edit is live in the next build, and no image is processed again', async () => {
    edit(ON_BOARD, 'nine days in good weather', 'eight days in good weather');
    expect(await builder.rebuild()).toMatchObject({ ok: true, newImages: 0 });
    expect(await essay()).toContain('eight days in good weather');
  });

  it('a mistake is listed with its file and line, and the last good build stays live; a fix builds again', async () => {
    edit(ON_BOARD, 'title: On Board', 'titel: On Board');
    expect(await builder.rebuild()).toMatchObject({ ok: false });
    const state = await core.api.getPreviewState({});
    expect(state).toMatchObject({ build: 2, attempt: 3 });
    expect(state.problems).toEqual([{ file: ON_BOARD, place: 'line 2', expected: expect.stringMatching(/^"titel" is not a key of the front matter: did you mean "title"\?/) }]);
    expect(await essay()).toContain('eight days');
    edit(ON_BOARD, 'titel: On Board', 'title: On Board');
    expect(await builder.rebuild()).toMatchObject({ ok: true, newImages: 0 });
    expect((await core.api.getPreviewState({})).problems).toEqual([]);
  });
});
