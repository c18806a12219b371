/**
 * Result types of the API contract. Plain data only (no classes, no Dates), so that the same
 * values cross Electron's structured clone and the HTTP binding's JSON unchanged.
 * The renderer imports this file's types; it must never import runtime code from src-main.
 */

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
  width: number;
  height: number;
  alt: string;
  /** True when the package marks this image as a generated stand-in, not the original. */
  standIn: boolean;
}

export interface ArtifactSummary {
  id: string;
  title: string;
  thumb: ImageView | null;
}

export interface ArtifactView {
  id: string;
  title: string;
  caption: string | null;
  /** The object's permanent address at its home institution, or null when the package has none. */
  permanentUrl: string | null;
  /** Translation paragraphs, or null when the package has none (the UI must say so plainly). */
  translation: string[] | null;
  /** What the package says about a missing translation (e.g. that the original had one), or null. */
  translationNote: string | null;
  date: string | null;
  images: ImageView[];
  /** Where the visitor came from: the topic that places this artifact (first placement). */
  topic: { id: string; title: string; era: string | null } | null;
  /** Neighbours in exhibit order, for previous/next. */
  previousId: string | null;
  nextId: string | null;
}

export type TopicBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'artifact'; artifact: ArtifactSummary };

export interface TopicSummary {
  id: string;
  title: string;
  era: string | null;
  artifactCount: number;
}

export interface TopicView {
  id: string;
  title: string;
  era: string | null;
  section: { id: string; title: string };
  blocks: TopicBlock[];
  previousId: string | null;
  nextId: string | null;
}

/** Consecutive topics sharing an era; a topic without an era forms a group with `era: null`. */
export interface EraGroup {
  era: string | null;
  topics: TopicSummary[];
}

export interface SectionSummary {
  id: string;
  title: string;
  /** False for a section the package names but gives no content (shown, not openable). */
  hasContent: boolean;
  topicCount: number;
  artifactCount: number;
  cover: ImageView | null;
}

export interface SectionView {
  id: string;
  title: string;
  introduction: string[];
  eras: EraGroup[];
}

export interface ExhibitView {
  title: string;
  subtitle: string | null;
  credit: string | null;
  language: string;
  sections: SectionSummary[];
  /** Every artifact, in the order a visitor meets them. */
  highlights: ArtifactSummary[];
  /** What the attract loop shows (the package's choice, or every artifact with an image). */
  attract: AttractView;
  package: { id: string; version: string; importedAt: string };
}

export interface AttractView {
  /** Headline; the exhibit title unless the package gives another. */
  title: string;
  /** The package's invitation to touch, or null for the kiosk's own words. */
  invitation: string | null;
  artifacts: ArtifactSummary[];
}

/** What the renderer needs of the kiosk's settings. */
export interface KioskConfig {
  idleTimeoutSeconds: number;
  idleCountdownSeconds: number;
  attractSlideSeconds: number;
  showCursor: boolean;
}

export interface SearchHit {
  kind: 'artifact' | 'topic' | 'section';
  /** Artifact, topic or section id to open. */
  id: string;
  title: string;
  /** Matched text with matches wrapped in U+0002 … U+0003 (never HTML). */
  snippet: string;
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
