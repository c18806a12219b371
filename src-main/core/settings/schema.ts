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
  channelUrl: {
    schema: z
      .url({ protocol: /^https?$/, error: 'an http:// or https:// address' })
      .refine((u) => u.endsWith('/channel.json'), 'the address of a channel.json')
      .nullable(),
    default: null as string | null,
    expected: 'the http:// or https:// address of a channel.json written by vitrine publish, or null for no channel',
    about: 'A web server this kiosk pulls new content from (docs/fleet.md); it needs a trusted key.',
  },
  channelGroup: {
    schema: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a group name: lower-case letters, digits and hyphens').nullable(),
    default: null as string | null,
    expected: 'a group name of lower-case letters, digits and hyphens (at most 40), such as "east-wing", or null for the whole fleet',
    about: "This kiosk's group in the channel: it takes the group's package, else the fleet's.",
  },
  channelPollMinutes: {
    schema: z.number().int().min(1).max(1440),
    default: 15,
    expected: 'a whole number of minutes from 1 to 1440',
    about: 'How often the kiosk asks the channel for news (with a random spread, so a fleet does not ask at once).',
  },
  channelMaxKBps: {
    schema: z.number().int().min(0).max(1_000_000),
    default: 2048,
    expected: 'a whole number of kilobytes a second from 0 (no ceiling) to 1000000',
    about: 'The fastest a package is downloaded from the channel, to leave the network to others.',
  },
  metricsAddress: {
    schema: z
      .string()
      .regex(/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):\d{1,5}$/, 'an address "IP:port", such as "0.0.0.0:9464"')
      .nullable(),
    default: null as string | null,
    expected: 'an address "IP:port" such as "0.0.0.0:9464" (or "127.0.0.1:9464" for this machine only), or null for off',
    about: 'Where the Prometheus metrics endpoint listens (docs/fleet.md); off by default.',
  },
  metricsToken: {
    schema: z.string().regex(/^[A-Za-z0-9._~+/=-]{24,200}$/, 'at least 24 letters, digits or ._~+/=- characters').nullable(),
    default: null as string | null,
    expected: 'a bearer token of 24 to 200 letters, digits or ._~+/=- (Prometheus sends it), or null',
    about: 'The token Prometheus must send to read the metrics; without one the endpoint stays off.',
    secret: true,
  },
  appUpdateUrl: {
    schema: z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' }).nullable(),
    default: null as string | null,
    expected: 'the http:// or https:// address of the folder holding latest.yml (electron-updater generic), or null for no updates',
    about: 'Where the app looks for new versions of itself; they install only outside opening hours (Electron only).',
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
