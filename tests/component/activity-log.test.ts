// @vitest-environment happy-dom
/**
 * The renderer's side of visitor analytics (issue 21): a visit's log counts nothing before the
 * first touch, times each screen, sends batches off the tap's path and a last one with the
 * visit's length at the reset, bounds its queue (dropping and counting), counts a language or a
 * mode once per visit, and tells a held event (how far a film was played) when its player goes
 * or the visit ends, whichever comes first.
 */
import { describe, expect, it } from 'vitest';
import type { RecordActivityArgs } from '../../src-main/contract/analytics';
import { recordActivitySchema } from '../../src-main/contract/analytics';
import { ActivityLog } from '../../src-renderer/state/activity-log';

function harness() {
  let now = 1000;
  const timers: { fn: () => void; at: number }[] = [];
  const sent: RecordActivityArgs[] = [];
  const log = new ActivityLog(
    async (args) => {
      // What leaves must pass the contract as the core will check it.
      expect(recordActivitySchema.safeParse(args).success).toBe(true);
      sent.push(args);
      return { accepted: true };
    },
    { now: () => now, setTimeout: (fn, ms) => timers.push({ fn, at: now + ms }), clearTimeout: () => timers.splice(0) },
  );
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.splice(0).filter((x) => x.at <= now)) t.fn();
  };
  return { log, sent, advance };
}

describe('ActivityLog', () => {
  it('counts nothing on the attract screen, then times each screen of the visit', () => {
    const { log, sent, advance } = harness();
    log.screen('attract');
    log.record({ kind: 'zoom', artifact: 'obj1' });
    expect(log.begun).toBe(false);
    log.begin();
    log.screen('home');
    advance(4000);
    log.screen('artifact', 'obj4');
    advance(12_500);
    log.end();
    expect(sent).toEqual([
      {
        visit: log.visit,
        events: [
          { kind: 'screen', screen: 'home', id: null, dwellMs: 4000 },
          { kind: 'screen', screen: 'artifact', id: 'obj4', dwellMs: 12_500 },
        ],
        dropped: 0,
        endedMs: 16_500,
      },
    ]);
    expect(log.visit).toMatch(/^[A-Za-z0-9_-]{22}$/);
    log.end();
    expect(sent).toHaveLength(1);
  });

  it('sends a batch every 15 s while the visit goes on, never at the tap itself', () => {
    const { log, sent, advance } = harness();
    log.begin();
    log.record({ kind: 'save', artifact: 'obj1' });
    expect(sent).toEqual([]);
    advance(15_000);
    expect(sent).toEqual([{ visit: log.visit, events: [{ kind: 'save', artifact: 'obj1' }], dropped: 0 }]);
  });

  it('keeps at most 200 events waiting, and counts the rest as dropped', () => {
    const { log, sent } = harness();
    log.begin();
    for (let i = 0; i < 230; i++) log.record({ kind: 'zoom', artifact: 'obj1' });
    log.end();
    expect(sent[0]!.events).toHaveLength(200);
    expect(sent[0]!.dropped).toBe(30);
  });

  it('counts a language or a mode once per visit', () => {
    const { log, sent } = harness();
    log.begin();
    log.chose('language', 'en');
    log.chose('language', 'ru');
    log.chose('language', 'en');
    log.chose('mode', 'reach');
    log.chose('mode', 'reach');
    log.end();
    expect(sent[0]!.events).toEqual([{ kind: 'language', language: 'en' }, { kind: 'language', language: 'ru' }, { kind: 'mode', mode: 'reach' }]);
  });

  it('tells a held event when its owner goes, or at the end of the visit, with its figures then', () => {
    const { log, sent } = harness();
    log.begin();
    const [first, second] = [{}, {}];
    let furthest = 10;
    log.hold(first, () => ({ kind: 'play', artifact: 'obj9', recording: 1, playedSeconds: furthest, durationSeconds: 60 }));
    log.hold(second, () => ({ kind: 'play', artifact: 'obj9', recording: 2, playedSeconds: 5, durationSeconds: 30 }));
    furthest = 42;
    log.release(first);
    log.release(first);
    log.end();
    expect(sent[0]!.events).toEqual([
      { kind: 'play', artifact: 'obj9', recording: 1, playedSeconds: 42, durationSeconds: 60 },
      { kind: 'play', artifact: 'obj9', recording: 2, playedSeconds: 5, durationSeconds: 30 },
    ]);
  });

  it('sends nothing for a session that never began (the kiosk reset on its attract screen)', () => {
    const { log, sent } = harness();
    log.end();
    expect(sent).toEqual([]);
  });
});
