// @vitest-environment happy-dom
/**
 * New content reaches the screen only between visitors: the kiosk reports 'attract' on entering
 * it and every 30 s there, 'visiting' when a session starts, and reloads the exhibit only when the
 * live version differs from the one on screen while in attract. The core's own publisher decides
 * what is live: a version imported under a visitor waits, and a rollback switches back.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import App from '../../src-renderer/App.svelte';
import { openKiosk, settle, stores } from './real-kiosk';

vi.mock('openseadragon', () => import('./openseadragon-fake'));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('reports the visitor state and reloads new live content only in attract', async () => {
  const { api, core } = await openKiosk({ settings: { idleTimeoutSeconds: 5, idleCountdownSeconds: 3 } });
  const reports = () => api.calls.filter((c) => c.method === 'reportVisitorState').map((c) => (c.args as { state: string }).state);
  const exhibitLoads = () => api.calls.filter((c) => c.method === 'getExhibit').length;

  render(App, { api });
  await settle();
  expect(reports()).toEqual(['attract']);
  const loadsAtStart = exhibitLoads();
  await vi.advanceTimersByTimeAsync(30_000);
  expect(reports()).toEqual(['attract', 'attract']);
  expect(exhibitLoads()).toBe(loadsAtStart);

  // A visitor starts: 'visiting', and nothing reloads under them even when content arrives.
  await fireEvent.click(screen.getByRole('button', { name: 'Touch to begin' }));
  await settle();
  expect(reports()).toEqual(['attract', 'attract', 'visiting']);
  const arrived = await core.importPackage(stores.packages.newer, 'inbox: builtin-1.1.0');
  expect(arrived.live).toBe(false);
  const loadsVisiting = exhibitLoads();
  await vi.advanceTimersByTimeAsync(4_000);
  expect(document.querySelector('main[data-screen]')?.getAttribute('data-screen')).toBe('home');
  expect(exhibitLoads()).toBe(loadsVisiting);

  // They leave: back in attract, the report switches the new version live and the exhibit is loaded again.
  await vi.advanceTimersByTimeAsync(5_000);
  await settle();
  expect(document.querySelector('main[data-screen]')?.getAttribute('data-screen')).toBe('attract');
  expect(reports().at(-1)).toBe('attract');
  expect(core.store.liveVersionId()).toBe(arrived.versionId);
  expect(exhibitLoads()).toBeGreaterThan(loadsVisiting);
  const loadsAfter = exhibitLoads();
  await vi.advanceTimersByTimeAsync(30_000);
  expect(exhibitLoads()).toBe(loadsAfter);

  // Content changes while the kiosk waits in attract (staff roll back): the next report reloads it.
  core.publisher.rollback();
  await vi.advanceTimersByTimeAsync(30_000);
  await settle();
  expect(exhibitLoads()).toBe(loadsAfter + 1);
  const calls = api.calls.map((c) => c.method);
  expect(calls.lastIndexOf('getExhibit')).toBeGreaterThan(calls.lastIndexOf('reportVisitorState'));
  await vi.advanceTimersByTimeAsync(30_000);
  expect(exhibitLoads()).toBe(loadsAfter + 1);
});
