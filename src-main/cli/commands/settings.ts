/** `vitrine settings` and `vitrine staff`: a kiosk's settings and its staff PIN. */
import { existsSync, readFileSync } from 'node:fs';
import { SETTINGS, type SettingKey, type Settings } from '../../core/settings/schema';
import { createSettingsStore, parseSettingInput, SettingError } from '../../core/settings/store';
import { createPinStore } from '../../core/staff/pin';
import { openStore } from '../../core/store/connection';
import { existingDataDir, rejectUnknownOptions, storePath, takeFlag, UsageError } from '../args';

/** vitrine settings [list | set KEY VALUE [KEY VALUE …] | reset KEY] [--data DIR] [--create] */
export async function settingsCommand(args: string[]): Promise<number> {
  const dataDir = existingDataDir(args, 'vitrine settings', true);
  const json = takeFlag(args, '--json');
  rejectUnknownOptions(args, 'settings');
  const [action = 'list', key, value] = args;
  const store = openStore(storePath(dataDir));
  try {
    const settings = createSettingsStore(store.db);
    if (action === 'set') {
      if (!key || value === undefined) throw new UsageError('settings set needs a KEY and a VALUE');
      const pairs = args.slice(1);
      if (pairs.length % 2 === 1) throw new UsageError(`settings set takes KEY VALUE pairs: "${pairs.at(-1)}" has no VALUE (a list is one VALUE: quote it, as '["a.pub", "b.pub"]')`);
      // Several pairs (a kiosk set up in one command) are kept together or not at all.
      const names: string[] = [];
      const setAll = store.db.transaction(() => {
        for (let i = 0; i < pairs.length; i += 2) {
          const [name, day] = pairs[i]!.split('.', 2) as [string, string | undefined];
          settings.set(name, settingValue(name, day, pairs[i + 1]!, settings.all()));
          names.push(name);
        }
      });
      try {
        // IMMEDIATE: it reads the settings, then writes, while a running kiosk may write too.
        setAll.immediate();
      } catch (error) {
        if (pairs.length > 2 && error instanceof SettingError) throw new SettingError(error.key, `${error.message} Nothing was changed.`);
        if (pairs.length > 2 && error instanceof UsageError) throw new UsageError(`${error.message} (nothing was changed)`);
        throw error;
      }
      for (const name of names) console.log(`${name} = ${JSON.stringify(settings.all()[name as SettingKey])}`);
    } else if (action === 'reset') {
      if (!key) throw new UsageError('settings reset needs a KEY');
      settings.reset(key);
      console.log(`${key} is back to its default: ${JSON.stringify(settings.all()[key as SettingKey])}`);
    } else if (action === 'list') {
      if (json) console.log(JSON.stringify(settings.all(), null, 2));
      else for (const [k, v] of Object.entries(settings.all())) console.log(`${k} = ${JSON.stringify(v)}\n    ${SETTINGS[k as SettingKey].about}`);
    } else throw new UsageError(`Unknown settings action "${action}"`);
  } finally {
    store.close();
  }
  return 0;
}

/**
 * A value typed on the command line, made what the setting holds (issue 17): trustedKeys may name
 * .pub files as well as give the keys' lines, one or a list; `openingHours.monday VALUE` sets one
 * day ("closed" or null for a closed day), keeping the others.
 */
function settingValue(key: string, day: string | undefined, text: string, current: Settings): unknown {
  const value = parseSettingInput(text);
  if (key === 'openingHours' && day !== undefined) {
    if (!(day in current.openingHours)) throw new UsageError(`openingHours.${day}: the days are ${Object.keys(current.openingHours).join(', ')}`);
    return { ...current.openingHours, [day]: value === 'closed' ? null : value };
  }
  if (day !== undefined) throw new UsageError(`Only openingHours is set one part at a time (openingHours.monday …); ${key}.${day} is not a setting`);
  if (key === 'trustedKeys') {
    const keys = Array.isArray(value) ? value : [value];
    return keys.map((k) => (typeof k === 'string' && existsSync(k) ? readFileSync(k, 'utf8').trim() : k));
  }
  return value;
}

/** vitrine staff set-pin <digits|-> [--data DIR] [--create] */
export async function staffCommand(args: string[]): Promise<number> {
  const dataDir = existingDataDir(args, 'vitrine staff', true);
  rejectUnknownOptions(args, 'staff');
  const [action, given] = args;
  if (action !== 'set-pin') throw new UsageError(action ? `Unknown staff action "${action}"` : 'staff needs an action: set-pin');
  if (given === undefined) throw new UsageError('staff set-pin needs the PIN (4 to 8 digits), or "-" to read it from standard input');
  const pin = given === '-' ? readFileSync(0, 'utf8').trim() : given;
  const store = openStore(storePath(dataDir));
  try {
    await createPinStore(store.db).set(pin);
  } finally {
    store.close();
  }
  console.log('The staff PIN is set. Staff open staff mode with the reserved gesture and this PIN.');
  return 0;
}
