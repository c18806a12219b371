/**
 * The kiosk's SQLite store: opens the file with the settings every connection needs, applies
 * migrations, refuses a database written by a newer Vitrine, and exposes the few writes and
 * reads the rest of the core builds on. All SQL values go through prepared statements.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';

export type Db = Database.Database;

/** Thrown when the database file belongs to a newer version of Vitrine. */
export class StoreVersionError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
    path: string,
  ) {
    super(
      `The database ${path} was written by a newer Vitrine (schema ${found}; this version understands up to ${supported}). ` +
        'Install the newer Vitrine again, or restore a backup made by this version.',
    );
    this.name = 'StoreVersionError';
  }
}

export interface Store {
  db: Db;
  path: string;
  /** Id of the package version visitors see, or null before the first import. */
  liveVersionId(): number | null;
  /** Makes a package version live (inside the caller's transaction if there is one). */
  setLive(versionId: number): void;
  close(): void;
}

/** Opens (creating and migrating if needed) the store at `path` (`:memory:` for tests). */
export function openStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    configure(db);
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  const getLive = db.prepare<[], { version_id: number }>('SELECT version_id FROM live WHERE id = 1');
  const putLive = db.prepare<[number]>(
    'INSERT INTO live (id, version_id) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET version_id = excluded.version_id',
  );
  return {
    db,
    path,
    liveVersionId: () => getLive.get()?.version_id ?? null,
    setLive: (versionId) => void putLive.run(versionId),
    close: () => {
      if (db.open) db.close();
    },
  };
}

function configure(db: Db): void {
  // WAL: readers never block the importer's writer, and a power cut leaves a consistent file.
  if (db.name !== ':memory:') db.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; a power cut may lose the last
  // commit but never corrupts the database.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Applies every migration newer than the file's user_version, all in one transaction. */
export function migrate(db: Db, path = db.name): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new StoreVersionError(current, SCHEMA_VERSION, path);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.up);
      // user_version cannot take a bound parameter; the value is our own integer constant.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }
  })();
}
