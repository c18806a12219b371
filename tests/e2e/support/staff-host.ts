/**
 * A browser host set up as staff would have it: a PIN set with the staff CLI (as at install),
 * an inbox folder for packages, and the given settings; plus the staff's way in on the screen
 * (the 3 s press in the reserved corner, then the PIN), as tests/e2e/staff.spec.ts plays it.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Locator, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';

const ROOT = join(import.meta.dirname, '../../..');
const run = promisify(execFile);

export interface StaffHost {
  host: RunningHost;
  /** A temporary folder for the spec's own files (packages), removed by stop(). */
  work: string;
  /** The folder the kiosk watches for packages (setting inboxDir). */
  inbox: string;
  stop(): Promise<void>;
}

/** Starts a host with `pin` set and an inbox in a fresh temporary folder, with `settings`. */
export async function startStaffHost(pin: string, settings: Record<string, string | number | boolean>): Promise<StaffHost> {
  const work = await mkdtemp(join(tmpdir(), 'vitrine-e2e-staff-host-'));
  const inbox = join(work, 'inbox');
  await mkdir(inbox);
  const host = await startHost({ ...settings, inboxDir: inbox }, undefined, async (dataDir) => {
    await run(process.execPath, [join(ROOT, 'out/main/cli.js'), 'staff', 'set-pin', pin, '--data', dataDir, '--create'], { cwd: ROOT });
  });
  return {
    host,
    work,
    inbox,
    stop: async () => {
      await host.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Opens staff mode: a finger held still in the top-left corner, then the PIN. Returns the panel. */
export async function openStaffMode(page: Page, pin: string): Promise<Locator> {
  const panel = page.getByRole('dialog', { name: 'Staff mode' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 20, y: 20 }] });
  await expect(panel).toBeVisible({ timeout: 6_000 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  for (const digit of pin) await panel.getByRole('button', { name: digit, exact: true }).tap();
  await panel.getByRole('button', { name: 'OK' }).tap();
  await expect(panel.getByRole('heading', { name: 'Live' })).toBeVisible();
  return panel;
}
