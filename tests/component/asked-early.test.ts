import { describe, expect, it } from 'vitest';
import { withExhibitAskedEarly } from '../../src-renderer/api/asked-early';
import { kioskApi, type RecordedApi } from './real-kiosk';

const exhibitCalls = (api: RecordedApi) => api.calls.filter((c) => c.method === 'getExhibit').length;

describe('withExhibitAskedEarly', () => {
  it('asks for the exhibit at once, and the first caller gets that answer without a second request', async () => {
    const api = await kioskApi();
    const early = withExhibitAskedEarly(api);
    expect(exhibitCalls(api)).toBe(1);
    const exhibit = await early.getExhibit({});
    expect(exhibit.title).toBeTruthy();
    expect(exhibitCalls(api)).toBe(1);
  });

  it('asks anew for every later call: new content must be read when it goes live', async () => {
    const api = await kioskApi();
    const early = withExhibitAskedEarly(api);
    await early.getExhibit({});
    await early.getExhibit({});
    expect(exhibitCalls(api)).toBe(2);
  });

  it('gives a failure to the first caller (the kiosk’s own fallback applies), and the next call tries again', async () => {
    const api = await kioskApi({ failing: ['getExhibit'] });
    const early = withExhibitAskedEarly(api);
    await expect(early.getExhibit({})).rejects.toThrow('The kiosk could not answer this request.');
    await expect(early.getExhibit({})).rejects.toThrow();
    expect(exhibitCalls(api)).toBe(2);
  });

  it('leaves every other verb as it was', async () => {
    const api = await kioskApi();
    const early = withExhibitAskedEarly(api);
    await early.getKioskConfig({});
    expect(api.calls.map((c) => c.method)).toEqual(['getExhibit', 'getKioskConfig']);
  });
});
