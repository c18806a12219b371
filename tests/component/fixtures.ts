/**
 * A fake, in-memory `Api` built from the real built-in exhibit (assets/exhibit/, read as `vitrine
 * pack` reads it), so component tests see the same titles, eras, block orders and verbatim
 * paragraphs a visitor sees on the kiosk, without a database. QR codes are real (the same library the core uses).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { Api } from '../../src-main/contract/api';
import type { LocalTextValue } from '../../src-main/core/packages/manifest';
import { readExhibitFolder, type ExhibitDraft } from '../../src-main/core/packages/source-format/exhibit-folder';
import type {
  KioskConfig,
  ArtifactSummary, ArtifactView, EraGroup, ExhibitView, ImageView, SearchHit, SearchResults, SectionView, TextSegment, TimelineView, TopicBlock, TopicView,
} from '../../src-main/contract/types';
import { searchTerms } from '../../src-main/core/store/search';
import { buildTimeline } from '../../src-main/core/timeline';

/** A draft with every text plain: the built-in exhibit is in English only (builtin-exhibit.test.ts). */
type Plain<T> = [T] extends [string] ? T : [LocalTextValue] extends [T] ? (null extends T ? string | null : string) : T extends readonly (infer U)[] ? Plain<U>[] : T extends object ? { [K in keyof T]: Plain<T[K]> } : T;

// The words only: the stand-in images are made at build time and need not exist for these tests.
const source = readExhibitFolder(join(import.meta.dirname, '../../assets/exhibit'), { images: false }) as Plain<ExhibitDraft>;

type SourceArtifact = (typeof source.artifacts)[number];
type SourceTopic = (typeof source.exhibit.sections)[number]['topics'][number];

/** The package source itself, for asserting verbatim text. */
export const exhibitSource = source;

/** The built-in exhibit's languages: its own, and no other. */
const languages = { language: source.exhibit.language, languages: [] };

/** Content-addressed media URL, shaped like the core's `/media/<sha256>.<ext>`. */
function mediaUrl(file: string, variant: string): string {
  return `/media/${createHash('sha256').update(`${variant}:${file}`).digest('hex')}.jpg`;
}

function imageView(media: SourceArtifact['media'][number], index: number): ImageView {
  return {
    page: index + 1,
    src: mediaUrl(media.file, 'src'),
    display: mediaUrl(media.file, 'display'),
    thumb: mediaUrl(media.file, 'thumb'),
    tiles: `/tiles/${createHash('sha256').update(`src:${media.file}`).digest('hex')}/image.dzi`,
    pyramid: { url: `/tiles/${createHash('sha256').update(`src:${media.file}`).digest('hex')}/image_files/`, width: 1536, height: 2048, tileSize: 512, overlap: 1, format: 'jpeg' },
    width: 1536,
    height: 2048,
    alt: media.alt,
    standIn: media.standIn,
  };
}

const artifactsById = new Map(source.artifacts.map((a) => [a.id, a]));
const topics: { topic: SourceTopic; sectionId: string; sectionTitle: string }[] = source.exhibit.sections.flatMap((s) =>
  s.topics.map((topic) => ({ topic, sectionId: s.id, sectionTitle: s.title })),
);
/** Artifact ids in exhibit order: the order the essays place them. */
const artifactOrder = [...new Set(topics.flatMap(({ topic }) => refs(topic)))];

function refs(topic: SourceTopic): string[] {
  return topic.body.flatMap((block) => ('ref' in block && block.ref ? [block.ref] : []));
}

function summary(id: string): ArtifactSummary {
  const a = artifactsById.get(id);
  if (!a) throw new Error(`fixture: no artifact ${id}`);
  return { id: a.id, title: a.title, thumb: a.media[0] ? imageView(a.media[0], 0) : null };
}

function neighbours(list: string[], id: string): { previousId: string | null; nextId: string | null } {
  const i = list.indexOf(id);
  return { previousId: list[i - 1] ?? null, nextId: list[i + 1] ?? null };
}

/** The exhibit as getExhibit answers it. */
export function exhibitView(): ExhibitView {
  const e = source.exhibit;
  return {
    title: e.title,
    subtitle: e.subtitle,
    credit: e.credit,
    ...languages,
    sections: e.sections.map((s) => {
      const ids = s.topics.flatMap(refs);
      const first = ids[0] ? artifactsById.get(ids[0]) : undefined;
      return {
        id: s.id,
        title: s.title,
        hasContent: s.topics.length + s.introduction.length > 0,
        topicCount: s.topics.length,
        artifactCount: ids.length,
        cover: first?.media[0] ? imageView(first.media[0], 0) : null,
      };
    }),
    highlights: artifactOrder.map(summary),
    attract: { title: e.title, invitation: null, artifacts: artifactOrder.map(summary) },
    timeline: e.timeline ? { from: e.timeline.from, to: e.timeline.to } : null,
    package: { id: source.package.id, version: source.package.version, versionId: 1, importedAt: '2025-01-01T00:00:00.000Z' },
  };
}

