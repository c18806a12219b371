// @vitest-environment happy-dom
/**
 * The unattended kiosk in a visitor's terms, on fake time: the warning after the idle timeout,
 * Continue keeping the visitor where they were, the reset to attract leaving nothing behind, the
 * clock standing still for media and staff, and the reserved staff corner.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src-renderer/App.svelte';
import { staffPanel } from '../../src-renderer/lazy/staff';
import { kioskApi, settle } from './real-kiosk';

vi.mock('openseadragon', () => import('./openseadragon-fake'));

const TIMEOUT_MS = 5_000;
const COUNTDOWN_MS = 3_000;
const EXHIBIT = 'Revelations from the Russian Archives';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function currentScreen(): string | null {
  return document.querySelector('main[data-screen]')?.getAttribute('data-screen') ?? null;
}

const warning = () => screen.queryByRole('alertdialog', { name: 'Still exploring?' });
const title = () => document.querySelector('main[data-screen] h1')?.textContent;

async function tap(element: Element): Promise<void> {
  await fireEvent.pointerDown(element, { pointerId: 1, clientX: 500, clientY: 500 });
  await fireEvent.pointerUp(element, { pointerId: 1, clientX: 500, clientY: 500 });
  await fireEvent.click(element);
  await settle();
}

/** Starts the kiosk with short idle settings and walks to a topic's essay. */
async function visitATopic(): Promise<void> {
  render(App, { api: await kioskApi({ settings: { idleTimeoutSeconds: TIMEOUT_MS / 1000, idleCountdownSeconds: COUNTDOWN_MS / 1000 } }) });
  await settle();
  await tap(screen.getByRole('button', { name: 'Touch to begin' }));
  expect(currentScreen()).toBe('home');
  await tap(screen.getByRole('button', { name: /^The Soviet Union and the United States/ }));
  await tap(screen.getByRole('button', { name: /^Postwar Estrangement/ }));
  expect(currentScreen()).toBe('topic');
  expect(title()).toBe('Postwar Estrangement');
}

