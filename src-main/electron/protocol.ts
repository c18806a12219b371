/**
 * Serves the app on `vitrine://app/`: the built renderer and the content-addressed media and tiles.
 * A privileged custom scheme instead of file:// gives the renderer a real origin for CSP and
 * same-origin checks, and exposes exactly two folders instead of the whole disk (Electron
 * security checklist: "Avoid usage of the file:// protocol and prefer custom protocols").
 */
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, contentRootFor, contentTypeFor, isContentPath, openServedFile, resolveContentPath, resolveInside } from '../common/static-files';
import type { Logger } from '../core/log';
import { APP_SCHEME, isAppUrl } from './app-url';

export interface AppProtocolOptions {
  /** The built renderer folder (index.html and assets). */
  rendererDir: string;
  /** The core's media folder, answering `/media/<sha256>.<ext>`. */
  mediaDir: string;
  /** The core's Deep Zoom pyramids, answering `/tiles/<sha256>/…`. */
  tilesDir: string;
  log: Logger;
}

export type AppProtocolHandler = (request: Request) => Promise<Response>;

/** Headers on every answer, files and refusals alike. */
const BASE_HEADERS = {
  // The policy travels as a header, so no page can weaken it with its markup (checklist §7).
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

function refuse(status: 404 | 405, extra: Record<string, string> = {}): Response {
  const text = status === 404 ? 'Not found' : 'Method not allowed';
  return new Response(text, {
    status,
    headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...extra },
  });
}

/** Maps a request URL to a file on disk and the folder it must stay in, or null when it names nothing we serve. */
function fileFor(requestUrl: string, options: AppProtocolOptions): { path: string; root: string } | null {
  // Only our own host: `vitrine://anything-else/` is not a second way in.
  if (!isAppUrl(requestUrl)) return null;
  const { pathname } = new URL(requestUrl);
  const root = isContentPath(pathname) ? contentRootFor(options, pathname) : options.rendererDir;
  const path = isContentPath(pathname) ? resolveContentPath(options, pathname) : resolveInside(options.rendererDir, pathname);
  return path && root ? { path, root } : null;
}

/** Builds the `vitrine:` handler: GET/HEAD of files inside the renderer or media folder, 404 otherwise. */
export function createAppProtocolHandler(options: AppProtocolOptions): AppProtocolHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, { allow: 'GET, HEAD' });
    const found = fileFor(request.url, options);
    if (!found) {
      options.log.warn('protocol', 'Refused a request outside the app', { url: request.url.slice(0, 200) });
      return refuse(404);
    }
    const { path } = found;
    // Open first, then stat the open handle: the file cannot be swapped between check and read.
    // No link is followed, and nothing outside its folder is sent (static-files.ts).
    const handle = await openServedFile(found.root, path);
    if (!handle) return refuse(404);
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return refuse(404);
      }
      const headers = { ...BASE_HEADERS, 'content-type': contentTypeFor(path), 'content-length': String(info.size) };
      if (request.method === 'HEAD') {
        await handle.close();
        return new Response(null, { status: 200, headers });
      }
      // Streamed, so a large image never sits whole in the main process's memory.
      const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
      return new Response(body, { status: 200, headers });
    } catch (error) {
      await handle.close().catch(() => undefined);
      options.log.error('protocol', 'Could not read a file', error);
      return refuse(404);
    }
  };
}

/** Registers the handler for the `vitrine:` scheme (after app ready). */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, handler: AppProtocolHandler): void {
  protocol.handle(APP_SCHEME, handler);
}