/** A section as getSection answers it: consecutive topics of one era grouped, as the core does. */
export function sectionView(id: string): SectionView {
  const s = source.exhibit.sections.find((x) => x.id === id);
  if (!s) throw new Error(`fixture: no section ${id}`);
  const eras: EraGroup[] = [];
  for (const t of s.topics) {
    const last = eras.at(-1);
    const entry = { id: t.id, title: t.title, era: t.era, artifactCount: refs(t).length };
    if (last && last.era !== null && last.era === t.era) last.topics.push(entry);
    else eras.push({ era: t.era, topics: [entry] });
  }
  return { id: s.id, title: s.title, introduction: [...s.introduction], eras, ...languages };
}

/** A topic as getTopic answers it, blocks in the package's order. */
export function topicView(id: string): TopicView {
  const found = topics.find(({ topic }) => topic.id === id);
  if (!found) throw new Error(`fixture: no topic ${id}`);
  const { topic, sectionId, sectionTitle } = found;
  const blocks: TopicBlock[] = topic.body.map((b) =>
    'ref' in b && b.ref ? { type: 'artifact', artifact: summary(b.ref) } : { type: 'paragraph', text: 'text' in b ? String(b.text) : '' },
  );
  return {
    id: topic.id,
    title: topic.title,
    era: topic.era,
    section: { id: sectionId, title: sectionTitle },
    blocks,
    ...languages,
    ...neighbours(topics.map(({ topic: t }) => t.id), topic.id),
  };
}

/** An artifact as getArtifact answers it; pass translation paragraphs to fake a translated one. */
export function artifactView(id: string, translation: string[] | null = null): ArtifactView {
  const a = artifactsById.get(id);
  if (!a) throw new Error(`fixture: no artifact ${id}`);
  const placement = topics.find(({ topic }) => refs(topic).includes(id))?.topic;
  return {
    id: a.id,
    title: a.title,
    caption: a.caption,
    permanentUrl: a.permanentUrl,
    translation: translation ?? a.translation,
    translationNote: translation ? null : a.translationNote,
    date: a.date,
    images: a.media.map(imageView),
    topic: placement ? { id: placement.id, title: placement.title, era: placement.era } : null,
    ...languages,
    ...neighbours(artifactOrder, id),
  };
}

/**
 * The built-in exhibit on its timeline, with the periods its source carries (from the seed's own
 * words: scripts/seed-periods.mjs), as getTimeline answers; built by the core's own rules.
 */
export function timelineView(): TimelineView {
  return buildTimeline({
    span: source.exhibit.timeline ? { from: source.exhibit.timeline.from, to: source.exhibit.timeline.to } : null,
    topics: topics.map(({ topic }) => {
      const period = topic.period;
      return { id: topic.id, title: topic.title, era: topic.era, artifactCount: refs(topic).length, period: period ? { from: period.from, to: period.to ?? period.from, label: period.label ?? null } : null };
    }),
    artifacts: artifactOrder.map((id) => ({ ...summary(id), period: null, topicId: topics.find(({ topic }) => refs(topic).includes(id))?.topic.id ?? null })),
  });
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Flags the words of `text` that start with one of `terms`, as the core's highlight does. */
function markWords(text: string, terms: string[]): TextSegment[] {
  const segments: TextSegment[] = [];
  for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
    if (!part) continue;
    const match = terms.some((t) => fold(part).startsWith(t));
    const last = segments.at(-1);
    if (last && last.match === match) last.text += part;
    else segments.push({ text: part, match });
  }
  return segments;
}

/**
 * Search as the core answers it, over the built-in exhibit's topics and artifacts: an item is
 * found when every word starts a word of its title or of one of its texts (diacritics folded).
 * Not ranked like FTS5 (titles first, then exhibit order), which the component tests do not need.
 */
