/**
 * Reading and writing settings in the store. Reads fall back to defaults for keys never set
 * (and for a stored value a newer schema no longer accepts, which is logged, not fatal: a kiosk
 * must start). Writes validate first and refuse with a clear sentence.
 */
import type { Db } from '../store/connection';
import type { Logger } from '../log';
import { SETTINGS, defaultSettings, isSettingKey, type SettingKey, type Settings } from './schema';

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
}

/** Settings over one database connection. */
export function createSettingsStore(db: Db, log?: Logger): SettingsStore {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');

  const known = (key: string): SettingKey => {
    if (!isSettingKey(key)) throw new SettingError(key, `There is no setting "${key}". Settings: ${Object.keys(SETTINGS).join(', ')}.`);
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
      if (!parsed.success) {
        throw new SettingError(k, `${k} must be ${SETTINGS[k].expected}; got ${JSON.stringify(value)}.`);
      }
      upsert.run(k, JSON.stringify(parsed.data), new Date().toISOString());
    },
    reset(key) {
      remove.run(known(key));
    },
  };
}

/** Parses a value typed on the command line: JSON when it parses, else the plain string. */
export function parseSettingInput(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
