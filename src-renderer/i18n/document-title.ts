/**
 * The document's title: where the visitor is, as a screen reader announces it on a new page and
 * as the host's window list shows it to staff. Content titles stay in the package's words (in the
 * visitor's language where the package gives it, picked by `text`, content.ts); only
 * the screens the kiosk itself names (My list, loading, an error) use the catalogue.
 */
import type { LocalText } from '@contract/types';
import type { ScreenData } from '../state/screen-data';
import type { Translate } from './messages';

/** The title for the screen on show: its data, or null while loading (`failed` after an error). */
export function documentTitle(data: ScreenData | null, failed: boolean, t: Translate, text: (title: LocalText) => string): string {
  if (failed) return t('error.title');
  switch (data?.kind) {
    case undefined:
      return t('kiosk.loading');
    case 'attract':
      return data.exhibit ? text(data.exhibit.attract.title) : t('attract.welcome');
    case 'home':
      return text(data.exhibit.title);
    case 'section':
      return text(data.section.title);
    case 'topic':
      return text(data.topic.title);
    case 'artifact':
      return text(data.artifact.title);
    case 'my-list':
      return t('myList.title');
    case 'timeline':
      return t('timeline.title');
    case 'search':
      return t('search.title');
  }
}
