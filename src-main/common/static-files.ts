/**
 * What both hosts (the Electron custom protocol and the local HTTP host) need to serve files
 * safely: resolve a URL path inside one folder and nowhere else, content types, and the CSP.
 * Pure Node; knows nothing of Electron or HTTP servers.
 */
import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';

/** Strict Content-Security-Policy for the renderer: everything from our own origin, nothing else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Svelte sets inline style attributes for transitions; no inline scripts are allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.dzi': 'application/xml',
  '.xml': 'application/xml',
  // Video and audio artifacts and their captions (issue 20). Ogg audio is Opus as issue 20
  // specifies it, under either extension, so the type names the codec (RFC 7845 §9).
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.opus': 'audio/ogg; codecs=opus',
  '.ogg': 'audio/ogg; codecs=opus',
  '.vtt': 'text/vtt; charset=utf-8',
};

/** Content type for a file name, or a safe binary default. */
export function contentTypeFor(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path (already stripped of origin, query and hash) to a file inside `root`.
 * Returns null for anything that could leave the folder: `..` segments, encoded slashes or
 * backslashes, NUL bytes, drive letters, or a decoding error. `/` maps to `index.html`.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /^[a-z]:/i.test(decoded.replace(/^\/+/, ''))) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = resolve(root);
  const full = resolve(base, relative);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

/**
 * Media URLs are content-addressed: `/media/<sha256>.<ext>` and nothing else. The extensions are
 * the images, and the video, audio and WebVTT caption files of issue 20, each with its type above.
 */
const MEDIA_NAME = /^\/media\/([0-9a-f]{64})\.(jpg|png|webp|mp4|webm|mp3|m4a|opus|ogg|vtt)$/;

/** Maps `/media/<sha256>.<ext>` to its file in the media store, or null if the name is not one. */
export function resolveMediaPath(mediaDir: string, urlPath: string): string | null {
  const match = MEDIA_NAME.exec(urlPath);
  if (!match) return null;
  const [, hash, ext] = match as unknown as [string, string, string];
  return resolve(mediaDir, hash.slice(0, 2), `${hash}.${ext}`);
}

/** Deep Zoom pyramids are addressed by their image's hash: `/tiles/<sha256>/image.dzi` and its tiles. */
const TILE_NAME = /^\/tiles\/([0-9a-f]{64})\/(image\.dzi|image_files\/\d{1,2}\/\d{1,5}_\d{1,5}\.jpeg)$/;

/** Maps a tile URL to its file in the tile store, or null if the name is not one. */
export function resolveTilePath(tilesDir: string, urlPath: string): string | null {
  const match = TILE_NAME.exec(urlPath);
  if (!match) return null;
  const [, hash, rest] = match as unknown as [string, string, string];
  return resolve(tilesDir, hash.slice(0, 2), hash, rest);
}

/** The content stores a host serves from, besides the renderer. */
export interface ContentDirs {
  mediaDir: string;
  tilesDir: string;
}

/** Resolves any content URL (`/media/…` or `/tiles/…`); null for anything else. */
export function resolveContentPath(dirs: ContentDirs, urlPath: string): string | null {
  if (urlPath.startsWith('/media/')) return resolveMediaPath(dirs.mediaDir, urlPath);
  if (urlPath.startsWith('/tiles/')) return resolveTilePath(dirs.tilesDir, urlPath);
  return null;
}

/** The store a content URL resolves into (for openServedFile), or null for anything else. */
export function contentRootFor(dirs: ContentDirs, urlPath: string): string | null {
  if (urlPath.startsWith('/media/')) return dirs.mediaDir;
  if (urlPath.startsWith('/tiles/')) return dirs.tilesDir;
  return null;
}

/**
 * Opens a resolved file for serving, refusing links (issue 19: an outside probe found a link
 * placed in the media folder was followed): the file itself must not be a link (O_NOFOLLOW where
 * the system has it), and with every link on its way resolved it must still be inside `root`.
 * Null when it is missing, a link, or leads out of `root`.
 */
export async function openServedFile(root: string, file: string): Promise<FileHandle | null> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch(() => null);
  if (!handle) return null;
  const [real, base] = await Promise.all([realpath(file).catch(() => null), realpath(root).catch(() => null)]);
  // With every link resolved, the file is where its path says it is, below the (real) root.
  if (real !== null && base !== null && real === resolve(base, relative(resolve(root), file))) return handle;
  await handle.close();
  return null;
}

/** True for URL paths that belong to the content stores rather than the renderer. */
export function isContentPath(urlPath: string): boolean {
  return urlPath.startsWith('/media/') || urlPath.startsWith('/tiles/');
}
