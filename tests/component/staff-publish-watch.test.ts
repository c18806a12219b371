// @vitest-environment happy-dom
/**
 * New content reaches the screen only between visitors: the kiosk reports 'attract' on entering
 * it and every 30 s there, 'visiting' when a session starts, and reloads the exhibit only when the
 * live version differs from the one on screen while in attract.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import App from '../../src-renderer/App.svelte';
import { createFakeApi, exhibitView } from './fixtures';

vi.mock('openseadragon', () => import('./openseadragon-fake'));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

async function settle(): Promise<void> {
  for (let i = 0; i < 30; i++) await Promise.resolve();
  flushSync();
}

it('reports the visitor state and reloads new live content only in attract', async () => {
  const api = createFakeApi({ config: { idleTimeoutSeconds: 5, idleCountdownSeconds: 3 } });
  let live = 1;
  api.reportVisitorState = (args) => (api.calls.push({ method: 'reportVisitorState', args }), Promise.resolve({ liveVersionId: live, pendingVersionId: null }));
  api.getExhibit = (args) => {
    api.calls.push({ method: 'getExhibit', args });
    const exhibit = exhibitView();
    return Promise.resolve({ ...exhibit, package: { ...exhibit.package, versionId: live } });
  };
  const reports = () => api.calls.filter((c) => c.method === 'reportVisitorState').map((c) => (c.args as { state: string }).state);
  const exhibitLoads = () => api.calls.filter((c) => c.method === 'getExhibit').length;

  render(App, { api });
  await settle();
  expect(reports()).toEqual(['attract']);
  const loadsAtStart = exhibitLoads();
  await vi.advanceTimersByTimeAsync(30_000);
  expect(reports()).toEqual(['attract', 'attract']);
  expect(exhibitLoads()).toBe(loadsAtStart);

  // A visitor starts: 'visiting', and nothing reloads under them even when content changes.
  await fireEvent.click(screen.getByRole('button', { name: 'Touch to begin' }));
  await settle();
  expect(reports()).toEqual(['attract', 'attract', 'visiting']);
  live = 2;
  const loadsVisiting = exhibitLoads();
  await vi.advanceTimersByTimeAsync(4_000);
  expect(document.querySelector('main[data-screen]')?.getAttribute('data-screen')).toBe('home');
  expect(exhibitLoads()).toBe(loadsVisiting);

  // They leave: back in attract, the report sees version 2 and the exhibit is loaded again.
  await vi.advanceTimersByTimeAsync(5_000);
  await settle();
  expect(document.querySelector('main[data-screen]')?.getAttribute('data-screen')).toBe('attract');
  expect(reports().at(-1)).toBe('attract');
  expect(exhibitLoads()).toBeGreaterThan(loadsVisiting);
  const loadsAfter = exhibitLoads();
  await vi.advanceTimersByTimeAsync(30_000);
  expect(exhibitLoads()).toBe(loadsAfter);

  // Content changes while the kiosk waits in attract (a rollback): the next report reloads it.
  live = 3;
  await vi.advanceTimersByTimeAsync(30_000);
  await settle();
  expect(exhibitLoads()).toBe(loadsAfter + 1);
  const calls = api.calls.map((c) => c.method);
  expect(calls.lastIndexOf('getExhibit')).toBeGreaterThan(calls.lastIndexOf('reportVisitorState'));
  await vi.advanceTimersByTimeAsync(30_000);
  expect(exhibitLoads()).toBe(loadsAfter + 1);
});
