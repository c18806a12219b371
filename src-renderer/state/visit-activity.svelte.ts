/**
 * What a Visit tells its ActivityLog (issue 21), followed from the visit's own state: the screen
 * on show, the language, the accessibility modes turned on, the take-home codes My list shows,
 * and the search screen left with words in it (a search settled on, as a result opened is:
 * Visit.settleSearch). Taps on the zoom viewer, the pages and the player are told by those components
 * (useActivity). Runs inside the Visit's effect root; nothing here waits on the API.
 */
import { getContext, setContext, untrack } from 'svelte';
import type { ActivityLog } from './activity-log';
import type { ScreenData } from './screen-data';
import type { Visit } from './visit.svelte';

const KEY = Symbol('vitrine.activity');

/** Gives the components below the visit's log (Visitor.svelte). */
export function provideActivity(log: ActivityLog): void {
  setContext(KEY, log);
}

/** The visit's log, or null for a component mounted on its own (tests, the preview's panels). */
export function useActivity(): ActivityLog | null {
  return getContext<ActivityLog | undefined>(KEY) ?? null;
}

/** Follows `visit` into `log`, with effects; call inside an effect root. */
export function followActivity(visit: Visit, log: ActivityLog): void {
  const { session } = visit;
  let previous = visit.nav.current.kind;
  $effect(() => {
    const screen = visit.nav.current;
    if (previous === 'search' && screen.kind !== 'search') visit.settleSearch();
    previous = screen.kind;
  });

  // A screen counts once it is shown, not when a tap asks for it: one left while still loading
  // (a second tap on the screen still in place) was never seen. Loading in between is not a
  // new screen: the one before stays on the count until another is shown.
  $effect(() => {
    const data = visit.shown;
    if (data) log.screen(data.kind, shownId(data));
  });

  $effect(() => {
    const locale = session.language.locale;
    if (log.begun) log.chose('language', locale);
  });

  $effect(() => {
    const a = session.accessibility;
    const on = [a.textSize !== 100 && 'text-size', a.highContrast && 'contrast', a.reduceMotion && 'motion', a.reach && 'reach'] as const;
    for (const mode of on) if (mode && log.begun) log.chose('mode', mode);
  });

  $effect(() => {
    const data = visit.shown;
    if (data?.kind !== 'my-list') return;
    // Once per showing of My list: removing an item there is not another look at the codes.
    const codes = untrack(() => session.saved.items.filter((item) => item.permanentUrl !== null).length);
    if (codes > 0) log.record({ kind: 'take-home', codes });
  });
}

/** The id a screen is counted by: the section, topic or object shown, as its screen's data-id. */
function shownId(data: ScreenData): string | null {
  if (data.kind === 'section') return data.section.id;
  if (data.kind === 'topic') return data.topic.id;
  if (data.kind === 'artifact') return data.artifact.id;
  return null;
}
