// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { Navigation } from '../../src-renderer/state/navigation.svelte';

describe('Navigation', () => {
  it('starts on the attract loop, with nowhere to go back to', () => {
    const nav = new Navigation();
    expect(nav.current).toEqual({ kind: 'attract' });
    expect(nav.canGoBack).toBe(false);
  });

  it('opens screens on a stack and goes back through them in reverse', () => {
    const nav = new Navigation();
    nav.open({ kind: 'home' });
    nav.open({ kind: 'section', id: 's1' });
    nav.open({ kind: 'topic', id: 't1' });
    nav.open({ kind: 'artifact', id: 'obj1' });
    expect(nav.depth).toBe(4);
    nav.back();
    expect(nav.current).toEqual({ kind: 'topic', id: 't1' });
    nav.back();
    nav.back();
    expect(nav.current).toEqual({ kind: 'home' });
    expect(nav.canGoBack).toBe(false);
    nav.back();
    expect(nav.current).toEqual({ kind: 'home' });
  });

  it('leaves attract out of the back stack: back from the first screen goes home, not to attract', () => {
    const nav = new Navigation();
    nav.open({ kind: 'artifact', id: 'obj4' });
    expect(nav.depth).toBe(1);
    expect(nav.canGoBack).toBe(true);
    nav.back();
    expect(nav.current).toEqual({ kind: 'home' });
  });

  it('home() clears the path; toAttract() forgets everything', () => {
    const nav = new Navigation();
    nav.open({ kind: 'home' });
    nav.open({ kind: 'section', id: 's1' });
    nav.open({ kind: 'topic', id: 't1' });
    nav.home();
    expect(nav.current).toEqual({ kind: 'home' });
    expect(nav.depth).toBe(1);
    nav.open({ kind: 'topic', id: 't2' });
    nav.toAttract();
    expect(nav.current).toEqual({ kind: 'attract' });
    expect(nav.depth).toBe(1);
    nav.back();
    expect(nav.current).toEqual({ kind: 'attract' });
  });

  it('does not stack the same screen twice (a double tap)', () => {
    const nav = new Navigation();
    nav.open({ kind: 'home' });
    nav.open({ kind: 'topic', id: 't1' });
    nav.open({ kind: 'topic', id: 't1' });
    expect(nav.depth).toBe(2);
  });

  it('replace() swaps the current screen, so Back skips a previous/next chain', () => {
    const nav = new Navigation();
    nav.open({ kind: 'home' });
    nav.open({ kind: 'topic', id: 't1' });
    nav.open({ kind: 'artifact', id: 'obj1' });
    nav.replace({ kind: 'artifact', id: 'obj2' });
    nav.replace({ kind: 'artifact', id: 'obj3' });
    expect(nav.current).toEqual({ kind: 'artifact', id: 'obj3' });
    nav.back();
    expect(nav.current).toEqual({ kind: 'topic', id: 't1' });
  });

  it('remembers the scroll position of a screen for when the visitor comes back', () => {
    const nav = new Navigation();
    nav.open({ kind: 'home' });
    nav.open({ kind: 'topic', id: 't1' });
    nav.saveScroll(840);
    nav.open({ kind: 'artifact', id: 'obj1' });
    expect(nav.savedScrollY).toBe(0);
    nav.back();
    expect(nav.savedScrollY).toBe(840);
  });

  it('notifies readers of every move, and only of moves', () => {
    const nav = new Navigation();
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(nav.current.kind + (nav.canGoBack ? '+back' : ''));
      });
    });
    flushSync();
    nav.open({ kind: 'home' });
    flushSync();
    nav.open({ kind: 'section', id: 's1' });
    flushSync();
    nav.saveScroll(300); // not a move: must not re-run readers
    flushSync();
    nav.home();
    flushSync();
    stop();
    expect(seen).toEqual(['attract', 'home', 'section+back', 'home']);
  });
});
