// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientError, createClient } from '../../src-renderer/api/client';
import type { VitrineBridge } from '../../src-renderer/api/envelope';
import { openKiosk } from './real-kiosk';

const topic = (await openKiosk()).read.topic('alliance');

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  delete window.vitrine;
  vi.unstubAllGlobals();
});

describe('createClient over HTTP (no preload bridge)', () => {
  it('POSTs the arguments as JSON to ./api/<verb> and returns the result', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ok: true, result: topic }));
    vi.stubGlobal('fetch', fetch);
    const api = createClient();
    await expect(api.getTopic({ id: 'alliance' })).resolves.toEqual(topic);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('./api/getTopic');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ id: 'alliance' });
  });

  it('throws a ClientError with the code and message of a failure envelope', async () => {
    const failure = { ok: false, error: { code: 'not-found', message: 'There is no topic "nope" in this exhibit.' } };
    const api = createClient({ fetch: async () => jsonResponse(failure, 404) });
    const error = await api.getTopic({ id: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ code: 'not-found', message: 'There is no topic "nope" in this exhibit.' });
  });

  it('turns an unreadable answer into an internal ClientError, not a crash', async () => {
    const api = createClient({ fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 502 }) });
    await expect(api.getExhibit({})).rejects.toMatchObject({ name: 'ClientError', code: 'internal' });
  });

  it('turns a refused connection into an unavailable ClientError', async () => {
    const api = createClient({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(api.getExhibit({})).rejects.toMatchObject({ name: 'ClientError', code: 'unavailable' });
  });
});

describe('createClient over the Electron preload bridge', () => {
  function fakeBridge(overrides: Partial<VitrineBridge>): VitrineBridge {
    const unexpected = async () => Promise.reject(new Error('not expected in this test'));
    return new Proxy(overrides, { get: (target, key) => (target as Record<string | symbol, unknown>)[key] ?? unexpected }) as VitrineBridge;
  }

  it('calls window.vitrine[verb] with the arguments and never fetches', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const getTopic = vi.fn(async () => ({ ok: true as const, result: topic }));
    window.vitrine = fakeBridge({ getTopic });
    const api = createClient();
    await expect(api.getTopic({ id: 'alliance' })).resolves.toEqual(topic);
    expect(getTopic).toHaveBeenCalledWith({ id: 'alliance' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('unwraps a failure envelope from the bridge into a ClientError', async () => {
    window.vitrine = fakeBridge({
      getArtifact: async () => ({ ok: false, error: { code: 'bad-request', message: 'Invalid arguments for getArtifact.' } }),
    });
    const error = await createClient()
      .getArtifact({ id: '../etc' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ code: 'bad-request', message: 'Invalid arguments for getArtifact.' });
  });

  it('offers every verb of the contract', () => {
    const api = createClient({ bridge: fakeBridge({}) });
    for (const verb of ['getExhibit', 'getSection', 'getTopic', 'getArtifact', 'search', 'getQr', 'getHealth']) {
      expect(typeof (api as Record<string, unknown>)[verb]).toBe('function');
    }
  });
});
