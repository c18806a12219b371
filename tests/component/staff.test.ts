// @vitest-environment happy-dom
/**
 * The staff screen as staff use it, over a fake API: the PIN pad (dots, refusal, lockout), the
 * status it shows after login, rollback behind a confirm step, the inbox check and a refused
 * setting showing the host's sentence. Closing logs out.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { ClientError, createClient } from '../../src-renderer/api/client';
import StaffPanel from '../../src-renderer/components/StaffPanel.svelte';
import { callsOf, loggedIn as logIn, settle, staffApi, statusView, tap, TOKEN, typePin } from './staff-fixtures';

/** Refuses an idle timeout of 105 s, as a core with a lower limit would. */
const refuse105 = (key: string, value: unknown) => (key === 'idleTimeoutSeconds' && value === 105 ? 'idleTimeoutSeconds must be a whole number of seconds from 5 to 100.' : null);
const loggedIn = (api = staffApi(statusView(), refuse105)) => logIn(api);

const message = () => screen.getByTestId('pin-message').textContent;

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
    expect(message()).toBe('Wrong PIN, 1 try left.');
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
    expect(screen.getByText(/watched for new content packages to import/)).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Leave kiosk' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Log out' })).not.toBeNull();
  });

  it('offers Leave kiosk only where the host can leave it', async () => {
    const { api } = await loggedIn(staffApi(statusView({ host: { kind: 'electron', canLeaveKiosk: true, address: null, versions: { electron: '41.7.1', chrome: '146.0.7680.72', node: '24.11.1' } } })));
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
    const value = () => within(screen.getByTestId('setting-idleTimeoutSeconds')).getByRole('status').textContent;
    await tap('More idle timeout');
    expect(callsOf(api, 'staffSetSetting')).toEqual([{ token: TOKEN, key: 'idleTimeoutSeconds', value: 105 }]);
    expect(screen.getByRole('alert').textContent).toBe('idleTimeoutSeconds must be a whole number of seconds from 5 to 100.');
    expect(value()).toBe('90 s');
    await tap('Less idle timeout');
    expect(callsOf(api, 'staffSetSetting').at(-1)).toEqual({ token: TOKEN, key: 'idleTimeoutSeconds', value: 75 });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(value()).toBe('75 s');
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

  it('keeps a PIN refusal\'s numbers, and drops ones that are not', async () => {
    const refused = async (pin: unknown) => {
      const fetch = () => Promise.resolve(new Response(JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'No.', pin } })));
      return ((await createClient({ bridge: undefined, fetch }).staffLogin({ pin: '1234' }).catch((e: unknown) => e)) as ClientError).pin;
    };
    expect(await refused({ kind: 'wrong-pin', triesLeft: 2 })).toEqual({ kind: 'wrong-pin', triesLeft: 2 });
    const lock = { kind: 'pin-locked', minutesLeft: 5, lockedUntil: '2026-11-27T10:05:00.000Z', afterTries: 5 };
    expect(await refused(lock)).toEqual(lock);
    for (const bad of [undefined, null, 'two', { kind: 'wrong-pin', triesLeft: -1 }, { kind: 'wrong-pin', triesLeft: '2' }, { kind: 'other' }]) expect(await refused(bad)).toBeNull();
  });
});

// Issue 17: the screen said "Importing …" and the old live version 45 s after the log said the new
// one was live; the signer the docs promise was never shown; an older package had no way in.
describe('the staff screen keeps itself up to date, and says who signed what', () => {
  it('follows an inbox import while open: its progress, then the new version waiting', async () => {
    vi.useFakeTimers();
    try {
      const api = staffApi(statusView({ pending: null }));
      await logIn(api);
      const importing = statusView({ pending: null });
      api.setStatus({ ...importing, inbox: { ...importing.inbox, importing: 'exhibit-2.zip', progress: { done: 7, total: 18 } } });
      await vi.advanceTimersByTimeAsync(2100);
      await settle();
      expect(screen.getByTestId('staff-inbox-importing').textContent?.trim()).toBe('Importing exhibit-2.zip: image 7 of 18');
      api.setStatus(statusView());
      await vi.advanceTimersByTimeAsync(2100);
      await settle();
      expect(screen.queryByTestId('staff-inbox-importing')).toBeNull();
      expect(screen.getByTestId('staff-pending').textContent).toMatch(/New Acquisitions, version 2\.0\.0/);
      // Its own refreshes say so, so that they do not keep the staff session alive.
      expect(callsOf(api, 'staffStatus').slice(1)).toEqual([{ token: TOKEN, watching: true }, { token: TOKEN, watching: true }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('names the key that signed each version, or says it was not signed', async () => {
    const signed = { ...statusView().live!, signedBy: '1f2e3d4c5b6a7980' };
    await loggedIn(staffApi(statusView({ live: signed })));
    expect(screen.getByTestId('staff-live-signer').textContent).toBe('signed by key 1f2e3d4c5b6a7980');
    expect(screen.getByTestId('staff-earlier-1').textContent).toContain('not signed');
  });

  it('offers "Import anyway" for a package refused only for its version, behind a confirm step', async () => {
    const base = statusView();
    const older = { name: 'old-1.0.zip', outcome: 'refused' as const, message: 'manifest.json, package.version: a version newer than 1.1.0, which is live (version 2), but it is 1.0.0: …', versionId: null, package: null, artifacts: null, images: null, finishedAt: '2026-11-27T09:00:00.000Z', canImportAnyway: true };
    const api = staffApi({ ...base, inbox: { ...base.inbox, results: [older, ...base.inbox.results] } });
    await loggedIn(api);
    // The other refusal (a malformed version) has no such button.
    expect(screen.getAllByRole('button', { name: 'Import anyway' })).toHaveLength(1);
    await tap('Import anyway');
    expect(screen.getByRole('group', { name: 'Confirm importing an older version' }).textContent).toContain('Import old-1.0.zip although the kiosk has the same or a newer version?');
    await tap('Yes, import it');
    expect(callsOf(api, 'staffImportAnyway')).toEqual([{ token: TOKEN, name: 'old-1.0.zip' }]);
    expect(screen.getByTestId('staff-inbox-results').textContent).toContain('old-1.0.zip: imported. Imported Old Acquisitions 1.0.0');
  });
});

describe('a staff screen left open', () => {
  it('closes itself when the session ends unused, so visitors never find a PIN pad', async () => {
    vi.useFakeTimers();
    try {
      const api = staffApi();
      const { closed } = await logIn(api);
      // The host's answer once 10 minutes passed without a staff action.
      api.staffStatus = () => Promise.reject(new ClientError('unauthorized', 'The staff session has expired after 10 minutes without use. Enter the staff PIN again.'));
      await vi.advanceTimersByTimeAsync(2100);
      await settle();
      expect(closed()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
