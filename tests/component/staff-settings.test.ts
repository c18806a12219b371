// @vitest-environment happy-dom
/**
 * The staff screen's settings editors, by touch only: the opening hours week, the nightly
 * relaunch, the inbox folder and the trusted keys. Every change goes to staffSetSetting, and a
 * refusal shows the core's sentence where the change was made. Then the kiosk itself: a setting
 * changed on the staff screen is what the kiosk runs on once the screen closes.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyFingerprint } from '../../src-main/core/packages/signing';
import App from '../../src-renderer/App.svelte';
import { stepSeconds, stepTime } from '../../src-renderer/components/staff/steps';
import type { RecordedApi } from './real-kiosk';
import { callsOf, KEY_A, KEY_B, loggedIn, settle, staffKiosk, tap, tokenOf, typePin } from './staff-helpers';

vi.mock('openseadragon', () => import('./openseadragon-fake'));

const saved = (api: RecordedApi) => callsOf(api, 'staffSetSetting').at(-1);
const within_ = (testid: string) => within(screen.getByTestId(testid));
const DAY = { open: '08:00', close: '20:00' };

describe('steppers without a keyboard', () => {
  it('step seconds finely where they matter and coarsely where they do not', () => {
    expect([stepSeconds(5, -1), stepSeconds(9, 1), stepSeconds(10, -1), stepSeconds(60, -1), stepSeconds(90, -1), stepSeconds(90, 1), stepSeconds(600, 1), stepSeconds(1200, 1)]).toEqual([4, 10, 9, 55, 75, 105, 660, 1500]);
  });

  it('step times by the quarter hour, within the day for opening hours and around midnight for the relaunch', () => {
    expect([stepTime('08:00', 1), stepTime('08:10', 1), stepTime('08:10', -1), stepTime('23:45', 1), stepTime('00:00', -1)]).toEqual(['08:15', '08:15', '08:00', '23:59', '00:00']);
    expect([stepTime('00:00', -1, 'wrap'), stepTime('23:45', 1, 'wrap'), stepTime('03:00', 1, 'wrap')]).toEqual(['23:45', '00:00', '03:15']);
  });
});

describe('opening hours', () => {
  it('shows each weekday open or closed, and whether the museum is open now', async () => {
    await loggedIn(await staffKiosk());
    const hours = within_('setting-openingHours');
    expect(hours.getByTestId('open-now').textContent).toContain('Open now');
    expect(hours.getByRole('switch', { name: 'Monday' }).getAttribute('aria-checked')).toBe('true');
    expect(hours.getByRole('switch', { name: 'Sunday' }).textContent?.trim()).toBe('Closed');
    expect(within_('hours-tuesday').getAllByRole('status').map((o) => o.textContent)).toEqual(['08:00', '20:00']);
    expect(within_('hours-sunday').queryByRole('status')).toBeNull();
  });

  it('saves the whole week at each tap: a later opening, a day closed, a closed day opened with the usual hours', async () => {
    const { api } = await loggedIn(await staffKiosk());
    await tap('Later opening on Tuesday');
    expect(saved(api)).toMatchObject({ token: tokenOf(api), key: 'openingHours', value: { tuesday: { open: '08:15', close: '20:00' }, monday: { open: '08:00', close: '20:00' }, sunday: null } });
    expect(within_('hours-tuesday').getAllByRole('status')[0]!.textContent).toBe('08:15');
    await fireEvent.click(screen.getByRole('switch', { name: 'Monday' }));
    await settle();
    expect((saved(api) as { value: Record<string, unknown> }).value.monday).toBeNull();
    await fireEvent.click(screen.getByRole('switch', { name: 'Sunday' }));
    await settle();
    expect((saved(api) as { value: Record<string, unknown> }).value.sunday).toEqual({ open: '08:00', close: '20:00' });
  });

  it("shows the core's refusal of a day that would close before it opens", async () => {
    const week = { monday: DAY, tuesday: DAY, wednesday: DAY, thursday: DAY, friday: { open: '08:00', close: '08:15' }, saturday: DAY, sunday: null };
    await loggedIn(await staffKiosk({ settings: { openingHours: week } }));
    await tap('Earlier closing on Friday');
    expect(within_('setting-openingHours').getByRole('alert').textContent).toBe('openingHours.friday must be an opening time before the closing time; got {"open":"08:00","close":"08:00"}.');
    expect(within_('hours-friday').getAllByRole('status')[1]!.textContent).toBe('08:15');
  });
});

describe('nightly relaunch', () => {
  it('turns on at 03:00, moves by the quarter hour around midnight, and turns off', async () => {
    const { api } = await loggedIn(await staffKiosk());
    const token = tokenOf(api);
    const relaunch = () => within_('setting-nightlyRelaunch');
    expect(relaunch().getByRole('switch', { name: 'Nightly relaunch' }).getAttribute('aria-checked')).toBe('false');
    expect(relaunch().getByText(/This browser kiosk does not relaunch itself/)).not.toBeNull();
    await fireEvent.click(relaunch().getByRole('switch', { name: 'Nightly relaunch' }));
    await settle();
    expect(saved(api)).toEqual({ token, key: 'nightlyRelaunch', value: '03:00' });
    await tap('Later relaunch');
    expect(saved(api)).toEqual({ token, key: 'nightlyRelaunch', value: '03:15' });
    expect(relaunch().getByRole('status').textContent).toBe('03:15');
    await fireEvent.click(relaunch().getByRole('switch', { name: 'Nightly relaunch' }));
    await settle();
    expect(saved(api)).toEqual({ token, key: 'nightlyRelaunch', value: null });
    expect(relaunch().queryByRole('status')).toBeNull();
  });
});

describe('inbox folder', () => {
  it('offers the folder set now, the media mounted now and no inbox, and says how to set any other', async () => {
    const { api, inbox, stick } = await loggedIn(await staffKiosk());
    const picker = within_('setting-inboxDir');
    const options = picker.getAllByRole('radio');
    expect(options.map((o) => [o.textContent?.replace(/\s+/g, ' ').trim(), o.getAttribute('aria-checked')])).toEqual([
      [inbox, 'true'],
      [`${stick} mounted now`, 'false'],
      ['No inbox packages are loaded with the CLI only', 'false'],
    ]);
    expect(picker.getByText(/vitrine settings set inboxDir/)).not.toBeNull();
    await fireEvent.click(picker.getByRole('radio', { name: /STICK/ }));
    await settle();
    expect(saved(api)).toEqual({ token: tokenOf(api), key: 'inboxDir', value: stick });
    expect(within_('setting-inboxDir').getByRole('radio', { name: /STICK/ }).getAttribute('aria-checked')).toBe('true');
    await fireEvent.click(within_('setting-inboxDir').getByRole('radio', { name: /No inbox/ }));
    await settle();
    expect(saved(api)).toEqual({ token: tokenOf(api), key: 'inboxDir', value: null });
  });
});

describe('trusted keys', () => {
  it('lists the keys by fingerprint and removes one only after the confirm step; adding is a CLI task', async () => {
    const { api } = await loggedIn(await staffKiosk({ settings: { trustedKeys: [KEY_A, KEY_B] } }));
    const [a, b] = [KEY_A, KEY_B].map(keyFingerprint);
    const keys = () => within_('setting-trustedKeys');
    expect(keys().getAllByRole('listitem').map((li) => li.querySelector('code')?.textContent)).toEqual([a, b]);
    expect(keys().getByText(/To add a key, on the kiosk's computer run/)).not.toBeNull();
    await tap(`Remove key ${a}`);
    expect(callsOf(api, 'staffSetSetting')).toEqual([]);
    await tap('Cancel');
    await tap(`Remove key ${a}`);
    await tap('Yes, remove');
    expect(saved(api)).toEqual({ token: tokenOf(api), key: 'trustedKeys', value: [KEY_B] });
    await tap(`Remove key ${b}`);
    expect(keys().getByRole('group', { name: 'Confirm removing the key' }).textContent).toContain('with no key left, unsigned packages are accepted');
    await tap('Yes, remove');
    expect(saved(api)).toEqual({ token: tokenOf(api), key: 'trustedKeys', value: [] });
    expect(keys().getByText('None: this kiosk accepts unsigned packages.')).not.toBeNull();
    expect(KEY_A).not.toBe(KEY_B);
  });
});

describe('the staff screen is touch only', () => {
  it('has no field to type in, is a modal dialog named by its heading, and names its host', async () => {
    await loggedIn(await staffKiosk());
    const dialog = screen.getByRole('dialog', { name: 'Staff mode' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.querySelectorAll('input, textarea, select, [contenteditable]')).toHaveLength(0);
    expect(screen.getByTestId('staff-host').textContent).toBe('Browser kiosk at http://127.0.0.1:4380/ (node 20.19.2)');
  });
});

describe('settings changed on the staff screen', () => {
  afterEach(() => vi.useRealTimers());

  it('are what the kiosk runs on once the staff screen closes: cursor, countdown', async () => {
    vi.useFakeTimers();
    const { api } = await staffKiosk({ settings: { idleTimeoutSeconds: 5, idleCountdownSeconds: 3 } });
    render(App, { api });
    await settle();
    expect(document.documentElement.dataset.cursor).toBe('hidden');
    const corner = screen.getByTestId('staff-corner');
    await fireEvent.pointerDown(corner, { pointerId: 7, clientX: 20, clientY: 20 });
    await vi.advanceTimersByTimeAsync(3_000);
    await fireEvent.pointerUp(corner, { pointerId: 7, clientX: 20, clientY: 20 });
    await fireEvent.click(corner); // the lift's click, which the gesture keeps from landing
    await typePin('2468');
    for (let i = 0; i < 4; i++) await tap('More countdown');
    await fireEvent.click(screen.getByRole('switch', { name: 'Show cursor' }));
    await settle();
    expect(callsOf(api, 'staffSetSetting').at(-2)).toMatchObject({ key: 'idleCountdownSeconds', value: 7 });
    await tap('Close');
    expect(callsOf(api, 'getKioskConfig')).toHaveLength(2);
    expect(document.documentElement.dataset.cursor).toBe('shown');

    await tap('Touch to begin');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(screen.getByTestId('idle-seconds').textContent).toBe('7');
  });
});
