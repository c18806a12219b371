import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openStore, StoreVersionError } from '../../../src-main/core/store/connection';
import { SCHEMA_VERSION } from '../../../src-main/core/store/migrations/index';
import { tempDir } from '../../helpers/packages';

const dirs: { cleanup: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

function freshPath(): string {
  const dir = tempDir();
  dirs.push(dir);
  return join(dir.path, 'vitrine.sqlite');
}

describe('store migrations', () => {
  it('creates a new database at the current schema version with WAL and foreign keys on', () => {
    const store = openStore(freshPath());
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.liveVersionId()).toBeNull();
    store.close();
  });

  it('makes every ordinary table STRICT', () => {
    const store = openStore(freshPath());
    const tables = store.db
      .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'")
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThanOrEqual(9);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    store.close();
  });

  it('reopens an up-to-date database without migrating again', () => {
    const path = freshPath();
    openStore(path).close();
    const store = openStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    store.close();
  });

  it('refuses a database written by a newer Vitrine, with a clear message, and leaves it untouched', () => {
    const path = freshPath();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openStore(path)).toThrow(StoreVersionError);
    expect(() => openStore(path)).toThrow(/newer Vitrine \(schema \d+; this version understands up to \d+\)/);
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    again.close();
  });

  it('rejects rows that break the schema (STRICT types and foreign keys)', () => {
    const store = openStore(freshPath());
    expect(() => store.db.prepare("INSERT INTO live (id, version_id) VALUES (1, 'abc')").run()).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => store.setLive(42)).toThrow(/FOREIGN KEY/);
    store.close();
  });
});
