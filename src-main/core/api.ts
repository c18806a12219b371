/**
 * The core's one implementation of the API contract, on top of the store. Hosts never add
 * logic of their own: the Electron IPC and HTTP bindings hand every call to this object.
 */
import QRCode from 'qrcode';
import { ApiError, type ApiImplementation } from '../contract/api';
import type { AttractView, ContentLanguages, EraGroup, LocalText, PreviewStateView, SectionSummary, TopicSummary } from '../contract/types';
import type { SettingsStore } from './settings/store';
import { createStaffApi, staffUnavailable, type StaffContext } from './staff/api';
import type { Publisher } from './versions/publisher';
import type { Store } from './store/connection';
import { artifactSummary, contentQueries, localizer, toImageView, topicBlocks, type Localizer } from './store/content';
import { periodQueries } from './store/periods';
import { recordingQueries } from './store/recordings';
import { createSearch } from './store/search';
import { timelineOf, timelineSpanOf } from './timeline-api';
import type { ActivityRecorder } from './analytics/recorder';

export interface ApiContext {
  startedAt: number;
  settings: SettingsStore;
  appVersion?: string;
  /** Switches new content live when the renderer reports the attract screen. */
  publisher?: Publisher;
  /** Staff mode's services; without them every staff verb refuses. */
  staff?: StaffContext;
  /** In `vitrine preview`: what it made of the curator's folder. Absent on a kiosk. */
  preview?: () => PreviewStateView;
  /** Visitor analytics (issue 21); without it, recordActivity accepts nothing (a preview records no visits). */
  activity?: ActivityRecorder;
}

