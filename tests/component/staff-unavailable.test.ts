// @vitest-environment happy-dom
/**
 * The staff screen is on a chunk of its own (src-renderer/lazy/staff.ts). When that chunk cannot
 * be loaded (a damaged install, renderer files replaced under a running browser kiosk), staff see
 * why in words and can close it; the visitor's screen is as it was.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import App from '../../src-renderer/App.svelte';
import { kioskApi, settle } from './real-kiosk';

vi.mock('../../src-renderer/lazy/staff', () => ({
  staffPanel: { load: () => Promise.reject(new Error('Failed to fetch dynamically imported module: ./assets/StaffPanel-x.js')), preload: () => undefined },
}));

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

it('says the staff screen could not be loaded, and why; Close leaves the kiosk as it was', async () => {
  render(App, { api: await kioskApi() });
  await settle();
  const corner = screen.getByTestId('staff-corner');
  await fireEvent.pointerDown(corner, { pointerId: 7, clientX: 20, clientY: 20 });
  await vi.advanceTimersByTimeAsync(3_000);
  await settle();
  const dialog = screen.getByRole('dialog', { name: 'Staff mode' });
  expect(dialog.textContent).toContain('The staff screen could not be loaded (Failed to fetch dynamically imported module: ./assets/StaffPanel-x.js). Restart the kiosk');
  await fireEvent.pointerUp(corner, { pointerId: 7, clientX: 20, clientY: 20 });
  const close = screen.getByRole('button', { name: 'Close' });
  await fireEvent.pointerDown(close, { pointerId: 1, clientX: 500, clientY: 500 });
  await fireEvent.pointerUp(close, { pointerId: 1, clientX: 500, clientY: 500 });
  await fireEvent.click(close);
  await settle();
  expect(screen.queryByRole('dialog', { name: 'Staff mode' })).toBeNull();
  expect(document.querySelector('main[data-screen]')?.getAttribute('data-screen')).toBe('attract');
});
