// @vitest-environment happy-dom
/**
 * The kiosk in Russian, as a visitor meets it: one tap on «Русский» (on attract or in the top
 * bar) and every screen's own words are Russian, while the exhibit's content stays in the
 * package's English and says so with `lang`; the idle reset brings the next visitor English.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src-renderer/App.svelte';
import { i18nContext } from '../../src-renderer/i18n/context';
import MyList from '../../src-renderer/screens/MyList.svelte';
import { Language } from '../../src-renderer/state/language.svelte';
import { savedItemOf } from '../../src-renderer/state/saved-items.svelte';
import { kioskApi, openKiosk, settle, stores } from './real-kiosk';

vi.mock('openseadragon', () => import('./openseadragon-fake'));

const TIMEOUT_MS = 5_000;
const COUNTDOWN_MS = 3_000;
const nbsp = '\u00a0';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

async function tap(element: Element): Promise<void> {
  await fireEvent.click(element);
  await settle();
}

const main = (kind: string) => document.querySelector<HTMLElement>(`main[data-screen="${kind}"]`);
const h1 = () => document.querySelector<HTMLElement>('main[data-screen] h1')!;
const button = (name: string | RegExp) => screen.getByRole('button', { name });
const pressed = (name: string) => button(name).getAttribute('aria-pressed');

async function startInRussian(): Promise<void> {
  render(App, { api: await kioskApi({ settings: { idleTimeoutSeconds: TIMEOUT_MS / 1000, idleCountdownSeconds: COUNTDOWN_MS / 1000 } }) });
  await settle();
  expect(document.documentElement.lang).toBe('en');
  await tap(button('Русский'));
}

describe('the kiosk in Russian', () => {
  it('a tap on «Русский» on attract begins the visit in Russian, content left in English', async () => {
    await startInRussian();
    const home = main('home')!;
    expect(home).not.toBeNull();
    expect(document.documentElement.lang).toBe('ru');
    expect(home.querySelector('.eyebrow')?.textContent).toBe('Выставка');
    expect(h1().textContent).toBe('Revelations from the Russian Archives');
    expect(h1().lang).toBe('en');
    expect(screen.getByRole('list', { name: 'Разделы' })).toBeTruthy();
    const card = button(/^The Soviet Union and the United States/);
    // Named by its words (aria-labelledby): title, counts, the stand-in label, the action.
    expect(card.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent?.trim())).toEqual([
      'The Soviet Union and the United States',
      `8${nbsp}тем · 9${nbsp}предметов`,
      'Смотреть',
      `Условное изображение${nbsp}— не подлинник`,
    ]);
    expect(card.textContent).toContain('Смотреть');
    expect(card.textContent).toContain(`Условное изображение${nbsp}— не подлинник`);
    expect(home.textContent).toContain('Здесь не представлен');
    expect(home.querySelector('.credit')?.getAttribute('lang')).toBe('en');
    // The top bar: Russian words, the switch showing Russian pressed, one tap back to English.
    const bar = screen.getByRole('navigation', { name: 'Навигация' });
    expect(within(bar).getByRole('button', { name: 'Назад' })).toBeTruthy();
    expect(within(bar).getByRole('button', { name: 'На главную' })).toBeTruthy();
    expect(within(bar).getByRole('button', { name: `Мой список, 0${nbsp}предметов` })).toBeTruthy();
    expect(within(bar).getByRole('group', { name: 'Язык' })).toBeTruthy();
    expect([pressed('Русский'), pressed('English')]).toEqual(['true', 'false']);
    expect(button('Русский').lang).toBe('ru');
    expect(button('English').lang).toBe('en');
    expect(document.title).toBe('Revelations from the Russian Archives');
  });

  it('section and topic: Russian labels, counts and way on; English titles and essay', async () => {
    await startInRussian();
    await tap(button(/^The Soviet Union and the United States/));
    const section = main('section')!;
    expect(section.querySelector('.eyebrow')?.textContent).toBe('Раздел');
    expect([...section.querySelectorAll('article p')].every((p) => p.getAttribute('lang') === 'en')).toBe(true);
    const topics = screen.getByRole('navigation', { name: 'Темы' });
    const postwar = within(topics).getByRole('button', { name: /^Postwar Estrangement/ });
    expect(postwar.querySelector('.meta')?.textContent).toBe(`2${nbsp}предмета`);
    expect(postwar.querySelector('.title')?.getAttribute('lang')).toBe('en');

    await tap(postwar);
    const topic = main('topic')!;
    expect(h1().textContent).toBe('Postwar Estrangement');
    expect([...topic.querySelectorAll('article p')].every((p) => p.getAttribute('lang') === 'en')).toBe(true);
    const card = button(/^Открыть «Telegram to President Truman»/);
    expect(card.closest('.plate')?.textContent).toContain('Из архивов');
    expect(card.textContent).toContain('Рассмотреть');
    const more = screen.getByRole('navigation', { name: 'Другие темы' });
    expect(within(more).getAllByRole('button').map((b) => b.textContent?.trim())).toEqual(['Предыдущая тема', 'Следующая тема']);
  });

  it('switches back to English in one tap, on the same screen', async () => {
    await startInRussian();
    await tap(button(/^The Soviet Union and the United States/));
    await tap(button(/^Postwar Estrangement/));
    await tap(button('English'));
    expect(main('topic')).not.toBeNull();
    expect(document.documentElement.lang).toBe('en');
    expect(button('Next topic')).toBeTruthy();
    expect(button('Back')).toBeTruthy();
    expect([pressed('English'), pressed('Русский')]).toEqual(['true', 'false']);
  });

  it('My list, empty: says how to save, in Russian', async () => {
    await startInRussian();
    await tap(button(`Мой список, 0${nbsp}предметов`));
    const list = main('my-list')!;
    expect(h1().textContent).toBe('Мой список');
    expect(list.querySelector('.eyebrow')?.textContent).toBe('Возьмите с собой');
    expect(list.querySelector('.lead')?.textContent?.trim()).toMatch(/^Здесь пока ничего нет\. Нажмите «Сохранить»/);
    expect(document.title).toBe('Мой список');
  });

  it('the idle reset brings the next visitor the default language', async () => {
    await startInRussian();
    await tap(button(/^The Soviet Union and the United States/));
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS + COUNTDOWN_MS);
    await settle();
    expect(main('attract')).not.toBeNull();
    expect(document.documentElement.lang).toBe('en');
    expect(button('Touch to begin')).toBeTruthy();
    await tap(button('Touch to begin'));
    expect(main('home')?.querySelector('.eyebrow')?.textContent).toBe('Exhibit');
    expect(button('Back')).toBeTruthy();
    expect([pressed('English'), pressed('Русский')]).toEqual(['true', 'false']);
  });

  it("opens in the package's language when the kiosk speaks it", async () => {
    // A package written in Russian (its own language, not a translation).
    const { api, core } = await openKiosk();
    core.publisher.report('attract'); // nobody at the kiosk: the package goes live as it is imported
    await core.importPackage(stores.packages.russian, 'test');
    render(App, { api });
    await settle();
    expect(document.documentElement.lang).toBe('ru');
    expect(button('Коснитесь экрана, чтобы начать')).toBeTruthy();
    expect(h1().lang).toBe('ru');
  });
});

describe('My list in Russian, with objects', () => {
  it('counts, offers codes and removal in Russian; titles stay in the package’s language', async () => {
    const language = new Language();
    language.setContentLanguage('en');
    language.choose('ru');
    const { read } = await openKiosk();
    const items = ['obj1', 'obj4'].map((id) => savedItemOf(read.artifact(id)));
    const qr = new Map(items.map((item) => [item.permanentUrl!, read.qr(item.permanentUrl!)]));
    render(MyList, { props: { items, qr, onOpenArtifact: vi.fn(), onRemove: vi.fn() }, context: i18nContext(language) });
    expect(main('my-list')!.querySelector('.lead')?.textContent?.trim()).toBe(
      `Сохранено 2${nbsp}предмета. Отсканируйте код телефоном, чтобы дома снова найти предмет.`,
    );
    const list = screen.getByRole('list', { name: 'Сохранённые предметы' });
    const first = within(list).getAllByTestId('saved-item')[0]!;
    expect(within(first).getByRole('button', { name: new RegExp('^Открыть «Document on Food Shipments to Russia»') })).toBeTruthy();
    expect(within(first).getByRole('button', { name: 'Убрать «Document on Food Shipments to Russia»' }).textContent?.trim()).toBe('Убрать');
    expect(within(first).getByRole('img', { name: `QR-код ссылки ${items[0]!.permanentUrl}` })).toBeTruthy();
    expect(first.textContent).toContain('Отсканируйте код, чтобы взять предмет с собой, или перейдите по адресу:');
    expect(first.querySelector('.title')?.getAttribute('lang')).toBe('en');
    expect(within(first).getByTestId('permanent-url').getAttribute('translate')).toBe('no');
  });
});
