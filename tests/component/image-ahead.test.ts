/**
 * The still images one tap away (issue 18, first sharp frame): a topic's objects are held,
 * decoded, in the essay's order, a few at a time, and each new screen's list replaces the last.
 */
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ImageAhead, IMAGES_AHEAD } from '../../src-renderer/state/image-ahead';
import { stillsOneTapAway, type ScreenData } from '../../src-renderer/state/screen-data';

const artifact = (id: string, display: string | null) => ({ type: 'artifact', artifact: { id, title: id, thumb: display ? { display } : null } });
const topic = (blocks: unknown[]) => ({ kind: 'topic', topic: { blocks } }) as unknown as ScreenData;

describe('the still images one tap away', () => {
  it('are the display renditions of the objects a topic shows, in its order; none elsewhere', () => {
    const data = topic([{ type: 'paragraph', text: 'x' }, artifact('obj2', '/media/b.jpg'), artifact('obj3', null), artifact('obj1', '/media/a.jpg')]);
    expect(stillsOneTapAway(data)).toEqual(['/media/b.jpg', '/media/a.jpg']);
    expect(stillsOneTapAway({ kind: 'home' } as unknown as ScreenData)).toEqual([]);
  });

  it('are held a few at a time, each list replacing the last, and let go at the end', () => {
    const ahead = new ImageAhead();
    ahead.hold(['/a', '/b', '/a', '/c', '/d', '/e']);
    expect(ahead.held).toEqual(['/a', '/b', '/c', '/d', '/e'].slice(0, IMAGES_AHEAD));
    ahead.hold(['/e']);
    expect(ahead.held).toEqual(['/e']);
    ahead.release();
    expect(ahead.held).toEqual([]);
  });
});
