/**
 * The inbox's memory in the store: which package files were taken (by name and SHA-256) and
 * what came of each, for staff to read. A file imported or refused is never taken again.
 */
import type { Db } from '../store/connection';

/** Imported, refused (the package is at fault), or failed (something else: retried by staff). */
export type InboxOutcome = 'imported' | 'refused' | 'failed';

/** One outcome, as staff see it. */
export interface InboxRecord {
  id: number;
  name: string;
  sha256: string;
  outcome: InboxOutcome;
  /** For staff: what was imported (with counts), or why the package was refused. */
  message: string;
  versionId: number | null;
  packageId: string | null;
  packageVersion: string | null;
  title: string | null;
  artifacts: number | null;
  images: number | null;
  finishedAt: string;
  /** Refused only for being older than (or the same as) what the kiosk has: staff may import it anyway. */
  older: boolean;
}

/** An outcome to record, with the file's size and time (to skip it cheaply next time). */
export type NewInboxRecord = Omit<InboxRecord, 'id'> & { bytes: number; mtimeMs: number };

interface Row {
  id: number;
  name: string;
  sha256: string;
  outcome: InboxOutcome;
  message: string;
  version_id: number | null;
  package_id: string | null;
  package_version: string | null;
  title: string | null;
  artifacts: number | null;
  images: number | null;
  finished_at: string;
  older: number;
}

const toRecord = (r: Row): InboxRecord => ({
  id: r.id, name: r.name, sha256: r.sha256, outcome: r.outcome, message: r.message, versionId: r.version_id,
  packageId: r.package_id, packageVersion: r.package_version, title: r.title, artifacts: r.artifacts, images: r.images, finishedAt: r.finished_at,
  older: r.older === 1,
});

/** Prepared reads and writes of the inbox table. */
export function inboxRecords(db: Db) {
  const insert = db.prepare(
    `INSERT INTO inbox_imports (name, sha256, bytes, mtime_ms, outcome, message, version_id, package_id, package_version, title, artifacts, images, finished_at, older)
     VALUES (@name, @sha256, @bytes, @mtimeMs, @outcome, @message, @versionId, @packageId, @packageVersion, @title, @artifacts, @images, @finishedAt, @olderFlag)`,
  );
  const byLook = db.prepare<[string, number, number], { outcome: InboxOutcome }>('SELECT outcome FROM inbox_imports WHERE name = ? AND bytes = ? AND mtime_ms = ? ORDER BY id DESC LIMIT 1');
  const byHash = db.prepare<[string, string], { outcome: InboxOutcome }>('SELECT outcome FROM inbox_imports WHERE sha256 = ? AND name = ? ORDER BY id DESC LIMIT 1');
  const recent = db.prepare<[number], Row>('SELECT * FROM inbox_imports ORDER BY id DESC LIMIT ?');
  const after = db.prepare<[number], Row>('SELECT * FROM inbox_imports WHERE id > ? ORDER BY id');
  const last = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM inbox_imports');
  return {
    /** The last outcome for a file with this name, size and time (no need to hash it again), or null. */
    outcomeAlike: (name: string, bytes: number, mtimeMs: number): InboxOutcome | null => byLook.get(name, bytes, mtimeMs)?.outcome ?? null,
    /** The last outcome for this exact content under this name, or null. */
    outcome: (sha256: string, name: string): InboxOutcome | null => byHash.get(sha256, name)?.outcome ?? null,
    add: (record: NewInboxRecord): InboxRecord => ({ ...record, id: Number(insert.run({ ...record, olderFlag: record.older ? 1 : 0 }).lastInsertRowid) }),
    /** The latest results, newest first. */
    recent: (limit: number): InboxRecord[] => recent.all(limit).map(toRecord),
    /** The id of the latest result (0 when none), to ask later for what came after it. */
    lastId: (): number => last.get()?.id ?? 0,
    /** Results recorded after the one with id `id`, oldest first. */
    after: (id: number): InboxRecord[] => after.all(id).map(toRecord),
  };
}
