/**
 * Package versions and the live pointer. A version is written aside ('incomplete'), becomes
 * 'ready' once its files are in place (the one pending version), and 'published' once it has
 * been live. Switching, rolling back and pruning each happen in one SQLite transaction; the
 * files that pruning frees are deleted afterwards (gc.ts), never before the commit.
 */
import { checkpoint } from '../checkpoints';
import type { Store } from '../store/connection';

export type VersionStatus = 'incomplete' | 'ready' | 'published';

export interface VersionRow {
  id: number;
  package_id: string;
  version: string;
  title: string;
  source: string;
  imported_at: string;
  published_at: string | null;
  status: VersionStatus;
  signed_by: string | null;
}

/** A switch or rollback that cannot be done, in words staff understand. */
export class VersionError extends Error {
  constructor(
    readonly reason: 'no-live' | 'no-earlier' | 'unknown-version' | 'not-ready',
    message: string,
  ) {
    super(message);
    this.name = 'VersionError';
  }
}

export interface SwitchOutcome {
  from: number | null;
  to: number;
  /** Versions deleted in the same transaction (older than keepVersions, or a superseded pending one). */
  removed: number[];
}

const COLUMNS = 'id, package_id, version, title, source, imported_at, published_at, status, signed_by';

/** Every version, newest first. */
export function listVersions(store: Store): VersionRow[] {
  return store.db.prepare<[], VersionRow>(`SELECT ${COLUMNS} FROM package_versions ORDER BY id DESC`).all();
}

/** One version, or null. */
export function getVersion(store: Store, id: number): VersionRow | null {
  return store.db.prepare<[number], VersionRow>(`SELECT ${COLUMNS} FROM package_versions WHERE id = ?`).get(id) ?? null;
}

/** The version waiting for the kiosk to be idle, or null. */
export function pendingVersion(store: Store): VersionRow | null {
  return store.db.prepare<[], VersionRow>(`SELECT ${COLUMNS} FROM package_versions WHERE status = 'ready' ORDER BY id DESC LIMIT 1`).get() ?? null;
}

function deleteVersions(store: Store, ids: number[]): void {
  // Cascades through exhibits, sections, artifacts, topics, blocks and media; triggers clear the search index.
  const remove = store.db.prepare<[number]>('DELETE FROM package_versions WHERE id = ?');
  for (const id of ids) remove.run(id);
}

/** Deletes versions whose import was cut short (rows written, files not all in place). */
export function discardIncomplete(store: Store): number[] {
  return store.db.transaction(() => {
    const ids = store.db.prepare<[], { id: number }>("SELECT id FROM package_versions WHERE status = 'incomplete'").all().map((r) => r.id);
    deleteVersions(store, ids);
    return ids;
  }).immediate();
}

/** Marks a written version ready (its files are in place); an older pending version is superseded and deleted. */
export function markReady(store: Store, id: number): number[] {
  return store.db.transaction(() => {
    const older = store.db.prepare<[number], { id: number }>("SELECT id FROM package_versions WHERE status = 'ready' AND id != ?").all(id).map((r) => r.id);
    deleteVersions(store, older);
    store.db.prepare<[number]>("UPDATE package_versions SET status = 'ready' WHERE id = ? AND status = 'incomplete'").run(id);
    checkpoint('ready');
    return older;
  }).immediate();
}

/** Published versions other than the live one beyond the `keep` newest: the ones pruning removes. */
function prunable(store: Store, keep: number): number[] {
  const live = store.liveVersionId();
  const others = store.db
    .prepare<[number], { id: number }>("SELECT id FROM package_versions WHERE status = 'published' AND id != ? ORDER BY id DESC")
    .all(live ?? -1)
    .map((r) => r.id);
  return others.slice(Math.max(0, keep));
}

function makeLive(store: Store, id: number, now: Date): void {
  store.setLive(id);
  store.db.prepare<[string, number]>("UPDATE package_versions SET status = 'published', published_at = ? WHERE id = ?").run(now.toISOString(), id);
}

/** Makes a ready version live and prunes versions beyond `keep`, in one transaction. */
export function publishVersion(store: Store, id: number, options: { keep: number; now?: Date }): SwitchOutcome {
  return store.db.transaction((): SwitchOutcome => {
    const row = getVersion(store, id);
    if (!row || row.status === 'incomplete') throw new VersionError('not-ready', `Version ${id} is not ready to go live.`);
    const from = store.liveVersionId();
    makeLive(store, id, options.now ?? new Date());
    const removed = prunable(store, options.keep);
    deleteVersions(store, removed);
    checkpoint('switch');
    return { from, to: id, removed };
  }).immediate();
}

/**
 * Switches back to an earlier version (by default the newest one older than the live one), in
 * one transaction. A version still waiting to go live is dropped: staff asked for this content.
 */
export function rollbackVersion(store: Store, options: { to?: number; keep: number; now?: Date }): SwitchOutcome {
  return store.db.transaction((): SwitchOutcome => {
    const from = store.liveVersionId();
    if (from === null) throw new VersionError('no-live', 'No content is live on this kiosk yet, so there is nothing to roll back.');
    const earlier = store.db
      .prepare<[number], { id: number }>("SELECT id FROM package_versions WHERE status = 'published' AND id != ? ORDER BY id DESC")
      .all(from)
      .map((r) => r.id);
    const to = options.to ?? earlier.find((id) => id < from);
    if (to === undefined) throw new VersionError('no-earlier', 'There is no earlier version to go back to.');
    if (!earlier.includes(to)) {
      const known = earlier.length ? `the earlier versions are ${earlier.join(', ')}` : 'there are no earlier versions';
      throw new VersionError('unknown-version', to === from ? `Version ${to} is already live.` : `There is no earlier version ${to} on this kiosk (${known}).`);
    }
    // Only 'ready': an 'incomplete' one belongs to an import still running, which owns its rows.
    const pending = store.db.prepare<[], { id: number }>("SELECT id FROM package_versions WHERE status = 'ready'").all().map((r) => r.id);
    deleteVersions(store, pending);
    makeLive(store, to, options.now ?? new Date());
    const pruned = prunable(store, options.keep);
    deleteVersions(store, pruned);
    const removed = [...pending, ...pruned];
    checkpoint('switch');
    return { from, to, removed };
  }).immediate();
}
