import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/common/static-files';
import { createMemoryLogger } from '../../../src-main/core/log';
import {
  createAppProtocolHandler, registerAppProtocol, type AppProtocolHandler,
} from '../../../src-main/electron/protocol';

const HASH = 'ab'.padEnd(64, '0');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const SECRET = 'TOP SECRET: do not serve';

let root: string;
let handler: AppProtocolHandler;
const log = createMemoryLogger();

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vitrine-protocol-'));
  const rendererDir = join(root, 'renderer');
  const mediaDir = join(root, 'media');
  const tilesDir = join(root, 'tiles');
  mkdirSync(join(tilesDir, 'ab', HASH, 'image_files', '9'), { recursive: true });
  writeFileSync(join(tilesDir, 'ab', HASH, 'image_files', '9', '1_2.jpeg'), JPEG);
  writeFileSync(join(tilesDir, 'ab', HASH, 'image.dzi'), '<Image/>');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(join(mediaDir, 'ab'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vitrine</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(mediaDir, 'ab', `${HASH}.jpg`), JPEG);
  // Beside the served folders, where a traversal would land.
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(mediaDir, 'secret.txt'), SECRET);
  handler = createAppProtocolHandler({ rendererDir, mediaDir, tilesDir, log });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the vitrine:// protocol handler', () => {
  it('serves index.html for the app root and by name, with the CSP and nosniff', async () => {
    for (const url of ['vitrine://app/', 'vitrine://app/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>Vitrine</title>');
    }
  });

  it('serves scripts as JavaScript, ignoring query and hash', async () => {
    const response = await get('vitrine://app/assets/app.js?v=2#x');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("app")');
  });

  it('serves a Deep Zoom descriptor and its tiles by the image hash, and nothing else under /tiles', async () => {
    const tile = await get(`vitrine://app/tiles/${HASH}/image_files/9/1_2.jpeg`);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await tile.arrayBuffer()).equals(JPEG)).toBe(true);
    expect((await get(`vitrine://app/tiles/${HASH}/image.dzi`)).headers.get('content-type')).toBe('application/xml');
    for (const bad of [`tiles/${HASH}/../../secret.txt`, `tiles/${HASH}/image_files/9/%2e%2e/%2e%2e/x.jpeg`, `tiles/${HASH}/other.dzi`, 'tiles/abc/image.dzi']) {
      expect((await get(`vitrine://app/${bad}`)).status, bad).toBe(404);
    }
  });

  it('serves a media file by its content address, byte for byte', async () => {
    const response = await get(`vitrine://app/media/${HASH}.jpg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-length')).toBe(String(JPEG.length));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(JPEG);
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await get(`vitrine://app/media/${HASH}.jpg`, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(JPEG.length));
    expect(await response.text()).toBe('');
  });

  it('refuses methods other than GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await get('vitrine://app/index.html', method);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('answers only for the host "app"', async () => {
    for (const url of ['vitrine://evil/index.html', 'vitrine://app.evil/index.html', 'vitrine://app:8080/index.html']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it.each([
    ['an encoded ../', 'vitrine://app/..%2fsecret.txt'],
    ['an encoded %2e%2e/', 'vitrine://app/%2e%2e%2fsecret.txt'],
    ['%2e%2e segments', 'vitrine://app/%2e%2e/%2e%2e/secret.txt'],
    ['an encoded backslash', 'vitrine://app/..%5csecret.txt'],
    ['a leading encoded backslash', 'vitrine://app/%5c..%5csecret.txt'],
    ['an absolute path', `vitrine://app/${encodeURIComponent(join(tmpdir(), 'secret.txt'))}`],
    ['a doubled slash', 'vitrine://app//etc/passwd'],
    ['a drive letter', 'vitrine://app/C:/Windows/win.ini'],
    ['a NUL byte', 'vitrine://app/index.html%00.js'],
    ['a bad escape', 'vitrine://app/%E0%A4%A'],
    ['a traversal through media', 'vitrine://app/media/..%2fsecret.txt'],
  ])('refuses %s with a 404 and nothing of the file', async (_name, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses media names that are not a known content address', async () => {
    for (const name of [
      'secret.txt', 'notahash.jpg', `${HASH}.gif`, `${HASH.toUpperCase()}.jpg`,
      `${HASH}.jpg.exe`, `${'cd'.padEnd(64, '0')}.jpg`, '',
      // Video and audio (issue 20): only the listed extensions, in lower case, and only files that are there.
      `${HASH}.mp4`, `${HASH}.mkv`, `${HASH}.MP4`, `${HASH}.vtt.js`, `${HASH}.wav`,
    ]) {
      expect((await get(`vitrine://app/media/${name}`)).status, name).toBe(404);
    }
  });

  // Issue 19: a link inside the media folder was followed (found on the browser host; the same code here).
  it('does not follow a link placed in the media folder', async () => {
    const linked = 'ef'.repeat(32);
    mkdirSync(join(root, 'media', 'ef'), { recursive: true });
    symlinkSync(join(root, 'media', 'secret.txt'), join(root, 'media', 'ef', `${linked}.jpg`));
    expect((await get(`vitrine://app/media/${linked}.jpg`)).status).toBe(404);
  });

  it('does not list or serve folders', async () => {
    expect((await get('vitrine://app/assets')).status).toBe(404);
    expect((await get('vitrine://app/assets/')).status).toBe(404);
  });

  it('logs requests for anything outside the app', async () => {
    await get('vitrine://evil/x');
    expect(log.entries.some((entry) => entry.area === 'protocol' && entry.level === 'warn')).toBe(true);
  });

  it('registers itself for the vitrine scheme', () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, handler);
    expect(protocol.handle).toHaveBeenCalledWith('vitrine', handler);
  });
});
