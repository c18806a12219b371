/**
 * The contract's verb names, with no dependencies: the sandboxed preload imports this list to
 * expose exactly these verbs and nothing else, without bundling zod.
 */
export const API_METHODS = [
  'getExhibit',
  'getSection',
  'getTopic',
  'getArtifact',
  'getTimeline',
  'search',
  'getQr',
  'getHealth',
  'getKioskConfig',
  'getPreviewState',
  'reportVisitorState',
  'recordActivity',
  'staffLogin',
  'staffLogout',
  'staffStatus',
  'staffRollback',
  'staffSetSetting',
  'staffImportFromInbox',
  'staffImportAnyway',
  'staffLeaveKiosk',
  'staffVisitors',
  'staffCheckChannel',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/** The single IPC channel the contract travels on. */
export const IPC_CHANNEL = 'vitrine:api';

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}
