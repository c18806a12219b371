/** `vitrine import`, `rollback` and `versions`: changing and reading a kiosk's content. */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importPackage } from '../../core/packages/importer';
import { createSettingsStore } from '../../core/settings/store';
import { openStore, type Store } from '../../core/store/connection';
import { collectGarbage } from '../../core/versions/gc';
import { withDataLock } from '../../core/versions/lock';
import { durably } from '../../core/versions/durable';
import { listVersions, rollbackVersion } from '../../core/versions/versions';
import { dataDirOption, existingDataDir, progress, rejectUnknownOptions, storePath, takeFlag, takeOption, UsageError } from '../args';

async function withStore<T>(dataDir: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(storePath(dataDir));
  try {
    return await use(store);
  } finally {
    store.close();
  }
}

/** vitrine import <package> [--now] [--allow-older] [--data DIR] */
export async function importCommand(args: string[]): Promise<number> {
  const dataDir = dataDirOption(args);
  const now = takeFlag(args, '--now');
  const allowOlder = takeFlag(args, '--allow-older');
  const json = takeFlag(args, '--json');
  rejectUnknownOptions(args, 'import');
  const [path] = args;
  if (!path) throw new UsageError('import needs a package');
  // Import may start a kiosk, as its first start does; but a refused one leaves no trace, so a
  // typo in --data never leaves an empty kiosk behind, and a new one is said to be new.
  const startsKiosk = !existsSync(storePath(dataDir));
  const before = existsSync(dataDir) ? new Set(readdirSync(dataDir)) : null;
  try {
    return await importInto(dataDir, path, { now, allowOlder, json, startsKiosk });
  } catch (error) {
    if (startsKiosk) removeAllBut(dataDir, before);
    throw error;
  }
}

/** Removes what appeared in `dir` since `before` was read (the whole folder when it was not there). */
function removeAllBut(dir: string, before: Set<string> | null): void {
  if (before === null) return rmSync(dir, { recursive: true, force: true });
  for (const entry of readdirSync(dir)) if (!before.has(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
}

async function importInto(dataDir: string, path: string, { now, allowOlder, json, startsKiosk }: { now: boolean; allowOlder: boolean; json: boolean; startsKiosk: boolean }): Promise<number> {
  return withStore(dataDir, async (store) => {
    const settings = createSettingsStore(store.db);
    const result = await importPackage(store, path, {
      mediaDir: join(dataDir, 'media'),
      source: path,
      publish: now ? 'now' : 'pending',
      keepVersions: settings.get('keepVersions'),
      trustedKeys: settings.get('trustedKeys'),
      allowOlder,
      onProgress: json ? undefined : progress('Importing', 'images'),
    });
    if (json) {
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    const when = result.live ? 'It is live now.' : 'The kiosk switches to it the next time its attract screen shows (or use --now if the kiosk is not running).';
    const started = startsKiosk ? ` There was no kiosk in ${resolve(dataDir)}: this import started one there.` : '';
    console.log(`Imported "${result.title}" ${result.version} as version ${result.versionId} (${result.artifacts} artifacts, ${result.images} images) in ${result.milliseconds} ms. ${when}${started}`);
    return 0;
  });
}

/** vitrine rollback [--to ID] [--data DIR] */
export async function rollbackCommand(args: string[]): Promise<number> {
  const toText = takeOption(args, '--to');
  const to = toText === undefined ? undefined : Number(toText);
  if (to !== undefined && (!Number.isInteger(to) || to <= 0)) throw new UsageError('--to needs a version id (a whole number, see vitrine versions)');
  const dataDir = existingDataDir(args, 'vitrine rollback');
  rejectUnknownOptions(args, 'rollback');
  if (args.length > 0) throw new UsageError(`rollback takes no ${args[0]}`);
  return withStore(dataDir, async (store) => {
    const settings = createSettingsStore(store.db);
    const outcome = durably(store, () => rollbackVersion(store, { to, keep: settings.get('keepVersions') }));
    // Files of a dropped waiting version go after the commit; a running import postpones this.
    await withDataLock(dataDir, () => collectGarbage(store, { mediaDir: join(dataDir, 'media'), tilesDir: join(dataDir, 'tiles') })).catch(() => undefined);
    const live = listVersions(store).find((v) => v.id === outcome.to)!;
    console.log(`Rolled back from version ${outcome.from} to version ${outcome.to}: "${live.title}" ${live.version}. It is live now.`);
    return 0;
  });
}

/** vitrine versions [--data DIR] */
export async function versionsCommand(args: string[]): Promise<number> {
  const dataDir = existingDataDir(args, 'vitrine versions');
  const json = takeFlag(args, '--json');
  rejectUnknownOptions(args, 'versions');
  return withStore(dataDir, async (store) => {
    const live = store.liveVersionId();
    const versions = listVersions(store).filter((v) => v.status !== 'incomplete');
    if (json) {
      const state = (v: (typeof versions)[number]) => (v.id === live ? 'live' : v.status === 'ready' ? 'waiting' : 'earlier');
      const list = versions.map((v) => ({ id: v.id, state: state(v), packageId: v.package_id, version: v.version, title: v.title, source: v.source, importedAt: v.imported_at, publishedAt: v.published_at, signedBy: v.signed_by }));
      console.log(JSON.stringify(list, null, 2));
      return 0;
    }
    if (versions.length === 0) console.log('No content versions yet.');
    for (const v of versions) {
      const state = v.id === live ? 'LIVE   ' : v.status === 'ready' ? 'WAITING' : '       ';
      console.log(`${state} ${String(v.id).padStart(4)}  "${v.title}" ${v.version}  imported ${v.imported_at}  from ${v.source}${v.signed_by ? `  signed ${v.signed_by}` : ''}`);
    }
    return 0;
  });
}
