/**
 * Every kiosk setting: its schema, its default, and a sentence saying what a valid value is.
 * Settings are changed by staff (the staff screen, or `vitrine settings` for what needs typing)
 * and read by both hosts and the renderer; a bad value is refused with that sentence and never stored.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { isEd25519PublicKey } from '../packages/signing';

// The messages are the words staff read when one value in a larger setting is refused.
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time "HH:MM" (24-hour clock)');
const day = z
  .strictObject({ open: hhmm, close: hhmm })
  .refine((d) => d.open < d.close, 'an opening time before the closing time')
  .nullable();

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const openingHours = z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, day])) as Record<Weekday, typeof day>);
export type OpeningHours = z.output<typeof openingHours>;

const seconds = (min: number, max: number) => z.number().int().min(min).max(max);

/** Each setting: schema, default, and what a valid value looks like, in words. */
export const SETTINGS = {
  idleTimeoutSeconds: {
    schema: seconds(5, 3600),
    default: 90,
    expected: 'a whole number of seconds from 5 to 3600',
    about: 'Time without a touch before the "Still exploring?" countdown appears.',
  },
  idleCountdownSeconds: {
    schema: seconds(3, 120),
    default: 15,
    expected: 'a whole number of seconds from 3 to 120',
    about: 'Length of the countdown before the kiosk resets for the next visitor.',
  },
  attractSlideSeconds: {
    schema: seconds(3, 120),
    default: 8,
    expected: 'a whole number of seconds from 3 to 120',
    about: 'How long each artifact stays on the attract screen.',
  },
  showCursor: {
    schema: z.boolean(),
    default: false,
    expected: 'true or false',
    about: 'Show the mouse pointer (for demonstrations with a mouse); hidden on touch kiosks.',
  },
  volumeCeilingPercent: {
    schema: z.number().int().min(10).max(100),
    default: 100,
    expected: 'a whole number from 10 to 100',
    about: "The loudest films and sound recordings play, in per cent of the computer's own volume.",
  },
  openingHours: {
    schema: openingHours,
    default: Object.fromEntries(WEEKDAYS.map((d) => [d, { open: '08:00', close: '20:00' }])) as OpeningHours,
    expected: 'an object with monday … sunday, each {"open":"HH:MM","close":"HH:MM"} (open before close) or null for a closed day',
    about: 'When the display is kept awake. Outside these hours the system may sleep the screen.',
  },
  nightlyRelaunch: {
    schema: hhmm.nullable(),
    default: null as string | null,
    expected: 'a time "HH:MM" (24-hour clock), or null for never',
    about: 'Relaunch the kiosk every night at this time, outside opening hours (Electron only).',
  },
  keepVersions: {
    schema: z.number().int().min(1).max(20),
    default: 3,
    expected: 'a whole number from 1 to 20',
    about: 'How many earlier content versions are kept for rollback, besides the live one.',
  },
  trustedKeys: {
    schema: z.array(z.string().refine(isEd25519PublicKey, 'the one line of a .pub file made by vitrine keygen')).max(20),
    default: [] as string[],
    expected: 'a list of at most 20 public keys, each the one line of a .pub file made by vitrine keygen (or [] to accept unsigned packages)',
    about: 'When not empty, only packages signed by one of these keys are imported.',
  },
  analyticsEnabled: {
    schema: z.boolean(),
    default: true,
    expected: 'true or false',
    about: 'Count what visitors do, by the hour and never about a person (docs/analytics.md).',
  },
  analyticsSearchThreshold: {
    schema: z.number().int().min(2).max(100),
    default: 5,
    expected: 'a whole number from 2 to 100',
    about: 'How many visits must type the same search before its words are kept.',
  },
  analyticsRetentionDays: {
    schema: z.number().int().min(1).max(3650),
    default: 400,
    expected: 'a whole number of days from 1 to 3650',
    about: 'How long the hourly visitor counts are kept.',
  },
  inboxDir: {
    schema: z.string().min(1).refine(isAbsolute, 'an absolute folder path').nullable(),
    default: null as string | null,
    expected: 'the absolute path of a folder, such as "/media/usb", or null for no inbox',
    about: 'A folder (e.g. where a USB stick mounts) watched for new content packages to import.',
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { -readonly [K in SettingKey]: z.output<(typeof SETTINGS)[K]['schema']> };

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** The defaults of every setting (a fresh object each time). */
export function defaultSettings(): Settings {
  return structuredClone(Object.fromEntries(Object.entries(SETTINGS).map(([k, v]) => [k, v.default]))) as Settings;
}
