// @vitest-environment node
/**
 * What `vitrine preview` watches (core/preview/watch-tree.ts). A curator's walk: three saves of
 * exhibit.yaml by an editor that writes a new file and renames it over the old (as sed -i does)
 * made one rebuild; Node 20's recursive watch on Linux lost the file after the first. Each save
 * here, at the top and in a folder made after the watch began, must be seen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchTree, type TreeWatcher } from '../../../src-main/core/preview/watch-tree';
import { tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let watcher: TreeWatcher | null = null;
beforeEach(() => {
  root = tempDir();
});
afterEach(() => {
  watcher?.close();
  root.cleanup();
});

/** Saves `text` to `path` as such editors do: a new file beside it, renamed over it. */
function saveByReplacing(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

describe('watchTree', () => {
  it('sees every save that replaces a file, at the top and in a folder made later', async () => {
    const yaml = join(root.path, 'exhibit.yaml');
    writeFileSync(yaml, 'title: one\n');
    let events = 0;
    watcher = watchTree(root.path, () => events++);
    for (const text of ['title: two\n', 'title: three\n', 'title: four\n']) {
      const before = events;
      saveByReplacing(yaml, text);
      await vi.waitFor(() => expect(events).toBeGreaterThan(before), { timeout: 2000 });
    }
    const made = events;
    mkdirSync(join(root.path, 'sections', 'leaving'), { recursive: true });
    // Watched as soon as their making is seen (the listener looks for new folders first).
    await vi.waitFor(() => expect(events).toBeGreaterThan(made), { timeout: 2000 });
    const topic = join(root.path, 'sections', 'leaving', '01-on-board.md');
    for (const text of ['# On board, again\n', '# On board, once more\n']) {
      const before = events;
      saveByReplacing(topic, text);
      await vi.waitFor(() => expect(events).toBeGreaterThan(before), { timeout: 2000 });
    }
  });

  it('sees nothing once closed', async () => {
    let events = 0;
    watcher = watchTree(root.path, () => events++);
    watcher.close();
    writeFileSync(join(root.path, 'exhibit.yaml'), 'title: one\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toBe(0);
  });
});
