// @vitest-environment happy-dom
/**
 * The visitor's saved objects ("Save", My list): kept in order, each once, removable, and gone
 * with the VisitorSession that the idle reset replaces (issue 3: the next visitor finds nothing).
 */
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { SavedItems, savedItemOf } from '../../src-renderer/state/saved-items.svelte';
import { VisitorSession } from '../../src-renderer/state/visitor-session.svelte';
import { openKiosk } from './real-kiosk';

const { read } = await openKiosk();

const item = (id: string) => savedItemOf(read.artifact(id));

describe('SavedItems', () => {
  it('starts empty', () => {
    const saved = new SavedItems();
    expect(saved.items).toEqual([]);
    expect(saved.count).toBe(0);
    expect(saved.has('obj1')).toBe(false);
  });

  it('keeps what an artifact needs on the list: title, first image, permanent address', () => {
    const artifact = read.artifact('obj4');
    const image = artifact.images[0]!;
    expect(savedItemOf(artifact)).toEqual({
      id: 'obj4',
      title: 'Testimony of Wendell Wilkie',
      picture: { thumb: image.thumb, display: image.display, width: image.width, height: image.height, alt: image.alt, standIn: image.standIn },
      recording: null,
      permanentUrl: 'https://www.loc.gov/exhibits/archives/sovi.html#obj4',
    });
  });

  it('keeps a recording\'s poster as the picture of an object without images (issue 20)', () => {
    const artifact = read.artifact('obj4');
    const poster = { src: '/media/p.png', display: '/media/p-display.webp', thumb: '/media/p-thumb.webp', width: 320, height: 180 };
    const film = { kind: 'video' as const, poster, src: '/media/f.mp4', mimeType: 'video/mp4' };
    const item = savedItemOf({ ...artifact, images: [], recordings: [film as never] });
    expect(item.picture).toEqual({ thumb: poster.thumb, display: poster.display, width: 320, height: 180, alt: null, standIn: false });
    expect(item.recording).toEqual({ kind: 'video', poster, film: { src: '/media/f.mp4', mimeType: 'video/mp4' } });
  });

  it('adds in the order saved, each object once', () => {
    const saved = new SavedItems();
    saved.add(item('obj3'));
    saved.add(item('obj1'));
    saved.add(item('obj3'));
    expect(saved.items.map((i) => i.id)).toEqual(['obj3', 'obj1']);
    expect(saved.count).toBe(2);
    expect(saved.has('obj1')).toBe(true);
  });

  it('removes an object, and removing one not on the list changes nothing', () => {
    const saved = new SavedItems();
    saved.add(item('obj1'));
    saved.add(item('obj2'));
    const before = saved.items;
    saved.remove('obj9');
    expect(saved.items).toBe(before);
    saved.remove('obj1');
    expect(saved.items.map((i) => i.id)).toEqual(['obj2']);
  });

  it('toggles: Save puts it on the list, Saved takes it off', () => {
    const saved = new SavedItems();
    expect(saved.toggle(item('obj5'))).toBe(true);
    expect(saved.has('obj5')).toBe(true);
    expect(saved.toggle(item('obj5'))).toBe(false);
    expect(saved.has('obj5')).toBe(false);
  });

  it('is reactive: a derived count follows every change', () => {
    const saved = new SavedItems();
    const seen: number[] = [];
    const stop = $effect.root(() => {
      $effect(() => void seen.push(saved.count));
    });
    flushSync();
    saved.add(item('obj1'));
    flushSync();
    saved.add(item('obj2'));
    flushSync();
    saved.remove('obj1');
    flushSync();
    stop();
    expect(seen).toEqual([0, 1, 2, 1]);
  });

  it('lives in the VisitorSession, so the idle reset (a new session) clears it', () => {
    const session = new VisitorSession();
    session.saved.add(item('obj1'));
    session.saved.add(item('obj2'));
    expect(session.saved.count).toBe(2);
    const next = new VisitorSession();
    expect(next.saved.count).toBe(0);
    expect(next.saved).not.toBe(session.saved);
  });
});
