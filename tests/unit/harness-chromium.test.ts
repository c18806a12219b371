/**
 * The Chromium that tests and benchmarks drive runs with the kiosk's own switches: a figure taken
 * without them would describe a kiosk nobody runs.
 */
import { describe, expect, it } from 'vitest';
import { kioskSwitchArgs } from '../../src-main/common/chromium-switches';
import { CHROMIUM_ARGS } from '../harness/chromium.mjs';

describe('tests/harness/chromium.mjs', () => {
  it('holds every switch of the kiosk (common/chromium-switches.ts)', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(kioskSwitchArgs()));
  });
});
