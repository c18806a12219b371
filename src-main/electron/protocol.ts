/**
 * Serves the app on `vitrine://app/`: the built renderer and the content-addressed media and tiles.
 * A privileged custom scheme instead of file:// gives the renderer a real origin for CSP and
 * same-origin checks, and exposes exactly two folders instead of the whole disk (Electron
 * security checklist: "Avoid usage of the file:// protocol and prefer custom protocols").
 */
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { contentRange, rangeFor, unsatisfiedRange } from '../common/byte-range';
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

const REFUSALS = { 404: 'Not found', 405: 'Method not allowed', 416: 'Range not satisfiable' } as const;

function refuse(status: keyof typeof REFUSALS, extra: Record<string, string> = {}): Response {
  const text = REFUSALS[status];
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

/**
 * Builds the `vitrine:` handler: GET/HEAD of files inside the renderer or media folder, 404
 * otherwise. A GET with one byte range gets that slice (206), or 416 when no byte is in it: the
 * scheme is registered with `stream: true` (main.ts), so media elements send range requests here,
 * and protocol.handle leaves answering them to us.
 */
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
      const size = info.size;
      const range = rangeFor({ method: request.method, range: request.headers.get('range'), ifRange: request.headers.get('if-range') }, size);
      if (range.kind === 'unsatisfiable') {
        await handle.close();
        return refuse(416, { 'accept-ranges': 'bytes', 'content-range': unsatisfiedRange(size) });
      }
      const partial = range.kind === 'partial' ? range : null;
      const headers: Record<string, string> = {
        ...BASE_HEADERS,
        'content-type': contentTypeFor(path),
        'content-length': String(partial ? partial.end - partial.start + 1 : size),
        // A <video> or <audio> element seeks only where the answer says ranges are taken (issue 20).
        'accept-ranges': 'bytes',
        ...(partial ? { 'content-range': contentRange(partial, size) } : {}),
      };
      const status = partial ? 206 : 200;
      if (request.method === 'HEAD') {
        await handle.close();
        return new Response(null, { status, headers });
      }
      // Streamed, so a large image or a video never sits whole in the main process's memory; for
      // a range only its slice is read (start and end inclusive, as in Content-Range).
      const slice = partial ? { start: partial.start, end: partial.end } : {};
      const body = Readable.toWeb(handle.createReadStream(slice)) as ReadableStream<Uint8Array>;
      return new Response(body, { status, headers });
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
