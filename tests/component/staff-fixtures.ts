/**
 * The staff screen's fake kiosk, shared by the staff component tests: a status as the core gives
 * it (every setting, the host, the inbox, health), staff verbs over it (PIN 2468; two wrong tries
 * then locked; a setting saved changes the next status, as in the core), and the taps staff make.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import type { JsonValue, StaffStatusView, StaffVersionView } from '../../src-main/contract/types';
import { ClientError } from '../../src-renderer/api/client';
import StaffPanel from '../../src-renderer/components/StaffPanel.svelte';
import { createFakeApi, KIOSK_CONFIG, type FakeApi } from './fixtures';

export const TOKEN = 'a'.repeat(43);
export const KEY_A = 'MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=';
export const KEY_B = 'MCowBQYDK2VwAyEA1f9vKkRsEAHKnKBvYzKcPXFxPd5Xr6YIQyDyzHoNTFk=';

export const version = (id: number, v: string, title = 'Revelations from the Russian Archives'): StaffVersionView => ({
  id, packageId: 'loc-russian-archives', version: v, title, source: 'built-in', importedAt: '2026-11-01T09:00:00.000Z',
  publishedAt: '2026-11-01T09:00:00.000Z', signedBy: null, artifacts: 12, topics: 4, images: 20,
});

const DAY = { open: '08:00', close: '20:00' };
const WEEK = { monday: DAY, tuesday: DAY, wednesday: DAY, thursday: DAY, friday: DAY, saturday: DAY, sunday: null };

/** One setting as the core describes it. */
const setting = (key: string, value: JsonValue, defaultValue: JsonValue, about: string, expected = 'a value') => ({ key, value, defaultValue, about, expected });

export function statusView(over: Partial<StaffStatusView> = {}): StaffStatusView {
  return {
    session: { expiresAt: '2026-11-27T11:00:00.000Z' },
    host: { kind: 'browser', canLeaveKiosk: false, address: 'http://127.0.0.1:4380/', versions: { node: '20.19.2' } },
    openNow: true,
    trustedKeys: [{ fingerprint: '1f2e3d4c5b6a7980', key: KEY_A }, { fingerprint: '0a1b2c3d4e5f6071', key: KEY_B }],
    visitorState: 'visiting',
    live: version(2, '1.1.0'),
    pending: { ...version(3, '2.0.0', 'New Acquisitions'), publishedAt: null },
    earlier: [version(1, '1.0.0')],
    inbox: {
      folder: '/media/usb', available: true, choices: ['/media/kiosk/STICK', '/media/usb'], importing: null, progress: null,
      results: [{ name: 'old.zip', outcome: 'refused', message: 'manifest.json: "version" must be a version like 1.2.0.', versionId: null, package: null, artifacts: null, images: null, finishedAt: '2026-11-26T10:00:00.000Z', canImportAnyway: false }],
    },
    settings: [
      setting('idleTimeoutSeconds', 90, 90, 'Time without a touch.', 'a whole number of seconds from 5 to 3600'),
      setting('idleCountdownSeconds', 15, 15, 'Length of the countdown.'),
      setting('showCursor', false, false, 'Show the mouse pointer.', 'true or false'),
      setting('openingHours', WEEK, { ...WEEK, sunday: DAY }, 'When the display is kept awake.'),
      setting('nightlyRelaunch', null, null, 'Relaunch the kiosk every night at this time.'),
      setting('trustedKeys', [KEY_A, KEY_B], [], 'Only packages signed by one of these keys are imported.'),
      setting('inboxDir', '/media/usb', null, 'A folder watched for new content packages.', 'a folder'),
    ],
    health: {
      uptimeSeconds: 7_500, memory: { rssBytes: 200 * 1024 * 1024, heapUsedBytes: 1, heapTotalBytes: 1, externalBytes: 1 },
      database: { ok: true, detail: 'ok' }, disk: { freeBytes: 50 * 1024 ** 3, totalBytes: 100 * 1024 ** 3 },
      crashes: [{ at: '2026-11-26T08:00:00.000Z', kind: 'gpu', detail: 'exited with code 5' }],
    },
    ...over,
  };
}

/**
 * The fake kiosk with staff verbs. `refuse` answers a setting with the core's sentence, or null
 * to store it; a stored value is in the next status (trusted keys and the inbox folder too).
 */
