/**
 * The one API contract between the renderer and the main process: every verb the renderer may
 * call, with the zod schema its arguments must pass and the type of its result. The core
 * implements it once (core/api.ts); the Electron IPC and HTTP bindings are generic over it.
 * Adding a verb means touching this file and the implementation, nothing else.
 */
import { z } from 'zod';
import type {
  ArtifactView, ExhibitView, HealthView, InboxScanView, KioskConfig, OkView, PreviewStateView, PublishStateView, QrMatrix, SearchResults, SectionView,
  StaffRollbackView, StaffSessionView, StaffSettingResult, StaffStatusView, ChannelStatusView, TimelineView, TopicView,
} from './types';
import { recordActivitySchema, type ActivityReceipt, type AnalyticsSummaryView } from './analytics';
import type { ApiMethod } from './methods';
import type { API_METHODS } from './methods';

/** Ids in packages are short slugs: letters, digits, dash and underscore. */
export const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'a short id of letters, digits, - or _');

/** A BCP 47 language tag such as "en", "ru" or "pt-BR". */
export const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, 'a language tag such as "en" or "ru"');

const noArgs = z.object({}).strict();

/** A staff session token as staffLogin gives it (32 random bytes, base64url). */
export const staffToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the token staffLogin gave');
const staff = <T extends z.ZodRawShape>(shape: T) => z.object({ token: staffToken, ...shape }).strict();

export const argSchemas = {
  getExhibit: noArgs,
  getSection: z.object({ id: slug }).strict(),
  getTopic: z.object({ id: slug }).strict(),
  getArtifact: z.object({ id: slug }).strict(),
  getTimeline: noArgs,
  // `lang`: the visitor's language, in which results are titled where the package has it.
  search: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).optional(), lang: languageTag.optional() }).strict(),
  getQr: z.object({ text: z.string().min(1).max(400) }).strict(),
  getHealth: noArgs,
  getKioskConfig: noArgs,
  getPreviewState: noArgs,
  reportVisitorState: z.object({ state: z.enum(['attract', 'visiting']) }).strict(),
  recordActivity: recordActivitySchema,
  staffLogin: z.object({ pin: z.string().regex(/^\d{4,8}$/, '4 to 8 digits') }).strict(),
  staffLogout: staff({}),
  // `watching`: the open staff screen keeping itself up to date; it does not extend the session.
  staffStatus: staff({ watching: z.boolean().optional() }),
  staffRollback: staff({ versionId: z.number().int().positive().optional() }),
  staffSetSetting: staff({ key: z.string().min(1).max(64), value: z.json() }),
  staffImportFromInbox: staff({}),
  staffImportAnyway: staff({ name: z.string().min(1).max(255) }),
  staffLeaveKiosk: staff({}),
  // Look at the content channel now (issue 22), rather than at the next planned look.
  staffCheckChannel: staff({}),
  // Visitor figures of the live exhibit: today (1), or the last 7 or 30 days.
  staffVisitors: staff({ days: z.union([z.literal(1), z.literal(7), z.literal(30)]) }),
} satisfies Record<ApiMethod, z.ZodType>;

/** Result type of each verb. */
export interface ApiResults {
  getExhibit: ExhibitView;
  getSection: SectionView;
  getTopic: TopicView;
  getArtifact: ArtifactView;
  getTimeline: TimelineView;
  search: SearchResults;
  getQr: QrMatrix;
  getHealth: HealthView;
  getKioskConfig: KioskConfig;
  getPreviewState: PreviewStateView;
  reportVisitorState: PublishStateView;
  recordActivity: ActivityReceipt;
  staffLogin: StaffSessionView;
  staffLogout: OkView;
  staffStatus: StaffStatusView;
  staffRollback: StaffRollbackView;
  staffSetSetting: StaffSettingResult;
  staffImportFromInbox: InboxScanView;
  staffImportAnyway: InboxScanView;
  staffLeaveKiosk: OkView;
  staffVisitors: AnalyticsSummaryView;
  staffCheckChannel: ChannelStatusView;
}

export type ApiArgs = { [M in ApiMethod]: z.input<(typeof argSchemas)[M]> };

/** The API as the renderer sees it: one async function per verb. */
export type Api = { [M in ApiMethod]: (args: ApiArgs[M]) => Promise<ApiResults[M]> };

/** The API as the core implements it (may answer synchronously). */
export type ApiImplementation = {
  [M in ApiMethod]: (args: z.output<(typeof argSchemas)[M]>) => ApiResults[M] | Promise<ApiResults[M]>;
};

export { API_METHODS, isApiMethod, type ApiMethod } from './methods';
export { ApiError, type ApiErrorCode, type ApiFailure, type PinRefusal } from './errors';

// Compile-time check that the method list and the schema table name the same verbs.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _methodsMatch: Same<keyof typeof argSchemas, (typeof API_METHODS)[number]> = true;
void _methodsMatch;
