/**
 * The core's one implementation of the API contract, on top of the store. Hosts never add
 * logic of their own: the Electron IPC and HTTP bindings hand every call to this object.
 */
import QRCode from 'qrcode';
import { ApiError, type ApiImplementation } from '../contract/api';
import type { AttractView, EraGroup, SectionSummary, TopicSummary } from '../contract/types';
import type { SettingsStore } from './settings/store';
import { createStaffApi, staffUnavailable, type StaffContext } from './staff/api';
import type { Publisher } from './versions/publisher';
import type { Store } from './store/connection';
import { artifactSummary, contentQueries, toImageView, topicBlocks } from './store/content';
import { periodQueries } from './store/periods';
import { createSearch } from './store/search';
import { timelineOf, timelineSpanOf } from './timeline-api';

export interface ApiContext {
  startedAt: number;
  settings: SettingsStore;
  appVersion?: string;
  /** Switches new content live when the renderer reports the attract screen. */
  publisher?: Publisher;
  /** Staff mode's services; without them every staff verb refuses. */
  staff?: StaffContext;
}

/** Builds the contract's implementation over an open store. */
export function createApi(store: Store, context: ApiContext): ApiImplementation {
  const q = contentQueries(store.db);
  const search = createSearch(store.db);
  const periods = periodQueries(store.db);

  const live = (): number => {
    const id = store.liveVersionId();
    if (id === null) throw new ApiError('unavailable', 'No exhibit is loaded on this kiosk yet.');
    return id;
  };
  const neighbours = <T extends { slug: string }>(list: T[], slug: string) => {
    const i = list.findIndex((x) => x.slug === slug);
    return { previousId: list[i - 1]?.slug ?? null, nextId: list[i + 1]?.slug ?? null };
  };

  return {
    getExhibit() {
      const versionId = live();
      const exhibit = q.exhibit.get(versionId);
      if (!exhibit) throw new ApiError('unavailable', 'The live package has no exhibit.');
      const order = q.artifactOrder.all(versionId, versionId);
      const sections: SectionSummary[] = q.sections.all(exhibit.id).map((s) => {
        const cover = q.sectionCover.get(s.id);
        return { id: s.slug, title: s.title, hasContent: s.topics + s.paragraphs > 0, topicCount: s.topics, artifactCount: s.artifacts, cover: cover ? toImageView(cover) : null };
      });
      const highlights = order.map((a) => artifactSummary(q, a));
      return {
        title: exhibit.title,
        subtitle: exhibit.subtitle,
        credit: exhibit.credit,
        language: exhibit.language,
        sections,
        highlights,
        attract: attractOf(exhibit.title, exhibit.attract, highlights),
        timeline: timelineSpanOf(periods, versionId),
        package: { id: exhibit.package_id, version: exhibit.version, versionId, importedAt: exhibit.imported_at },
      };
    },

    getSection({ id }) {
      const section = q.sectionBySlug.get(live(), id);
      if (!section) throw new ApiError('not-found', `There is no section "${id}" in this exhibit.`);
      const eras: EraGroup[] = [];
      for (const t of q.sectionTopics.all(section.id)) {
        const topic: TopicSummary = { id: t.slug, title: t.title, era: t.era, artifactCount: t.artifacts };
        const last = eras.at(-1);
        // Consecutive topics of one era form a group; a topic without an era stands alone.
        if (last && last.era !== null && last.era === t.era) last.topics.push(topic);
        else eras.push({ era: t.era, topics: [topic] });
      }
      return { id: section.slug, title: section.title, introduction: q.sectionParagraphs.all(section.id).map((p) => p.text), eras };
    },

    getTopic({ id }) {
      const versionId = live();
      const topic = q.topicBySlug.get(versionId, id);
      if (!topic) throw new ApiError('not-found', `There is no topic "${id}" in this exhibit.`);
      return {
        id: topic.slug,
        title: topic.title,
        era: topic.era,
        section: { id: topic.section_slug, title: topic.section_title },
        blocks: topicBlocks(q, topic.id),
        ...neighbours(q.topicOrder.all(versionId), topic.slug),
      };
    },

    getArtifact({ id }) {
      const versionId = live();
      const a = q.artifactBySlug.get(versionId, id);
      if (!a) throw new ApiError('not-found', `There is no object "${id}" in this exhibit.`);
      const placement = q.artifactPlacement.get(a.id);
      return {
        id: a.slug,
        title: a.title,
        caption: a.caption,
        permanentUrl: a.permanent_url,
        translation: a.translation ? (JSON.parse(a.translation) as string[]) : null,
        translationNote: a.translation_note,
        date: a.date_text,
        images: q.media.all(a.id).map(toImageView),
        topic: placement ? { id: placement.slug, title: placement.title, era: placement.era } : null,
        ...neighbours(q.artifactOrder.all(versionId, versionId), a.slug),
      };
    },

    getTimeline() {
      return timelineOf(q, periods, live());
    },

    search({ query, limit }) {
      return search(live(), query, limit);
    },

    getQr({ text }) {
      const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
      return { text, size: qr.modules.size, cells: Array.from(qr.modules.data, (bit) => (bit ? '1' : '0')).join('') };
    },

    getKioskConfig() {
      const { idleTimeoutSeconds, idleCountdownSeconds, attractSlideSeconds, showCursor } = context.settings.all();
      return { idleTimeoutSeconds, idleCountdownSeconds, attractSlideSeconds, showCursor };
    },

    getHealth() {
      const versionId = store.liveVersionId();
      const version = versionId === null ? null : (q.exhibit.get(versionId)?.version ?? null);
      return { ok: versionId !== null, version: context.appVersion ?? '0.0.0', liveVersion: version, uptimeSeconds: Math.round((Date.now() - context.startedAt) / 1000) };
    },

    reportVisitorState({ state }) {
      return context.publisher?.report(state) ?? { liveVersionId: store.liveVersionId(), pendingVersionId: null };
    },

    ...(context.staff ? createStaffApi(context.staff) : staffUnavailable()),
  };
}

/** The attract loop: the package's chosen artifacts and words, or every artifact with an image. */
function attractOf(exhibitTitle: string, stored: string | null, highlights: AttractView['artifacts']): AttractView {
  const chosen = stored ? (JSON.parse(stored) as { title: string | null; invitation: string | null; artifacts: string[] | null }) : null;
  const byId = new Map(highlights.map((h) => [h.id, h]));
  const artifacts = chosen?.artifacts ? chosen.artifacts.flatMap((id) => byId.get(id) ?? []) : highlights;
  return {
    title: chosen?.title ?? exhibitTitle,
    invitation: chosen?.invitation ?? null,
    artifacts: artifacts.filter((a) => a.thumb !== null),
  };
}
