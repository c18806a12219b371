// @vitest-environment node
/** The HTTP binding of the contract, through a real server on a free loopback port. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import { startHttpHost, type HttpHost } from '../../../src-main/http/server';
import { fakeApi, makeFixture, raw, type Fixture } from './helpers';

let fixture: Fixture;
let host: HttpHost;
const log = createMemoryLogger();

beforeAll(async () => {
  fixture = makeFixture();
  host = await startHttpHost({ api: fakeApi(), rendererDir: fixture.rendererDir, mediaDir: fixture.mediaDir, tilesDir: fixture.tilesDir, log, port: 0 });
});
afterAll(async () => {
  await host.close();
  fixture.cleanup();
});

/** What the renderer's fetch client does. */
function call(method: string, args: unknown, init: RequestInit = {}) {
  return fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
    ...init,
  });
}

describe('POST /api/<method>', () => {
  it('round-trips a call into the implementation and back as an ok envelope', async () => {
    const res = await call('getArtifact', { id: 'ms-17' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ ok: true, result: { id: 'ms-17', title: 'Artifact ms-17' } });
  });

  it('treats an empty body as no arguments', async () => {
    const res = await fetch(`${host.url}api/getHealth`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: { ok: true } });
  });

  it('accepts a charset parameter and the Origin and Sec-Fetch-Site a same-origin page sends', async () => {
    const res = await raw(host.port, {
      method: 'POST',
      path: '/api/search',
      headers: {
        Host: `localhost:${host.port}`,
        Origin: `http://localhost:${host.port}`,
        'Sec-Fetch-Site': 'same-origin',
        'Content-Type': 'application/json; charset=UTF-8',
      },
      body: JSON.stringify({ query: 'ink' }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ ok: true, result: { hits: [{ kind: 'artifact', id: 'a1', snippet: [{ text: 'ink', match: true }] }] } });
  });

  it('answers bad arguments with 400 and a message naming the argument', async () => {
    const res = await call('getArtifact', { id: '../etc' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(body.error.message).toContain('"id"');
  });

  it('answers an unknown argument with 400', async () => {
    const res = await call('getHealth', { extra: 1 });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('bad-request');
  });

  it('answers an unknown method with a 400 envelope', async () => {
    for (const method of ['dropTables', 'getExhibit/extra', '__proto__', 'constructor']) {
      const res = await call(method, {});
      expect(res.status, method).toBe(400);
      expect((await res.json()).error.message, method).toMatch(/Unknown API method/);
    }
  });

  it('maps envelope codes to HTTP statuses: not-found 404, unavailable 503, internal 500', async () => {
    expect((await call('getTopic', { id: 'nope' })).status).toBe(404);
    expect((await call('search', { query: 'down' })).status).toBe(503);
    const internal = await call('getQr', { text: 'https://example.org' });
    expect(internal.status).toBe(500);
    const body = await internal.json();
    // The bug's own message stays in the log, not in front of a visitor.
    expect(body).toEqual({ ok: false, error: { code: 'internal', message: 'The kiosk could not answer this request.' } });
    expect(log.entries.some((e) => e.level === 'error' && e.message.includes('getQr'))).toBe(true);
  });

  it('answers invalid JSON with a 400 envelope', async () => {
    const res = await call('getHealth', undefined, { body: '{"id": ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'bad-request', message: 'The request body is not valid JSON.' } });
  });

  it('refuses a body that is not declared as JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await call('getHealth', {}, { headers: { 'Content-Type': type } });
      expect(res.status, type).toBe(415);
      expect((await res.json()).error.code).toBe('bad-request');
    }
    const none = await raw(host.port, { method: 'POST', path: '/api/getHealth', body: '{}' });
    expect(none.status).toBe(415);
  });

  it('refuses a body over 64 KiB with 413, declared or streamed', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(70 * 1024) });
    const declared = await call('search', JSON.parse(big));
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.message).toContain('64 KiB');

    // Chunked: no Content-Length, so the limit is enforced while reading.
    const chunked = await fetch(`${host.url}api/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    // The server is still there afterwards.
    expect((await call('getHealth', {})).status).toBe(200);
  });

  it('accepts a body just under the limit', async () => {
    const res = await call('search', { query: 'x'.repeat(60 * 1024) });
    // The contract caps queries at 200 characters: past the size check, refused by the schema.
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('"query"');
  });

  it('refuses other methods on /api with 405', async () => {
    const res = await raw(host.port, { method: 'GET', path: '/api/getHealth' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });

  it('refuses a cross-site call even when Host and Origin look right', async () => {
    const res = await raw(host.port, {
      method: 'POST',
      path: '/api/getHealth',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a call from a foreign origin with 403', async () => {
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 1}`]) {
      const res = await raw(host.port, {
        method: 'POST',
        path: '/api/getHealth',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: '{}',
      });
      expect(res.status, origin).toBe(403);
    }
  });
});
