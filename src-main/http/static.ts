/**
 * GET and HEAD of files: the built renderer and the content-addressed media store. Paths are
 * mapped only through resolveInside / resolveContentPath, so a crafted URL can never name a file
 * outside those two folders. Files are streamed, never read whole: a full-resolution scan can be
 * tens of megabytes, a video far more, and a kiosk has little memory to spare. A media element
 * seeks with range requests (byte-range.ts), and only the asked slice is read.
 */
import type { FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { contentRange, rangeFor, unsatisfiedRange } from '../common/byte-range';
import { contentRootFor, contentTypeFor, openServedFile, resolveContentPath, resolveInside, type ContentDirs } from '../common/static-files';
import type { Logger } from '../core/log';
import { sendText } from './respond';

/** Hashed build output and content-addressed media never change under the same name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Entry points (index.html) and unhashed files must be revalidated so an update shows at once. */
export const REVALIDATE = 'no-cache';

/** Serves a file from the built renderer; `/` is index.html, `/assets/*` is cached forever. */
export async function serveRenderer(
  req: IncomingMessage,
  res: ServerResponse,
  rendererDir: string,
  urlPath: string,
  log: Logger,
): Promise<void> {
  const file = resolveInside(rendererDir, urlPath);
  if (file === null) return sendText(req, res, 404, 'Not found.');
  const cache = urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
  await serveFile(req, res, rendererDir, file, cache, log);
}

/** Serves content-addressed media and tiles (`/media/<sha256>.<ext>`, `/tiles/<sha256>/…`); any other name is 404. */
export async function serveContent(
  req: IncomingMessage,
  res: ServerResponse,
  dirs: ContentDirs,
  urlPath: string,
  log: Logger,
): Promise<void> {
  const file = resolveContentPath(dirs, urlPath);
  const root = contentRootFor(dirs, urlPath);
  if (file === null || root === null) return sendText(req, res, 404, 'Not found.');
  await serveFile(req, res, root, file, IMMUTABLE, log);
}

/**
 * Streams one regular file with its type, length and caching; 404 if it is missing or a folder.
 * A GET with one byte range gets that slice (206), or 416 when no byte of the file is in it.
 */
async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  file: string,
  cacheControl: string,
  log: Logger,
): Promise<void> {
  // No link is followed, and nothing outside `root` is sent (static-files.ts).
  const handle: FileHandle | null = await openServedFile(root, file);
  if (!handle) return sendText(req, res, 404, 'Not found.');
  // Stat the handle, not the path: the file we describe is the file we send.
  let size: number;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      return sendText(req, res, 404, 'Not found.');
    }
    size = stats.size;
  } catch (error) {
    await handle.close().catch(() => undefined);
    log.warn('http', 'Could not read a file to serve', { file, error: String(error) });
    return sendText(req, res, 500, 'The file could not be read.');
  }
  const range = rangeFor({ method: req.method ?? 'GET', range: req.headers.range, ifRange: req.headers['if-range']?.toString() }, size);
  if (range.kind === 'unsatisfiable') {
    await handle.close();
    return sendText(req, res, 416, 'Range not satisfiable.', { 'Accept-Ranges': 'bytes', 'Content-Range': unsatisfiedRange(size) });
  }
  const partial = range.kind === 'partial' ? range : null;
  res.writeHead(partial ? 206 : 200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': partial ? partial.end - partial.start + 1 : size,
    'Cache-Control': cacheControl,
    // Media elements seek only in files whose host says it takes ranges (issue 20).
    'Accept-Ranges': 'bytes',
    ...(partial ? { 'Content-Range': contentRange(partial, size) } : {}),
  });
  if (req.method === 'HEAD' || size === 0) {
    await handle.close();
    res.end();
    return;
  }
  try {
    // autoClose: the stream closes the handle when it ends, errors or is destroyed. Only the
    // asked slice is read (start and end inclusive, as in Content-Range).
    const slice = partial ? { start: partial.start, end: partial.end } : {};
    await pipeline(handle.createReadStream({ autoClose: true, ...slice }), res);
  } catch (error) {
    // A visitor tapping away mid-download aborts the response; that is normal, not an error.
    // So is a media element dropping a range request when it seeks elsewhere.
    if (!isAbort(error)) log.warn('http', 'A file transfer failed', { file, error: String(error) });
    res.destroy();
  }
}

function isAbort(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE';
}
