/**
 * Result types of the API contract. Plain data only (no classes, no Dates), so that the same
 * values cross Electron's structured clone and the HTTP binding's JSON unchanged.
 * The renderer imports this file's types; it must never import runtime code from src-main.
 */

import type { YearSpan } from './timeline';

export type { PeriodView, TimelineArtifact, TimelineEntry, TimelineTopic, TimelineView, YearSpan } from './timeline';

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

export interface ArtifactSummary {
  id: string;
  title: LocalText;
  thumb: ImageView | null;
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
}

/** A run of text in a search result; `match` marks what the visitor's words matched. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** Where in an item the best match was found. */
export type SearchField = 'title' | 'caption' | 'translation' | 'essay' | 'introduction';

/** One item a search found: what opens (kind + id), its title and the text around the match. */
export interface SearchHit {
  kind: 'artifact' | 'topic' | 'section';
  /** Artifact, topic or section id to open. */
  id: string;
  /** The title (a topic's starts with its era), matched words flagged. Plain text, never HTML. */
  title: TextSegment[];
  field: SearchField;
  /** Words around the match ("…" where cut), matched words flagged; empty when only a title matched. */
  snippet: TextSegment[];
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

/** Any JSON value (settings values cross the contract as JSON). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A staff session: pass `token` to every staff verb. It ends after 10 minutes without use. */
export interface StaffSessionView {
  token: string;
  /** ISO time; each staff verb moves it on. */
  expiresAt: string;
}

/** One content version as staff see it. */
export interface StaffVersionView {
  id: number;
  packageId: string;
  version: string;
  title: string;
  /** How it arrived: "built-in", "inbox: exhibit-2.zip", a file path. */
  source: string;
  importedAt: string;
  /** When it last went live, or null if it never has. */
  publishedAt: string | null;
  /** Fingerprint of the trusted key that signed it, or null when signatures were not required. */
  signedBy: string | null;
  artifacts: number;
  topics: number;
  images: number;
}

/** What came of one package found in the inbox. */
export interface InboxResultView {
  name: string;
  outcome: 'imported' | 'refused' | 'failed';
  /** What was imported (with counts), or why it was refused, naming file, field and expectation. */
  message: string;
  versionId: number | null;
  package: { id: string; version: string; title: string } | null;
  artifacts: number | null;
  images: number | null;
  finishedAt: string;
}

export interface InboxView {
  /** The inboxDir setting, or null when no inbox is set up. */
  folder: string | null;
  /**
   * Folders staff may pick on the screen (no keyboard there): removable media and shares mounted
   * now. Another folder is set with `vitrine settings set inboxDir <path>`.
   */
  choices: string[];
  /** False when the folder is set but not there (no USB stick). */
  available: boolean;
  /** The package being imported now, or null. */
  importing: string | null;
  /** Latest results, newest first. */
  results: InboxResultView[];
}

export interface StaffSettingView {
  key: string;
  value: JsonValue;
  defaultValue: JsonValue;
  /** What the setting does. */
  about: string;
  /** What a valid value looks like, in words. */
  expected: string;
}

export interface CrashReportView {
  at: string;
  /** e.g. "renderer", "gpu". */
  kind: string;
  detail: string;
}

export interface StaffHealthView {
  uptimeSeconds: number;
  memory: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number; externalBytes: number };
  /** PRAGMA quick_check: ok, or its first complaints. */
  database: { ok: boolean; detail: string };
  /** Free space where the kiosk keeps its data, or null when the system cannot tell. */
  disk: { freeBytes: number; totalBytes: number } | null;
  /** Recent crashes the host noticed (renderer, GPU), newest first; empty when none or not reported. */
  crashes: CrashReportView[];
}

/** Which host runs the kiosk, for staff and for a technician on the phone. */
export interface StaffHostView {
  kind: 'electron' | 'browser' | 'unknown';
  canLeaveKiosk: boolean;
  /** Where the browser kiosk serves (e.g. http://127.0.0.1:4380/); null in Electron. */
  address: string | null;
  /** Versions of what runs the kiosk, e.g. { electron: '41.7.1', chrome: '…', node: '…' }. */
  versions: Record<string, string>;
}

/** A key the kiosk trusts for signed packages. */
export interface TrustedKeyView {
  /** The short name staff compare with `vitrine keygen`'s output (16 hex digits). */
  fingerprint: string;
  /** The key itself, as stored in the trustedKeys setting. */
  key: string;
}

/** Everything the staff screen shows. */
export interface StaffStatusView {
  session: { expiresAt: string };
  host: StaffHostView;
  /** Whether the opening hours say the museum is open now (the host's local time). */
  openNow: boolean;
  trustedKeys: TrustedKeyView[];
  visitorState: VisitorState | 'unknown';
  live: StaffVersionView | null;
  /** Imported, waiting for the attract screen to go live. */
  pending: StaffVersionView | null;
  /** Earlier versions, newest first: each a rollback target. */
  earlier: StaffVersionView[];
  inbox: InboxView;
  settings: StaffSettingView[];
  health: StaffHealthView;
}

export interface StaffRollbackView {
  /** The version that was live. */
  from: number;
  live: StaffVersionView;
}

export interface StaffSettingResult {
  key: string;
  value: JsonValue;
}

/** What a staff-started inbox scan took (imported or refused); the full history is in staffStatus. */
export interface InboxScanView {
  results: InboxResultView[];
}

export interface OkView {
  ok: true;
}
