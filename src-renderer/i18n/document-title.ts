/**
 * The document's title: where the visitor is, as a screen reader announces it on a new page and
 * as the host's window list shows it to staff. Content titles stay in the package's words; only
 * the screens the kiosk itself names (My list, loading, an error) use the catalogue.
 */
import type { ScreenData } from '../state/screen-data';
import type { Translate } from './messages';

/** The title for the screen on show: its data, or null while loading (`failed` after an error). */
export function documentTitle(data: ScreenData | null, failed: boolean, t: Translate): string {
  if (failed) return t('error.title');
  switch (data?.kind) {
    case undefined:
      return t('kiosk.loading');
    case 'attract':
      return data.exhibit?.attract.title ?? t('attract.welcome');
    case 'home':
      return data.exhibit.title;
    case 'section':
      return data.section.title;
    case 'topic':
      return data.topic.title;
    case 'artifact':
      return data.artifact.title;
    case 'my-list':
      return t('myList.title');
    case 'timeline':
      return t('timeline.title');
    case 'search':
      return t('search.title');
  }
}
