/**
 * What the staff screen and staff verbs exchange (issue 5): sessions, versions, the inbox,
 * settings, health and crashes. Re-exported by types.ts, so callers import from one place.
 */
import type { VisitorState } from './types';

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
  /** Refused only for being older than (or the same as) the kiosk's version: "Import anyway" may take it. */
  canImportAnyway: boolean;
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
  /** How far that import is: images checked so far, of all; null before the first. */
  progress: { done: number; total: number } | null;
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
  /** The app's own updates (issue 22, Electron only; docs/app-updates.md); null where the host has none. */
  appUpdate: AppUpdateView | null;
}

/** What the app updater is doing: off (no appUpdateUrl, or an installation that cannot update itself). */
export interface AppUpdateView {
  state: 'off' | 'idle' | 'checking' | 'downloading' | 'downloaded' | 'error';
  /** The version found or downloaded, waiting to install when the museum is closed. */
  version: string | null;
  /** ISO time of the last check. */
  lastCheckAt: string | null;
  /** The last failure, or why updates are off, in words. */
  lastError: string | null;
}

/** A key the kiosk trusts for signed packages. */
export interface TrustedKeyView {
  /** The short name staff compare with `vitrine keygen`'s output (16 hex digits). */
  fingerprint: string;
  /** The key itself, as stored in the trustedKeys setting. */
  key: string;
}

/** What the kiosk's channel follower is doing (issue 22): where it pulls content from, and how that went. */
export interface ChannelStatusView {
  /** The channelUrl setting, or null when this kiosk follows no channel. */
  url: string | null;
  /** The channelGroup setting. */
  group: string | null;
  /**
   * off: no channel set; needs-key: a channel is set but no trusted key (a channel's content is
   * never taken unsigned); waiting: up to date, next look at nextCheckAt; checking; downloading;
   * importing; offline: the channel could not be reached (the kiosk keeps what it shows);
   * refused: the channel or its package was refused (see problem).
   */
  state: 'off' | 'needs-key' | 'waiting' | 'checking' | 'downloading' | 'importing' | 'offline' | 'refused';
  /** ISO times: the last look, the last time the channel answered, and the next look. */
  lastCheckAt: string | null;
  lastReachedAt: string | null;
  nextCheckAt: string | null;
  /** What the channel offers this kiosk now (after its group), once a signed channel.json was read. */
  offered: { packageId: string; version: string; title: string; bytes: number; sha256: string } | null;
  /** The download under way: bytes on disk of all. */
  download: { done: number; total: number } | null;
  /** Why the last look failed or what it refused, in words for staff; null when it went well. */
  problem: string | null;
  /** Failed looks in a row (the wait between looks doubles with each, up to an hour). */
  failures: number;
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
  /** The channel this kiosk pulls content from (issue 22). */
  channel: ChannelStatusView;
  /** The Prometheus metrics endpoint (issue 22): where it listens (null: off), or why it does not. */
  metrics: { url: string | null; problem: string | null };
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
