/**
 * The browser host's HTTP server: the renderer, its media and the API on one loopback origin,
 * so Chromium (kiosk, presenter laptop, end-to-end tests) runs exactly what Electron runs.
 * Routing lives here; each route is its own module. Nothing in here knows an exhibit.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiImplementation } from '../contract/api';
import type { Logger } from '../core/log';
import { handleApiCall } from './api-route';
import { allowedHosts, checkRequest, hostWithPort, loopbackBindAddress, SECURITY_HEADERS } from './guards';
import { applySecurityHeaders, sendText } from './respond';
import { isContentPath } from '../common/static-files';
import { serveContent, serveRenderer } from './static';

export interface HttpHostOptions {
  api: ApiImplementation;
  /** Folder of the built renderer (index.html, assets/). */
  rendererDir: string;
  /** Folder of content-addressed media. */
  mediaDir: string;
  /** Folder of Deep Zoom pyramids, by image hash. */
  tilesDir: string;
  log: Logger;
  /** 0 picks any free port. */
  port: number;
  /** Loopback address to bind; anything else is refused. */
  host?: string;
}

export interface HttpHost {
  /** Address to open, e.g. `http://127.0.0.1:4380/`. */
  url: string;
  port: number;
  /** Stops listening and drops open connections (keep-alive ones included). */
  close(): Promise<void>;
}

/** Starts the loopback HTTP host; rejects on a non-loopback host or a listen error (EADDRINUSE). */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const host = options.host ?? '127.0.0.1';
  const bindAddress = loopbackBindAddress(host);
  if (bindAddress === null) {
    // The API and the media are for this machine's kiosk only, never for the museum's network.
    throw new Error(`Vitrine's browser host only listens on a loopback address (127.0.0.1), not on ${host}.`);
  }
  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res, hosts, options).catch((error: unknown) => {
      options.log.error('http', 'A request failed', error);
      sendText(req, res, 500, 'Internal error.');
    });
  });
  // Malformed requests never reach the handler; answer them plainly instead of dropping them.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const headers = Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(`HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n${headers}\r\n`);
  });
  await listen(server, options.port, bindAddress);
  // Without a listener a later server error would be thrown and end the kiosk's process.
  server.on('error', (error) => options.log.error('http', 'Server error', error));
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(bindAddress, port);
  const url = `http://${hostWithPort(bindAddress, port)}/`;
  options.log.info('http', 'Browser host listening', { url });
  return { url, port, close: () => closeServer(server) };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  hosts: ReadonlySet<string>,
  options: HttpHostOptions,
): Promise<void> {
  applySecurityHeaders(res);
  const rawUrl = req.url ?? '';
  // Only origin-form targets ("/path?query"); absolute-form is for proxies, not for us.
  if (!rawUrl.startsWith('/')) return sendText(req, res, 400, 'Bad request target.');
  const urlPath = rawUrl.split(/[?#]/, 1)[0]!;
  const isApi = urlPath.startsWith('/api/');

  const refusal = checkRequest(
    {
      host: req.headers.host,
      origin: req.headers.origin,
      secFetchSite: header(req, 'sec-fetch-site'),
      isApiCall: isApi,
    },
    hosts,
  );
  if (refusal) return sendText(req, res, refusal.status, refusal.message);

  if (isApi) {
    if (req.method !== 'POST') return sendText(req, res, 405, 'API calls use POST.', { Allow: 'POST' });
    return handleApiCall(req, res, urlPath.slice('/api/'.length), options.api, options.log);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendText(req, res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
  }
  if (isContentPath(urlPath)) return serveContent(req, res, options, urlPath, options.log);
  return serveRenderer(req, res, options.rendererDir, urlPath, options.log);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
