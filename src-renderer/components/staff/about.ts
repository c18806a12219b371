/**
 * What a setting is for, in the staff member's language. The core describes each setting in
 * English (the CLI prints it too); the staff screen words the ones it knows from the catalogue,
 * and shows the core's sentence for a setting added later that the catalogue does not know yet.
 */
import type { StaffSettingView } from '@contract/types';
import { en } from '../../i18n/en';
import type { MessageKey, Translate } from '../../i18n/messages';

type AboutKey = Extract<MessageKey, `staff.about.${string}`>;

const isAboutKey = (key: string): key is AboutKey => key.startsWith('staff.about.') && key in en;

/** The catalogue's words for `setting`, else the core's own sentence. */
export function aboutSetting(t: Translate, setting: Pick<StaffSettingView, 'key' | 'about'>): string {
  const key = `staff.about.${setting.key}`;
  return isAboutKey(key) ? t(key) : setting.about;
}