describe('idle warning and reset', () => {
  it('asks "Still exploring?" after the idle timeout, with a countdown and Continue focused', async () => {
    await visitATopic();
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(warning()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    const dialog = warning();
    expect(dialog).not.toBeNull();
    const continueButton = screen.getByRole('button', { name: 'Continue' });
    expect(document.activeElement).toBe(continueButton);
    expect(screen.getByTestId('idle-seconds').textContent).toBe('3');
    expect(dialog!.querySelector('[aria-live="polite"]')?.textContent).toMatch(/3\s*seconds/);
    // The screen behind cannot be reached while the question is asked.
    expect(document.querySelector('main[data-screen="topic"]')!.closest('[inert]')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(screen.getByTestId('idle-seconds').textContent).toBe('2');
  });

  it('Continue keeps the visitor on the same screen with the same way back', async () => {
    await visitATopic();
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS + 1_000);
    await tap(screen.getByRole('button', { name: 'Continue' }));
    expect(warning()).toBeNull();
    expect(currentScreen()).toBe('topic');
    expect(title()).toBe('Postwar Estrangement');
    expect((screen.getByRole('button', { name: 'Back' }) as HTMLButtonElement).disabled).toBe(false);
    // The full idle time again, and the countdown does not carry on behind the scenes.
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(warning()).toBeNull();
    expect(currentScreen()).toBe('topic');
  });

  it('a tap anywhere on the warning counts as continuing', async () => {
    await visitATopic();
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    await tap(screen.getByText('Then the exhibit starts again for the next visitor.'));
    expect(warning()).toBeNull();
    expect(currentScreen()).toBe('topic');
  });

  it('resets to attract when nobody answers; the next visitor starts at home with nothing behind', async () => {
    await visitATopic();
    await tap(screen.getByRole('button', { name: new RegExp('^Open Telegram to President Truman') }));
    expect(currentScreen()).toBe('artifact');
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS + COUNTDOWN_MS - 1);
    expect(warning()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(warning()).toBeNull();
    expect(currentScreen()).toBe('attract');
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    expect(document.activeElement === document.body || document.activeElement === null).toBe(true);

    await tap(screen.getByRole('button', { name: 'Touch to begin' }));
    expect(currentScreen()).toBe('home');
    expect(title()).toBe(EXHIBIT);
    expect((screen.getByRole('button', { name: 'Back' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('clears the saved objects at reset: the next visitor finds My list empty', async () => {
    await visitATopic();
    await tap(screen.getByRole('button', { name: new RegExp('^Open Stalin at Potsdam') }));
    await tap(screen.getByRole('button', { name: 'Save' }));
    await tap(screen.getByRole('button', { name: 'Next object' }));
    await tap(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByTestId('saved-count').textContent).toBe('2');
    await tap(screen.getByRole('button', { name: 'My list, 2 saved' }));
    expect(screen.getAllByTestId('saved-item')).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(TIMEOUT_MS + COUNTDOWN_MS);
    await settle();
    expect(currentScreen()).toBe('attract');
    await tap(screen.getByRole('button', { name: 'Touch to begin' }));
    expect(screen.getByTestId('saved-count').textContent).toBe('0');
    await tap(screen.getByRole('button', { name: 'My list, 0 saved' }));
    expect(currentScreen()).toBe('my-list');
    expect(screen.queryAllByTestId('saved-item')).toHaveLength(0);
    expect(screen.getByText(/Nothing saved yet/)).toBeTruthy();
  });

  it('runs no clock on attract: nobody is reset who never began', async () => {
    render(App, { api: await kioskApi({ settings: { idleTimeoutSeconds: 5, idleCountdownSeconds: 3 } }) });
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(warning()).toBeNull();
    expect(currentScreen()).toBe('attract');
  });

  it('keeps a reading visitor: every touch, scroll or key restarts the quiet time', async () => {
    await visitATopic();
    for (const input of [() => fireEvent.wheel(document.body), () => fireEvent.keyDown(document.body, { key: 'ArrowDown' }), () => fireEvent.touchStart(document.body)]) {
      await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1_000);
      await input();
    }
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(warning()).toBeNull();
  });

  it('stands still while a video plays, also when the playing video leaves the page', async () => {
    await visitATopic();
    const video = document.createElement('video');
    document.querySelector('main[data-screen]')!.append(video);
    video.dispatchEvent(new Event('play'));
    await vi.advanceTimersByTimeAsync(10 * TIMEOUT_MS);
    expect(warning()).toBeNull();
    video.dispatchEvent(new Event('pause'));
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(warning()).not.toBeNull();
    await tap(screen.getByRole('button', { name: 'Continue' }));

    // Removed while playing: the browser pauses it, but its pause event never reaches the page.
    video.dispatchEvent(new Event('play'));
    await vi.advanceTimersByTimeAsync(10 * TIMEOUT_MS);
    expect(warning()).toBeNull();
    video.remove();
    await settle();
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(warning()).not.toBeNull();
  });
});

describe('staff corner', () => {
  const press = (target: Element, type: 'pointerDown' | 'pointerUp') => fireEvent[type](target, { pointerId: 7, clientX: 20, clientY: 20 });

  it('is an invisible 96 px corner that visitors cannot find or tap', async () => {
    render(App, { api: await kioskApi() });
    await settle();
    const corner = screen.getByTestId('staff-corner');
    expect(corner.getAttribute('aria-hidden')).toBe('true');
    expect(corner.textContent).toBe('');
    expect(corner.getAttribute('style')).toContain('96px');
  });

  it('opens the staff panel on a 3 s press, not on a short tap, and its lift starts no session', async () => {
    render(App, { api: await kioskApi() });
    await settle();
    const corner = screen.getByTestId('staff-corner');
    await press(corner, 'pointerDown');
    await vi.advanceTimersByTimeAsync(2_999);
    await press(corner, 'pointerUp');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(screen.queryByRole('dialog', { name: 'Staff mode' })).toBeNull();

    const begin = screen.getByRole('button', { name: 'Touch to begin' });
    await press(begin, 'pointerDown');
    await vi.advanceTimersByTimeAsync(3_000);
    // The staff screen is on a chunk of its own (lazy/staff.ts): here a real import, not a timer.
    await staffPanel.load();
    await settle();
    const panel = screen.getByRole('dialog', { name: 'Staff mode' });
    expect(panel.querySelector('h3')?.textContent).toBe('Enter the staff PIN');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    // The finger lifts from the attract screen: that must not start a visitor session.
    await press(begin, 'pointerUp');
    await fireEvent.click(begin);
    await settle();
    expect(currentScreen()).toBe('attract');

    await tap(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Staff mode' })).toBeNull();
  });

  it('a press that wanders out of the corner is not the gesture', async () => {
    render(App, { api: await kioskApi() });
    await settle();
    const corner = screen.getByTestId('staff-corner');
    await press(corner, 'pointerDown');
    await fireEvent.pointerMove(corner, { pointerId: 7, clientX: 400, clientY: 20 });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(screen.queryByRole('dialog', { name: 'Staff mode' })).toBeNull();
  });

  it('holds the idle clock while the panel is open', async () => {
    await visitATopic();
    const corner = screen.getByTestId('staff-corner');
    await press(corner, 'pointerDown');
    await vi.advanceTimersByTimeAsync(3_000);
    await press(corner, 'pointerUp');
    expect(screen.getByRole('dialog', { name: 'Staff mode' })).not.toBeNull();
    await vi.advanceTimersByTimeAsync(10 * TIMEOUT_MS);
    expect(warning()).toBeNull();
    await tap(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Staff mode' })).toBeNull();
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(warning()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(warning()).not.toBeNull();
  });
});

describe('kiosk settings', () => {
  it('reads the settings once, and hides the pointer unless showCursor is on', async () => {
    const api = await kioskApi();
    render(App, { api });
    await settle();
    expect(document.documentElement.dataset.cursor).toBe('hidden');
    expect(api.calls.filter((c) => c.method === 'getKioskConfig')).toHaveLength(1);
  });

  it('shows the pointer for demonstrations with a mouse', async () => {
    render(App, { api: await kioskApi({ settings: { showCursor: true } }) });
    await settle();
    expect(document.documentElement.dataset.cursor).toBe('shown');
  });

  it('still comes up, with the default idle times, when the settings cannot be read', async () => {
    render(App, { api: await kioskApi({ failing: ['getKioskConfig'] }) });
    await settle();
    expect(currentScreen()).toBe('attract');
    await tap(screen.getByRole('button', { name: 'Touch to begin' }));
    await vi.advanceTimersByTimeAsync(89_999);
    expect(warning()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(warning()).not.toBeNull();
    expect(screen.getByTestId('idle-seconds').textContent).toBe('15');
  });
});
