/**
 * What each screen needs from the API, fetched in one place so that screens stay
 * presentational: they receive plain data and report taps, and never call the API themselves.
 */
import type { Api } from '../../src-main/contract/api';
import type { ArtifactView, ExhibitView, QrMatrix, SectionView, TopicView } from '../../src-main/contract/types';
import type { Screen } from './navigation.svelte';

export type ScreenData =
  | { kind: 'attract'; exhibit: ExhibitView | null }
  | { kind: 'home'; exhibit: ExhibitView }
  | { kind: 'section'; section: SectionView }
  | { kind: 'topic'; topic: TopicView }
  | { kind: 'artifact'; artifact: ArtifactView; qr: QrMatrix | null };

/** Fetches everything the given screen shows. Rejects when the screen cannot be shown. */
export async function loadScreen(api: Api, screen: Screen): Promise<ScreenData> {
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
      // A missing QR code is no reason to hide the object: the address stays readable as text.
      const qr = artifact.permanentUrl
        ? await api.getQr({ text: artifact.permanentUrl }).catch(() => null)
        : null;
      return { kind: 'artifact', artifact, qr };
    }
  }
}
