/**
 * The Electron binding of the API contract: one `invoke` channel, every call checked for who
 * sent it, then handed to the core's generic dispatch. Knows no verb by name.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ApiError, type ApiFailure, type ApiImplementation } from '../contract/api';
import { IPC_CHANNEL } from '../contract/methods';
import { dispatch, type ApiEnvelope } from '../core/dispatch';
import type { Logger } from '../core/log';
import { isAppUrl } from './app-url';

export interface IpcBindingOptions {
  log: Logger;
  /** Which frame URLs may call the API; the app's own origin by default. */
  isTrustedUrl?: (url: string) => boolean;
}

const UNTRUSTED: ApiFailure = new ApiError('bad-request', 'This page may not use the kiosk API.').toFailure();

/**
 * The URL of the frame that sent `event` when it is its page's main frame, else null. Any frame
 * can send IPC, iframes included, so the sender is checked on every call (Electron security
 * checklist §17; VS Code's ipcMain.ts does the same). Comparing with `sender.mainFrame` also
 * excludes fenced frames, whose parent is null too. A frame that navigated away or was
 * destroyed has no senderFrame, and reading a disposed one throws: both count as untrusted.
 */
function mainFrameUrl(event: IpcMainInvokeEvent): string | null {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || frame !== event.sender.mainFrame) return null;
    return frame.url;
  } catch {
    return null;
  }
}

/** Binds the contract to `ipcMain` on IPC_CHANNEL; returns a function that unbinds it. */
export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  api: ApiImplementation,
  { log, isTrustedUrl = isAppUrl }: IpcBindingOptions,
): () => void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, args: unknown): Promise<ApiEnvelope> => {
    const url = mainFrameUrl(event);
    if (url === null || !isTrustedUrl(url)) {
      log.warn('ipc', 'Refused an API call from an untrusted frame', {
        method: String(method).slice(0, 80),
        url: url?.slice(0, 200) ?? null,
      });
      return UNTRUSTED;
    }
    // dispatch never throws; the guard keeps that promise even if it one day does, because a
    // rejection would reach the renderer as an opaque "Error invoking remote method".
    try {
      return await dispatch(api, method, args, log);
    } catch (error) {
      log.error('ipc', 'Dispatch threw', error);
      return new ApiError('internal', 'The kiosk could not answer this request.').toFailure();
    }
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
