// @vitest-environment happy-dom
/**
 * The staff screen as staff use it, over a fake API: the PIN pad (dots, refusal, lockout), the
 * status it shows after login, rollback behind a confirm step, the inbox check and a refused
 * setting showing the host's sentence. Closing logs out.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { StaffStatusView, StaffVersionView } from '../../src-main/contract/types';
import { ClientError, createClient } from '../../src-renderer/api/client';
import StaffPanel from '../../src-renderer/components/StaffPanel.svelte';
import { createFakeApi, type FakeApi } from './fixtures';

const TOKEN = 'a'.repeat(43);

const version = (id: number, v: string, title = 'Revelations from the Russian Archives'): StaffVersionView => ({
  id, packageId: 'loc-russian-archives', version: v, title, source: 'built-in', importedAt: '2026-11-01T09:00:00.000Z',
  publishedAt: '2026-11-01T09:00:00.000Z', signedBy: null, artifacts: 12, topics: 4, images: 20,
});

function statusView(over: Partial<StaffStatusView> = {}): StaffStatusView {
  return {
    session: { expiresAt: '2026-11-27T11:00:00.000Z' },
    host: { kind: 'browser', canLeaveKiosk: false },
    visitorState: 'visiting',
    live: version(2, '1.1.0'),
    pending: { ...version(3, '2.0.0', 'New Acquisitions'), publishedAt: null },
    earlier: [version(1, '1.0.0')],
    inbox: {
      folder: '/media/usb', available: true, importing: null,
      results: [{ name: 'old.zip', outcome: 'refused', message: 'manifest.json: "version" must be a version like 1.2.0.', versionId: null, package: null, artifacts: null, images: null, finishedAt: '2026-11-26T10:00:00.000Z' }],
    },
    settings: [
      { key: 'idleTimeoutSeconds', value: 90, defaultValue: 90, about: 'Time without a touch.', expected: 'a whole number of seconds from 5 to 3600' },
      { key: 'showCursor', value: false, defaultValue: false, about: 'Show the mouse pointer.', expected: 'true or false' },
      { key: 'inboxDir', value: '/media/usb', defaultValue: null, about: 'A folder watched for new content packages.', expected: 'a folder' },
    ],
    health: {
      uptimeSeconds: 7_500, memory: { rssBytes: 200 * 1024 * 1024, heapUsedBytes: 1, heapTotalBytes: 1, externalBytes: 1 },
      database: { ok: true, detail: 'ok' }, disk: { freeBytes: 50 * 1024 ** 3, totalBytes: 100 * 1024 ** 3 },
      crashes: [{ at: '2026-11-26T08:00:00.000Z', kind: 'gpu', detail: 'exited with code 5' }],
    },
    ...over,
  };
}

/** The fake kiosk with staff verbs: PIN 2468, two wrong tries then locked. */
function staffApi(status = statusView()): FakeApi {
  const api = createFakeApi();
  let wrong = 0;
  const record = <T>(method: keyof FakeApi & string, args: unknown, produce: () => T): Promise<T> => {
    api.calls.push({ method: method as never, args });
    try {
      return Promise.resolve(produce());
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return Object.assign(api, {
    staffLogin: (args: { pin: string }) =>
      record('staffLogin', args, () => {
        if (wrong >= 2) throw new ClientError('locked', 'Locked for 4 more minutes.');
        if (args.pin !== '2468') throw new ClientError('unauthorized', `Wrong PIN, ${3 - ++wrong} tries left.`);
        return { token: TOKEN, expiresAt: '2026-11-27T11:00:00.000Z' };
      }),
    staffStatus: (args: unknown) => record('staffStatus', args, () => status),
    staffLogout: (args: unknown) => record('staffLogout', args, () => ({ ok: true as const })),
    staffRollback: (args: { versionId?: number }) => record('staffRollback', args, () => ({ from: 2, live: version(args.versionId ?? 1, '1.0.0') })),
    staffImportFromInbox: (args: unknown) =>
      record('staffImportFromInbox', args, () => ({
        results: [{ name: 'exhibit-2.zip', outcome: 'imported' as const, message: 'Imported New Acquisitions 2.0.0: 3 artifacts, 5 images.', versionId: 3, package: { id: 'new', version: '2.0.0', title: 'New Acquisitions' }, artifacts: 3, images: 5, finishedAt: '2026-11-27T10:00:00.000Z' }],
      })),
    staffSetSetting: (args: { key: string; value: unknown }) =>
      record('staffSetSetting', args, () => {
        if (args.value === 95) throw new ClientError('bad-request', 'idleTimeoutSeconds must be a whole number of seconds from 5 to 3600.');
        return { key: args.key, value: args.value as number };
      }),
  });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  flushSync();
}

async function tap(name: string | RegExp): Promise<void> {
  await fireEvent.click(screen.getByRole('button', { name }));
  await settle();
}

async function typePin(pin: string): Promise<void> {
  for (const digit of pin) await tap(digit);
  await tap('OK');
}

async function loggedIn(api = staffApi()): Promise<{ api: FakeApi; closed: () => number }> {
  let closes = 0;
  render(StaffPanel, { api, onClose: () => closes++ });
  await typePin('2468');
  return { api, closed: () => closes };
}

const message = () => screen.getByTestId('pin-message').textContent;
const callsOf = (api: FakeApi, method: string) => api.calls.filter((c) => c.method === method).map((c) => c.args);

describe('PIN pad', () => {
  it('shows a dot per digit, deletes, and reads out a wrong PIN from a live region', async () => {
    const api = staffApi();
    render(StaffPanel, { api, onClose: () => {} });
    expect(screen.getByRole('heading', { name: 'Enter the staff PIN' })).not.toBeNull();
    expect((screen.getByRole('button', { name: 'OK' }) as HTMLButtonElement).disabled).toBe(true);
    for (const d of '1357') await tap(d);
    expect(screen.getByTestId('pin-dots').getAttribute('aria-label')).toBe('4 of 8 digits entered');
    await tap('Delete');
    expect(screen.getByTestId('pin-dots').querySelectorAll('.filled')).toHaveLength(3);
    await tap('9');
    await tap('OK');
    expect(callsOf(api, 'staffLogin')).toEqual([{ pin: '1359' }]);
    expect(screen.getByTestId('pin-message').getAttribute('aria-live')).toBe('assertive');
    expect(message()).toBe('Wrong PIN, 2 tries left.');
    expect(screen.getByTestId('pin-dots').querySelectorAll('.filled')).toHaveLength(0);
    expect(callsOf(api, 'staffStatus')).toEqual([]);
  });

  it('shows the lockout with its message', async () => {
    render(StaffPanel, { api: staffApi(), onClose: () => {} });
    await typePin('1111');
    await typePin('1111');
    expect(message()).toBe('Wrong PIN, 1 tries left.');
    await typePin('2468');
    expect(message()).toBe('Locked for 4 more minutes.');
    expect(screen.getByRole('heading', { name: 'PIN pad locked' })).not.toBeNull();
    expect(screen.queryByRole('heading', { name: 'Live' })).toBeNull();
  });
});

describe('staff screen', () => {
  it('shows live, pending, earlier versions, inbox, settings and health after the PIN', async () => {
    const { api } = await loggedIn();
    expect(callsOf(api, 'staffStatus')).toEqual([{ token: TOKEN }]);
    for (const name of ['Live', 'Earlier versions', 'Inbox', 'Settings', 'Health']) expect(screen.getByRole('heading', { name })).not.toBeNull();
    const live = screen.getByTestId('staff-live').textContent!;
    expect(live).toContain('Revelations from the Russian Archives, version 1.1.0');
    expect(live).toContain('12 artifacts, 4 topics, 20 images');
    expect(screen.getByTestId('staff-pending').textContent).toContain('New Acquisitions, version 2.0.0');
    expect(screen.getByTestId('staff-pending').textContent).toContain('waiting for the visitor to leave');
    expect(screen.getByTestId('staff-inbox').textContent).toContain('/media/usb');
    expect(screen.getByTestId('staff-inbox-results').textContent).toContain('"version" must be a version like 1.2.0.');
    const health = screen.getByTestId('staff-health').textContent!;
    for (const text of ['2 h 5 min', '200 MB', 'OK', '50 GB of 100 GB', 'gpu, exited with code 5']) expect(health).toContain(text);
    expect(screen.getByText(/A folder watched for new content packages/)).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Leave kiosk' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Log out' })).not.toBeNull();
  });

  it('offers Leave kiosk only where the host can leave it', async () => {
    const { api } = await loggedIn(staffApi(statusView({ host: { kind: 'electron', canLeaveKiosk: true } })));
    api.staffLeaveKiosk = (args) => (api.calls.push({ method: 'staffLeaveKiosk', args }), Promise.resolve({ ok: true }));
    await tap('Leave kiosk');
    expect(callsOf(api, 'staffLeaveKiosk')).toEqual([{ token: TOKEN }]);
  });

  it('rolls back only after the confirm step', async () => {
    const { api } = await loggedIn();
    const row = screen.getByTestId('staff-earlier-1');
    await fireEvent.click(within(row).getByRole('button', { name: 'Roll back to this version' }));
    await settle();
    expect(callsOf(api, 'staffRollback')).toEqual([]);
    await fireEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(callsOf(api, 'staffRollback')).toEqual([]);
    await fireEvent.click(within(row).getByRole('button', { name: 'Roll back to this version' }));
    await settle();
    await tap('Yes, roll back');
    expect(callsOf(api, 'staffRollback')).toEqual([{ token: TOKEN, versionId: 1 }]);
    expect(callsOf(api, 'staffStatus')).toHaveLength(2);
  });

  it('checks the inbox and shows what came of it', async () => {
    const { api } = await loggedIn();
    await tap('Check the inbox now');
    expect(callsOf(api, 'staffImportFromInbox')).toEqual([{ token: TOKEN }]);
    expect(screen.getByTestId('staff-inbox-results').textContent).toContain('Imported New Acquisitions 2.0.0: 3 artifacts, 5 images.');
  });

  it('saves a setting with the stepper and shows the refusal sentence when refused', async () => {
    const { api } = await loggedIn();
    await tap('Less idle timeout');
    expect(callsOf(api, 'staffSetSetting')).toEqual([{ token: TOKEN, key: 'idleTimeoutSeconds', value: 85 }]);
    expect(screen.queryByRole('alert')).toBeNull();
    await tap('More idle timeout');
    expect(screen.getByRole('alert').textContent).toBe('idleTimeoutSeconds must be a whole number of seconds from 5 to 3600.');
    const cursor = screen.getByRole('switch', { name: 'Show cursor' });
    expect(cursor.getAttribute('aria-checked')).toBe('false');
    await fireEvent.click(cursor);
    await settle();
    expect(callsOf(api, 'staffSetSetting').at(-1)).toEqual({ token: TOKEN, key: 'showCursor', value: true });
  });

  it('logs out on Log out and on Close', async () => {
    const { api, closed } = await loggedIn();
    await tap('Log out');
    expect(callsOf(api, 'staffLogout')).toEqual([{ token: TOKEN }]);
    expect(screen.getByRole('heading', { name: 'Enter the staff PIN' })).not.toBeNull();
    await typePin('2468');
    await tap('Close');
    expect(callsOf(api, 'staffLogout')).toHaveLength(2);
    expect(closed()).toBe(1);
  });
});

describe('client', () => {
  it('keeps the staff refusal codes, so the PIN pad can tell a lockout from a wrong PIN', async () => {
    for (const code of ['unauthorized', 'locked'] as const) {
      const fetch = () => Promise.resolve(new Response(JSON.stringify({ ok: false, error: { code, message: 'No.' } })));
      const error = await createClient({ bridge: undefined, fetch }).staffLogin({ pin: '1234' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ClientError);
      expect((error as ClientError).code).toBe(code);
    }
  });
});
