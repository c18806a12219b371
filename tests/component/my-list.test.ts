// @vitest-environment happy-dom
/**
 * My list: each saved object with its thumbnail, a way back to it, Remove, and its permanent
 * address to take home as a QR code (or a plain line when the package gives none).
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { QrMatrix } from '../../src-main/contract/types';
import MyList from '../../src-renderer/screens/MyList.svelte';
import { savedItemOf, type SavedItem } from '../../src-renderer/state/saved-items.svelte';
import { openKiosk } from './real-kiosk';

const { read } = await openKiosk();
const obj1 = savedItemOf(read.artifact('obj1'));
const obj4 = savedItemOf(read.artifact('obj4'));
/** An object whose package gives no permanent address (obj5 in the curator's variant of the exhibit). */
const noAddress = savedItemOf((await openKiosk({ store: 'variant' })).read.artifact('obj5'));

function codesFor(items: SavedItem[]): Map<string, QrMatrix> {
  return new Map(items.flatMap((i) => (i.permanentUrl ? [[i.permanentUrl, read.qr(i.permanentUrl)] as const] : [])));
}

function show(items: SavedItem[]) {
  const onOpenArtifact = vi.fn();
  const onRemove = vi.fn();
  const result = render(MyList, { items, qr: codesFor(items), onOpenArtifact, onRemove });
  return { ...result, onOpenArtifact, onRemove };
}

describe('My list', () => {
  it('is its own screen, titled My list', () => {
    const { container } = show([obj1]);
    expect(container.querySelector('main[data-screen="my-list"]')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('My list');
  });

  it('lists every saved object with its title and thumbnail, in the order saved', () => {
    show([obj4, obj1]);
    const items = screen.getAllByTestId('saved-item');
    expect(items.map((li) => within(li).getByRole('button', { name: /^Open / }).getAttribute('aria-label'))).toEqual([
      'Open Testimony of Wendell Wilkie, Stand-in image — not the original',
      'Open Document on Food Shipments to Russia, Stand-in image — not the original',
    ]);
    expect(items[0]!.querySelector('img')?.getAttribute('src')).toBe(obj4.picture?.thumb);
    expect(screen.getByText('2 objects saved.', { exact: false })).toBeTruthy();
  });

  it('offers a QR code and the address as text for each object to take home', () => {
    show([obj1, obj4]);
    for (const item of [obj1, obj4]) {
      const li = screen.getAllByTestId('saved-item').find((el) => el.textContent?.includes(item.title as string))!;
      expect(within(li).getByRole('img', { name: `QR code for ${item.permanentUrl}` }).tagName.toLowerCase()).toBe('svg');
      expect(within(li).getByTestId('permanent-url').textContent).toBe(item.permanentUrl);
    }
    expect(screen.getAllByRole('img', { name: /^QR code for/ })).toHaveLength(2);
  });

  it('says plainly when an object has no address to take home, and draws no code for it', () => {
    show([obj1, noAddress]);
    const li = screen.getAllByTestId('saved-item')[1]!;
    expect(li.textContent).toContain('This object has no permanent address to take home.');
    expect(within(li).queryByRole('img', { name: /^QR code/ })).toBeNull();
    expect(screen.getAllByRole('img', { name: /^QR code for/ })).toHaveLength(1);
  });

  it('removes an object, and opens one again', async () => {
    const { onRemove, onOpenArtifact } = show([obj1, obj4]);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Testimony of Wendell Wilkie' }));
    expect(onRemove).toHaveBeenCalledWith('obj4');
    await fireEvent.click(screen.getByRole('button', { name: new RegExp('^Open Document on Food Shipments to Russia') }));
    expect(onOpenArtifact).toHaveBeenCalledWith('obj1');
  });

  it('with nothing saved, says how to save, with no empty list', () => {
    show([]);
    expect(screen.getByText(/Nothing saved yet/)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
