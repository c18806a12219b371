/**
 * The staff screen's kiosk for the staff component tests: the real core on the staff store
 * (tests/helpers/kiosk-stores.ts: version 1.1.0 live, 1.0.0 to roll back to, Sundays closed, a
 * refused package in the inbox log, PIN 2468), with an inbox folder and a USB stick mounted, and
 * the taps staff make.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fireEvent, render, screen } from '@testing-library/svelte';
import type { KioskHost } from '../../src-main/core/staff/api';
import StaffPanel from '../../src-renderer/components/StaffPanel.svelte';
import { openKiosk, settle, stores, type KioskOptions, type RecordedApi, type RealKiosk } from './real-kiosk';

export { settle, stores };

/** Two public keys of the kind `vitrine keygen` makes, for the trusted keys setting. */
export const KEY_A = 'MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=';
export const KEY_B = 'MCowBQYDK2VwAyEA1f9vKkRsEAHKnKBvYzKcPXFxPd5Xr6YIQyDyzHoNTFk=';

/** The browser host as it describes itself to the core, with one crash its log noticed. */
export const BROWSER_HOST: KioskHost = {
  kind: 'browser',
  address: () => 'http://127.0.0.1:4380/',
  versions: { node: '20.19.2' },
  recentCrashes: () => [{ at: '2026-01-05T08:00:00.000Z', kind: 'gpu', detail: 'exited with code 5' }],
};

export interface StaffKiosk extends RealKiosk {
  /** The inbox folder (the inboxDir setting): where a USB stick mounts. */
  inbox: string;
  /** Another stick mounted now, which staff may pick instead. */
  stick: string;
}

/** A kiosk on the staff store (unless `store` says), its inbox at a mounted stick. */
export async function staffKiosk(options: KioskOptions = {}): Promise<StaffKiosk> {
  const kiosk = await openKiosk({ store: 'staff', host: BROWSER_HOST, ...options, mounted: ['kiosk/STICK', 'usb'] });
  const [stick, inbox] = ['kiosk/STICK', 'usb'].map((name) => join(kiosk.folder, name)) as [string, string];
  kiosk.core.settings.set('inboxDir', inbox);
  return { ...kiosk, inbox, stick };
}

/** Copies a package into the kiosk's inbox folder, where the kiosk's inbox sees it (not yet taking it). */
export async function intoInbox(kiosk: StaffKiosk, pkg: string, name: string): Promise<void> {
  copyFileSync(pkg, join(kiosk.inbox, name));
  await kiosk.core.inbox.scan();
}

/**
 * Polls `condition` every 5 ms of real time, for at most `tries` times: the renderer's timers
 * (and its Date) may be fake, but the core's work (an import) takes real time.
 */
export async function until(condition: () => boolean, tries = 2_000): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i === tries) throw new Error(`still not so: ${String(condition)}`);
    await sleep(5);
  }
}

export async function tap(name: string | RegExp): Promise<void> {
  await fireEvent.click(screen.getByRole('button', { name }));
  await settle();
}

export async function typePin(pin: string, ok = 'OK'): Promise<void> {
  for (const digit of pin) await tap(digit);
  await tap(ok);
}

/** Renders the staff screen and logs in with the right PIN. */
export async function loggedIn<K extends RealKiosk>(kiosk: K): Promise<K & { closed: () => number }> {
  let closes = 0;
  render(StaffPanel, { api: kiosk.api, onClose: () => closes++ });
  await typePin(stores.pin);
  return { ...kiosk, closed: () => closes };
}

export const callsOf = (api: RecordedApi, method: string) => api.calls.filter((c) => c.method === method).map((c) => c.args);

/** The session token the core gave at the latest login (random, so read from its answer). */
export const tokenOf = (api: RecordedApi): string => api.answers.staffLogin!.token;
