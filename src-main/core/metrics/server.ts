/**
 * The metrics endpoint (issue 22): `GET /metrics` for Prometheus, on its own address and port,
 * never on the visitor's host. It usually listens on the museum's network (the visitor's server
 * listens on 127.0.0.1 only), so it answers one thing to one caller: a bearer token is required,
 * compared in constant time, and anything else gets a short refusal with no detail.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../log';

/** A scrape is a few kilobytes: anything slower than this is a stuck or hostile client. */
const TIMEOUT_MS = 10_000;
/** Prometheus holds one connection per target; a handful more is a scan, not a scraper. */
const MAX_CONNECTIONS = 16;

export interface MetricsServerOptions {
  /** "IP:port" or "[v6]:port", as the metricsAddress setting holds it. */
  address: string;
  /** The bearer token Prometheus must send. */
  token: string;
  registry: Registry;
  log: Logger;
}

export interface MetricsServer {
  /** Where it listens, e.g. http://192.0.2.10:9464/metrics (with the port chosen for port 0). */
  url: string;
  close(): Promise<void>;
}

/** Splits "IP:port" or "[v6]:port" into host and port; throws a plain sentence otherwise. */
export function parseListenAddress(address: string): { host: string; port: number } {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):(\d{1,5})$/.exec(address);
  const port = Number(match?.[3]);
  if (!match || port > 65535) throw new Error(`"${address}" is not an address "IP:port" such as "0.0.0.0:9464" or "[::1]:9464"`);
  return { host: match[1] ?? match[2]!, port };
}

/** SHA-256 first: timingSafeEqual needs equal lengths, and the length must not leak either. */
const digest = (text: string) => createHash('sha256').update(text).digest();

/** Starts listening; rejects when it cannot (port taken, address not on this machine). */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const { token, registry, log } = options;
  const { host, port } = parseListenAddress(options.address);
  const expected = digest(token);

  const authorised = (req: IncomingMessage): boolean => {
    const match = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
    return match !== null && timingSafeEqual(digest(match[1]!), expected);
  };

  const answer = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(`${text}\n`);
  };

  const server = createServer({ headersTimeout: TIMEOUT_MS, requestTimeout: TIMEOUT_MS }, (req, res) => {
    req.resume(); // a GET has no body; anything sent is drained, never read
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') return answer(res, 404, 'Not found.');
    if (req.method !== 'GET') return answer(res, 405, 'Only GET.', { allow: 'GET' });
    if (!authorised(req)) return answer(res, 401, 'A bearer token is required.', { 'www-authenticate': 'Bearer' });
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      },
      (error: unknown) => {
        log.error('metrics', 'The metrics could not be collected for a scrape', error);
        answer(res, 500, 'The metrics could not be collected; the kiosk log says why.');
      },
    );
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.keepAliveTimeout = TIMEOUT_MS;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      // After listening, an error (a socket the system took back) is logged, never thrown.
      server.on('error', (error) => log.error('metrics', 'The metrics endpoint failed', error));
      const bound = server.address() as AddressInfo;
      const shown = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
      resolve({
        url: `http://${shown}:${bound.port}/metrics`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Prometheus keeps its connection open between scrapes: close would wait for it.
            server.closeAllConnections();
          }),
      });
    });
  });
}
