// @vitest-environment node
/** The HTTP binding of the contract, through a real server on a free loopback port. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import { createPinStore } from '../../../src-main/core/staff/pin';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { STATUS_FOR_CODE } from '../../../src-main/http/api-route';
import { ManualClock } from '../../helpers/clock';
import { makePackage, tempDir } from '../../helpers/packages';
import { raw, serveDuringTests, type Served } from './helpers';

const served = serveDuringTests();

/** What the renderer's fetch client does. */
function call(method: string, args: unknown, init: RequestInit = {}, on: Served = served) {
  return fetch(`${on.host.url}api/${method}`, {
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
    const res = await fetch(`${served.host.url}api/getHealth`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: { ok: true } });
  });

  it('accepts a charset parameter and the Origin and Sec-Fetch-Site a same-origin page sends', async () => {
    const res = await raw(served.host.port, {
      method: 'POST',
      path: '/api/search',
      headers: {
        Host: `localhost:${served.host.port}`,
        Origin: `http://localhost:${served.host.port}`,
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

  // Issue 19, found by an outside probe: thousands of levels of nesting sent zod's z.json() into a
  // RangeError outside dispatch's try, and the host answered 500 and logged an error.
  it('answers a deeply nested JSON argument with 400 and a sentence, never 500', async () => {
    const depth = 20_000;
    const body = `{"token":"${'A'.repeat(43)}","key":"showCursor","value":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const res = await call('staffSetSetting', undefined, { body });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({ code: 'bad-request', message: 'Invalid arguments for staffSetSetting: a value nested more than 64 levels deep.' });
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
    expect(served.log.entries.some((e) => e.level === 'error' && e.message.includes('getQr'))).toBe(true);
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
    const none = await raw(served.host.port, { method: 'POST', path: '/api/getHealth', body: '{}' });
    expect(none.status).toBe(415);
  });

  it('refuses a body over 64 KiB with 413, declared or streamed', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(70 * 1024) });
    const declared = await call('search', JSON.parse(big));
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.message).toContain('64 KiB');

    // Chunked: no Content-Length, so the limit is enforced while reading.
    const chunked = await fetch(`${served.host.url}api/search`, {
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
    const res = await raw(served.host.port, { method: 'GET', path: '/api/getHealth' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });

  it('refuses a cross-site call even when Host and Origin look right', async () => {
    const res = await raw(served.host.port, {
      method: 'POST',
      path: '/api/getHealth',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a call from a foreign origin with 403', async () => {
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${served.host.port}`, `http://127.0.0.1:${served.host.port + 1}`]) {
      const res = await raw(served.host.port, {
        method: 'POST',
        path: '/api/getHealth',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: '{}',
      });
      expect(res.status, origin).toBe(403);
    }
  });
});

describe('staff verbs over HTTP, on a real core', () => {
  let root: ReturnType<typeof tempDir>;
  let core: VitrineCore;
  const clock = new ManualClock();
  beforeAll(async () => {
    root = tempDir('vitrine-http-staff-');
    core = await openVitrine({
      dataDir: join(root.path, 'data'), builtinPackage: await makePackage(root.path), clock, log: createMemoryLogger(),
      inbox: { watch: () => ({ close() {} }) },
    });
    await createPinStore(core.store.db).set('2468');
  });
  afterAll(() => {
    core?.close();
    root?.cleanup();
  });
  const staffHost = serveDuringTests(() => core.api);
  const staffCall = async (method: string, args: unknown) => {
    const res = await call(method, args, {}, staffHost);
    return { status: res.status, body: (await res.json()) as { ok: boolean; result?: { token: string }; error?: { code: string; message: string } } };
  };

  it('maps the contract\'s staff refusals: unauthorized to 401, locked to 429', () => {
    expect(STATUS_FOR_CODE.unauthorized).toBe(401);
    expect(STATUS_FOR_CODE.locked).toBe(429);
  });

  it('answers four wrong PINs with 401 and the tries left, the fifth and any try during the lock with 429', async () => {
    // The sentence for the log and an English pad, the numbers for a pad in any language.
    for (const [left, triesLeft] of [['4 tries', 4], ['3 tries', 3], ['2 tries', 2], ['1 try', 1]] as const) {
      expect(await staffCall('staffLogin', { pin: '1111' })).toEqual({
        status: 401, body: { ok: false, error: { code: 'unauthorized', message: `Wrong PIN, ${left} left.`, pin: { kind: 'wrong-pin', triesLeft } } },
      });
    }
    const lockedUntil = new Date(clock.now() + 5 * 60_000).toISOString();
    expect(await staffCall('staffLogin', { pin: '1111' })).toEqual({
      status: 429,
      body: { ok: false, error: { code: 'locked', message: 'Wrong PIN. Locked for 5 minutes after 5 wrong tries.', pin: { kind: 'pin-locked', minutesLeft: 5, lockedUntil, afterTries: 5 } } },
    });
    // Locked means locked: even the right PIN waits.
    expect(await staffCall('staffLogin', { pin: '2468' })).toEqual({
      status: 429, body: { ok: false, error: { code: 'locked', message: 'Locked for 5 more minutes.', pin: { kind: 'pin-locked', minutesLeft: 5, lockedUntil, afterTries: null } } },
    });
    clock.advance(5 * 60_000);
    expect((await staffCall('staffLogin', { pin: '2468' })).status).toBe(200);
  });

  it('answers a staff verb without a session with 401, and with an expired one with 401 and why', async () => {
    expect(await staffCall('staffStatus', { token: 'A'.repeat(43) })).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', message: expect.stringMatching(/^This staff session has ended|^Staff mode is closed/) } } });
    // No token at all is a malformed call, refused by the contract's schema before any session check.
    expect(await staffCall('staffStatus', {})).toMatchObject({ status: 400, body: { error: { code: 'bad-request', message: expect.stringContaining('"token"') } } });
    const login = await staffCall('staffLogin', { pin: '2468' });
    const token = login.body.result!.token;
    expect((await staffCall('staffStatus', { token })).status).toBe(200);
    clock.advance(10 * 60_000 + 1);
    expect(await staffCall('staffSetSetting', { token, key: 'showCursor', value: true })).toEqual({
      status: 401,
      body: { ok: false, error: { code: 'unauthorized', message: 'The staff session has expired after 10 minutes without use. Enter the staff PIN again.' } },
    });
    expect(core.settings.get('showCursor')).toBe(false);
  });
});
