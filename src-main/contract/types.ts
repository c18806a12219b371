/**
 * Result types of the API contract. Plain data only (no classes, no Dates), so that the same
 * values cross Electron's structured clone and the HTTP binding's JSON unchanged.
 * The renderer imports this file's types; it must never import runtime code from src-main.
 */

import type { RecordingMark, RecordingView } from './recordings';
import type { YearSpan } from './timeline';

export type { PeriodView, TimelineArtifact, TimelineEntry, TimelineTopic, TimelineView, YearSpan } from './timeline';
export type {
  AppUpdateView, ChannelStatusView, CrashReportView, InboxResultView, InboxScanView, InboxView, JsonValue, StaffHealthView, StaffHostView,
  StaffRollbackView, StaffSessionView, StaffSettingResult, StaffSettingView, StaffStatusView, StaffVersionView,
  TrustedKeyView,
} from './staff';

/**
 * A visitor-facing text of the package (issue 6): plain text in the exhibit's `language` (every
 * one-language package), or the same text by language tag, `{ "en": "…", "ru": "…" }`, the
 * exhibit's language always among them. The renderer picks one per field with
 * src-renderer/i18n/content.ts, falling back to the exhibit's language, so a language switch
 * needs no new request.
 */
export type LocalText = string | { readonly [lang: string]: string };

/** The exhibit's own language and the other languages some of its texts are given in. */
export interface ContentLanguages {
  /** The exhibit's language (a tag such as "en"): every text has it. */
  language: string;
  /** Its other languages, e.g. ["ru"]; empty for a one-language exhibit. */
  languages: string[];
}

/** A media address relative to the app's origin, e.g. `/media/ab12….jpg`. */
export type MediaUrl = string;

export interface ImageView {
  /** Page number, 1-based, in the order the package gives. */
  page: number;
  /** Full-resolution original, for deep zoom. */
  src: MediaUrl;
  /** Screen-sized rendition (longest side at most 2048 px). */
  display: MediaUrl;
  /** Small rendition for cards and page strips (longest side at most 480 px). */
  thumb: MediaUrl;
  /** Deep Zoom descriptor (`…/image.dzi`) of the image's tile pyramid, for the zoom viewer. */
  tiles: MediaUrl;
  /**
   * What the descriptor says, so the viewer can open the pyramid without fetching it first;
   * null for an image stored before this was recorded (the viewer then reads `tiles`).
   */
  pyramid: DeepZoomPyramid | null;
  /**
   * Size in pixels as the image is shown: after its EXIF orientation, the way its renditions
   * and tiles are cut (a photo stored sideways with an orientation tag is taller than wide
   * here). For an image stored before this was recorded (`pyramid` null), the file header's.
   */
  width: number;
  height: number;
  alt: LocalText;
  /** True when the package marks this image as a generated stand-in, not the original. */
  standIn: boolean;
}

/** How an image's Deep Zoom pyramid is cut (the facts of its `.dzi` descriptor). */
export interface DeepZoomPyramid {
  /** The folder of the tiles (`…/image_files/`), holding `<level>/<column>_<row>.<format>`. */
  url: MediaUrl;
  /** Size of the full-resolution level: the image's size as shown. */
  width: number;
  height: number;
  tileSize: number;
  overlap: number;
  format: 'jpeg' | 'png' | 'webp';
}

// A recording's view lives in recordings.ts; re-exported so every import of the contract stays one.
export type { CaptionsView, PosterView, RecordingMark, RecordingView } from './recordings';

export interface ArtifactSummary {
  id: string;
  title: LocalText;
  /** Its first image, or null for a film or sound recording alone. */
  thumb: ImageView | null;
  /** Its first film or sound recording (issue 20), or null when it has none. */
  recording: RecordingMark | null;
}

export interface ArtifactView extends ContentLanguages {
  id: string;
  title: LocalText;
  caption: LocalText | null;
  /** The object's permanent address at its home institution, or null when the package has none. */
  permanentUrl: string | null;
  /** Translation paragraphs, or null when the package has none (the UI must say so plainly). */
  translation: LocalText[] | null;
  /** What the package says about a missing translation (e.g. that the original had one), or null. */
  translationNote: LocalText | null;
  date: LocalText | null;
  images: ImageView[];
  /** Its films and sound recordings (issue 20), in the package's order; empty when it has none. */
  recordings: RecordingView[];
  /** Where the visitor came from: the topic that places this artifact (first placement). */
  topic: { id: string; title: LocalText; era: LocalText | null } | null;
  /** Neighbours in exhibit order, for previous/next. */
  previousId: string | null;
  nextId: string | null;
}

export type TopicBlock =
  | { type: 'paragraph'; text: LocalText }
  | { type: 'artifact'; artifact: ArtifactSummary };

export interface TopicSummary {
  id: string;
  title: LocalText;
  era: LocalText | null;
  artifactCount: number;
}

