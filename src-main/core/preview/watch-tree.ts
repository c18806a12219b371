/**
 * Watches a curator's folder and everything under it for `vitrine preview`. Node's own recursive
 * watch on Linux (Node 20) follows each file, and loses one that an editor saves by writing a new
 * file and renaming it over the old (sed -i and many editors do): on a curator's walk the second
 * such save of exhibit.yaml was never rebuilt. Here each folder is watched itself, which sees a
 * file replaced in it, and a folder made later is watched as it appears. macOS and Windows watch
 * a tree natively, and do not lose replaced files.
 */
import { existsSync, readdirSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface TreeWatcher {
  close(): void;
}

/** Calls `changed` after anything under `root` changes (several times for one save: debounce it). */
export function watchTree(root: string, changed: () => void, platform: NodeJS.Platform = process.platform): TreeWatcher {
  if (platform === 'darwin' || platform === 'win32') {
    const native = watch(root, { recursive: true }, () => changed());
    return { close: () => native.close() };
  }
  const watchers = new Map<string, FSWatcher>();
  let closed = false;

  const forget = (dir: string) => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
  };
  // Every folder under root watched, and only those there now: run at the start and on each event.
  const sync = () => {
    if (closed) return;
    for (const dir of [...watchers.keys()]) if (!existsSync(dir)) forget(dir);
    const walk = (dir: string) => {
      if (!watchers.has(dir)) {
        try {
          const watcher = watch(dir, () => {
            sync();
            changed();
          });
          watcher.on('error', () => forget(dir)); // the folder went away meanwhile
          watchers.set(dir, watcher);
        } catch {
          return; // gone between the listing and the watch
        }
      }
      let entries: Dirent[] = [];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) if (entry.isDirectory()) walk(join(dir, entry.name));
    };
    walk(root);
  };
  sync();
  return {
    close: () => {
      closed = true;
      for (const dir of [...watchers.keys()]) forget(dir);
    },
  };
}
