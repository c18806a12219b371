/**
 * Reading and writing settings in the store. Reads fall back to defaults for keys never set
 * (and for a stored value a newer schema no longer accepts, which is logged, not fatal: a kiosk
 * must start). Writes validate first and refuse with a clear sentence.
 */
import { statSync } from 'node:fs';
import type { z } from 'zod';
import type { Db } from '../store/connection';
import type { Logger } from '../log';
import { SETTINGS, defaultSettings, isSettingKey, type SettingKey, type Settings } from './schema';
import { nearest } from '../../common/nearest';

/** A refused setting: which key, what was given, what was expected. */
export class SettingError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'SettingError';
  }
}

export interface SettingsStore {
  all(): Settings;
  get<K extends SettingKey>(key: K): Settings[K];
  /** Validates and stores one setting; throws SettingError for an unknown key or a bad value. */
  set(key: string, value: unknown): void;
  /** Forgets a stored value, so the default applies again. */
  reset(key: string): void;
  /**
   * Calls `listener` after each change made through this store (not through another process,
   * such as the CLI): hosts apply a new relaunch time or opening hours at once.
   */
  onChange(listener: (key: SettingKey) => void): () => void;
}

/** Settings over one database connection. */
export function createSettingsStore(db: Db, log?: Logger): SettingsStore {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  const listeners = new Set<(key: SettingKey) => void>();
  const changed = (key: SettingKey) => {
    for (const listener of [...listeners]) {
      try {
        listener(key);
      } catch (error) {
        log?.error('settings', `Applying the new ${key} failed`, error);
      }
    }
  };

  const known = (key: string): SettingKey => {
    if (!isSettingKey(key)) {
      const near = nearest(key, Object.keys(SETTINGS));
      throw new SettingError(key, `There is no setting "${key}".${near ? ` Did you mean "${near}"?` : ''} Settings: ${Object.keys(SETTINGS).join(', ')}.`);
    }
    return key;
  };

  const all = (): Settings => {
    const settings = defaultSettings() as Record<SettingKey, unknown>;
    for (const row of rows.all()) {
      if (!isSettingKey(row.key)) continue;
      const parsed = SETTINGS[row.key].schema.safeParse(JSON.parse(row.value));
      if (parsed.success) settings[row.key] = parsed.data;
      else log?.warn('settings', `Stored value of ${row.key} is no longer valid; using the default`, { value: row.value });
    }
    return settings as Settings;
  };

  return {
    all,
    get: (key) => all()[key],
    set(key, value) {
      const k = known(key);
      const parsed = SETTINGS[k].schema.safeParse(value);
      if (!parsed.success) throw new SettingError(k, refusal(k, value, parsed.error.issues));
      // Checked when set, not when read: a stick's mount point may come and go while the kiosk
      // runs, but a folder mistyped by staff would be an inbox nothing ever arrives in (issue 17).
      if (k === 'inboxDir' && typeof parsed.data === 'string' && !isFolder(parsed.data)) {
        throw new SettingError(k, `inboxDir must be a folder that exists; ${JSON.stringify(parsed.data)} does not (check the spelling; for a USB stick, plug one in once so its mount folder exists).`);
      }
      upsert.run(k, JSON.stringify(parsed.data), new Date().toISOString());
      changed(k);
    },
    reset(key) {
      const k = known(key);
      remove.run(k);
      changed(k);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * The sentence for a refused value. One mistake inside a larger value (one weekday of the
 * opening hours, one key of a list) is named with its place, in the schema's own words, so the
 * staff screen can say what to fix; anything else gets the setting's whole expectation.
 */
function refusal(key: SettingKey, value: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const [issue] = issues;
  if (issues.length === 1 && issue && issue.path.length > 0 && (issue.code === 'custom' || issue.code === 'invalid_format')) {
    const place = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    const given = issue.path.reduce<unknown>((v, p) => (v as Record<PropertyKey, unknown> | null)?.[p], value);
    return `${key}${place} must be ${issue.message}; got ${JSON.stringify(given)}.`;
  }
  return `${key} must be ${SETTINGS[key].expected}; got ${JSON.stringify(value)}.`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Parses a value typed on the command line: JSON when it parses, else the plain string. */
export function parseSettingInput(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