/** Builds the contract's implementation over an open store. */
export function createApi(store: Store, context: ApiContext): ApiImplementation {
  const q = contentQueries(store.db);
  const search = createSearch(store.db);
  const periods = periodQueries(store.db);
  const recordingsOf = recordingQueries(store.db);

  const live = (): number => {
    const id = store.liveVersionId();
    if (id === null) throw new ApiError('unavailable', 'No exhibit is loaded on this kiosk yet.');
    return id;
  };
  /** The live exhibit's languages and the reader of its texts in them. */
  const languagesOf = (versionId: number): { languages: ContentLanguages; local: Localizer } => {
    const exhibit = q.exhibit.get(versionId);
    if (!exhibit) throw new ApiError('unavailable', 'The live package has no exhibit.');
    return { languages: { language: exhibit.language, languages: JSON.parse(exhibit.languages) as string[] }, local: localizer(q, exhibit) };
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
      const { languages, local } = languagesOf(versionId);
      const order = q.artifactOrder.all(versionId, versionId);
      const sections: SectionSummary[] = q.sections.all(exhibit.id).map((s) => {
        const cover = q.sectionCover.get(s.id);
        const title = local('section', s.id)('title', s.title);
        return { id: s.slug, title, hasContent: s.topics + s.paragraphs > 0, topicCount: s.topics, artifactCount: s.artifacts, cover: cover ? toImageView(cover, local) : null };
      });
      const highlights = order.map((a) => artifactSummary(q, a, local));
      const text = local('exhibit', exhibit.id);
      const title = text('title', exhibit.title);
      return {
        title,
        subtitle: text('subtitle', exhibit.subtitle),
        credit: text('credit', exhibit.credit),
        ...languages,
        sections,
        highlights,
        attract: attractOf(title, exhibit.attract, highlights, text),
        timeline: timelineSpanOf(periods, versionId),
        package: { id: exhibit.package_id, version: exhibit.version, versionId, importedAt: exhibit.imported_at },
      };
    },

    getSection({ id }) {
      const versionId = live();
      const section = q.sectionBySlug.get(versionId, id);
      if (!section) throw new ApiError('not-found', `There is no section "${id}" in this exhibit.`);
      const { languages, local } = languagesOf(versionId);
      const eras: EraGroup[] = [];
      let lastEra: string | null = null;
      for (const t of q.sectionTopics.all(section.id)) {
        const text = local('topic', t.id);
        const topic: TopicSummary = { id: t.slug, title: text('title', t.title), era: text('era', t.era), artifactCount: t.artifacts };
        const last = eras.at(-1);
        // Consecutive topics of one era (in the exhibit's language) form a group; a topic without an era stands alone.
        if (last && lastEra !== null && lastEra === t.era) last.topics.push(topic);
        else eras.push({ era: topic.era, topics: [topic] });
        lastEra = t.era;
      }
      const introduction = q.sectionParagraphs.all(section.id).map((p) => local('section_paragraph', p.id)('text', p.text));
      return { id: section.slug, title: local('section', section.id)('title', section.title), introduction, eras, ...languages };
    },

    getTopic({ id }) {
      const versionId = live();
      const topic = q.topicBySlug.get(versionId, id);
      if (!topic) throw new ApiError('not-found', `There is no topic "${id}" in this exhibit.`);
      const { languages, local } = languagesOf(versionId);
      const text = local('topic', topic.id);
      return {
        id: topic.slug,
        title: text('title', topic.title),
        era: text('era', topic.era),
        section: { id: topic.section_slug, title: local('section', topic.section_id)('title', topic.section_title) },
        blocks: topicBlocks(q, topic.id, local),
        ...languages,
        ...neighbours(q.topicOrder.all(versionId), topic.slug),
      };
    },

    getArtifact({ id }) {
      const versionId = live();
      const a = q.artifactBySlug.get(versionId, id);
      if (!a) throw new ApiError('not-found', `There is no object "${id}" in this exhibit.`);
      const placement = q.artifactPlacement.get(a.id);
      const { languages, local } = languagesOf(versionId);
      const text = local('artifact', a.id);
      const topic = placement && local('topic', placement.id);
      return {
        id: a.slug,
        title: text('title', a.title),
        caption: text('caption', a.caption),
        permanentUrl: a.permanent_url,
        translation: a.translation ? (JSON.parse(a.translation) as string[]).map((p, i) => text('translation', p, i)) : null,
        translationNote: text('translation_note', a.translation_note),
        date: text('date_text', a.date_text),
        images: q.media.all(a.id).map((m) => toImageView(m, local)),
        recordings: recordingsOf(a.id, local),
        topic: placement && topic ? { id: placement.slug, title: topic('title', placement.title), era: topic('era', placement.era) } : null,
        ...languages,
        ...neighbours(q.artifactOrder.all(versionId, versionId), a.slug),
      };
    },

    getTimeline() {
      return timelineOf(q, periods, live());
    },

    search({ query, limit, lang }) {
      return search(live(), query, limit, lang);
    },

    getQr({ text }) {
      const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
      return { text, size: qr.modules.size, cells: Array.from(qr.modules.data, (bit) => (bit ? '1' : '0')).join('') };
    },

    getKioskConfig() {
      const { idleTimeoutSeconds, idleCountdownSeconds, attractSlideSeconds, showCursor, volumeCeilingPercent } = context.settings.all();
      return { idleTimeoutSeconds, idleCountdownSeconds, attractSlideSeconds, showCursor, volumeCeilingPercent, preview: context.preview !== undefined };
    },

    getPreviewState() {
      if (!context.preview) throw new ApiError('unavailable', 'This kiosk is not a preview (vitrine preview shows a curator\'s folder).');
      return context.preview();
    },

    getHealth() {
      const versionId = store.liveVersionId();
      const version = versionId === null ? null : (q.exhibit.get(versionId)?.version ?? null);
      return { ok: versionId !== null, version: context.appVersion ?? '0.0.0', liveVersion: version, uptimeSeconds: Math.round((Date.now() - context.startedAt) / 1000) };
    },

    reportVisitorState({ state }) {
      return context.publisher?.report(state) ?? { liveVersionId: store.liveVersionId(), pendingVersionId: null };
    },

    recordActivity(args) {
      return context.activity?.accept(args) ?? { accepted: false };
    },

    ...(context.staff ? createStaffApi(context.staff) : staffUnavailable()),
  };
}

/** The attract loop: the package's chosen artifacts and words, or every artifact with a picture (an image, a poster, or a film to play muted). */
function attractOf(exhibitTitle: LocalText, stored: string | null, highlights: AttractView['artifacts'], text: ReturnType<Localizer>): AttractView {
  const chosen = stored ? (JSON.parse(stored) as { title: string | null; invitation: string | null; artifacts: string[] | null }) : null;
  const byId = new Map(highlights.map((h) => [h.id, h]));
  const artifacts = chosen?.artifacts ? chosen.artifacts.flatMap((id) => byId.get(id) ?? []) : highlights;
  return {
    title: chosen?.title ? text('attract_title', chosen.title) : exhibitTitle,
    invitation: text('attract_invitation', chosen?.invitation ?? null),
    artifacts: artifacts.filter((a) => a.thumb !== null || a.recording?.poster || a.recording?.film),
  };
}
