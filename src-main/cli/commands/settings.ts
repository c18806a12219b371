/** `vitrine settings` and `vitrine staff`: a kiosk's settings and its staff PIN. */
import { readFileSync } from 'node:fs';
import { SETTINGS, type SettingKey } from '../../core/settings/schema';
import { createSettingsStore, parseSettingInput } from '../../core/settings/store';
import { createPinStore } from '../../core/staff/pin';
import { openStore } from '../../core/store/connection';
import { existingDataDir, rejectUnknownOptions, storePath, UsageError } from '../args';

/** vitrine settings [list | set KEY VALUE | reset KEY] [--data DIR] [--create] */
export async function settingsCommand(args: string[]): Promise<number> {
  const dataDir = existingDataDir(args, 'vitrine settings', true);
  rejectUnknownOptions(args, 'settings');
  const [action = 'list', key, value] = args;
  const store = openStore(storePath(dataDir));
  try {
    const settings = createSettingsStore(store.db);
    if (action === 'set') {
      if (!key || value === undefined) throw new UsageError('settings set needs a KEY and a VALUE');
      settings.set(key, parseSettingInput(value));
      console.log(`${key} = ${JSON.stringify(settings.all()[key as SettingKey])}`);
    } else if (action === 'reset') {
      if (!key) throw new UsageError('settings reset needs a KEY');
      settings.reset(key);
      console.log(`${key} is back to its default: ${JSON.stringify(settings.all()[key as SettingKey])}`);
    } else if (action === 'list') {
      for (const [k, v] of Object.entries(settings.all())) console.log(`${k} = ${JSON.stringify(v)}\n    ${SETTINGS[k as SettingKey].about}`);
    } else throw new UsageError(`Unknown settings action "${action}"`);
  } finally {
    store.close();
  }
  return 0;
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
