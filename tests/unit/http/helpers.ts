/**
 * Shared pieces of the browser-host tests: a fake implementation of the contract, a temporary
 * renderer and media store made of real files, a real host on a free port over them for the
 * tests of a file, and a raw HTTP client that can send the Host, Origin and paths that fetch()
 * would rewrite or refuse.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ApiError, type ApiImplementation } from '../../../src-main/contract/api';
import { createMemoryLogger } from '../../../src-main/core/log';
import { startHttpHost, type HttpHost, type HttpHostOptions } from '../../../src-main/http/server';

/** A contract implementation with just enough behaviour to exercise every envelope code. */
export function fakeApi(): ApiImplementation {
  return {
    getExhibit: () => ({
      title: 'Test exhibit',
      subtitle: null,
      credit: null,
      language: 'en',
      languages: [],
      sections: [],
      highlights: [],
      attract: { title: 'Test exhibit', invitation: null, artifacts: [] },
      timeline: null,
      package: { id: 'test', version: '1', versionId: 1, importedAt: '2024-01-01T00:00:00Z' },
    }),
    getSection: ({ id }) => {
      throw new ApiError('not-found', `There is no section "${id}".`);
    },
    getTopic: ({ id }) => {
      throw new ApiError('not-found', `There is no topic "${id}".`);
    },
    getArtifact: async ({ id }) => ({
      id,
      title: `Artifact ${id}`,
      caption: null,
      permanentUrl: null,
      translation: null,
      translationNote: null,
      date: null,
      images: [],
      recordings: [],
      topic: null,
      previousId: null,
      nextId: null,
      language: 'en',
      languages: [],
    }),
    getTimeline: () => ({ span: null, dated: [], undated: [] }),
    search: ({ query }) => {
      if (query === 'down') throw new ApiError('unavailable', 'Search is being rebuilt.');
      return { hits: [{ kind: 'artifact', id: 'a1', title: [{ text: 'Found', match: false }], titleLang: 'en', field: 'title', snippet: [{ text: query, match: true }], snippetLang: 'en' }], partial: false, more: false };
    },
    getQr: () => {
      throw new Error('boom: an unexpected bug');
    },
    getHealth: () => ({ ok: true, version: '0.1.0', liveVersion: '1', uptimeSeconds: 1 }),
    getKioskConfig: () => ({ idleTimeoutSeconds: 90, idleCountdownSeconds: 15, attractSlideSeconds: 8, showCursor: false, volumeCeilingPercent: 100, preview: false }),
    getPreviewState: () => {
      throw new ApiError('unavailable', 'This kiosk is not a preview.');
    },
    reportVisitorState: () => ({ liveVersionId: 1, pendingVersionId: null }),
    recordActivity: () => ({ accepted: true }),
    staffVisitors: () => {
      throw new ApiError('unauthorized', 'Staff mode is not open.');
    },
    ...staffVerbsUnavailable(),
  };
}

/** The staff verbs, each refusing as a host without staff mode would. */
function staffVerbsUnavailable(): Pick<ApiImplementation, 'staffLogin' | 'staffLogout' | 'staffStatus' | 'staffRollback' | 'staffSetSetting' | 'staffImportFromInbox' | 'staffImportAnyway' | 'staffLeaveKiosk' | 'staffCheckChannel'> {
  const refuse = (): never => {
    throw new ApiError('unauthorized', 'Staff mode is closed. Enter the staff PIN.');
  };
  return { staffLogin: refuse, staffLogout: refuse, staffStatus: refuse, staffRollback: refuse, staffSetSetting: refuse, staffImportFromInbox: refuse, staffImportAnyway: refuse, staffLeaveKiosk: refuse, staffCheckChannel: refuse };
}

export const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';

export interface Fixture {
  root: string;
  rendererDir: string;
  mediaDir: string;
  tilesDir: string;
  /** A real tile of a Deep Zoom pyramid and the URL that serves it. */
  tile: { bytes: Buffer; url: string };
  /** A real media file: its bytes and the content-addressed URL that serves it. */
  media: { bytes: Buffer; url: string };
  bigAsset: { bytes: Buffer; url: string };
  cleanup(): void;
}

/** Builds root/{renderer,media} plus files next to them that must never be served. */
export function makeFixture(): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'vitrine-http-'));
  const rendererDir = join(root, 'renderer');
  const mediaDir = join(root, 'media');
  const tilesDir = join(root, 'tiles');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vitrine</title><script type="module" src="./assets/index-abc123.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("hi");');
  writeFileSync(join(rendererDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // A few megabytes, so a transfer is still running when a client hangs up.
  const big = Buffer.alloc(8 * 1024 * 1024, 7);
  writeFileSync(join(rendererDir, 'assets', 'big-def456.bin'), big);
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: SECRET }));

  const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
  const hash = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(join(mediaDir, hash.slice(0, 2)), { recursive: true });
  writeFileSync(join(mediaDir, hash.slice(0, 2), `${hash}.jpg`), bytes);
  const tileDir = join(tilesDir, hash.slice(0, 2), hash, 'image_files', '3');
  mkdirSync(tileDir, { recursive: true });
  writeFileSync(join(tileDir, '0_1.jpeg'), bytes);
  writeFileSync(join(tilesDir, hash.slice(0, 2), hash, 'image.dzi'), '<Image TileSize="512"/>');

  return {
    root,
    rendererDir,
    mediaDir,
    tilesDir,
    tile: { bytes, url: `/tiles/${hash}/image_files/3/0_1.jpeg` },
    media: { bytes, url: `/media/${hash}.jpg` },
    bigAsset: { bytes: big, url: '/assets/big-def456.bin' },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The options that serve `fixture`'s files and `api` on a free loopback port. */
export function hostOptions(fixture: Fixture, log: HttpHostOptions['log'], over: Partial<HttpHostOptions> = {}): HttpHostOptions {
  return { api: fakeApi(), rendererDir: fixture.rendererDir, mediaDir: fixture.mediaDir, tilesDir: fixture.tilesDir, log, port: 0, ...over };
}

export interface Served {
  fixture: Fixture;
  host: HttpHost;
  log: ReturnType<typeof createMemoryLogger>;
}

/**
 * A host for the tests of the calling file (or describe block): started before them over `api`
 * (asked for then, so it may come from a core opened by an earlier beforeAll), stopped after.
 */
export function serveDuringTests(api: () => ApiImplementation = fakeApi): Served {
  const served = { log: createMemoryLogger() } as Served;
  beforeAll(async () => {
    served.fixture = makeFixture();
    served.host = await startHttpHost(hostOptions(served.fixture, served.log, { api: api() }));
  });
  afterAll(async () => {
    await served.host?.close();
    served.fixture?.cleanup();
  });
  return served;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  /** Defaults to `127.0.0.1:<port>`; set explicitly to test foreign Host headers. */
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Sends one request exactly as given (path and Host untouched) and reads the whole answer. */
export function raw(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { Host: `127.0.0.1:${port}`, ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = Buffer.byteLength(req.body);
    const outgoing = request({ host: '127.0.0.1', port, method: req.method ?? 'GET', path: req.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
