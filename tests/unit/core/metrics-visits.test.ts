// @vitest-environment node
/**
 * The visit counters behind vitrine_visits_total and vitrine_idle_resets_total (issue 22): every
 * visit that ends counts as a visit; only those the renderer ended at its idle reset (a batch
 * with `endedMs`) count as idle resets; a visit still going counts as neither.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ActivityRecorder, type AnalyticsSettings } from '../../../src-main/core/analytics/recorder';
import { createMemoryLogger } from '../../../src-main/core/log';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { ManualClock } from '../../helpers/clock';
import { tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let store: Store;
let clock: ManualClock;
let settings: AnalyticsSettings;
let recorder: ActivityRecorder;

beforeEach(() => {
  root = tempDir('vitrine-metrics-visits-');
  store = openStore(join(root.path, 'vitrine.sqlite'));
  clock = new ManualClock(new Date(2026, 11, 4, 10, 20).getTime());
  settings = { enabled: true, searchThreshold: 5, retentionDays: 400 };
  recorder = new ActivityRecorder({ db: store.db, clock, settings: () => settings, content: () => 'test-exhibit@1.0.0', log: createMemoryLogger() });
});
afterEach(() => {
  recorder.stop();
  store.close();
  root.cleanup();
});

const id = (n: number) => `visit-${String(n).padStart(4, '0')}-abcdefghij`;
const home = { kind: 'screen', screen: 'home', id: null, dwellMs: 1000 } as const;

it('counts visits that ended, and idle resets among them', () => {
  expect(recorder.counts()).toEqual({ visits: 0, idleResets: 0 });

  recorder.accept({ visit: id(1), events: [home] });
  expect(recorder.counts()).toEqual({ visits: 0, idleResets: 0 }); // still going
  recorder.accept({ visit: id(1), events: [], endedMs: 60_000 });
  recorder.accept({ visit: id(2), events: [home], endedMs: 30_000 });
  expect(recorder.counts()).toEqual({ visits: 2, idleResets: 2 });

  // A renderer that crashed mid-visit: ended by the sweep half an hour later, no idle reset.
  recorder.accept({ visit: id(3), events: [home] });
  clock.advance(31 * 60_000);
  recorder.sweep();
  expect(recorder.counts()).toEqual({ visits: 3, idleResets: 2 });

  recorder.accept({ visit: id(4), events: [home] });
  recorder.stop(); // the kiosk closing ends what is open
  expect(recorder.counts()).toEqual({ visits: 4, idleResets: 2 });
});

it('counts nothing while visitor analytics is off', () => {
  settings.enabled = false;
  recorder.accept({ visit: id(1), events: [home], endedMs: 10_000 });
  expect(recorder.counts()).toEqual({ visits: 0, idleResets: 0 });
});
