import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/core/store/connection';
import { createSettingsStore, parseSettingInput, SettingError } from '../../../src-main/core/settings/store';
import { defaultSettings } from '../../../src-main/core/settings/schema';
import { isOpen, msUntil } from '../../../src-main/core/settings/hours';
import { createMemoryLogger } from '../../../src-main/core/log';

const fresh = () => {
  const store = openStore(':memory:');
  return { store, settings: createSettingsStore(store.db) };
};

describe('settings', () => {
  it('answers defaults for keys never set', () => {
    const { settings } = fresh();
    expect(settings.all()).toEqual(defaultSettings());
    expect(settings.get('idleTimeoutSeconds')).toBe(90);
    expect(settings.get('idleCountdownSeconds')).toBe(15);
  });

  it('stores a valid value and reads it back', () => {
    const { settings } = fresh();
    settings.set('idleTimeoutSeconds', 120);
    settings.set('showCursor', true);
    settings.set('nightlyRelaunch', '03:30');
    expect(settings.all()).toMatchObject({ idleTimeoutSeconds: 120, showCursor: true, nightlyRelaunch: '03:30' });
    settings.reset('idleTimeoutSeconds');
    expect(settings.get('idleTimeoutSeconds')).toBe(90);
  });

  it('refuses a bad value with a clear sentence and stores nothing', () => {
    const { store, settings } = fresh();
    const refused = (key: string, value: unknown) => {
      try {
        settings.set(key, value);
      } catch (error) {
        expect(error).toBeInstanceOf(SettingError);
        return (error as Error).message;
      }
      throw new Error(`${key}=${JSON.stringify(value)} was accepted`);
    };
    expect(refused('idleTimeoutSeconds', 'abc')).toBe('idleTimeoutSeconds must be a whole number of seconds from 5 to 3600; got "abc".');
    expect(refused('idleTimeoutSeconds', 2)).toMatch(/from 5 to 3600; got 2/);
    expect(refused('idleCountdownSeconds', 7.5)).toMatch(/whole number/);
    expect(refused('nightlyRelaunch', '25:00')).toMatch(/HH:MM/);
    expect(refused('openingHours', { monday: { open: '18:00', close: '09:00' } })).toMatch(/monday … sunday/);
    expect(refused('volume', 3)).toMatch(/^There is no setting "volume"\. Settings: /);
    // A curator's walk: a mistyped setting was listed among all of them, with no hint.
    expect(refused('keepVerions', 3)).toMatch(/^There is no setting "keepVerions"\. Did you mean "keepVersions"\? Settings: /);
    expect(store.db.prepare('SELECT count(*) n FROM settings').get()).toEqual({ n: 0 });
  });

  it("names the one wrong part of a larger value, in the schema's words", () => {
    const { settings } = fresh();
    const week = defaultSettings().openingHours;
    const refusal = (key: string, value: unknown) => {
      try {
        settings.set(key, value);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refusal('openingHours', { ...week, tuesday: { open: '18:00', close: '17:00' } })).toBe(
      'openingHours.tuesday must be an opening time before the closing time; got {"open":"18:00","close":"17:00"}.',
    );
    expect(refusal('openingHours', { ...week, friday: { open: '09:00', close: '24:00' } })).toBe(
      'openingHours.friday.close must be a time "HH:MM" (24-hour clock); got "24:00".',
    );
    expect(refusal('trustedKeys', ['not a key'])).toBe('trustedKeys[0] must be the one line of a .pub file made by vitrine keygen; got "not a key".');
    // Several mistakes at once: the whole expectation, as before.
    expect(refusal('openingHours', { monday: null })).toMatch(/^openingHours must be an object with monday … sunday/);
    expect(refusal('inboxDir', 'usb')).toBe('inboxDir must be the absolute path of a folder, such as "/media/usb", or null for no inbox; got "usb".');
    // Issue 17: a mistyped folder was taken, an inbox nothing would ever arrive in.
    expect(refusal('inboxDir', '/media/usbb-nowhere')).toBe('inboxDir must be a folder that exists; "/media/usbb-nowhere" does not (check the spelling; for a USB stick, plug one in once so its mount folder exists).');
  });

  it('tells its listeners of each change made through it, and of nothing refused', () => {
    const log = createMemoryLogger();
    const store = openStore(':memory:');
    const settings = createSettingsStore(store.db, log);
    const seen: string[] = [];
    const stop = settings.onChange((key) => seen.push(key));
    settings.onChange(() => {
      throw new Error('a host that could not apply it');
    });
    settings.set('nightlyRelaunch', '03:30');
    expect(() => settings.set('nightlyRelaunch', 'never')).toThrow(SettingError);
    settings.reset('nightlyRelaunch');
    expect(seen).toEqual(['nightlyRelaunch', 'nightlyRelaunch']);
    // A listener that fails is logged; the value is stored all the same.
    expect(log.entries.filter((e) => e.level === 'error').map((e) => e.message)).toEqual(['Applying the new nightlyRelaunch failed', 'Applying the new nightlyRelaunch failed']);
    stop();
    settings.set('showCursor', true);
    expect(seen).toHaveLength(2);
    expect(settings.get('showCursor')).toBe(true);
  });

  it('falls back to the default (and logs) when a stored value is no longer valid', () => {
    const store = openStore(':memory:');
    store.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('idleTimeoutSeconds', '\"soon\"', 'x')").run();
    const log = createMemoryLogger();
    expect(createSettingsStore(store.db, log).get('idleTimeoutSeconds')).toBe(90);
    expect(log.entries[0]).toMatchObject({ level: 'warn', area: 'settings' });
  });

  it('parses command-line values as JSON where they parse', () => {
    expect(parseSettingInput('90')).toBe(90);
    expect(parseSettingInput('null')).toBeNull();
    expect(parseSettingInput('03:00')).toBe('03:00');
  });
});

describe('opening hours', () => {
  const hours = { ...defaultSettings().openingHours, monday: null, tuesday: { open: '10:00', close: '18:00' } };
  it('knows when the museum is open', () => {
    expect(isOpen(hours, new Date(2026, 10, 24, 10, 0))).toBe(true); // a Tuesday, 10:00
    expect(isOpen(hours, new Date(2026, 10, 24, 9, 59))).toBe(false);
    expect(isOpen(hours, new Date(2026, 10, 24, 18, 0))).toBe(false);
    expect(isOpen(hours, new Date(2026, 10, 23, 12, 0))).toBe(false); // Monday: closed
  });
  it('counts the time to the next relaunch', () => {
    expect(msUntil('03:00', new Date(2026, 10, 24, 2, 0))).toBe(3600_000);
    expect(msUntil('03:00', new Date(2026, 10, 24, 4, 0))).toBe(23 * 3600_000);
  });
});
