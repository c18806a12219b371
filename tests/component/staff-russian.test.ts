// @vitest-environment happy-dom
/**
 * The staff screen in a Russian UI: staff read Russian too. The PIN pad (its heading, dots,
 * keys, refusal and lockout) and, once in, the status and settings are worded from the catalogue;
 * the package's titles and the host's own sentences about settings stay as they come.
 */
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import StaffPanel from '../../src-renderer/components/StaffPanel.svelte';
import { i18nContext } from '../../src-renderer/i18n/context';
import { formatMessage } from '../../src-renderer/i18n/format';
import { Language } from '../../src-renderer/state/language.svelte';
import { callsOf, staffKiosk, tap, typePin as typePinAt, type StaffKiosk } from './staff-helpers';

const nbsp = '\u00a0';

async function renderInRussian(): Promise<StaffKiosk> {
  const kiosk = await staffKiosk();
  const language = new Language();
  language.choose('ru');
  render(StaffPanel, { props: { api: kiosk.api, onClose: () => {} }, context: i18nContext(language) });
  return kiosk;
}

const typePin = (pin: string) => typePinAt(pin, 'Войти');

const message = () => screen.getByTestId('pin-message').textContent;

describe('PIN pad in Russian', () => {
  it('asks for the ПИН-код, counts the digits, and refuses a wrong one in Russian', async () => {
    const { api } = await renderInRussian();
    screen.getByRole('dialog', { name: 'Сотрудникам' });
    screen.getByRole('heading', { name: 'Введите ПИН-код сотрудника' });
    expect((screen.getByRole('button', { name: 'Войти' }) as HTMLButtonElement).disabled).toBe(true);
    for (const d of '1357') await tap(d);
    expect(screen.getByTestId('pin-dots').getAttribute('aria-label')).toBe('Введено цифр: 4 из 8');
    await tap('Стереть');
    expect(screen.getByTestId('pin-dots').getAttribute('aria-label')).toBe('Введено цифр: 3 из 8');
    await tap('9');
    await tap('Войти');
    expect(callsOf(api, 'staffLogin')).toEqual([{ pin: '1359' }]);
    // The core allows five tries in a row (staff/pin.ts).
    expect(message()).toBe('Неверный ПИН-код. Осталось 4\u00a0попытки.');
    screen.getByRole('button', { name: 'Закрыть' });
  });

  it('says the pad is locked after too many wrong tries', async () => {
    const { clock } = await renderInRussian();
    for (let i = 0; i < 5; i++) await typePin('1111');
    expect(message()).toBe('Неверный ПИН-код. Неверных попыток подряд: 5. Ввод заблокирован на 5\u00a0минут.');
    clock.advance(61_000);
    await typePin('2468');
    screen.getByRole('heading', { name: 'Ввод ПИН-кода заблокирован' });
    expect(message()).toBe('Ввод ПИН-кода заблокирован ещё на 4\u00a0минуты.');
  });

  it('words tries and minutes with the Russian plural forms', () => {
    const ru = (key: 'staff.pinWrongTries' | 'staff.pinLockedFor', count: number) => formatMessage('ru', key, { count }).replace(/\u00a0/g, ' ');
    expect([1, 2, 5, 21].map((n) => ru('staff.pinWrongTries', n))).toEqual([
      'Неверный ПИН-код. Осталась 1 попытка.',
      'Неверный ПИН-код. Осталось 2 попытки.',
      'Неверный ПИН-код. Осталось 5 попыток.',
      'Неверный ПИН-код. Осталась 21 попытка.',
    ]);
    expect([1, 3, 5].map((n) => ru('staff.pinLockedFor', n))).toEqual([
      'Ввод ПИН-кода заблокирован ещё на 1 минуту.',
      'Ввод ПИН-кода заблокирован ещё на 3 минуты.',
      'Ввод ПИН-кода заблокирован ещё на 5 минут.',
    ]);
    expect(formatMessage('ru', 'staff.pinLockedAfter', { count: 5, tries: 5 })).toBe('Неверный ПИН-код. Неверных попыток подряд: 5. Ввод заблокирован на 5\u00a0минут.');
    expect(formatMessage('en', 'staff.pinLockedAfter', { count: 5, tries: 5 })).toBe('Wrong PIN. Locked for 5 minutes after 5 wrong tries.');
  });

  it('shows the status and the settings in Russian once in', async () => {
    await renderInRussian();
    await typePin('2468');
    const live = screen.getByTestId('staff-live');
    within(live).getByRole('heading', { name: 'Сейчас на киоске' });
    expect(live.textContent).toContain(`9${nbsp}предметов, 8${nbsp}тем, 10${nbsp}изображений`);
    screen.getByRole('heading', { name: 'Прежние версии' });
    screen.getAllByRole('button', { name: 'Вернуть эту версию' });
    screen.getByRole('heading', { name: 'Настройки' });
    screen.getByRole('button', { name: 'Увеличить: ожидание до сброса' });
    within(screen.getByTestId('setting-openingHours')).getByText('Понедельник');
    expect(screen.getByTestId('staff-host').textContent).toMatch(/^Браузерный киоск по адресу /);
    screen.getByRole('button', { name: 'Выйти' });
  });
});