export function searchResults(query: string, limit = 20): SearchResults {
  const terms = searchTerms(query).map(fold);
  if (terms.length === 0) return { hits: [], partial: false, more: false };
  const holdsAll = (text: string) => terms.every((t) => markWords(text, [t]).some((s) => s.match));
  const items: { hit: Omit<SearchHit, 'title' | 'snippet' | 'titleLang' | 'snippetLang'> & { title: string }; texts: [SearchHit['field'], string][] }[] = [
    ...topics.map(({ topic }) => ({
      hit: { kind: 'topic' as const, id: topic.id, title: topic.era ? `${topic.era}: ${topic.title}` : topic.title, field: 'essay' as const },
      texts: topic.body.flatMap((b): [SearchHit['field'], string][] => ('text' in b && b.text ? [['essay', String(b.text)]] : [])),
    })),
    ...source.artifacts.map((a) => ({
      hit: { kind: 'artifact' as const, id: a.id, title: a.title, field: 'caption' as const },
      texts: [...(a.caption ? [['caption', a.caption] as [SearchHit['field'], string]] : []), ...(a.translation ?? []).map((t): [SearchHit['field'], string] => ['translation', t])],
    })),
  ];
  const hits: SearchHit[] = [];
  for (const { hit, texts } of items) {
    const inTitle = holdsAll(hit.title);
    const text = texts.find(([, t]) => holdsAll(t));
    if (!inTitle && !text) continue;
    const title = inTitle ? markWords(hit.title, terms) : [{ text: hit.title, match: false }];
    const snippet = text ? markWords(text[1], terms) : [];
    hits.push({ ...hit, title, titleLang: 'en', field: inTitle ? 'title' : text![0], snippet, snippetLang: 'en' });
  }
  hits.sort((a, b) => Number(b.field === 'title') - Number(a.field === 'title'));
  return { hits: hits.slice(0, limit), partial: false, more: hits.length > limit };
}

/** A real QR matrix for a text, as the core's getQr returns it. */
export function qrMatrix(text: string) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { text, size: qr.modules.size, cells: Array.from(qr.modules.data, (bit) => (bit ? '1' : '0')).join('') };
}

export interface FakeApiOptions {
  /** Translation paragraphs to give artifacts (the built-in exhibit has none). */
  translations?: Record<string, string[]>;
  /** Verbs that reject, as a broken store would. */
  failing?: (keyof Api)[];
  /** What getTimeline answers, instead of the built-in exhibit with the seed's periods. */
  timeline?: TimelineView;
  /** Settings to answer getKioskConfig with, over the defaults. */
  config?: Partial<KioskConfig>;
}

export type FakeApi = Api & { calls: { method: keyof Api; args: unknown }[] };

/** The kiosk settings the fake answers with (the defaults), unless a test overrides some. */
export const KIOSK_CONFIG: KioskConfig = { idleTimeoutSeconds: 90, idleCountdownSeconds: 15, attractSlideSeconds: 8, showCursor: false, preview: false };

const notFaked = (): never => {
  throw new Error('staff verbs are not faked');
};

/** An in-memory Api over the built-in exhibit, recording every call. */
export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const calls: FakeApi['calls'] = [];
  const answer = <T>(method: keyof Api, args: unknown, produce: () => T): Promise<T> => {
    calls.push({ method, args });
    if (options.failing?.includes(method)) return Promise.reject(new Error(`${method} failed (fake)`));
    try {
      return Promise.resolve(produce());
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return {
    calls,
    getExhibit: (args) => answer('getExhibit', args, exhibitView),
    getSection: (args) => answer('getSection', args, () => sectionView(args.id)),
    getTopic: (args) => answer('getTopic', args, () => topicView(args.id)),
    getArtifact: (args) => answer('getArtifact', args, () => artifactView(args.id, options.translations?.[args.id] ?? null)),
    getTimeline: (args) => answer('getTimeline', args, () => options.timeline ?? timelineView()),
    search: (args) => answer('search', args, () => searchResults(args.query, args.limit)),
    getQr: (args) => answer('getQr', args, () => qrMatrix(args.text)),
    getHealth: (args) => answer('getHealth', args, () => ({ ok: true, version: '0.1.0', liveVersion: '1.0.0', uptimeSeconds: 1 })),
    getKioskConfig: (args) => answer('getKioskConfig', args, () => ({ ...KIOSK_CONFIG, ...options.config })),
    reportVisitorState: (args) => answer('reportVisitorState', args, () => ({ liveVersionId: 1, pendingVersionId: null })),
    // Staff verbs are not faked here yet: they reject like a kiosk without staff mode.
    staffLogin: (args) => answer('staffLogin', args, notFaked),
    staffLogout: (args) => answer('staffLogout', args, notFaked),
    staffStatus: (args) => answer('staffStatus', args, notFaked),
    staffRollback: (args) => answer('staffRollback', args, notFaked),
    staffSetSetting: (args) => answer('staffSetSetting', args, notFaked),
    staffImportFromInbox: (args) => answer('staffImportFromInbox', args, notFaked),
    staffImportAnyway: (args) => answer('staffImportAnyway', args, notFaked),
    getPreviewState: (args) => answer('getPreviewState', args, notFaked),
    staffLeaveKiosk: (args) => answer('staffLeaveKiosk', args, notFaked),
  };
}