export interface TopicView extends ContentLanguages {
  id: string;
  title: LocalText;
  era: LocalText | null;
  section: { id: string; title: LocalText };
  blocks: TopicBlock[];
  previousId: string | null;
  nextId: string | null;
}

/** Consecutive topics sharing an era; a topic without an era forms a group with `era: null`. */
export interface EraGroup {
  era: LocalText | null;
  topics: TopicSummary[];
}

export interface SectionSummary {
  id: string;
  title: LocalText;
  /** False for a section the package names but gives no content (shown, not openable). */
  hasContent: boolean;
  topicCount: number;
  artifactCount: number;
  cover: ImageView | null;
}

export interface SectionView extends ContentLanguages {
  id: string;
  title: LocalText;
  introduction: LocalText[];
  eras: EraGroup[];
}

export interface ExhibitView extends ContentLanguages {
  title: LocalText;
  subtitle: LocalText | null;
  credit: LocalText | null;
  sections: SectionSummary[];
  /** Every artifact, in the order a visitor meets them. */
  highlights: ArtifactSummary[];
  /** What the attract loop shows (the package's choice, or every artifact with an image). */
  attract: AttractView;
  /** The timeline's axis when the exhibit dates any topic or object (the home screen offers it then), else null. */
  timeline: YearSpan | null;
  /** `versionId` changes when new content goes live (compare with reportVisitorState's answer). */
  package: { id: string; version: string; versionId: number; importedAt: string };
}

export interface AttractView {
  /** Headline; the exhibit title unless the package gives another. */
  title: LocalText;
  /** The package's invitation to touch, or null for the kiosk's own words. */
  invitation: LocalText | null;
  artifacts: ArtifactSummary[];
}

/** What the renderer needs of the kiosk's settings. */
export interface KioskConfig {
  idleTimeoutSeconds: number;
  idleCountdownSeconds: number;
  attractSlideSeconds: number;
  showCursor: boolean;
  /**
   * The loudest a film or sound recording plays, in per cent of the system's volume (setting
   * volumeCeilingPercent, 10-100, a staff setting).
   */
  volumeCeilingPercent: number;
  /** True when a curator's folder is previewed (`vitrine preview`): the screens follow its saves. */
  preview: boolean;
}

/** A mistake (or a warning) in a curator's folder, as the preview lists it. */
export interface PreviewProblemView {
  file: string;
  /** "line 12", a field, or null for the whole file. */
  place: string | null;
  expected: string;
}

/** What `vitrine preview` last made of the curator's folder (getPreviewState). */
export interface PreviewStateView {
  /** The folder previewed. */
  folder: string;
  /** Counts the builds that went live; the screens reload when it changes. */
  build: number;
  /** Counts every look at the folder, good or not. */
  attempt: number;
  /** True while a save is being read. */
  building: boolean;
  /** Every mistake of the last look: while there is one, the screens show the last good build. */
  problems: PreviewProblemView[];
  warnings: PreviewProblemView[];
  /** How long the last good build took (read, check, import), in ms; null before one. */
  milliseconds: number | null;
}

/** A run of text in a search result; `match` marks what the visitor's words matched. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** Where in an item the best match was found. */
export type SearchField = 'title' | 'caption' | 'translation' | 'transcript' | 'essay' | 'introduction';

/** One item a search found: what opens (kind + id), its title and the text around the match. */
export interface SearchHit {
  kind: 'artifact' | 'topic' | 'section';
  /** Artifact, topic or section id to open. */
  id: string;
  /** The title (a topic's starts with its era), matched words flagged. Plain text, never HTML. */
  title: TextSegment[];
  /** The title's language (BCP 47): the visitor's where the package has it, else the exhibit's. */
  titleLang: string;
  field: SearchField;
  /**
   * Words around the match ("…" where cut), matched words flagged, in the language they matched
   * in; a title matched only in another language than `titleLang` is shown here. Empty when only
   * the title matched.
   */
  snippet: TextSegment[];
  snippetLang: string;
}

export interface SearchResults {
  /** Best first. */
  hits: SearchHit[];
  /** True when no item holds every word, so these hold some of them. */
  partial: boolean;
  /** True when more items matched than `hits` holds. */
  more: boolean;
}

/** A QR code as a square bit matrix: `cells` is size*size chars of '1' (dark) or '0'. */
export interface QrMatrix {
  text: string;
  size: number;
  cells: string;
}

export interface HealthView {
  ok: boolean;
  version: string;
  liveVersion: string | null;
  uptimeSeconds: number;
}

/** What the renderer reports: 'attract' when nobody is using the kiosk, 'visiting' otherwise. */
export type VisitorState = 'attract' | 'visiting';

/**
 * The answer to reportVisitorState. When `liveVersionId` differs from the exhibit's
 * `package.versionId`, new content went live: reload it (this happens only in attract).
 */
export interface PublishStateView {
  liveVersionId: number | null;
  /** A version imported and waiting for the kiosk to be idle, or null. */
  pendingVersionId: number | null;
}

export interface OkView {
  ok: true;
}
