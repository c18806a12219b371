/**
 * Session- and page-level lockdown for a kiosk that only ever shows its own `vitrine://app`
 * origin. Numbers in comments refer to Electron's security checklist,
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { Session, WebContents, WebRequest } from 'electron';
import type { Logger } from '../core/log';
import { isAppUrl, parseUrl } from './app-url';

export type LockableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'
> & { webRequest: Pick<WebRequest, 'onBeforeRequest'> };

export interface SessionLockdownOptions {
  /** Development launch: lets the devtools front end (`devtools:`) load. */
  dev: boolean;
}

/** Short enough for a log line, long enough to recognise. */
const clip = (url: string) => url.slice(0, 200);

/**
 * Whether a request may leave the page: our own origin always; inline and in-memory images
 * (QR codes, canvases) as `data:`/`blob:`; devtools only in development. Everything else, the
 * internet and file:// included, is cancelled (§1, and "avoid file://"). Widen it here only.
 */
function isAllowedRequest(url: string, resourceType: string, dev: boolean): boolean {
  if (isAppUrl(url)) return true;
  const scheme = parseUrl(url)?.protocol;
  if ((scheme === 'data:' || scheme === 'blob:') && resourceType === 'image') return true;
  return dev && scheme === 'devtools:';
}

/** Denies every permission and device, cancels every request off the app, blocks downloads. */
export function applySessionLockdown(session: LockableSession, log: Logger, { dev }: SessionLockdownOptions): void {
  // Electron grants permission requests by default (§5): camera, geolocation, notifications…
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('security', 'Denied a permission request', { permission });
    callback(false);
  });
  // …and answers synchronous permission checks with "granted" unless told otherwise.
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, details.resourceType, dev);
    if (!allowed) {
      log.warn('security', 'Cancelled a request off the app', { url: clip(details.url), type: details.resourceType });
    }
    callback({ cancel: !allowed });
  });
  // A kiosk has no downloads folder a visitor should fill.
  session.on('will-download', (event, item) => {
    event.preventDefault();
    log.warn('security', 'Blocked a download', { url: clip(item.getURL()) });
  });
}

export type LockableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Keeps a page on the app's origin: no navigation away, no new windows, no webviews (§12-§14). */
export function lockDownWebContents(contents: LockableContents, log: Logger): void {
  const stayOnApp = (event: { preventDefault(): void }, url: string, kind: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn('security', `Blocked a ${kind} off the app`, { url: clip(url) });
  };
  contents.on('will-navigate', (event) => stayOnApp(event, event.url, 'navigation'));
  contents.on('will-redirect', (event) => stayOnApp(event, event.url, 'redirect'));
  // will-navigate covers only the main frame; CSP already forbids frames, this is the backstop.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) stayOnApp(event, event.url, 'frame navigation');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('security', 'Denied a new window', { url: clip(url) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('security', 'Blocked a webview');
  });
  // Should a window slip past the open handler, it does not live.
  contents.on('did-create-window', (window) => {
    log.error('security', 'Closed an unexpected window');
    window.destroy();
  });
  // A page's beforeunload must never stop the kiosk from reloading or quitting.
  contents.on('will-prevent-unload', (event) => event.preventDefault());
}
