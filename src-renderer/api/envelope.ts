/**
 * The envelope every answer travels in, over IPC and over HTTP alike. Declared here from the
 * contract's types because the renderer may import nothing else from src-main.
 */
import type { ApiArgs, ApiMethod, ApiResults } from '@contract/api';
import type { ApiFailure } from '@contract/errors';

export type ApiEnvelope<T> = { ok: true; result: T } | ApiFailure;

/** What the Electron preload puts on `window.vitrine`: one function per verb of the contract. */
export type VitrineBridge = {
  [M in ApiMethod]: (args: ApiArgs[M]) => Promise<ApiEnvelope<ApiResults[M]>>;
};