export function staffApi(start = statusView(), refuse: (key: string, value: unknown) => string | null = () => null): FakeApi & { status: () => StaffStatusView; setStatus: (next: StaffStatusView) => void } {
  const api = createFakeApi();
  let status = start;
  let wrong = 0;
  const record = <T>(method: keyof FakeApi & string, args: unknown, produce: () => T): Promise<T> => {
    api.calls.push({ method: method as never, args });
    try {
      return Promise.resolve(produce());
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const store = (key: string, value: JsonValue) => {
    const settings = status.settings.map((s) => (s.key === key ? { ...s, value } : s));
    const trustedKeys = key === 'trustedKeys' ? status.trustedKeys.filter((k) => (value as string[]).includes(k.key)) : status.trustedKeys;
    const inbox = key === 'inboxDir' ? { ...status.inbox, folder: value as string | null } : status.inbox;
    status = { ...status, settings, trustedKeys, inbox };
  };
  return Object.assign(api, {
    status: () => status,
    /** What the kiosk says from now on (an import under way, a version gone live). */
    setStatus: (next: StaffStatusView) => void (status = next),
    // The kiosk config is read from the same settings, as the core does.
    getKioskConfig: (args: unknown) =>
      record('getKioskConfig', args, () => ({ ...KIOSK_CONFIG, ...Object.fromEntries(status.settings.filter((s) => s.key in KIOSK_CONFIG).map((s) => [s.key, s.value])) })),
    staffLogin: (args: { pin: string }) =>
      record('staffLogin', args, () => {
        // As the core refuses: an English sentence, and the same in numbers.
        if (wrong >= 2) throw new ClientError('locked', 'Locked for 4 more minutes.', { kind: 'pin-locked', minutesLeft: 4, lockedUntil: '2026-11-27T10:04:00.000Z', afterTries: null });
        if (args.pin !== '2468') {
          const triesLeft = 3 - ++wrong;
          throw new ClientError('unauthorized', `Wrong PIN, ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`, { kind: 'wrong-pin', triesLeft });
        }
        return { token: TOKEN, expiresAt: '2026-11-27T11:00:00.000Z' };
      }),
    staffStatus: (args: unknown) => record('staffStatus', args, () => status),
    staffLogout: (args: unknown) => record('staffLogout', args, () => ({ ok: true as const })),
    staffRollback: (args: { versionId?: number }) => record('staffRollback', args, () => ({ from: 2, live: version(args.versionId ?? 1, '1.0.0') })),
    staffImportFromInbox: (args: unknown) =>
      record('staffImportFromInbox', args, () => ({
        results: [{ name: 'exhibit-2.zip', outcome: 'imported' as const, message: 'Imported New Acquisitions 2.0.0: 3 artifacts, 5 images.', versionId: 3, package: { id: 'new', version: '2.0.0', title: 'New Acquisitions' }, artifacts: 3, images: 5, finishedAt: '2026-11-27T10:00:00.000Z', canImportAnyway: false }],
      })),
    staffImportAnyway: (args: { name: string }) =>
      record('staffImportAnyway', args, () => ({
        results: [{ name: args.name, outcome: 'imported' as const, message: `Imported Old Acquisitions 1.0.0: 2 artifacts, 2 images.`, versionId: 4, package: { id: 'new', version: '1.0.0', title: 'Old Acquisitions' }, artifacts: 2, images: 2, finishedAt: '2026-11-27T10:05:00.000Z', canImportAnyway: false }],
      })),
    staffSetSetting: (args: { key: string; value: JsonValue }) =>
      record('staffSetSetting', args, () => {
        const refusal = refuse(args.key, args.value);
        if (refusal) throw new ClientError('bad-request', refusal);
        store(args.key, args.value);
        return { key: args.key, value: args.value };
      }),
  });
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  flushSync();
}

export async function tap(name: string | RegExp): Promise<void> {
  await fireEvent.click(screen.getByRole('button', { name }));
  await settle();
}

export async function typePin(pin: string): Promise<void> {
  for (const digit of pin) await tap(digit);
  await tap('OK');
}

/** Renders the staff screen and logs in with the right PIN. */
export async function loggedIn<A extends FakeApi>(api: A): Promise<{ api: A; closed: () => number }> {
  let closes = 0;
  render(StaffPanel, { api, onClose: () => closes++ });
  await typePin('2468');
  return { api, closed: () => closes };
}

export const callsOf = (api: FakeApi, method: string) => api.calls.filter((c) => c.method === method).map((c) => c.args);
