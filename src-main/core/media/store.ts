/**
 * The content-addressed media folder: a file's name is its SHA-256, so an unchanged image is
 * stored once however many package versions use it, and a half-written file can never be
 * mistaken for a good one (files arrive by rename, which is atomic on one file system).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a content-addressed file lives: `<mediaDir>/ab/abcdef….ext`. */
export function mediaPath(mediaDir: string, sha256: string, ext: string): string {
  return join(mediaDir, sha256.slice(0, 2), `${sha256}.${ext}`);
}

/** The URL the hosts serve a media file at (both the custom protocol and HTTP). */
export function mediaUrl(sha256: string, ext: string): string {
  return `/media/${sha256}.${ext}`;
}

/** SHA-256 of a file, streamed. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Moves a staged file into the media folder under its hash; a file already there is kept. */
export async function adoptFile(mediaDir: string, stagedPath: string | null, sha256: string, ext: string): Promise<void> {
  if (stagedPath === null) return; // the store already holds this exact file
  const target = mediaPath(mediaDir, sha256, ext);
  try {
    await stat(target);
    await unlink(stagedPath);
    return;
  } catch {
    // not there yet
  }
  await mkdir(join(mediaDir, sha256.slice(0, 2)), { recursive: true });
  await rename(stagedPath, target);
}
