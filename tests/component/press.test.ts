// @vitest-environment happy-dom
/**
 * Presses: the control under a finger is marked from the moment it lands until it lifts or the
 * touch becomes a scroll; nothing else is marked; and a screen still sliding in is settled.
 * (tests/e2e/press.spec.ts checks the same in Chromium, with real touches and animations.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerPresses, SCREEN_ENTER, settleScreens } from '../../src-renderer/state/press';

/** A touch pointer event; finger 1 is the first finger down (the primary pointer). */
function pointer(type: 'pointerdown' | 'pointerup' | 'pointercancel', target: Element, pointerId = 1): void {
  target.dispatchEvent(new PointerEvent(type, { pointerId, isPrimary: pointerId === 1, pointerType: 'touch', bubbles: true, composed: true }));
}

function page(html: string): void {
  document.body.innerHTML = html;
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;

let release: (() => void) | undefined;
afterEach(() => {
  release?.();
  release = undefined;
  document.body.innerHTML = '';
});

describe('answerPresses', () => {
  it('marks the button under the finger while it is down, from a touch on its label', () => {
    page('<button id="open" type="button"><span id="label">Lend-Lease</span></button>');
    release = answerPresses(document);

    pointer('pointerdown', byId('label'));
    expect(byId('open').hasAttribute('data-pressed')).toBe(true);
    pointer('pointerup', byId('label'));
    expect(byId('open').hasAttribute('data-pressed')).toBe(false);
  });

  it('lets go when the touch turns into a scroll', () => {
    page('<a id="link" href="#topic">A topic</a>');
    release = answerPresses(document);

    pointer('pointerdown', byId('link'));
    expect(byId('link').hasAttribute('data-pressed')).toBe(true);
    pointer('pointercancel', byId('link'));
    expect(byId('link').hasAttribute('data-pressed')).toBe(false);
  });

  it('marks nothing for a disabled button or for text', () => {
    page('<button id="off" type="button" disabled>Back</button><p id="text">An essay</p>');
    release = answerPresses(document);

    pointer('pointerdown', byId('off'));
    pointer('pointerdown', byId('text'), 2);
    expect(document.querySelectorAll('[data-pressed]')).toHaveLength(0);
  });

  it('keeps each finger apart: lifting one leaves the other pressed', () => {
    page('<button id="a" type="button">A</button><button id="b" type="button">B</button>');
    release = answerPresses(document);

    pointer('pointerdown', byId('a'), 1);
    pointer('pointerdown', byId('b'), 2);
    pointer('pointerup', byId('a'), 1);
    expect(byId('a').hasAttribute('data-pressed')).toBe(false);
    expect(byId('b').hasAttribute('data-pressed')).toBe(true);
  });

  it('lets go of a press whose lift never came when the next touch begins', () => {
    page('<button id="a" type="button">A</button><button id="b" type="button">B</button>');
    release = answerPresses(document);

    pointer('pointerdown', byId('a'), 1);
    pointer('pointerdown', byId('b'), 1);
    expect(byId('a').hasAttribute('data-pressed')).toBe(false);
    expect(byId('b').hasAttribute('data-pressed')).toBe(true);
  });

  it('clears its marks and stops listening when removed', () => {
    page('<button id="a" type="button">A</button>');
    release = answerPresses(document);
    pointer('pointerdown', byId('a'));
    release();
    release = undefined;
    expect(byId('a').hasAttribute('data-pressed')).toBe(false);

    pointer('pointerdown', byId('a'));
    expect(byId('a').hasAttribute('data-pressed')).toBe(false);
  });
});

describe('settleScreens', () => {
  it("finishes the screens' entrance slides and nothing else", () => {
    const slide = { animationName: SCREEN_ENTER, finish: vi.fn() };
    const spinner = { animationName: 'spin', finish: vi.fn() };
    const scripted = { finish: vi.fn() };
    settleScreens({ getAnimations: () => [slide, spinner, scripted] as unknown as Animation[] });
    expect(slide.finish).toHaveBeenCalledOnce();
    expect(spinner.finish).not.toHaveBeenCalled();
    expect(scripted.finish).not.toHaveBeenCalled();
  });
});
