// @vitest-environment node
/**
 * Video and audio on the browser host (issue 20): a real server on a loopback port answers range
 * requests on a real media file of a few hundred kilobytes, so a <video> element can seek in it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import { startHttpHost, type HttpHost } from '../../../src-main/http/server';
import { hostOptions, makeFixture, raw, type Fixture } from './helpers';

/** Stores `bytes` in the media folder under its content address and returns its URL path. */
function storeMedia(mediaDir: string, bytes: Buffer, ext: string): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(join(mediaDir, hash.slice(0, 2)), { recursive: true });
  writeFileSync(join(mediaDir, hash.slice(0, 2), `${hash}.${ext}`), bytes);
  return `/media/${hash}.${ext}`;
}

// Random bytes, so a slice taken from the wrong place can never match by accident.
const VIDEO = randomBytes(300 * 1024 + 7);
const SIZE = VIDEO.length;
const log = createMemoryLogger();
let fixture: Fixture;
let host: HttpHost;
let video: string;

beforeAll(async () => {
  fixture = makeFixture();
  video = storeMedia(fixture.mediaDir, VIDEO, 'mp4');
  host = await startHttpHost(hostOptions(fixture, log));
});

afterAll(async () => {
  await host?.close();
  fixture?.cleanup();
});

const get = (range?: string, method = 'GET', path = video) =>
  raw(host.port, { method, path, headers: range === undefined ? {} : { Range: range } });

describe('range requests on media', () => {
  it('still answers a plain GET whole, with 200, and says it takes ranges', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-length']).toBe(String(SIZE));
    expect(res.headers['content-range']).toBeUndefined();
    expect(res.body.equals(VIDEO)).toBe(true);
  });

  it.each([
    ['a closed range', 'bytes=1000-1999', 1000, 1999],
    ['one byte', 'bytes=0-0', 0, 0],
    ['an open range', 'bytes=200000-', 200000, SIZE - 1],
    ['a suffix', 'bytes=-500', SIZE - 500, SIZE - 1],
    ['an end past the file, clamped', `bytes=${SIZE - 10}-${SIZE * 2}`, SIZE - 10, SIZE - 1],
    ['a suffix longer than the file', `bytes=-${SIZE * 2}`, 0, SIZE - 1],
  ])('answers %s with 206 and exactly those bytes', async (_name, range, start, end) => {
    const res = await get(range);
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.equals(VIDEO.subarray(start, end + 1))).toBe(true);
  });

  it('answers a range past the end with 416 and the real size, and none of the file', async () => {
    for (const range of [`bytes=${SIZE}-`, `bytes=${SIZE + 5}-${SIZE + 10}`, 'bytes=-0']) {
      const res = await get(range);
      expect(res.status, range).toBe(416);
      expect(res.headers['content-range'], range).toBe(`bytes */${SIZE}`);
      expect(res.headers['cache-control'], range).toBe('no-store');
      expect(res.headers['content-security-policy'], range).toBeDefined();
      expect(res.body.length, range).toBeLessThan(100);
    }
  });

  it('answers a multi-range, malformed or other-unit Range, or an If-Range, with the whole file', async () => {
    for (const range of ['bytes=0-9,20-29', 'bytes=abc', 'items=0-9', 'bytes=9-0']) {
      const res = await get(range);
      expect(res.status, range).toBe(200);
      expect(res.body.equals(VIDEO), range).toBe(true);
    }
    const conditional = await raw(host.port, { path: video, headers: { Range: 'bytes=0-9', 'If-Range': '"v1"' } });
    expect(conditional.status).toBe(200);
    expect(conditional.body.length).toBe(SIZE);
  });

  it('answers HEAD with the whole file\'s headers and no body, with or without a Range', async () => {
    for (const range of [undefined, 'bytes=0-9']) {
      const res = await get(range, 'HEAD');
      expect(res.status, range).toBe(200);
      expect(res.headers['accept-ranges'], range).toBe('bytes');
      expect(res.headers['content-length'], range).toBe(String(SIZE));
      expect(res.headers['content-type'], range).toBe('video/mp4');
      expect(res.body.length, range).toBe(0);
    }
  });

  it('takes ranges on renderer files too', async () => {
    const res = await get('bytes=0-8', 'GET', '/index.html');
    expect(res.status).toBe(206);
    expect(res.text).toBe('<!doctype');
  });

  it('keeps serving after a client drops a range request mid-transfer', async () => {
    const { request } = await import('node:http');
    log.entries.length = 0;
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: fixture.bigAsset.url, headers: { Range: 'bytes=1-' }, agent: false }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve(res.statusCode);
        });
      });
      req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
      req.end();
    });
    expect(status).toBe(206);
    await new Promise((r) => setTimeout(r, 50));
    expect((await get('bytes=0-3')).status).toBe(206);
    expect(log.entries.filter((e) => e.level !== 'info')).toEqual([]);
  });
});

describe('video, audio and caption files', () => {
  it.each([
    ['webm', 'video/webm'],
    ['mp3', 'audio/mpeg'],
    ['m4a', 'audio/mp4'],
    ['opus', 'audio/ogg; codecs=opus'],
    ['ogg', 'audio/ogg; codecs=opus'],
    ['vtt', 'text/vtt; charset=utf-8'],
  ])('serves .%s by its content address as %s', async (ext, type) => {
    const bytes = Buffer.from(`WEBVTT ${ext}\n`);
    const res = await raw(host.port, { path: storeMedia(fixture.mediaDir, bytes, ext) });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.body.equals(bytes)).toBe(true);
  });

  it('refuses a media file under an extension that is not on the list, even when it is there', async () => {
    for (const ext of ['mkv', 'wav', 'MP4', 'mp4.exe']) {
      const res = await raw(host.port, { path: storeMedia(fixture.mediaDir, Buffer.from(`not ${ext}`), ext) });
      expect(res.status, ext).toBe(404);
    }
  });
});
