// @vitest-environment happy-dom
/**
 * The Timeline screen (issue 6) on the built-in exhibit with the seed's periods: one list in time
 * order, honest about objects dated only by their topic, an Undated group, taps that open, a
 * drag that never opens, and the way in from the home screen.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../../src-renderer/App.svelte';
import { axisOf, layOut } from '../../src-renderer/components/timeline/layout';
import Home from '../../src-renderer/screens/Home.svelte';
import Timeline from '../../src-renderer/screens/Timeline.svelte';
import type { TimelineView } from '../../src-main/contract/types';
import { kioskApi, openKiosk } from './real-kiosk';

vi.mock('openseadragon', () => import('./openseadragon-fake'));

const { read } = await openKiosk();

function renderTimeline(timeline: TimelineView = read.timeline()) {
  const onOpenTopic = vi.fn();
  const onOpenArtifact = vi.fn();
  const result = render(Timeline, { timeline, onOpenTopic, onOpenArtifact });
  return { ...result, onOpenTopic, onOpenArtifact };
}

const timeList = () => screen.getByRole('list', { name: 'Topics and objects in time order' });

describe('Timeline screen', () => {
  it('titles the screen and gives the span of the axis', () => {
    const { container } = renderTimeline();
    expect(container.querySelector('main[data-screen="timeline"]')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Timeline');
    expect(container.textContent).toContain('1917 – 1991');
  });

  it('is one list in time order that a screen reader or a switch walks first to last', () => {
    renderTimeline();
    const items = within(timeList()).getAllByRole('listitem');
    expect(items).toHaveLength(7 + 8);
    const buttons = within(timeList()).getAllByRole('button');
    // Accessible names, as a screen reader announces them, in the order it meets them.
    const first = [
      'Soviet and American Communist Parties 1919–1991 , topic, 1 object',
      'Testimony of Comrade Gitlow 1919–1991 Dated by its topic , object, the period of its topic, Soviet and American Communist Parties; the exhibit gives no date for the object itself; the picture is a stand-in, not the original',
      'American Famine Relief 1920–1923 , topic, 1 object',
      'Document on Food Shipments to Russia 1920–1923 Dated by its topic , object, the period of its topic, American Famine Relief; the exhibit gives no date for the object itself; the picture is a stand-in, not the original',
      'Economic Cooperation 1921–1929 , topic, 1 object',
    ];
    first.forEach((name, i) => expect(buttons[i]).toBe(within(timeList()).getByRole('button', { name })));
    expect(buttons.at(-2)).toBe(within(timeList()).getByRole('button', { name: /^Cuban Missile Crisis 1962 / }));
    // Tab order is the list's order: nothing in it is taken out of the sequence or reordered.
    expect(timeList().querySelectorAll('[tabindex]')).toHaveLength(0);
  });

  it('never shows an object a date of its own that the exhibit does not give', () => {
    renderTimeline();
    const objects = within(timeList()).getAllByTestId('timeline-object');
    expect(objects).toHaveLength(8);
    for (const object of objects) {
      expect(object.textContent).toContain('Dated by its topic');
      expect(object.classList.contains('by-topic')).toBe(true);
    }
    // Stand-in pictures are marked in words on the axis too.
    expect(within(objects[0]!).getByText('Stand-in')).toBeTruthy();
  });

  it('opens a topic or an object with one tap', async () => {
    const { onOpenTopic, onOpenArtifact } = renderTimeline();
    await fireEvent.click(within(timeList()).getByRole('button', { name: /^Cuban Missile Crisis/ }));
    expect(onOpenTopic).toHaveBeenCalledWith('cuban-missile-crisis');
    await fireEvent.click(within(timeList()).getByRole('button', { name: /^Stalin at Potsdam/ }));
    expect(onOpenArtifact).toHaveBeenCalledWith('obj6');
  });

  it('shows what has no period under Undated, openable, each object after its topic', async () => {
    const { onOpenTopic, onOpenArtifact } = renderTimeline();
    const undated = screen.getByRole('region', { name: 'Undated' });
    expect(within(undated).getAllByRole('button').map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      'Topic American POWs and MIAs 1 object',
      'Object List of POWs Stand-in',
    ]);
    expect(within(timeList()).queryByRole('button', { name: /American POWs/ })).toBeNull();
    await fireEvent.click(within(undated).getByRole('button', { name: /American POWs and MIAs/ }));
    expect(onOpenTopic).toHaveBeenCalledWith('american-pows-and-mias');
    await fireEvent.click(within(undated).getByRole('button', { name: /List of POWs/ }));
    expect(onOpenArtifact).toHaveBeenCalledWith('obj5');
  });

  it('drags with one finger: a stroke that moved opens nothing; the next tap does', async () => {
    const { onOpenTopic } = renderTimeline();
    const strip = screen.getByTestId('timeline-strip');
    const topic = within(timeList()).getByRole('button', { name: /^Alliance/ });
    await fireEvent.pointerDown(topic, { pointerId: 3, pointerType: 'touch', isPrimary: true, clientX: 600, clientY: 400 });
    await fireEvent.pointerMove(topic, { pointerId: 3, pointerType: 'touch', isPrimary: true, clientX: 420, clientY: 404 });
    await fireEvent.pointerUp(topic, { pointerId: 3, pointerType: 'touch', isPrimary: true, clientX: 400, clientY: 404 });
    await fireEvent.click(topic);
    expect(onOpenTopic).not.toHaveBeenCalled();
    expect(strip.scrollLeft).toBeGreaterThanOrEqual(0);

    await fireEvent.pointerDown(topic, { pointerId: 4, pointerType: 'touch', isPrimary: true, clientX: 600, clientY: 400 });
    await fireEvent.pointerUp(topic, { pointerId: 4, pointerType: 'touch', isPrimary: true, clientX: 603, clientY: 401 });
    await fireEvent.click(topic);
    expect(onOpenTopic).toHaveBeenCalledWith('alliance');
  });

  it('offers Earlier and Later buttons of a full touch size, as well as the swipe', () => {
    renderTimeline();
    for (const name of ['Earlier', 'Later']) expect(screen.getByRole('button', { name }).classList.contains('pager-button')).toBe(true);
  });

  it('says so plainly when the exhibit dates nothing, and lists everything as undated', async () => {
    // The curator's variant of the exhibit: the same topics and objects, and no timeline or periods.
    const undated = (await openKiosk({ store: 'variant' })).read.timeline();
    expect(undated.span).toBeNull();
    const { container } = renderTimeline(undated);
    expect(screen.queryByTestId('timeline-strip')).toBeNull();
    expect(container.textContent).toContain('The exhibit gives no dates for its topics and objects');
    expect(within(screen.getByRole('region', { name: 'Undated' })).getAllByRole('button')).toHaveLength(17);
  });
});

describe('the timeline layout', () => {
  it('ticks the built-in axis by decade', () => {
    expect(axisOf({ from: 1917, to: 1991 }).ticks.map((t) => t.year)).toEqual([1920, 1930, 1940, 1950, 1960, 1970, 1980, 1990]);
  });

  it('squeezes a long axis and ticks it more sparsely, so it can still be swiped across', () => {
    const axis = axisOf({ from: -3000, to: 2000 });
    expect(axis.length).toBeLessThanOrEqual(601);
    expect(axis.ticks[1]!.at - axis.ticks[0]!.at).toBeGreaterThanOrEqual(10);
  });

  it('never lets two boxes of one row overlap in a lane', () => {
    const { placed } = layOut({ from: 1917, to: 1991 }, read.timeline().dated);
    for (const a of placed) {
      for (const b of placed) {
        if (a === b || a.row !== b.row || a.lane !== b.lane) continue;
        expect(a.at + a.box <= b.at || b.at + b.box <= a.at, `${a.entry.id} / ${b.entry.id}`).toBe(true);
      }
    }
  });
});

describe('the way in', () => {
  it('offers the timeline on the home screen when the exhibit dates something, and not otherwise', async () => {
    const onOpenTimeline = vi.fn();
    render(Home, { exhibit: read.exhibit(), onOpenSection: vi.fn(), onOpenTimeline });
    await fireEvent.click(screen.getByRole('button', { name: /^Timeline 1917 – 1991/ }));
    expect(onOpenTimeline).toHaveBeenCalled();
  });

  it('hides it for an exhibit without dates', async () => {
    render(Home, { exhibit: (await openKiosk({ store: 'variant' })).read.exhibit(), onOpenSection: vi.fn(), onOpenTimeline: vi.fn() });
    expect(screen.queryByRole('button', { name: /^Timeline/ })).toBeNull();
  });

  it('goes home → timeline → topic, and Back returns to the timeline', async () => {
    const api = await kioskApi();
    render(App, { api });
    await fireEvent.click(await screen.findByRole('button', { name: 'Touch to begin' }));
    await fireEvent.click(await screen.findByRole('button', { name: /^Timeline/ }));
    await waitFor(() => expect(document.querySelector('main[data-screen="timeline"]')).not.toBeNull());
    expect(api.calls.at(-1)).toEqual({ method: 'getTimeline', args: {} });
    await fireEvent.click(within(timeList()).getByRole('button', { name: /^Economic Cooperation/ }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Economic Cooperation'));
    await fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Timeline'));
  });
});
