/**
 * Reads the kiosk needs before its first screen, asked together at start instead of one after
 * the other. The settings come first in the app's own order (App.svelte), and only then does the
 * attract screen ask for the exhibit: two round trips in a row, on the cold start's critical path
 * (issue 7, cold start against a static page). Asked early, the exhibit is on its way while the
 * settings are read and the screens are built.
 */
import type { Api } from '@contract/api';

/**
 * The API, with `getExhibit({})` already asked: the first call to it gets that answer (whatever
 * it is, failure included, so the kiosk's own fallbacks apply); every later call asks anew.
 */
export function withExhibitAskedEarly(api: Api): Api {
  let early: ReturnType<Api['getExhibit']> | null = api.getExhibit({});
  // Not unhandled while nobody has asked yet: the first caller sees the failure itself.
  early.catch(() => undefined);
  return {
    ...api,
    getExhibit: (args) => {
      const answer = early && Object.keys(args ?? {}).length === 0 ? early : null;
      early = null;
      return answer ?? api.getExhibit(args);
    },
  };
}
