/**
 * What each screen needs from the API, fetched in one place so that screens stay
 * presentational: they receive plain data and report taps, and never call the API themselves.
 */
import type { Api } from '@contract/api';
import type { ArtifactView, ExhibitView, QrMatrix, SectionView, TimelineView, TopicView } from '@contract/types';
import type { Screen } from './navigation.svelte';
import type { SavedItem } from './saved-items.svelte';
import { topicSuggestions, type TopicSuggestion } from './search-suggestions';

export type ScreenData =
  | { kind: 'attract'; exhibit: ExhibitView | null }
  | { kind: 'home'; exhibit: ExhibitView }
  | { kind: 'section'; section: SectionView }
  | { kind: 'topic'; topic: TopicView }
  | { kind: 'artifact'; artifact: ArtifactView; qr: Promise<QrMatrix | null> }
  | { kind: 'timeline'; timeline: TimelineView }
  /** QR codes of the saved items' addresses, by address (the list itself is the session's). */
  | { kind: 'my-list'; qr: ReadonlyMap<string, QrMatrix> }
  /** The results are not screen data: they follow the typing (LiveSearch), not the navigation. */
  | { kind: 'search'; topics: TopicSuggestion[] };

/**
 * Fetches everything the given screen shows. Rejects when the screen cannot be shown.
 * `saved` is the visitor's list at the moment My list opens: its QR codes are made then.
 */
export async function loadScreen(api: Api, screen: Screen, saved: readonly SavedItem[] = []): Promise<ScreenData> {
  switch (screen.kind) {
    case 'attract':
      // The attract loop must always run, even when the exhibit cannot be read: it then shows
      // the bare invitation, and the error (if it lasts) surfaces calmly on the home screen.
      return { kind: 'attract', exhibit: await api.getExhibit({}).catch(() => null) };
    case 'home':
      return { kind: 'home', exhibit: await api.getExhibit({}) };
    case 'section':
      return { kind: 'section', section: await api.getSection({ id: screen.id }) };
    case 'topic':
      return { kind: 'topic', topic: await api.getTopic({ id: screen.id }) };
    case 'artifact': {
      const artifact = await api.getArtifact({ id: screen.id });
      // Only for a viewer that must read the descriptor: an inline pyramid needs no request.
      if (!artifact.images[0]?.pyramid) warmTiles(artifact.images[0]?.tiles);
      // The code is not awaited: the object shows at once, its QR code a moment later (it sits
      // below the image), so the first frame does not wait for a second round trip.
      // A missing QR code is no reason to hide the object: the address stays readable as text.
      const qr = artifact.permanentUrl ? api.getQr({ text: artifact.permanentUrl }).catch(() => null) : Promise.resolve(null);
      return { kind: 'artifact', artifact, qr };
    }
    case 'timeline':
      return { kind: 'timeline', timeline: await api.getTimeline({}) };
    case 'my-list':
      return { kind: 'my-list', qr: await qrCodesFor(api, saved) };
    case 'search':
      return { kind: 'search', topics: await topicSuggestions(api) };
  }
}

/**
 * The screens one tap away from `data` that read the exhibit, in the order a visitor is likely
 * to take them: what the screen lists first, then its neighbours. Read ahead by ScreenCache.
 */
export function screensOneTapAway(data: ScreenData): Screen[] {
  switch (data.kind) {
    case 'attract':
      return [{ kind: 'home' }];
    case 'home':
      return [
        ...data.exhibit.sections.filter((s) => s.hasContent).map((s): Screen => ({ kind: 'section', id: s.id })),
        ...(data.exhibit.timeline ? [{ kind: 'timeline' } as const] : []),
      ];
    case 'section':
      return data.section.eras.flatMap((era) => era.topics.map((t): Screen => ({ kind: 'topic', id: t.id })));
    case 'topic': {
      const { topic } = data;
      return [
        ...topic.blocks.flatMap((b): Screen[] => (b.type === 'artifact' ? [{ kind: 'artifact', id: b.artifact.id }] : [])),
        ...[topic.nextId, topic.previousId].flatMap((id): Screen[] => (id ? [{ kind: 'topic', id }] : [])),
        { kind: 'section', id: topic.section.id },
      ];
    }
    case 'artifact': {
      const { artifact } = data;
      return [
        ...[artifact.nextId, artifact.previousId].flatMap((id): Screen[] => (id ? [{ kind: 'artifact', id }] : [])),
        ...(artifact.topic ? [{ kind: 'topic', id: artifact.topic.id } as const] : []),
      ];
    }
    default:
      return [];
  }
}

/**
 * Asks for the first page's Deep Zoom descriptor now, while the screen renders, so the viewer
 * finds it in the HTTP cache (it is served immutable) instead of waiting a round trip after it
 * opens: part of the first sharp frame's budget (issue 4). A failure here changes nothing: the
 * viewer asks again and reports its own error.
 */
function warmTiles(url: string | undefined): void {
  if (!url || typeof fetch !== 'function' || !/^(https?|vitrine):/.test(globalThis.location?.protocol ?? '')) return;
  fetch(url).catch(() => undefined);
}

/** QR codes for the items' addresses; one that cannot be made leaves that address as text only. */
async function qrCodesFor(api: Api, items: readonly SavedItem[]): Promise<ReadonlyMap<string, QrMatrix>> {
  const urls = [...new Set(items.flatMap((item) => (item.permanentUrl ? [item.permanentUrl] : [])))];
  const codes = await Promise.all(urls.map((text) => api.getQr({ text }).catch(() => null)));
  return new Map(urls.flatMap((url, i) => (codes[i] ? [[url, codes[i]] as const] : [])));
}

/**
 * The still images (`display` renditions) of the objects one tap away: those a topic's essay
 * shows, in its order. Fetched and decoded ahead (state/image-ahead.ts), the object's first
 * sharp frame does not wait for them.
 */
export function stillsOneTapAway(data: ScreenData): string[] {
  if (data.kind !== 'topic') return [];
  // Only images: a poster is not the object's first sharp frame (that is its player's).
  return data.topic.blocks.flatMap((b) => (b.type === 'artifact' && b.artifact.thumb ? [b.artifact.thumb.display] : []));
}
