// @vitest-environment node
/** The browser host's files, guards and headers, through a real server on a free loopback port. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/common/static-files';
import { startHttpHost } from '../../../src-main/http/server';
import { hostOptions, raw, SECRET, serveDuringTests } from './helpers';

const served = serveDuringTests();

function expectSecurityHeaders(headers: Headers | Record<string, string | string[] | undefined>, label: string) {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  expect(get('content-security-policy'), label).toBe(CONTENT_SECURITY_POLICY);
  expect(get('x-content-type-options'), label).toBe('nosniff');
  expect(get('referrer-policy'), label).toBe('no-referrer');
  expect(get('cross-origin-opener-policy'), label).toBe('same-origin');
  expect(get('cross-origin-resource-policy'), label).toBe('same-origin');
  expect(get('x-frame-options'), label).toBe('DENY');
  expect(get('permissions-policy'), label).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
}

describe('renderer files', () => {
  it('serves index.html at / with revalidation, so an update shows at once', async () => {
    const res = await fetch(served.host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>Vitrine</title>');
  });

  it('serves hashed assets as immutable with their type', async () => {
    const res = await fetch(`${served.host.url}assets/index-abc123.js?v=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log("hi");');
  });

  it('streams a large file whole', async () => {
    const res = await fetch(served.host.url + served.fixture.bigAsset.url.slice(1));
    expect(res.headers.get('content-length')).toBe(String(served.fixture.bigAsset.bytes.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(served.fixture.bigAsset.bytes)).toBe(true);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await raw(served.host.port, { method: 'HEAD', path: '/favicon.svg' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.headers['content-length']).toBe('41');
    expect(res.body.length).toBe(0);
    expectSecurityHeaders(res.headers, 'HEAD');
  });

  it('answers 404 for a missing file or a folder', async () => {
    expect((await fetch(`${served.host.url}nope.js`)).status).toBe(404);
    expect((await fetch(`${served.host.url}assets`)).status).toBe(404);
    expect((await fetch(`${served.host.url}assets/`)).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/../package.json',
      '/%2e%2e/secret.txt',
      '/%2E%2E/package.json',
      '/..%2fsecret.txt',
      '/..%2f..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/../../secret.txt',
      '/%5c..%5csecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%252e%252e/secret.txt',
      '/secret.txt%00.html',
      '/media/../secret.txt',
      '/media/..%2f..%2fsecret.txt',
      '//secret.txt',
      `/${served.fixture.root}/secret.txt`,
      `/${encodeURIComponent(served.fixture.root + '/secret.txt')}`,
    ];
    for (const path of attempts) {
      const res = await raw(served.host.port, { path });
      expect(res.status, path).toBe(404);
      expect(res.text, path).not.toContain(SECRET);
    }
  });

  it('refuses a proxy-style absolute request target', async () => {
    const res = await raw(served.host.port, { path: `http://127.0.0.1:${served.host.port}/index.html` });
    expect(res.status).toBe(400);
  });

  it('refuses methods other than GET and HEAD with 405', async () => {
    for (const method of ['PUT', 'DELETE', 'OPTIONS', 'PATCH', 'POST']) {
      const res = await raw(served.host.port, { method, path: '/index.html' });
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
  });
});

describe('media', () => {
  it('serves a file by its hash, cached forever', async () => {
    const res = await fetch(served.host.url + served.fixture.media.url.slice(1));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await res.arrayBuffer()).equals(served.fixture.media.bytes)).toBe(true);
  });

  it('answers 404 for an unknown hash or a name that is not a hash', async () => {
    for (const path of [
      `/media/${'0'.repeat(64)}.jpg`, '/media/photo.jpg', `${served.fixture.media.url}.exe`, served.fixture.media.url.replace('.jpg', '.png'), '/media/',
      // Video and audio (issue 20): a listed extension with no such file, and names off the list.
      `/media/${'0'.repeat(64)}.mp4`, '/media/clip.mp4', served.fixture.media.url.replace('.jpg', '.mkv'), served.fixture.media.url.replace('.jpg', '.MP3'),
    ]) {
      const res = await raw(served.host.port, { path });
      expect(res.status, path).toBe(404);
    }
  });
});

// Issue 19, found by an outside probe: a link inside the data folder's media was followed.
describe('links in the content stores', () => {
  it('a link named like a media file or a tile is not followed (404), whether to a file or a folder', async () => {
    const { mediaDir, tilesDir, root } = served.fixture;
    const hash = 'ab'.repeat(32);
    mkdirSync(join(mediaDir, 'ab'), { recursive: true });
    symlinkSync(join(root, 'secret.txt'), join(mediaDir, 'ab', `${hash}.jpg`));
    // A whole pyramid folder that is a link elsewhere.
    mkdirSync(join(root, 'elsewhere', 'image_files', '0'), { recursive: true });
    writeFileSync(join(root, 'elsewhere', 'image_files', '0', '0_0.jpeg'), SECRET);
    mkdirSync(join(tilesDir, 'cd'), { recursive: true });
    symlinkSync(join(root, 'elsewhere'), join(tilesDir, 'cd', 'cd'.repeat(32)));
    for (const path of [`/media/${hash}.jpg`, `/tiles/${'cd'.repeat(32)}/image_files/0/0_0.jpeg`]) {
      const res = await raw(served.host.port, { path });
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain(SECRET);
    }
  });
});

describe('tiles', () => {
  it('serves a Deep Zoom descriptor and its tiles by the image hash, cached forever', async () => {
    const tile = await fetch(served.host.url + served.fixture.tile.url.slice(1));
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/jpeg');
    expect(tile.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await tile.arrayBuffer()).equals(served.fixture.tile.bytes)).toBe(true);
    const dzi = await fetch(served.host.url + served.fixture.tile.url.slice(1).replace(/image_files\/.*$/, 'image.dzi'));
    expect(dzi.status).toBe(200);
    expect(dzi.headers.get('content-type')).toBe('application/xml');
  });

  it('answers 404 for anything under /tiles that is not a pyramid file', async () => {
    const base = served.fixture.tile.url.replace(/\/image_files\/.*$/, '');
    for (const path of [`${base}/../../secret.txt`, `${base}/image_files/3/../../../../secret.txt`, `${base}/image_files/3/0_1.png`, `${base}/other.dzi`, '/tiles/', `/tiles/abc/image.dzi`]) {
      const res = await raw(served.host.port, { path });
      expect(res.status, path).toBe(404);
    }
  });
});

describe('guards', () => {
  it('puts the security headers on every kind of response', async () => {
    expectSecurityHeaders((await fetch(served.host.url)).headers, '200 page');
    expectSecurityHeaders((await fetch(`${served.host.url}nope`)).headers, '404');
    expectSecurityHeaders((await raw(served.host.port, { path: '/', headers: { Host: 'evil.example' } })).headers, '421');
    expectSecurityHeaders((await raw(served.host.port, { method: 'DELETE', path: '/' })).headers, '405');
    const api = await fetch(`${served.host.url}api/getHealth`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expectSecurityHeaders(api.headers, 'api');
  });

  it('answers 421 to a Host that is not its own loopback address (DNS rebinding)', async () => {
    const foreign = [`evil.example:${served.host.port}`, 'evil.example', `127.0.0.1:${served.host.port + 1}`, `localhost:${served.host.port + 1}`, '127.0.0.1', `0.0.0.0:${served.host.port}`, `127.0.0.1.evil.example:${served.host.port}`];
    for (const value of foreign) {
      for (const path of ['/', '/api/getHealth', served.fixture.media.url]) {
        const method = path.startsWith('/api/') ? 'POST' : 'GET';
        const res = await raw(served.host.port, { method, path, headers: { Host: value, 'Content-Type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
        expect(res.status, `${value} ${path}`).toBe(421);
        expect(res.text).not.toContain('<title>');
      }
    }
  });

  it('answers to 127.0.0.1 and localhost with its port', async () => {
    expect((await raw(served.host.port, { path: '/', headers: { Host: `localhost:${served.host.port}` } })).status).toBe(200);
    expect((await raw(served.host.port, { path: '/', headers: { Host: `127.0.0.1:${served.host.port}` } })).status).toBe(200);
  });

  it('answers 403 to a page from another origin, and serves its own', async () => {
    const own = await raw(served.host.port, { path: '/assets/index-abc123.js', headers: { Origin: `http://127.0.0.1:${served.host.port}` } });
    expect(own.status).toBe(200);
    const foreign = await raw(served.host.port, { path: '/assets/index-abc123.js', headers: { Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.text).not.toContain('console.log');
  });

  it('survives a client that hangs up mid-transfer', async () => {
    served.log.entries.length = 0;
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: served.host.port, path: served.fixture.bigAsset.url, agent: false }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    expect((await fetch(served.host.url)).status).toBe(200);
    expect(served.log.entries.filter((e) => e.level !== 'info')).toEqual([]);
  });

  it('answers a malformed request with 400 and keeps serving', async () => {
    const { connect } = await import('node:net');
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(served.host.port, '127.0.0.1', () => socket.write('THIS IS NOT HTTP\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect((await fetch(served.host.url)).status).toBe(200);
  });
});

describe('binding', () => {
  it('refuses to listen on anything but loopback', async () => {
    for (const address of ['0.0.0.0', '::', '192.168.1.10', 'example.org', '']) {
      await expect(startHttpHost(hostOptions(served.fixture, served.log, { host: address })), address).rejects.toThrow(/loopback/);
    }
  });

  it('reports the address it really listens on, and rejects a port in use', async () => {
    const second = await startHttpHost(hostOptions(served.fixture, served.log, { host: 'localhost' }));
    try {
      expect(second.url).toBe(`http://127.0.0.1:${second.port}/`);
      await expect(startHttpHost(hostOptions(served.fixture, served.log, { port: second.port }))).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await second.close();
    }
  });

  it('closes even with a keep-alive connection open', async () => {
    const third = await startHttpHost(hostOptions(served.fixture, served.log));
    await fetch(third.url); // undici keeps the connection alive
    await third.close();
    await expect(fetch(third.url)).rejects.toThrow();
  });
});
