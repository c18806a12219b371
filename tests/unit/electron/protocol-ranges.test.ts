/**
 * Video and audio on the vitrine:// protocol (issue 20): the handler answers range requests on a
 * real media file of a few hundred kilobytes, as Chromium's media loader sends them once the
 * scheme is registered with `stream: true` (main.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/common/static-files';
import { createMemoryLogger } from '../../../src-main/core/log';
import { createAppProtocolHandler, type AppProtocolHandler } from '../../../src-main/electron/protocol';

const HASH = 'cd'.padEnd(64, '1');
// Random bytes, so a slice taken from the wrong place can never match by accident.
const VIDEO = randomBytes(300 * 1024 + 7);
const SIZE = VIDEO.length;
const VIDEO_URL = `vitrine://app/media/${HASH}.mp4`;

let root: string;
let mediaDir: string;
let handler: AppProtocolHandler;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vitrine-protocol-ranges-'));
  const rendererDir = join(root, 'renderer');
  mediaDir = join(root, 'media');
  mkdirSync(rendererDir, { recursive: true });
  mkdirSync(join(mediaDir, 'cd'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vitrine</title>');
  writeFileSync(join(mediaDir, 'cd', `${HASH}.mp4`), VIDEO);
  handler = createAppProtocolHandler({ rendererDir, mediaDir, tilesDir: join(root, 'tiles'), log: createMemoryLogger() });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (range?: string, method = 'GET', url = VIDEO_URL) =>
  handler(new Request(url, { method, headers: range === undefined ? {} : { range } }));

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('range requests on the vitrine:// protocol', () => {
  it('still answers a plain GET whole, with 200, and says it takes ranges', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe(String(SIZE));
    expect(response.headers.get('content-range')).toBeNull();
    expect((await bytesOf(response)).equals(VIDEO)).toBe(true);
  });

  it.each([
    ['a closed range', 'bytes=1000-1999', 1000, 1999],
    ['one byte', 'bytes=0-0', 0, 0],
    ['an open range', 'bytes=200000-', 200000, SIZE - 1],
    ['a suffix', 'bytes=-500', SIZE - 500, SIZE - 1],
    ['an end past the file, clamped', `bytes=${SIZE - 10}-${SIZE * 2}`, SIZE - 10, SIZE - 1],
    ['a suffix longer than the file', `bytes=-${SIZE * 2}`, 0, SIZE - 1],
  ])('answers %s with 206 and exactly those bytes', async (_name, range, start, end) => {
    const response = await get(range);
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(response.headers.get('content-length')).toBe(String(end - start + 1));
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await bytesOf(response)).equals(VIDEO.subarray(start, end + 1))).toBe(true);
  });

  it('answers a range past the end with 416 and the real size, and none of the file', async () => {
    for (const range of [`bytes=${SIZE}-`, `bytes=${SIZE + 5}-${SIZE + 10}`, 'bytes=-0']) {
      const response = await get(range);
      expect(response.status, range).toBe(416);
      expect(response.headers.get('content-range'), range).toBe(`bytes */${SIZE}`);
      expect(response.headers.get('content-security-policy'), range).toBe(CONTENT_SECURITY_POLICY);
      expect((await bytesOf(response)).length, range).toBeLessThan(100);
    }
  });

  it('answers a multi-range, malformed or other-unit Range, or an If-Range, with the whole file', async () => {
    for (const range of ['bytes=0-9,20-29', 'bytes=abc', 'items=0-9', 'bytes=9-0']) {
      const response = await get(range);
      expect(response.status, range).toBe(200);
      expect((await bytesOf(response)).equals(VIDEO), range).toBe(true);
    }
    const conditional = await handler(new Request(VIDEO_URL, { headers: { range: 'bytes=0-9', 'if-range': '"v1"' } }));
    expect(conditional.status).toBe(200);
    expect((await bytesOf(conditional)).length).toBe(SIZE);
  });

  it('answers HEAD with the whole file\'s headers and no body, with or without a Range', async () => {
    for (const range of [undefined, 'bytes=0-9']) {
      const response = await get(range, 'HEAD');
      expect(response.status, range).toBe(200);
      expect(response.headers.get('accept-ranges'), range).toBe('bytes');
      expect(response.headers.get('content-length'), range).toBe(String(SIZE));
      expect(response.headers.get('content-type'), range).toBe('video/mp4');
      expect(response.body, range).toBeNull();
    }
  });

  it('takes ranges on renderer files too', async () => {
    const response = await get('bytes=0-8', 'GET', 'vitrine://app/index.html');
    expect(response.status).toBe(206);
    expect(await response.text()).toBe('<!doctype');
  });

  // A media element drops the rest of a range when the visitor seeks elsewhere.
  it.runIf(existsSync('/proc/self/fd'))('closes the file when a slice is left unread', async () => {
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    const response = await get('bytes=1-');
    expect(openFiles()).toBeGreaterThan(before);
    await response.body?.cancel();
    await vi.waitFor(() => expect(openFiles()).toBe(before));
  });
});

describe('video, audio and caption files on the vitrine:// protocol', () => {
  it.each([
    ['webm', 'video/webm'],
    ['mp3', 'audio/mpeg'],
    ['m4a', 'audio/mp4'],
    ['opus', 'audio/ogg; codecs=opus'],
    ['ogg', 'audio/ogg; codecs=opus'],
    ['vtt', 'text/vtt; charset=utf-8'],
  ])('serves .%s by its content address as %s', async (ext, type) => {
    const bytes = Buffer.from(`WEBVTT ${ext}\n`);
    writeFileSync(join(mediaDir, 'cd', `${HASH}.${ext}`), bytes);
    const response = await get(undefined, 'GET', `vitrine://app/media/${HASH}.${ext}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect((await bytesOf(response)).equals(bytes)).toBe(true);
  });

  it('refuses a media file under an extension that is not on the list, even when it is there', async () => {
    for (const ext of ['mkv', 'wav', 'MP4', 'mp4.exe']) {
      writeFileSync(join(mediaDir, 'cd', `${HASH}.${ext}`), `not ${ext}`);
      expect((await get(undefined, 'GET', `vitrine://app/media/${HASH}.${ext}`)).status, ext).toBe(404);
    }
  });
});
